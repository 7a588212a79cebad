"""A truck's tractor, trailers and crew are parts of the model that both canonical formats carry whole."""

from __future__ import annotations

import pytest

from manifest.formats import manifest_json, manifest_xml
from tests.models.road import northbound_truck


@pytest.mark.parametrize("fmt", [manifest_json, manifest_xml], ids=lambda f: f.NAME)
def test_a_truck_crossing_round_trips(fmt: object) -> None:
    truck = northbound_truck()
    written = fmt.write([truck])  # type: ignore[attr-defined]
    assert written.losses == ()
    document = fmt.read(written.data)  # type: ignore[attr-defined]
    assert document.diagnostics == ()
    assert document.manifests == (truck,)
    back = document.manifests[0]
    assert back.conveyance is not None and back.conveyance.vin == "1FUJGLDR0CLBP8834"
    assert back.crew[0].documents[0].number == "G12345678"
    assert back.equipment[0].plate_subdivision == "TAM"


def test_the_xml_names_the_crew_and_the_plates() -> None:
    text = manifest_xml.write([northbound_truck()]).data.decode()
    assert "<crew><crew_member><role>driver</role>" in text.replace("\n", "").replace(" ", "")
    assert "<plate_country>MX</plate_country>" in text
