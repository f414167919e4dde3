"""`[tool.argmap.check]` in the nearest pyproject.toml above a map: its select and ignore lists
and its per-rule severity overrides."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.analysis.labels import SEMANTICS_NAMES
from argmap.checks.finding import Severity
from argmap.checks.registry import PARSER_RULES, expand, get_rule
from argmap.errors import CheckError
from argmap.settings import find_pyproject

__all__ = ["CheckConfig", "find_pyproject", "load_check_config"]


@dataclass(frozen=True)
class CheckConfig:
    """Rule selection read from a pyproject.toml (`source`), or the defaults (`source` None)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = field(default_factory=tuple)
    source: Path | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    """Rule code -> the severity its findings get instead of the rule's own."""
    semantics: str | None = None
    """How labels treat circular support (`argmap.analysis.labels.Semantics`); None: the
    default."""


def load_check_config(map_path: Path) -> CheckConfig:
    """The check configuration that applies to the map at `map_path`."""
    found = find_pyproject(map_path)
    if found is None:
        return CheckConfig()
    path, table = found
    section = table.get("check", {}) if isinstance(table, dict) else None
    if not isinstance(section, dict):
        raise CheckError(f"{path}: [tool.argmap.check] must be a table")
    # Unknown keys are warned about, with the other tables' (argmap.settings.unknown_names).
    select = _rule_list(path, section, "select")
    ignore = _rule_list(path, section, "ignore")
    severities = _severities(path, section.get("severity"))
    return CheckConfig(select, ignore or (), path, severities, _semantics(path, section))


def _semantics(path: Path, section: dict[str, Any]) -> str | None:
    """`semantics = "well-founded"` or `"kripke-kleene"`."""
    value = section.get("semantics")
    if value is None or value in SEMANTICS_NAMES:
        return value
    names = " or ".join(f'"{name}"' for name in SEMANTICS_NAMES)
    raise CheckError(f"{path}: [tool.argmap.check] semantics = {value!r}; it is one of {names}")


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
