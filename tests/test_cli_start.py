"""The collector while the command starts (manifest.cli_start): paused until the command has loaded what it works
with, then running again for the work, and never touched when the command is called from Python."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from click.testing import CliRunner

from manifest.cli import main
from tests.conftest import SAMPLES

SMALL_309 = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"

# The command run as its own process (arguments from sys.argv): the collections made while it runs, after the
# interpreter imported manifest.cli, and how the collector stands afterwards.
_PROGRAM = """
import gc, json, sys
made = []
gc.callbacks.append(lambda phase, info: phase == "start" and made.append(info["generation"]))
from manifest.cli import main
sys.argv = ["manifest", "validate", sys.argv[1]]
imported = len(made)
try:
    main()
except SystemExit as end:
    code = end.code
print(json.dumps({"code": code, "run": made[imported:], "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def test_no_collection_walks_what_the_command_loads() -> None:
    for _ in range(2):  # the second run reads what the first kept in the cache, as every later start does
        done = subprocess.run(
            [sys.executable, "-c", _PROGRAM, str(SMALL_309)], capture_output=True, text=True, check=True
        )
    outcome = json.loads(done.stdout.splitlines()[-1])
    assert outcome["code"] == 0
    # Loading the checks' modules and tables made a dozen collections, one of them of the older objects; the
    # collector now waits until they are loaded and frozen, and the small file's check makes one at most.
    assert len(outcome["run"]) <= 2, outcome
    assert outcome["enabled"] and outcome["frozen"] > 0, "the collector runs again for the work"


def test_called_from_python_the_collector_is_left_as_it_was() -> None:
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(main, ["validate", str(SMALL_309)])
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
