"""`--watch` for render and report: run, then run again on every change, with a status line."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from argmap.cli.common import EXIT_MAP_ERRORS, RUN_DEADLINE, colour_system, listening_to_loads
from argmap.cli.deadline import OutOfTime
from argmap.cli.quick_exit import repeating
from argmap.cli.signals import Interrupted, signals_interrupt
from argmap.errors import MapFileError, ParseError
from argmap.model import ArgumentMap
from argmap.suggest import plural
from argmap.visible import visible_line
from argmap.watch import failed_inputs, loaded_inputs, map_inputs, watch


def run_once(job: Callable[[], None]) -> int:
    """Run a command's job as a whole command would, within the command's --timeout, but
    return its exit status."""
    context = click.get_current_context(silent=True)
    bound = context.meta.get(RUN_DEADLINE) if context is not None else None
    try:
        with bound() if bound is not None else contextlib.nullcontext():
            job()
    except OutOfTime as stop:
        click.echo(f"argmap: {stop.message}", err=True)
        return EXIT_MAP_ERRORS
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.UsageError as error:
        error.show()
        return error.exit_code
    return 0


def watch_maps(maps: Iterable[Path], job: Callable[[], None], output: str) -> None:
    """Run `job` now and whenever a map, a file it includes or its document changes; after
    each run one status line says whether it worked and what is watched. On failure the
    last good `output` stays as it was (every output is written atomically, and only
    after a successful drawing). Ctrl-C stops."""
    console = Console(stderr=True, highlight=False, color_system=colour_system(sys.stderr))
    maps = list(maps)
    known: set[Path] = set()

    def run() -> set[Path]:
        nonlocal known
        noted: dict[str, set[Path]] = {}

        def note(path: Path, outcome: ArgumentMap | ParseError | MapFileError) -> None:
            noted[os.path.realpath(path)] = (
                loaded_inputs(path, outcome) if isinstance(outcome, ArgumentMap)
                else failed_inputs(path, outcome)
            )

        # Only the paths are noted: the run's map is freed once it is over (nothing is
        # kept for the program's exit either), and a map the job did not get to (a usage
        # error came first) is read here.
        with repeating(), listening_to_loads(note):
            status = run_once(job)
        inputs = set().union(*(noted.get(os.path.realpath(path)) or map_inputs(path)
                               for path in maps))
        # After a failure, keep watching what worked before, so that fixing any of it
        # (an include, say) brings the next run.
        known = inputs if status == 0 else known | inputs
        stamp = time.strftime("%H:%M:%S")
        files = plural(len(known), "file")
        if status == 0:
            line = f"[dim]{stamp}[/] [green]✓[/] {escape(visible_line(output))} is up to date"
        else:
            kept = f"the last good {escape(visible_line(output))} is kept"
            line = f"[dim]{stamp}[/] [red]✗[/] failed (above); {kept}"
        console.print(f"{line}; watching {files} for changes (Ctrl-C stops)", soft_wrap=True)
        return known

    received: list[int] = []
    with signals_interrupt(received):
        try:
            watch(run)
        except KeyboardInterrupt:
            # watchfiles turns any signal into KeyboardInterrupt; say which one came.
            raise Interrupted(received[-1] if received else signal.SIGINT) from None
