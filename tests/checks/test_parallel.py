"""The quote search in a worker process: the same findings as in one process, whatever happens."""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap import forked
from argmap.checks import Finding, document, parallel, run_checks
from argmap.cli import main

REPOSITORY = Path(__file__).resolve().parents[2]
ARTICLE = REPOSITORY.parent / "shared" / "sources" / "russia-china-oppose-the-globe.txt"
sys.path.insert(0, str(REPOSITORY / "tests" / "benchmarks"))
from synthetic import write_map  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the system has no fork()")


def findings(path: Path, *, worker: bool) -> list[Finding]:
    helper = forked.start_worker() if worker else None
    try:
        return run_checks(argmap.load(str(path)), select=["ALL"], worker=helper)
    finally:
        if helper is not None:
            helper.close()


@pytest.fixture
def results(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What each search submitted to a worker gave back (None: it failed)."""
    given: list[object] = []
    real_result = forked.Forked.result

    def recorded(job: forked.Forked[object]) -> object:
        result = real_result(job)
        given.append(result)
        return result

    monkeypatch.setattr(forked.Forked, "result", recorded)
    return given


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    """A synthetic map of 200 statements with misquotes (found by the worker), orphans and
    an unsupported conclusion (found here)."""
    return Path(write_map(200, str(tmp_path)))


def test_the_worker_finds_the_misquotes(small_map: Path, results: list[object]) -> None:
    with_worker = findings(small_map, worker=True)
    assert len(results) == 1 and results[0] is not None
    assert {finding.code for finding in with_worker} == {"AM101", "AM105", "AM201"}
    assert with_worker == findings(small_map, worker=False)


@pytest.mark.parametrize(
    ("name", "document"),
    [("russia-china.argmap", ARTICLE), ("tutorial.argmap", REPOSITORY / "maps" / "tutorial.txt")],
)
def test_the_example_maps_get_the_same_findings_with_a_worker(
    name: str, document: Path, results: list[object]
) -> None:
    if not document.is_file():  # without it there is no quote search to send to a worker
        pytest.skip(f"the map's document is not beside the checkout ({document} is absent)")
    path = REPOSITORY / "maps" / name
    assert findings(path, worker=True) == findings(path, worker=False)
    assert results and None not in results


def test_a_worker_is_started_for_big_maps_on_two_cpus_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.argmap"
    big.write_bytes(b"premise a: A\n" * (parallel.WORKER_MIN_BYTES // 13 + 1))
    monkeypatch.setattr(forked, "usable_cpus", lambda: 2)
    for path, expected in ((big, True), (REPOSITORY / "maps" / "tutorial.argmap", False),
                           (tmp_path / "missing.argmap", False)):
        with parallel.worker_for(path) as worker:
            assert (worker is not None) is expected, path
    monkeypatch.setattr(forked, "usable_cpus", lambda: 1)
    with parallel.worker_for(big) as worker:
        assert worker is None


def test_no_worker_while_other_threads_run(small_map: Path) -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert forked.start_worker() is None
        assert findings(small_map, worker=True) == findings(small_map, worker=False)
    finally:
        release.set()
        waiting.join()


def broken_search(text: str, quotes: list[str]) -> document.Misquotes:
    raise RuntimeError("the worker's search fails")


def test_a_failed_search_runs_here(
    small_map: Path, results: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = findings(small_map, worker=False)
    monkeypatch.setattr(document, "misquotes_in_text", broken_search)
    monkeypatch.setattr(parallel, "misquotes_in_text", broken_search)
    assert findings(small_map, worker=True) == expected
    assert results == [None]


def test_a_garbled_job_runs_here(
    small_map: Path, results: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = findings(small_map, worker=False)
    monkeypatch.setattr(pickle, "dumps", lambda *_, **__: b"\x80\x05garbled")
    assert findings(small_map, worker=True) == expected
    assert results == [None]


@pytest.fixture
def workers_everywhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Every map gets a worker, whatever its size; yields the workers' process IDs."""
    started: list[int] = []
    real_start = forked.start_worker

    def counted() -> forked.Worker | None:
        worker = real_start()
        if worker is not None:
            started.append(worker._child.pid)
        return worker

    monkeypatch.setattr(parallel, "WORKER_MIN_BYTES", 0)
    monkeypatch.setattr(forked, "usable_cpus", lambda: 2)
    monkeypatch.setattr(forked, "start_worker", counted)
    yield started


def test_check_prints_the_same_report_with_workers(
    small_map: Path, workers_everywhere: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    arguments = ["check", str(small_map), str(REPOSITORY / "maps"), "--select", "ALL"]
    with_workers = runner.invoke(main, arguments)
    assert len(workers_everywhere) >= 3  # one per map checked
    monkeypatch.setattr(parallel, "WORKER_MIN_BYTES", 10**12)
    alone = runner.invoke(main, arguments)
    assert (with_workers.exit_code, with_workers.output) == (alone.exit_code, alone.output)
    assert "AM201 quote-not-found" in with_workers.output


def test_verbose_says_where_the_quotes_are_searched_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """What `--verbose` prints about the quote search: the place, the reason, the figures."""
    limit = parallel.WORKER_MIN_BYTES
    big, small = tmp_path / "big.argmap", tmp_path / "small.argmap"
    big.write_bytes(b"#" * limit)  # only its size is read here
    small.write_bytes(b"#" * (limit - 1))
    missing = tmp_path / "missing.argmap"
    cases = [
        (big, 2, True, f"in a worker process; {big}: 1,000,000 bytes, 2 CPUs"),
        (small, 2, True, f"in this process (a map under 1,000,000 bytes); {small}: 999,999 "
         "bytes, 2 CPUs"),
        (missing, 2, True, f"in this process (a map under 1,000,000 bytes); {missing}: 0 bytes, "
         "2 CPUs"),
        (big, 1, True, f"in this process (one CPU); {big}: 1,000,000 bytes, 1 CPUs"),
        (big, 2, False, f"in this process (no worker could start); {big}: 1,000,000 bytes, "
         "2 CPUs"),
    ]
    caplog.set_level("INFO", logger=parallel.logger.name)
    start_worker = forked.start_worker
    for path, cpus, starts, message in cases:
        monkeypatch.setattr(forked, "usable_cpus", lambda cpus=cpus: cpus)
        monkeypatch.setattr(forked, "start_worker", start_worker if starts else lambda: None)
        caplog.clear()
        with parallel.worker_for(path):
            pass
        assert caplog.messages == [f"quote search: {message}"]


def test_verbose_says_what_became_of_the_workers_search(
    small_map: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """What `--verbose` prints after the search: the worker's result used, or why not."""
    caplog.set_level("INFO", logger=parallel.logger.name)

    def said(select: list[str]) -> list[str]:
        caplog.clear()
        helper = forked.start_worker()
        assert helper is not None
        try:
            run_checks(argmap.load(str(small_map)), select=select, worker=helper)
        finally:
            helper.close()
        return [message.removeprefix("quote search: ") for message in caplog.messages]

    assert said(["ALL"]) == ["the worker's result used"]
    assert said(["orphan-statement"]) == ["nothing to search; the worker ends unused"]
    monkeypatch.setattr(forked.Worker, "submit", lambda *_: None)
    assert said(["ALL"]) == ["the worker took no job; searching in this process"]
    monkeypatch.undo()
    monkeypatch.setattr(parallel, "misquotes_in_text", broken_search)
    assert said(["ALL"]) == ["the worker failed; searching in this process"]
