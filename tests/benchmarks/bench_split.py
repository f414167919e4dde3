"""Time `argmap render --fit a4 --split` (a script, not a test): the example map and the
synthetic maps (`synthetic.py`) of 100, 400 and 1,000 statements, each split into a fresh
folder by a fresh process with the system Graphviz. Each row gives the median wall time and
CPU time (the process and its `dot` runs) of `--repeat` runs, the figures written, and the
Graphviz runs and layouts that `--verbose` counts.

    python tests/benchmarks/bench_split.py [--repeat N] [--cap SECONDS] [SIZE ...]
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synthetic  # noqa: E402

SIZES = (100, 400, 1_000)
ARGMAP = [sys.executable, "-m", "argmap"]
EXAMPLE = Path(__file__).parents[2] / "maps" / "russia-china.argmap"
COUNT = re.compile(r"Graphviz: (\d+) runs? for (\d+) figures? \((\d+) layouts?, (\d+) reused\)")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def split_once(path: Path, folder: Path, cap: float) -> tuple[float, float, str] | None:
    """Wall and CPU seconds of one split into a new `folder`, and what it logged (None:
    failed or over `cap`)."""
    shutil.rmtree(folder, ignore_errors=True)
    command = [*ARGMAP, "--verbose", "render", str(path), "--fit", "a4", "--split",
               "--engine", "system", "--timeout", str(cap), "-o", str(folder)]
    cpu, started = children_cpu(), time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=cap + 10)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(f"  (failed: {done.stderr.strip().splitlines()[-1:]})")
        return None
    return time.perf_counter() - started, children_cpu() - cpu, done.stderr


def bench(name: str, path: Path, folder: Path, repeat: int, cap: float) -> None:
    runs = [split_once(path, folder / "figures", cap) for _ in range(repeat)]
    if any(run is None for run in runs):
        print(f"  {name:<34}(failed or over {cap:g} s)", flush=True)
        return
    done = [run for run in runs if run is not None]
    wall = statistics.median(run[0] for run in done)
    cpu = statistics.median(run[1] for run in done)
    count = COUNT.search(done[-1][2])
    counted = (f"{count[2]} figures, {count[1]} Graphviz runs, {count[3]} layouts"
               if count else "(no Graphviz count logged)")
    print(f"  {name:<34}{wall:7.2f} s wall {cpu:7.2f} s CPU   {counted}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cap", type=float, default=300.0)
    args = parser.parse_args()
    if shutil.which("dot") is None:
        print("no system Graphviz: the split benchmark needs `dot`")
        return 0
    print(f"render --fit a4 --split (median of {args.repeat}, system Graphviz)", flush=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bench("example map (russia-china)", EXAMPLE, folder, args.repeat, args.cap)
        for size in args.sizes:
            path = Path(synthetic.write_map(size, str(folder)))
            bench(f"{size:,} statements", path, folder, args.repeat, args.cap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
