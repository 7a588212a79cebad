"""The choices the ``manifest`` command offers, each taken from its owner: the formats from the registry, the
profiles from the requirements engine, the modes from the model, the languages from the catalogue's type, the
reports from the reporters.

Each but the languages is read when Click first needs it (help, parsing: see
:class:`manifest.cli_click.LazyChoice`), so that ``manifest --version`` imports none of the owners.
"""

from __future__ import annotations

import typing

from manifest.diagnostics import Lang  # imported for the catalogue (manifest.i18n) at start-up in any case

LANGS: tuple[str, ...] = typing.get_args(Lang)


def format_names() -> list[str]:
    from manifest.formats import FORMATS

    return list(FORMATS)


def profile_names() -> list[str]:
    """``auto`` first, the default, then the profiles that hold rules."""
    from manifest.requirements.profiles import PROFILE_CHOICES

    return ["auto", *(name for name in PROFILE_CHOICES if name != "auto")]


def concrete_profile_names() -> list[str]:
    """The profiles that hold rules (``auto`` only chooses one of them)."""
    from manifest.requirements.profiles import PROFILES

    return list(PROFILES)


def mode_names() -> list[str]:
    from manifest.model import Mode

    return [mode.value for mode in Mode]


def report_names() -> list[str]:
    """The reports ``validate --output`` writes."""
    from manifest.reporters import REPORTERS

    return list(REPORTERS)


def movement_report_names() -> list[str]:
    """The reports ``reconcile --output`` writes: all but the HTML page, which shows each file's text beside its
    findings and has no place for the findings of a movement."""
    return [name for name in report_names() if name != "html"]
