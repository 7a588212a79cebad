"""EDIFACT tokenizer and writer tables, in both directions: text -> values and values -> text."""

from __future__ import annotations

import pytest

from manifest.formats.edifact.segments import escape_table, format_segment
from manifest.formats.edifact.syntax import DEFAULT, Delimiters, parse_una
from manifest.formats.edifact.tokenizer import Tokenizer, tokenize

COMMA = Delimiters(decimal=",")
CUSTOM = Delimiters(component="^", element="|", decimal=",", release="\\", repetition=" ", terminator="~")

# (delimiters, text of one segment, tag, elements)
CASES = [
    (DEFAULT, "BGM+85+DOC1+9'", "BGM", [["85"], ["DOC1"], ["9"]]),
    (DEFAULT, "LOC+9+MXZLO:139:6'", "LOC", [["9"], ["MXZLO", "139", "6"]]),
    (DEFAULT, "FTX+AAA+++DON?'T STACK?+LOAD 1?:2'", "FTX", [["AAA"], [""], [""], ["DON'T STACK+LOAD 1:2"]]),
    (DEFAULT, "FTX+AAA+++50?? PERCENT'", "FTX", [["AAA"], [""], [""], ["50? PERCENT"]]),
    (COMMA, "MEA+AAE+G+KGM:1234,5'", "MEA", [["AAE"], ["G"], ["KGM", "1234,5"]]),
    (CUSTOM, "NAD|CZ|GLN123^^9|||A\\|B\\^C\\~D~", "NAD", [["CZ"], ["GLN123", "", "9"], [""], [""], ["A|B^C~D"]]),
]


@pytest.mark.parametrize(("delimiters", "text", "tag", "elements"), CASES)
def test_text_to_values(delimiters: Delimiters, text: str, tag: str, elements: list[list[str]]) -> None:
    segments, problems = tokenize(text, delimiters)
    assert problems == []
    assert [(s.tag, s.elements) for s in segments] == [(tag, elements)]


@pytest.mark.parametrize(("delimiters", "text", "tag", "elements"), CASES)
def test_values_to_text(delimiters: Delimiters, text: str, tag: str, elements: list[list[str]]) -> None:
    assert format_segment(tag, elements, delimiters, escape_table(delimiters)) == text


def test_positions_of_values_on_several_lines() -> None:
    segments, _ = tokenize("UNH+1+CUSCAR:D:95B:UN'\nFTX+AAA+++A?'B+LAST'\n", DEFAULT)
    ftx = segments[1]
    assert (ftx.line, ftx.column, ftx.number) == (2, 1, 2)
    assert ftx.position(4, 1).column == 11
    assert ftx.position(5, 1).column == 16
    assert ftx.position(5, 1).location == "FTX(2)-05-1"
    assert segments[0].position(2, 3).column == 16


def test_a_segment_after_one_broken_over_lines_is_found_at_its_column() -> None:
    segments, _ = tokenize("UNB+1\n+X'BGM+2'DTM+3\nY'UNZ+1'", DEFAULT)
    assert [(s.tag, s.line, s.column) for s in segments] == [
        ("UNB", 1, 1),
        ("BGM", 2, 4),
        ("DTM", 2, 10),
        ("UNZ", 3, 3),
    ]


def test_pieces_fed_one_character_at_a_time_give_the_same_segments() -> None:
    text = "UNH+1+CUSCAR:D:95B:UN'\nFTX+AAA+++A?'B'\nUNT+3+1'"
    whole, _ = tokenize(text, DEFAULT)
    tokenizer = Tokenizer(DEFAULT)
    pieces = [s for char in text for s in tokenizer.feed(char)] + tokenizer.finish()
    assert [(s.tag, s.elements, s.line, s.column) for s in pieces] == [
        (s.tag, s.elements, s.line, s.column) for s in whole
    ]


def test_faults_are_reported_with_their_place() -> None:
    _, problems = tokenize("BGM+1''bgm+2'UNT+1", DEFAULT)
    assert [p.code for p in problems] == ["EDI008", "EDI009", "EDI007"]
    assert problems[0].column == 7


def test_una_with_decimal_comma_and_custom_separators() -> None:
    delimiters, problems = parse_una("UNA^|,\\ ~", 1, 1)
    assert problems == []
    assert delimiters == CUSTOM


@pytest.mark.parametrize("una", ["UNA:+;? '", "UNA::.? '", "UNA:+.A '"])
def test_bad_una_is_reported(una: str) -> None:
    delimiters, problems = parse_una(una, 1, 1)
    assert delimiters == DEFAULT
    assert problems
    assert all(p.code == "EDI003" for p in problems)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_one_segment_per_line_gives_what_the_general_cut_gives(newline: str) -> None:
    lines = ["UNH+1+CUSCAR:D:95B:UN'", "BGM+85++9'", "LOC+5+MXZLO:139:6'", "FTX+AAA+++ONE:TWO'", "UNT+5+1'"]
    text = newline.join(lines) + newline
    # A released character anywhere in the piece sends it through the general cut, segment by segment.
    released = text.replace("ONE:TWO", "ONE?:TWO")
    fast, _ = tokenize(text, DEFAULT)
    general, _ = tokenize(released, DEFAULT)
    assert [(s.tag, s.line, s.column, s.number) for s in fast] == [(s.tag, s.line, s.column, s.number) for s in general]
    assert [(s.line, s.column) for s in fast] == [(n, 1) for n in range(1, len(lines) + 1)]
    assert fast[3].elements == [["AAA"], [""], [""], ["ONE", "TWO"]]
    assert fast[2].position(2, 2).column == len("LOC+5+MXZLO:") + 1
