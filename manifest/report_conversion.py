"""The report of ``convert``: the outcome in one line (written or not, and why), the source's errors and the values
the target cannot carry, as text for people or JSON for programs."""

from __future__ import annotations

import json

from manifest.api import INVALID_SOURCE, Conversion
from manifest.conversion import LOSS_KINDS
from manifest.diagnostics import Diagnostic, Lang
from manifest.i18n import words
from manifest.report_lines import diagnostic_line, diagnostic_to_json

WRITTEN_TO = "written to {output} as {target}"
STANDARD_OUTPUT = "standard output"
NOTHING_WRITTEN = "nothing written"
FAULTY_SOURCE = "converted from a faulty source with {errors} error(s)"
REFUSED_ERRORS = "the source has {errors} error(s) (use --allow-errors to convert anyway)"
REFUSED_LOSSES = "{target} cannot carry {count} value(s) (use --allow-loss to write anyway)"
HOLDS_NOTHING = "{target} can hold nothing of the source: {count} value(s) not carried (--verbose lists them)"
LEFT_BEHIND = "{count} value(s) not carried"
NOTES = "{count} note(s)"


def conversion_listed_errors(conversion: Conversion) -> tuple[Diagnostic, ...]:
    """The errors a conversion report lists: why nothing was written (MF301 first), or the faulty source's errors."""
    return conversion.diagnostics if conversion.written is None else conversion.errors


def conversion_line(conversion: Conversion, *, output: str | None, allow_loss: bool, lang: Lang) -> str:
    """The outcome in one line: written or not (and why not, with the option that would write it), whether from a
    faulty source, how many values are not carried and how many notes there are."""
    said = words(lang).gettext
    target = conversion.target or ""
    if conversion.writes(allow_loss=allow_loss):
        where = output if output is not None else said(STANDARD_OUTPUT)
        head = said(WRITTEN_TO).format(output=where, target=target)
    else:
        head = said(NOTHING_WRITTEN)
    if conversion.written is None:
        why = conversion.diagnostics[0] if conversion.diagnostics else None
        if why is not None and why.code != INVALID_SOURCE.code:
            return f"{head}: {why.message(lang)}"  # refused for another reason than errors: no manifest to convert
        return f"{head}: {said(REFUSED_ERRORS).format(errors=len(conversion.errors))}"
    parts = [said(FAULTY_SOURCE).format(errors=len(conversion.errors))] if conversion.from_faulty_source else []
    losses = len(conversion.losses)
    if not conversion.written.data:
        # A target that holds none of the source (no air waybill among a train's bills, for Cargo-IMP) gives no
        # file at all: its losses say why.
        parts.append(said(HOLDS_NOTHING).format(target=target, count=losses))
    else:
        refused = losses and not allow_loss
        parts.append(said(REFUSED_LOSSES if refused else LEFT_BEHIND).format(target=target, count=losses))
    parts.append(said(NOTES).format(count=len(conversion.notes)))
    return f"{head}: {', '.join(parts)}"


def conversion_text(
    conversion: Conversion, source: str, *, output: str | None, allow_loss: bool, lang: Lang, verbose: bool = False
) -> str:
    """The errors of the source, each at its place; with ``verbose`` every value not carried and every note too;
    then the outcome in one line and the values not carried counted by kind (what holds them), in ``lang``."""
    shown = conversion_listed_errors(conversion)
    if verbose:
        shown = (*shown, *conversion.losses, *conversion.notes)
    lines = [diagnostic_line(source, d, lang) for d in shown]
    lines.append(conversion_line(conversion, output=output, allow_loss=allow_loss, lang=lang))
    counts = conversion.losses_by_kind()
    labels = {kind: words(lang).pgettext("loss kind", LOSS_KINDS[kind]) for kind in counts}
    label_width = max((len(label) for label in labels.values()), default=0)
    count_width = max((len(str(count)) for count in counts.values()), default=0)
    lines += [f"  {labels[kind]:<{label_width}}  {count:>{count_width}}" for kind, count in counts.items()]
    return "\n".join(lines) + "\n"


def conversion_json(conversion: Conversion, source: str, *, output: str | None, allow_loss: bool, lang: Lang) -> str:
    """One object: the source and its format, the target, whether and where the result was written, whether from
    a faulty source; the errors, the values not carried and the notes, each as a finding of ``validate``'s JSON;
    and their counts, the values not carried by kind (keys of :data:`manifest.conversion.LOSS_KINDS`)."""
    report = {
        "source": source,
        "format": conversion.source.format if conversion.source is not None else None,
        "target": conversion.target,
        "written": conversion.writes(allow_loss=allow_loss),
        "output": output,
        "from_faulty_source": conversion.from_faulty_source,
        "errors": [diagnostic_to_json(d, lang) for d in conversion_listed_errors(conversion)],
        "losses": [diagnostic_to_json(d, lang) for d in conversion.losses],
        "notes": [diagnostic_to_json(d, lang) for d in conversion.notes],
        "summary": {
            "errors": len(conversion.errors),
            "losses": len(conversion.losses),
            "notes": len(conversion.notes),
            "losses_by_kind": conversion.losses_by_kind(),
        },
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
