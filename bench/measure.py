"""Run one command as a child and report its wall time and peak RSS (a subprocess of run.py).

A fresh process per measurement, so RUSAGE_CHILDREN holds exactly one child.
Prints JSON: {"wall": seconds, "rss_kb": kilobytes, "rc": exit status}.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> None:
    start = time.perf_counter()
    rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"wall": wall, "rss_kb": rss, "rc": rc}))


if __name__ == "__main__":
    main()
