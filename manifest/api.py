"""The library's entry points: read, write, validate and convert manifests held in memory.

Nothing here prints, exits or touches a file other than the ones it is asked to read; the CLI is a thin layer over
these functions, and software embedding ``manifest`` calls them directly.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import BinaryIO, Union

from manifest import formats
from manifest.core.document import ConsignmentChunk, Document, Written, without_ends
from manifest.diagnostics import Diagnostic, ParseError, Severity, define
from manifest.faults import one_per_fault
from manifest.formats.charsets import blank
from manifest.formats.readers import collector_paused
from manifest.model import Manifest, Mode
from manifest.requirements import Config, Reason, choose_profile, evaluate
from manifest.slotted import record

UNKNOWN_FORMAT = define(
    "MF004",
    Severity.ERROR,
    "the content is not in any format this tool reads ($known)",
    "el contenido no está en ningún formato que esta herramienta lea ($known)",
    "manifest-toolkit format registry",
)
EMPTY_FILE = define(
    "MF005",
    Severity.ERROR,
    "the file is empty",
    "el archivo está vacío",
    "manifest-toolkit format registry",
)
INVALID_SOURCE = define(
    "MF301",
    Severity.ERROR,
    "the source has $count error(s); it is not converted",
    "el origen tiene $count error(es); no se convierte",
    "manifest-toolkit conversion",
)
NO_MANIFEST = define(
    "MF306",
    Severity.ERROR,
    "the source holds no manifest ($format): there is nothing to convert",
    "el origen no contiene ningún manifiesto ($format): no hay nada que convertir",
    "manifest-toolkit conversion",
)


# What the library reads: the bytes themselves, a path to a file, or a file opened in binary mode. A ``str`` is
# refused (it could be a path or the content, and text has lost its encoding), and so is a file opened as text.
Source = Union[bytes, bytearray, memoryview, "os.PathLike[str]", "os.PathLike[bytes]", BinaryIO]


def source_bytes(source: Source) -> tuple[bytes, str | None]:
    """The bytes of ``source`` and the file name it came by (None for bytes and unnamed streams).

    Raises TypeError for a ``str``, a text stream or anything else that is not bytes, a path or a binary file, and
    OSError when the path cannot be read."""
    if isinstance(source, bytes):
        return source, None
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, str):
        raise TypeError(
            "manifest reads bytes, a path (os.PathLike) or a binary file, not str: pass data.encode() for content "
            "or pathlib.Path(text) for a file name"
        )
    if isinstance(source, os.PathLike):
        path = Path(os.fsdecode(source))
        return path.read_bytes(), path.name
    read_method = getattr(source, "read", None)
    if callable(read_method):
        data = read_method()
        if not isinstance(data, bytes):
            raise TypeError(f"manifest reads binary files: this file gave {type(data).__name__}, open it with 'rb'")
        name = getattr(source, "name", None)
        return data, Path(os.fsdecode(name)).name if isinstance(name, (str, bytes)) else None
    raise TypeError(f"manifest reads bytes, a path (os.PathLike) or a binary file, not {type(source).__name__}")


def detect(data: bytes, name: str | None = None) -> str | None:
    """The format of ``data``: by content first, by file name only when the content says nothing."""
    found = formats.sniff(data[: formats.SNIFF_BYTES])
    if found is None and name is not None:
        found = formats.by_extension(name)
    return found


def read(source: Source, format: str | None = None, *, name: str | None = None) -> Document:
    """Read ``source`` (bytes, a path or a binary file) into manifests; raises ParseError (with its diagnostic) when
    nothing can be read, TypeError for a ``str`` (see :func:`source_bytes`)."""
    data, own_name = source_bytes(source)
    name = name if name is not None else own_name
    if blank(data):
        raise ParseError(EMPTY_FILE(line=1, column=1))
    chosen = format or detect(data, name)
    if chosen is None:
        raise ParseError(UNKNOWN_FORMAT(line=1, column=1, known=", ".join(formats.FORMATS)))
    return formats.get(chosen).read(data)


def stream(
    source: BinaryIO, format: str | None = None, *, name: str | None = None
) -> Iterator[ConsignmentChunk | Diagnostic]:
    """Consignment by consignment: the format's own streaming reader where it has one (memory bounded by one
    consignment), otherwise the file read whole and handed out the same way."""
    chosen = format or detect(head_bytes(source), name)
    if chosen is None:
        try:
            read(source.read(), name=name)
        except ParseError as error:
            yield from error.diagnostics
        return
    from manifest.streaming import parts

    yield from without_ends(parts(source, chosen))


def head_bytes(source: BinaryIO) -> bytes:
    """The first bytes of ``source`` for sniffing, leaving the stream where it was."""
    peek = getattr(source, "peek", None)
    if peek is not None:
        return bytes(peek(formats.SNIFF_BYTES)[: formats.SNIFF_BYTES])
    if source.seekable():
        start = source.tell()
        head = source.read(formats.SNIFF_BYTES)
        source.seek(start)
        return head
    return b""


def write(manifests: Sequence[Manifest], format: str) -> Written:
    written = formats.get(format).write(manifests)
    # What the writer read back to find its losses is for a conversion's notes; the caller has the manifests.
    return written if written.read_back is None else replace(written, read_back=None)


@record
class FileReport:
    """Everything found in one file, sorted by position."""

    path: str
    format: str | None = None
    modes: tuple[Mode, ...] = ()
    profile: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    manifests: tuple[Manifest, ...] = field(default=(), compare=False, repr=False)
    profile_reason: Reason | None = None  # why that profile: asked for, the receiver, or the manifest's places

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def passes(self, *, strict: bool = False) -> bool:
        threshold = Severity.WARNING if strict else Severity.ERROR
        return all(d.severity < threshold for d in self.diagnostics)

    @property
    def valid(self) -> bool:
        """Nothing at error level: the ``valid`` of the JSON report (``passes(strict=True)`` counts warnings)."""
        return self.passes()


def _position_key(diagnostic: Diagnostic) -> tuple[int, int, str]:
    return (diagnostic.line or 0, diagnostic.column or 0, diagnostic.code)


def validate(
    source: Source,
    *,
    path: str | None = None,
    format: str | None = None,
    profile: str = "auto",
    config: Config | None = None,
) -> FileReport:
    """All three layers on one file: syntax, schema (both by the reader), then the requirements of ``profile``.

    ``source`` is bytes, a path or a binary file (a ``str`` is a TypeError); ``path`` names it in the report,
    by default the path it was read from, else ``-``. The configuration applies to every finding, the reader's too;
    a fault that several layers found at one place is one finding under its most specific code, the others named in
    its ``also`` (see :mod:`manifest.faults`)."""
    data, _ = source_bytes(source)
    if path is None:
        path = os.fsdecode(source) if isinstance(source, os.PathLike) else _stream_name(source)
    # The readers pause the cyclic collector while they build the model (see collector_paused); checking it makes
    # no reference cycles either, and a collection between the two would scan the whole model just built.
    with collector_paused():
        try:
            document = read(data, format, name=path)
        except ParseError as error:
            return FileReport(path, format or detect(data, path), diagnostics=error.diagnostics)
        found = list(document.diagnostics)
        chosen: list[str] = []
        reasons: list[Reason] = []
        for index, manifest in enumerate(document.manifests):
            choice = choose_profile(profile, document.format, manifest)
            concrete = choice.profile
            chosen.append(concrete)
            reasons.append(choice.reason)
            found.extend(
                evaluate(
                    manifest, document.source_map(index), profile=concrete, config=config, format_name=document.format
                )
            )
        found = one_per_fault((config or Config()).apply(found))
    return FileReport(
        path,
        document.format,
        tuple(dict.fromkeys(m.mode for m in document.manifests)),
        ", ".join(dict.fromkeys(chosen)) or None,
        tuple(sorted(found, key=_position_key)),
        document.manifests,
        _joined(reasons),
    )


def _stream_name(source: object) -> str:
    name = getattr(source, "name", None)
    return os.fsdecode(name) if isinstance(name, (str, bytes)) else "-"


def _joined(reasons: list[Reason]) -> Reason | None:
    """The reasons of a file's manifests, each said once."""
    parts = tuple(dict.fromkeys(part for reason in reasons for part in reason.parts))
    return Reason(parts) if parts else None


