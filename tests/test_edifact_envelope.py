"""The EDIFACT envelope (UNB/UNZ, UNG/UNE, UNH/UNT) and the character repertoires of the syntax levels."""

from __future__ import annotations

import pytest

from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats.edifact.envelope import Envelope, Kind
from manifest.formats.edifact.opening import check_characters, open_interchange
from manifest.formats.edifact.syntax import UNA_LENGTH
from manifest.formats.edifact.tokenizer import tokenize


def walk(data: bytes) -> tuple[list[Kind], list[Diagnostic]]:
    opening = open_interchange(data)
    skip = UNA_LENGTH if opening.una else 0
    segments, sink = tokenize(opening.text[skip:], opening.delimiters, opening.line, opening.column + skip)
    sink = [*opening.diagnostics, *sink, *check_characters(opening)]
    envelope = Envelope(sink)
    kinds = [envelope.accept(s) for s in segments]
    envelope.close()
    return kinds, sink


GOOD = (
    b"UNB+UNOA:2+SENDER+RECEIVER+261120:2200+REF1'"
    b"UNG+CUSCAR+SENDER+RECEIVER+261120:2200+G1+UN+D:95B'"
    b"UNH+M1+CUSCAR:D:95B:UN'BGM+85+X+9'UNT+3+M1'"
    b"UNH+M2+CUSCAR:D:95B:UN'BGM+85+Y+9'UNT+3+M2'"
    b"UNE+2+G1'"
    b"UNZ+1+REF1'"
)


def test_a_clean_interchange_with_a_group() -> None:
    kinds, sink = walk(GOOD)
    assert sink == []
    assert kinds.count(Kind.START) == 2 and kinds.count(Kind.BODY) == 2 and kinds.count(Kind.END) == 2


@pytest.mark.parametrize(
    ("replace", "by", "code", "location"),
    [
        (b"UNT+3+M1", b"UNT+4+M1", "EDI015", "UNT(5)-01-1"),
        (b"UNT+3+M2", b"UNT+3+M9", "EDI014", "UNT(8)-02-1"),
        (b"UNE+2+G1", b"UNE+1+G1", "EDI015", "UNE(9)-01-1"),
        (b"UNZ+1+REF1", b"UNZ+2+REF1", "EDI015", "UNZ(10)-01-1"),
        (b"UNZ+1+REF1", b"UNZ+1+REF2", "EDI014", "UNZ(10)-02-1"),
        (b"M2", b"M1", "EDI019", "UNH(6)-01-1"),
        (b"261120:2200+REF1", b"261131:2200+REF1", "EDI017", "UNB(1)-04-1"),
        (b"UNH+M1+CUSCAR:D:95B:UN", b"UNH+M1+CUSCAR::95B:UN", "EDI016", "UNH(3)-02-2"),
    ],
)
def test_envelope_faults_are_found_where_they_are(replace: bytes, by: bytes, code: str, location: str) -> None:
    _, sink = walk(GOOD.replace(replace, by))
    assert [(d.code, d.location) for d in sink] == [(code, location)]


def test_missing_trailers_and_segments_outside_messages() -> None:
    _, sink = walk(b"UNB+UNOA:2+S+R+261120:2200+1'BGM+85'UNH+1+CUSCAR:D:95B:UN'BGM+85'")
    assert [d.code for d in sink] == ["EDI018", "EDI012", "EDI012"]
    assert [d.args["trailer"] for d in sink[1:]] == ["UNT", "UNZ"]


@pytest.mark.parametrize(
    ("syntax", "text", "bad"),
    [
        ("UNOA:2", "lower case", "l"),
        ("UNOB:2", "brace {", "{"),
        ("UNOC:3", "tab\there", "\t"),
    ],
)
def test_characters_outside_the_declared_level(syntax: str, text: str, bad: str) -> None:
    data = f"UNB+{syntax}+S+R+261120:2200+1'UNH+1+CUSCAR:D:95B:UN'FTX+AAA+++{text}'UNT+3+1'UNZ+1+1'".encode()
    _, sink = walk(data)
    assert [d.code for d in sink][:1] == ["EDI005"]
    assert sink[0].value == bad
    assert sink[0].column == data.decode().index(bad) + 1


def test_unow_is_utf8_and_unoc_is_latin_1() -> None:
    text = "UNB+UNOW:4+S+R+20261120:2200+1'UNH+1+CUSCAR:D:95B:UN'FTX+AAA+++ÑANDÚ ĦŁ'UNT+3+1'UNZ+1+1'"
    opening = open_interchange(text.encode("utf-8"))
    assert "ÑANDÚ ĦŁ" in opening.text
    _, sink = walk(text.encode("utf-8"))
    assert sink == []
    latin = text.replace("UNOW:4", "UNOC:3").replace("20261120", "261120").replace(" ĦŁ", "")
    _, sink = walk(latin.encode("iso8859_1"))
    assert sink == []


def test_bytes_undecodable_in_the_declared_set() -> None:
    data = b"UNB+UNOW:4+S+R+20261120:2200+1'UNH+1+CUSCAR:D:95B:UN'FTX+AAA+++\xff\xfe'UNT+3+1'UNZ+1+1'"
    _, sink = walk(data)
    assert [d.code for d in sink] == ["EDI004", "EDI004"]


def test_no_interchange_at_all() -> None:
    with pytest.raises(ParseError) as raised:
        open_interchange(b"ISA*00*          *00*")
    assert raised.value.diagnostic.code == "EDI001"
