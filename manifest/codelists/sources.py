"""Where the codes come from: the CSV files bundled beside this module (see SOURCES.md), SAT's schemas shipped with
the package, and the files of the maintained packages that already carry a list (pycountry, airportsdata), read
without importing them.

Each list read from a file is kept parsed in the user's cache (:mod:`manifest.compiled`), named by the file's path,
size and time of change: reading the CSV files again took more of checking one small manifest than the file itself
(UN/LOCODE and SAT's catalogues alone about 30 ms each).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from manifest.compiled import compiled, file_state
from manifest.packaged import packaged


def kept(kind: str, source: Path, parse: Callable[[], Iterable[str]]) -> frozenset[str]:
    """The codes ``parse`` reads from ``source``, or those it read before from the same file."""
    return compiled(f"codes-{kind}", [file_state(source)], lambda: frozenset(parse()))


def _bundled(filename: str) -> Path:
    return packaged("codelists", filename)


def rows(filename: str) -> tuple[list[str], Iterator[list[str]]]:
    """The header and the rows of a bundled CSV file."""
    text = _bundled(filename).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    return next(reader), reader


def csv_column(filename: str, column: str) -> Callable[[], frozenset[str]]:
    def parse() -> Iterable[str]:
        header, found = rows(filename)
        index = header.index(column)
        return (row[index] for row in found)

    return lambda: kept(f"{filename}-{column}", _bundled(filename), parse)


def sat_catalogue(catalogue: str) -> Callable[[], Iterable[str]]:
    """One of SAT's catalogues, which share one file (a record per line) with a column naming the catalogue.

    Only the lines that mention the catalogue are parsed: a file needs a few of the sixteen lists, and parsing the
    whole file (2 MB, mostly goods keys) for one of them cost more than checking a small manifest.
    """

    source = _bundled("mx_sat_cartaporte_catalogues.csv")

    def parse() -> Iterable[str]:
        text = source.read_text(encoding="utf-8")
        header, _, body = text.partition("\n")
        columns = next(csv.reader([header]))
        key, column = columns.index("catalogue"), columns.index("code")
        lines = [line for line in body.splitlines() if catalogue in line]
        return (row[column] for row in csv.reader(lines) if row[key] == catalogue)

    return lambda: kept(f"sat-{catalogue}", source, parse)


def sat_states() -> Iterable[str]:
    """The codes of c_Estado, read from the copy of SAT's catCFDI.xsd the package ships (one line of simple types,
    each enumeration an ``<xs:enumeration value="..."/>``)."""
    text = packaged("schemas", "sat", "sitio_internet", "cfd", "catalogos", "catCFDI.xsd").read_text(encoding="utf-8")
    start = text.index('<xs:simpleType name="c_Estado">')
    end = text.index("</xs:simpleType>", start)
    return re.findall(r'<xs:enumeration value="([^"]*)"/>', text[start:end])


def unlocodes() -> Iterable[str]:
    return (
        csv_column("unlocode_2024-2_us_mx_partners.csv", "locode")()
        | csv_column("unlocode_ca_2015_partial.csv", "locode")()
    )


def pycountry_column(collection: str, database: str, attribute: str) -> Callable[[], Iterable[str]]:
    """One attribute of every entry of a pycountry collection (``subdivisions``, ISO 3166-2), read from the JSON
    database pycountry ships (``databases/iso3166-2.json``, entries under ``3166-2``).

    pycountry builds an object for every entry and an index for every attribute when a collection is first used,
    which took longer than checking a small manifest; the codes alone are read from its file several times faster,
    without importing it. Should the file not be where pycountry keeps it, pycountry is asked.
    """

    def load() -> Iterable[str]:
        try:
            entries = json.loads((package_folder("pycountry") / "databases" / f"{database}.json").read_bytes())
            return [entry[attribute] for entry in entries[database.removeprefix("iso")]]
        except (OSError, ValueError, KeyError, TypeError):
            import pycountry

            return (getattr(entry, attribute) for entry in getattr(pycountry, collection))

    return load


def pycountry_codes(collection: str, database: str, attribute: str) -> Callable[[], Iterable[str]]:
    """The codes of :func:`pycountry_column`, kept parsed (pycountry asked on every start when its file is not
    where it keeps it)."""
    column = pycountry_column(collection, database, attribute)

    def load() -> Iterable[str]:
        try:
            source = package_folder("pycountry") / "databases" / f"{database}.json"
            return kept(f"pycountry-{database}-{attribute}", source, column)
        except OSError:
            return column()

    return load


def package_folder(name: str) -> Path:
    """Where an installed package keeps its files, found without importing it (FileNotFoundError if nowhere)."""
    spec = importlib.util.find_spec(name)
    for folder in spec.submodule_search_locations or () if spec is not None else ():
        return Path(folder)
    raise FileNotFoundError(name)


def airports_table() -> tuple[list[str], Iterator[list[str]]]:
    """The header and the rows of the airports file airportsdata ships (OSError when it is not where it keeps
    it)."""
    text = (package_folder("airportsdata") / "airports.csv").read_text(encoding="utf-8")
    found = csv.reader(io.StringIO(text))
    return next(found), found


def iata_airports() -> Iterable[str]:
    """The IATA column of the airports file airportsdata ships; its ``load`` builds a record of eleven fields for
    each of the 28,000 airports, twice the time of reading the one column. airportsdata is asked when its file is
    not where it keeps it."""

    def parse() -> Iterable[str]:
        header, found = airports_table()
        column = header.index("iata")
        return [code for row in found if (code := row[column])]

    try:
        return kept("airportsdata-iata", package_folder("airportsdata") / "airports.csv", parse)
    except (OSError, ValueError, StopIteration, IndexError):
        import airportsdata

        return airportsdata.load("IATA").keys()
