"""The words of a text for names made from it (IDs, file names): ASCII, lower case."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def ascii_words(text: str) -> list[str]:
    """`"Café zählt, 2024!"` -> `["cafe", "zahlt", "2024"]`: accents folded, other
    letters dropped, split at everything that is not a letter or digit."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(folded.lower())
