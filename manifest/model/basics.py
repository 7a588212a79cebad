"""What every object of the model carries or uses: its map of format-only data, and the type of a moment."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

Extensions = Mapping[str, str]


class _NoExtensions(dict[str, str]):
    """The extensions of an object that has none: one shared, immutable empty map instead of an empty dict per
    object (most objects of a manifest carry no format-only data, and a large file made tens of thousands of them).
    A dict still, so that everything that reads, compares, serializes or pickles extensions treats it as one."""

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("a model object's extensions are immutable")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset())  # immutable, so hashable (which is also what lets it be a dataclass default)

    def __reduce__(self) -> str:
        return "NO_EXTENSIONS"  # unpickled as the same shared object

    def __copy__(self) -> _NoExtensions:
        return self

    def __deepcopy__(self, memo: object) -> _NoExtensions:
        return self


NO_EXTENSIONS: Extensions = _NoExtensions()


Moment = date | datetime
"""A date, or a date and time; a ``datetime`` may be naive (CFDI local time) or carry an offset."""
