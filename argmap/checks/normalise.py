"""Text normalisation shared by the rules that compare texts (quotes, duplicate statements)."""

from __future__ import annotations

import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_QUOTE_CHARS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "`": "'", "\u00b4": "'",
        **dict.fromkeys(_DASHES, "-"),
    }
)


def fold_ascii(text: str) -> str:
    """An ASCII text folded as `normalise_quote` folds it (the backtick to an apostrophe,
    lower case), its whitespace left as it is."""
    return text.replace("`", "'").lower()


def normalise_quote(text: str) -> str:
    """Fold case, whitespace, curly quotes and apostrophes, and dashes (to `-`).

    NFKC first, so ligatures, full-width letters and `…` compare as their plain forms.
    One str.translate does the quotes and dashes (no regular expression: the check runs
    this on every quote of the map); ASCII text, already in NFKC, has only the backtick
    to fold.
    """
    if text.isascii():
        return " ".join(fold_ascii(text).split())
    return " ".join(_fold_marks(text).split()).casefold()


def _fold_marks(text: str) -> str:
    """NFKC, then quotes, apostrophes and dashes to their ASCII forms. The acute accent
    goes first: NFKC would make it a space and a combining accent, no longer a mark."""
    return unicodedata.normalize("NFKC", text.replace("\u00b4", "'")).translate(_QUOTE_CHARS)


class _PunctuationToSpace(dict[int, int]):
    """A str.translate table mapping every Unicode punctuation character (category P*) to
    a space, filled in as characters are met: str.translate then runs in C (with a fast
    path for ASCII text), not one unicodedata.category call per character."""

    def __missing__(self, code: int) -> int:
        value = 32 if unicodedata.category(chr(code)).startswith("P") else code
        self[code] = value
        return value


_PUNCTUATION = _PunctuationToSpace()


_ASCII_MARKS = bytes(
    c for c in range(128) if unicodedata.category(chr(c)).startswith("P") or chr(c) == "`"
)
_ASCII_PUNCTUATION = bytes.maketrans(_ASCII_MARKS, b" " * len(_ASCII_MARKS))
"""The same mapping for ASCII, as a byte table: bytes.translate is a table lookup a byte.
The backtick, a symbol to Unicode, is here an apostrophe, as `normalise_quote` has it."""


def normalise_statement(text: str) -> str:
    """Fold case and whitespace and drop punctuation: the identity of a statement's text.

    Marks `normalise_quote` folds (a backtick or an acute accent for an apostrophe, a
    minus sign for a dash) are punctuation here too, and NFKC makes full-width text and
    `…` their plain forms.
    """
    if text.isascii():  # already in NFKC, and casefold is lower: the byte table does it
        folded = text.lower().encode("ascii").translate(_ASCII_PUNCTUATION).decode("ascii")
        return " ".join(folded.split())
    return " ".join(_fold_marks(text).casefold().translate(_PUNCTUATION).split())
