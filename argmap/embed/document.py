"""Embedding in one document: the figures its blocks need and its new text, nothing written yet."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.embed.attributes import BlockAttributeError, BlockSpec, parse_attributes
from argmap.embed.boundary import document_inside, project_root
from argmap.embed.load import BlockLoadError, load_block
from argmap.embed.scan import BEFORE, BEGIN, END, Block, Region, scan, split_lines
from argmap.errors import ArgmapError, Diagnostic, Span
from argmap.fileio import DOCUMENT_SIZE_LIMIT, ReadStamp, digest, read_stamped
from argmap.language.loader import BOM
from argmap.manifest import check_no_links
from argmap.markdown import image
from argmap.model import ArgumentMap
from argmap.render.fit import DEFAULT_MIN_FONT, PAGE_BOXES, FitError, describe_box, parse_page
from argmap.render.render import RenderOptions, render_map
from argmap.render.split import split_figures
from argmap.render.view import ViewSpec

CODE = "embed"
NOTICE = "made by `argmap embed` from the block above; edits here are not kept"
NOTICE_BEFORE = "made by `argmap embed --hide-source`; edits here are not kept"
PageBox = tuple[float, float | None]
"""A page box in pt: width and height (None: no height limit), as `parse_page` reads it."""


class EmbedError(ArgmapError):
    """A document cannot be embedded into at all (unreadable, not UTF-8, a bad --out-dir)."""


@dataclass(frozen=True)
class EmbedOptions:
    """What `argmap embed` was asked."""

    out_dir: Path | None = None
    fit: PageBox | None = PAGE_BOXES["a4"]
    """The page box figures must print inside (None: their natural size)."""
    min_font: float = DEFAULT_MIN_FONT
    hide_source: bool = False
    engine: str = "embedded"
    """The embedded Graphviz by default: the same figures on every machine, so that
    `--check` on one says what a run on another would draw."""
    timeout: float = 60.0


@dataclass(frozen=True)
class Figure:
    """A figure file to write: its name inside the figures folder and its bytes."""

    name: str
    data: bytes


@dataclass
class Plan:
    """One document's outcome: old and new bytes, the figures, the problems found."""

    document: Path
    folder: Path
    old: bytes
    new: bytes
    stamp: ReadStamp | None = None
    """What the document was when read: it is replaced only while it still is."""
    figures: list[Figure] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    complete: bool = True
    """Every block was drawn, so figures no block uses any more can be deleted."""


def figures_folder(document: Path, out_dir: Path | None) -> Path:
    """Where a document's figures go: `--out-dir`, else `NAME-argmap/` beside it. It must be
    inside the document's folder and reached through no symbolic link below it (argmap
    writes nothing outside it)."""
    folder = out_dir if out_dir is not None else document.parent / f"{document.stem}-argmap"
    home = os.path.abspath(document.parent)
    relative = os.path.relpath(os.path.abspath(folder), home)
    outside = EmbedError(
        f"{document}: the figures folder `{folder}` is not inside the document's folder "
        f"`{document.parent}`; argmap embed writes nothing outside it"
    )
    if relative == "." or relative.split(os.sep)[0] == "..":
        raise outside
    try:
        check_no_links(document.parent, folder)
    except NotADirectoryError as error:
        raise EmbedError(f"{document}: the figures folder `{folder}` cannot be made: "
                         f"{error.strerror}") from None
    except OSError as error:
        raise EmbedError(
            f"{document}: the figures folder `{folder}` goes through the symbolic link "
            f"`{error.filename}`; argmap embed writes nothing through links"
        ) from None
    if not folder.resolve().is_relative_to(Path(home).resolve()):
        raise outside
    return folder


def plan_document(document: Path, options: EmbedOptions) -> Plan:
    """Read the document, draw every block, and work out its new text."""
    folder = figures_folder(document, options.out_dir)
    refusal = document_inside(document)
    if refusal is not None:
        raise EmbedError(f"{document}: {refusal}")
    old, stamp = _read(document)
    try:
        text = old.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EmbedError(
            f"{document}: not UTF-8 text (byte 0x{old[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8"
        ) from None
    bom = text.startswith(BOM)
    text = text.removeprefix(BOM)
    editor = _Editor(document, folder, text, options)
    new_text = editor.run()
    new = (BOM if bom else "").encode("utf-8") + new_text.encode("utf-8")
    return Plan(document, folder, old, new, stamp, editor.figures, editor.problems,
                editor.complete)


def _read(document: Path) -> tuple[bytes, ReadStamp]:
    try:
        return read_stamped(document, DOCUMENT_SIZE_LIMIT, "documents")
    except FileNotFoundError:
        raise EmbedError(f"{document}: no such file") from None
    except OSError as error:
        raise EmbedError(f"cannot read {document}: {error.strerror or error}") from None


