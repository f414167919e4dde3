"""CPU time of `argmap analyze`'s parts on maps of 10,000 and 100,000 statements (a script,
not a test): the labels, the cruxes of every accepted conclusion, and the whole report
(`analyze`: labels, verdicts, strengths, cruxes, assumptions, depth and breadth; loading
the map aside).

Four shapes: the benchmark map of `synthetic.py` (sections, each a conclusion over claims
over linked premises, with an objection and an undercut), `bench_check`'s map (one
conclusion over a long chain, wide fan-in, support cycles, attacks), `answered` (chains of
ten conclusions, each resting on the one below and a premise of its own, each attacked by
an objection that a premise answers: every premise of a chain and every answer below a
conclusion is a crux of it, the most work per conclusion), and `chain` (one premise under
a single chain of conclusions: one candidate whose cone is the whole map). Figures are
medians of CPU time (`time.process_time`).

    python tests/benchmarks/bench_analyze.py [SIZE ...]
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
from argmap.analysis.analyze import analyze
from argmap.analysis.cruxes import cruxes
from argmap.analysis.labels import compute_labels

sys.path.insert(0, str(Path(__file__).parent))
from bench_check import generate  # noqa: E402
from synthetic import argmap_text, build  # noqa: E402

SIZES = (10_000, 100_000)


def sections(size: int) -> str:
    return argmap_text(build(size)[0]).replace("@document document.txt\n", "")


def mixed(size: int) -> str:
    return generate(size)[0].replace("@document document.txt\n", "")


def answered(size: int) -> str:
    lines = []
    for group in range(size // 40):
        below = None
        for step in range(10):
            name = f"g{group}_{step}"
            lines += [f"conclusion c{name}: Conclusion {name}.", f"premise p{name}: Reason.",
                      f"premise o{name}: Objection.", f"premise a{name}: Answer."]
            lines.append(f"p{name} + c{below} -> c{name}" if below else f"p{name} -> c{name}")
            lines += [f"o{name} -| c{name}", f"a{name} -| o{name}"]
            below = name
    return "\n".join(lines) + "\n"


def chain(size: int) -> str:
    lines = ["premise c0: The start."]
    lines += [f"conclusion c{i}: Step {i}." for i in range(1, size)]
    lines += [f"c{i - 1} -> c{i}" for i in range(1, size)]
    return "\n".join(lines) + "\n"


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
        ("sections", sections), ("mixed", mixed), ("answered", answered), ("chain", chain),
    ]
    print(f"{'shape':>8}  {'statements':>10}  {'accepted':>8}  {'cruxes':>7}  "
          f"{'labels s':>8}  {'cruxes s':>8}  {'report s':>8}")
    for size in sizes:
        for name, shape in shapes:
            amap = argmap.parse(shape(size), f"{name}.argmap")
            statements = sum(1 for _ in amap.statements())
            runs = 3 if size <= 10_000 else 1
            labels = compute_labels(amap)
            found = cruxes(amap, labels)
            labelling = median_cpu(partial(compute_labels, amap), runs)
            finding = median_cpu(partial(cruxes, amap, labels), runs)
            report = median_cpu(partial(analyze, amap), runs)
            total = sum(map(len, found.values()))
            print(f"{name:>8}  {statements:>10,}  {len(found):>8,}  {total:>7,}  "
                  f"{labelling:>8.3f}  {finding:>8.3f}  {report:>8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
