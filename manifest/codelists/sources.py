"""Where the codes come from: the CSV files bundled beside this module (see SOURCES.md), SAT's schemas shipped with
the package, and the files of the maintained packages that already carry a list (pycountry, airportsdata), read
without importing them."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path

_PACKAGE = "manifest.codelists"


def rows(filename: str) -> tuple[list[str], Iterator[list[str]]]:
    """The header and the rows of a bundled CSV file."""
    text = resources.files(_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    return next(reader), reader


def csv_column(filename: str, column: str) -> Callable[[], Iterable[str]]:
    def load() -> Iterable[str]:
        header, found = rows(filename)
        index = header.index(column)
        return (row[index] for row in found)

    return load


def sat_catalogue(catalogue: str) -> Callable[[], Iterable[str]]:
    """One of SAT's catalogues, which share one file (a record per line) with a column naming the catalogue.

    Only the lines that mention the catalogue are parsed: a file needs a few of the sixteen lists, and parsing the
    whole file (2 MB, mostly goods keys) for one of them cost more than checking a small manifest.
    """

    def load() -> Iterable[str]:
        text = resources.files(_PACKAGE).joinpath("mx_sat_cartaporte_catalogues.csv").read_text(encoding="utf-8")
        header, _, body = text.partition("\n")
        columns = next(csv.reader([header]))
        key, column = columns.index("catalogue"), columns.index("code")
        lines = [line for line in body.splitlines() if catalogue in line]
        return (row[column] for row in csv.reader(lines) if row[key] == catalogue)

    return load


def sat_states() -> Iterable[str]:
    """The codes of c_Estado, read from the copy of SAT's catCFDI.xsd the package ships (one line of simple types,
    each enumeration an ``<xs:enumeration value="..."/>``)."""
    text = (
        resources.files("manifest")
        .joinpath("schemas", "sat", "sitio_internet", "cfd", "catalogos", "catCFDI.xsd")
        .read_text(encoding="utf-8")
    )
    start = text.index('<xs:simpleType name="c_Estado">')
    end = text.index("</xs:simpleType>", start)
    return re.findall(r'<xs:enumeration value="([^"]*)"/>', text[start:end])


def unlocodes() -> Iterable[str]:
    yield from csv_column("unlocode_2024-2_us_mx_partners.csv", "locode")()
    yield from csv_column("unlocode_ca_2015_partial.csv", "locode")()


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
    try:
        header, found = airports_table()
        column = header.index("iata")
        return [code for row in found if (code := row[column])]
    except (OSError, ValueError, StopIteration, IndexError):
        import airportsdata

        return airportsdata.load("IATA").keys()
