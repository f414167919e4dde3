"""Orchestration: a map and the options -> the bytes of one output format."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render.dot import to_dot
from argmap.render.engines import INSTALL_HINT, Engine, choose_engine
from argmap.render.style import Annotations, DotStyle
from argmap.render.svg import finish_svg
from argmap.render.themes import THEMES
from argmap.render.tooltips import tooltips
from argmap.render.view import ViewSpec, select

FORMATS = ("svg", "png", "pdf", "dot", "json")
PNG_DPI = "-Gdpi=144"


@dataclass(frozen=True)
class RenderOptions:
    """Everything `argmap render` can be asked; the defaults are the command's defaults."""

    fmt: str = "svg"
    direction: str = "BT"
    wrap: int = 30
    view: ViewSpec = field(default_factory=ViewSpec)
    evaluate: bool = False
    findings: bool = False
    quotes: bool = False
    theme: str = "default"
    engine: str = "auto"
    timeout: float = 60.0
    legend: bool = True


@dataclass(frozen=True)
class Prepared:
    """The DOT of a map's view and what the SVG finishing needs."""

    dot: str
    title: str
    tooltips: dict[str, str]


def prepare(amap: ArgumentMap, options: RenderOptions) -> Prepared:
    """Select, annotate and write the DOT (no engine involved)."""
    if options.theme not in THEMES:
        raise RenderError(f"unknown theme `{options.theme}`; choose one of {', '.join(THEMES)}")
    nodes = select(amap, options.view)
    notes = annotate(amap, options)
    style = DotStyle(
        theme=THEMES[options.theme],
        direction=options.direction,
        wrap=options.wrap,
        quotes=options.quotes,
        legend=options.legend,
    )
    title = amap.title or (amap.path.stem if amap.path else "argument map")
    return Prepared(to_dot(amap, nodes, style, notes), title, tooltips(amap, nodes, notes))


def build_dot(amap: ArgumentMap, options: RenderOptions) -> str:
    return prepare(amap, options).dot


def annotate(amap: ArgumentMap, options: RenderOptions) -> Annotations:
    """Labels (--evaluate) and findings (--findings), computed only when asked for."""
    labels = None
    if options.evaluate:
        from argmap.analysis.labels import compute_labels

        labels = {node: label.value for node, label in compute_labels(amap).items()}
    findings: dict[str, list[str]] = {}
    if options.findings:
        from argmap.checks import run_checks

        for finding in run_checks(amap):
            if finding.statement is not None:
                text = f"{finding.severity.value} {finding.code} {finding.rule}: {finding.message}"
                findings.setdefault(finding.statement, []).append(text)
    return Annotations(labels=labels, findings=findings)


def render_map(amap: ArgumentMap, options: RenderOptions) -> bytes:
    """The map drawn in `options.fmt`; raises RenderError (ViewError for a bad selection)."""
    if options.fmt not in FORMATS:
        raise RenderError(f"unknown format `{options.fmt}`; choose one of {', '.join(FORMATS)}")
    prepared = prepare(amap, options)
    if options.fmt == "dot":
        return prepared.dot.encode("utf-8")
    engine = choose_engine(options.engine)
    if options.fmt in ("svg", "json"):
        output = engine.layout(prepared.dot, options.fmt, options.timeout)
        return finished_svg(output, prepared, options) if options.fmt == "svg" else output
    if "png" in engine.formats and options.fmt == "png":
        return engine.layout(prepared.dot, "png", options.timeout, (PNG_DPI,))
    if options.fmt == "png":
        return _png_from_svg(engine, prepared, options)
    if "pdf" in engine.formats:
        return engine.layout(prepared.dot, "pdf", options.timeout)
    raise RenderError(f"PDF needs the system Graphviz: {INSTALL_HINT} or choose -f svg/png")


def finished_svg(output: bytes, prepared: Prepared, options: RenderOptions) -> bytes:
    theme = THEMES[options.theme]
    svg = finish_svg(output.decode("utf-8"), prepared.title, prepared.tooltips, theme.muted)
    return svg.encode("utf-8")


def _png_from_svg(engine: Engine, prepared: Prepared, options: RenderOptions) -> bytes:
    from argmap.render.png import svg_to_png

    svg = finished_svg(engine.layout(prepared.dot, "svg", options.timeout), prepared, options)
    return svg_to_png(svg.decode("utf-8"), THEMES[options.theme].background)
