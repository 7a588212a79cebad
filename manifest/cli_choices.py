"""The choices the ``manifest`` command offers, each taken from its owner: the profiles from the requirements
engine, the modes from the model, the languages from the catalogue's type, the reports from the reporters.

The owners are read here, at start-up, because Click lists choices in ``--help``; each of them imports no reader.
"""

from __future__ import annotations

import typing

from manifest.diagnostics import Lang
from manifest.model import Mode
from manifest.requirements.profiles import PROFILE_CHOICES
from manifest.requirements.profiles import PROFILES as CONCRETE

# ``auto`` first: it is the default.
PROFILES: tuple[str, ...] = ("auto", *(name for name in PROFILE_CHOICES if name != "auto"))
# The profiles that hold rules (``auto`` only chooses one of them).
CONCRETE_PROFILES: tuple[str, ...] = tuple(CONCRETE)
MODES: tuple[str, ...] = tuple(mode.value for mode in Mode)
LANGS: tuple[str, ...] = typing.get_args(Lang)


def report_names() -> list[str]:
    """The reports ``validate --output`` writes (imports the reporters, which import the library)."""
    from manifest.reporters import REPORTERS

    return list(REPORTERS)


def movement_report_names() -> list[str]:
    """The reports ``reconcile --output`` writes: all but the HTML page, which shows each file's text beside its
    findings and has no place for the findings of a movement."""
    return [name for name in report_names() if name != "html"]
