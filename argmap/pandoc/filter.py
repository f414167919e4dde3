"""The filter: every argmap block of a Pandoc document replaced by its figures."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.embed.attributes import (
    ATTRIBUTES,
    PANDOC_CLASS,
    BlockAttributeError,
    BlockSpec,
    parse_attributes,
    spec_from_pandoc,
)
from argmap.embed.scan import BEFORE, BEGIN, END
from argmap.pandoc.ast import Node, api_version, figure, image, meta_text, paragraph
from argmap.pandoc.draw import BlockProblem, Picture, Settings, draw_block, figure_format
from argmap.render.engines import ENGINE_CHOICES
from argmap.render.fit import parse_page
from argmap.suggest import one_of

FIGURES = "argmap-figures"
"""Where figures for other writers than HTML's are written (in the working directory),
unless the metadata field `argmap-figures` names another folder inside it."""
EMU_PER_INCH = 914400
EMU_PER_PT = 12700
_MIME = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Outcome:
    """The document with its blocks drawn, the blocks that could not be (Pandoc stops), and
    the statements a split block left out of its figures (the document is still written)."""

    document: Node
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def run_filter(document: Node, writer: str, folder: Path) -> Outcome:
    """Draw every argmap block of `document` (Pandoc's JSON tree) for `writer`; `src=`
    paths are read relative to `folder` (Pandoc's working directory)."""
    outcome = Outcome(document)
    settings = _settings(document, outcome.problems)
    walker = _Walker(writer, folder, settings, api_version(document), outcome,
                     meta_text(document, "argmap-figures") or FIGURES)
    document["blocks"] = walker.blocks(document.get("blocks", []))
    return outcome


def _settings(document: Node, problems: list[str]) -> Settings:
    """What the metadata fields `argmap-fit`, `argmap-min-font` and `argmap-engine` ask."""
    settings = Settings()
    fit = meta_text(document, "argmap-fit")
    if fit:
        if fit.lower() == "none":
            settings = dataclasses.replace(settings, fit=None)
        else:
            try:
                settings = dataclasses.replace(settings, fit=parse_page(fit))
            except ValueError as error:
                problems.append(f"metadata `argmap-fit`: {error}, or none")
    min_font = meta_text(document, "argmap-min-font")
    if min_font:
        try:
            points = float(min_font.lower().removesuffix("pt"))
        except ValueError:
            points = 0.0
        if not 1 <= points < float("inf"):
            problems.append(f"metadata `argmap-min-font` is a size in pt of 1 or more, "
                            f"not `{min_font}`")
        else:
            settings = dataclasses.replace(settings, min_font=points)
    engine = meta_text(document, "argmap-engine")
    if engine:
        if engine not in ENGINE_CHOICES:
            problems.append(f"metadata `argmap-engine` is {one_of(ENGINE_CHOICES)}, "
                            f"not `{engine}`")
        else:
            settings = dataclasses.replace(settings, engine=engine)
    return settings


class _Walker:
    """Goes through the document's blocks, at any depth, in reading order."""

    def __init__(self, writer: str, folder: Path, settings: Settings,
                 version: tuple[int, ...], outcome: Outcome, figures: str) -> None:
        self.writer = writer
        self.folder = folder
        self.settings = settings
        self.version = version
        self.outcome = outcome
        self.figures = figures
        self.count = 0

    def value(self, value: Any) -> Any:
        if isinstance(value, list):
            if value and all(isinstance(item, dict) and "t" in item for item in value):
                return self.blocks(value)
            return [self.value(item) for item in value]
        if isinstance(value, dict) and "c" in value:
            return {**value, "c": self.value(value["c"])}
        return value

    def blocks(self, blocks: list[Node]) -> list[Node]:
        out: list[Node] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            end = _generated_region(blocks, index)
            if end is not None:
                index = end + 1  # what `argmap embed` wrote: the filter draws it anew
                continue
            found = _argmap_block(block)
            if found is None:
                out.append(self.value(block))
            else:
                out.extend(self._draw(*found))
            index += 1
        return out

    def _draw(self, spec: BlockSpec | str, body: str, identifier: str) -> list[Node]:
        self.count += 1
        name = f"argmap block {self.count}"
        try:
            if isinstance(spec, str):
                raise BlockProblem(spec)
            fmt = figure_format(self.writer, self.settings.engine)
            drawn = draw_block(spec, body, self.folder, fmt, self.settings, name)
        except BlockProblem as problem:
            self.outcome.problems.append(f"{_where(name, spec)}: {problem}")
            return []
        self.outcome.warnings.extend(f"{_where(name, spec)}: {why}" for why in drawn.refused)
        pictures = drawn.pictures
        if len(pictures) == 1:
            only = pictures[0]
            return [paragraph([image(identifier, only.title, self._target(only),
                                     self._size(only))])]
        return [figure(self.version, identifier if number == 0 else "", picture.caption,
                       picture.title, self._target(picture), self._size(picture))
                for number, picture in enumerate(pictures)]

    def _size(self, picture: Picture) -> list[list[str]]:
        """The size to place it at, for writers that place images by size (not HTML,
        where the SVG's own size is the printed one)."""
        if picture.size is None or picture.fmt == "svg":
            return []
        width, height = picture.size
        return [["width", exact_inches(width)], ["height", exact_inches(height)]]

    def _target(self, picture: Picture) -> str:
        """For HTML a data URI (the page holds its figures), else a file in the figures
        folder (Word's writer would copy a data URI into the image's description too)."""
        if picture.fmt == "svg":
            encoded = base64.b64encode(picture.data).decode("ascii")
            return f"data:{_MIME[picture.fmt]};base64,{encoded}"
        folder = figures_folder(self.folder, self.figures)
        slug = _SLUG.sub("-", picture.title.lower()).strip("-")[:40].strip("-") or "map"
        name = f"{slug}-{hashlib.sha256(picture.data).hexdigest()[:10]}.{picture.fmt}"
        path = folder / name
        if not path.is_file() or path.read_bytes() != picture.data:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(picture.data)
        return os.path.relpath(path, self.folder).replace(os.sep, "/")


def _where(name: str, spec: BlockSpec | str) -> str:
    """`argmap block 2 (src=`x.argmap`)`: which block, as the document's author finds it."""
    return f"{name} (src=`{spec.src}`)" if isinstance(spec, BlockSpec) and spec.src else name


def exact_inches(width: float) -> str:
    """`width` pt in inches, written so that Pandoc's Word writer (which floors EMUs) places
    the image at exactly the EMU nearest to it."""
    emu = round(width * EMU_PER_PT)
    return f"{(emu + 0.25) / EMU_PER_INCH:.9f}in"


def figures_folder(folder: Path, name: str) -> Path:
    """The folder figures are written to, which must be inside `folder`; BlockProblem."""
    path = folder / name
    if Path(name).is_absolute() or not path.resolve().is_relative_to(folder.resolve()) \
            or path.resolve() == folder.resolve():
        raise BlockProblem(f"metadata `argmap-figures` `{name}` is not a folder inside the "
                           f"working directory `{folder}`")
    return path


def _argmap_block(block: Node) -> tuple[BlockSpec | str, str, str] | None:
    """A block to draw: its spec (or why it cannot be read), body and identifier."""
    if block.get("t") == "CodeBlock":
        (identifier, classes, pairs), body = block["c"]
        if PANDOC_CLASS not in classes:
            return None
        try:
            return spec_from_pandoc(classes, [(k, v) for k, v in pairs]), body, identifier
        except BlockAttributeError as error:
            return str(error), body, identifier
    if block.get("t") == "Para" and len(block["c"]) == 1 and block["c"][0].get("t") == "Code":
        # ```argmap src="x" with an empty body: Pandoc reads no fenced block whose info
        # string is more than a word, so it made it inline code.
        text = block["c"][0]["c"][1]
        words = text.split(maxsplit=1)
        if not words or words[0] != "argmap" or len(words) < 2:
            return None
        if words[1].split()[0].partition("=")[0] not in ATTRIBUTES:
            return None
        try:
            spec = parse_attributes(words[1])
        except BlockAttributeError:
            spec = None
        if spec is None or spec.src is None:
            return (
                "Pandoc reads a fenced block whose first line is ```argmap and attributes "
                "as inline code, and its lines are lost: write the first line as "
                "```{.argmap key=value .flag} (Pandoc's form; argmap embed reads it too)",
                "", "",
            )
        return spec, "", ""
    return None


def _generated_region(blocks: list[Node], index: int) -> int | None:
    """The index of the last block of a region `argmap embed` made that starts at `index`."""
    block = blocks[index]
    if block.get("t") != "RawBlock" or block["c"][0] != "html":
        return None
    text = block["c"][1].lstrip()
    if not text.startswith((BEGIN, BEFORE)):
        return None
    for end in range(index, len(blocks)):
        if END in json.dumps(blocks[end]["c"] if end > index else text.split("-->", 1)[-1]):
            return end
    return None
