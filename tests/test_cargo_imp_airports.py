"""Cargo-IMP airport elements take three letters (DE313): a code of another form is left out and listed (IMP108),
and the mandatory line that needs it is noted, instead of breaking the line it would be written in."""

from __future__ import annotations

from manifest import formats
from manifest.model import Manifest, Mode, Place, PlaceScheme, Stop
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
