"""The performance table of docs/performance.md: argmap beside Argdown's CLI on the same maps.

Every figure is the median wall time of repeated runs of the command in a fresh process
(what a user waits for), with the peak memory (maximum resident set) of the slowest run.
Maps come from `synthetic.py` (sections, linked premises with warrants, tags, quotes,
rebuttals, undercuts), written both as argmap and as Argdown. Argdown's column is filled
when its CLI is on PATH or installed under ~/.cache/argmap-bench, outside the repository
(`npm install --prefix ~/.cache/argmap-bench @argdown/cli@1.7.5`); render rows need
Graphviz's `dot`.

    python tests/benchmarks/bench_table.py [--repeat N] [--quick] [--cap SECONDS]

`--quick` leaves out the 100,000-statement rows and the 10,000-statement drawings.
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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synthetic  # noqa: E402
from bytecode import compile_argmap  # noqa: E402

ARGMAP = [sys.executable, "-m", "argmap"]
ARGDOWN_PREFIX = Path.home() / ".cache" / "argmap-bench"
"""Where `npm install --prefix` puts Argdown's CLI for these benchmarks."""


def argdown_program() -> str | None:
    """Argdown's CLI: on PATH, or else in ARGDOWN_PREFIX; None when neither has it."""
    installed = ARGDOWN_PREFIX / "node_modules" / ".bin" / "argdown"
    return shutil.which("argdown") or (str(installed) if installed.exists() else None)


@dataclass
class Figure:
    """The median seconds and peak MiB of a command's runs; None when it failed or capped."""

    seconds: float | None
    mebibytes: float
    note: str = ""

    def __str__(self) -> str:
        if self.seconds is None:
            return f"fails ({self.note})" if self.note else "fails"
        return f"{self.seconds:.2f} s ({self.mebibytes:.0f} MiB)"


TIME = "/usr/bin/time"
"""GNU time reports the peak memory of the command alone; the rusage of a child forked from
this Python would count the pages it shared with this process too."""
PEAK = "argmap-bench-peak-kib"


def run_once(
    command: list[str], cwd: Path, cap: float, ok: tuple[int, ...] = (0, 1)
) -> tuple[float | None, float, str]:
    """Wall seconds (None on failure: an exit status not in `ok`), peak MiB and the last
    line of stderr of one run."""
    timed = os.path.exists(TIME)
    if timed:
        command = [TIME, "-f", f"{PEAK} %M", *command]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        deadline = start + cap
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                return None, usage.ru_maxrss / 1024, f"stopped after {cap:g} s"
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    peak = usage.ru_maxrss / 1024
    if timed:
        reported = [line for line in lines if line.startswith(PEAK)]
        lines = [line for line in lines if not line.startswith(PEAK)
                 and not line.startswith("Command exited with non-zero status")]
        if reported:
            peak = int(reported[-1].split()[-1]) / 1024
    return (seconds if process.returncode in ok else None), peak, (lines[-1][:80] if lines else "")


def measure(
    command: list[str], cwd: Path, repeat: int, cap: float, ok: tuple[int, ...] = (0, 1)
) -> Figure:
    times, peak, note = [], 0.0, ""
    for _ in range(repeat):
        seconds, mebibytes, note = run_once(command, cwd, cap, ok)
        peak = max(peak, mebibytes)
        if seconds is None:
            return Figure(None, peak, note)
        times.append(seconds)
    return Figure(statistics.median(times), peak)


def write_maps(folder: Path, size: int) -> Path:
    place = folder / str(size)
    place.mkdir()
    sections, document = synthetic.build(size)
    (place / "document.txt").write_text(document, encoding="utf-8")
    text = synthetic.argmap_text(sections)
    (place / "map.argmap").write_text(text, encoding="utf-8")
    # The same map without its section headers: drawn argument by argument.
    flat = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("=="))
    (place / "flat.argmap").write_text(flat, encoding="utf-8")
    (place / "map.argdown").write_text(synthetic.argdown_text(sections), encoding="utf-8")
    return place


def versions() -> str:
    from argmap.cli import version_message

    lines = [version_message(verbose=True).replace("\n", "; ")]
    program = argdown_program()
    if program is not None:
        done = subprocess.run([program, "--version"], capture_output=True, text=True)
        lines.append(f"Argdown CLI {done.stdout.strip()}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--quick", action="store_true", help="no 100k rows, no 10k drawings")
    parser.add_argument("--large", action="store_true", help="only the 100k and 10k-drawing rows")
    parser.add_argument("--cap", type=float, default=300.0, help="seconds before a run is stopped")
    options = parser.parse_args()
    program = argdown_program()
    argdown = program is not None
    cli = program or "argdown"  # only run when `argdown` is true
    dot = shutil.which("dot") is not None
    check_sizes = [20, 1_000, 10_000] + ([] if options.quick else [100_000])
    if options.large:
        check_sizes = [10_000, 100_000]
    rows: list[tuple[str, Figure, Figure | None]] = []
    compile_argmap()
    print(versions(), flush=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        places = {size: write_maps(folder, size) for size in check_sizes}

        def add(label: str, ours: list[str], theirs: list[str] | None, size: int,
                repeat: int | None = None) -> None:
            count = repeat or options.repeat
            mine = measure(ours, places[size], count, options.cap)
            # Argdown exits 1 when it fails (its parser's stack overflows on 100,000
            # statements with node's default stack); `argmap check` exits 1 on findings.
            other = measure(theirs, places[size], count, options.cap, (0,)) if theirs and argdown \
                else None
            rows.append((label, mine, other))
            print(f"| {label} | {mine} | {other if other else '-'} |", flush=True)

        print("\n| measure | argmap | Argdown |\n|---|---|---|", flush=True)
        if not options.large:
            add("`--version`", [*ARGMAP, "--version"], [cli, "--version"], 20, 5)
        for size in [s for s in check_sizes if not options.large or s == 100_000]:
            add(f"check {size:,} statements (Argdown: `argdown json`)",
                [*ARGMAP, "check", "map.argmap"],
                [cli, "json", "map.argdown", "--stdout"], size)
        for size in [s for s in (10_000, 100_000) if s in places and not (
                options.large and s == 10_000)]:
            add(f"`show --format json` {size:,}", [*ARGMAP, "show", "map.argmap", "--format",
                "json"], [cli, "json", "map.argdown", "--stdout"], size)
        if dot:
            render_sizes = [1_000] + ([] if options.quick else [10_000])
            if options.large:
                render_sizes = [10_000]
            for size in render_sizes:
                for engine in ("system", "embedded"):
                    add(f"render {size:,} SVG ({engine} engine)",
                        [*ARGMAP, "render", "map.argmap", "-o", "map.svg", "--engine", engine,
                         "--timeout", str(options.cap)],
                        [cli, "map", "--format", "svg", "map.argdown",
                         "argdown-out"]
                        if engine == "system" else None, size)
                if size >= 10_000:
                    for engine in ("system", "embedded"):
                        add(f"render {size:,} SVG without sections ({engine} engine)",
                            [*ARGMAP, "render", "flat.argmap", "-o", "flat.svg", "--engine",
                             engine, "--timeout", str(options.cap)], None, size)
                subprocess.run([*ARGMAP, "render", "map.argmap", "-f", "dot", "-o", "map.dot"],
                               cwd=places[size], check=True, capture_output=True)
                add(f"bare `dot -Tsvg` on argmap's DOT, {size:,}",
                    ["dot", "-Tsvg", "map.dot", "-o", "bare.svg"], None, size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
