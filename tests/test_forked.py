"""Work in a forked child: its result comes back, and any failure of the child reads as None."""

from __future__ import annotations

import os
import threading

import pytest

from argmap import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the system has no fork()")


def test_the_child_result_comes_back_and_the_parent_state_is_untouched() -> None:
    state = {"count": 1}

    def work() -> dict[str, object]:
        state["count"] += 1  # the child's copy only
        return {"count": state["count"], "text": "ünïcode " * 100_000}

    side = forked.start(work)
    assert side is not None
    assert side.result() == {"count": 2, "text": "ünïcode " * 100_000}
    assert state == {"count": 1}


def test_a_child_that_raises_reads_as_none() -> None:
    def work() -> int:
        raise RuntimeError("broken")

    side = forked.start(work)
    assert side is not None and side.result() is None


def test_a_child_that_exits_reads_as_none() -> None:
    side = forked.start(lambda: os._exit(0))
    assert side is not None and side.result() is None


def test_cancel_stops_a_child_that_would_run_forever() -> None:
    def forever() -> None:
        threading.Event().wait()

    side = forked.start(forever)
    assert side is not None
    side.cancel()
    side.cancel()  # twice is harmless


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert forked.start(lambda: 1) is None
    finally:
        release.set()
        waiting.join()


def test_usable_cpus_is_at_least_one() -> None:
    assert forked.usable_cpus() >= 1
