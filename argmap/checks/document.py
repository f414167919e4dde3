"""The analysed document: exact search for quotes, and the closest passage when one is missing."""

from __future__ import annotations

import bisect
import difflib
import operator
import re
import sys
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from argmap.checks.normalise import normalise_quote
from argmap.fileio import DOCUMENT_SIZE_LIMIT, read_limited

_WORD = re.compile(r"\w+")
COMMON_WORD_LIMIT = 200
"""Words this frequent in the document ('the', 'of') are not used to place a quote."""
CANDIDATES = 5
"""How many likely places of a missing quote are compared in full."""
SIMILAR = 0.6
"""The least word-level similarity for a passage to be shown as the closest one."""
PASSAGE_LIMIT = 160


@dataclass(frozen=True)
class Passage:
    """A stretch of the document: its text (whitespace collapsed), first line and similarity."""

    text: str
    line: int
    ratio: float


@dataclass
class Document:
    """A document's text, normalised once, with a word index for finding near misses."""

    text: str
    normalised: str = ""
    words: list[str] = field(default_factory=list)
    starts: array[int] = field(default_factory=lambda: array("q"))
    ends: array[int] = field(default_factory=lambda: array("q"))
    index: dict[str, array[int]] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=list)
    normalised_index: dict[str, array[int]] | None = None

    def __post_init__(self) -> None:
        self.normalised = normalise_quote(self.text)

    def _build_index(self) -> None:
        """Words, their offsets and positions: built on the first missing quote only."""
        # Offsets in two arrays of machine integers, and each distinct word stored once
        # (documents repeat their words): a few bytes a word, not a tuple and a string.
        index: defaultdict[str, array[int]] = defaultdict(_positions)
        if self.text.isascii():
            # The common case, in C: lowercasing ASCII keeps every word where it was.
            self.words = list(map(sys.intern, _WORD.findall(self.text.lower())))
            self.starts = array("q", map(_start, _WORD.finditer(self.text)))
            self.ends = array("q", map(operator.add, self.starts, map(len, self.words)))
        else:
            distinct: dict[str, str] = {}
            for match in _WORD.finditer(self.text):
                word = _normalise_word(match.group())
                self.words.append(distinct.setdefault(word, word))
                start, end = match.span()
                self.starts.append(start)
                self.ends.append(end)
        for position, word in enumerate(self.words):
            index[word].append(position)
        self.index = dict(index)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def contains(self, quote: str) -> bool:
        """Whether the quote occurs in the document, after normalising both.

        A plain `in` scans the whole document for every quote; with thousands of quotes
        against a long document that adds up. So the quote is anchored on its rarest
        inner word (a whole word in the quote is a whole word wherever the quote occurs)
        and compared only where that word is, unless that would cost more than the scan.
        """
        needle = normalise_quote(quote)
        inner = list(_WORD.finditer(needle))[1:-1]
        if not inner:
            return needle in self.normalised
        index = self._normalised_index()
        # The first of the rarest inner words, in a plain loop (no tuple and key call each).
        anchor = inner[0]
        places = index.get(anchor.group(), _NONE)
        for match in inner[1:]:
            found = index.get(match.group(), _NONE)
            if len(found) < len(places):
                anchor, places = match, found
        offset = anchor.start()
        if len(places) * len(needle) > len(self.normalised):
            return needle in self.normalised
        return any(
            place >= offset and self.normalised.startswith(needle, place - offset)
            for place in places
        )

    def _normalised_index(self) -> dict[str, array[int]]:
        """Where each word starts in the normalised text (built on first use)."""
        if self.normalised_index is None:
            index: defaultdict[str, array[int]] = defaultdict(_positions)
            for match in _WORD.finditer(self.normalised):
                index[match.group()].append(match.start())
            self.normalised_index = dict(index)
        return self.normalised_index

    def closest(self, quote: str) -> Passage | None:
        """The passage most like `quote`, when one is similar enough, else None.

        Each of the quote's less common words votes for where the quote would start if the
        word were in place; the few best-voted starts are compared word by word with
        difflib. The cost is bounded by the quote's length times `COMMON_WORD_LIMIT`, not by
        the document's size.
        """
        quote_words = [_normalise_word(w) for w in _WORD.findall(quote)]
        if not quote_words:
            return None
        if not self.line_starts:
            self._build_index()
        best: Passage | None = None
        for start in self._likely_starts(quote_words):
            passage = self._compare(quote_words, start)
            if passage.ratio >= SIMILAR and (best is None or passage.ratio > best.ratio):
                best = passage
        return best

    def _likely_starts(self, quote_words: list[str]) -> list[int]:
        votes: Counter[int] = Counter()
        for position, word in enumerate(quote_words):
            places = self.index.get(word, _NONE)
            if len(places) <= COMMON_WORD_LIMIT:
                votes.update(max(0, place - position) for place in places)
        return [start for start, _ in votes.most_common(CANDIDATES)]

    def _compare(self, quote_words: list[str], start: int) -> Passage:
        """Align the quote with a window around `start` (a few words of slack each side),
        then measure the similarity of the stretch the matching words span."""
        slack = max(3, len(quote_words) // 4)
        low = max(0, start - slack)
        window = self.words[low : start + len(quote_words) + slack]
        matcher = difflib.SequenceMatcher(None, quote_words, window, autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        if not blocks:
            return Passage("", 0, 0.0)
        first, last = low + blocks[0].b, low + blocks[-1].b + blocks[-1].size
        matched = self.words[first:last]
        ratio = difflib.SequenceMatcher(None, quote_words, matched, autojunk=False).ratio()
        return Passage(self._excerpt(first, last), self._line(first), ratio)

    def _excerpt(self, first: int, last: int) -> str:
        begin, finish = self.starts[first], self.ends[last - 1]
        text = " ".join(self.text[begin:finish].split())
        if len(text) > PASSAGE_LIMIT:
            text = text[: PASSAGE_LIMIT - 1].rstrip() + "…"
        return text

    def _line(self, word: int) -> int:
        return bisect.bisect_right(self.line_starts, self.starts[word])


_NONE: array[int] = array("q")
"""The positions of a word the document does not have (never written to)."""


_start = operator.methodcaller("start")


def _positions() -> array[int]:
    return array("q")


def _normalise_word(word: str) -> str:
    return word.lower() if word.isascii() else normalise_quote(word)


def read_document(path: Path) -> Document:
    """Read a document as UTF-8 text; OSError and UnicodeDecodeError pass to the caller."""
    raw = read_limited(path, DOCUMENT_SIZE_LIMIT, "documents")
    if b"\x00" in raw:
        raise UnicodeDecodeError("utf-8", raw, raw.index(b"\x00"), raw.index(b"\x00") + 1,
                                 "a NUL byte: this is a binary file")
    return Document(raw.decode("utf-8-sig"))
