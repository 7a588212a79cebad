"""Texts that XML 1.0 cannot carry (a bell, a NUL: XML 1.0 section 2.2) in a model given to an XML writer: written
without those characters and listed as losses, never an exception in the middle of the tree."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from manifest import api
from manifest.formats.xmlchars import xml_ready
from manifest.model import Manifest
from tests.conftest import SAMPLES

RAIL = api.read(next(SAMPLES.glob("rail/*.manifest.json")).read_bytes()).manifests[0]
NOT_XML = "\x00\x07\x1b\ufffe"


def _with_name(manifest: Manifest, name: str) -> Manifest:
    consignment = manifest.consignments[0]
    party = dataclasses.replace(consignment.parties[0], name=name)
    consignment = dataclasses.replace(consignment, parties=(party, *consignment.parties[1:]))
    return dataclasses.replace(
        manifest,
        consignments=(consignment, *manifest.consignments[1:]),
        extensions={**manifest.extensions, "note\x07": "bell\x07rung"},
    )


def test_a_model_xml_can_carry_is_handed_on_untouched() -> None:
    carried, losses = xml_ready([RAIL])
    assert carried[0] is RAIL and losses == []


def test_manifest_xml_writes_the_text_without_what_xml_cannot_carry_and_lists_each_value() -> None:
    written = api.write([_with_name(RAIL, "PE\x07ÑA\x00 STEEL")], "manifest-xml")
    losses = {d.field: d for d in written.losses}
    assert set(losses) == {
        "consignments[0].parties[0].name",
        "extensions['note\\x07'] (key)",
        "extensions['note\\x07']",
    }
    name = losses["consignments[0].parties[0].name"]
    assert (name.code, name.args["written"], name.args["chars"]) == ("XML009", "PEÑA STEEL", "U+0007, U+0000")
    assert name.args["value"] == "PE\\x07ÑA\\x00 STEEL"  # the report shows the characters, it does not carry them
    back = api.read(written.data, "manifest-xml")
    assert not back.diagnostics
    assert back.manifests[0].consignments[0].parties[0].name == "PEÑA STEEL"
    assert back.manifests[0].extensions["note"] == "bellrung"


def test_carta_porte_writes_the_text_without_what_xml_cannot_carry_and_lists_it() -> None:
    written = api.write([_with_name(RAIL, "PE\x07ÑA STEEL")], "carta-porte")
    (loss,) = [d for d in written.losses if d.field == "consignments[0].parties[0].name"]
    assert loss.code == "XML009" and loss.args["written"] == "PEÑA STEEL"
    assert b"\x07" not in written.data and "PEÑA STEEL".encode() in written.data
    assert not [d for d in api.read(written.data, "carta-porte").diagnostics if d.code.startswith("XML")]


@given(st.text(alphabet=st.sampled_from(f"AZ Ñ{NOT_XML}"), min_size=1, max_size=12))
def test_any_text_is_written_and_reads_back_without_the_characters(name: str) -> None:
    written = api.write([_with_name(RAIL, name)], "manifest-xml")
    kept = "".join(c for c in name if c not in NOT_XML)
    back = api.read(written.data, "manifest-xml").manifests[0]
    # the same as writing the text without those characters in the first place
    assert back == api.read(api.write([_with_name(RAIL, kept)], "manifest-xml").data, "manifest-xml").manifests[0]
    assert any(d.field == "consignments[0].parties[0].name" for d in written.losses) == (kept != name)
