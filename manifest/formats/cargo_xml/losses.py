"""What a written message left behind: the model fields that do not come back when the message is read again.

Writing maps the model onto the message and reading maps it back, so comparing the two models field by field lists
exactly what the message could not carry, with no second description of each message's capacity to keep in step.
A value counts as carried when it comes back equal (a list item anywhere in its list); otherwise the deepest field
that differs is reported, one path per field, as in the source maps (``consignments[1].parties[0].tax_ids``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any


def lost_fields(original: Any, reread: Any, path: str = "") -> Iterator[str]:
    if _empty(original) or original == reread:
        return
    if dataclasses.is_dataclass(original) and type(original) is type(reread):
        for spec in dataclasses.fields(original):
            yield from lost_fields(getattr(original, spec.name), getattr(reread, spec.name), _join(path, spec.name))
    elif isinstance(original, Mapping) and isinstance(reread, Mapping):
        for key, value in original.items():
            if reread.get(key) != value:
                yield f"{path}[{key}]"
    elif isinstance(original, tuple) and isinstance(reread, tuple):
        for index, item in enumerate(original):
            if item in reread:
                continue
            yield from lost_fields(item, reread[index] if index < len(reread) else None, f"{path}[{index}]")
    else:
        yield path


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (tuple, Mapping, str)) and not value)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
