"""Orchestration: a map and the options -> the bytes of one output format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render.dot import to_dot
from argmap.render.engines import INSTALL_HINT, Engine, choose_engine
from argmap.render.fit import DEFAULT_MIN_FONT, search
from argmap.render.formats import FORMATS as DRAWING_FORMATS
from argmap.render.formats import NAMES
from argmap.render.measure import FigureSize, measure_svg, place
from argmap.render.png import DEFAULT_DPI
from argmap.render.session import DrawSession
from argmap.render.style import Annotations, DotStyle, Layout, map_tags, section_numbers
from argmap.render.svg import finish_svg
from argmap.render.system import SystemGraphviz
from argmap.render.themes import THEMES
from argmap.render.tooltips import tooltips
from argmap.render.view import ViewSpec, select

if TYPE_CHECKING:
    from argmap.config import CheckConfig

FORMATS = NAMES  # the formats of render/formats.py, where a format is added


@dataclass(frozen=True)
class RenderOptions:
    """Everything `argmap render` can be asked; the defaults are the command's defaults."""

    fmt: str = "svg"
    # None: bottom to top, and --fit may try left to right.
    direction: str | None = None
    wrap: int = 30
    view: ViewSpec = field(default_factory=ViewSpec)
    evaluate: bool = False
    findings: bool = False
    # --cruxes: outline the premises and assumptions an accepted conclusion turns on.
    cruxes: bool = False
    quotes: bool = False
    theme: str = "default"
    engine: str = "auto"
    timeout: float = 60.0
    legend: bool = True
    layout: Layout = field(default_factory=Layout)
    # --fit: the width in pt the figure must print at, its text at min_font pt or more.
    fit: float | None = None
    # --fit's page box height in pt (None: no height limit).
    fit_height: float | None = None
    # --split: the one --fit drawing (a candidate's name) to try first, found for a part
    # while it was cut; the others only when it no longer fits.
    fit_first: str | None = None
    min_font: float = DEFAULT_MIN_FONT
    # PNG: pixels to the inch, recorded in the file.
    dpi: int = DEFAULT_DPI
    # --findings: the rules and severities of the map's [tool.argmap.check], as `check`
    # uses them (None: every rule on by default, at its own severity); its `semantics` is
    # the labels' too, unless `semantics` below names one.
    checks: CheckConfig | None = None
    # --semantics: how circular support counts for --evaluate and --cruxes (None: the
    # configuration's, else well-founded).
    semantics: str | None = None


@dataclass(frozen=True)
class Figure:
    """A drawn figure: its bytes, and how it prints (None for DOT and JSON)."""

    data: bytes
    size: FigureSize | None


@dataclass(frozen=True)
class Prepared:
    """The DOT of a map's view and what the SVG finishing needs."""

    dot: str
    title: str
    tooltips: dict[str, str]


def prepare(
    amap: ArgumentMap, options: RenderOptions, *, for_svg: bool = False,
    session: DrawSession | None = None,
) -> Prepared:
    """Select, annotate and write the DOT (no engine involved); `for_svg`: with the nodes'
    tooltips, which only the finished SVG (and the PNG made from it) carries; the findings
    and labels from `session` when it has them."""
    if options.theme not in THEMES:
        raise RenderError(f"unknown theme `{options.theme}`; choose one of {', '.join(THEMES)}")
    nodes = select(amap, options.view)
    if session is None:
        notes = annotate(amap, options)
    else:
        key = (
            options.evaluate, options.findings, options.cruxes, options.checks, options.semantics
        )
        notes = session.annotations(amap, key, lambda: annotate(amap, options))
    style = DotStyle(
        theme=THEMES[options.theme],
        direction=options.direction or "BT",
        wrap=options.wrap,
        quotes=options.quotes,
        legend=options.legend,
        layout=options.layout,
        title=options.view.title,
    )
    title = options.view.title or amap.title or (amap.path.stem if amap.path else "argument map")
    dot = to_dot(amap, nodes, style, notes, options.view.stubs)
    return Prepared(dot, title, tooltips(amap, nodes, notes) if for_svg else {})


def build_dot(amap: ArgumentMap, options: RenderOptions) -> str:
    return prepare(amap, options).dot


def annotate(amap: ArgumentMap, options: RenderOptions) -> Annotations:
    """Labels (--evaluate), findings (--findings) and cruxes (--cruxes), computed only when
    asked for."""
    semantics = options.semantics or (options.checks and options.checks.semantics)
    semantics = semantics or "well-founded"
    labels = None
    verdict_words: dict[str, str] = {}
    if options.evaluate:
        from argmap.analysis.labels import compute_labels
        from argmap.analysis.verdicts import verdicts

        computed = compute_labels(amap, semantics)
        labels = {node: label.value for node, label in computed.items()}
        found = verdicts(amap, computed, semantics)
        verdict_words = {node: verdict.word.value for node, verdict in found.items()}
    crux_of: dict[str, list[str]] = {}
    if options.cruxes:
        from argmap.analysis.cruxes import cruxes

        for conclusion, premises in cruxes(amap, semantics=semantics).items():
            for premise in premises:
                crux_of.setdefault(premise, []).append(conclusion)
    findings: dict[str, list[str]] = {}
    if options.findings:
        from argmap.checks import run_checks
        from argmap.config import CheckConfig

        config = options.checks or CheckConfig()
        checked = run_checks(
            amap, select=config.select, ignore=config.ignore, severity=config.severity
        )
        for finding in checked:
            if finding.statement is not None:
                text = f"{finding.severity.value} {finding.code} {finding.rule}: {finding.message}"
                findings.setdefault(finding.statement, []).append(text)
    return Annotations(labels=labels, findings=findings, cruxes=crux_of, tags=map_tags(amap),
                       sections=section_numbers(amap), verdicts=verdict_words)


