"""The choices the command offers are their owners': a profile, mode, language or report added there is offered by
``manifest`` with nothing else to change, and nothing the owners do not know is offered."""

from __future__ import annotations

import subprocess
import sys
import typing

import click

from manifest.cli import main
from manifest.diagnostics import Lang
from manifest.i18n import words
from manifest.model import Mode
from manifest.reporters import REPORTERS
from manifest.requirements.profiles import PROFILE_CHOICES, PROFILES

OWNERS: dict[str, set[str]] = {
    "profile": set(PROFILE_CHOICES),
    "mode": {mode.value for mode in Mode},
    "lang": set(typing.get_args(Lang)),
}


def _choices() -> list[tuple[str, str, set[str]]]:
    found = []
    commands: dict[str, click.Command] = {"manifest": main, **main.commands}
    for name, command in commands.items():
        for parameter in command.params:
            if isinstance(parameter.type, click.Choice) and parameter.name is not None:
                found.append((name, parameter.name, {str(choice) for choice in parameter.type.choices}))
    return found


def test_every_profile_mode_and_language_offered_is_its_owners() -> None:
    offered = [(command, name, choices) for command, name, choices in _choices() if name in OWNERS]
    assert {name for _, name, _ in offered} == set(OWNERS)
    for command, name, choices in offered:
        # ``rules`` lists the rules of a profile: ``auto`` holds none of its own.
        owner = set(PROFILES) if (command, name) == ("rules", "profile") else OWNERS[name]
        assert choices == owner, f"{command} --{name}"


def test_every_report_the_reporters_write_is_offered_by_validate() -> None:
    (output,) = [choices for command, name, choices in _choices() if (command, name) == ("validate", "output")]
    assert output == set(REPORTERS)
    (movement,) = [choices for command, name, choices in _choices() if (command, name) == ("reconcile", "output")]
    assert movement == set(REPORTERS) - {"html"}


def test_every_language_offered_has_a_catalogue() -> None:
    for lang in typing.get_args(Lang):
        assert words(lang).pgettext("result", "passed")


def test_no_owner_is_imported_to_show_the_version() -> None:
    owners = ("manifest.reporters", "manifest.requirements", "manifest.model", "manifest.formats")
    script = f"import sys\nfrom manifest.cli import main\nprint([m for m in {owners!r} if m in sys.modules])"
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
