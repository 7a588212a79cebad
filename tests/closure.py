"""The closure property of conversions: a converted file, validated under the profile its source was validated
under, has no error the source did not have unless a loss or a note of the conversion explains it.

A loss or note explains an error when it is about the error's model field (or one that holds it), when it is at the
error's own location (an X12 element ``M10-01``, an XPath), when it names an attribute or child element that the
error names under the element the error is at, or when it says that the line (Cargo-IMP) the error is about was not
written whole; a loss also explains that a value is absent when it left behind one of the value's own parts, an
element of it or the value that the error's filter selects by (:func:`left_behind`). The losses and notes are the
writer's own, before the conversion pins them to the source (:func:`manifest.conversion.settle`), so that they keep
the target's address they name, and the notes the conversion adds (the requirements of the target's kind of
document and mode that the model leaves unmet, by model field: :mod:`manifest.unmet`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from manifest import api, formats
from manifest.diagnostics import Diagnostic, Severity
from manifest.formats.base import Written

_FILTER = re.compile(r"\[[^\]0-9][^\]]*\]")  # [scheme=rfc], [role=issuer]: a rule's filter, not a position
_LAST_FILTER = re.compile(r"\[([A-Za-z_]+)=[^\]]*\]$")  # [document_type=air-waybill] at the end of a field
_QUOTED = re.compile(r"'([A-Za-z]+)'")
_CAPITALIZED = re.compile(r"\b[A-Z][A-Za-z]+\b")
_NAMESPACED = re.compile(r"\}([A-Za-z]+)")
_CITED = re.compile(r"@([A-Za-z]+)")


def _model_path(field: str) -> str:
    return _FILTER.sub("", field)


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith((outer + ".", outer + "["))


def _element(location: str) -> str:
    """The XPath of the element a finding is about: its attribute step (``/@Rfc``) taken off."""
    return re.sub(r"/@[A-Za-z]+$", "", location)


def _names(error: Diagnostic) -> set[str]:
    """The attributes and elements a finding may be about: at the end of its location, quoted or capitalized in its
    message (``'BienesTransp'``, ``RegimenesAduaneros``, ``{ns}Ubicacion``), or named ``Element@Attribute`` in the
    standard it cites."""
    message = error.message()
    named = set(_QUOTED.findall(message)) | set(_CAPITALIZED.findall(message)) | set(_NAMESPACED.findall(message))
    named |= set(_CITED.findall(error.source or ""))
    if error.location and "/@" in error.location:
        named.add(error.location.rpartition("/@")[2])
    return named


def _same_line(error: Diagnostic, reason: Diagnostic) -> bool:
    """A note that a line or segment was not written whole (its ``value`` is the tag, ``RTD``, ``M10``) explains an
    error anywhere in it: the error's location starts with the tag (``RTD/…``, ``M10-01``)."""
    tag = reason.args.get("value")
    if not isinstance(tag, str) or not tag or not error.location:
        return False
    return re.split(r"[/\-(]", error.location, maxsplit=1)[0] == tag


def left_behind(error: Diagnostic, loss: Diagnostic) -> bool:
    """Whether ``loss``, a value the writer left behind, accounts for ``error``, a value found absent: a part of it
    left behind (``gross_weight.value``, ``goods[0].description``, ``crew[0]``) takes it out of the file (no gross
    weight, no goods, no driver in ``crew``); an element left behind, or the value a filter selects by
    (``consignments[0].document_type``), leaves no element that passes the filter (no air waybill among
    ``consignments[document_type=air-waybill]``). A note that a part is missing says nothing of the whole."""
    if error.value or not error.field or not loss.field:
        return False
    path = _model_path(loss.field)
    last = _LAST_FILTER.search(error.field)
    if last is None:
        return _within(path, _model_path(error.field))
    element = re.escape(_model_path(error.field)) + r"\[\d+\]"
    return re.fullmatch(rf"{element}(\.{re.escape(last.group(1))}([.\[].*)?)?", path) is not None


def explains(error: Diagnostic, reason: Diagnostic) -> bool:
    """Whether a loss or note of the conversion accounts for ``error`` of the written file."""
    if error.field and reason.field and _within(_model_path(error.field), _model_path(reason.field)):
        return True
    if _same_line(error, reason):
        return True
    if not error.location or not reason.location:
        return False
    if reason.location == error.location:  # the same element of a segment (M10-01) or the same XPath
        return True
    if not reason.location.startswith("/"):
        return False
    parent, _, step = reason.location.rpartition("/")
    name = step.removeprefix("@").rpartition(":")[2]
    at = _element(error.location)
    if not name or name not in _names(error):
        return False
    # libxml2 reports a missing child element at its parent or at the sibling found in its place; a rule that
    # names the element it misses (``(Carro)``) reports it at the element it checks, which holds it.
    return parent in (at, at.rpartition("/")[0]) or reason.location.startswith(at + "/")


def unexplained_in(
    written: Written, to: str, profile: str, had: Sequence[Diagnostic], noted: Sequence[Diagnostic] = ()
) -> list[str]:
    """The errors of ``written`` (validated as ``to`` under ``profile``) that neither ``had`` (the source's errors,
    by code and model field) nor a loss or note of ``written`` or ``noted`` (the conversion's) explains, each as one
    line."""
    if not written.data:
        # Nothing written: what the target could not hold is all in the losses (see test_writers_total).
        return [] if written.losses else [f"nothing written as {to} and no loss listed"]
    known = {(d.code, d.field) for d in had if d.severity >= Severity.ERROR}
    reasons = [*written.losses, *written.notes, *noted]
    after = api.validate(written.data, path=f"written.{to}", format=to, profile=profile)
    return [
        f"{d.code} {d.location} {d.field}: {d.message()}"
        for d in after.diagnostics
        if d.severity >= Severity.ERROR
        and (d.code, d.field) not in known
        and not any(explains(d, reason) for reason in reasons)
        and not any(left_behind(d, loss) for loss in written.losses)
    ]


def unexplained(data: bytes, name: str, to: str, *, profile: str | None = None) -> list[str]:
    """The closure property for one source and one target: the source is validated (under ``profile``, or the one
    its report chose), converted to ``to`` without errors allowed, and the errors of the written file that nothing
    explains are returned."""
    before = api.validate(data, path=name, profile=profile or "auto")
    chosen = profile or "auto"
    # An X12 interchange is stamped with the minute it is written (ISA09, ISA10, GS04, GS05): two writes that fall
    # on either side of a minute differ there alone, and the next pair falls within one.
    for _ in range(2):
        conversion = api.convert(data, to, name=name, allow_errors=False, profile=chosen)
        assert conversion.written is not None, [d.code for d in conversion.diagnostics]
        assert conversion.source is not None
        converted = conversion.written
        written = formats.get(to).write(conversion.source.manifests)
        if written.data == converted.data:
            break
    assert written.data == converted.data
    return unexplained_in(written, to, profile or before.profile or "auto", before.diagnostics, converted.notes)
