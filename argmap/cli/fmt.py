"""`argmap fmt`: rewrite map files in the canonical layout, or check or show what would change."""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from argmap.cli.check import find_maps
from argmap.cli.common import EXIT_MAP_ERRORS, EXIT_USAGE
from argmap.errors import MapFileError, ParseError
from argmap.fileio import write_atomic
from argmap.language.format import format_text
from argmap.language.loader import read_map_text
from argmap.report.snippet import format_diagnostic
from argmap.suggest import plural
from argmap.visible import visible, visible_line

EPILOG = """Examples:

\b
  argmap fmt my-maps/                   # rewrite every map under my-maps/
  argmap fmt --check maps/              # exit 1 when a file is not formatted (CI)
  argmap fmt --diff maps/tutorial.argmap
"""


@click.command(epilog=EPILOG)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--check", is_flag=True,
              help="Change nothing; exit 1 when a file is not formatted, naming it.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Change nothing; print what would change as a unified diff.")
def fmt(paths: tuple[Path, ...], check: bool, show_diff: bool) -> None:
    """Rewrite maps (files, or folders searched for *.argmap) in the canonical layout.

    Directives first, then each section with its statements and then its relations;
    comments stay with the line below them. A file with syntax errors is reported and left
    as it is. Each file is formatted on its own: includes are not followed.
    """
    maps = find_maps(list(paths))
    if not maps:
        # As `argmap check` does: `fmt --check` in CI on a misspelt folder must not pass.
        where = ", ".join(visible_line(str(path)) for path in paths)
        click.echo(f"argmap fmt: error: no .argmap files in {where}", err=True)
        raise click.exceptions.Exit(EXIT_USAGE)
    changed = unchanged = broken = 0
    for path, _ in maps:
        name = visible_line(str(path))
        try:
            text = read_map_text(path)
            formatted = format_text(text, str(path))
        except ParseError as error:
            for diagnostic in error.errors:
                click.echo(format_diagnostic(diagnostic), err=True)
            click.echo(f"{name}: not formatted: fix the errors above first", err=True)
            broken += 1
            continue
        except MapFileError as error:
            click.echo(f"error: {visible_line(error.message)}", err=True)
            broken += 1
            continue
        if formatted == text:
            unchanged += 1
            continue
        changed += 1
        if show_diff:
            sys.stdout.writelines(_visible_lines(difflib.unified_diff(
                _lines(text), _lines(formatted), f"{path} (as it is)", f"{path} (formatted)",
            )))
        elif check:
            click.echo(f"{name}: would be reformatted", err=True)
        else:
            write_atomic(path, _with_bom(path, formatted).encode("utf-8"))
            click.echo(f"formatted {name}", err=True)
    verb = "would be reformatted" if check or show_diff else "formatted"
    parts = [f"{plural(changed, 'file')} {verb}"] if changed else []
    if unchanged:
        parts.append(f"{plural(unchanged, 'file')} already formatted")
    if broken:
        parts.append(f"{plural(broken, 'file')} with errors left as they are")
    click.echo(", ".join(parts), err=True)
    if broken or (changed and check):
        raise click.exceptions.Exit(EXIT_MAP_ERRORS)


def _with_bom(path: Path, text: str) -> str:
    """Keep a byte order mark the file had."""
    with path.open("rb") as stream:
        return "\ufeff" + text if stream.read(3) == b"\xef\xbb\xbf" else text


def _lines(text: str) -> list[str]:
    """Lines with their ends, ended at LF only, as argmap counts them."""
    return _LINE.findall(text)


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def _visible_lines(lines: Iterable[str]) -> Iterator[str]:
    """Diff lines with control characters shown as escapes (`visible`), line ends kept."""
    for line in lines:
        end = "\r\n" if line.endswith("\r\n") else "\n" if line.endswith("\n") else ""
        yield visible(line.removesuffix(end)) + end
