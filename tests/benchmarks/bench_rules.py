"""CPU time of each check rule, the suppressions and the text report on one map (a script).

`argmap check` on a big map spends its time loading, then in the rules, then printing the
findings; this splits the part after loading. The map is loaded once (the garbage collector
then frozen, as `argmap check` does); each run then checks it with a fresh CheckContext, so
the shared analyses (document index, labels, grounding, and the numbered map under them:
`unsupported-conclusion` is the first to need it) are charged to the first rule that needs
them, as in a real run. Figures are medians of CPU time (`time.process_time`), which a
busy shared machine disturbs less than wall time.

    python tests/benchmarks/bench_rules.py [MAP] [--runs N]

Without MAP, a synthetic map of 100,000 statements (`synthetic.py`) is written to a
temporary folder and checked.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argmap
from argmap.check_output.text import format_text
from argmap.checks import Finding, resolve_rules
from argmap.checks.context import CheckContext
from argmap.checks.suppression import apply_suppressions
from argmap.model import ArgumentMap

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_map  # noqa: E402


def one_run(amap: ArgumentMap) -> tuple[dict[str, float], int]:
    """Seconds of CPU per step (each rule by name, suppressions, sorting, the text report)."""
    times: dict[str, float] = {}

    def timed(name: str, work: Callable[[], Any]) -> Any:
        started = time.process_time()
        result = work()
        times[name] = time.process_time() - started
        return result

    context = CheckContext(amap)
    findings: list[Finding] = []
    for rule in resolve_rules(["ALL"]):
        findings += timed(rule.name, lambda rule=rule: list(rule.run(amap, context)))
    kept = timed("(suppressions)", lambda: apply_suppressions(amap, findings))
    ordered = timed("(sorting)", lambda: sorted(kept, key=Finding.sort_key))
    timed("(text report)", lambda: format_text(
        ordered, files_checked=1, source_line=amap.source_line, color=False))
    return times, len(ordered)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", help="the map to check (default: a synthetic one)")
    parser.add_argument("--runs", type=int, default=3, help="runs to take the median of")
    parser.add_argument("--size", type=int, default=100_000, help="synthetic map's statements")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = options.map or write_map(options.size, folder)
        started = time.process_time()
        amap = argmap.load(path)
        gc.freeze()
        print(f"{path}: loaded in {time.process_time() - started:.2f} s CPU")
        runs = [one_run(amap) for _ in range(options.runs)]
    steps = list(runs[0][0])
    medians = {step: statistics.median(run[step] for run, _ in runs) for step in steps}
    width = max(map(len, steps))
    print(f"{'step':<{width}}  {'CPU s':>6}  (median of {options.runs})")
    for step in steps:
        print(f"{step:<{width}}  {medians[step]:>6.3f}")
    print(f"{'total':<{width}}  {sum(medians.values()):>6.3f}  ({runs[0][1]:,} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
