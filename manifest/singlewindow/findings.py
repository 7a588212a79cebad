"""A disagreement between two documents, and the diagnostic it becomes: the catalogue rule that compares what
disagrees gives its code, wording, severity and source; the finding stands at the value in one file and names the
value in the other as related."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from manifest.diagnostics import MESSAGES, Diagnostic
from manifest.requirements.checks import RECONCILE
from manifest.requirements.config import Config
from manifest.requirements.definitions import Rule, load_catalogue
from manifest.slotted import record

if TYPE_CHECKING:
    from manifest.singlewindow.sources import Spot


@record
class Disagreement:
    """What ``compare`` found: ``value`` at ``here`` against what ``there`` holds; ``args`` fill the wording."""

    compare: str
    here: Spot
    there: Spot
    value: str
    args: Mapping[str, str]


@cache
def rules_by_comparison() -> Mapping[str, Rule]:
    """The catalogue's reconcile rules by what they compare."""
    return MappingProxyType({str(rule.params["compare"]): rule for rule in load_catalogue() if rule.kind == RECONCILE})


def diagnostic(disagreement: Disagreement, config: Config) -> Diagnostic | None:
    """The finding of a disagreement, as configured; None when its rule is turned off."""
    rule = rules_by_comparison()[disagreement.compare]
    if rule.code in config.disabled:
        return None
    here, there = disagreement.here, disagreement.there
    args = {
        "field": here.path,
        "value": disagreement.value,
        "other_path": there.source.path,
        **disagreement.args,
    }
    found = MESSAGES[rule.code](
        field=here.path or None,
        value=disagreement.value,
        source=rule.source,
        severity=config.severities.get(rule.code, rule.severity),
    )
    return replace(found, args=MappingProxyType(args), related=(there.related(),)).at(here.position())
