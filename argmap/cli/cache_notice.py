"""Saying when the cache folder cannot be written: once on stderr, and in `--version --verbose`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from argmap.visible import visible_line

SLOW = "the embedded Graphviz is compiled again on every run (seconds instead of a fraction of one)"


def unwritable_message(folder: Path, reason: str) -> str:
    """Why, what it costs, and the variable that moves the cache."""
    from argmap.fileio import CACHE_ENV

    return visible_line(
        f"cannot write the cache folder {folder} ({reason}): {SLOW}; "
        f"set {CACHE_ENV} to a writable folder"
    )


def engine_cache_problem() -> str | None:
    """The message for the embedded engine started in this process, when it could not write
    its compiled module to the cache; None when it could, or when no engine started."""
    engines = sys.modules.get("argmap.render.engines")
    if engines is None or not engines.embedded_engine.cache_info().currsize:
        return None
    report = getattr(engines.embedded_engine(), "load_report", None)
    if report is None or report.unwritable is None or report.cache_file is None:
        return None
    return unwritable_message(report.cache_file.parent, report.unwritable)


def tell_unwritable_cache() -> None:
    """On stderr, once at the end of the command, when the cache could not be written."""
    message = engine_cache_problem()
    if message is not None:
        click.echo(f"argmap: warning: {message}", err=True)


def cache_line() -> str:
    """`--version --verbose`'s line about the cache: where it is, or why it cannot be written
    (from the engine just started, else by writing a temporary file there)."""
    from argmap.fileio import CACHE_ENV, cache_dir

    problem = engine_cache_problem()
    if problem is not None:
        return f"cache: {problem}"
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return f"cache: {unwritable_message(folder, error.strerror or str(error))}"
    return f"cache: {folder} ({CACHE_ENV} moves it)"
