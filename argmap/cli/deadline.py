"""--timeout as a deadline for a whole command: a timer signal stops it, layouts and all."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class OutOfTime(BaseException):
    """The command ran past its --timeout. A BaseException, as Interrupted is, so that no
    `except Exception` swallows it, while every `finally` (temporary files) still runs."""

    def __init__(self, seconds: float, hint: str) -> None:
        super().__init__(seconds, hint)
        self.seconds = seconds
        self.hint = hint

    @property
    def message(self) -> str:
        return f"stopped after {self.seconds:g} s (--timeout {self.seconds:g}): {self.hint}"


@contextlib.contextmanager
def deadline(seconds: float, hint: str) -> Iterator[None]:
    """While inside, OutOfTime is raised in the main thread once `seconds` have passed
    (ITIMER_REAL, SIGALRM), wherever the command then is: a layout is stopped as on Ctrl-C
    (the `dot` killed, the embedded engine's thread interrupted), and so is Python work
    between layouts (a single call into native code ends first). No layout outlives the
    deadline, so each gets at most the time that remains, whatever its own timeout.

    Elsewhere than in the main thread, or without setitimer, nothing changes: each layout
    keeps its own timeout of `seconds`. On leaving, the timer and the handler are put back as
    they were (an outer timer with what remains of its time)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return
    finished = False
    stops: dict[int, Any] = {}

    def expire(_signum: int, _frame: FrameType | None) -> None:
        # The timer can ring between the end of the work and its cancelling below: too late.
        if finished:
            return
        # Ctrl-C while argmap unwinds would cut its clean-up (temporary files) short.
        for signum in STOP_SIGNALS:
            handler = signal.signal(signum, signal.SIG_IGN)
            stops.setdefault(signum, handler)
        raise OutOfTime(seconds, hint)

    def swallowed(unraisable: Any) -> None:
        # Raised inside a garbage collector's callback or a __del__, OutOfTime is lost
        # ("Exception ignored in ..."): ring again at once, to raise it where it is not.
        if isinstance(unraisable.exc_value, OutOfTime) and not finished:
            signal.setitimer(signal.ITIMER_REAL, 1e-3)
        else:
            hook(unraisable)

    hook = sys.unraisablehook
    sys.unraisablehook = swallowed
    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        finished = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.unraisablehook = hook
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
        for signum, handler in stops.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if outer:
            left = outer - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), interval)
