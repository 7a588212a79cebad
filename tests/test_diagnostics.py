"""Diagnostics are data: wording rendered on demand in either language, positions attached without loss."""

from __future__ import annotations

import dataclasses

import pytest

from manifest.diagnostics import Diagnostic, Message, ParseError, Position, Severity

SAMPLE = Message(
    "T001", Severity.WARNING, "$field: '$value' at $location ($why)", "$field: '$value' en $location ($why)", "test"
)


def test_templates_may_name_the_positional_fields() -> None:
    finding = SAMPLE(field="consignments[1].gross_weight", value="12,5", location="M11-05", why="comma")
    assert SAMPLE.render("en", finding.args) == "consignments[1].gross_weight: '12,5' at M11-05 (comma)"
    assert SAMPLE.render("es", finding.args) == "consignments[1].gross_weight: '12,5' en M11-05 (comma)"


def test_a_value_with_template_syntax_is_never_interpreted() -> None:
    finding = SAMPLE(field="f", value="$why ${x} 100%", location="l", why="w")
    assert SAMPLE.render("en", finding.args) == "f: '$why ${x} 100%' at l (w)"


def test_at_pins_a_position_and_keeps_what_it_lacks() -> None:
    finding = SAMPLE(line=3, column=7, location="N10-02", field="f", value="v", why="w")
    moved = finding.at(Position(line=9, column=None, location=None))
    assert (moved.line, moved.column, moved.location) == (9, 7, "N10-02")
    assert finding.at(None) is finding


def test_at_keeps_every_other_field() -> None:
    finding = SAMPLE(line=3, column=7, location="N10-02", field="f", value="v", source="s", why="w")
    moved = finding.at(Position(line=9, column=2, location="N10-03"))
    for spec in dataclasses.fields(Diagnostic):
        if spec.name not in ("line", "column", "location"):
            assert getattr(moved, spec.name) == getattr(finding, spec.name), spec.name


def test_str_names_position_severity_and_code() -> None:
    # A registered code, so that str() finds its wording.
    from manifest.formats.canonical import MISSING_FIELD

    finding = MISSING_FIELD(line=2, column=5, field="trip_number", path="trip_number")
    assert str(finding) == "2:5: error MF102 trip_number is required"
    assert finding.message("es") == "trip_number es obligatorio"


def test_severity_order_and_parsing() -> None:
    assert max(SAMPLE(why="a").severity, SAMPLE(severity=Severity.ERROR, why="b").severity) == Severity.ERROR
    assert Severity.parse(" Error ") == Severity.ERROR
    with pytest.raises(ValueError, match="unknown severity"):
        Severity.parse("fatal")


def test_parse_error_carries_its_diagnostic() -> None:
    from manifest.formats.canonical import MISSING_FIELD

    finding = MISSING_FIELD(line=1, column=1, path="mode")
    error = ParseError(finding)
    assert error.diagnostic is finding
    assert isinstance(error, ValueError)
    assert isinstance(error.diagnostic, Diagnostic)


def test_a_finding_renders_from_its_own_message_even_after_a_trip_through_pickle() -> None:
    # SAMPLE is registered nowhere: what renders a finding travels with it, as it does from a worker process.
    import pickle

    finding = pickle.loads(pickle.dumps(SAMPLE(line=2, field="f", value="v", location="l", why="w")))
    assert finding.code == "T001"
    assert finding.message("es") == "f: 'v' en l (w)"
    assert str(finding) == "2: warning T001 f: 'v' at l (w)"
    assert repr(finding).startswith("Diagnostic(code='T001', severity=<Severity.WARNING: 1>, args=mappingproxy(")
    assert "en l" not in repr(finding)  # the Spanish of the Message is not repeated in every finding's repr
