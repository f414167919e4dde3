"""argmap's log: the `argmap` logger and its children, written to only at DEBUG and INFO.

The library installs no handler, so nothing is shown unless the caller asks: a program
embedding argmap configures `logging.getLogger("argmap")` as it likes; the `argmap` command
prints these lines to stderr under `--verbose` or `ARGMAP_LOG=debug` (or `info`).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator

ROOT = "argmap"
"""The parent of every logger in argmap: each module logs to `logging.getLogger(__name__)`."""


@contextlib.contextmanager
def timed(logger: logging.Logger, stage: str, level: int = logging.DEBUG) -> Iterator[None]:
    """Log how long the block took, `stage: 0.123 s` (`stage: failed after 0.123 s` when it
    raised); costs nothing when `level` is not logged."""
    if not logger.isEnabledFor(level):
        yield
        return
    started = time.perf_counter()
    failed = True
    try:
        yield
        failed = False
    finally:
        seconds = time.perf_counter() - started
        how = "failed after " if failed else ""
        logger.log(level, "%s: %s%.3f s", stage, how, seconds)
