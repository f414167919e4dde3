"""A forked worker: its job's result comes back, and any failure reads as None."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import pytest

from argmap import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the system has no fork()")

STATE = {"count": 1}


def count_up(text: str) -> dict[str, object]:
    STATE["count"] += 1  # the worker's copy only
    return {"count": STATE["count"], "text": text}


def fail() -> None:
    raise RuntimeError("broken")


def vanish() -> None:
    os._exit(0)


def forever() -> None:
    threading.Event().wait()


def worker() -> forked.Worker:
    started = forked.start_worker()
    assert started is not None
    return started


def test_the_result_comes_back_and_this_process_is_untouched() -> None:
    text = "ünïcode " * 100_000  # more than a pipe holds, both ways
    job = worker().submit(count_up, text)
    assert job is not None
    assert job.result() == {"count": 2, "text": text}
    assert STATE == {"count": 1}


@pytest.mark.parametrize("job", [fail, vanish])
def test_a_job_that_fails_or_ends_the_worker_reads_as_none(job: Callable[[], None]) -> None:
    submitted = worker().submit(job)
    assert submitted is not None and submitted.result() is None


def test_a_job_that_cannot_be_pickled_is_not_sent() -> None:
    assert worker().submit(lambda: 1) is None


def test_cancel_stops_a_job_that_would_run_forever() -> None:
    job = worker().submit(forever)
    assert job is not None
    job.cancel()
    job.cancel()  # twice is harmless


def test_a_worker_without_a_job_ends_when_closed() -> None:
    idle = worker()
    idle.close()
    idle.close()
    assert idle.submit(count_up, "late") is None


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert forked.start_worker() is None
    finally:
        release.set()
        waiting.join()


def test_usable_cpus_is_at_least_one() -> None:
    assert forked.usable_cpus() >= 1