def render_map(amap: ArgumentMap, options: RenderOptions) -> bytes:
    """The map drawn in `options.fmt`; raises RenderError (ViewError for a bad selection,
    FitError when it cannot fit `options.fit`)."""
    return render_figure(amap, options).data


def render_figure(
    amap: ArgumentMap, options: RenderOptions, session: DrawSession | None = None
) -> Figure:
    """The map drawn in `options.fmt` with how it prints. With `options.fit`, the
    drawing the fit search finds whose text prints largest inside the page box, at
    `min_font` pt or more. `session`: the layouts and findings of earlier drawings of
    the same command, reused (a new one when None)."""
    if options.fmt not in FORMATS:
        raise RenderError(f"unknown format `{options.fmt}`; choose one of {', '.join(FORMATS)}")
    session = session if session is not None else DrawSession()
    svg: bytes | None = None
    fitted = options.fit is not None
    if options.fit is not None:
        drawn = len(select(amap, options.view))
        found = search(options, lambda tries: draw_svgs(amap, tries, session), drawn)
        options, svg = found.candidate.options, found.svg
        if DRAWING_FORMATS[options.fmt].layout == "svg":  # kept: laid out in a run of its own
            svg = draw_svgs(amap, [options], session, alone=True)[0]
        svg = place(svg, found.size.width)
    if options.fmt == "dot":
        return Figure(prepare(amap, options, session=session).dot.encode("utf-8"), None)
    if options.fmt == "json":
        return Figure(_output(amap, options, session), None)
    if svg is None and options.fmt == "pdf":
        return _pdf(amap, options, session)
    if svg is None:
        svg = draw_svg(amap, options, session)
    size = measure_svg(svg)
    if options.fmt == "svg":
        return Figure(svg, size)
    if options.fmt == "png":
        # Both engines: the finished SVG (small ID lines, the embedded font), rasterised.
        from argmap.render.png import check_png_size, svg_to_png

        check_png_size(size.width, size.height, options.dpi)
        background = THEMES[options.theme].background
        return Figure(svg_to_png(svg.decode("utf-8"), background, options.dpi), size)
    return Figure(_output(amap, options, session, pdf_page(size if fitted else None)), size)


def draw_svg(
    amap: ArgumentMap, options: RenderOptions, session: DrawSession | None = None
) -> bytes:
    """The map's finished SVG at the size Graphviz laid it out."""
    session = session if session is not None else DrawSession()
    return draw_svgs(amap, [options], session, alone=True)[0]


def draw_svgs(
    amap: ArgumentMap, tries: Sequence[RenderOptions], session: DrawSession, *,
    alone: bool = False,
) -> list[bytes]:
    """The map's finished SVG for each of `tries` (one engine, one timeout: the candidate
    drawings of one figure, or of the parts of a split), laid out in one engine run to be
    measured; `alone`: each in a run of its own, to be kept (see `DrawSession.svgs`)."""
    if not tries:
        return []
    prepared = [prepare(amap, options, for_svg=True, session=session) for options in tries]
    engine = _engine(tries[0], session)
    outputs = session.svgs(engine, [each.dot for each in prepared], tries[0].timeout,
                           alone=alone)
    return [finished_svg(output, each, options)
            for output, each, options in zip(outputs, prepared, tries, strict=True)]


def _engine(options: RenderOptions, session: DrawSession) -> Engine:
    return session.engine(options.engine, choose_engine)


def pdf_page(printed: FigureSize | None) -> tuple[str, ...]:
    """Graphviz options that make a PDF's page the figure: no margin around it (Graphviz
    adds half an inch to paged formats), and with --fit the `printed` size (`size` with
    `!` scales the whole drawing, margin included, up or down to the width; the height
    is left a little loose so that the width alone sets the scale)."""
    options = ("-Gmargin=0",)
    if printed is None:
        return options
    return (*options, f"-Gsize={printed.width / 72:.4f},{printed.height / 72 + 1:.4f}!")


PDF_NEEDS_SYSTEM = f"PDF needs the system Graphviz: {INSTALL_HINT} or choose -f svg/png"


def _pdf(amap: ArgumentMap, options: RenderOptions, session: DrawSession) -> Figure:
    """The PDF, and the size it prints at from an SVG of the same layout (dot writes both
    from one run): one layout where the SVG and then the PDF took two."""
    engine = _engine(options, session)
    if not isinstance(engine, SystemGraphviz):
        raise RenderError(PDF_NEEDS_SYSTEM)
    prepared = prepare(amap, options, for_svg=True, session=session)
    svg, pdf = session.layout(engine, prepared.dot, ("svg", "pdf"), options.timeout,
                              pdf_page(None))
    return Figure(pdf, measure_svg(finished_svg(svg, prepared, options)))


def _output(
    amap: ArgumentMap, options: RenderOptions, session: DrawSession,
    extra: tuple[str, ...] = (),
) -> bytes:
    """The map as Graphviz's JSON, or as PDF (system Graphviz only)."""
    prepared = prepare(amap, options, session=session)
    engine = _engine(options, session)
    if options.fmt == "json":
        return session.layout(engine, prepared.dot, (options.fmt,), options.timeout)[0]
    if "pdf" in engine.formats:
        return session.layout(engine, prepared.dot, ("pdf",), options.timeout, extra)[0]
    raise RenderError(PDF_NEEDS_SYSTEM)


def finished_svg(output: bytes, prepared: Prepared, options: RenderOptions) -> bytes:
    theme = THEMES[options.theme]
    return finish_svg(output, prepared.title, prepared.tooltips, theme.muted)
