"""Ending the program without freeing the maps it built: the system takes the memory back.

Freeing a map of 100,000 statements object by object takes about 0.4 s, after every result
is already written. The `argmap` program therefore keeps each map it loads alive until the
end (`keep_until_exit`) and then leaves through `os._exit`, as mypy does; the exit handlers
still run and both standard streams are flushed first. In a test or a notebook, where
`main` is called inside a longer-lived process, nothing is kept.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Callable
from typing import NoReturn

_kept: list[object] = []
_program = False


def keep_until_exit(value: object) -> None:
    """Keep `value` referenced until the program ends (only when run as the program)."""
    if _program:
        _kept.append(value)


def is_program() -> bool:
    """Whether this is the `argmap` program, which ends when `main` returns (not a test or a
    notebook calling `main`)."""
    return _program


def run_as_program(main: Callable[[], object]) -> NoReturn:
    """Run `main` (which ends in SystemExit) and end the process with its exit status."""
    global _program
    _program = True
    try:
        main()
        status = 0
    except SystemExit as done:
        status = _status(done.code)
    atexit._run_exitfuncs()  # the engines' clean-up and temporary folders, as at a normal exit
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(status)


def _status(code: object) -> int:
    """The exit status SystemExit's code means (as the interpreter reads it)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    with contextlib.suppress(OSError):
        print(code, file=sys.stderr)
    return 1
