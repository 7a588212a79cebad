"""Build a harness's starting corpus folder from the seed files: ``python -m fuzz.corpus x12-309 /tmp/corpus/x12-309``.

libFuzzer writes the inputs it finds into its first corpus folder, so the folder lives outside the checkout; ``sniff``
stands for the harness without a format.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from fuzz.harness import seed_files


def build(format_name: str | None, target: Path) -> int:
    """Copy every seed of ``format_name`` into ``target`` under its content hash; the number of seeds copied."""
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in seed_files(format_name):
        data = path.read_bytes()
        (target / hashlib.sha1(data).hexdigest()).write_bytes(data)
        count += 1
    return count


if __name__ == "__main__":
    name, folder = sys.argv[1], Path(sys.argv[2])
    print(build(None if name == "sniff" else name, folder), "seeds in", folder)
