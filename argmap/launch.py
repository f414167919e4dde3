"""The `argmap` command's first step: a Ctrl-C while Python still imports the CLI ends it
as quietly as one during a command, instead of with a KeyboardInterrupt traceback."""

from __future__ import annotations

import os
import signal
from types import FrameType

_WORDS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


def _stop(signum: int, frame: FrameType | None) -> None:
    os.write(2, f"argmap: {_WORDS.get(signal.Signals(signum), 'stopped')}\n".encode())
    raise SystemExit(128 + signum)


def run() -> None:
    """Import the CLI with SIGINT and SIGTERM ending the process (130, 143, one line on
    stderr), then hand the signals back and run it: the CLI installs its own handling."""
    previous = {number: signal.signal(number, _stop) for number in _WORDS}
    from argmap.cli import run as run_cli

    for number, handler in previous.items():
        signal.signal(number, handler)
    run_cli()
