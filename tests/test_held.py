"""The unfinished segment shared by the X12 and EDIFACT tokenizers: held as its pieces up to the bound, passed over
beyond it keeping only its start, tag, length and whether it is blank."""

from __future__ import annotations

import re

from manifest.formats.held import Held, tag_of

VISIBLE = re.compile(r"\S")


def test_pieces_are_held_up_to_the_bound_and_joined_once() -> None:
    held: Held[int] = Held(10, VISIBLE)
    assert held.keep("xxAB*12", 2)
    assert held.keep("345", 0)
    assert (held.pieces, held.size) == (["AB*12", "345"], 8)
    assert held.keep("..67", 2)  # exactly the bound
    assert not held.keep("8", 0)  # one more is too long: nothing is held of it
    assert (held.pieces, held.size) == (["AB*12", "345", "67"], 10)
    assert held.join("~") == "AB*1234567~"
    assert (held.pieces, held.size, held.join("tail")) == ([], 0, "tail")


def test_line_breaks_after_a_terminator_are_skipped_only_before_the_held_text() -> None:
    held: Held[int] = Held(10, VISIBLE)
    assert held.body("~\r\n\nAB", 1) == 4
    assert held.keep("AB", 0)
    assert held.body("\r\nCD", 0) == 0  # inside a segment they are its data


def test_a_segment_passed_over_keeps_its_start_tag_and_length() -> None:
    held: Held[tuple[int, int]] = Held(4, VISIBLE)
    assert held.keep("FT", 0)
    assert held.keep("X+", 0)
    pieces = held.pass_over("..AAAA", 2, (3, 7), "+")
    assert pieces == ["FT", "X+"]  # handed back for the position to move past them
    assert (held.pieces, held.size) == ([], 0)
    skip = held.skip
    assert skip is not None
    assert (skip.start, skip.tag, skip.length, skip.blank) == ((3, 7), "FTX", 4, False)
    held.passing("..AAAA", 2, 6)
    held.passing("BBB", 0, 3)
    assert held.passed() is skip
    assert (skip.length, held.skip) == (11, None)


def test_a_segment_of_padding_passed_over_is_blank_until_a_visible_character() -> None:
    held: Held[int] = Held(2, VISIBLE)
    assert held.keep(" \t", 0)
    held.pass_over("\r\n ", 0, 0, "+")
    skip = held.skip
    assert skip is not None and skip.blank
    held.passing("   x", 0, 3)
    assert skip.blank
    held.passing("   x", 3, 4)
    assert not skip.blank


def test_the_reported_tag_is_what_stands_before_the_separator_at_most_ten_characters() -> None:
    assert tag_of("N9*ZF", "*") == "N9"
    assert tag_of("ABCDEFGHIJKL", "*") == "ABCDEFGHIJ"
