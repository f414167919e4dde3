"""The analysed document: exact search for quotes, and the closest passage when one is missing."""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from itertools import compress, count, repeat
from operator import itemgetter
from pathlib import Path

from argmap.checks.normalise import fold_ascii, normalise_quote
from argmap.fileio import DOCUMENT_SIZE_LIMIT, read_limited
from argmap.textlines import line_starts

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s")
_ASCII_WORDS = str.maketrans(
    {code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")}
    | {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
)
"""Every ASCII character that `\\w` does not match to a space, and capitals to small
letters: the words of an ASCII text are then what `split()` gives, each where it was."""
_ASCII_SPACES = str.maketrans({code: " " for code in range(128) if chr(code).isspace()})
"""Every ASCII character `split()` splits at, to a space."""
COMMON_WORD_LIMIT = 200
"""Words this frequent in the document ('the', 'of') are not used to place a quote."""
CANDIDATES = 5
"""How many likely places of a missing quote are compared in full."""
SIMILAR = 0.6
"""The least word-level similarity for a passage to be shown as the closest one."""
PASSAGE_LIMIT = 160
SEGMENT = 1 << 10
"""Characters of the searched text split into words at a time. A word is placed by its
segment only (a quote is then searched for around that segment); a word offset for every
word would cost more than the search and the closest passages together."""


@dataclass(frozen=True)
class Passage:
    """A stretch of the document: its text (whitespace collapsed), first line and similarity."""

    text: str
    line: int
    ratio: float


class Document:
    """A document's text, with the indexes for finding quotes and near misses (built on use)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _search(self) -> _Segments:
        """The normalised text and the pieces it is searched by: the words of an ASCII
        text (its common case, one pass over the text for every index), else the
        normalised text's tokens. An inner piece of a quote (one with a piece on either
        side) is a whole piece wherever the quote occurs."""
        if self.text.isascii():
            return _ascii_segments(self.text)
        return _Segments(normalise_quote(self.text))

    @cached_property
    def _passages(self) -> _WordIndex:
        search = self._search
        if search.source is None:
            return _general_index(self.text)
        return _WordIndex(
            search.words, search.counts, search, self.text, line_starts(self.text), search.place
        )

    def missing(self, quotes: Sequence[str]) -> list[int]:
        """The indexes of the quotes that do not occur in the document (normalised both).

        A plain `in` scans the whole document for every quote; with thousands of quotes
        against a long document that adds up. So each quote is anchored on an inner piece:
        the first met only once in the document if it has one (most do), else its rarest,
        and searched for only around the segments that piece is in, unless that would cost
        more than the scan. All the quotes share one pass over the document's pieces.
        """
        search = self._search
        text = search.normalised
        needles = list(map(normalise_quote, quotes))
        once, starts, find = search.once.get, search.starts, text.find
        result = []
        rest = []
        for number, needle in enumerate(needles):
            # A piece met once is as good as any: the first one. It is a word of the
            # document (only words are counted), so an inner piece of an ASCII text's too.
            for part in needle.split(" ")[1:-1]:
                segment = once(part)
                if segment is not None:
                    if find(needle, max(0, starts[segment] - len(needle)),
                            starts[segment + 1] + len(needle)) < 0:
                        result.append(number)
                    break
            else:
                rest.append(number)
        anchors = [search.anchor(needles[number]) for number in rest]
        places = _places(search.words, search.counts, set(filter(None, anchors)), search.place)
        for number, anchor in zip(rest, anchors, strict=True):
            needle = needles[number]
            if anchor is None:
                result.append(number)
            elif not anchor:
                if needle not in text:
                    result.append(number)
            elif not any(search.around(needle, place) for place in places.of(anchor)):
                result.append(number)
        result.sort()
        return result

    def misquotes(self, quotes: list[str]) -> Misquotes:
        """The quotes not in the document (their numbers), each with its closest passage."""
        missing = self.missing(quotes)
        return missing, self.closest_passages([quotes[number] for number in missing])

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
        if not quotes:
            return []
        index = self._passages
        quote_words = list(map(_quote_words, quotes))
        counts = index.counts
        wanted = {
            word
            for words in quote_words
            for word in words
            if 0 < counts[word] <= COMMON_WORD_LIMIT
        }
        places = _places(index.words, counts, wanted, index.place)
        passages: list[Passage | None] = []
        for words in quote_words:
            best: Passage | None = None
            for start in _likely_starts(places, words):
                passage = _compare(index, words, start)
                if passage.ratio >= SIMILAR and (best is None or passage.ratio > best.ratio):
                    best = passage
            passages.append(best)
        return passages


class _Segments:
    """A normalised text, the pieces it is searched by, in order, how often each occurs,
    and which segment of the text each is in.

    `source`, when given, is the original text with every character that `\\w` does not
    match made a space (and lower case), at the original's offsets: the pieces are then
    its words, and `span` finds where one is in the original.
    """

    def __init__(self, normalised: str, source: str | None = None) -> None:
        self.normalised = normalised
        self.source = source
        self.words: list[str] = []
        self.counts: Counter[str] = Counter()
        self.segment_of: dict[str, int] = {}  # the last segment each word is in
        self.once: dict[str, int] = {}  # the segment of each word met once
        # Lists, not arrays: bisect and indexing read a list's ints without making any.
        self.firsts: list[int] = []  # the number of words before each segment
        self.starts: list[int] = []  # where each segment starts in `normalised`, and its end
        self.origins: list[int] = []  # where each starts in `source`, and its end
        if source is None and normalised:  # the normalised text's tokens, a segment at a time
            for offset, segment in _segments(normalised):
                self.add(offset, offset, segment.split(" "))
        if source is None:
            self.end(len(normalised), len(normalised))

    def add(self, start: int, origin: int, words: list[str]) -> None:
        """The next segment: where it starts in `normalised` and in `source`, its words
        (each distinct word is kept once: documents repeat their words)."""
        words = list(map(sys.intern, words))  # first: the look-ups after meet the same objects
        self.segment_of.update(zip(words, repeat(len(self.firsts))))
        self.firsts.append(len(self.words))
        self.starts.append(start)
        self.origins.append(origin)
        self.words += words

    def end(self, length: int, origin: int) -> None:
        """After the last segment: where the texts end (a space's width past them), and
        how often each word occurs."""
        self.starts.append(length + 1)
        self.origins.append(origin + 1)
        self.firsts.append(len(self.words))
        self.counts = Counter(self.words)
        counted = map(self.counts.__getitem__, self.segment_of)
        self.once = dict(compress(self.segment_of.items(), map((1).__eq__, counted)))

    def anchor(self, needle: str) -> str | None:
        """Where to look for a normalised quote with no inner token met once in the text:
        the first of its rarest inner pieces; "" to scan the whole text; None when it
        cannot be in the text."""
        if self.source is not None and not needle.isascii():  # no ASCII text holds it
            return None
        inner = needle.split(" ")[1:-1]
        if self.source is not None:
            # A token of letters and digits is an inner word; the others only when there
            # is no such token (translating every quote costs more).
            inner = [part for part in inner if part.isalnum()]
            if not inner:
                inner = needle.translate(_ASCII_WORDS).split()[1:-1]
        if not inner:
            return ""
        rarity = self.counts.__getitem__
        anchor = min(inner, key=rarity)  # the first of the rarest, in C
        fewest = rarity(anchor)
        if not fewest:  # a piece the text does not have: the quote is not in it
            return None
        if fewest * (SEGMENT + 2 * len(needle)) > len(self.normalised):
            return ""  # more places than a scan is worth
        return anchor

    def segment(self, word: int) -> int:
        return bisect.bisect_right(self.firsts, word) - 1

    def place(self, word: str) -> int:
        """The position of a word met once (found in its segment)."""
        segment = self.segment_of[word]
        return self.words.index(word, self.firsts[segment], self.firsts[segment + 1])

    def around(self, needle: str, word: int) -> bool:
        """Whether `needle` occurs in the normalised text across the segment of the word
        at position `word`."""
        after = bisect.bisect_right(self.firsts, word)  # the segment's number + 1
        start = max(0, self.starts[after - 1] - len(needle))
        return self.normalised.find(needle, start, self.starts[after] + len(needle)) >= 0

    def stretch(self, first: int, last: int) -> tuple[int, int]:
        """Where the words from position `first` to `last` start and end in the source."""
        assert self.source is not None
        segment = self.segment(first)
        origin = self.origins[segment]
        text = self.source[origin : self.origins[segment + 1]]
        # Split off the words before each: what is left starts with it.
        rest = text.split(None, first - self.firsts[segment])[-1]
        begin = origin + len(text) - len(rest)
        if self.segment(last) == segment:  # mostly: a passage is shorter than a segment
            end = begin + len(rest) - len(rest.split(None, last - first)[-1])
        else:
            segment = self.segment(last)
            origin = self.origins[segment]
            text = self.source[origin : self.origins[segment + 1]]
            end = origin + len(text) - len(text.split(None, last - self.firsts[segment])[-1])
        return begin, end + len(self.words[last])


def _ascii_segments(text: str) -> _Segments:
    """An ASCII text's index, a segment at a time: the segment's whitespace collapsed (as
    normalise_quote does) and its words, in one pass over the text."""
    source = text.translate(_ASCII_WORDS)
    spaced = text.translate(_ASCII_SPACES)
    index = _Segments("", source)
    collapsed: list[str] = []
    length = -1  # of the normalised text so far: no space before the first segment
    for origin, end in _segment_bounds(text):
        # " ".join(split()) without a string for every token: runs of spaces halve
        # until none is left (most are a single space already).
        folded = spaced[origin:end]
        while "  " in folded:
            folded = folded.replace("  ", " ")
        folded = folded.strip(" ")
        index.add(length + 1, origin, source[origin:end].split())
        if folded:
            collapsed.append(folded)
            length += len(folded) + 1
    index.normalised = fold_ascii(" ".join(collapsed))
    index.end(len(index.normalised), len(text))
    return index


class _Spans:
    """Where each word of a text is: offsets for every word (the general index's words are
    not the pieces of any text split at spaces)."""

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self.starts = starts
        self.ends = ends

    def stretch(self, first: int, last: int) -> tuple[int, int]:
        """Where the words from position `first` to `last` start and end."""
        return self.starts[first], self.ends[last]


@dataclass(frozen=True)
class _WordIndex:
    """The closest-passage index: the document's words in order, how often each occurs,
    where each is in `text` (`spans`) and where `text`'s lines start."""

    words: list[str]
    counts: Counter[str]
    spans: _Segments | _Spans
    text: str
    lines: array[int]
    place: Callable[[str], int] | None = None  # finds a word met once, when it can


def _general_index(text: str) -> _WordIndex:
    """The index of any text: its words normalised one by one, at their own offsets."""
    words: list[str] = []
    starts = array("q")
    ends = array("q")
    distinct: dict[str, str] = {}
    for match in _WORD.finditer(text):
        word = _normalise_word(match.group())
        words.append(distinct.setdefault(word, word))
        start, end = match.span()
        starts.append(start)
        ends.append(end)
    return _WordIndex(words, Counter(words), _Spans(starts, ends), text, line_starts(text))


def _compare(index: _WordIndex, quote_words: list[str], start: int) -> Passage:
    """Align the quote with a window around `start` (a few words of slack each side),
    then measure the similarity of the stretch the matching words span."""
    slack = max(3, len(quote_words) // 4)
    low = max(0, start - slack)
    window = index.words[low : start + len(quote_words) + slack]
    blocks = _matching_blocks(quote_words, window)
    if not blocks:
        return Passage("", 0, 0.0)
    first, last = low + blocks[0][1], low + blocks[-1][1] + blocks[-1][2]
    # difflib's ratio of the quote and words[first:last]: matching the quote against that
    # stretch finds the same blocks (the window's longest matches all lie inside it), so
    # the same 2 * matches / total, without a second matcher.
    matches = sum(size for _, _, size in blocks)
    ratio = 2.0 * matches / (len(quote_words) + last - first)
    begin, finish = index.spans.stretch(first, last - 1)
    text = " ".join(index.text[begin:finish].split())
    if len(text) > PASSAGE_LIMIT:
        text = text[: PASSAGE_LIMIT - 1].rstrip() + "…"
    return Passage(text, bisect.bisect_right(index.lines, begin), ratio)


def _matching_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """The blocks of words `a` and `b` have in common, in order, by difflib (no junk:
    every word of a quote counts), without its final empty block."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [(i, j, size) for i, j, size in matcher.get_matching_blocks() if size]


class _Places:
    """Where each of some wanted words is, in order (word positions).

    A word met once (most of a document's rarer words) is kept as its one place; only
    repeated words get a list each.
    """

    def __init__(self, once: dict[str, int], more: dict[str, list[int]]) -> None:
        self.once = once
        self.more = more

    def of(self, word: str) -> Sequence[int]:
        """The positions of `word` (none when it was not wanted or is not there)."""
        more = self.more.get(word)
        if more is not None:
            return more
        once = self.once.get(word)
        return () if once is None else (once,)


def _places(
    words: list[str],
    counts: Counter[str],
    wanted: set[str],
    place: Callable[[str], int] | None,
) -> _Places:
    """Where the wanted words (all in `words`) are: a word met once by `place` when that is
    given, the others found in one pass over the words, in C."""
    repeated = set(compress(wanted, map((1).__lt__, map(counts.__getitem__, wanted))))
    once: dict[str, int]
    if place is None:
        sought, once = wanted, {}
    else:
        sought, once = repeated, {word: place(word) for word in wanted - repeated}
    more: dict[str, list[int]] = {}
    if sought:
        positions = list(compress(count(), map(sought.__contains__, words)))
        found = list(map(words.__getitem__, positions))
        if place is None:
            once = dict(zip(found, positions, strict=True))
        for word, position in zip(found, positions, strict=True):
            if word in repeated:
                more.setdefault(word, []).append(position)
    return _Places(once, more)


def _segments(text: str) -> Iterator[tuple[int, str]]:
    """The text in pieces of about `SEGMENT` characters with their offsets, each cut at a
    whitespace character, which is dropped (no word or token spans two pieces). Without
    one in the rest, the rest is one piece."""
    for start, end in _segment_bounds(text):
        yield start, text[start:end]


def _segment_bounds(text: str) -> Iterator[tuple[int, int]]:
    """Where each of `_segments` starts and ends."""
    start = 0
    while True:
        cut = _SPACE.search(text, start + SEGMENT)
        if cut is None:
            yield start, len(text)
            return
        end = cut.start()
        yield start, end
        start = end + 1


def _likely_starts(index: _Places, quote_words: list[str]) -> list[int]:
    """The few word positions where the quote most likely starts, by the votes of its words."""
    votes: dict[int, int] = {}
    for position, word in enumerate(quote_words):
        for place in index.of(word):
            start = max(0, place - position)
            votes[start] = votes.get(start, 0) + 1
    # Counter.most_common's order (most votes first, ties in the order first voted for),
    # which is sorted's: it keeps ties in order.
    ranked = sorted(votes.items(), key=itemgetter(1), reverse=True)
    return [start for start, _ in ranked[:CANDIDATES]]


def _quote_words(quote: str) -> list[str]:
    """A quote's words as the closest-passage index has the document's."""
    if quote.isascii():  # lower case keeps every word where it was
        return _WORD.findall(quote.lower())
    return [_normalise_word(word) for word in _WORD.findall(quote)]


def _normalise_word(word: str) -> str:
    return word.lower() if word.isascii() else normalise_quote(word)


Misquotes = tuple[list[int], list[Passage | None]]
"""The numbers of the quotes not found in a document, and the closest passage to each."""


def misquotes_in_text(text: str, quotes: list[str]) -> Misquotes:
    """`Document.misquotes` for a document's text: the job sent to another process."""
    return Document(text).misquotes(quotes)


def read_document(path: Path) -> Document:
    """Read a document as UTF-8 text; OSError and UnicodeDecodeError pass to the caller."""
    raw = read_limited(path, DOCUMENT_SIZE_LIMIT, "documents")
    if b"\x00" in raw:
        raise UnicodeDecodeError("utf-8", raw, raw.index(b"\x00"), raw.index(b"\x00") + 1,
                                 "a NUL byte: this is a binary file")
    return Document(raw.decode("utf-8-sig"))
