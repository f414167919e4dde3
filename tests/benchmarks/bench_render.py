"""Time `argmap render` end to end on 1,000 and 10,000 statements beside bare Graphviz, and
the embedded engine's start with a cold and a cached compiled module (a script, not a test).

For each size: parsing, DOT generation, the whole render (parse + DOT + layout + SVG
finishing) with the system `dot`, and bare `dot -Tsvg` on the same DOT text; the difference
is argmap's own share. The embedded engine is timed on the same DOT where it finishes within
the cap. Cold/cached start: `argmap render` of a small map in a fresh process with an empty
module cache, then again with the cache filled.

    python tests/benchmarks/bench_render.py [--cap SECONDS] [SIZE ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import argmap
from argmap.errors import RenderError
from argmap.render import RenderOptions, render_map
from argmap.render.engines import embedded_engine
from argmap.render.render import Prepared, finished_svg, prepare

T = TypeVar("T")
SIZES = (1_000, 10_000)
TAGS = ("economy", "security", "diplomacy", "history", "law")


def argument(size: int) -> str:
    """A map shaped like real ones: sections of 40 statements, each claim backed by a linked
    pair with a warrant or a single premise, a conclusion per section, some objections."""
    lines = ["@title Benchmark"]
    for start in range(0, size, 40):
        lines.append(f"== Part {start // 40} ==")
        ids = [f"s{i}" for i in range(start, min(start + 40, size))]
        for offset, sid in enumerate(ids):
            kind = "conclusion" if offset == 0 else "claim" if offset % 3 == 1 else "premise"
            tag = TAGS[int(sid[1:]) % len(TAGS)]
            lines.append(f"{kind} {sid}: Statement {sid} of the benchmark map, long enough "
                         f"to wrap onto two or three lines. #{tag}")
        for offset in range(1, len(ids) - 2, 3):
            claim, first, second = ids[offset], ids[offset + 1], ids[offset + 2]
            lines.append(f"{first} + {second} -> {claim} : warrant of {claim}")
            lines.append(f"{claim} -> {ids[0]}")
        if len(ids) > 9:
            lines.append(f"{ids[8]} -| {ids[4]}")
    return "\n".join(lines) + "\n"


def timed(action: Callable[[], T], repeat: int = 1) -> tuple[float, T]:
    """The median time of `repeat` runs, and the last result."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bare_dot(dot: str, cap: float, repeat: int) -> float | None:
    def run() -> None:
        subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, timeout=cap,
                       check=True)

    try:
        seconds, _ = timed(run, repeat)
    except subprocess.TimeoutExpired:
        return None
    return seconds


def row(name: str, seconds: float | None, note: str = "") -> None:
    figure = f"{seconds:9.3f} s" if seconds is not None else "  (capped)"
    print(f"  {name:<48}{figure}  {note}", flush=True)


def bench_size(size: int, cap: float) -> None:
    print(f"{size:,} statements", flush=True)
    repeat = 3 if size <= 2_000 else 1
    text = argument(size)
    parse_s, amap = timed(lambda: argmap.parse(text, "bench.argmap"), repeat)
    row("parse", parse_s)
    dot_s, prepared = timed(lambda: prepare(amap, RenderOptions(), for_svg=True), repeat)
    row("DOT generation", dot_s, f"({len(prepared.dot) / 1e6:.1f} MB of DOT)")
    if shutil.which("dot"):
        _bench_system(text, prepared, cap, repeat, parse_s + dot_s)
    else:
        print("  (no system Graphviz: system figures skipped)")
    try:
        layout, _ = timed(lambda: embedded_engine().layout(prepared.dot, "svg", cap))
        row("embedded Graphviz layout of that DOT", layout)
    except RenderError as error:
        row("embedded Graphviz layout of that DOT", None, str(error).splitlines()[0])


def _bench_system(text: str, prepared: Prepared, cap: float, repeat: int, own: float) -> None:
    bare = bare_dot(prepared.dot, cap, repeat)
    row("bare `dot -Tsvg` on that DOT", bare)
    if bare is None:
        return
    options = RenderOptions(engine="system", timeout=cap)
    whole, svg = timed(lambda: render_map(argmap.parse(text, "b.argmap"), options), repeat)
    finish, _ = timed(lambda: finished_svg(svg, prepared, options), repeat)
    row("argmap render (system), end to end", whole)
    own += finish
    row("argmap's own work (parse, DOT, SVG finishing)", own, f"{own / whole:.0%} of the whole")


def bench_start(tiny: Path) -> None:
    print("embedded engine start (fresh process, small map)", flush=True)
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, ARGMAP_CACHE_DIR=cache)
        command = [sys.executable, "-m", "argmap", "render", str(tiny), "-o", "-",
                   "--engine", "embedded"]
        for label in ("cold (compiles the module)", "cached (loads the compiled module)"):
            seconds, _ = timed(lambda: subprocess.run(command, env=env, capture_output=True,
                                                      check=True))
            row(label, seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cap", type=float, default=600.0, help="layout time limit (s)")
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.argmap"
        tiny.write_text(argument(20), encoding="utf-8")
        bench_start(tiny)
    for size in arguments.sizes:
        bench_size(size, arguments.cap)


if __name__ == "__main__":
    main()
