"""A block's info string (`argmap src="x.argmap" focus=a evaluate`) read into what to draw."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from argmap.render.fit import parse_width
from argmap.render.style import DIRECTIONS
from argmap.render.themes import THEMES
from argmap.suggest import did_you_mean, one_of

ATTRIBUTES = (
    "src", "focus", "depth", "section", "tag", "evaluate", "direction", "theme", "fit",
    "split",
)
FLAGS = ("evaluate", "split")
TRUE = ("true", "yes", "on", "1")
FALSE = ("false", "no", "off", "0")


class BlockAttributeError(ValueError):
    """An attribute the block's info string cannot have; the message says which and why."""


@dataclass(frozen=True)
class BlockSpec:
    """What one block asks for; None means the command's default."""

    src: str | None = None
    focus: str | None = None
    depth: int | None = None
    section: str | None = None
    tag: str | None = None
    evaluate: bool = False
    direction: str | None = None
    theme: str = "default"
    fit: str | None = None
    """A width or page name, `none`, or None for the command's `--fit`."""
    split: bool = False

    def canonical(self) -> str:
        """The attributes in a fixed order: what names the block's figures."""
        return " ".join(f"{name}={getattr(self, name)!r}" for name in ATTRIBUTES)


def parse_attributes(info: str) -> BlockSpec:
    """Read `key=value`, `key="quoted value"` and bare flags; raise BlockAttributeError."""
    try:
        words = shlex.split(info, comments=False, posix=True)
    except ValueError as error:
        raise BlockAttributeError(f"cannot read the attributes `{info}`: {error}") from None
    values: dict[str, object] = {}
    for word in words:
        name, has_value, value = word.partition("=")
        if name not in ATTRIBUTES:
            hint = did_you_mean(name, ATTRIBUTES)
            raise BlockAttributeError(
                f"unknown attribute `{name}`{hint} (an argmap block takes {one_of(ATTRIBUTES)})"
            )
        if name in values:
            raise BlockAttributeError(f"attribute `{name}` given twice")
        values[name] = _value(name, value if has_value else None)
    if values.get("depth") is not None and values.get("focus") is None:
        raise BlockAttributeError("`depth` needs `focus`")
    return BlockSpec(**values)  # type: ignore[arg-type]


def _value(name: str, value: str | None) -> object:
    if name in FLAGS:
        if value is None or value.lower() in TRUE:
            return True
        if value.lower() in FALSE:
            return False
        raise BlockAttributeError(f"`{name}` is true or false, not `{value}`")
    if value is None or value == "":
        raise BlockAttributeError(f"attribute `{name}` needs a value: `{name}=...`")
    if name == "depth":
        if not value.isdigit():
            raise BlockAttributeError(f"`depth` is a whole number, not `{value}`")
        return int(value)
    if name == "direction":
        if value.upper() not in DIRECTIONS:
            raise BlockAttributeError(f"`direction` is {one_of(DIRECTIONS)}, not `{value}`")
        return value.upper()
    if name == "fit":
        if value.lower() != "none":
            try:
                parse_width(value)
            except ValueError as error:
                raise BlockAttributeError(f"`fit`: {error}, or none") from None
        return value
    if name == "theme" and value not in THEMES:
        hint = did_you_mean(value, THEMES)
        raise BlockAttributeError(f"`theme` is {one_of(THEMES)}, not `{value}`{hint}")
    return value
