"""What the tool is compared with, on the same file in the same run: the least any reader of the syntax must do (a
bare ``str.split`` tokenization, lxml's parse and XSD validation) and the peers a user might pick instead (pyx12,
pydifact, xmlschema).

The peers are no dependencies of the project: each is imported only when installed, and a baseline that cannot
run on a file says why (``Unavailable``), so the table shows the gap instead of hiding the row.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from benchmarks.workloads import SCHEMAS, Family, Schema, Workload


@dataclass(frozen=True, slots=True)
class Baseline:
    name: str
    run: Callable[[bytes], object]
    goal: float | None = None  # the validation throughput the goals ask for, as a multiple of this baseline's
    prepare: Callable[[], object] | None = None  # one-off work kept out of the timing (compiling a schema)


@dataclass(frozen=True, slots=True)
class Unavailable:
    name: str
    reason: str
    goal: float | None = None


# The goals of issue 21, each a peer on the same bytes: full validation at 1.5 times pyx12's segment reader (its
# envelope checks and segments, no transaction set map), 6 times pydifact's parse (no checks), 10 times xmlschema's
# validation of manifest-xml and 15 times of Carta Porte, and at 20 % of lxml's parse plus XSD validation of
# manifest-xml (libxml2 is C). The bare tokenizations are floors, not goals: no reader that checks anything gets
# near ``str.split``; ``str.split`` plus one regular expression per segment is the realistic floor of one that does.
PYX12_READER_GOAL = 1.5
PYDIFACT_GOAL = 6.0
XMLSCHEMA_GOALS = {Schema.MANIFEST: 10.0, Schema.SAT: 15.0}
LXML_XSD_GOALS = {Schema.MANIFEST: 0.2, Schema.SAT: 0.4}


def split_x12(data: bytes) -> int:
    """Segments cut at the terminator and elements at the separator the fixed-length ISA declares (X12.5: the
    element separator is the ISA's 4th character, the segment terminator its 106th)."""
    text = data.decode("latin-1")
    start = text.find("ISA")
    element, terminator = text[start + 3], text[start + 105]
    return sum(len(segment.split(element)) for segment in text.split(terminator))


def split_edifact(data: bytes) -> int:
    """Segments, elements and components cut at the separators of the UNA service string advice (ISO 9735 part 1,
    clause 7), or the defaults when there is none; the release character is ignored, as a bare split does."""
    text = data.decode("latin-1")
    component, element, terminator = (text[3], text[4], text[8]) if text.startswith("UNA") else (":", "+", "'")
    return sum(len(e.split(component)) for s in text.split(terminator) for e in s.split(element))


def _split_and_match(segments: list[str], tag: str, element: str) -> int:
    """Each segment matched whole by one compiled expression (its tag, then elements that hold no separator) and
    cut into its elements: the least a reader that looks at every segment does."""
    shape = re.compile(f"{tag}(?:{re.escape(element)}[^{re.escape(element)}]*)*")
    fullmatch = shape.fullmatch
    return sum(len(segment.split(element)) for segment in segments if fullmatch(segment.strip()) is not None)


def split_and_match_x12(data: bytes) -> int:
    """:func:`split_x12` plus one regular expression per segment (X12.6: a tag of 2 or 3 capitals and digits)."""
    text = data.decode("latin-1")
    start = text.find("ISA")
    element, terminator = text[start + 3], text[start + 105]
    return _split_and_match(text.split(terminator), "[A-Z][A-Z0-9]{1,2}", element)


def split_and_match_edifact(data: bytes) -> int:
    """:func:`split_edifact` plus one regular expression per segment (ISO 9735: a tag of 3 capitals)."""
    text = data.decode("latin-1")
    component, element, terminator = (text[3], text[4], text[8]) if text.startswith("UNA") else (":", "+", "'")
    fullmatch = re.compile(f"(?:UNA.*|[A-Z]{{3}})(?:{re.escape(element)}[^{re.escape(element)}]*)*").fullmatch
    return sum(
        len(e.split(component))
        for segment in text.split(terminator)
        if fullmatch(segment.strip()) is not None
        for e in segment.split(element)
    )


def split_and_match_cargo_imp(data: bytes) -> int:
    """:func:`split_cargo_imp` plus one regular expression per line (a 3-letter message or line identifier, or a
    continuation line that starts with the separator)."""
    return _split_and_match(data.decode("latin-1").splitlines(), "(?:[A-Z0-9]{3}|)", "/")


def split_cargo_imp(data: bytes) -> int:
    """Lines, then the elements between the slashes of each line (Cargo-IMP: CRLF ends a line, "/" separates)."""
    return sum(len(line.split("/")) for line in data.decode("latin-1").splitlines())


def lxml_parse(data: bytes) -> object:
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


_XS = "http://www.w3.org/2001/XMLSchema"
_SAT = SCHEMAS / "sat" / "sitio_internet" / "cfd"
# The CFDI 4.0 and Carta Porte 3.1 schemas, imported by one wrapper so that a validator sees both namespaces.
_SAT_IMPORTS = {
    "http://www.sat.gob.mx/cfd/4": "4/cfdv40.xsd",
    "http://www.sat.gob.mx/CartaPorte31": "CartaPorte/CartaPorte31.xsd",
}


def _sat_wrapper() -> str:
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{path}"/>' for ns, path in _SAT_IMPORTS.items())
    return f'<xs:schema xmlns:xs="{_XS}">{imports}</xs:schema>'


@cache
def lxml_schema(schema: Schema) -> Any:
    from lxml import etree

    if schema is Schema.SAT:
        document = etree.fromstring(_sat_wrapper().encode(), base_url=(_SAT / "wrapper.xsd").as_uri())
        return etree.XMLSchema(document)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "manifest.xsd")))