def region_digest(lines: Iterable[str]) -> str:
    """What a region's opening marker records about the lines between the markers; leading
    indentation and `>` are left out so that moving the block into a list or quote keeps it."""
    normal = "\n".join(line.lstrip(" \t>").rstrip() for line in lines)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


class _Editor:
    """Works through one document's blocks and regions, collecting replacements."""

    def __init__(self, document: Path, folder: Path, text: str, options: EmbedOptions) -> None:
        self.document = document
        self.display = os.fspath(document)
        self.folder = folder
        self.options = options
        self.scan = scan(text)
        self.lines = self.scan.lines
        self.ending = _dominant_ending(self.lines)
        self.figures: list[Figure] = []
        self.problems: list[Diagnostic] = []
        self.complete = True
        self.replacements: list[tuple[int, int, list[str]]] = []
        self.root = project_root(document.parent)

    def run(self) -> str:
        if self.scan.problems:
            # A marker without its partner: where the generated lines end is unknown, so
            # the document is left exactly as it is.
            self.complete = False
            for problem in self.scan.problems:
                self.problems.append(self._diagnostic(problem.line, problem.message))
            return "".join(self.lines)
        edited = {region for region in self.scan.regions if not self._intact(region)}
        used: set[Region] = set()
        for block in self.scan.blocks:
            before, after = self._regions_of(block)
            used.update(region for region in (before, after) if region is not None)
            self._block(block, before, after, edited)
        for region in self.scan.regions:
            if region not in used and region not in edited:
                # Its block is gone.
                self.replacements.append((region.begin, region.end, self._keep_tails(region, [])))
        return self._assemble()

    # -- regions ------------------------------------------------------------------------

    def _intact(self, region: Region) -> bool:
        inner = self.lines[region.begin + 1 : region.end - 1]
        if region_digest(inner) == region.digest:
            return True
        self.complete = False
        first, last = region.begin + 1, region.end
        self.problems.append(self._diagnostic(region.begin, (
            f"the generated lines {first}-{last} were edited by hand, so argmap leaves them "
            f"as they are: move your text out of the markers, or delete lines {first}-{last} "
            "and run argmap embed again to have them made anew"
        )))
        return False

    def _regions_of(self, block: Block) -> tuple[Region | None, Region | None]:
        before = after = None
        for region in self.scan.regions:
            if region.kind == "figure" and region.begin >= block.end:
                if self._blank(block.end, region.begin):
                    after = region
            elif region.kind == "before" and region.end <= block.start:  # noqa: SIM102
                if self._blank(region.end, block.start):
                    before = region
        return before, after

    def _blank(self, start: int, end: int) -> bool:
        return all(not self.lines[line].strip(" \t>\r\n") for line in range(start, end))

    # -- blocks -------------------------------------------------------------------------

    def _block(
        self, block: Block, before: Region | None, after: Region | None, edited: set[Region]
    ) -> None:
        if not block.closed:
            self.complete = False
            self.problems.append(self._diagnostic(
                block.start, "this ```argmap block is not closed; end it with a fence line"
            ))
            return
        drawn = self._draw(block)
        if drawn is None:
            self.complete = False
            return
        folder = os.path.relpath(self.folder, self.document.parent).replace(os.sep, "/")
        links = [image(alt, f"{folder}/{name}") for alt, name in drawn]
        if after not in edited:
            lines = self._figure_lines(block.prefix, links, block.opens_item)
            self._replace(after, block.end, lines)
        if before not in edited:
            hide = self.options.hide_source and not block.opens_item
            wanted = self._before_lines(block.prefix) if hide else []
            if before is not None or wanted:
                self._replace(before, block.start, wanted)

    def _replace(self, region: Region | None, at: int, lines: list[str]) -> None:
        if region is None:
            self.replacements.append((at, at, lines))
        else:
            self.replacements.append((region.begin, region.end, self._keep_tails(region, lines)))

    def _keep_tails(self, region: Region, lines: list[str]) -> list[str]:
        """The user's text after `-->` on the old marker lines, kept on the new ones (on
        lines of its own when the markers go)."""
        begin, end = region.tails
        if not lines:
            return [tail + self.ending for tail in (begin, end) if tail]
        lines = list(lines)
        for index, tail in ((0, begin), (-1, end)):
            if tail:
                line = lines[index]
                body = line.rstrip("\r\n")
                lines[index] = f"{body} {tail}{line[len(body):]}"
        return lines

    def _figure_lines(self, prefix: str, links: list[str], opens_item: bool) -> list[str]:
        # Several figures (a split map) stand in paragraphs of their own.
        inner = [line for link in links for line in ("", link)][1:]
        if self.options.hide_source and not opens_item:
            inner = ["", "</details>", "", *inner]
        return self._wrap(prefix, BEGIN, NOTICE, inner)

    def _before_lines(self, prefix: str) -> list[str]:
        return self._wrap(prefix, BEFORE, NOTICE_BEFORE,
                          ["<details><summary>argmap source</summary>", ""])

    def _wrap(self, prefix: str, opening: str, notice: str, inner: list[str]) -> list[str]:
        body = [(prefix + line).rstrip() if line else prefix.rstrip() for line in inner]
        digest = region_digest(body)
        lines = [f"{prefix}{opening} {digest} {notice} -->", *body, f"{prefix}{END} -->"]
        return [line + self.ending for line in lines]

    def _draw(self, block: Block) -> list[tuple[str, str]] | None:
        """Draw one block: the alt text and file name of each figure, in reading order;
        None (and a problem) when it cannot be drawn. A split block whose statement cannot
        be drawn inside the page box alone still has every other part, and a problem
        naming that statement."""
        try:
            spec = parse_attributes(block.info)
        except BlockAttributeError as error:
            self.problems.append(self._diagnostic(block.start, str(error)))
            return None
        fit = block_fit(spec, self.options)
        if spec.split and fit is None:
            self.problems.append(self._diagnostic(block.start, (
                "`split` cuts the map into figures that each fit a page box, so it needs one: "
                "remove `fit=none` (or give the block `fit=a4`, `fit=16cmx20cm`)"
            )))
            return None
        amap = self._load(block, spec)
        if amap is None:
            return None
        options = render_options(spec, fit, self.options)
        try:
            done = split_figures(amap, options) if spec.split else None
            data = b"" if done is not None else render_map(amap, options)
        except FitError as error:
            advice = fit_advice(error, fit, self.options.min_font, spec.split)
            self.problems.append(self._diagnostic(block.start, advice))
            return None
        except ArgmapError as error:
            self.problems.append(self._diagnostic(block.start, f"cannot draw the map: {error}"))
            return None
        alt = amap.title or (Path(spec.src).stem if spec.src else "argument map")
        name = figure_name(alt, spec, fit, block.body)
        drawn = done.figures if done is not None else []
        for refusal in done.refused if done is not None else []:
            self.problems.append(self._diagnostic(block.start, refusal.message))
        if done is not None and not drawn:
            return None  # every statement refused: nothing to link
        if len(drawn) == 1:
            data = drawn[0].figure.data
        if len(drawn) <= 1 and data:
            self.figures.append(Figure(name, data))
            return [(alt, name)]
        # A split map: its figures in a folder of their own, where the overview's links to
        # the parts resolve.
        folder = name.removesuffix(".svg")
        links = []
        for part in drawn:
            self.figures.append(Figure(f"{folder}/{part.name}", part.figure.data))
            links.append((f"{alt}: {part.title}", f"{folder}/{part.name}"))
        return links

    def _load(self, block: Block, spec: BlockSpec) -> ArgumentMap | None:
        try:
            return load_block(spec, block.body, self.document.parent, self.root, self.display)
        except BlockLoadError as error:
            self.problems.extend(self._in_document(block, d) for d in error.own)
            self.problems.extend(self._diagnostic(block.start, reason) for reason in error.reasons)
        return None

    def _in_document(self, block: Block, diagnostic: Diagnostic) -> Diagnostic:
        """A diagnostic of an inline block moved to the document's line and column."""
        span = diagnostic.span
        if span.file != self.display:
            return diagnostic
        line = block.start + span.line  # the body starts on the line after the fence
        if line >= block.end:
            return diagnostic
        source = self.lines[line].rstrip("\r\n")
        shift = max(0, len(source) - len(diagnostic.source_line)) if diagnostic.source_line \
            and source.endswith(diagnostic.source_line) else 0
        moved = dataclasses.replace(
            span,
            line=line + 1,  # `line` is 0-based
            end_line=span.end_line + block.start + 1,
            column=span.column + shift,
            end_column=span.end_column + shift,
        )
        return dataclasses.replace(diagnostic, span=moved, source_line=source)

    def _diagnostic(self, line: int, message: str) -> Diagnostic:
        source = self.lines[line].rstrip("\r\n") if line < len(self.lines) else ""
        span = Span(self.display, line + 1, 1, line + 1, max(len(source), 1) + 1)
        return Diagnostic(CODE, message, span, source_line=source)

    # -- the new text -------------------------------------------------------------------

    def _assemble(self) -> str:
        out: list[str] = []
        position = 0
        for start, end, lines in sorted(self.replacements, key=lambda r: (r[0], r[1])):
            if start < position:
                continue
            out.extend(self.lines[position:start])
            if lines and out and not out[-1].endswith(("\n", "\r")):
                out[-1] += self.ending  # the last line had no line end
            out.extend(lines)
            position = end
        out.extend(self.lines[position:])
        return "".join(out)