def validate_stream(
    source: BinaryIO,
    *,
    path: str = "-",
    format: str | None = None,
    profile: str = "auto",
    config: Config | None = None,
) -> FileReport:
    """:func:`validate` of the content of ``source``, read consignment by consignment instead of whole.

    The format's streaming reader checks syntax and schema on the way and the requirements run on each consignment
    as it arrives (see :mod:`manifest.streaming`), so memory holds one consignment, not the file; the report carries
    the same findings at the same positions, without the manifests. A format that cannot be read as a stream is
    read whole.
    """
    from manifest.streaming import check_stream, parts

    head = head_bytes(source)
    chosen = format or detect(head, path)
    if blank(head) and _blank(source):
        return FileReport(path, chosen, diagnostics=(EMPTY_FILE(line=1, column=1),))
    if chosen is None:
        return FileReport(path, None, diagnostics=(UNKNOWN_FORMAT(line=1, column=1, known=", ".join(formats.FORMATS)),))
    found = check_stream(parts(source, chosen), chosen, profile=profile, config=config)
    return FileReport(
        path,
        chosen,
        tuple(dict.fromkeys(found.modes)),
        ", ".join(dict.fromkeys(found.profiles)) or None,
        tuple(sorted(found.diagnostics, key=_position_key)),
        profile_reason=_joined(found.reasons),
    )


