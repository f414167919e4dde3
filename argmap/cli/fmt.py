"""`argmap fmt`: rewrite map files in the canonical layout, or check or show what would change."""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import click

from argmap.check_output.snippet import format_diagnostic
from argmap.cli.check import find_maps
from argmap.cli.common import (
    EXIT_MAP_ERRORS,
    EXIT_USAGE,
    STDIN,
    read_stdin,
    stdin_filename_option,
)
from argmap.errors import MapFileError, ParseError
from argmap.fileio import (
    ChangedSinceRead,
    describe_os_error,
    file_identity,
    replace_if_unchanged,
)
from argmap.language.format import format_text
from argmap.language.loader import BOM, STDIN_NAME, decode, read_map_file
from argmap.suggest import plural
from argmap.visible import visible, visible_line

EPILOG = """Examples:

\b
  argmap fmt my-maps/                   # rewrite every map under my-maps/
  argmap fmt --check maps/              # exit 1 when a file is not formatted (CI)
  argmap fmt --diff maps/tutorial.argmap
  argmap fmt - --stdin-filename maps/x.argmap < x.argmap   # to stdout (editors)
"""


@click.command(epilog=EPILOG)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path, allow_dash=True))
@click.option("--check", is_flag=True,
              help="Change nothing; exit 1 when a file is not formatted, naming it.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Change nothing; print what would change as a unified diff.")
@stdin_filename_option
def fmt(
    paths: tuple[Path, ...], check: bool, show_diff: bool, stdin_filename: str | None
) -> None:
    """Rewrite maps (files, or folders searched for *.argmap) in the canonical layout.

    Directives first, then each section with its statements and then its relations;
    comments stay with the line below them. A file with syntax errors is reported and left
    as it is. Each file is formatted on its own: includes are not followed. A folder's
    links to files outside it are skipped (named, they are formatted). `-` formats the map
    on standard input to standard output.
    """
    if Path(STDIN) in paths:
        if len(paths) > 1:
            raise click.UsageError("- reads one map from standard input: give it alone")
        _format_stdin(stdin_filename or STDIN_NAME, check, show_diff)
        return
    maps, skipped = maps_to_format(paths)
    for note in skipped:
        click.echo(visible_line(note), err=True)
    if not maps and not any(path.is_dir() for path in paths):
        click.echo("0 files formatted: every file named is excluded (force-exclude)", err=True)
        return
    if not maps:
        # As `argmap check` does: `fmt --check` in CI on a misspelt folder must not pass.
        where = ", ".join(visible_line(str(path)) for path in paths)
        click.echo(f"argmap fmt: error: no .argmap files in {where}", err=True)
        raise click.exceptions.Exit(EXIT_USAGE)
    outcomes = Counter(_format_one(path, check, show_diff) for path in maps)
    verb = "would be reformatted" if check or show_diff else "formatted"
    summary = [
        (CHANGED, verb),
        (UNCHANGED, "already formatted"),
        (BROKEN, "with errors left as they are"),
        (NOT_WRITTEN, "not written"),
    ]
    parts = [f"{plural(outcomes[key], 'file')} {words}" for key, words in summary if outcomes[key]]
    click.echo(", ".join(parts), err=True)
    if outcomes[BROKEN] or outcomes[NOT_WRITTEN] or (outcomes[CHANGED] and check):
        raise click.exceptions.Exit(EXIT_MAP_ERRORS)


CHANGED, UNCHANGED, BROKEN, NOT_WRITTEN = "changed", "unchanged", "broken", "not written"


