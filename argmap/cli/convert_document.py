"""`argmap convert`: the analysed text an input carried (OVA3's `text`), kept beside the map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.convert import Format
from argmap.convert.losses import Losses
from argmap.fileio import write_atomic
from argmap.model import ArgumentMap

OVA3_WRITER = "argmap.convert.aif:write_ova3"
MAX_TEXT = 64 * 1024 * 1024
"""A file beside the map larger than any text argmap reads is not compared: it differs."""
ARGGRAPH_WRITER = "argmap.convert.arggraph:write_arggraph"
CARRIES_TEXT = frozenset({OVA3_WRITER, ARGGRAPH_WRITER})
"""Writers that carry the analysed text inside the file they write."""


@dataclass(frozen=True)
class KeptText:
    """The file that holds the analysed text, and whether it still has to be written (an
    identical file may be there already)."""

    path: Path
    data: bytes
    write: bool


def plan_document(
    amap: ArgumentMap, target: Path | None, writing: Format, losses: Losses
) -> KeptText | None:
    """Where the input's text goes: beside an argmap file as `OUT.txt`, its @document (set
    on the map here); never over an existing file with other content. Anything else is a
    warning that says the text was not kept, and why."""
    text = amap.document_text
    if text is None or writing.writer in CARRIES_TEXT or writing.name == "aif":
        return None  # nothing to keep, or the AIF writer reports it itself
    size = f"{len(text):,} characters"
    if writing.name != "argmap":
        losses.add(f"the input's text ({size}) was not kept: {writing.description} has no "
                   "place for it; convert to an .argmap file (the text is written beside "
                   "it as its @document) or to AIF with `--aif-form ova3`")
        return None
    if target is None:
        losses.add(f"the input's text ({size}) was not kept: a map written to standard "
                   "output has no file beside it; write it to a file (-o OUT.argmap keeps "
                   "the text as OUT.txt, the map's @document)")
        return None
    path = target.with_suffix(".txt")
    if path == target:
        path = target.with_name(f"{target.name}.txt")
    data = text.encode("utf-8")
    there = _existing(path)
    if there is not None and there != data:
        losses.add(f"the input's text ({size}) was not kept: `{path}` is there with other "
                   "content, and argmap never writes over it; the map has no @document")
        return None
    amap.document_written = path.name
    return KeptText(path, data, write=there is None)


def _existing(path: Path) -> bytes | None:
    """The bytes of the file at `path`; b"" stands for something that is not a regular
    file (never written over); None when nothing is there."""
    if not path.exists() and not path.is_symlink():
        return None
    if not path.is_file():
        return b""
    try:
        if path.stat().st_size > MAX_TEXT:
            return b""
        return path.read_bytes()
    except OSError:
        return b""


def write_document(
    kept: KeptText | None, write: Callable[[Path, bytes], None] = write_atomic
) -> str | None:
    """Write the kept text (with `write`) when it is not there yet; the line to tell the
    user, if any."""
    if kept is None:
        return None
    if kept.write:
        write(kept.path, kept.data)
        return f"wrote {kept.path} (the input's text, the map's @document)"
    return f"kept {kept.path} (already holds the input's text; the map's @document)"
