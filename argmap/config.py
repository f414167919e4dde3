"""`[tool.argmap.check]` in the nearest pyproject.toml above a map: its select and ignore lists
and its per-rule severity overrides."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.checks.finding import Severity
from argmap.checks.registry import PARSER_RULES, expand, get_rule
from argmap.errors import CheckError
from argmap.fileio import MAP_SIZE_LIMIT, read_limited

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

KEYS = ("select", "ignore", "severity")


@dataclass(frozen=True)
class CheckConfig:
    """Rule selection read from a pyproject.toml (`source`), or the defaults (`source` None)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = field(default_factory=tuple)
    source: Path | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    """Rule code -> the severity its findings get instead of the rule's own."""


def find_pyproject(start: Path) -> tuple[Path, Any] | None:
    """The nearest pyproject.toml with a `[tool.argmap]` table, from `start`'s folder upward,
    with that table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            tool = _read(path).get("tool")
            if isinstance(tool, dict) and "argmap" in tool:
                return path, tool["argmap"]
    return None


def load_check_config(map_path: Path) -> CheckConfig:
    """The check configuration that applies to the map at `map_path`."""
    found = find_pyproject(map_path)
    if found is None:
        return CheckConfig()
    path, table = found
    section = table.get("check", {}) if isinstance(table, dict) else None
    if not isinstance(section, dict):
        raise CheckError(f"{path}: [tool.argmap.check] must be a table")
    unknown = sorted(set(section) - set(KEYS))
    if unknown:
        raise CheckError(
            f"{path}: unknown key `{unknown[0]}` in [tool.argmap.check]; expected select, "
            "ignore or severity"
        )
    select = _rule_list(path, section, "select")
    ignore = _rule_list(path, section, "ignore")
    return CheckConfig(select, ignore or (), path, _severities(path, section.get("severity")))


def _severities(path: Path, value: Any) -> dict[str, Severity]:
    """`severity = { document-not-found = "error", AM105 = "info" }`: rule -> level."""
    if value is None:
        return {}
    where = f"{path}: [tool.argmap.check] severity"
    if not isinstance(value, dict):
        raise CheckError(f'{where} must be a table of rule = level, as in {{ AM202 = "error" }}')
    levels = [level.value for level in Severity]
    overrides: dict[str, Severity] = {}
    for key, level in value.items():
        try:
            rule = get_rule(str(key))
        except CheckError as error:
            raise CheckError(f"{where}: {error}") from None
        if rule.code in PARSER_RULES:
            raise CheckError(f"{where}: {rule.name} is always an error (a map must parse)")
        if level not in levels:
            raise CheckError(
                f"{where}: {rule.name} = {level!r}; the level is one of " + ", ".join(levels)
            )
        overrides[rule.code] = Severity(level)
    return overrides


def _read(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(
            read_limited(path, MAP_SIZE_LIMIT, "configuration files").decode("utf-8")
        )
        return data
    except OSError as error:
        raise CheckError(f"{path}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise CheckError(f"{path}: cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise CheckError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        # tomllib reads nested arrays and inline tables by recursion: a thousand `[` are
        # enough to exhaust Python's stack, and no configuration nests more than a few.
        raise CheckError(
            f"{path}: invalid TOML: arrays or inline tables nested too deep to read"
        ) from None


def _rule_list(path: Path, section: dict[str, Any], key: str) -> tuple[str, ...] | None:
    value = section.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CheckError(f"{path}: [tool.argmap.check] {key} must be a list of rule names")
    try:
        expand(value)
    except CheckError as error:
        raise CheckError(f"{path}: [tool.argmap.check] {key}: {error}") from None
    return tuple(item.strip() for item in value if item.strip())