def maps_to_format(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """The maps to format, each file once however it is reached, and a note for each link a
    folder search skipped: one that leads out of the folder given, whose file `fmt DIR`
    would otherwise rewrite although it is not under DIR."""
    maps: dict[tuple[int, int] | Path, Path] = {}
    skipped: list[str] = []
    for given in paths:
        folder = Path(os.path.realpath(given)) if given.is_dir() else None
        for path, _ in find_maps([given]):
            if folder is not None and _leads_out(path, folder):
                skipped.append(f"skipped {path}: a link to a file outside {given} "
                               "(name it to format it)")
                continue
            key = file_identity(path) or path
            # A file and a link to it are formatted once, under the file's own name.
            if key not in maps or (maps[key].is_symlink() and not path.is_symlink()):
                maps[key] = path
    return list(maps.values()), skipped


def _leads_out(path: Path, folder: Path) -> bool:
    """Whether `path`, found below the real folder `folder`, is a link to a file outside it
    (os.walk enters no linked folder, so only the file itself can be a link)."""
    return path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(folder)


def _format_one(path: Path, check: bool, show_diff: bool) -> str:
    """Format one file (or show or report what would change); what became of it."""
    name = visible_line(str(path))
    try:
        data, stamp = read_map_file(path)
        text, bad_byte = decode(data, str(path))
        if bad_byte is not None:
            raise ParseError([bad_byte])
        formatted = format_text(text, str(path))
    except ParseError as error:
        for diagnostic in error.errors:
            click.echo(format_diagnostic(diagnostic), err=True)
        click.echo(f"{name}: not formatted: fix the errors above first", err=True)
        return BROKEN
    except MapFileError as error:
        click.echo(f"error: {visible_line(error.message)}", err=True)
        return BROKEN
    if formatted == text:
        return UNCHANGED
    if show_diff:
        sys.stdout.writelines(_visible_lines(difflib.unified_diff(
            _lines(text), _lines(formatted), f"{path} (as it is)", f"{path} (formatted)",
        )))
        return CHANGED
    if check:
        click.echo(f"{name}: would be reformatted", err=True)
        return CHANGED
    bom = BOM if data.startswith(BOM.encode()) else ""
    try:
        # Formatting a large map takes seconds: an edit saved meanwhile must not be lost.
        replace_if_unchanged(stamp, (bom + formatted).encode("utf-8"))
    except ChangedSinceRead as error:
        click.echo(f"error: {visible_line(f'{path}: not formatted: {error.strerror}')}",
                   err=True)
        return NOT_WRITTEN
    except OSError as error:  # a full disk, a read-only folder: the file is as it was
        reason = describe_os_error(error)
        click.echo(f"error: {visible_line(f'cannot write {path}: {reason}')}", err=True)
        return NOT_WRITTEN
    click.echo(f"formatted {name}", err=True)
    return CHANGED


def _format_stdin(display: str, check: bool, show_diff: bool) -> None:
    """`fmt -`: the map on standard input, formatted, to standard output (as editors format
    on save); with --check only the exit status and a line, with --diff the diff. A map
    with errors writes nothing to standard output and exits 1."""
    try:
        data = read_stdin(display)
        text, bad_byte = decode(data, display)
        if bad_byte is not None:
            raise ParseError([bad_byte])
        formatted = format_text(text, display)
    except ParseError as error:
        for diagnostic in error.errors:
            click.echo(format_diagnostic(diagnostic), err=True)
        click.echo(f"{visible_line(display)}: not formatted: fix the errors above first",
                   err=True)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
    except MapFileError as error:
        click.echo(f"error: {visible_line(error.message)}", err=True)
        raise click.exceptions.Exit(EXIT_USAGE) from None
    if show_diff:
        sys.stdout.writelines(_visible_lines(difflib.unified_diff(
            _lines(text), _lines(formatted), f"{display} (as it is)", f"{display} (formatted)",
        )))
    elif check:
        if formatted != text:
            click.echo(f"{visible_line(display)}: would be reformatted", err=True)
            raise click.exceptions.Exit(EXIT_MAP_ERRORS)
    else:
        bom = BOM if data.startswith(BOM.encode()) else ""
        sys.stdout.flush()
        sys.stdout.buffer.write((bom + formatted).encode("utf-8"))


def _lines(text: str) -> list[str]:
    """Lines with their ends, ended at LF only, as argmap counts them."""
    return _LINE.findall(text)


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def _visible_lines(lines: Iterable[str]) -> Iterator[str]:
    """Diff lines with control characters shown as escapes (`visible`), line ends kept."""
    for line in lines:
        end = "\r\n" if line.endswith("\r\n") else "\n" if line.endswith("\n") else ""
        yield visible(line.removesuffix(end)) + end
