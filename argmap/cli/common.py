"""Helpers every command shares: loading a map, or printing its errors and exiting."""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TextIO, TypeVar

import click

from argmap.cli.deadline import deadline
from argmap.cli.quick_exit import keep_until_exit
from argmap.errors import ArgmapError, CheckError, MapFileError, ParseError
from argmap.fileio import MAP_SIZE_LIMIT, MIB, file_identity
from argmap.language.loader import MAP_FILES, STDIN_NAME, load_file, load_stream
from argmap.log import timed
from argmap.model import ArgumentMap
from argmap.visible import visible, visible_line

if TYPE_CHECKING:
    from argmap.config import CheckConfig
    from argmap.settings import Settings

logger = logging.getLogger(__name__)
EXIT_MAP_ERRORS = 1
EXIT_USAGE = 2
MAX_TIMEOUT = 86400.0
"""The longest --timeout (a day): beyond it, waits overflow what the system can time."""


class Seconds(click.ParamType):  # type: ignore[type-arg]
    """A duration in seconds: a finite number above 0 and at most `maximum` (not `inf`,
    `nan` or `1e308`, which the timers of threads and processes cannot take)."""

    name = "seconds"

    def __init__(self, maximum: float = MAX_TIMEOUT) -> None:
        self.maximum = maximum

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and 0 < number <= self.maximum):
            self.fail(
                f"`{value}` is not a number of seconds above 0 and at most {self.maximum:g}",
                param,
                ctx,
            )
        return number


TIMEOUT_HELP = (
    "Stop the whole command (loading, every layout, writing) once it has run this long, "
    "in seconds"
)
RUN_DEADLINE = "argmap.run_deadline"
"""ctx.meta's key for --watch: what bounds each run (the whole command runs for ever)."""
_Command = TypeVar("_Command", bound=Callable[..., Any])


def timeout_option(hint: str, *, watch: bool = False) -> Callable[[_Command], _Command]:
    """The `--timeout SECONDS` option, a deadline for the whole command (see `deadline`); the
    command's callback runs within it, or, given --watch (`watch`: the command has it),
    leaves it to each run. `hint` ends the message that says it stopped (what to do)."""

    def decorate(command: _Command) -> _Command:
        @functools.wraps(command)
        def bounded(*args: Any, **params: Any) -> Any:
            run_deadline = functools.partial(deadline, params["timeout"], hint)
            if params.get("watch"):
                click.get_current_context().meta[RUN_DEADLINE] = run_deadline
                return command(*args, **params)
            with run_deadline():
                return command(*args, **params)

        option = click.option("--timeout", type=Seconds(), default=60.0, metavar="SECONDS",
                              show_default=True,
                              help=TIMEOUT_HELP + ("; with --watch, each run." if watch else "."))
        return option(bounded)  # type: ignore[return-value]  # wraps keeps the signature

    return decorate


def check_config_or_exit(source: Path) -> CheckConfig:
    """The `[tool.argmap.check]` that applies to the map at `source`; a broken one (invalid
    TOML, an unknown key or rule) is printed and ends the command as a usage error."""
    from argmap.config import load_check_config  # the rules' registry: only when needed

    try:
        return load_check_config(source)
    except CheckError as error:
        click.echo(f"error: {visible_line(str(error))}", err=True)
        raise click.exceptions.Exit(EXIT_USAGE) from None


_warned: set[Path] = set()
"""The pyproject.toml files whose warnings this run has printed."""


def settings_or_warn(start: Path) -> Settings:
    """The [tool.argmap] settings that apply at `start`, their file's warnings (unknown
    tables and keys) printed to stderr the first time it is read; a broken one (invalid
    TOML, a value of the wrong type) is printed and ends the command as a usage error."""
    from argmap.settings import load_settings

    try:
        settings = load_settings(start)
    except CheckError as error:
        click.echo(f"error: {visible_line(str(error))}", err=True)
        raise click.exceptions.Exit(EXIT_USAGE) from None
    if settings.path is not None and settings.path not in _warned:
        _warned.add(settings.path)
        for warning in settings.warnings:
            click.echo(visible_line(warning), err=True)
    return settings


def warn_about_settings(pyproject: Path) -> None:
    """Print the warnings of `pyproject` (see settings_or_warn), unless printed already."""
    if pyproject not in _warned:
        settings_or_warn(pyproject)


