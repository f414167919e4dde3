"""CPU time of DF-QuAD strengths (`compute_strengths`) on maps of 10,000 and 100,000
statements (a script, not a test).

Three shapes: `bench_check`'s map (a long chain, wide fan-in, small support cycles,
attacks and undercuts), a ring (every statement in one support cycle that starts at a
premise, with chords and contradictions across it: the worst case, where the whole map is
iterated round after round), and the ring with every `@confidence` at 0.05 (support
moves each round's values least, so the most rounds are needed). Figures are medians of
CPU time (`time.process_time`), with the map already indexed (`index_map`) and without.

    python tests/benchmarks/bench_strength.py [SIZE ...]
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
from argmap.analysis.strength import compute_strengths, strength_values

sys.path.insert(0, str(Path(__file__).parent))
from bench_check import generate  # noqa: E402

SIZES = (10_000, 100_000)


def ring(size: int, confidence: str = "") -> str:
    attribute = f"\n  @confidence {confidence}" if confidence else ""
    # r0 is a premise, so that the ring's support is grounded and counts.
    lines = [f"premise r0: Statement 0 of the ring.{attribute}"]
    lines += [f"claim r{i}: Statement {i} of the ring.{attribute}" for i in range(1, size)]
    lines += [f"r{i} -> r{(i + 1) % size}" for i in range(size)]
    lines += [f"r{i} -> r{(i + 7) % size}" for i in range(0, size, 3)]
    lines += [f"r{i} >< r{(i + size // 2) % size}" for i in range(0, size, 11)]
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
    shapes: list[tuple[str, Callable[[int], str]]] = [
        ("mixed", mixed), ("ring", ring), ("ring 0.05", partial(ring, confidence="0.05")),
    ]
    print(f"{'shape':>9}  {'statements':>10}  {'nodes':>7}  {'indexed s':>9}  {'whole s':>7}")
    for size in sizes:
        for name, shape in shapes:
            amap = argmap.parse(shape(size), f"{name}.argmap")
            graph = index_map(amap)
            runs = 3 if size <= 10_000 else 1
            indexed = median_cpu(partial(strength_values, graph), runs)
            whole = median_cpu(partial(compute_strengths, amap), runs)
            print(f"{name:>9}  {size:>10,}  {len(graph.names):>7,}  {indexed:>9.3f}  "
                  f"{whole:>7.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