_GENERATOR = re.compile(rb"<!-- Generated by graphviz version ([^\s(]+)")


def stale_reason(old: bytes, new: bytes, recorded: str | None) -> str:
    """Why a figure file holding `old` (argmap recorded writing a file of digest `recorded`)
    is not the figure `new` this run draws under the same name."""
    if recorded is not None and digest(old) != recorded:
        return ("out of date: it was changed after argmap drew it (argmap redraws it; keep "
                "your own figures outside the figures folder)")
    was, now = (_graphviz_version(data) for data in (old, new))
    if was != now:
        return (
            f"out of date: drawn by Graphviz {was or '(unknown)'}, and this run draws with "
            f"Graphviz {now or '(unknown)'}: embed draws with the embedded Graphviz, the "
            "same on every machine, unless --engine says otherwise"
        )
    return ("out of date: the map it draws changed (its `src` file or a file it "
            "@includes), or another version of argmap drew it")


def _graphviz_version(svg: bytes) -> str | None:
    match = _GENERATOR.search(svg[:2048])
    return match.group(1).decode("ascii", "replace") if match else None


def _dominant_ending(lines: list[str]) -> str:
    crlf = sum(1 for line in lines if line.endswith("\r\n"))
    lf = sum(1 for line in lines if line.endswith("\n") and not line.endswith("\r\n"))
    cr = sum(1 for line in lines if line.endswith("\r"))
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda pair: pair[0])
    return best[1] if best[0] else "\n"