def rule_list(values: Sequence[str], option: str) -> tuple[str, ...] | None:
    """Repeated --select/--ignore options and comma-separated lists, flattened; None when
    not given. A usage error when given but naming nothing (`--select ''`, `--select ,`),
    which would otherwise quietly run (or ignore) no rule."""
    if not values:
        return None
    names = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    if not names:
        raise click.UsageError(
            f"{option} names no rule; give rule codes, names or code prefixes, comma-separated "
            "(`argmap rules` lists them)"
        )
    return names


def use_colour(stream: TextIO | None, environ: Mapping[str, str] = os.environ) -> bool:
    """Colour (and bold) only on a terminal that can show it: never when NO_COLOR is set to
    anything (no-color.org), nor when TERM is `dumb`; FORCE_COLOR asks for it anyway."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return stream is not None and stream.isatty() and environ.get("TERM") != "dumb"


def colour_system(stream: TextIO | None) -> Literal["auto"] | None:
    """rich's `color_system` for output to `stream`: None prints no styles at all (rich's
    own NO_COLOR handling drops colours but keeps bold)."""
    return "auto" if use_colour(stream) else None


STDIN = "-"
"""The map argument that means standard input."""
STDIN_FILENAME_HELP = (
    "With - as the map: the path the map read from standard input stands for, named in "
    "messages and anchoring @include and @document (default: <stdin>, in the working folder)."
)


SEMANTICS_CHOICES = ("well-founded", "kripke-kleene")
"""`argmap.analysis.labels.SEMANTICS_NAMES`, here so that every command's options are
known without importing the analyses (a test holds the two equal)."""


def semantics_option(command: _Command) -> _Command:
    """The `--semantics` option of a command that labels the map (check, render, analyze,
    diff): None when not given, for `semantics_for` or the check configuration to decide."""
    option = click.option(
        "--semantics", type=click.Choice(SEMANTICS_CHOICES), default=None,
        help="How support that only runs in a circle counts: well-founded (as no support; "
        "the default) or kripke-kleene (as undecided); else `semantics` in the map's "
        "[tool.argmap.check].",
    )
    return option(command)


def semantics_for(option: str | None, near: Path) -> str:
    """The semantics a command uses for the map at `near`: `--semantics`, else the
    `[tool.argmap.check]` that applies there, else well-founded."""
    return option or check_config_or_exit(near).semantics or SEMANTICS_CHOICES[0]


def stdin_filename_option(command: _Command) -> _Command:
    """The `--stdin-filename PATH` option of a command that reads `-` as standard input."""
    option = click.option("--stdin-filename", metavar="PATH", help=STDIN_FILENAME_HELP)
    return option(command)


def read_stdin(display: str = STDIN_NAME, stream: BinaryIO | None = None) -> bytes:
    """The bytes of a map on standard input (or `stream`), `display` naming it in the
    MapFileError raised when it cannot be read or holds more than a map may."""
    source = stream if stream is not None else sys.stdin.buffer
    try:
        data = source.read(MAP_SIZE_LIMIT + 1)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise MapFileError(f"cannot read {display} from standard input: {reason}",
                           display) from None
    if len(data) > MAP_SIZE_LIMIT:
        raise MapFileError(
            f"{display} (standard input): more than {MAP_SIZE_LIMIT // MIB} MiB; argmap reads "
            f"{MAP_FILES} of at most {MAP_SIZE_LIMIT // MIB} MiB", display)
    return bytes(data)


def read_stdin_map(
    stdin_filename: str | None = None, *, syntax: bool = True, stream: BinaryIO | None = None
) -> ArgumentMap:
    """The map on standard input (or `stream`), named and anchored by `stdin_filename`
    (see loader.load_stream); ParseError on errors, MapFileError when it cannot be read."""
    data = read_stdin(stdin_filename or STDIN_NAME, stream)
    return load_stream(data, stdin_filename, syntax=syntax)


def load_or_report(path: str, stdin_filename: str | None) -> ArgumentMap | None:
    """The map at `path` (`-`: standard input, named by `stdin_filename`), or None once
    what is wrong with it is printed: parse errors as `argmap check` reports them (codes,
    carets), a file that cannot be read in one line. For commands that read several maps
    and go on (`analyze`) or end with a status of their own (`diff`)."""
    try:
        if path == STDIN:
            return read_stdin_map(stdin_filename, syntax=False)
        return load_file(path, syntax=False)
    except ParseError as error:
        from argmap.check_output.text import format_parse_errors

        colour = use_colour(sys.stderr)
        click.echo(format_parse_errors(error.errors, color=colour), err=True, nl=False,
                   color=colour)
    except ArgmapError as error:  # a MapFileError: missing, unreadable, too large
        click.echo(f"error: {visible_line(str(error))}", err=True)
    return None


def load_map_or_exit(
    path: str | os.PathLike[str], *, syntax: bool = True, stdin_filename: str | None = None
) -> ArgumentMap:
    """Load the map at `path` (`-`: standard input, named by `stdin_filename`); on errors
    print them all to stderr and exit 1 (2: unreadable).

    `syntax=False` leaves out the syntax trees, for commands that never write the map back.
    """
    try:
        with timed(logger, f"load {path}", logging.INFO):
            if os.fspath(path) == STDIN:
                amap = read_stdin_map(stdin_filename, syntax=syntax)
            else:
                amap = load_file(path, syntax=syntax)
    except ParseError as error:
        _tell_listeners(path, error)
        # The same report as `argmap check` gives for this map (codes, carets, summary);
        # imported here, so that commands that load maps without failing never load rich.
        from argmap.check_output.text import format_parse_errors

        colour = use_colour(sys.stderr)
        click.echo(format_parse_errors(error.errors, color=colour), err=True, nl=False,
                   color=colour)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
    except MapFileError as error:
        _tell_listeners(path, error)
        click.echo(f"error: {visible_line(error.message)}", err=True)
        raise click.exceptions.Exit(EXIT_USAGE) from None
    _tell_listeners(path, amap)
    keep_until_exit(amap)
    return amap


LoadListener = Callable[[Path, "ArgumentMap | ParseError | MapFileError"], None]
_listeners: list[LoadListener] = []


@contextlib.contextmanager
def listening_to_loads(listener: LoadListener) -> Iterator[None]:
    """While inside, `listener` hears of each map that load_map_or_exit loads (its path and
    the map) or fails to load (the error): --watch learns from it which files to watch,
    without reading the maps a second time."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def _tell_listeners(
    path: str | os.PathLike[str], outcome: ArgumentMap | ParseError | MapFileError
) -> None:
    for listener in _listeners:
        listener(Path(path), outcome)


