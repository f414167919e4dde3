"""Text for the XML 1.0 files argmap writes (GraphML, arggraph): what XML cannot hold, shown.

XML 1.0 has no way at all to write the C0 control characters but tab, line feed and carriage
return, nor U+FFFE, U+FFFF or half a surrogate pair: not raw, and not as a character reference
(`&#1;` is itself an error), so every XML parser refuses a file with one. Such a character
is written as the escape a terminal shows for it (`\\x01`, `\\uffff`), visible where it was,
and the conversion warns, with the lines of the statements that had one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from argmap.convert.losses import Losses
from argmap.model import ArgumentMap

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LOSS = ("characters that XML cannot hold (control characters such as U+0001) were written "
        "as escapes (`\\x01`)")


def xml_safe(text: str) -> str:
    """`text` (a whole XML document, or a value in it) with each character XML 1.0 cannot
    hold written as its escape; the markup around values has none, so nothing else changes."""
    if NOT_XML.search(text) is None:
        return text
    return NOT_XML.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def report_unsafe(
    amap: ArgumentMap, losses: Losses, values: Callable[[dict[str, Any]], Iterable[object]],
    nodes: Iterable[tuple[str, dict[str, Any]]] | None = None,
) -> None:
    """Add the warning once for each node (statements, unless `nodes` says) whose `values`
    hold a character XML cannot, and once for the map's title, author or date."""
    for _, data in amap.statements() if nodes is None else nodes:
        if any(isinstance(value, str) and NOT_XML.search(value) for value in values(data)):
            span = data.get("span")
            losses.add(LOSS, span.line if span is not None else None)
    if any(NOT_XML.search(value or "") for value in (amap.title, amap.author, amap.date)):
        losses.add(LOSS)
