"""`render --watch` and `report --watch`, driven by a test that edits the files: a change to
the map, to an included file or to the analysed document draws again; an error is printed
and the last good output kept; Ctrl-C stops it."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import subprocess
import sys
import time
import tracemalloc
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.model import ArgumentMap

MAP = """\
@title Watched
@include more.argmap
@document note.txt
premise a: The first reason.
  > the first reason
claim b: What follows.
a + c -> b
"""
MORE = "premise c: The second reason.\n"


def _default_signals() -> None:
    # A test run started in the background (`make test &`) ignores SIGINT, and children
    # inherit that; argmap keeps an ignored signal ignored, so give the watcher the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Watcher:
    """`argmap ... --watch` in a subprocess, its messages in a file."""

    def __init__(self, folder: Path, cache: Path, *args: str) -> None:
        self.log = folder / "messages.txt"
        environment = dict(os.environ, ARGMAP_CACHE_DIR=str(cache))
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "argmap", *args, "--watch", "--engine", "embedded"],
                cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                env=environment, preexec_fn=_default_signals,
            )

    def messages(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def runs(self) -> int:
        return self.messages().count("watching ")

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None:
                pytest.fail(f"the watcher ended ({self.process.returncode}): {self.messages()}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}:\n{self.messages()}")
            time.sleep(0.05)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One module cache for the watchers: the embedded engine is compiled once."""
    return tmp_path_factory.mktemp("module-cache")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "map.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "more.argmap").write_text(MORE, encoding="utf-8")
    (tmp_path / "note.txt").write_text("It says: the first reason.\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def watcher() -> Iterator[list[Watcher]]:
    started: list[Watcher] = []
    yield started
    for each in started:
        each.stop()  # never leave a process behind, whatever failed


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_render_watch(folder: Path, cache: Path, watcher: list[Watcher]) -> None:
    out = folder / "out" / "map.svg"
    run = Watcher(folder, cache, "render", "map.argmap", "-o", "out/map.svg")
    watcher.append(run)
    run.wait(lambda: run.runs() == 1, "the first drawing")
    assert "✓ out/map.svg is up to date; watching 3 files for changes" in run.messages()
    assert "The first reason." in out.read_text(encoding="utf-8")

    edit(folder / "map.argmap", "The first reason.", "The edited reason.")
    run.wait(lambda: run.runs() == 2, "a drawing after the map changed")
    assert "The edited reason." in out.read_text(encoding="utf-8")

    edit(folder / "more.argmap", "The second reason.", "The included reason.")
    run.wait(lambda: run.runs() == 3, "a drawing after the include changed")
    good = out.read_bytes()
    assert b"The included reason." in good

    edit(folder / "more.argmap", "premise c:", "premise c")  # a mistake in the include
    run.wait(lambda: run.runs() == 4, "the error")
    assert "more.argmap:1:11: error: AM001 syntax-error: expected `:`" in run.messages()
    assert "✗ failed (above); the last good out/map.svg is kept" in run.messages()
    assert out.read_bytes() == good

    edit(folder / "more.argmap", "premise c", "premise c:")  # fixed in the include
    run.wait(lambda: run.runs() == 5, "the drawing after the fix")
    assert run.messages().count("✓") == 4

    (folder / "unrelated.txt").write_text("not an input", encoding="utf-8")
    time.sleep(0.6)  # more than the debounce: a change to another file draws nothing
    assert run.runs() == 5
    assert run.stop() == 130
    assert run.messages().rstrip().endswith("argmap: interrupted")


def test_report_watch_follows_the_document(
    folder: Path, cache: Path, watcher: list[Watcher]
) -> None:
    run = Watcher(folder, cache, "report", "map.argmap", "-o", "report.html")
    watcher.append(run)
    run.wait(lambda: run.runs() == 1, "the first report")
    assert "quote-not-found" not in (folder / "report.html").read_text(encoding="utf-8")
    # The analysed text loses the quote: the report's findings change.
    (folder / "note.txt").write_text("It says something else.\n", encoding="utf-8")
    run.wait(lambda: run.runs() == 2, "a report after the document changed")
    assert "quote-not-found" in (folder / "report.html").read_text(encoding="utf-8")
    assert run.stop() == 130


def test_sigterm_stops_the_watcher_as_terminated(
    folder: Path, cache: Path, watcher: list[Watcher]
) -> None:
    run = Watcher(folder, cache, "render", "map.argmap")
    watcher.append(run)
    run.wait(lambda: run.runs() == 1, "the first drawing")
    run.process.send_signal(signal.SIGTERM)
    assert run.process.wait(timeout=10) == 143
    assert run.messages().rstrip().endswith("argmap: terminated")


REPOSITORY = Path(__file__).resolve().parents[2]
RUNS, WARM_UP = 200, 20


@pytest.fixture
def as_the_program(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`main` run as the `argmap` program (quick_exit), which kept every map it loaded until
    exit; the signal handlers it leaves ignored are put back afterwards."""
    from argmap.cli import quick_exit

    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    monkeypatch.setattr(quick_exit, "_program", True)
    gc.unfreeze()
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        gc.unfreeze()


def _map_of(size: int, folder: Path) -> Path:
    sys.path.insert(0, str(REPOSITORY / "tests" / "benchmarks"))
    from synthetic import write_map

    return Path(write_map(size, str(folder)))


@pytest.fixture
def maps_built(monkeypatch: pytest.MonkeyPatch) -> list[weakref.ref[ArgumentMap]]:
    """A weak reference to each map the loader builds (none keeps it alive)."""
    from argmap.language import loader

    built: list[weakref.ref[ArgumentMap]] = []
    parse = loader._parse

    def noted(*arguments: Any) -> ArgumentMap:
        amap = parse(*arguments)
        built.append(weakref.ref(amap))
        return amap

    monkeypatch.setattr(loader, "_parse", noted)
    return built


def test_each_watch_run_reads_the_map_once_and_keeps_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    as_the_program: None,
    maps_built: list[weakref.ref[ArgumentMap]],
) -> None:
    """`render --watch` as the program, its watch loop's run called directly (no file
    watcher): each run reads the map once (not again to learn what to watch), and once it
    is over no map is left (the program kept each one until exit, frozen)."""
    from click.testing import CliRunner

    from argmap.cli import main, watching

    source = _map_of(40, tmp_path)
    alive: list[int] = []

    def runs(run: Callable[[], object]) -> None:
        for _ in range(5):
            run()
            alive.append(sum(ref() is not None for ref in maps_built))

    monkeypatch.setattr(watching, "watch", runs)
    out = tmp_path / "map.dot"
    result = CliRunner().invoke(main, ["render", str(source), "--watch", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.count("✓") == 5
    assert (len(maps_built), alive) == (5, [0, 0, 0, 0, 0])
    assert gc.get_freeze_count() == 0


def test_200_watch_runs_on_400_statements_stay_flat(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    as_the_program: None,
    maps_built: list[weakref.ref[ArgumentMap]],
) -> None:
    """The watch loop's run, called 200 times on a map of 400 statements, its job loading
    the map as each command's does: the memory in use while a run holds its map is, at the
    last run, within 20 % of what it is after a warm-up (with every map kept, it grew by a
    map each run: 46 MB to 158 MB after 40 saves)."""
    from argmap.cli import watching
    from argmap.cli.common import load_map_or_exit

    source = _map_of(400, tmp_path)
    in_use: list[int] = []

    def job() -> None:
        amap = load_map_or_exit(source)
        if len(maps_built) in (WARM_UP, RUNS):
            gc.collect()
            in_use.append(tracemalloc.get_traced_memory()[0])
        assert amap.title  # the job goes on with its map; here it only holds it

    def runs(run: Callable[[], object]) -> None:
        for _ in range(RUNS):
            run()

    monkeypatch.setattr(watching, "watch", runs)
    tracemalloc.start()
    try:
        with (open(os.devnull, "w", encoding="utf-8") as nowhere,  # the status lines
              contextlib.redirect_stderr(nowhere)):
            watching.watch_maps([source], job, "the map")
    finally:
        tracemalloc.stop()
    warm, last = in_use
    assert len(maps_built) == RUNS
    assert last <= warm * 1.2, f"{warm:,} bytes in use at run {WARM_UP}, {last:,} at {RUNS}"
