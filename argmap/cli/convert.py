"""`argmap convert`: read a map in one format and write it in another, saying what was lost."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from argmap.cli.common import (
    EXIT_MAP_ERRORS,
    STDIN,
    input_files,
    load_map_or_exit,
    read_stdin,
    refuse_overwriting,
    stdin_filename_option,
)
from argmap.cli.convert_document import OVA3_WRITER, plan_document, write_document
from argmap.convert import FORMATS, Format, format_of, read_map, read_map_text, write_map
from argmap.convert.losses import Losses
from argmap.convert.sources import decode
from argmap.errors import ConvertError, MapFileError
from argmap.fileio import (
    describe_os_error,
    file_identity,
    make_parent,
    remove_folders,
    write_atomic,
)
from argmap.language.loader import STDIN_NAME
from argmap.model import ArgumentMap
from argmap.visible import visible_line

EPILOG = """Formats (by suffix, or named with --from/--to):

\b
  .argmap            argmap (read and write)
  .argdown, .ad      Argdown (read and write)
  .json              AIF nodeset: plain, OVA3 or arguebuf (read), plain or
                     --aif-form ova3 (write); --to node-link for networkx JSON
  .xml               arggraph, the microtexts corpus format (read and write)
  .mmd               Mermaid flowchart (write)
  .graphml           GraphML (write)
  .dot, .gv          Graphviz DOT (write)

Examples:

\b
  argmap convert debate.json -o debate.argmap
  argmap convert maps/russia-china.argmap -o out/russia-china.mmd
"""


@click.command(epilog=EPILOG)
@click.argument("source", metavar="IN",
                type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("-o", "--output", metavar="OUT", required=True,
              help="The file to write (`-` for standard output, then name --to).")
@click.option("--from", "from_format", type=click.Choice(list(FORMATS)),
              help="IN's format, when its suffix does not say.")
@click.option("--to", "to_format", type=click.Choice(list(FORMATS)),
              help="OUT's format, when its suffix does not say.")
@click.option("--aif-form", type=click.Choice(["plain", "ova3"]),
              help="AIF output as a plain nodeset (the default) or wrapped as OVA3 saves it "
                   "(with the analysed text and a layout).")
@stdin_filename_option
def convert(
    source: str,
    output: str,
    from_format: str | None,
    to_format: str | None,
    aif_form: str | None,
    stdin_filename: str | None,
) -> None:
    """Convert a map between argmap, Argdown, AIF, arggraph, Mermaid, GraphML and DOT.

    What the target format cannot carry is listed as warnings on standard error.
    """
    losses = Losses()
    try:
        reading = _input_format(source, from_format, stdin_filename)
        writing = format_of(output, to_format, "output") if output != "-" or to_format else None
        if writing is None:
            raise ConvertError("with `-o -` name the output format with --to")
        if aif_form is not None and writing.name != "aif":
            raise click.UsageError(f"--aif-form applies to AIF output only, not {writing.name}")
        if aif_form == "ova3":
            writing = replace(writing, writer=OVA3_WRITER)
        if reading.name == "argmap":
            amap = load_map_or_exit(source, stdin_filename=stdin_filename)
        elif source == STDIN:
            display = stdin_filename or STDIN_NAME
            text = decode(read_stdin(display), display)
            amap = read_map_text(text, display, reading, losses)
        else:
            amap = read_map(source, reading, losses)
        target = None if output == "-" else Path(output)
        kept = plan_document(amap, target, writing, losses)
        text = write_map(amap, writing, losses)
    except (ConvertError, MapFileError) as error:
        click.echo(f"error: {visible_line(str(error))}", err=True)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
    refuse_overwriting([target], inputs_of(Path(source), amap), "the conversion")
    for loss in losses:
        click.echo(visible_line(loss.describe(source)), err=True)
    if target is None:
        sys.stdout.write(text)
        return
    try:
        wrote = write_document(kept, write_output)
        if wrote is not None:
            click.echo(visible_line(wrote), err=True)
        write_output(target, text.encode("utf-8"))
    except OSError as error:  # a missing or read-only folder, a full disk: one line, exit 1
        reason = describe_os_error(error)
        click.echo(f"error: {visible_line(f'cannot write {output}: {reason}')}", err=True)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
    click.echo(f"wrote {visible_line(output)} ({writing.name})", err=True)


def _input_format(source: str, from_format: str | None, stdin_filename: str | None) -> Format:
    """IN's format; `-` (standard input) is argmap text unless --from or the suffix of
    --stdin-filename says otherwise."""
    if source != STDIN:
        return format_of(source, from_format, "input")
    if from_format is None and stdin_filename is None:
        return FORMATS["argmap"]
    return format_of(stdin_filename or source, from_format, "input")


def inputs_of(source: Path, amap: ArgumentMap) -> dict[tuple[int, int], str]:
    """Every file the conversion read (see input_files): for any input format, also each
    file its reader followed an include to."""
    inputs = input_files([source], [amap])
    for path in amap.input_paths():
        identity = file_identity(path)
        if identity is not None:
            inputs.setdefault(identity, f"`{path}`, which `{source}` includes,")
    return inputs


def write_output(target: Path, data: bytes) -> None:
    """Write `data` to `target`, making its folder; a failed write leaves no folder it made."""
    created = make_parent(target)
    try:
        write_atomic(target, data)
    except BaseException:
        remove_folders(created)
        raise
