"""Peak memory of validating one file whole, measured in a process of its own: ``python -m benchmarks.rss FORMAT
PATH`` prints the peak resident set (MB) once the format's module is loaded and again after
``manifest.api.validate``, as JSON. A process of its own, because the peak only ever grows: in the benchmark's own
process it would keep the largest file's.

On Linux the peak is the process's VmHWM (proc(5)), which starts afresh with the new program; ru_maxrss is not used
there because a child started by fork keeps its parent's high-water mark in it."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def resident_megabytes() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3  # kB
    # Elsewhere ru_maxrss: kilobytes on the BSDs, bytes on macOS (getrusage(2)).
    scale = 1e6 if sys.platform == "darwin" else 1e3
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def main(format: str, path: str) -> None:
    from manifest import api, formats

    formats.get(format)
    start = resident_megabytes()
    api.validate(Path(path).read_bytes(), format=format)
    print(json.dumps({"start": start, "peak": resident_megabytes()}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
