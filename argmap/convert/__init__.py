"""Converters between argmap's model and other tools' formats, one module per format.

Every conversion goes through the model: a reader builds an ArgumentMap, a writer turns one
into text. What a format cannot carry is added to a Losses collector, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.convert.losses import Losses
from argmap.errors import ConvertError
from argmap.lazy import load
from argmap.model import ArgumentMap

Reader = Callable[[str, str, Losses], ArgumentMap]
Writer = Callable[[ArgumentMap, Losses], str]


@dataclass(frozen=True)
class Format:
    """A format argmap converts from or to: its name, file suffixes and what it can do.

    `reader` and `writer` name their functions (`package.module:function`, see
    `argmap.lazy`): a format's module is imported only when a file is converted with it."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: str | None = None
    writer: str | None = None


FORMATS: dict[str, Format] = {
    "argmap": Format("argmap", (".argmap",), "argmap's own language",
                     writer="argmap.convert.argmap_writer:write_argmap"),
    "argdown": Format("argdown", (".argdown", ".ad"), "Argdown",
                      "argmap.convert.argdown:read_argdown_map",
                      "argmap.convert.argdown:write_argdown"),
    "aif": Format("aif", (".json",), "AIF JSON nodeset (AIFdb, OVA)",
                  "argmap.convert.aif:read_aif", "argmap.convert.aif:write_aif"),
    "arggraph": Format("arggraph", (".xml",), "arggraph XML (the microtexts corpus)",
                       "argmap.convert.arggraph:read_arggraph",
                       "argmap.convert.arggraph:write_arggraph"),
    "mermaid": Format("mermaid", (".mmd", ".mermaid"), "Mermaid flowchart (export)",
                      writer="argmap.convert.mermaid:write_mermaid"),
    "graphml": Format("graphml", (".graphml",), "GraphML (export)",
                      writer="argmap.convert.graphml:write_graphml"),
    "dot": Format("dot", (".dot", ".gv"), "Graphviz DOT, as `render -f dot` (export)",
                  writer="argmap.convert.exports:write_dot"),
    "node-link": Format("node-link", (), "networkx node-link JSON, as `show --format json` "
                        "(export)", writer="argmap.convert.exports:write_node_link"),
}


def format_of(path: str, explicit: str | None, role: str) -> Format:
    """The format named by `explicit`, else by the file's suffix; ConvertError when neither."""
    if explicit is not None:
        if explicit not in FORMATS:
            raise ConvertError(f"unknown format `{explicit}`; choose one of {', '.join(FORMATS)}")
        return FORMATS[explicit]
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    flag = "--from" if role == "input" else "--to"
    raise ConvertError(
        f"cannot tell the {role} format of `{path}` from its suffix; name it with {flag}"
    )


def read_map(path: str, fmt: Format, losses: Losses) -> ArgumentMap:
    """Read the file at `path` as `fmt` into an ArgumentMap."""
    if fmt.name == "argmap":
        from argmap.language.loader import load_file

        return load_file(path)
    return read_map_text(read_text(path) if fmt.reader else "", path, fmt, losses)


def read_map_text(text: str, display: str, fmt: Format, losses: Losses) -> ArgumentMap:
    """Read `text` (named `display` in messages) as `fmt`, a format other than argmap's."""
    if fmt.reader is None:
        raise ConvertError(f"argmap cannot read {fmt.description}; it only writes it", display)
    reader: Reader = load(fmt.reader)
    return reader(text, display, losses)


def read_text(path: str) -> str:
    """The UTF-8 text of a regular file; a ConvertError for anything else."""
    from argmap.convert.sources import decode
    from argmap.fileio import MAP_SIZE_LIMIT, read_limited

    file = Path(path)
    try:
        if not file.is_file():
            raise ConvertError("not a regular file", path)
        return decode(read_limited(file, MAP_SIZE_LIMIT, "files to convert"), path)
    except OSError as error:
        raise ConvertError(f"cannot read it: {error.strerror or error}", path) from None


def write_map(amap: ArgumentMap, fmt: Format, losses: Losses) -> str:
    """The map as text in `fmt`."""
    if fmt.writer is None:
        raise ConvertError(f"argmap cannot write {fmt.description}")
    writer: Writer = load(fmt.writer)
    return writer(amap, losses)