def _blank(source: BinaryIO) -> bool:
    """Whether the rest of ``source`` is only white space, read a block at a time (the stream is then rewound)."""
    if not source.seekable():
        return False  # what was peeked at is all that can be told without consuming the stream
    start = source.tell()
    try:
        while block := source.read(1 << 20):
            if not blank(block):
                return False
        return True
    finally:
        source.seek(start)


@record
class Conversion:
    """The outcome of a conversion: the source as read, and what was written unless the source was unusable.

    A source with errors is written only when the conversion allows it (``allow_errors``); its errors are then in
    ``errors`` and the outcome is marked as converted from a faulty source."""

    source: Document | None
    written: Written | None
    diagnostics: tuple[Diagnostic, ...] = ()  # why nothing was written, when nothing was: MF301 and the errors
    errors: tuple[Diagnostic, ...] = ()  # the source's errors, one per fault as configured
    target: str | None = None  # the format written, or asked for

    @property
    def losses(self) -> tuple[Diagnostic, ...]:
        return self.written.losses if self.written is not None else ()

    @property
    def notes(self) -> tuple[Diagnostic, ...]:
        return self.written.notes if self.written is not None else ()

    @property
    def from_faulty_source(self) -> bool:
        """Written although the source has errors (``allow_errors``)."""
        return self.written is not None and bool(self.errors)

    def writes(self, *, allow_loss: bool) -> bool:
        """Whether the result is to be written: there is one, it holds something of the source (a target that can
        hold none of it gives empty data, its losses saying why), and it leaves nothing behind unless that is
        allowed."""
        return self.written is not None and bool(self.written.data) and (allow_loss or not self.losses)

    def losses_by_kind(self) -> dict[str, int]:
        """How many values are left behind, by what holds them (:data:`manifest.conversion.LOSS_KINDS`)."""
        from manifest.conversion import count_by_kind

        return count_by_kind(self.losses)


def convert(
    source: Source,
    to: str,
    *,
    format: str | None = None,
    name: str | None = None,
    config: Config | None = None,
    allow_errors: bool = False,
    profile: str = "auto",
    sender: str | None = None,
    recipient: str | None = None,
) -> Conversion:
    """Read ``source`` and write it as ``to``; a source with errors is not converted (MF301 and its findings say why)
    unless ``allow_errors``, and then its errors come with the result; a source that holds no manifest (an X12 350
    status notification, a CUSCAR interchange of other messages) is not either (MF306). The errors are counted as
    :func:`validate` counts the reader's: one per fault, after ``config`` disabled codes or changed their severity.
    A source that cannot be read at all is never converted.

    Every value the target cannot carry is in ``losses``, by model path and at its line and column in the source;
    envelope values of the source that only describe its transmission are notes (see :mod:`manifest.conversion`),
    and so is each requirement of the target's kind of document that the model leaves unmet, under ``profile``
    chosen as :func:`validate` chooses it (see :mod:`manifest.unmet`).

    ``sender`` and ``recipient`` name the partners of the interchange written, for the targets that have one (X12
    ISA/GS, EDIFACT UNB); where neither they nor the model name one, a note (MF305) says what is written in its
    place. A partner named for another target, or that its envelope cannot hold, raises
    :class:`manifest.interchange.AddressError` (a ValueError) before any reading.
    """
    from manifest.conversion import settle
    from manifest.interchange import addressed, checked, placeholders
    from manifest.unmet import noted

    data, own_name = source_bytes(source)
    name = name if name is not None else own_name
    target = formats.get(to)  # an unknown target is a usage error: KeyError before any reading
    checked(to, sender=sender, recipient=recipient)  # a partner the target cannot name: before any reading
    try:
        document = read(data, format, name=name)
    except ParseError as error:
        return Conversion(None, None, (INVALID_SOURCE(count=1), error.diagnostic), (error.diagnostic,), to)
    # Counted as validate counts them: one per fault, as configured.
    found = one_per_fault((config or Config()).apply(document.diagnostics))
    errors = tuple(d for d in found if d.severity >= Severity.ERROR)
    if errors and not allow_errors:
        return Conversion(document, None, (INVALID_SOURCE(count=len(errors)), *errors), errors, to)
    if not document.manifests:
        refused = NO_MANIFEST(format=document.format)
        return Conversion(document, None, (refused, *errors), errors, to)
    manifests = addressed(document.manifests, to, sender=sender, recipient=recipient)
    written = target.write(manifests)
    written = replace(written, notes=(*written.notes, *placeholders(manifests, to)))
    written = noted(written, document, to, profile=profile, config=config)
    return Conversion(document, settle(written, document, to), (), errors, to)
