"""The analysed document: exact search for quotes, and the closest passage when one is missing."""

from __future__ import annotations

import bisect
import difflib
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from argmap.checks.normalise import normalise_quote
from argmap.fileio import DOCUMENT_SIZE_LIMIT, read_limited
from argmap.textlines import line_starts

_WORD = re.compile(r"\w+")
_WORD_OR_GAP = re.compile(r"(\w+)")
"""Splits a text into gap, word, gap, ..., word, gap (the group keeps the words)."""
COMMON_WORD_LIMIT = 200
"""Words this frequent in the document ('the', 'of') are not used to place a quote."""
CANDIDATES = 5
"""How many likely places of a missing quote are compared in full."""
SIMILAR = 0.6
"""The least word-level similarity for a passage to be shown as the closest one."""
PASSAGE_LIMIT = 160
CHUNK = 1 << 18
"""Characters of the document split into words at a time (all its words at once would
take tens of MB that the index does not keep)."""


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
    counts: Counter[str] = field(default_factory=Counter)
    line_starts: array[int] = field(default_factory=lambda: array("q"))

    def __post_init__(self) -> None:
        self.normalised = normalise_quote(self.text)

    def _build_index(self) -> None:
        """Words, their offsets and how often each occurs: built on the first missing quote.

        Where each word is, only the words of the missing quotes need (`_Places`)."""
        if self.text.isascii():
            # The common case, in C: lowercasing ASCII keeps every word where it was, and
            # splitting on words (kept by the group) gives the text in pieces, word and
            # gap by turns, whose running lengths are the words' offsets. Each distinct
            # word is stored once (documents repeat their words).
            # A piece of the text at a time: all the pieces of a long document at once
            # would take tens of MB more than the words they leave.
            for offset, chunk in _chunks(self.text, " ", keep=True):
                pieces = _WORD_OR_GAP.split(chunk.lower())
                self.words += map(sys.intern, pieces[1::2])
                offsets = array("q", accumulate(map(len, pieces), initial=offset))
                self.starts += offsets[1:-1:2]
                self.ends += offsets[2::2]
        else:
            distinct: dict[str, str] = {}
            for match in _WORD.finditer(self.text):
                word = _normalise_word(match.group())
                self.words.append(distinct.setdefault(word, word))
                start, end = match.span()
                self.starts.append(start)
                self.ends.append(end)
        self.counts = Counter(self.words)
        self.line_starts = line_starts(self.text)

    def contains(self, quote: str) -> bool:
        """Whether the quote occurs in the document, after normalising both."""
        return not self.missing([quote])

    def missing(self, quotes: Sequence[str]) -> list[int]:
        """The indexes of the quotes that do not occur in the document (normalised both).

        A plain `in` scans the whole document for every quote; with thousands of quotes
        against a long document that adds up. So each quote is anchored on its rarest inner
        token (the normalised texts are tokens joined by single spaces, and a token inside
        the quote is a whole token wherever the quote occurs) and compared only where that
        token is, unless that would cost more than the scan. All the quotes share one pass
        over the document's tokens.
        """
        text = self.normalised
        counts: Counter[str] = Counter()
        for _, chunk in _chunks(text, " "):
            counts.update(chunk.split(" "))
        # (needle, anchor token, its offset in the needle), no anchor: scan the whole text;
        # None: not in the document.
        plans: list[tuple[str, str, int] | None] = []
        rarity = counts.__getitem__
        repeated: set[str] = set()
        for quote in quotes:
            needle = normalise_quote(quote)
            parts = needle.split(" ")
            if len(parts) < 3:
                plans.append((needle, "", -1))
                continue
            anchor = min(parts[1:-1], key=rarity)  # the first of the rarest, in C
            fewest = counts[anchor]
            if not fewest:  # a token the document does not have: the quote is not in it
                plans.append(None)
            elif fewest * len(needle) > len(text):
                plans.append((needle, "", -1))
            else:
                # The anchor's first place as an inner token (the first token has no
                # space before it): where that first of the rarest is.
                plans.append((needle, anchor, needle.find(f" {anchor} ") + 1))
                if fewest > 1:
                    repeated.add(anchor)
        places = _token_places(text, {plan[1] for plan in plans if plan is not None and plan[1]},
                               repeated)
        result = []
        for number, plan in enumerate(plans):
            if plan is None:
                result.append(number)
                continue
            needle, anchor, offset = plan
            if not anchor:
                if needle not in text:
                    result.append(number)
            elif anchor not in places.more:  # the common case: the anchor is in one place
                start = places.once[anchor] - offset
                if start < 0 or not text.startswith(needle, start):
                    result.append(number)
            elif not any(
                place >= offset and text.startswith(needle, place - offset)
                for place in places.of(anchor)
            ):
                result.append(number)
        return result

    def closest(self, quote: str) -> Passage | None:
        """The passage most like `quote`, when one is similar enough, else None."""
        return self.closest_passages([quote])[0]

    def closest_passages(self, quotes: Sequence[str]) -> list[Passage | None]:
        """For each quote, the passage most like it, when one is similar enough, else None.

        Each of the quote's less common words votes for where the quote would start if the
        word were in place; the few best-voted starts are compared word by word with
        difflib. The cost is bounded by the quote's length times `COMMON_WORD_LIMIT`, not by
        the document's size, besides one pass over the document's words for all the quotes
        (to find their less common words).
        """
        if not self.line_starts:
            self._build_index()
        quote_words = [[_normalise_word(w) for w in _WORD.findall(quote)] for quote in quotes]
        counts = self.counts
        wanted = {
            word
            for words in quote_words
            for word in words
            if 0 < counts[word] <= COMMON_WORD_LIMIT
        }
        positions = [position for position, word in enumerate(self.words) if word in wanted]
        index = _Places(
            list(map(self.words.__getitem__, positions)),
            positions,
            {word for word in wanted if counts[word] > 1},
        )
        passages: list[Passage | None] = []
        for words in quote_words:
            best: Passage | None = None
            for start in _likely_starts(index, words):
                passage = self._compare(words, start)
                if passage.ratio >= SIMILAR and (best is None or passage.ratio > best.ratio):
                    best = passage
            passages.append(best)
        return passages

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


