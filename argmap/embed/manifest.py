"""The manifest of the files `argmap embed` wrote in a figures folder: all it ever deletes."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.fileio import write_atomic

NAME = ".argmap-manifest.json"


def read_manifest(folder: Path) -> dict[str, list[str]]:
    """Document name -> the files (relative to `folder`) written for it; {} when there is no
    manifest or it cannot be read (then nothing is deleted)."""
    try:
        data = json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, dict):
        return {}
    return {
        str(document): [str(name) for name in names if isinstance(name, str)]
        for document, names in documents.items()
        if isinstance(names, list)
    }


def write_manifest(folder: Path, documents: dict[str, list[str]]) -> None:
    """Record what was written (sorted, so the manifest itself is stable); an empty
    manifest is removed."""
    path = folder / NAME
    kept = {document: sorted(set(names)) for document, names in documents.items() if names}
    if not kept:
        if path.exists():
            path.unlink()
        return
    data = {"written by": "argmap embed; files listed here are deleted when no longer used",
            "documents": dict(sorted(kept.items()))}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text.encode("utf-8"))


def inside(folder: Path, name: str) -> Path | None:
    """`folder / name` when it stays inside `folder` (a hand-edited manifest cannot make
    argmap delete anything else), else None."""
    candidate = folder / name
    try:
        if candidate.resolve().is_relative_to(folder.resolve()) and ".." not in Path(name).parts:
            return candidate
    except (OSError, RuntimeError, ValueError):
        return None
    return None
