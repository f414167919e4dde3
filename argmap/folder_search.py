"""The files a folder search finds: hidden ones, `[tool.argmap] exclude` and what .gitignore
files ignore are left out."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pathspec import GitIgnoreSpec

from argmap.fileio import MAP_SIZE_LIMIT, read_limited
from argmap.settings import Settings

Rules = tuple[tuple[Path, GitIgnoreSpec], ...]
"""Pattern lists with the folder each is relative to, outermost first."""
REPOSITORY = ".git"


def files_below(folder: Path, suffix: str, settings: Settings) -> list[Path]:
    """The files named *`suffix` below `folder`, sorted, outside hidden folders, that neither
    `settings.exclude` (patterns relative to the pyproject.toml's folder) nor, unless
    `respect-gitignore = false`, a .gitignore leaves out. Folders that cannot be read are
    passed over (os.walk's default), as are symbolic links to folders: a search from `/`
    meets /proc, whose entries fail to list, and links that loop."""
    real_top = folder.resolve()
    exclude: Rules = ()
    if settings.path is not None and settings.exclude:
        exclude = ((settings.path.parent.resolve(), GitIgnoreSpec.from_lines(settings.exclude)),)
    gitignores: Callable[[Path], Rules] = _gitignore if settings.respect_gitignore else _none
    outer = _outer_gitignores(real_top) if settings.respect_gitignore else ()
    rules: dict[str, Rules] = {}
    found = []
    for place, folders, files in os.walk(folder):
        real = real_top / os.path.relpath(place, folder)
        here = rules.pop(place, outer) + gitignores(real)

        def left_out(name: str, is_folder: bool, here: Rules = here, real: Path = real) -> bool:
            # Exclude decides first: the user asked argmap to leave these out, whatever git
            # keeps.
            return name.startswith(".") or any(
                _ignored(real / name, is_folder, rules) for rules in (exclude, here)
            )

        folders[:] = [name for name in folders if not left_out(name, True)]
        rules.update((os.path.join(place, name), here) for name in folders)
        found += [
            Path(place, name) for name in files
            if name.endswith(suffix) and not left_out(name, False)
            and Path(place, name).is_file()
        ]
    return sorted(found)


def excluded(path: Path, settings: Settings) -> bool:
    """Whether `settings.exclude` names the file `path` or a folder on the way to it."""
    if settings.path is None or not settings.exclude:
        return False
    base = settings.path.parent.resolve()
    rules: Rules = ((base, GitIgnoreSpec.from_lines(settings.exclude)),)
    real = path.resolve()
    return any(
        _ignored(place, place != real, rules)
        for place in (real, *real.parents)
        if place != base and base in place.parents
    )


def _ignored(path: Path, is_folder: bool, rules: Rules) -> bool:
    """Whether the last pattern that matches `path` (deeper .gitignore files last) ignores
    it; a `!pattern` brings back what an earlier one ignored."""
    for base, spec in reversed(rules):
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        result = spec.check_file(relative + "/" if is_folder else relative)
        if result.include is not None:
            return bool(result.include)
    return False


def _none(_folder: Path) -> Rules:
    return ()


def _gitignore(folder: Path) -> Rules:
    """The patterns of `folder`'s .gitignore, if it has one that can be read."""
    try:
        data = read_limited(folder / ".gitignore", MAP_SIZE_LIMIT, "ignore files")
    except OSError:
        return ()
    return ((folder, GitIgnoreSpec.from_lines(data.decode("utf-8", "replace").splitlines())),)


def _outer_gitignores(folder: Path) -> Rules:
    """The .gitignore files above `folder` within its git repository (none outside one), and
    the repository's .git/info/exclude, outermost first."""
    above = list(folder.parents)
    root = next((place for place in [folder, *above] if (place / REPOSITORY).exists()), None)
    if root is None:
        return ()
    rules: Rules = ()
    exclude = root / REPOSITORY / "info" / "exclude"
    if exclude.is_file():
        rules += ((root, GitIgnoreSpec.from_lines(exclude.read_text("utf-8", "replace")
                                                  .splitlines())),)
    for place in reversed(above):
        if place == root or root in place.parents:
            rules += _gitignore(place)
    return rules