class _Places:
    """Where each of some wanted words is, in order (word positions or text offsets).

    A word met once (most of a document's rarer words) is kept as its one place, in a
    dict built in C; only repeated words get a list each.
    """

    def __init__(self, words: list[str], places: list[int], repeated: set[str]) -> None:
        """`words[i]` is at `places[i]`; `repeated`: the words that occur more than once."""
        self.once = dict(zip(words, places, strict=True))
        self.more: dict[str, list[int]] = {}
        if repeated:
            for word, place in zip(words, places, strict=True):
                if word in repeated:
                    self.more.setdefault(word, []).append(place)

    def of(self, word: str) -> Sequence[int]:
        """The positions of `word` (none when it was not wanted or is not there)."""
        more = self.more.get(word)
        if more is not None:
            return more
        once = self.once.get(word)
        return () if once is None else (once,)


def _token_places(text: str, wanted: set[str], repeated: set[str]) -> _Places:
    """Where the wanted tokens of a normalised text (tokens joined by single spaces)
    start: one pass over the text, a piece at a time."""
    words: list[str] = []
    places: list[int] = []
    for offset, chunk in _chunks(text, " "):
        tokens = chunk.split(" ")
        found = [position for position, token in enumerate(tokens) if token in wanted]
        if found:
            # A token starts after the ones before it and a space each.
            before = list(accumulate(map(len, tokens), initial=offset))
            words += map(tokens.__getitem__, found)
            places += (before[position] + position for position in found)
    return _Places(words, places, repeated)


def _chunks(text: str, cut: str, *, keep: bool = False) -> Iterator[tuple[int, str]]:
    """The text in pieces of about `CHUNK` characters with their offsets, each cut just
    before a `cut` character; that character starts the next piece with `keep`, else it
    is dropped (as `split(cut)` drops it). Without `cut` in the rest, the rest is one piece."""
    start = 0
    while True:
        end = text.find(cut, start + CHUNK)
        if end < 0:
            yield start, text[start:]
            return
        yield start, text[start:end]
        start = end if keep else end + 1


def _likely_starts(index: _Places, quote_words: list[str]) -> list[int]:
    """The few word positions where the quote most likely starts, by the votes of its words."""
    votes: Counter[int] = Counter()
    for position, word in enumerate(quote_words):
        places = index.of(word)
        if places:
            votes.update(max(0, place - position) for place in places)
    return [start for start, _ in votes.most_common(CANDIDATES)]


def _normalise_word(word: str) -> str:
    return word.lower() if word.isascii() else normalise_quote(word)


def read_document(path: Path) -> Document:
    """Read a document as UTF-8 text; OSError and UnicodeDecodeError pass to the caller."""
    raw = read_limited(path, DOCUMENT_SIZE_LIMIT, "documents")
    if b"\x00" in raw:
        raise UnicodeDecodeError("utf-8", raw, raw.index(b"\x00"), raw.index(b"\x00") + 1,
                                 "a NUL byte: this is a binary file")
    return Document(raw.decode("utf-8-sig"))
