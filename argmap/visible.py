"""Text made safe for a terminal: control characters shown as escapes, never sent raw.

Map text, file names and documents are user data. Printed raw, an ESC starts a terminal
control sequence (clear the screen, set the window title, hide what follows), a carriage
return or backspace overwrites what was printed, and bidirectional overrides reorder it.
`visible` writes each such character as a Python-style escape (`\\x1b`, `\\u202e`), so it
shows where it is and cannot act. Tabs and line feeds pass; JSON and SARIF outputs keep the
real text, with every such character written as a JSON escape (`json_text`).
"""

from __future__ import annotations

import json
import re
from typing import Any

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Marks, embeddings, overrides and isolates: they reorder the text around them."""
_CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n"]
_ESCAPES = {
    ord(ch): f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    for ch in (*_CONTROLS, *BIDI_CONTROLS, "\u2028", "\u2029")
}


def visible(text: str) -> str:
    """`text` with every control character but tab and line feed written as an escape."""
    return text.translate(_ESCAPES)


def visible_line(text: str) -> str:
    """`visible`, and line feeds escaped too: for what must stay on one line."""
    return visible(text).replace("\n", "\\n")


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _ESCAPES}
_JSON_ESCAPED = re.compile("[" + "".join(re.escape(chr(code)) for code in _JSON_ESCAPES) + "]")


def json_text(data: Any, **options: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, ...)`, with the control characters that JSON
    allows raw (C1, bidirectional controls, U+2028/U+2029) escaped too: the same data."""
    return visible_json(json.dumps(data, ensure_ascii=False, **options))


def visible_json(text: str) -> str:
    """JSON text with the control characters JSON allows raw escaped: the same data."""
    # Outside strings JSON has only ASCII punctuation, so escaping everywhere is exact.
    # A search (in C) first: translating looks each character up in a dict once the text
    # has any non-ASCII one, a quarter of a second for a few MB of report.
    # JSON encoders escape C0 controls themselves, so in ASCII JSON only DEL is left to
    # escape, and `isascii` tests whole words at a time (95 MB of JSON: 0.3 s -> 0.01 s).
    if text.isascii():
        return text.replace("\x7f", "\\u007f") if "\x7f" in text else text
    if _JSON_ESCAPED.search(text) is None:
        return text
    return text.translate(_JSON_ESCAPES)
