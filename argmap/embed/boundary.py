"""What embed may read: files inside the project that holds the document, named by relative
paths, never through a link that leads out of it."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.embed.attributes import BlockAttributeError

PROJECT_MARKERS = ("pyproject.toml", ".git")


def project_root(folder: Path) -> Path:
    """The nearest folder at or above `folder` (resolved) holding pyproject.toml or .git;
    `folder` itself when there is none."""
    real = folder.resolve()
    for candidate in (real, *real.parents):
        if any(os.path.lexists(candidate / marker) for marker in PROJECT_MARKERS):
            return candidate
    return real


def resolve_src(value: str, folder: Path, root: Path) -> Path:
    """The path `src="value"` of a document in `folder` names, which must be relative and
    stay inside `root` (the rule of `@include`); BlockAttributeError otherwise."""
    if Path(value).is_absolute() or value.startswith(("/", "\\")) or Path(value).drive:
        raise BlockAttributeError(
            f"`src` `{value}` is an absolute path; `src` takes a path relative to the document"
        )
    try:
        lexical = Path(os.path.normpath(folder.resolve() / value))
        real = lexical.resolve()
    except (OSError, RuntimeError, ValueError) as error:
        raise BlockAttributeError(f"cannot read `src` `{value}`: {error}") from None
    if real.is_relative_to(root):
        return folder / value
    if lexical.is_relative_to(root):
        raise BlockAttributeError(
            f"`src` `{value}` is a symbolic link to a file outside the project `{root}`; "
            "a block draws only maps inside it"
        )
    raise BlockAttributeError(
        f"`src` `{value}` is outside the project `{root}`; a block draws only maps inside it"
    )


def document_inside(document: Path) -> str | None:
    """Why the document may not be embedded into (a link leading outside its project), or
    None."""
    if not document.is_symlink():
        return None
    root = project_root(document.absolute().parent)
    if document.resolve().is_relative_to(root):
        return None
    return (f"it is a symbolic link to a file outside the project `{root}`; argmap embed "
            "writes nothing outside it")
