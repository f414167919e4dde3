"""The self-contained HTML report of a map: metadata, the diagram with pan and zoom, the
findings of `check` linked to their statements, a filterable table of statements."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from argmap.analysis.labels import compute_labels
from argmap.analysis.strength import compute_strengths
from argmap.analysis.verdicts import verdicts
from argmap.checks import Finding, run_checks
from argmap.config import CheckConfig
from argmap.model import STATEMENT_KINDS, ArgumentMap
from argmap.render.fit import PAGES, FitError
from argmap.render.fonts import font_face
from argmap.render.render import RenderOptions, render_map
from argmap.render.split import split_map
from argmap.render.svg import text_characters, without_font
from argmap.report.html import html_text, html_url
from argmap.suggest import plural

_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ID_REFERENCE = re.compile(r'(\bid="|url\(#|href="#(?!print-figure-))')
_FIGURE_LINK = re.compile(r'((?:xlink:)?href=")([^"#][^"]*)"')


@dataclass(frozen=True)
class ReportOptions:
    """What `argmap report` was asked: the engine that draws, and which rules run."""

    engine: str = "auto"
    timeout: float = 60.0
    checks: CheckConfig = field(default_factory=CheckConfig)
    """The rules and severities of `[tool.argmap.check]`, with --select and --ignore."""


def make_report(amap: ArgumentMap, options: ReportOptions, version: str) -> str:
    """The report as one HTML page (raises CheckError, RenderError)."""
    checks = options.checks
    findings = run_checks(
        amap, select=checks.select, ignore=checks.ignore, severity=checks.severity
    )
    found = compute_labels(amap)
    labels = {node: label.value for node, label in found.items()}
    strengths = compute_strengths(amap)
    words = {node: verdict.word.value for node, verdict in verdicts(amap, found).items()}
    screen = render_map(amap, RenderOptions(
        fmt="svg", findings=True, engine=options.engine, timeout=options.timeout,
        checks=checks,
    ))
    printed = print_figures(amap, options)
    return report_page(
        amap, findings, labels, screen.decode("utf-8"), printed, version, strengths, words
    )


def print_figures(amap: ArgumentMap, options: ReportOptions) -> list[str]:
    """The figure(s) the print stylesheet puts on pages of their own: black on white,
    fitted to an A4 page's text width (`--fit a4`); a map too big for one page is split
    (`--split`) into an overview and parts, each on its page, the overview's stubs
    linking to them. A map that cannot be split to fit is printed at its natural size,
    scaled to the page."""
    printing = RenderOptions(
        fmt="svg", theme="print", engine=options.engine, timeout=options.timeout,
        fit=PAGES["a4"],
    )
    try:
        figures = split_map(amap, printing)
    except FitError:
        return [render_map(amap, replace(printing, fit=None)).decode("utf-8")]
    pages = {figure.name: f"#print-figure-{number}" for number, figure in
             enumerate(figures, 1)}
    return [_link_pages(figure.figure.data.decode("utf-8"), pages) for figure in figures]


def _link_pages(svg: str, pages: dict[str, str]) -> str:
    """A split figure's links to the other figures' files, made links within the page."""
    return _FIGURE_LINK.sub(
        lambda match: match.group(1) + pages.get(match.group(2), match.group(2)) + '"', svg
    )


def inline_svg(svg: str, id_prefix: str = "") -> str:
    """An SVG file's `<svg>` element for inlining in HTML: no XML prologue, DOCTYPE,
    comments or embedded font (the page carries it); with `id_prefix`, ids (and
    references to them) made unique in the page."""
    svg = _COMMENT.sub("", _PROLOGUE.sub("", without_font(svg), count=1)).strip()
    if id_prefix:
        svg = _ID_REFERENCE.sub(lambda match: match.group() + id_prefix, svg)
    return svg


def _asset(name: str) -> str:
    return (resources.files("argmap.report") / "assets" / name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def report_page(
    amap: ArgumentMap,
    findings: Sequence[Finding],
    labels: dict[str, str],
    svg: str,
    printed: Sequence[str],
    version: str,
    strengths: Mapping[str, float] | None = None,
    words: Mapping[str, str] | None = None,
) -> str:
    """Assemble the page; every piece of user text passes through `html_text`. Each
    statement's row shows its label and, when given, its verdict word (claims and
    conclusions) and its strength (docs/strength.md)."""
    # The diagrams' font (argmap/render/fonts.py) once, in the page's own stylesheet:
    # an SVG's <style> inlined in HTML would apply to the whole page, and the policy
    # allows only the one stylesheet whose digest it names.
    characters = set().union(*(text_characters(figure) for figure in (svg, *printed)))
    font = font_face(characters)
    style, script = "\n" + font + "\n" + _asset("report.css"), "\n" + _asset("report.js")
    policy = (
        "default-src 'none'; img-src data:; font-src data:; "
        f"style-src '{_digest(style)}'; script-src '{_digest(script)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    title = amap.title or (amap.path.stem if amap.path else "Argument map")
    figures = "\n".join(
        f'<section class="print-figure" id="print-figure-{n}" aria-hidden="true">'
        f'{inline_svg(figure, f"print{n}-")}</section>'
        for n, figure in enumerate(printed, 1)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="argmap {html_text(version)}">',
        f"<title>{html_text(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        _header(amap, title, findings),
        '<h2 id="diagram-heading">Diagram</h2>',
        '<div class="controls"><button type="button" id="zoom-in" title="Zoom in">+</button>'
        '<button type="button" id="zoom-out" title="Zoom out">&#8722;</button>'
        '<button type="button" id="zoom-reset">Whole map</button>'
        '<span class="hint">Scroll to zoom, drag to move; click a finding or an ID '
        "to find its statement.</span></div>",
        f'<div id="diagram">{inline_svg(svg)}</div>',
        figures,
        _findings(findings),
        _table(amap, labels, strengths or {}, words or {}, findings),
        f"<footer>Made by argmap {html_text(version)} from "
        f"{html_text(str(amap.path) if amap.path else 'text')}.</footer>",
        f"<script>{script}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(part for part in parts if part)


def _header(amap: ArgumentMap, title: str, findings: Sequence[Finding]) -> str:
    rows: list[tuple[str, str]] = []
    if amap.author:
        rows.append(("Author", html_text(amap.author)))
    if amap.date:
        rows.append(("Date", html_text(amap.date)))
    rows.extend(("Source", html_text(source)) for source in amap.sources)
    if amap.document is not None:
        rows.append(("Analysed text", html_text(amap.document.name)))
    if amap.path is not None:
        rows.append(("Map file", html_text(str(amap.path))))
    counts = {kind: 0 for kind in STATEMENT_KINDS}
    for _, data in amap.statements():
        counts[data["kind"]] += 1
    rows.append(("Statements", html_text(", ".join(
        plural(count, kind) for kind, count in counts.items()
    ))))
    rows.append(("Findings", html_text(_finding_summary(findings))))
    meta = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<header><div><h1>{html_text(title)}</h1><dl class="meta">{meta}</dl></div>'
        '<button type="button" id="theme-toggle">Colours: auto</button></header>'
    )


def _finding_summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "none: argmap check finds no problems"
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return ", ".join(plural(count, severity) for severity, count in counts.items())


def _findings(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<h2 id="findings">Findings</h2><p>argmap check finds no problems.</p>'
    items = []
    for finding in findings:
        span = finding.span
        where = f"{span.file}:{span.line}:{span.column}" if span else ""
        text = (
            f'<span class="severity">{html_text(finding.severity.value)}</span> '
            f'<span class="code">{html_text(finding.code)} {html_text(finding.rule)}</span> '
            f"{html_text(finding.message)} "
            f'<span class="where">{html_text(where)}</span>'
        )
        if finding.statement is not None:
            node = html_text(f"statement-{finding.statement}")
            text = f'<a href="#{node}" data-node="{node}">{text}</a>'
        items.append(f'<li class="{html_text(finding.severity.value)}">{text}</li>')
    return f'<h2 id="findings">Findings</h2><ul class="findings">{"".join(items)}</ul>'


def _table(
    amap: ArgumentMap,
    labels: dict[str, str],
    strengths: Mapping[str, float],
    words: Mapping[str, str],
    findings: Sequence[Finding],
) -> str:
    flagged = {finding.statement for finding in findings if finding.statement is not None}
    rows = [_row(node, data, labels.get(node, ""), words.get(node), strengths.get(node),
                 node in flagged)
            for node, data in amap.statements()]
    kinds = "".join(f'<option value="{kind}">{kind}</option>' for kind in STATEMENT_KINDS)
    choices = "".join(f'<option value="{label}">{label}</option>'
                      for label in ("IN", "OUT", "UNDEC"))
    return (
        '<h2 id="statements-heading">Statements</h2>'
        '<div class="controls" id="filters">'
        '<input type="search" id="filter" placeholder="Filter: words in any column" '
        'aria-label="Filter the statements">'
        f'<select id="filter-kind" aria-label="Kind"><option value="">every kind</option>{kinds}'
        "</select>"
        f'<select id="filter-label" aria-label="Label"><option value="">every label</option>'
        f"{choices}</select>"
        '<span class="hint" id="filter-count"></span></div>'
        '<table id="statements"><thead><tr><th>ID</th><th>Kind</th><th>Text</th>'
        "<th>Quotes</th><th>Sources</th><th>Verdict, strength</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _row(
    node: str,
    data: dict[str, Any],
    label: str,
    word: str | None,
    strength: float | None,
    flagged: bool,
) -> str:
    target = html_text(f"statement-{node}")
    tags = " ".join("#" + tag for tag in data.get("tags", ()))
    text = html_text(data["text"])
    if tags:
        text += f' <span class="tags">{html_text(tags)}</span>'
    if flagged:
        text += ' <span class="tags">(see the findings)</span>'
    quotes = "".join(f"<blockquote>{html_text(quote)}</blockquote>"
                     for quote in data.get("quotes", ()))
    attributes = data.get("attributes", {})
    sources = []
    if "source" in attributes:
        sources.append(html_text(str(attributes["source"])))
    if "url" in attributes:
        url = str(attributes["url"])
        href = html_url(url)
        sources.append(f'<a href="{href}" rel="noreferrer">{html_text(url)}</a>' if href
                       else html_text(url))
    badge = f'<span class="label {html_text(label)}">{html_text(label)}</span>' if label else ""
    if word is not None:
        badge += f' <span class="verdict">{html_text(word)}</span>'
    if strength is not None:
        badge += (f' <span class="strength" title="strength from 0 to 1 (DF-QuAD)">'
                  f"{strength:.2f}</span>")
    return (
        f'<tr id="row-{target}" data-kind="{html_text(data["kind"])}" '
        f'data-label="{html_text(label)}">'
        f'<td class="id"><a href="#{target}" data-node="{target}">{html_text(node)}</a></td>'
        f"<td>{html_text(data['kind'])}</td><td>{text}</td><td>{quotes}</td>"
        f"<td>{'<br>'.join(sources)}</td><td>{badge}</td></tr>"
    )
