"""Time `argmap render` beside bare Graphviz on the same DOT, and where argmap's own share
goes (a script, not a test).

For each size, the synthetic map (`synthetic.py`) is drawn to SVG in a fresh process, and
bare `dot -Tsvg` lays out the DOT that `argmap render -f dot` writes for it; the two runs
alternate (the machine may be shared) and each figure is the median CPU time of the process
and its children (user + system), so that argmap's own share is what it adds to Graphviz's
layout. The embedded engine is timed the same way where `wasmtime` is installed. Then
argmap's share is taken apart in one process: parsing, DOT (with the SVG's tooltips),
checking the engine's SVG, finishing it and measuring it. `--to-dot N` times writing the
DOT of an N-statement map (parsed once). The embedded engine's start in a fresh process,
with an empty and a filled module cache, closes the report.

    python tests/benchmarks/bench_render.py [--repeat N] [--cap SECONDS] [--to-dot N] [SIZE ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).parent))

import synthetic  # noqa: E402
from bytecode import compile_argmap  # noqa: E402

T = TypeVar("T")
SIZES = (1_000, 10_000)
ARGMAP = [sys.executable, "-m", "argmap"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_cpu(command: list[str], cap: float, env: dict[str, str] | None = None) -> float | None:
    """CPU seconds of `command` and every process it waited for (None: failed or capped)."""
    before = children_cpu()
    try:
        subprocess.run(command, capture_output=True, timeout=cap, check=True, env=env)
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
        return None
    return children_cpu() - before


def median(values: list[float | None]) -> float | None:
    return statistics.median(values) if values and None not in values else None  # type: ignore[type-var]


def row(name: str, seconds: float | None, note: str = "") -> None:
    figure = f"{seconds:8.3f} s" if seconds is not None else "  (failed)"
    print(f"  {name:<52}{figure}  {note}", flush=True)


def bench_size(size: int, folder: Path, repeat: int, cap: float) -> None:
    print(f"{size:,} statements (CPU time, median of {repeat}, runs alternated)", flush=True)
    path = Path(synthetic.write_map(size, str(folder)))
    dot_file = folder / f"map-{size}.dot"
    subprocess.run([*ARGMAP, "render", str(path), "-f", "dot", "-o", str(dot_file)],
                   capture_output=True, check=True)
    if shutil.which("dot") is None:
        print("  (no system Graphviz: system figures skipped)")
        return
    engines = ["system"] + (["embedded"] if find_spec("wasmtime") is not None else [])
    runs: dict[str, list[float | None]] = {"bare": [], **{engine: [] for engine in engines}}
    for _ in range(repeat):
        runs["bare"].append(run_cpu(["dot", "-Tsvg", str(dot_file), "-o",
                                     str(folder / "bare.svg")], cap))
        for engine in engines:
            command = [*ARGMAP, "render", str(path), "-o", str(folder / f"{engine}.svg"),
                       "--engine", engine, "--timeout", str(cap)]
            runs[engine].append(run_cpu(command, cap))
    bare = median(runs["bare"])
    row("bare `dot -Tsvg` on argmap's DOT", bare)
    for engine in engines:
        whole = median(runs[engine])
        note = f"{whole / bare:.2f} x bare dot" if whole and bare else ""
        row(f"argmap render -o map.svg --engine {engine}", whole, note)
    _phases(path, cap)


def _phases(path: Path, cap: float) -> None:
    """argmap's share of a system render, step by step, in this process."""
    import argmap
    from argmap.render.engines import choose_engine
    from argmap.render.measure import measure_svg
    from argmap.render.render import RenderOptions, finished_svg, prepare
    from argmap.render.validate import check_output

    options = RenderOptions(engine="system", timeout=cap)
    start = median([run_cpu([*ARGMAP[:1], "-c", "import argmap.cli.render"], cap)
                    for _ in range(3)])
    row("Python's start and the imports of `argmap render`", start)
    amap = timed_row("parse (with networkx's import)",
                     lambda: argmap.load(str(path)))
    prepared = timed_row("DOT and tooltips", lambda: prepare(amap, options, for_svg=True))
    before_children, before_own = children_cpu(), own_cpu()
    svg = choose_engine("system").layout(prepared.dot, "svg", cap)
    row("dot itself (the child)", children_cpu() - before_children)
    row("running dot (its files in and out) and checking its SVG", own_cpu() - before_own)
    timed_row("  of which the check (well-formed, no entities)",
              lambda: check_output(svg, "svg", "dot"))
    finished = timed_row("finishing the SVG", lambda: finished_svg(svg, prepared, options))
    timed_row("measuring it", lambda: measure_svg(finished))


def timed_row(name: str, action: Callable[[], T]) -> T:
    start = own_cpu()
    result = action()
    row(name, own_cpu() - start)
    return result


def bench_to_dot(size: int, folder: Path) -> None:
    import argmap
    from argmap.render.render import RenderOptions, prepare

    print(f"writing the DOT of {size:,} statements (CPU time, best of 2)", flush=True)
    path = Path(synthetic.write_map(size, str(folder)))
    amap = argmap.load(str(path))
    for name, for_svg in (("to_dot", False), ("to_dot and the SVG's tooltips", True)):
        times = []
        for _ in range(2):
            start = own_cpu()
            prepare(amap, RenderOptions(), for_svg=for_svg)
            times.append(own_cpu() - start)
        row(name, min(times))


def bench_start(folder: Path, cap: float) -> None:
    print("embedded engine start (fresh process, 20 statements, CPU time)", flush=True)
    tiny = Path(synthetic.write_map(20, str(folder)))
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, ARGMAP_CACHE_DIR=cache)
        command = [*ARGMAP, "render", str(tiny), "-o", "-", "--engine", "embedded"]
        for label in ("cold (compiles the module)", "cached (loads the compiled module)"):
            row(label, run_cpu(command, cap, env))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command")
    parser.add_argument("--cap", type=float, default=600.0, help="layout time limit (s)")
    parser.add_argument("--to-dot", type=int, default=0, metavar="N",
                        help="also time to_dot on N statements (e.g. 100000)")
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    arguments = parser.parse_args()
    compile_argmap()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for size in arguments.sizes:
            bench_size(size, folder, arguments.repeat, arguments.cap)
        if arguments.to_dot:
            bench_to_dot(arguments.to_dot, folder)
        if find_spec("wasmtime") is not None:
            bench_start(folder, arguments.cap)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
