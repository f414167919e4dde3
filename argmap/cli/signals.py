"""Ctrl-C (SIGINT) and SIGTERM as an exception that unwinds cleanly to the CLI's exit code."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
"""128 + the signal's number, as shells report a process that the signal ended."""
ALARM = hasattr(signal, "SIGALRM")


class Interrupted(BaseException):
    """A signal asked argmap to stop. A BaseException, like KeyboardInterrupt, so that no
    `except Exception` swallows it, while every `finally` (temporary files) still runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return EXIT_CODES.get(signal.Signals(self.signum), 128 + self.signum)

    @property
    def message(self) -> str:
        return "interrupted" if self.signum == signal.SIGINT else "terminated"


@contextlib.contextmanager
def signals_interrupt(
    received: list[int] | None = None, *, ignore_after: bool = False
) -> Iterator[None]:
    """While inside, the first SIGINT or SIGTERM raises Interrupted in the main thread; any
    that follow while argmap unwinds are ignored, so that no clean-up (a temporary file, a
    `dot` to stop) is cut short by a second Ctrl-C, nor by the --timeout's alarm. Each is
    noted in `received` first when given. On leaving, the previous handlers come back;
    with `ignore_after`, for a program about to end, both signals stay ignored instead, so
    that its last line and its exit handlers are not cut short either (elsewhere than in
    the main thread nothing changes: only it may handle signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        if received is not None:
            received.append(signum)
        if not stopping:
            stopping = True
            if ALARM:  # the --timeout's (deadline.py), put back on leaving
                signal.signal(signal.SIGALRM, signal.SIG_IGN)
            raise Interrupted(signum)

    previous = {signum: signal.getsignal(signum) for signum in EXIT_CODES}
    alarm = signal.getsignal(signal.SIGALRM) if ALARM else None
    # A signal ignored by whoever started argmap (nohup, a shell's background job) stays so.
    handled = [s for s, handler in previous.items() if handler is not signal.SIG_IGN]
    for signum in handled:
        signal.signal(signum, interrupt)
    try:
        yield
    finally:
        for signum in handled:
            signal.signal(signum, signal.SIG_IGN if ignore_after else previous[signum])
        if stopping and ALARM:
            signal.signal(signal.SIGALRM, signal.SIG_DFL if alarm is None else alarm)
