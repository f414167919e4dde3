"""Labels under both semantics, and the verdicts, on maps of 10,000 and 100,000 statements:
the synthetic sections (few circles) and a shape full of circular objections (each
conclusion objected to by a claim that supports only itself, which only the well-founded
reading refutes, in one round), plus a chain of circles each freed only by the one before
(the well-founded reading's worst case: one round per circle)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import argmap_text, build  # noqa: E402

import argmap  # noqa: E402
from argmap.analysis.indexed import index_map  # noqa: E402
from argmap.analysis.labels import label_codes  # noqa: E402
from argmap.analysis.support import grounded_flags  # noqa: E402
from argmap.analysis.verdicts import verdict_list  # noqa: E402


def circular_objections(size: int) -> str:
    """Groups of 5: a premise supports a conclusion; a claim pair that supports only itself
    attacks it; a second premise supports a claim that attacks the first premise."""
    lines = []
    for group in range(size // 5):
        p, q, c, x, y = (f"{n}{group}" for n in ("p", "q", "c", "x", "y"))
        lines += [f"premise {p}: P.", f"premise {q}: Q.", f"conclusion {c}: C.",
                  f"claim {x}: X.", f"claim {y}: Y.", f"{p} -> {c}", f"{x} -> {y}",
                  f"{y} -> {x}", f"{x} -| {c}", f"{q} -| {x}"]
    return "\n".join(lines) + "\n"


def freed_one_by_one(circles: int) -> str:
    """Circle i is founded on a premise that an objection resting on circle i - 1 attacks:
    each round of the well-founded reading frees one circle."""
    lines = ["premise r: R."]
    for i in range(circles):
        lines += [f"claim a{i}: A.", f"claim b{i}: B.", f"premise q{i}: Q.", f"claim x{i}: X.",
                  f"a{i} -> b{i}", f"b{i} -> a{i}", f"q{i} -> a{i}", f"r -> x{i}"]
        if i:
            lines.append(f"a{i - 1} -| x{i}")
        lines.append(f"x{i} -| q{i}")
    return "\n".join(lines) + "\n"


def timed(amap: argmap.ArgumentMap) -> tuple[float, float, float]:
    graph = index_map(amap)
    start = time.perf_counter()
    label_codes(graph, "kripke-kleene")
    middle = time.perf_counter()
    codes = label_codes(graph, "well-founded")
    end = time.perf_counter()
    grounded = grounded_flags(graph)
    wanted = [n for n in graph.statements() if graph.wanting[n]]
    verdict_list(amap, graph, codes, grounded, wanted)
    return middle - start, end - middle, time.perf_counter() - end


def main() -> None:
    print(f"{'map':>22} {'statements':>10} {'kripke-kleene s':>15} {'well-founded s':>14}"
          f" {'verdicts s':>10}")
    shapes = [
        ("sections", lambda n: argmap_text(build(n)[0])),
        ("circular objections", circular_objections),
        ("freed one by one", lambda n: freed_one_by_one(n // 4)),
    ]
    for name, make in shapes:
        for size in (10_000, 100_000):
            amap = argmap.parse(make(size))
            count = sum(1 for _ in amap.statements())
            kk, wf, verdicts = timed(amap)
            print(f"{name:>22} {count:>10,} {kk:>15.3f} {wf:>14.3f} {verdicts:>10.3f}")


if __name__ == "__main__":
    main()
