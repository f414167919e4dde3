"""CPU time of finding support cycles (`circular-reasoning`) on maps of 10,000 and 100,000
statements (a script, not a test).

Two shapes: `bench_check`'s map (a long chain, wide fan-in, many small cycles) and a ring
(every statement in one cycle, with chords): the worst case, where nothing is peeled before
networkx's strongly connected components and the breadth-first search for the cycle run.
Figures are medians of CPU time (`time.process_time`).

    python tests/benchmarks/bench_cycles.py [SIZE ...]
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import argmap
from argmap.analysis.indexed import index_map
from argmap.analysis.support import support_cycles

sys.path.insert(0, str(Path(__file__).parent))
from bench_check import generate  # noqa: E402

SIZES = (10_000, 100_000)


def ring(size: int) -> str:
    lines = [f"claim r{i}: Statement {i} of the ring." for i in range(size)]
    lines += [f"r{i} -> r{(i + 1) % size}" for i in range(size)]
    lines += [f"r{i} -> r{(i + 7) % size}" for i in range(0, size, 3)]
    return "\n".join(lines) + "\n"


def mixed(size: int) -> str:
    return generate(size)[0].replace("@document document.txt\n", "")


def median_cpu(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or list(SIZES)
    print(f"{'shape':>6}  {'statements':>10}  {'cycles s':>8}  {'cycles':>6}")
    for size in sizes:
        for name, shape in (("mixed", mixed), ("ring", ring)):
            amap = argmap.parse(shape(size), f"{name}.argmap")
            graph = index_map(amap)
            found = len(support_cycles(amap, graph))
            seconds = median_cpu(partial(support_cycles, amap, graph), 5 if size <= 10_000 else 3)
            print(f"{name:>6}  {size:>10,}  {seconds:>8.3f}  {found:>6,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
