"""`argmap render`: draw maps as SVG, PNG, PDF, DOT or Graphviz JSON, written atomically."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from logging import INFO, getLogger
from pathlib import Path
from typing import Any

import click

from argmap.cli.common import (
    EXIT_MAP_ERRORS,
    STDIN,
    check_config_or_exit,
    errors_end_the_command,
    input_files,
    load_map_or_exit,
    refuse_overwriting,
    semantics_option,
    stdin_filename_option,
    timeout_option,
)
from argmap.fileio import describe_os_error, file_identity, make_parent, write_atomic
from argmap.log import timed
from argmap.manifest import write_owned
from argmap.model import ArgumentMap
from argmap.render.engines import ENGINE_CHOICES
from argmap.render.fit import DEFAULT_MIN_FONT, parse_page
from argmap.render.formats import FIGURES, SUFFIXES
from argmap.render.png import DEFAULT_DPI, MAX_DPI, MIN_DPI
from argmap.render.render import FORMATS, RenderOptions, render_figure
from argmap.render.session import DrawSession
from argmap.render.style import DIRECTIONS
from argmap.render.themes import THEMES
from argmap.render.view import ViewError, ViewSpec
from argmap.visible import visible, visible_line

logger = getLogger(__name__)

class AnyCaseChoice(click.Choice):  # type: ignore[type-arg]
    """Upper-case choices taken in any case, and shown (help, errors) as they are written:
    click's case_sensitive=False shows them in lower case, unlike the README."""

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Any:
        if isinstance(value, str) and value.upper() in self.choices:
            return value.upper()
        return super().convert(value, param, ctx)


