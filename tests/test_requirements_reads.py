"""Which rules read a changed field (manifest.requirements.reads): a conversion checks only those on the model as the
target holds it, and every other rule finds there what it finds on the source."""

from __future__ import annotations

import dataclasses

import pytest

from manifest import api, formats, unmet
from manifest.model import Mode
from manifest.requirements import rules
from manifest.requirements.reads import changed_fields, reading
from tests.conftest import SAMPLES
from tests.rule_checks import counted_checks

OCEAN_309 = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"


def _reading(*changed: str) -> set[str]:
    return reading(rules(), [tuple(names.split(".")) for names in changed])


def test_a_rule_reads_its_fields_what_holds_them_and_what_they_hold() -> None:
    country = _reading("consignments.parties.address.country")
    assert "ID-007" in country  # consignments[*].parties[*].address.country
    assert "ID-008" in country  # the subdivision of the same address, judged by the country beside it
    assert "CBP-OCEAN-023" not in country
    assert "ID-007" in _reading("consignments.parties")  # a party replaced whole
    assert "ID-007" in _reading("consignments")  # a consignment taken out


def test_a_rule_reads_the_field_its_selector_filters_on_and_its_condition() -> None:
    # CBP-OCEAN-023: consignments[*].equipment[kind=container].seals, if consignments[*].equipment[*].loaded
    assert "CBP-OCEAN-023" in _reading("consignments.equipment.kind")
    assert "CBP-OCEAN-023" in _reading("consignments.equipment.loaded")
    assert "CBP-OCEAN-023" in _reading("consignments.equipment.seals")
    assert "CBP-OCEAN-023" not in _reading("consignments.equipment.tare_weight")
    # ID-009 compares a bill's number among the bills of its kind (alike = document_type)
    assert "ID-009" in _reading("consignments.document_type")


def test_the_changed_fields_of_two_models_are_where_they_differ() -> None:
    (manifest,) = api.read(OCEAN_309.read_bytes()).manifests
    assert changed_fields(manifest, manifest) == set()
    first = manifest.consignments[0]
    party = first.parties[0]
    assert party.address is not None
    moved = dataclasses.replace(party, address=dataclasses.replace(party.address, country="ZZ"))
    other = dataclasses.replace(
        manifest,
        consignments=(dataclasses.replace(first, parties=(moved, *first.parties[1:])), *manifest.consignments[1:]),
        mode=Mode.AIR,
    )
    assert changed_fields(manifest, other) == {("consignments", "parties", "address", "country"), ("mode",)}
    fewer = dataclasses.replace(manifest, consignments=manifest.consignments[1:])
    assert changed_fields(manifest, fewer) == {("consignments",)}


def test_a_conversion_runs_only_the_rules_that_read_what_the_target_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = OCEAN_309.read_bytes()
    document = api.read(data)
    written = formats.get("cuscar").write(document.manifests)
    assert written.losses, "CUSCAR leaves some of the 309 behind"
    validated = counted_checks(monkeypatch, lambda: api.validate(data))
    noted = counted_checks(monkeypatch, lambda: unmet.noted(written, document, "cuscar"))
    # The source and the model as CUSCAR holds it were each checked against the whole catalogue: twice a
    # validation's checks. Only the few rules that read a value CUSCAR does not carry run now.
    assert noted < validated / 2, (noted, validated)
