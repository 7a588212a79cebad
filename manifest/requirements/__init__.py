"""The data requirements of CBP and SAT, and of a single-window filing that satisfies both.

The rules are data (``catalogue/*.toml``), run on the harmonized model, so they hold for every format::

    from manifest.requirements import evaluate, resolve_profile
    profile = resolve_profile("auto", document.format, manifest)
    diagnostics = evaluate(manifest, document.source_map(0), profile=profile)
"""

from manifest.requirements.config import Config, ConfigError, load_config, parse_config
from manifest.requirements.definitions import CatalogueError, Example, Rule
from manifest.requirements.engine import check_rule, evaluate, iter_diagnostics, rules
from manifest.requirements.profiles import (
    PROFILE_CHOICES,
    PROFILES,
    Profile,
    ProfileChoice,
    ProfileError,
    Reason,
    choose_profile,
    resolve_profile,
)

__all__ = [
    "PROFILES",
    "PROFILE_CHOICES",
    "CatalogueError",
    "Config",
    "ConfigError",
    "Example",
    "Profile",
    "ProfileChoice",
    "ProfileError",
    "Reason",
    "Rule",
    "check_rule",
    "choose_profile",
    "evaluate",
    "iter_diagnostics",
    "load_config",
    "parse_config",
    "resolve_profile",
    "rules",
]