class PageType(click.ParamType):  # type: ignore[type-arg]
    """A page box, as (width, height) in pt (see argmap.render.fit.parse_page)."""

    name = "page"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[float, float | None]:
        if isinstance(value, tuple):
            return value
        try:
            return parse_page(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


PAGE = PageType()

LEGENDS = ("below", "none")


class LegendOption(click.Option):
    """`--legend [below|none]`, and the older `--no-legend` for `--legend none` (a parser
    alias rather than an option of its own: one setting, shown once in --help)."""

    def add_to_parser(self, parser: Any, ctx: click.Context) -> None:
        super().add_to_parser(parser, ctx)
        parser.add_option(obj=self, opts=["--no-legend"], dest=self.name,
                          action="store_const", const="none")


EPILOG = """Examples:

\b
  argmap render lane.argmap                              # lane.svg, beside the map
  argmap render maps/russia-china.argmap -o out/map.png
  argmap render maps/*.argmap -o out/ -f pdf
  argmap render maps/russia-china.argmap --focus breakup --depth 1 -o - > focus.svg
  argmap render maps/russia-china.argmap --evaluate --findings -o out/review.svg
  argmap render maps/russia-china.argmap --evaluate --cruxes -o out/cruxes.svg
  argmap render maps/tutorial.argmap --fit a4 -o out/figure.svg  # readable at A4's text width
  argmap render maps/russia-china.argmap --fit a4 --split -o out/figures/
"""


@click.command(epilog=EPILOG)
@click.argument("maps", metavar="MAP...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("-o", "--output", metavar="OUT",
              help="Output file (`-` for standard output); a folder with several maps. "
              "Default: beside each map, with the format's suffix.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="svg, png, pdf, dot (the DOT argmap writes) or json (Graphviz's JSON of "
              "the laid-out graph). Default: from OUT's suffix, else svg.")
@click.option("--direction", type=AnyCaseChoice(DIRECTIONS),
              help="Where arrows point: BT (the default) puts conclusions on top; any case.")
@click.option("--wrap", type=click.IntRange(8, 200), default=30, show_default=True, metavar="N",
              help="Wrap statement text at this many characters.")
@click.option("--focus", metavar="ID", help="Draw only this statement's neighbourhood.")
@click.option("--depth", type=click.IntRange(0), metavar="N",
              help="With --focus: how many relations away to go (default 2).")
@click.option("--section", metavar="NAME", help="Draw only the statements of this section.")
@click.option("--tag", metavar="NAME", help="Draw only the statements with this tag.")
@click.option("--evaluate", is_flag=True,
              help="Fill statements by acceptability label (IN, OUT, UNDEC); claims and "
              "conclusions say their verdict (accepted, contested, defeated, ...).")
@click.option("--findings", is_flag=True,
              help="Outline statements that `argmap check` reports on; messages as tooltips.")
@click.option("--cruxes", is_flag=True,
              help="Draw with a double border the cruxes of the accepted conclusions: the "
              "premises and assumptions whose removal would change a verdict (see `argmap "
              "analyze`); the tooltip names the conclusions.")
@semantics_option
@click.option("--quotes", is_flag=True, help="Show each statement's quotes under its text.")
@click.option("--theme", type=click.Choice(list(THEMES)), default="default", show_default=True,
              help="Colours: print is black and white, dark is for dark slides.")
@click.option("--legend", type=click.Choice(LEGENDS), default="below", show_default=True,
              is_flag=False, flag_value="below", cls=LegendOption,
              help="below: a key to the kinds, lines, tag colours and labels the figure uses, "
              "in one or two rows under it (kept by --fit, and counted in its page); none: "
              "no legend (--no-legend says the same).")
@click.option("--fit", "fit", type=PAGE, metavar="PAGE",
              help="Print inside PAGE with text of --min-font or more: a page's text "
              "block (a4 16 x 24.7 cm, letter 6.5 x 9 in, a5, slide), a box WxH (16x20cm, "
              "400x500pt), or a width alone (16cm, 6.5in, 453pt, 120mm: no height limit); "
              "exit 1 when it cannot.")
@click.option("--min-font", type=click.FloatRange(min=1), default=DEFAULT_MIN_FONT,
              show_default=True, metavar="PT",
              help="With --fit: the smallest statement text allowed, in pt (the drawing "
              "with the largest text is kept).")
@click.option("--split", is_flag=True,
              help="With --fit: cut a map too big for one figure into figures that each fit "
              "(by section, else by branch), with an overview, into the folder -o DIR/ "
              "(default: a folder named after the map), listed in DIR/index.md.")
@click.option("--watch", is_flag=True,
              help="Keep running: draw again whenever a map, an included file or its "
              "document changes (Ctrl-C stops).")
@click.option("--dpi", type=click.IntRange(MIN_DPI, MAX_DPI), default=DEFAULT_DPI,
              show_default=True, metavar="N",
              help="PNG: pixels to the inch, written into the file so that Word and LaTeX "
              "place it at its printed size.")
@click.option("--engine", type=click.Choice(ENGINE_CHOICES), default="auto", show_default=True,
              help="auto: the system Graphviz if `dot` is installed, else the embedded one.")
@stdin_filename_option
@timeout_option("raise --timeout, or draw less with --focus, --section or --tag", watch=True)
def render(
    maps: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    direction: str | None,
    wrap: int,
    focus: str | None,
    depth: int | None,
    section: str | None,
    tag: str | None,
    evaluate: bool,
    findings: bool,
    cruxes: bool,
    semantics: str | None,
    quotes: bool,
    theme: str,
    legend: str,
    fit: tuple[float, float | None] | None,
    min_font: float,
    split: bool,
    watch: bool,
    dpi: int,
    engine: str,
    timeout: float,
    stdin_filename: str | None,
) -> None:
    """Draw each MAP as a diagram (SVG by default), beside the map or at OUT (- reads the
    map from standard input and draws it to standard output unless -o says otherwise).

    Exits with 1 when a map has errors (nothing is written) or the layout fails, and
    with 2 for usage errors (such as an unknown --focus statement).
    """
    if depth is not None and focus is None:
        raise click.UsageError("--depth needs --focus")
    given = click.get_current_context().get_parameter_source("min_font")
    if fit is None and given == click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("--min-font needs --fit PAGE (the box text is measured in)")
    if STDIN in maps:
        if len(maps) > 1:
            raise click.UsageError("- reads one map from standard input: give it alone")
        if watch:
            raise click.UsageError("--watch redraws files as they change: name the map's file")
        if split and output is None:
            raise click.UsageError("--split of standard input needs -o DIR (the folder)")
        output = output or STDIN
    fmt = fmt or _format_from(output)
    options = RenderOptions(
        fmt=fmt,
        direction=direction.upper() if direction else None,
        wrap=wrap,
        view=ViewSpec(focus=focus, depth=depth, section=section, tag=tag),
        evaluate=evaluate,
        findings=findings,
        cruxes=cruxes,
        semantics=semantics,
        quotes=quotes,
        theme=theme,
        engine=engine,
        timeout=timeout,
        legend=legend != "none",
        fit=fit[0] if fit else None,
        fit_height=fit[1] if fit else None,
        min_font=min_font,
        dpi=dpi,
    )
    if watch:
        if output == "-":
            raise click.UsageError("--watch writes files: give -o OUT, not -o -")
        what = output or ("the drawings" if len(maps) > 1 else str(Path(maps[0]).with_suffix(
            "" if split else "." + fmt)))
        from argmap.cli.watching import watch_maps  # rich, watchfiles: for --watch only

        watch_maps([Path(name) for name in maps],
                   lambda: _draw(maps, output, fmt, options, split), what)
        return
    _draw(maps, output, fmt, options, split, stdin_filename)


def _draw(
    maps: tuple[str, ...], output: str | None, fmt: str, options: RenderOptions, split: bool,
    stdin_filename: str | None = None,
) -> None:
    if split:
        _split(maps, output, options, stdin_filename)
        return
    targets = _targets([Path(name) for name in maps], output, fmt)
    # Load every map before drawing any: a drawing must not replace a file that any of
    # them is built from (a map, an include, a document), and that is known only now.
    status = 0
    loaded: list[tuple[Path, Path | None, ArgumentMap]] = []
    for source, target in targets:
        try:
            loaded.append((source, target,
                           load_map_or_exit(source, stdin_filename=stdin_filename)))
        except click.exceptions.Exit as stop:
            status = max(status, stop.exit_code)
    inputs = input_files([source for source, _ in targets], [amap for _, _, amap in loaded])
    refuse_overwriting([target for _, target in targets], inputs, "a drawing")
    session = DrawSession()
    for source, target, amap in loaded:
        # One map's failure does not stop the others; the worst status is the exit status.
        try:
            config = with_check_config(_place(source, stdin_filename), options)
            _render_one(source, target, amap, config, session)
        except click.exceptions.Exit as stop:
            status = max(status, stop.exit_code)
    logger.info("%s", session.describe(len(loaded)))
    if status:
        raise click.exceptions.Exit(status)


def _split(
    maps: tuple[str, ...], output: str | None, options: RenderOptions,
    stdin_filename: str | None = None,
) -> None:
    """`--split`: the map's figures and index.md into a folder, each file written atomically
    once all of them are drawn; a statement too big to draw alone is named, exit 1, and
    every other figure is still written."""
    if options.fit is None:
        raise click.UsageError("--split needs --fit PAGE (the box each figure must fit)")
    if len(maps) != 1:
        raise click.UsageError("--split draws one map into a folder; give one MAP")
    if options.fmt not in FIGURES:
        choices = ", ".join(FIGURES[:-1]) + " or " + FIGURES[-1]
        raise click.UsageError(f"--split draws figures: choose -f {choices}")
    source = Path(maps[0])
    if output == "-" or (output is not None and Path(output).suffix.lower() in SUFFIXES):
        raise click.UsageError(f"--split writes several files: -o names a folder, not `{output}`")
    folder = Path(output) if output is not None else source.with_suffix("")
    if folder.exists() and not folder.is_dir():
        raise click.UsageError(visible_line(f"-o `{folder}` must be a folder, but it is a file"))
    from argmap.render.split import index_markdown, split_figures  # for --split only

    amap = load_map_or_exit(source, stdin_filename=stdin_filename)
    session = DrawSession()
    with errors_end_the_command(source, (ViewError,)), timed(logger, f"draw {source}", INFO):
        config = with_check_config(_place(source, stdin_filename), options)
        done_split = split_figures(amap, config, session)
    figures = done_split.figures
    logger.info("%s", session.describe(len(figures)))
    title = amap.title or source.stem
    files = {figure.name: figure.figure.data for figure in figures}
    files["index.md"] = index_markdown(title, figures, done_split.no_overview).encode("utf-8")
    sizes = {figure.name: figure.figure.size for figure in figures}
    refuse_overwriting([folder / name for name in files], input_files([source], [amap]),
                       "a drawing")
    owner = os.path.relpath(os.path.abspath(source), os.path.abspath(folder))
    try:
        done = write_owned(folder, owner.replace(os.sep, "/"), files)
    except OSError as error:
        where = error.filename or folder
        reason = describe_os_error(error)
        click.echo(f"error: {visible_line(f'cannot write {where}: {reason}')}", err=True)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
    for path in done.written:
        size = sizes.get(path.name)
        described = f" ({size.describe()})" if size is not None else ""
        click.echo(f"wrote {visible_line(str(path))}{described}", err=True)
    for path in done.deleted:
        click.echo(f"deleted {visible_line(str(path))} (this map no longer has it)", err=True)
    if done_split.no_overview:
        click.echo(f"note: {visible_line(done_split.no_overview)}", err=True)
    for refusal in done_split.refused:
        click.echo(f"error: {visible_line(f'{source}: {refusal.message}')}", err=True)
    if done_split.refused:
        raise click.exceptions.Exit(EXIT_MAP_ERRORS)


def _format_from(output: str | None) -> str:
    if output is None or output == "-":
        return "svg"
    suffix = Path(output).suffix.lower()
    if not suffix:
        return "svg"  # a folder
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise click.UsageError(f"cannot tell the format from `{output}` ({known}); add -f")
    return SUFFIXES[suffix]


def _targets(maps: list[Path], output: str | None, fmt: str) -> list[tuple[Path, Path | None]]:
    """Each map with where its drawing goes (None: standard output); a map named twice is
    drawn once, and two maps whose drawings would land on one file are a usage error."""
    suffix = "." + fmt
    several = len(maps) > 1
    maps = _distinct(maps)
    if output == "-":
        if several:
            raise click.UsageError("-o - writes one map to standard output; give one MAP")
        return [(maps[0], None)]
    if output is None:
        pairs = [(path, path.with_suffix(suffix)) for path in maps]
    elif several or Path(output).is_dir() or output.endswith(("/", os.sep)):
        folder = Path(output)
        if folder.exists() and not folder.is_dir():
            raise click.UsageError(f"-o `{output}` must be a folder (for several maps), "
                                   "but it is a file")
        pairs = [(path, folder / (path.stem + suffix)) for path in maps]
    else:
        pairs = [(maps[0], Path(output))]
    _refuse_collisions(pairs)
    return [(source, target) for source, target in pairs]


def _distinct(maps: list[Path]) -> list[Path]:
    """The maps without repeats of one file (however it is spelled), in the order given."""
    seen: set[tuple[int, int] | Path] = set()
    distinct = []
    for path in maps:
        key = file_identity(path) or path.resolve()
        if key not in seen:
            seen.add(key)
            distinct.append(path)
    return distinct


def _refuse_collisions(pairs: list[tuple[Path, Path]]) -> None:
    first: dict[tuple[int, int] | str, Path] = {}
    for source, target in pairs:
        key = file_identity(target) or os.path.realpath(target)
        if key in first:
            message = (
                f"`{first[key]}` and `{source}` would both be drawn to `{target}`; "
                "render them one at a time with -o naming each file, or rename one map"
            )
            raise click.UsageError(visible_line(message))
        first[key] = source


def _place(source: Path, stdin_filename: str | None) -> Path:
    """Where the map `source` is, for its pyproject.toml: for `-`, --stdin-filename's path
    (or the working folder)."""
    if str(source) != STDIN:
        return source
    return Path(stdin_filename) if stdin_filename else Path.cwd()


def with_check_config(source: Path, options: RenderOptions) -> RenderOptions:
    """`--findings` reports what `argmap check` reports for the map: the rules and severities
    of its `[tool.argmap.check]` (a broken one is a usage error, as for check); `--evaluate`
    and `--cruxes` take its `semantics`."""
    if not (options.findings or options.evaluate or options.cruxes):
        return options
    return replace(options, checks=check_config_or_exit(source))


def _render_one(
    source: Path, target: Path | None, amap: ArgumentMap, options: RenderOptions,
    session: DrawSession,
) -> None:
    with errors_end_the_command(source, (ViewError,)), timed(logger, f"draw {source}", INFO):
        figure = render_figure(amap, options, session)
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(figure.data)
        sys.stdout.buffer.flush()
        return
    try:
        with timed(logger, f"write {target}", INFO):
            make_parent(target)
            write_atomic(target, figure.data)
    except OSError as error:
        reason = describe_os_error(error)
        click.echo(f"error: {visible(f'cannot write {target}: {reason}')}", err=True)
        raise click.exceptions.Exit(EXIT_MAP_ERRORS) from None
    size = f" ({figure.size.describe()})" if figure.size is not None else ""
    click.echo(f"wrote {visible_line(str(target))}{size}", err=True)
