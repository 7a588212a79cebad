"""Per-repository configuration: the profile, rules turned off, severities changed.

Read from ``.manifest.toml`` (keys at top level) or from ``[tool.manifest]`` in ``pyproject.toml``, whichever is
found first walking up from the checked path; in one folder ``.manifest.toml`` wins. Keys::

    profile = "cbp"                       # cbp, sat, harmonized or auto
    disable = ["CBP-RAIL-012"]            # rule codes not to run
    [severity]                            # ([tool.manifest.severity] in pyproject.toml)
    "SAT-CP-031" = "warning"              # info, warning or error

Every fault (unreadable TOML, an unknown key, rule code, profile or severity) raises :class:`ConfigError` whose text
is one line naming the file, for the CLI to print before exiting with status 2.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from manifest.diagnostics import Severity
from manifest.i18n import WordedError
from manifest.requirements.definitions import load_catalogue
from manifest.requirements.profiles import PROFILE_CHOICES

_KEYS = frozenset({"profile", "disable", "severity"})


class ConfigError(WordedError, ValueError):
    """The configuration cannot be used; the message is one line that names the file."""


@dataclass(frozen=True, slots=True)
class Config:
    profile: str | None = None
    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    path: Path | None = None  # the file it was read from


def load_config(start: Path) -> Config:
    """The configuration that applies to ``start`` (a file or a folder), or the default when there is none."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for directory in (folder, *folder.parents):
        dedicated = directory / ".manifest.toml"
        if dedicated.is_file():
            return parse_config(_read(dedicated), dedicated)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            tool = _read(pyproject).get("tool", {})
            section = tool.get("manifest") if isinstance(tool, dict) else None
            if section is not None:
                if not isinstance(section, dict):
                    raise ConfigError("{path}: [tool.manifest] must be a table", path=pyproject)
                return parse_config(section, pyproject)
    return Config()


def _read(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError("{path}: cannot read the configuration: {error}", path=path, error=error) from None


def parse_config(data: Mapping[str, object], path: Path | None = None) -> Config:
    where = str(path) if path is not None else "configuration"
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(
            "{path}: unknown key(s) {keys}; known keys: {known}",
            path=where,
            keys=", ".join(sorted(unknown)),
            known=", ".join(sorted(_KEYS)),
        )
    known_codes = {rule.code for rule in load_catalogue()}

    profile = data.get("profile")
    if profile is not None and profile not in PROFILE_CHOICES:
        raise ConfigError(
            "{path}: unknown profile {profile!r}; expected one of {choices}",
            path=where,
            profile=profile,
            choices=", ".join(PROFILE_CHOICES),
        )

    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(code, str) for code in disable):
        raise ConfigError("{path}: 'disable' must be a list of rule codes", path=where)
    _check_codes(where, "disable", disable, known_codes)

    raw_severities = data.get("severity", {})
    if not isinstance(raw_severities, dict):
        raise ConfigError("{path}: 'severity' must be a table of rule code = severity", path=where)
    _check_codes(where, "severity", list(raw_severities), known_codes)
    severities: dict[str, Severity] = {}
    for code, text in raw_severities.items():
        try:
            severities[code] = Severity.parse(str(text))
        except ValueError:
            raise ConfigError(
                "{path}: severity of {code}: unknown severity {value!r}: expected info, warning or error",
                path=where,
                code=code,
                value=str(text),
            ) from None

    return Config(
        profile=str(profile) if profile is not None else None,
        disabled=frozenset(disable),
        severities=MappingProxyType(severities),
        path=path,
    )


def _check_codes(where: str, key: str, codes: list[str], known: set[str]) -> None:
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ConfigError(
            "{path}: unknown rule code(s) in '{key}': {codes}", path=where, key=key, codes=", ".join(unknown)
        )
