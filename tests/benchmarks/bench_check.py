"""Time `argmap check` on generated maps of 1,000, 10,000 and 100,000 statements.

Each map mixes what makes checking hard: one deep chain of claims (40% of the statements),
wide fan-in onto hub claims, support cycles, attacks and undercuts, and quoted premises
checked against a generated document (one quote in 20 is a misquote, so the closest-passage
search runs too). Parse (load) and check (every rule, `--select ALL`) are timed apart, the
way `argmap check` runs them (with the program's garbage collector thresholds, and the
loaded map frozen out of the collector's sight): wall seconds, and the CPU seconds of this
process (steadier on a shared machine; the quote search's worker is not counted).

    python tests/benchmarks/bench_check.py [SIZE ...]
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

import argmap
from argmap.checks import run_checks
from argmap.cli.quick_exit import PROGRAM_GC_THRESHOLDS

SIZES = (1_000, 10_000, 100_000)
WORDS = ("river", "stone", "market", "harbour", "lantern", "meadow", "signal", "orchard", "copper",
         "winter")


def sentence(index: int) -> str:
    first, second = WORDS[index % 10], WORDS[(index // 10) % 10]
    return f"Report {index} finds that the {first} near the {second} changed in year {index % 97}."


def generate(size: int) -> tuple[str, str]:
    """The map's text and the document's text for a map of `size` statements."""
    chain, fan, cycles, attacks = size * 4 // 10, size * 3 // 10, size // 10, size // 10
    quoted = size - chain - fan - cycles - attacks - 1
    lines = ["@title Benchmark", "@document document.txt", "conclusion top: The top."]
    lines += ["premise c0: The start of the chain."]
    lines += [f"claim c{i}: Step {i} of the chain." for i in range(1, chain)]
    lines += [f"c{i - 1} -> c{i}" for i in range(1, chain)]
    lines += [f"c{chain - 1} -> top"]
    hubs = max(1, fan // 100)
    lines += [f"claim h{h}: Hub {h}." for h in range(hubs)]
    lines += [f"h{h} -> top" for h in range(hubs)]
    for i in range(fan - hubs):
        lines += [f"premise f{i}: Fan-in reason {i}.", f"f{i} -> h{i % hubs}"]
    for i in range(cycles // 2):
        lines += [f"claim y{i}: Loop {i} a.", f"claim z{i}: Loop {i} b.", f"y{i} -> z{i} -> y{i}"]
        lines += [f"z{i} -> top"]
    for i in range(attacks):
        target = f"c{(i * 7) % chain}"
        lines.append(f"premise x{i}: Objection {i}.")
        if i % 2 and (i * 7) % chain:
            lines.append(f"x{i} -| (c{(i * 7) % chain - 1} -> {target})")
        else:
            lines.append(f"x{i} -| {target}")
    document = [sentence(i) for i in range(quoted)]
    for i in range(quoted):
        quote = document[i] if i % 20 else document[i].replace("finds that", "says")
        lines += [f"premise q{i}: Quoted fact {i}.", f"  > {quote}", f"q{i} -> top"]
    return "\n".join(lines) + "\n", "\n".join(document) + "\n"


def measure(size: int, folder: Path) -> tuple[float, float, float, int]:
    text, document = generate(size)
    (folder / "document.txt").write_text(document, encoding="utf-8")
    path = folder / f"bench-{size}.argmap"
    path.write_text(text, encoding="utf-8")
    gc.set_threshold(*PROGRAM_GC_THRESHOLDS)  # as the `argmap` program runs (quick_exit)
    started, cpu_started = time.perf_counter(), time.process_time()
    amap = argmap.load(str(path))
    gc.freeze()  # as `argmap check` does once a map is loaded
    parsed, cpu_parsed = time.perf_counter(), time.process_time()
    findings = run_checks(amap, select=["ALL"])
    checked = time.perf_counter()
    statements = sum(1 for _ in amap.statements())
    assert statements == size, (statements, size)
    return parsed - started, cpu_parsed - cpu_started, checked - parsed, len(findings)


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or list(SIZES)
    print(f"{'statements':>10}  {'parse s':>8}  {'cpu s':>6}  {'check s':>8}  {'findings':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            parse_time, parse_cpu, check_time, findings = measure(size, Path(folder))
            row = (
                f"{size:>10,}  {parse_time:>8.2f}  {parse_cpu:>6.2f}  {check_time:>8.2f}  "
                f"{findings:>8,}"
            )
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