def input_files(
    sources: Iterable[Path], amaps: Iterable[ArgumentMap]
) -> dict[tuple[int, int], str]:
    """Every file the maps were built from, by (device, inode), with words naming it: the
    maps given, each one's includes and its @document. A command that writes must not
    replace any of them, however the path to it is spelled."""
    inputs: dict[tuple[int, int], str] = {}
    for source in sources:
        identity = file_identity(source)
        if identity is not None:
            inputs[identity] = f"the map `{source}`"
    for amap in amaps:
        top = next(iter(amap.files), "the map")
        for display, path in zip(amap.files, amap.source_paths, strict=False):
            identity = file_identity(path)
            if identity is not None:
                inputs.setdefault(identity, f"`{display}`, which `{top}` includes,")
        if amap.document is not None:
            identity = file_identity(amap.document)
            if identity is not None:
                inputs.setdefault(identity, f"`{amap.document}`, the @document of `{top}`,")
    return inputs


def refuse_overwriting(
    targets: Iterable[Path | None], inputs: dict[tuple[int, int], str], what: str
) -> None:
    """A usage error when one of `targets` is one of the `inputs` (see input_files)."""
    for target in targets:
        identity = file_identity(target) if target is not None else None
        if identity is not None and identity in inputs:
            raise click.UsageError(
                visible_line(f"refusing to overwrite {inputs[identity]} with {what} "
                             f"(-o `{target}`)")
            )


@contextlib.contextmanager
def errors_end_the_command(
    source: Path, usage_errors: tuple[type[ArgmapError], ...] = ()
) -> Iterator[None]:
    """An ArgmapError inside prints one located line and exits: 2 for `usage_errors` (a bad
    selection, a broken configuration), 1 for any other (the map could not be drawn)."""
    try:
        yield
    except usage_errors as error:
        click.echo(f"error: {visible(f'{source}: {error}')}", err=True)
        raise click.exceptions.Exit(EXIT_USAGE) from None
    except ArgmapError as error:
        click.echo(f"error: {visible(f'{source}: {error}')}", err=True)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
