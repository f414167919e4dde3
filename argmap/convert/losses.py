"""What a conversion could not carry over: counted, located warnings, never silent drops."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


@dataclass
class Loss:
    """One kind of thing a format could not carry: how often, and where (input lines)."""

    message: str
    count: int = 0
    lines: list[int | str] = field(default_factory=list)
    """Lines of the input file; `FILE:LINE` for a line of a file the input includes."""

    def describe(self, source: str) -> str:
        """`source: warning: message (3 times; lines 4, 9, 12)`."""
        details = [f"{self.count} times"] if self.count > 1 else []
        if self.lines:
            shown = ", ".join(str(line) for line in self.lines[:10])
            more = f" and {len(self.lines) - 10} more" if len(self.lines) > 10 else ""
            details.append(f"line{'s' if len(self.lines) > 1 else ''} {shown}{more}")
        where = f" ({'; '.join(details)})" if details else ""
        return f"{source}: warning: {self.message}{where}"


@dataclass
class Losses:
    """The losses of one conversion, keyed by message so that repeats are counted."""

    items: dict[str, Loss] = field(default_factory=dict)

    def add(self, message: str, line: int | str | None = None, count: int = 1) -> None:
        loss = self.items.setdefault(message, Loss(message))
        loss.count += count
        if line is not None:
            loss.lines.append(line)

    def extend(self, other: Losses) -> None:
        for message, loss in other.items.items():
            mine = self.items.setdefault(message, Loss(message))
            mine.count += loss.count
            mine.lines.extend(loss.lines)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)


def _notes(data: dict[str, Any]) -> int:
    attributes = data.get("attributes") or {}
    return int(any(attributes.get(name) is not None for name in ("note", "source", "url",
                                                                  "confidence")))


FEATURES: dict[str, tuple[str, Callable[[dict[str, Any]], int]]] = {
    "quotes": ("quotes", lambda data: len(data.get("quotes") or ())),
    "tags": ("tags", lambda data: int(bool(data.get("tags")))),
    "notes": ("notes, sources, URLs and confidence", _notes),
    "sections": ("sections", lambda data: int(data.get("section") is not None)),
    "assumptions": ("assumption kinds (written as plain statements)",
                    lambda data: int(data["kind"] == "assumption")),
    "attribution": ("attributions (`@by`)",
                    lambda data: int(bool((data.get("attributes") or {}).get("by")))),
    "implicit": ("implicit marks (`@implicit`)",
                 lambda data: int(bool((data.get("attributes") or {}).get("implicit")))),
}
"""What a statement may carry that some formats cannot: name -> (words, how many)."""


def statement_losses(
    amap: ArgumentMap, losses: Losses, target: str, lost: Iterable[str]
) -> None:
    """Count, with the lines of the statements, each of `lost` (FEATURES names) that the map
    has and the format `target` cannot carry."""
    # The warnings are headed by the input file, so a statement from an included file is
    # located as FILE:LINE (a bare line number would point into the wrong file).
    top = next(iter(amap.files), None)
    for _, data in amap.statements():
        span = data.get("span")
        where: int | str | None = None
        if span is not None:
            where = span.line if span.file == top else f"{span.file}:{span.line}"
        for name in lost:
            words, count = FEATURES[name][0], FEATURES[name][1](data)
            if count:
                losses.add(f"{words} are not carried by {target}", where, count)
