"""What the tool is compared with, on the same file in the same run: the least any reader of the syntax must do (a
bare ``str.split`` tokenization, lxml's parse and XSD validation) and the peers a user might pick instead (pyx12,
pydifact, xmlschema).

The peers are no dependencies of the project: each is imported only when installed, and a baseline that cannot
run on a file says why (``Unavailable``), so the table shows the gap instead of hiding the row.
"""

from __future__ import annotations

import io
import json
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


# The goals: validation at 40 % of the bare tokenization (EDI) or of lxml's parse and XSD validation (XML), 30 times
# pyx12's validation, 5 times pydifact's parse and 10 times xmlschema's validation.
TOKENIZE_GOAL = 0.4
LXML_XSD_GOAL = 0.4
PYX12_GOAL = 30.0
PYDIFACT_GOAL = 5.0
XMLSCHEMA_GOAL = 10.0


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
        return Unavailable("pyx12 validation (peer)", f"pyx12 cannot: {_first_clause(error)}", PYX12_GOAL)
    return None


def _first_clause(error: Exception) -> str:
    """pyx12's message without the segment it quotes (a whole ISA, too long for a table cell)."""
    return " ".join(str(error).split(" for ISA")[0].split())


def pyx12_baselines(data: bytes) -> list[Baseline | Unavailable]:
    if not _installed("pyx12"):
        return [Unavailable("pyx12 (peer)", "pyx12 is not installed", PYX12_GOAL)]
    import logging

    logging.getLogger("pyx12").setLevel(logging.CRITICAL)  # it logs every finding; the table says what matters
    found: list[Baseline | Unavailable] = []
    refused = pyx12_validation(data)
    if refused is not None:
        found.append(refused)
    try:
        pyx12_read(data[:4096])
    except Exception as error:  # pyx12 raises its own X12Error and plain exceptions alike on an envelope it refuses
        found.append(Unavailable("pyx12 segment reader (peer)", f"pyx12 cannot: {_first_clause(error)}"))
    else:
        found.append(Baseline("pyx12 segment reader (peer)", pyx12_read))
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
        return [Baseline("str.split tokenization", split_x12, TOKENIZE_GOAL), *pyx12_baselines(data)]
    if family is Family.EDIFACT:
        found: list[Baseline | Unavailable] = [Baseline("str.split tokenization", split_edifact, TOKENIZE_GOAL)]
        if _installed("pydifact"):
            found.append(Baseline("pydifact parse (peer)", pydifact_parse, PYDIFACT_GOAL))
        else:
            found.append(Unavailable("pydifact parse (peer)", "pydifact is not installed", PYDIFACT_GOAL))
        return found
    if family is Family.CARGO_IMP:
        return [Baseline("str.split tokenization", split_cargo_imp)]
    if family is Family.JSON:
        return [Baseline("json.loads", json.loads)]
    return _xml_baselines(workload.schema, quick)


def _xml_baselines(schema: Schema, quick: bool) -> list[Baseline | Unavailable]:
    if schema is Schema.NONE:
        reason = "no official XSD in the repository (IATA publishes the Cargo-XML schemas to its members only)"
        return [
            Baseline("lxml parse", lxml_parse),
            Unavailable("lxml parse + XSD validation", reason, LXML_XSD_GOAL),
            Unavailable("xmlschema validation (peer)", reason, XMLSCHEMA_GOAL),
        ]
    peer: Baseline | Unavailable = Baseline(
        "xmlschema validation (peer)",
        xmlschema_validate(schema),
        XMLSCHEMA_GOAL,
        prepare=lambda: xmlschema_schema(schema),
    )
    if quick and schema in SLOW_SCHEMAS:
        peer = Unavailable(
            peer.name, "left out by --quick: compiling these XSDs takes xmlschema minutes", XMLSCHEMA_GOAL
        )
    return [
        Baseline("lxml parse", lxml_parse),
        Baseline(
            "lxml parse + XSD validation",
            lxml_parse_and_validate(schema),
            LXML_XSD_GOAL,
            prepare=lambda: lxml_schema(schema),
        ),
        peer,
    ]
