"""Time parsing and building maps of 1,000, 10,000 and 100,000 statements (a script, not a test).

Four shapes, to show the parser is linear in its input whatever the map looks like:
`chains` (many short chains `a -> b -> c` on one line), `linked` (linked inferences of five
premises with warrants, quotes and attributes), `attacks` (rebuttals, undercuts and
contradictions), and `deep` (one chain as deep as the map is large). Each map is written to a
file and read with `argmap.load`, so decoding and includes are timed too: wall seconds, and
the CPU seconds of the same runs (steadier on a shared machine).

    python tests/benchmarks/bench_parse.py [SIZE ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import argmap

SIZES = (1_000, 10_000, 100_000)


def chains(size: int) -> list[str]:
    lines = [f"claim s{i}: Statement number {i} of a short chain. #chain" for i in range(size)]
    lines += [f"s{i} -> s{i + 1} -> s{i + 2}" for i in range(0, size - 2, 3)]
    return lines


def linked(size: int) -> list[str]:
    lines: list[str] = ["@title Linked", "== Evidence =="]
    for i in range(size):
        lines += [
            f"premise p{i}: Premise {i} says something the argument needs",
            "    and goes on for a second line.",
            f"  > a quotation backing premise {i}",
            "  @confidence 0.8",
        ]
    for i in range(0, size - 5, 5):
        premises = " + ".join(f"p{j}" for j in range(i, i + 4))
        lines.append(f"{premises} -> p{i + 4} : the warrant of step {i}  # a comment")
    return lines


def attacks(size: int) -> list[str]:
    lines = [f"premise a{i}: Reason {i}." for i in range(size)]
    for i in range(0, size - 4, 4):
        lines += [
            f"a{i} + a{i + 1} -> a{i + 2}",
            f"a{i + 3} -| (a{i + 1} + a{i} -> a{i + 2})",
            f"a{i + 3} ⊣ a{i}",
            f"a{i + 1} >< a{i + 3}",
        ]
    return lines


def deep(size: int) -> list[str]:
    lines = ["premise d0: The ground."]
    lines += [f"claim d{i}: Level {i}." for i in range(1, size)]
    lines += [f"d{i - 1} -> d{i}" for i in range(1, size)]
    return lines


SHAPES: dict[str, Callable[[int], list[str]]] = {
    "chains": chains,
    "linked": linked,
    "attacks": attacks,
    "deep": deep,
}


def measure(path: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds to load the map at `path` (best of a few runs for small maps),
    and its nodes."""
    runs = 3 if path.stat().st_size < 2_000_000 else 1
    best = best_cpu = float("inf")
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        amap = argmap.load(path)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu_start)
    return best, best_cpu, len(amap.graph)


def main(sizes: tuple[int, ...]) -> int:
    print(f"{'shape':<8} {'statements':>10} {'lines':>8} {'MB':>6} {'seconds':>8} {'cpu s':>6} "
          f"{'µs/stmt':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for name, shape in SHAPES.items():
            for size in sizes:
                lines = shape(size)
                path = Path(folder) / f"{name}-{size}.argmap"
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                seconds, cpu, _ = measure(path)
                megabytes = path.stat().st_size / 1e6
                print(
                    f"{name:<8} {size:>10,} {len(lines):>8,} {megabytes:>6.1f} "
                    f"{seconds:>8.3f} {cpu:>6.3f} {seconds / size * 1e6:>8.1f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(tuple(int(arg) for arg in sys.argv[1:]) or SIZES))