def lxml_parse_and_validate(schema: Schema) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        return lxml_schema(schema).validate(lxml_parse(data))

    return run


@cache
def xmlschema_schema(schema: Schema) -> Any:
    import xmlschema

    if schema is Schema.SAT:
        return xmlschema.XMLSchema(_sat_wrapper(), base_url=str(_SAT))
    return xmlschema.XMLSchema(str(SCHEMAS / "manifest.xsd"))


def xmlschema_validate(schema: Schema) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        return sum(1 for _ in xmlschema_schema(schema).iter_errors(io.BytesIO(data)))

    return run


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def pyx12_read(data: bytes) -> int:
    """pyx12's X12 segment reader over the whole file (envelope checks, no transaction set map)."""
    import pyx12.x12file  # type: ignore[import-not-found, import-untyped, unused-ignore]

    return sum(1 for _ in pyx12.x12file.X12Reader(io.StringIO(data.decode("latin-1"))))


def pyx12_validation(data: bytes) -> Unavailable | None:
    """Why pyx12's validator (x12n_document) cannot check this file, or None when it can."""
    import pyx12.errors  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import pyx12.params  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import pyx12.x12n_document  # type: ignore[import-not-found, import-untyped, unused-ignore]

    head = data[: data.find(b"ST", 0, 4096) + 200] if b"ST" in data[:4096] else data[:4096]
    try:
        pyx12.x12n_document.x12n_document(pyx12.params.params(), io.StringIO(head.decode("latin-1")), None, None)
    except (pyx12.errors.EngineError, pyx12.errors.X12Error) as error:
        return Unavailable("pyx12 validation (peer)", f"pyx12 cannot: {_first_clause(error)}")
    return None


def _first_clause(error: Exception) -> str:
    """pyx12's message without the segment it quotes (a whole ISA, too long for a table cell)."""
    return " ".join(str(error).split(" for ISA")[0].split())


def pyx12_baselines(data: bytes) -> list[Baseline | Unavailable]:
    if not _installed("pyx12"):
        return [Unavailable("pyx12 segment reader (peer)", "pyx12 is not installed", PYX12_READER_GOAL)]
    import logging

    logging.getLogger("pyx12").setLevel(logging.CRITICAL)  # it logs every finding; the table says what matters
    found: list[Baseline | Unavailable] = []
    refused = pyx12_validation(data)
    if refused is not None:
        found.append(refused)
    try:
        pyx12_read(data[:4096])
    except Exception as error:  # pyx12 raises its own X12Error and plain exceptions alike on an envelope it refuses
        reason = f"pyx12 cannot: {_first_clause(error)}"
        found.append(Unavailable("pyx12 segment reader (peer)", reason, PYX12_READER_GOAL))
    else:
        found.append(Baseline("pyx12 segment reader (peer)", pyx12_read, PYX12_READER_GOAL))
    return found


def pydifact_parse(data: bytes) -> int:
    from pydifact.segmentcollection import Interchange  # type: ignore[import-not-found, import-untyped, unused-ignore]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns that it has no directory for the service segments
        return len(Interchange.from_str(data.decode("latin-1")).segments)


SLOW_SCHEMAS = frozenset({Schema.SAT})  # xmlschema takes minutes to compile SAT's catalogues (catCFDI.xsd is 5 MB)


def for_workload(workload: Workload, data: bytes, *, quick: bool = False) -> list[Baseline | Unavailable]:
    """Every baseline of a file, in the order the table shows them; ``quick`` passes over the ones whose preparation
    takes minutes, saying so."""
    family = workload.family
    if family is Family.X12:
        return [
            Baseline("str.split tokenization", split_x12),
            Baseline("str.split + one regex per segment", split_and_match_x12),
            *pyx12_baselines(data),
        ]
    if family is Family.EDIFACT:
        found: list[Baseline | Unavailable] = [
            Baseline("str.split tokenization", split_edifact),
            Baseline("str.split + one regex per segment", split_and_match_edifact),
        ]
        if _installed("pydifact"):
            found.append(Baseline("pydifact parse (peer)", pydifact_parse, PYDIFACT_GOAL))
        else:
            found.append(Unavailable("pydifact parse (peer)", "pydifact is not installed", PYDIFACT_GOAL))
        return found
    if family is Family.CARGO_IMP:
        return [
            Baseline("str.split tokenization", split_cargo_imp),
            Baseline("str.split + one regex per segment", split_and_match_cargo_imp),
        ]
    if family is Family.JSON:
        return [Baseline("json.loads", json.loads)]
    return _xml_baselines(workload.schema, quick)


def _xml_baselines(schema: Schema, quick: bool) -> list[Baseline | Unavailable]:
    if schema is Schema.NONE:
        reason = "no official XSD in the repository (IATA publishes the Cargo-XML schemas to its members only)"
        return [
            Baseline("lxml parse", lxml_parse),
            Unavailable("lxml parse + XSD validation", reason),
            Unavailable("xmlschema validation (peer)", reason),
        ]
    peer: Baseline | Unavailable = Baseline(
        "xmlschema validation (peer)",
        xmlschema_validate(schema),
        XMLSCHEMA_GOALS[schema],
        prepare=lambda: xmlschema_schema(schema),
    )
    if quick and schema in SLOW_SCHEMAS:
        peer = Unavailable(
            peer.name, "left out by --quick: compiling these XSDs takes xmlschema minutes", XMLSCHEMA_GOALS[schema]
        )
    return [
        Baseline("lxml parse", lxml_parse),
        Baseline(
            "lxml parse + XSD validation",
            lxml_parse_and_validate(schema),
            LXML_XSD_GOALS[schema],
            prepare=lambda: lxml_schema(schema),
        ),
        peer,
    ]
