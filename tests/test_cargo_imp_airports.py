"""Cargo-IMP elements of a fixed form (an airport: three letters, DE313; a commodity code: letters and digits) do
not take a value of another form: it is left out and listed (IMP108), and a mandatory line that needs it is noted,
instead of breaking the line it would be written in."""

from __future__ import annotations

import pytest

from manifest import formats
from manifest.model import Consignment, DocumentType, GoodsItem, Manifest, Mode, Place, PlaceScheme, Stop
from tests import closure

_AN_UNLOADING_POINT_OF_ONE_CHARACTER = Manifest(
    mode=Mode.AIR, arrival=Stop(place=Place(code="0", scheme=PlaceScheme.IATA_AIRPORT))
)


def test_a_point_of_unloading_of_another_form_is_not_written_as_a_line() -> None:
    source = formats.get("cargo-xml").write([_AN_UNLOADING_POINT_OF_ONE_CHARACTER]).data  # an XFFM
    written = formats.get("cargo-imp").write(formats.get("cargo-xml").read(source).manifests)
    assert written.data.decode().split("\r\n") == ["FFM/8", "1///", "LAST", ""]
    assert [(d.code, d.field, d.value) for d in written.losses if d.code == "IMP108"] == [
        ("IMP108", "arrival.place.code", "0")
    ]
    assert ("IMP102", "arrival.place.code") in {(d.code, d.field) for d in written.notes}
    assert closure.unexplained(source, "source.cargo-xml", "cargo-imp") == []


@pytest.mark.parametrize(("hs_code", "lost"), [("", []), ("84-71", [("IMP108", "consignments[0].goods[0].hs_code")])])
def test_a_commodity_code_of_other_than_letters_and_digits_is_not_written(
    hs_code: str, lost: list[tuple[str, str]]
) -> None:
    """HTS and RTD NH take letters and digits: an empty code is none, and one of other characters is left out."""
    house = Consignment(
        document_number="MEX26110001",
        document_type=DocumentType.HOUSE_AIR_WAYBILL,
        goods=(GoodsItem(description="BOOKS", hs_code=hs_code),),
    )
    manifest = Manifest(mode=Mode.AIR, consignments=(house,))
    written = formats.get("cargo-imp").write([manifest])
    assert b"HTS" not in written.data
    assert [(d.code, d.field) for d in written.losses if d.code == "IMP108"] == lost
    source = formats.get("manifest-json").write([manifest]).data
    assert closure.unexplained(source, "source.manifest-json", "cargo-imp") == []
