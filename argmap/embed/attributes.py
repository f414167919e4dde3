"""A block's info string (`argmap src="x.argmap" focus=a evaluate`, or Pandoc's
`{.argmap src="x.argmap" .evaluate}`) read into what to draw."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.render.fit import parse_page
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
    """A page box (`a4`, `16cmx20cm`), a width (no height limit), `none`, or None for the
    command's `--fit`."""
    split: bool = False

    def canonical(self) -> str:
        """The attributes in a fixed order: what names the block's figures."""
        return " ".join(f"{name}={getattr(self, name)!r}" for name in ATTRIBUTES)


PANDOC_CLASS = "argmap"
_PANDOC_WORD = re.compile(
    r"""\s*(?:\#(?P<id>[^\s}]+)|\.(?P<cls>[^\s}]+)"""
    r"""|(?P<key>[^\s}="'.#][^\s}="']*)=(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>[^']*)'"""
    r"""|(?P<bare>[^\s}"']+))|(?P<word>[^\s}]+))"""
)
_PANDOC_ESCAPE = re.compile(r"\\(.)")


def is_pandoc_form(info: str) -> bool:
    """Whether an info string is Pandoc's attribute form with the class `.argmap`:
    `{.argmap src="x.argmap"}`."""
    text = info.strip()
    return text.startswith("{") and re.search(r"(?:^|[\s{])\.argmap(?=[\s}]|$)", text) is not None


def parse_attributes(info: str) -> BlockSpec:
    """Read `key=value`, `key="quoted value"` and bare flags, or Pandoc's `{.argmap
    key="value" .flag}` form; raise BlockAttributeError."""
    if info.strip().startswith("{"):
        classes, pairs = _pandoc_words(info.strip())
        return spec_from_pandoc(classes, pairs)
    try:
        words = shlex.split(info, comments=False, posix=True)
    except ValueError as error:
        raise BlockAttributeError(f"cannot read the attributes `{info}`: {error}") from None
    items: list[tuple[str, str | None]] = []
    for word in words:
        name, has_value, value = word.partition("=")
        items.append((name, value if has_value else None))
    return _spec(items)


def spec_from_pandoc(classes: Iterable[str], pairs: Iterable[tuple[str, str]]) -> BlockSpec:
    """What a Pandoc code block asks for: its classes besides `argmap` are flags (`.split`,
    `.evaluate`), its key-value pairs the attributes (its identifier is not argmap's)."""
    items: list[tuple[str, str | None]] = []
    for name in classes:
        if name == PANDOC_CLASS:
            continue
        if name not in FLAGS:
            hint = did_you_mean(name, FLAGS, ".")
            raise BlockAttributeError(
                f"unknown class `.{name}`{hint} (an argmap block takes the classes "
                f"{one_of(FLAGS, '.')}, and key=value attributes)"
            )
        items.append((name, None))
    items.extend(pairs)
    return _spec(items)


def _pandoc_words(info: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The classes and key-value pairs of `{#id .class key="value" key=value}`."""
    if not info.endswith("}"):
        raise BlockAttributeError(f"cannot read the attributes `{info}`: no `}}` ends them")
    inner = info[1:-1]
    classes: list[str] = []
    pairs: list[tuple[str, str]] = []
    position = 0
    while inner[position:].strip():
        match = _PANDOC_WORD.match(inner, position)
        if match is None:
            raise BlockAttributeError(f"cannot read the attributes `{info}`")
        position = match.end()
        if match["word"] is not None:
            word = match["word"]
            advice = f"`.{word}` or `{word}=true`" if word in FLAGS else f"`{word}=VALUE`"
            raise BlockAttributeError(
                f"`{word}` in `{info}` is a bare word, which Pandoc does not read in "
                f"{{...}}: write {advice}"
            )
        if match["cls"] is not None:
            classes.append(match["cls"])
        elif match["key"] is not None:
            if match["dq"] is not None:
                value = _PANDOC_ESCAPE.sub(r"\1", match["dq"])
            else:
                value = match["sq"] if match["sq"] is not None else match["bare"]
            pairs.append((match["key"], value))
    return classes, pairs


def _spec(items: Iterable[tuple[str, str | None]]) -> BlockSpec:
    """The spec of `(name, value)` pairs (None: a bare flag); BlockAttributeError."""
    values: dict[str, object] = {}
    for name, value in items:
        has_value = value is not None
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
                parse_page(value)
            except ValueError as error:
                raise BlockAttributeError(f"`fit`: {error}, or none") from None
        return value
    if name == "theme" and value not in THEMES:
        hint = did_you_mean(value, THEMES)
        raise BlockAttributeError(f"`theme` is {one_of(THEMES)}, not `{value}`{hint}")
    return value