def block_fit(spec: BlockSpec, options: EmbedOptions) -> PageBox | None:
    """The page box a block's figures must print inside: its `fit`, else the command's."""
    if spec.fit is None:
        return options.fit
    return None if spec.fit.lower() == "none" else parse_page(spec.fit)


def fit_advice(
    error: FitError, fit: PageBox | None, min_font: float, split: bool, flag: str = "split"
) -> str:
    """What to do about a block that does not fit; `flag` is how the block asks to split
    (`split` in an info string, `.split` in Pandoc's attribute form)."""
    best = error.best
    box = describe_box(*(fit or (0.0, None)))
    reached = f"{best.text:.1f} pt" if best.text is not None else "no text"
    if split:
        return (
            f"a part of the map does not fit {box} with text of "
            f"{min_font:g} pt ({error}); draw part of it with `section=`, `focus=` "
            f"or `tag=`, or draw it at its natural size with `fit=none` instead of `{flag}`"
        )
    return (
        f"the map does not fit {box} with text of {min_font:g} pt (its "
        f"best drawing prints text at {reached}): cut it into figures that fit with "
        f"`{flag}`, draw part of it with `section=`, `focus=` or `tag=`, or draw it at its "
        "natural size with `fit=none`"
    )


def render_options(
    spec: BlockSpec, fit: PageBox | None, options: EmbedOptions, fmt: str = "svg"
) -> RenderOptions:
    """How a block is drawn: its view and style, the page box, the command's font and engine."""
    return RenderOptions(
        fit=fit[0] if fit is not None else None,
        fit_height=fit[1] if fit is not None else None,
        min_font=options.min_font,
        fmt=fmt,
        direction=spec.direction,
        view=ViewSpec(focus=spec.focus, depth=spec.depth, section=spec.section, tag=spec.tag),
        evaluate=spec.evaluate,
        theme=spec.theme,
        engine=options.engine,
        timeout=options.timeout,
    )


_SLUG = re.compile(r"[^a-z0-9]+")


def figure_name(title: str, spec: BlockSpec, fit: PageBox | None, body: str) -> str:
    """A stable name from what the block says: a slug of the title and a digest of the
    block's body, attributes and fitted width (the same block always gets the same name;
    the page's height is left out, so that names made before it counted stay)."""
    slug = _SLUG.sub("-", title.lower()).strip("-")[:40].strip("-") or "map"
    width = fit[0] if fit is not None else None
    key = "\n".join([spec.canonical(), f"fit={width!r}", body])
    return f"{slug}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}.svg"


__all__ = ["EmbedError", "EmbedOptions", "Figure", "Plan", "figures_folder", "plan_document",
           "region_digest", "render_options", "split_lines", "stale_reason"]
