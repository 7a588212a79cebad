"""What a write left behind: the model read back from the written bytes compared with the model given."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.canonical import to_tree
from manifest.formats.x12 import convert as cv
from manifest.formats.x12.fit import NOT_HELD, WITHHELD, Fitting, recoded, respelled, shortened, withheld
from manifest.model import Manifest, Place, PlaceScheme

NOT_CARRIED = define(
    "X12401",
    Severity.WARNING,
    "$format cannot carry $field ('$value'); it is not written",
    "$format no puede llevar $field ('$value'); no se escribe",
    "ASC X12 309/358 segment tables: no element holds this field",
)


BROADER = define(
    "X12412",
    Severity.WARNING,
    "$field ('$value') has no X12 code of the same meaning; the broader '$written' is written",
    "$field ('$value') no tiene código X12 del mismo significado; se escribe el más general '$written'",
    "manifest/codelists crosswalk package-forms (X12 element 599, UN/ECE Recommendation 21, SAT c_TipoEmbalaje)",
)


WITH_ITS_NUMBER = define(
    "X12418",
    Severity.WARNING,
    "$field ('$value') is the unit of $number, which is not written; it is not written either",
    "$field ('$value') es la unidad de $number, que no se escribe; tampoco se escribe",
    "X12.6 section 3.6, paired syntax notes (M11 P0708: a volume's unit is written only with the volume)",
)


_PORTS = tuple(f"{place}.{part}" for place in ("office_of_entry", "place_of_discharge") for part in ("code", "scheme"))


def _translated(path: str, field: str, value: str, back: str | None) -> Diagnostic | bool | None:
    """How a code the writer took through a crosswalk came back: True when the written code means the same (no
    loss: the same fact in X12's words), a BROADER finding when it names a wider class, None when no crosswalk
    explains the difference."""
    if back is None:
        return None
    if path.endswith("packages.kind"):
        found = cv.manifest_unit(value)
        if found is not None and found.code == back:
            return True if found.exact else BROADER(field=field, value=value, written=back, location=None)
    elif path.endswith(("country", "conveyance.flag")):
        return cv.country_code(value) == back or None
    elif path.endswith(_PORTS):
        # P4-01 names the port by its Schedule D code (cv.schedule_d_code): the same port in CBP's list.
        if path.endswith(".scheme"):
            return back == PlaceScheme.SCHEDULE_D.value or None
        return cv.schedule_d_code(Place(code=value)) == back or None
    return None


def _flatten(tree: object, prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(tree, dict):
        for key, value in tree.items():
            if prefix.endswith(".extensions") or (prefix == "extensions"):
                yield f"{prefix}[{key}]", str(value)
            else:
                yield from _flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from _flatten(value, f"{prefix}[{i}]")
    else:
        yield prefix, str(tree)


def losses(
    given: Sequence[Manifest], written: Sequence[Manifest], format_name: str, fitting: Fitting | None = None
) -> tuple[Diagnostic, ...]:
    """One finding per model path the written bytes do not give back: X12402 when the dictionary cut the value
    (``fitting``), X12411 or X12416 when it left it out, X12401 otherwise. A number the fitting spelt with fewer
    digits comes back the same number: no loss."""
    found: list[Diagnostic] = []
    cuts = fitting.cuts if fitting is not None else []
    for index, manifest in enumerate(given):
        back = dict(_flatten(to_tree(written[index]), "")) if index < len(written) else {}
        withheld_numbers: set[str] = set()  # the fields of quantities' numbers left out of their elements
        for path, value in _flatten(to_tree(manifest), ""):
            if back.get(path) != value:
                field = path if len(given) == 1 else f"manifests[{index}].{path}"
                number = field.removesuffix(".unit") + ".value"
                if field.endswith(".unit") and number in withheld_numbers and path not in back:
                    found.append(WITH_ITS_NUMBER(field=field, value=value, number=number, location=None))
                    continue
                translated = _translated(path, field, value, back.get(path))
                if translated is True or (fitting is not None and respelled(fitting, value, back.get(path))):
                    continue
                cut = translated or withheld(cuts, field, value, back.get(path))
                if cut is not None and cut.code in (WITHHELD.code, NOT_HELD.code) and field.endswith(".value"):
                    withheld_numbers.add(field)
                cut = cut or shortened(cuts, field, value, back.get(path))
                if cut is None and fitting is not None:
                    cut = recoded(fitting, field, value, back.get(path))
                found.append(cut or NOT_CARRIED(field=field, value=value, format=format_name, location=None))
    return tuple(found)
