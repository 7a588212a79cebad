"""Every sample converted to Carta Porte gives a file whose own validation finds no error that the source did not
have, unless a loss or a note of the conversion names it: a value the model lacks stays a CP404 note at the place
it belongs, never an invented value, and a value the target cannot spell is a listed loss, never copied raw."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from manifest import api
from manifest.diagnostics import Diagnostic, Severity
from manifest.formats import get
from manifest.formats.base import Written
from manifest.formats.carta_porte.messages import MISSING_REQUIRED, SCHEMA
from manifest.model import EquipmentKind
from tests.conftest import SAMPLES

CARTA_PORTE = get("carta-porte")
# Every sample of another format than Carta Porte: the X12 309s and 358, the CUSCAR, the canonical manifest-xml and
# manifest-json, and the air messages.
SOURCES = sorted(
    path for path in SAMPLES.rglob("*") if path.is_file() and path.suffix != ".md" and ".cartaporte." not in path.name
)
_FILTER = re.compile(r"\[[^\]0-9][^\]]*\]")  # [scheme=rfc], [role=issuer]: a rule's filter, not a position
_QUOTED = re.compile(r"'([A-Za-z]+)'")
_CAPITALIZED = re.compile(r"\b[A-Z][A-Za-z]+\b")
_NAMESPACED = re.compile(r"\}([A-Za-z]+)")
_CITED = re.compile(r"@([A-Za-z]+)")


def _model_path(field: str) -> str:
    return _FILTER.sub("", field)


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith((outer + ".", outer + "["))


def _element(location: str) -> str:
    """The XPath of the element a finding is about: its attribute step (``/@Rfc``) taken off."""
    return re.sub(r"/@[A-Za-z]+$", "", location)


def _names(error: Diagnostic) -> set[str]:
    """The attributes and elements a finding may be about: at the end of its location, quoted or capitalized in its
    message (``'BienesTransp'``, ``RegimenesAduaneros``, ``{ns}Ubicacion``), or named ``Element@Attribute`` in the
    standard it cites."""
    message = error.message()
    named = set(_QUOTED.findall(message)) | set(_CAPITALIZED.findall(message)) | set(_NAMESPACED.findall(message))
    named |= set(_CITED.findall(error.source or ""))
    if error.location and "/@" in error.location:
        named.add(error.location.rpartition("/@")[2])
    return named


def explains(error: Diagnostic, reason: Diagnostic) -> bool:
    """Whether a loss or note of the conversion accounts for ``error`` of the written file: it is about the model
    field of the error (or one that holds it), or about the same attribute or child element of the same element."""
    if error.field and reason.field and _within(_model_path(error.field), _model_path(reason.field)):
        return True
    if not error.location or not reason.location or not reason.location.startswith("/"):
        return False
    if reason.location == error.location:
        return True
    parent, _, step = reason.location.rpartition("/")
    name = step.removeprefix("@").rpartition(":")[2]
    # libxml2 reports a missing child element at its parent or at the sibling found in its place.
    at = _element(error.location)
    return parent in (at, at.rpartition("/")[0]) and name in _names(error)


def unexplained(source: Path) -> list[str]:
    data = source.read_bytes()
    before = api.validate(data, path=str(source), profile="sat")
    conversion = api.convert(data, "carta-porte", name=str(source))
    assert conversion.written is not None, [d.code for d in conversion.diagnostics]
    # The writer's own findings, before the conversion pins them to the source: notes keep the XPath they name.
    assert conversion.source is not None
    written: Written = CARTA_PORTE.write(conversion.source.manifests)
    assert written.data == conversion.written.data
    after = api.validate(written.data, path="written.xml", profile="sat")
    had = {(d.code, d.field) for d in before.diagnostics if d.severity >= Severity.ERROR}
    reasons = [*written.losses, *written.notes]
    return [
        f"{d.code} {d.location} {d.field}: {d.message()}"
        for d in after.diagnostics
        if d.severity >= Severity.ERROR
        and (d.code, d.field) not in had
        and not any(explains(d, reason) for reason in reasons)
    ]


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_every_error_of_the_written_carta_porte_is_explained(source: Path) -> None:
    assert unexplained(source) == []


# Elements the CFDI 4.0 and Carta Porte 3.1 schemas require even when the model holds none of their values: each is
# written bare with the CP404 notes of what it lacks (Autotransporte requires its Seguros, whose insurer and policy a
# truck's e-manifest does not give). The unsigned CFDI's Sello and Certificado are CP403's.
_REQUIRED_ELEMENTS = {"Emisor", "Receptor", "Ubicaciones", "Seguros"}
_SEAL_PLACEHOLDERS = {"Sello", "Certificado"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_no_empty_value_is_written(source: Path) -> None:
    document = api.read(source.read_bytes(), name=source.name)
    written = CARTA_PORTE.write(document.manifests)
    tree = etree.fromstring(written.data).getroottree()
    gaps = [d.location or "" for d in written.notes if d.code == "CP404"]
    for element in tree.iter():
        name = etree.QName(element).localname
        assert [a for a, v in element.attrib.items() if not v and a not in _SEAL_PLACEHOLDERS] == [], name
        if len(element) or element.attrib:
            continue
        assert name in _REQUIRED_ELEMENTS, f"{tree.getpath(element)} is written empty"
        assert any(gap.startswith(tree.getpath(element) + "/") for gap in gaps), name


def test_a_rail_container_with_nothing_carta_porte_states_is_a_loss_not_an_empty_element() -> None:
    source = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
    document = api.read(source.read_bytes(), name=source.name)
    container = document.manifests[0].consignments[1].equipment[1]
    assert container.kind == EquipmentKind.CONTAINER and container.tare_weight is None
    assert "c_Contenedor" not in {code.kind for code in container.type_codes}
    written = CARTA_PORTE.write(document.manifests)
    assert b"Contenedor" not in written.data
    assert "consignments[1].equipment[1]" in {d.field for d in written.losses}


def test_a_note_explains_only_its_own_gap() -> None:
    mercancia = (
        "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:Mercancias/cartaporte31:Mercancia"
    )
    error = SCHEMA(
        reason="Mercancia: The attribute 'BienesTransp' is required but missing.", location=f"{mercancia}[1]"
    )
    assert explains(error, MISSING_REQUIRED(what="Mercancia/@BienesTransp", location=f"{mercancia}[1]/@BienesTransp"))
    assert not explains(
        error, MISSING_REQUIRED(what="Mercancia/@BienesTransp", location=f"{mercancia}[2]/@BienesTransp")
    )
    assert not explains(error, MISSING_REQUIRED(what="Mercancia/@Descripcion", location=f"{mercancia}[1]/@Descripcion"))
    rule = SCHEMA(reason="the goods key (BienesTransp) is required", field="consignments[0].goods[0].sat_product_key")
    assert explains(rule, MISSING_REQUIRED(what="x", field="consignments[0].goods[0].sat_product_key"))
    assert not explains(rule, MISSING_REQUIRED(what="x", field="consignments[0].goods[1].sat_product_key"))
    assert not explains(rule, MISSING_REQUIRED(what="x", field="consignments[0].goods[0].sat_product_key.unit"))
