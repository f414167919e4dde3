"""The `argmap` program's one-shot shortcuts, all in this module and all off under
ARGMAP_PROFILE=1.

A command run once as the program (not `main` called by a test or a notebook, nor the job
that --watch runs again and again) may treat the process as its own:

- the garbage collector runs its passes less often (PROGRAM_GC_THRESHOLDS): building a map
  only adds objects, and passes over the growing heap cost as much as the parse itself;
- each map the command loads is kept until the end and moved out of the collector's sight
  (`keep_until_exit`): otherwise every full collection walks all its objects (a second on
  100,000 statements), and freeing it object by object takes 0.4 s after every result is
  already written;
- the process leaves through `os._exit`, as mypy does, once the exit handlers have run and
  both standard streams are flushed; SIGINT and SIGTERM stay ignored from when the command
  is done (argmap.cli.LazyGroup).

With ARGMAP_PROFILE set (to anything but `0` or nothing) the program takes none of these:
it is a plain Python program that ends with SystemExit, so that `python -m cProfile -m
argmap ...`, debuggers and memory tools see the whole run and its normal exit.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import NoReturn

PROFILE_SWITCH = "ARGMAP_PROFILE"
PROGRAM_GC_THRESHOLDS = (200_000, 30, 30)
"""The collector's thresholds in the one-shot program (mypy's): a young collection every
200,000 allocations instead of 700, so that an older one seldom comes while a map is built."""

_kept: list[object] = []
_program = False
_repeating = False


def plain_requested(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether ARGMAP_PROFILE asks for a plain program (no shortcuts, a normal exit)."""
    return environ.get(PROFILE_SWITCH, "").strip() not in ("", "0")


def is_program() -> bool:
    """Whether this is the `argmap` program taking its shortcuts, which ends when `main`
    returns (not a test or a notebook calling `main`, nor a run under ARGMAP_PROFILE)."""
    return _program


def keep_until_exit(value: object) -> None:
    """Keep `value` (a map just loaded) referenced until the program ends, frozen out of
    the collector's sight; only in the one-shot program (not while --watch repeats)."""
    if _program and not _repeating:
        _kept.append(value)
        gc.freeze()


@contextlib.contextmanager
def repeating() -> Iterator[None]:
    """While inside (--watch), nothing is kept or frozen: each run's map is freed once the
    run is over, so that the program holds only the current one."""
    global _repeating
    before, _repeating = _repeating, True
    try:
        yield
    finally:
        _repeating = before


def run_as_program(
    main: Callable[[], object], environ: Mapping[str, str] = os.environ
) -> NoReturn:
    """Run `main` (which ends in SystemExit) and end the process with its exit status."""
    global _program
    if plain_requested(environ):
        main()
        sys.exit(0)
    _program = True
    gc.set_threshold(*PROGRAM_GC_THRESHOLDS)
    try:
        main()
        status = 0
    except SystemExit as done:
        status = exit_status(done.code)
    atexit._run_exitfuncs()  # the engines' clean-up and temporary folders, as at a normal exit
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(status)


def exit_status_of(run: Callable[[], object]) -> int:
    """Run `run` (a click command in standalone mode, which ends in SystemExit) and return
    the exit status it ended with, instead of exiting: `main([...], standalone_mode=False)`."""
    try:
        run()
    except SystemExit as done:
        return exit_status(done.code)
    return 0


def exit_status(code: object) -> int:
    """The exit status SystemExit's code means (as the interpreter reads it)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    with contextlib.suppress(OSError):
        print(code, file=sys.stderr)
    return 1
