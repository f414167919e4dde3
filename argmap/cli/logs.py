"""`--verbose` and ARGMAP_LOG: argmap's log lines (argmap.log) printed to stderr."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping

import click

from argmap.log import ROOT
from argmap.visible import visible_line

LOG_SWITCH = "ARGMAP_LOG"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
"""ARGMAP_LOG's values: `debug` (everything --verbose prints), `info` (the engine, the
stages' times, the worker and the cache, without each layout and each candidate)."""
QUIET = ("", "0", "off", "no", "none")


def log_level(verbose: bool, environ: Mapping[str, str] = os.environ) -> int | None:
    """The level to print from: DEBUG for --verbose, else ARGMAP_LOG's, else None (no log).
    An ARGMAP_LOG that names no level is said once on stderr and ignored."""
    if verbose:
        return logging.DEBUG
    value = environ.get(LOG_SWITCH, "").strip().lower()
    if value in QUIET:
        return None
    level = LEVELS.get(value)
    if level is None:
        click.echo(visible_line(f"argmap: {LOG_SWITCH}={value} is not a log level "
                                f"({', '.join(LEVELS)}); ignored"), err=True)
    return level


class _Stderr(logging.Handler):
    """Each record as one line on the current stderr (click's, so that tests capture it),
    made safe for a terminal; a stderr that cannot be written loses the line, quietly."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = f"{record.levelname.lower()} {record.name}: {record.getMessage()}"
            click.echo(visible_line(line), err=True)
        except (OSError, ValueError, TypeError):
            pass

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 — logging's name
        """Never logging's traceback: argmap prints none."""


def log_to_stderr(level: int, command: str) -> Callable[[], None]:
    """Print argmap's log records of `level` and above to stderr, until the function
    returned is called; it logs the whole command's time (`command`) and puts back the
    logger's previous level."""
    logger = logging.getLogger(ROOT)
    handler = _Stderr(level)
    previous = logger.level
    logger.setLevel(level)
    logger.addHandler(handler)
    started = time.perf_counter()

    def stop() -> None:
        seconds = time.perf_counter() - started
        logging.getLogger(__name__).info("argmap %s: %.3f s in all", command, seconds)
        logger.removeHandler(handler)
        logger.setLevel(previous)

    return stop
