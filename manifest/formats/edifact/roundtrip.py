"""What a written file failed to carry: the model read back from it, compared field by field with the original.

Comparing the read-back model with the one written finds every value the target format left out or changed,
whatever its reason (no segment for it, a time zone offset a date format cannot hold, a code with no equivalent),
without a hand-kept list that could drift from the writer. A value the read-back has and the original had not is
no loss and is not reported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any


def differences(original: Any, copy: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(model path, original value) of every value of ``original`` that ``copy`` does not hold equally."""
    if original is None or original == copy:
        return
    if dataclasses.is_dataclass(original) and type(copy) is type(original):
        for f in dataclasses.fields(original):
            yield from differences(getattr(original, f.name), getattr(copy, f.name), _join(path, f.name))
        return
    if isinstance(original, tuple) and isinstance(copy, tuple):
        for index, item in enumerate(original):
            yield from differences(item, copy[index] if index < len(copy) else None, f"{path}[{index}]")
        return
    if isinstance(original, Mapping) and isinstance(copy, Mapping):
        for key, value in original.items():
            if copy.get(key) != value:
                yield f"{path}[{key!r}]" if path else key, value
        return
    if isinstance(original, tuple | Mapping) and not original:
        return
    yield path, original


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
