"""Text normalisation shared by the rules that compare texts (quotes, duplicate statements)."""

from __future__ import annotations

import re
import unicodedata

_QUOTE_CHARS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "`": "'", "\u00b4": "'",
    }
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")


def normalise_quote(text: str) -> str:
    """Fold case, whitespace, curly quotes and apostrophes, and dashes (to `-`).

    NFKC first, so ligatures, full-width letters and `…` compare as their plain forms.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_CHARS)
    text = _DASHES.sub("-", text)
    return " ".join(text.split()).casefold()


def normalise_statement(text: str) -> str:
    """Fold case and whitespace and drop punctuation: the identity of a statement's text."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(kept.split())
