"""The command's deadline (--timeout): OutOfTime in the main thread when it passes, and the
timer and its handler put back as they were afterwards, whatever happened inside."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from argmap.cli.deadline import OutOfTime, deadline
from argmap.cli.signals import Interrupted, signals_interrupt

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs setitimer")


@pytest.fixture(autouse=True)
def no_timer() -> Iterator[None]:
    before = signal.getsignal(signal.SIGALRM)
    yield
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_python_work_past_the_deadline_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(OutOfTime) as caught, deadline(0.2, "raise --timeout"):
        while True:
            sum(range(100))
    assert 0.2 <= time.monotonic() - started < 2
    assert caught.value.message == "stopped after 0.2 s (--timeout 0.2): raise --timeout"


def test_work_done_in_time_leaves_no_timer() -> None:
    with deadline(5, "raise --timeout"):
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 5
    time.sleep(0.05)


def test_an_error_inside_leaves_no_timer_either() -> None:
    with pytest.raises(ValueError), deadline(5, "raise --timeout"):
        raise ValueError


def test_an_outer_timer_is_put_back_with_what_remains_of_it() -> None:
    rang: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, _frame: rang.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with deadline(5, "raise --timeout"):
            time.sleep(0.2)
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 0 < left <= 0.3
        time.sleep(left + 0.2)
        assert rang == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_nothing_changes() -> None:
    seen: list[object] = []

    def work() -> None:
        with deadline(0.01, "raise --timeout"):
            seen.append(signal.getitimer(signal.ITIMER_REAL))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(0.0, 0.0)]


def test_the_alarm_does_not_cut_short_the_clean_up_after_ctrl_c() -> None:
    cleaned = False
    with pytest.raises(Interrupted), signals_interrupt(), deadline(0.2, "raise --timeout"):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
        finally:
            time.sleep(0.4)  # the deadline passes while argmap cleans up
            cleaned = True
    assert cleaned


def test_ctrl_c_does_not_cut_short_the_clean_up_after_the_deadline() -> None:
    cleaned = False
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(OutOfTime), signals_interrupt(), deadline(0.1, "raise --timeout"):
        try:
            time.sleep(5)
        finally:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)
            cleaned = True
    assert cleaned
    assert signal.getsignal(signal.SIGINT) is before


class _SlowToFree:
    """An object whose finaliser is still running when the deadline passes."""

    def __del__(self) -> None:
        time.sleep(0.3)


def test_a_deadline_passing_inside_a_finaliser_still_stops_the_work() -> None:
    """Raised inside a __del__ (or a garbage collector's callback), OutOfTime would be lost
    ("Exception ignored in"): the deadline rings again, out of it."""
    started = time.monotonic()
    with pytest.raises(OutOfTime), deadline(0.1, "raise --timeout"):
        _SlowToFree()  # freed at once: its __del__ sleeps through the deadline
        time.sleep(2)
    assert time.monotonic() - started < 1
