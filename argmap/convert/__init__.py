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
from argmap.model import ArgumentMap

Reader = Callable[[str, str, Losses], ArgumentMap]
Writer = Callable[[ArgumentMap, Losses], str]


@dataclass(frozen=True)
class Format:
    """A format argmap converts from or to: its name, file suffixes and what it can do."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Callable[[], Reader] | None = None
    writer: Callable[[], Writer] | None = None


def _argmap_writer() -> Writer:
    from argmap.convert.argmap_writer import write_argmap

    return write_argmap


def _aif_reader() -> Reader:
    from argmap.convert.aif import read_aif

    return read_aif


def _aif_writer() -> Writer:
    from argmap.convert.aif import write_aif

    return write_aif


def _argdown_reader() -> Reader:
    from argmap.convert.argdown import read_argdown_map

    return read_argdown_map


def _argdown_writer() -> Writer:
    from argmap.convert.argdown import write_argdown

    return write_argdown


def _arggraph_reader() -> Reader:
    from argmap.convert.arggraph import read_arggraph

    return read_arggraph


def _arggraph_writer() -> Writer:
    from argmap.convert.arggraph import write_arggraph

    return write_arggraph


def _mermaid_writer() -> Writer:
    from argmap.convert.mermaid import write_mermaid

    return write_mermaid


def _graphml_writer() -> Writer:
    from argmap.convert.graphml import write_graphml

    return write_graphml


def _dot_writer() -> Writer:
    from argmap.render.render import RenderOptions, build_dot

    return lambda amap, _losses: build_dot(amap, RenderOptions(fmt="dot"))


def _node_link_writer() -> Writer:
    from argmap.language.nodelink import node_link_json

    return lambda amap, _losses: node_link_json(amap)


FORMATS: dict[str, Format] = {
    "argmap": Format("argmap", (".argmap",), "argmap's own language", writer=_argmap_writer),
    "argdown": Format("argdown", (".argdown", ".ad"), "Argdown", _argdown_reader,
                      _argdown_writer),
    "aif": Format("aif", (".json",), "AIF JSON nodeset (AIFdb, OVA)", _aif_reader, _aif_writer),
    "arggraph": Format("arggraph", (".xml",), "arggraph XML (the microtexts corpus)",
                       _arggraph_reader, _arggraph_writer),
    "mermaid": Format("mermaid", (".mmd", ".mermaid"), "Mermaid flowchart (export)",
                      writer=_mermaid_writer),
    "graphml": Format("graphml", (".graphml",), "GraphML (export)", writer=_graphml_writer),
    "dot": Format("dot", (".dot", ".gv"), "Graphviz DOT, as `render -f dot` (export)",
                  writer=_dot_writer),
    "node-link": Format("node-link", (), "networkx node-link JSON, as `show --format json` "
                        "(export)", writer=_node_link_writer),
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
    if fmt.reader is None:
        raise ConvertError(f"argmap cannot read {fmt.description}; it only writes it", path)
    return fmt.reader()(read_text(path), path, losses)


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
    return fmt.writer()(amap, losses)
