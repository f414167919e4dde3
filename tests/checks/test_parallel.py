"""The evidence rules in a second process: the same findings as one process, whatever happens."""

from __future__ import annotations

import os
import pickle
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.checks import Finding, parallel, run_checks
from argmap.cli import check as check_command
from argmap.cli import main

REPOSITORY = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPOSITORY / "tests" / "benchmarks"))
from synthetic import write_map  # noqa: E402

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the system has no fork()")


def findings(path: Path, processes: int) -> list[Finding]:
    return run_checks(argmap.load(str(path)), select=["ALL"], processes=processes)


@pytest.fixture
def every_map_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork on maps of any size, so the small example maps take the two-process path."""
    monkeypatch.setattr(parallel, "SIDE_PROCESS_MIN_STATEMENTS", 0)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the forks made (each forked child is recorded by its parent)."""
    made: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        child = real_fork()
        if child:
            made.append(child)
        return child

    monkeypatch.setattr(os, "fork", counting_fork)
    return made


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    """A synthetic map of 200 statements with misquotes (found in the child), orphans and an
    unsupported conclusion (found here)."""
    return Path(write_map(200, str(tmp_path)))


@needs_fork
def test_findings_of_both_processes_are_all_reported(
    small_map: Path, every_map_forks: None, forks: list[int]
) -> None:
    two = findings(small_map, processes=2)
    assert len(forks) == 1
    assert {finding.code for finding in two} == {"AM101", "AM105", "AM201"}
    assert two == findings(small_map, processes=1)


@needs_fork
@pytest.mark.parametrize("name", ["russia-china.argmap", "tutorial.argmap"])
def test_the_example_maps_get_the_same_findings_from_two_processes(
    name: str, every_map_forks: None, forks: list[int]
) -> None:
    path = REPOSITORY / "maps" / name
    assert findings(path, processes=2) == findings(path, processes=1)
    assert len(forks) == 1


@needs_fork
def test_a_big_map_forks_by_itself_and_gets_the_same_findings(
    tmp_path: Path, forks: list[int]
) -> None:
    path = Path(write_map(parallel.SIDE_PROCESS_MIN_STATEMENTS, str(tmp_path)))
    two = findings(path, processes=2)
    assert forks, "a map of the threshold's size runs its evidence rules beside the others"
    assert {finding.code for finding in two} >= {"AM201"}  # misquotes found in the child
    assert two == findings(path, processes=1)


def test_a_small_map_and_a_single_process_never_fork(forks: list[int]) -> None:
    path = REPOSITORY / "maps" / "russia-china.argmap"
    findings(path, processes=2)
    findings(path, processes=1)
    assert forks == []


@needs_fork
def test_no_fork_while_other_threads_run(every_map_forks: None, forks: list[int]) -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        path = REPOSITORY / "maps" / "russia-china.argmap"
        assert findings(path, processes=2) == findings(path, processes=1)
    finally:
        release.set()
        waiting.join()
    assert forks == []


@needs_fork
def test_a_child_that_fails_has_its_rules_run_here(
    small_map: Path, every_map_forks: None, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_dumps(*_: object, **__: object) -> bytes:
        raise RuntimeError("the child cannot send its findings")

    expected = findings(small_map, processes=1)
    monkeypatch.setattr(pickle, "dumps", broken_dumps)
    assert findings(small_map, processes=2) == expected
    assert len(forks) == 1


@needs_fork
def test_a_child_that_sends_garbage_has_its_rules_run_here(
    small_map: Path, every_map_forks: None, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = findings(small_map, processes=1)
    monkeypatch.setattr(pickle, "dumps", lambda *_, **__: b"\x80\x05truncated")
    assert findings(small_map, processes=2) == expected
    assert len(forks) == 1


@needs_fork
def test_check_prints_the_same_report_with_the_second_process(
    small_map: Path, every_map_forks: None, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    arguments = ["check", str(small_map), str(REPOSITORY / "maps"), "--select", "ALL"]
    monkeypatch.setattr(check_command, "usable_cpus", lambda: 2)
    two = runner.invoke(main, arguments)
    monkeypatch.setattr(parallel, "SIDE_PROCESS_MIN_STATEMENTS", 10**9)
    one = runner.invoke(main, arguments)
    assert len(forks) >= 3  # one per map checked
    assert (two.exit_code, two.output) == (one.exit_code, one.output)
    assert "AM201 quote-not-found" in two.output
