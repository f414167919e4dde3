"""What an engine returned, checked before it can replace a file: whole, and of its format."""

from __future__ import annotations

import json
from xml.parsers import expat

from argmap.errors import RenderError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
"""The IEND chunk that closes every PNG: without it the image was cut short."""
PDF_SIGNATURE = b"%PDF-"
PDF_END = b"%%EOF"
_PDF_TAIL = 1024  # %%EOF stands at the end, give or take trailing whitespace


def check_output(data: bytes, fmt: str, engine: str) -> None:
    """A RenderError when `data` is not a whole `fmt` file (svg, png, pdf, json); `engine`
    names who made it ("the system Graphviz")."""
    name = fmt.upper()
    if not data:
        raise RenderError(f"{engine} returned an empty {name}; nothing was written")
    if fmt == "svg":
        _check_svg(data, engine)
    elif fmt == "json":
        _check_json(data, engine)
    elif fmt == "png" and not (data.startswith(PNG_SIGNATURE) and data.endswith(PNG_END)):
        what = "is cut short" if data.startswith(PNG_SIGNATURE) else "is not a PNG"
        raise RenderError(f"{engine} returned a PNG that {what}; nothing was written")
    elif fmt == "pdf" and not (data.startswith(PDF_SIGNATURE) and PDF_END in data[-_PDF_TAIL:]):
        what = "is cut short" if data.startswith(PDF_SIGNATURE) else "is not a PDF"
        raise RenderError(f"{engine} returned a PDF that {what}; nothing was written")


def _text(data: bytes, name: str, engine: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RenderError(
            f"{engine} returned {name} that is not UTF-8 (byte 0x{data[error.start]:02x} at "
            f"offset {error.start}); nothing was written"
        ) from None


def _check_svg(data: bytes, engine: str) -> None:
    """Well-formed XML whose root is `svg`. Parsed by expat with no entity declarations
    allowed (so no entity expansion) and no external entities fetched."""
    _text(data, "SVG", engine)
    # The bytes, read as UTF-8 whatever the declaration says (as the text was): expat
    # takes them as they are, where a str is first encoded again (a fifth of the time).
    parser = expat.ParserCreate(encoding="UTF-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    roots: list[str] = []

    def start(name: str, _attributes: object) -> None:
        roots.append(name)
        # Only the root is wanted: a call for each element took a third of the time.
        parser.StartElementHandler = None

    def refuse_entity(*_declaration: object) -> None:
        raise RenderError(f"{engine} returned SVG that declares an entity; nothing was written")

    parser.StartElementHandler = start
    parser.EntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = lambda *_reference: 0  # not fetched: an error
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise RenderError(
            f"{engine} returned SVG that is not well-formed XML ({error}); nothing was written"
        ) from None
    if roots[:1] != ["svg"]:
        found = f"<{roots[0]}>" if roots else "nothing"
        raise RenderError(f"{engine} returned {found} instead of an <svg>; nothing was written")


def _check_json(data: bytes, engine: str) -> None:
    try:
        json.loads(_text(data, "JSON", engine))
    except (ValueError, RecursionError) as error:
        raise RenderError(
            f"{engine} returned JSON that does not parse ({error}); nothing was written"
        ) from None
