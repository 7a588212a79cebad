"""Per-repository configuration: the profile, rules turned off, severities changed.

Read from ``.manifest.toml`` (keys at top level) or from ``[tool.manifest]`` in ``pyproject.toml``, whichever is
found first walking up from the checked path; in one folder ``.manifest.toml`` wins. Keys::

    profile = "cbp"                       # cbp, sat, harmonized or auto
    disable = ["CBP-RAIL-012", "CP202"]   # codes not to report
    [severity]                            # ([tool.manifest.severity] in pyproject.toml)
    "SAT-CP-031" = "warning"              # info, warning or error

``disable`` and ``severity`` name any diagnostic code (``docs/codes.md``, ``docs/rules.md``): a rule of the
catalogue, which is then not run, or a finding of a reader, which is then dropped or given the new severity;
:meth:`Config.apply` does so on every finding of a file. The codes that say the file cannot be read at all
(:data:`UNREADABLE`) cannot be named: nothing else is reported for such a file, and silencing it would pass it.

Every fault (unreadable TOML, an unknown key, code, profile or severity, a code of :data:`UNREADABLE`) raises
:class:`ConfigError` whose text is one line naming the file, for the CLI to print before exiting with status 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field, replace
from pathlib import Path
from types import MappingProxyType

from manifest.compiled import compiled, file_state
from manifest.diagnostics import MESSAGES, Diagnostic, Severity
from manifest.i18n import WordedError
from manifest.requirements.definitions import load_catalogue
from manifest.requirements.profiles import PROFILE_CHOICES
from manifest.slotted import record

_KEYS = frozenset({"profile", "disable", "severity"})

# The codes of a file that cannot be read at all (each raised as ParseError: no model, nothing else to report): the
# content is empty or in no format (MF004, MF005), is not the text, XML, JSON or interchange it must be (MF001,
# MF002, XML001 to XML008, X12001, X12012, EDI001, IMP001, IMP002), or is a document the reader does not read
# (MF003, MF104, MF201, MF202, CP001, CP002, CP005, CXML001). Listed here rather than found by importing every reader,
# which a configuration loaded at start-up must not do; tests/test_requirements_config.py checks the list against
# the readers.
UNREADABLE: frozenset[str] = frozenset(
    {
        "MF001",
        "MF002",
        "MF003",
        "MF004",
        "MF005",
        "MF104",
        "MF201",
        "MF202",
        "CP001",
        "CP002",
        "CP005",
        "CXML001",
        "EDI001",
        "IMP001",
        "IMP002",
        "X12001",
        "X12012",
        *(f"XML00{n}" for n in range(1, 9)),
    }
)


class ConfigError(WordedError, ValueError):
    """The configuration cannot be used; the message is one line that names the file."""


@record
class Config:
    profile: str | None = None
    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    path: Path | None = None  # the file it was read from

    def apply(self, findings: Iterable[Diagnostic]) -> list[Diagnostic]:
        """``findings`` without the disabled codes, each with the severity the configuration gives its code."""
        if not self.disabled and not self.severities:
            return list(findings)
        kept = []
        for finding in findings:
            if finding.code in self.disabled:
                continue
            severity = self.severities.get(finding.code, finding.severity)
            kept.append(finding if severity == finding.severity else replace(finding, severity=severity))
        return kept


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
    """The TOML of ``path``, parsed once and kept in the user's cache (see manifest.compiled): a run started in a
    project finds its ``pyproject.toml`` on every start, and importing the TOML parser alone cost about a twentieth
    of checking a small file."""
    try:
        state = file_state(path)
    except OSError as error:
        raise ConfigError("{path}: cannot read the configuration: {error}", path=path, error=error) from None
    return compiled("config", [state], lambda: _parsed(path))


def _parsed(path: Path) -> dict[str, object]:
    import tomllib  # here, not at the top: most runs read their configuration from the cache or find none

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
        raise ConfigError("{path}: 'disable' must be a list of codes", path=where)
    _check_codes(where, "disable", disable, known_codes)

    raw_severities = data.get("severity", {})
    if not isinstance(raw_severities, dict):
        raise ConfigError("{path}: 'severity' must be a table of code = severity", path=where)
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
    fixed = sorted(set(codes) & UNREADABLE)
    if fixed:
        raise ConfigError(
            "{path}: code(s) in '{key}' that mean the file cannot be read cannot be configured: {codes}",
            path=where,
            key=key,
            codes=", ".join(fixed),
        )
    others = set(codes) - known
    if others:
        # A reader's code: its module defines it when imported; import them all only when one is named.
        from manifest.codes import all_messages

        all_messages()
    unknown = sorted(others - set(MESSAGES))
    if unknown:
        raise ConfigError("{path}: unknown code(s) in '{key}': {codes}", path=where, key=key, codes=", ".join(unknown))
