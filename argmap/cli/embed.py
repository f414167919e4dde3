"""`argmap embed`: draw the ```argmap blocks of Markdown documents and link their figures."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.check_output.snippet import format_diagnostic
from argmap.cli.common import EXIT_MAP_ERRORS, timeout_option
from argmap.embed.apply import Outcome, apply, out_of_date
from argmap.embed.document import EmbedError, EmbedOptions, PageBox, Plan, plan_document
from argmap.fileio import ChangedSinceRead, describe_os_error
from argmap.manifest import ManifestError
from argmap.render.engines import ENGINE_CHOICES
from argmap.render.fit import DEFAULT_MIN_FONT, parse_page
from argmap.suggest import plural
from argmap.visible import visible_line

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".qmd", ".rmd")
"""Names of Markdown documents (Quarto and R Markdown are Markdown too)."""


class FitPage(click.ParamType):  # type: ignore[type-arg]
    """A page box as (width, height) pt, a single width (no height limit), or `none`
    (None): figures at their natural size."""

    name = "page"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> PageBox | None:
        if value is None or isinstance(value, tuple):
            return value
        if str(value).strip().lower() == "none":
            return None
        try:
            return parse_page(str(value))
        except ValueError as error:
            self.fail(f"{error}, or none", param, ctx)


FIT = FitPage()

EPILOG = """Examples:

\b
  argmap embed notes.md                  # figures in notes-argmap/, links after each block
  argmap embed notes/*.md --hide-source  # each block's source collapsed above its figure
  argmap embed report.md --check         # exit 1 when a figure or link is out of date (CI)
"""


@click.command(epilog=EPILOG)
@click.argument("documents", metavar="DOC.md...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--out-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Where the figures go (inside the document's folder). "
              "Default: NAME-argmap/ beside each document.")
@click.option("--fit", "fit", type=FIT, default="a4", show_default=True, metavar="PAGE",
              help="Draw each figure to print inside PAGE with readable text: a page's text "
              "block (a4, letter, a5, slide), WxH (16x20cm) or a width alone (16cm: no height "
              "limit); `none`: natural size. A block's fit= overrides it.")
@click.option("--min-font", type=click.FloatRange(min=1), default=DEFAULT_MIN_FONT,
              show_default=True, metavar="PT",
              help="With --fit: the smallest statement text allowed, in pt.")
@click.option("--hide-source", is_flag=True,
              help="Collapse each block's source in a <details> above its figure.")
@click.option("--check", is_flag=True,
              help="Change nothing; exit 1 when a figure or link is out of date, naming them.")
@click.option("--engine", type=click.Choice(ENGINE_CHOICES), default="embedded",
              show_default=True,
              help="embedded: argmap's own Graphviz, the same figures on every machine; "
              "system: the installed `dot`; auto: system if installed, else embedded.")
@timeout_option("raise --timeout, or draw less with a block's focus=, section= or tag=")
def embed(
    documents: tuple[str, ...],
    out_dir: str | None,
    fit: PageBox | None,
    min_font: float,
    hide_source: bool,
    check: bool,
    engine: str,
    timeout: float,
) -> None:
    """Draw every ```argmap block of each DOC.md and put its figure's link after it.

    A block holds a map's text, or names a map file with src="PATH" and no body;
    attributes choose the view: focus, depth, section, tag, evaluate, direction, theme,
    fit, split (a map too big for the page as an overview and parts). Pandoc's and
    Quarto's form ```{.argmap src="PATH" .split} is read too. Figures are fitted
    inside an A4 page's text block (16 x 24.7 cm) by default, and go into a folder beside
    the document; a second run changes nothing, and figures of removed blocks are deleted.
    They are drawn with the embedded Graphviz unless --engine says otherwise, so they
    are the same on every machine.
    Exit status 1 when a block has errors (the others are still drawn) or, with
    --check, when anything is out of date.
    """
    options = EmbedOptions(
        out_dir=Path(out_dir) if out_dir is not None else None,
        fit=fit,
        min_font=min_font,
        hide_source=hide_source,
        engine=engine,
        timeout=timeout,
    )
    status = 0
    plans: list[Plan] = []
    for name in documents:
        try:
            plan = plan_document(Path(name), options)
        except EmbedError as error:
            click.echo(f"error: {visible_line(str(error))}", err=True)
            status = EXIT_MAP_ERRORS
            continue
        for problem in plan.problems:
            click.echo(format_diagnostic(problem), err=True)
        if plan.problems:
            status = EXIT_MAP_ERRORS
        plans.append(plan)
    if check:
        status = _check(plans, status)
    else:
        for plan in plans:
            status = max(status, _apply(plan))
    if status:
        raise click.exceptions.Exit(status)


def _check(plans: list[Plan], status: int) -> int:
    reasons, errors = out_of_date(plans)
    for error in errors:
        click.echo(f"error: {visible_line(error)}", err=True)
    for reason in reasons:
        click.echo(visible_line(reason), err=True)
    if reasons:
        click.echo("out of date: run `argmap embed` on the documents to update them", err=True)
        return EXIT_MAP_ERRORS
    if errors or status:
        return EXIT_MAP_ERRORS  # the errors above: nothing can be called up to date
    click.echo(f"{plural(len(plans), 'document')} up to date", err=True)
    return 0


def _apply(plan: Plan) -> int:
    try:
        outcome = apply(plan)
    except ManifestError as error:
        reason = describe_os_error(error)
        click.echo(f"error: {visible_line(f'cannot read {error.filename}: {reason}')}", err=True)
        return EXIT_MAP_ERRORS
    except ChangedSinceRead as error:
        reason = error.strerror or str(error)
        click.echo(f"error: {visible_line(f'{plan.document}: {reason}')}", err=True)
        return EXIT_MAP_ERRORS
    except OSError as error:
        where = error.filename or plan.document
        reason = describe_os_error(error)
        click.echo(f"error: {visible_line(f'cannot write {where}: {reason}')}", err=True)
        return EXIT_MAP_ERRORS
    if plan.problems and not outcome.written and not outcome.deleted:
        return 0  # the problems above say why
    click.echo(visible_line(f"{plan.document}: {_summary(plan, outcome)}"), err=True)
    return 0


def _summary(plan: Plan, outcome: Outcome) -> str:
    """What happened to a document, in words: figures drawn, links updated, figures deleted."""
    drawn = [path for path in outcome.written if path != plan.document]
    total = len(plan.figures)
    folder = f"{plan.folder.as_posix()}/"
    changes = []
    if drawn:
        count = plural(total, "figure") if len(drawn) == total else f"{len(drawn)} of {total}"
        changes.append(f"drew {count} into {folder}")
    if plan.document in outcome.written:
        changes.append(f"updated the links in {plan.document.name}")
    if outcome.deleted:
        changes.append(f"deleted {plural(len(outcome.deleted), 'figure')} no block draws any more")
    if changes:
        return "; ".join(changes)
    if total:
        return f"{plural(total, 'figure')}, all up to date"
    if plan.document.suffix.lower() not in MARKDOWN_SUFFIXES:
        return "no ```argmap blocks to draw (embed reads Markdown documents)"
    return "no ```argmap blocks to draw"


