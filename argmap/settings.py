"""`[tool.argmap]` in pyproject.toml: where it is, its folder search settings, the commands'
option tables, and warnings for the tables and keys it does not know."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.errors import CheckError
from argmap.fileio import MAP_SIZE_LIMIT, read_limited
from argmap.suggest import closest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
TOP_KEYS = ("exclude", "respect-gitignore", "force-exclude")
TABLES: dict[str, tuple[str, ...]] = {
    "check": ("select", "ignore", "severity", "semantics"),
    "render": ("format", "direction", "wrap", "theme", "legend", "fit", "min-font", "dpi",
               "engine", "evaluate", "findings", "quotes", "timeout"),
    "embed": ("fit", "min-font", "hide-source", "engine", "timeout"),
}
"""Each table under [tool.argmap] and the keys it takes: for render and embed, their options
that say how a figure looks or is drawn (not what to draw, nor where to write it)."""
OPTION_TABLES = ("render", "embed")
"""The tables whose keys are a command's options, spelled as on the command line."""


@dataclass(frozen=True)
class Settings:
    """`[tool.argmap]` of the pyproject.toml at `path` (None: none found, the defaults)."""

    path: Path | None = None
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    """`exclude` applies to files named on the command line too (pre-commit names them)."""
    given: frozenset[str] = frozenset()
    """The top-level keys the file sets (the others are defaults)."""
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Command -> {option key as written (`min-font`) -> value}, for OPTION_TABLES."""
    warnings: tuple[str, ...] = ()
    """`path:line: warning: ...` for each unknown table or key."""


def find_pyproject(start: Path) -> tuple[Path, Any] | None:
    """The nearest pyproject.toml with a `[tool.argmap]` table, from `start`'s folder upward,
    with that table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        path = candidate / PYPROJECT
        if path.is_file():
            tool = read_toml(path).get("tool")
            if isinstance(tool, dict) and "argmap" in tool:
                return path, tool["argmap"]
    return None


def load_settings(start: Path) -> Settings:
    """The settings that apply at `start` (a file or folder): CheckError when a value has the
    wrong type; unknown tables and keys are only warned about."""
    found = find_pyproject(start)
    if found is None:
        return Settings()
    path, table = found
    where = shown(path)
    if not isinstance(table, dict):
        raise CheckError(f"{where}: [tool.argmap] must be a table")
    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(item, str) for item in exclude):
        raise CheckError(f'{where}: [tool.argmap] exclude must be a list of glob patterns, as in '
                         '["site/", "drafts/*.argmap"]')
    gitignore = table.get("respect-gitignore", True)
    if not isinstance(gitignore, bool):
        raise CheckError(f"{where}: [tool.argmap] respect-gitignore must be true or false")
    force_exclude = table.get("force-exclude", False)
    if not isinstance(force_exclude, bool):
        raise CheckError(f"{where}: [tool.argmap] force-exclude must be true or false")
    options: dict[str, dict[str, Any]] = {}
    for name in OPTION_TABLES:
        section = table.get(name, {})
        if not isinstance(section, dict):
            raise CheckError(f"{where}: [tool.argmap.{name}] must be a table")
        options[name] = {key: value for key, value in section.items() if key in TABLES[name]}
    return Settings(
        path, tuple(exclude), gitignore, force_exclude, frozenset(set(TOP_KEYS) & set(table)),
        options, tuple(unknown_names(path, table)),
    )


def unknown_names(path: Path, table: dict[str, Any]) -> list[str]:
    """A warning for each table or key under [tool.argmap] that argmap does not read, with
    the closest known name and, where it can be found, its line in the file."""
    lines = _lines(path)
    warnings = []
    for key, value in table.items():
        if key in TABLES and isinstance(value, dict):
            for inner in value:
                if inner not in TABLES[key]:
                    hint = _hint(inner, TABLES[key])
                    line = _key_line(lines, f"tool.argmap.{key}", inner)
                    warnings.append(_warning(path, line, f"unknown key `{inner}` in "
                                             f"[tool.argmap.{key}]{hint}"))
        elif key not in TOP_KEYS and key not in TABLES:
            if isinstance(value, dict):
                hint = _hint(key, TABLES, table=True)
                line = _table_line(lines, f"tool.argmap.{key}")
                what = f"unknown table [tool.argmap.{key}]"
            else:
                hint = _hint(key, TOP_KEYS)
                line = _key_line(lines, "tool.argmap", key)
                what = f"unknown key `{key}` in [tool.argmap]"
            warnings.append(_warning(path, line, what + hint))
    return warnings


def _hint(word: str, names: Iterable[str], table: bool = False) -> str:
    """`; did you mean ...?` with the closest of `names`, else the names argmap reads."""
    pool = list(names)
    match = closest(word, pool)
    if match is None:
        return "; argmap reads " + ", ".join(f"`{name}`" for name in pool)
    return f"; did you mean [tool.argmap.{match}]?" if table else f"; did you mean `{match}`?"


def _warning(path: Path, line: int | None, message: str) -> str:
    place = f"{shown(path)}:{line}" if line is not None else str(shown(path))
    return f"{place}: warning: {message}"


def shown(path: Path) -> Path:
    """`path` as messages name it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path


def _lines(path: Path) -> list[str]:
    try:
        return read_limited(path, MAP_SIZE_LIMIT, "configuration files").decode(
            "utf-8", "replace").splitlines()
    except OSError:
        return []


def _header(name: str) -> re.Pattern[str]:
    parts = r"\s*\.\s*".join(re.escape(part) for part in name.split("."))
    return re.compile(rf"^\s*\[\s*{parts}\s*\]")


def _table_line(lines: list[str], name: str) -> int | None:
    """The line (from 1) of the header `[name]`, or None (the table is written inline)."""
    header = _header(name)
    return next((number for number, text in enumerate(lines, 1) if header.match(text)), None)


def _key_line(lines: list[str], table: str, key: str) -> int | None:
    """The line of `key = ...` inside the table `[table]`, or None where it is written
    otherwise (dotted keys, an inline table)."""
    start = _table_line(lines, table)
    if start is None:
        return None
    name = re.escape(key)
    assignment = re.compile(rf"""^\s*(?:{name}|"{name}"|'{name}')\s*=""")
    for number in range(start, len(lines)):
        text = lines[number]
        if re.match(r"^\s*\[", text):
            return None
        if assignment.match(text):
            return number + 1
    return None


def read_toml(path: Path) -> dict[str, Any]:
    """The TOML file at `path`; CheckError, naming it, when it cannot be read or parsed."""
    try:
        data: dict[str, Any] = tomllib.loads(
            read_limited(path, MAP_SIZE_LIMIT, "configuration files").decode("utf-8")
        )
        return data
    except OSError as error:
        raise CheckError(f"{shown(path)}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise CheckError(f"{shown(path)}: cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise CheckError(f"{shown(path)}: invalid TOML: {error}") from None
    except RecursionError:
        # tomllib reads nested arrays and inline tables by recursion: a thousand `[` are
        # enough to exhaust Python's stack, and no configuration nests more than a few.
        raise CheckError(
            f"{shown(path)}: invalid TOML: arrays or inline tables nested too deep to read"
        ) from None
