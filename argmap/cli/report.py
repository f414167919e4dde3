"""`argmap report`: one self-contained HTML page of a map (diagram, findings, statements)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from argmap import __version__
from argmap.cli.common import (
    EXIT_MAP_ERRORS,
    check_config_or_exit,
    errors_end_the_command,
    input_files,
    load_map_or_exit,
    refuse_overwriting,
    rule_list,
    timeout_option,
)
from argmap.cli.watching import watch_maps
from argmap.errors import CheckError
from argmap.fileio import write_atomic
from argmap.render.engines import ENGINE_CHOICES
from argmap.report.page import ReportOptions, make_report
from argmap.visible import visible_line

EPILOG = """Examples:

\b
  argmap report lane.argmap                           # lane.html, beside the map
  argmap report maps/russia-china.argmap -o out/report.html
"""


@click.command(epilog=EPILOG)
@click.argument("map_path", metavar="MAP", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", metavar="OUT.html",
              help="The page to write (`-` for standard output). Default: beside the map, "
              "MAP.html.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these check rules (codes, names, prefixes, comma-separated; ALL).")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Not these check rules (codes, names, prefixes, comma-separated).")
@click.option("--watch", is_flag=True,
              help="Keep running: write the report again whenever the map, an included file "
              "or its document changes (Ctrl-C stops).")
@click.option("--engine", type=click.Choice(ENGINE_CHOICES), default="auto", show_default=True,
              help="auto: the system Graphviz if `dot` is installed, else the embedded one.")
@timeout_option("raise --timeout (the report lays the map out twice: screen and print)",
                watch=True)
def report(
    map_path: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    watch: bool,
    engine: str,
    timeout: float,
) -> None:
    """Write one HTML page about MAP that needs nothing else to be read: its title and
    metadata, the diagram (pan and zoom), the findings of `argmap check` linked to their
    statements, and a table of all statements that can be filtered.

    Exit status 1 when the map has errors (nothing is written), 2 for usage errors.
    """
    source = Path(map_path)
    if output == "-":
        if watch:
            raise click.UsageError("--watch writes a file again and again; name it with -o")
        target = None
    else:
        target = Path(output) if output else source.with_suffix(".html")
    if target is not None and target.resolve() == source.resolve():
        raise click.UsageError(f"refusing to overwrite the map `{source}` with a report")
    chosen, ignored = rule_list(select, "--select"), rule_list(ignore, "--ignore")
    config = check_config_or_exit(source)
    checks = replace(
        config,
        select=chosen if chosen is not None else config.select,
        ignore=ignored if ignored is not None else config.ignore,
    )
    options = ReportOptions(engine=engine, timeout=timeout, checks=checks)
    if watch:
        watch_maps([source], lambda: write_report(source, target, options), str(target))
        return
    write_report(source, target, options)


def write_report(source: Path, target: Path | None, options: ReportOptions) -> None:
    """Load, check, draw and write (to standard output when `target` is None); errors are
    printed and end the command."""
    amap = load_map_or_exit(source)
    if target is not None:
        refuse_overwriting([target], input_files([source], [amap]), "a report")
    with errors_end_the_command(source, (CheckError,)):
        page = make_report(amap, options, __version__)
    if target is None:
        sys.stdout.write(page)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, page.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or error
        click.echo(f"error: {visible_line(f'cannot write {target}: {reason}')}", err=True)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
    click.echo(f"wrote {visible_line(str(target))}", err=True)
