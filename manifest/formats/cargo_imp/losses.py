"""What a written message leaves behind: the model fields that reading the message back does not give again.

Comparing the model with the model read back from what was written finds every value the message cannot carry,
whatever its origin (a field of another format's extensions, a second shipper, a UN number), with no list of
exceptions to keep in step with the writers. Equal parts are skipped whole, so a long flight costs little.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from manifest.diagnostics import Diagnostic
from manifest.formats.cargo_imp.codes import NOT_CARRIED
from manifest.formats.readback import differences, within_any
from manifest.model import Consignment, Manifest, Mode


def not_carried(
    original: Manifest, read_back: Sequence[Manifest], message: str, reported: Sequence[str]
) -> list[Diagnostic]:
    """One diagnostic per model field (or whole object) of ``original`` that reading its message back lacks.

    Consignments are matched by document number, since a message may hold them in another order or in several
    messages (one FWB per master). When nothing was written or read back, every value is compared with none, so
    that each is listed where it is."""
    nothing = not read_back
    if nothing:
        read_back = [Manifest(mode=Mode.AIR)]  # what a Cargo-IMP reader gives of no message
    pool: list[Consignment] = [c for manifest in read_back for c in manifest.consignments]
    header, header_back = (dataclasses.replace(m, consignments=()) for m in (original, read_back[0]))
    lost = [path for path, _ in differences(header, header_back)]
    for index, consignment in enumerate(original.consignments):
        match = next((c for c in pool if c.document_number == consignment.document_number), None)
        if match is None:
            lost.append(f"consignments[{index}]")
            continue
        pool.remove(match)
        lost.extend(path for path, _ in differences(consignment, match, f"consignments[{index}]"))
    found = [NOT_CARRIED(field=path, message=message) for path in lost if not within_any(path, reported)]
    if nothing and not found and not reported:
        return [NOT_CARRIED(field="consignments", message=message)]  # an empty manifest, written as nothing
    return found
