"""The lookups a Cargo-XML mapping makes under one element: by local name, the first of repeated children, all of
them in document order, comments and other namespaces' prefixes left aside."""

from __future__ import annotations

from lxml import etree

from manifest.formats.cargo_xml.source import Reading

_DOCUMENT = b"""<rsm:Waybill xmlns:rsm="urn:a" xmlns:ram="urn:b">
  <!-- a comment among the children -->
  <ram:Item><ram:ID>1</ram:ID></ram:Item>
  <ram:Note>n</ram:Note>
  <ram:Item><ram:ID>2</ram:ID></ram:Item>
  <ram:Item><ram:ID>3</ram:ID><ram:Code>X</ram:Code></ram:Item>
</rsm:Waybill>"""


def _reading() -> Reading:
    return Reading(etree.fromstring(_DOCUMENT), _DOCUMENT)


def test_find_gives_the_first_child_of_each_step() -> None:
    reading = _reading()
    assert reading.text(reading.root, "Item/ID") == "1"
    assert reading.find(reading.root, "Item/Code") is None
    assert reading.find(reading.root, "Missing") is None


def test_findall_keeps_document_order_and_each_answer_is_its_own_list() -> None:
    reading = _reading()
    items = reading.findall(reading.root, "Item")
    assert [reading.text(item, "ID") for item in items] == ["1", "2", "3"]
    items.clear()
    assert len(reading.findall(reading.root, "Item")) == 3
    assert reading.findall(reading.root, "Missing") == []
    assert reading.text(reading.findall(reading.root, "Item")[2], "Code") == "X"
