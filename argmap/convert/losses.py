"""What a conversion could not carry over: counted, located warnings, never silent drops."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Loss:
    """One kind of thing a format could not carry: how often, and where (input lines)."""

    message: str
    count: int = 0
    lines: list[int] = field(default_factory=list)

    def describe(self, source: str) -> str:
        where = ""
        if self.lines:
            shown = ", ".join(str(line) for line in self.lines[:10])
            more = f" and {len(self.lines) - 10} more" if len(self.lines) > 10 else ""
            where = f" (line{'s' if len(self.lines) > 1 else ''} {shown}{more})"
        times = f" ({self.count} times)" if self.count > 1 else ""
        return f"{source}: warning: {self.message}{times}{where}"


@dataclass
class Losses:
    """The losses of one conversion, keyed by message so that repeats are counted."""

    items: dict[str, Loss] = field(default_factory=dict)

    def add(self, message: str, line: int | None = None, count: int = 1) -> None:
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
