"""Every module of the project loaded at once, so that a derandomized hypothesis test draws the same examples whatever
else is collected.

Hypothesis (since 6.131) draws a share of its values from the constants written in the project's own modules, those
of ``sys.modules`` outside site-packages and the tests, as it finds them loaded when a test runs. The package loads
its formats and requirements lazily, and each test module imports what it needs: without this, a derandomized test
draws other models when run alone, in a subset or in the whole suite, and a counterexample found in one is not drawn
in another.
"""

from __future__ import annotations

import importlib
import pkgutil

# The project's packages of modules (the tests themselves are not a source of constants to hypothesis).
PACKAGES = ("manifest", "benchmarks", "fuzz")


def load_every_module() -> None:
    """Import every module of :data:`PACKAGES`, except the ``__main__`` of a package (which would run it)."""
    for name in PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            if module.name.rpartition(".")[2] != "__main__":
                importlib.import_module(module.name)
