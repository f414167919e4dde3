"""The document's indexes: an ASCII document is indexed by a faster path (its words, a
segment at a time) that must give the general path's words, offsets, missing quotes and
closest passages."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.checks.document as document_module
from argmap.checks.document import (
    Document,
    Passage,
    _general_index,
    _Segments,
)
from argmap.checks.normalise import normalise_quote

TEXT = "The River\tfloods; the RIVER's banks (2024) hold.\nSecond line: it_was dry.\n"
QUOTES = ["the RIVER's banks", "banks hold fast", "it_was dry. The", "floods; the river", "x",
          "the river floods  again", "Second line: it was dry", "(2024) hold. second"]


def general(text: str) -> Document:
    """A document searched and indexed by the general path, whatever its characters."""
    document = Document(text)
    document.__dict__["_search"] = _Segments(normalise_quote(text))
    document.__dict__["_passages"] = _general_index(text)
    return document


def results(document: Document, quotes: list[str]) -> tuple[list[int], list[Passage | None]]:
    return document.missing(quotes), document.closest_passages(quotes)


def test_the_ascii_path_gives_the_general_paths_words_and_offsets() -> None:
    ascii_index = Document(TEXT)._passages
    general_index = _general_index(TEXT)
    assert ascii_index.words == general_index.words
    assert ascii_index.words[:4] == ["the", "river", "floods", "the"]
    spans = [ascii_index.spans.stretch(word, word) for word in range(len(ascii_index.words))]
    assert spans == [general_index.spans.stretch(word, word) for word in range(len(spans))]
    assert [TEXT[start:end] for start, end in spans][:5] == ["The", "River", "floods", "the",
                                                             "RIVER"]


def test_the_ascii_path_gives_the_general_paths_results() -> None:
    text = TEXT * 3 + "the river floods  again; RIVER banks hold (2024) fast.\n"
    assert results(Document(text), QUOTES) == results(general(text), QUOTES)
    assert results(Document(text), QUOTES)[0] == [1, 4, 6]


def test_closest_passage_in_an_ascii_document() -> None:
    document = Document(TEXT)
    passage = document.closest("the rivers banks hold")
    assert passage is not None and passage.line == 1


def test_the_document_is_read_in_segments_with_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Segments of a few characters (not the real kilobyte) give the same missing quotes
    and closest passages as the whole text at once, on either path."""
    text = (TEXT * 5) + "the river floods  again; RIVER banks hold (2024) fast.\n"
    whole = results(Document(text), QUOTES)
    for size in (1, 2, 5, 17):
        monkeypatch.setattr(document_module, "SEGMENT", size)
        assert results(Document(text), QUOTES) == whole
        assert results(general(text), QUOTES) == whole
    assert whole[0] == [1, 4, 6]


words = st.sampled_from(["a", "the", "War's", "war", "distrust", "-", "x.", "(1)", "1", "aa",
                         "a_b", "`b`", "AA", "\n", "\t", "  ", "\n\n", ",", "end."])


@settings(max_examples=150, deadline=None)
@given(st.lists(words, min_size=1, max_size=60), st.data(), st.sampled_from([1, 3, 8, 1024]))
def test_both_paths_agree(tokens: list[str], data: st.DataObject, size: int) -> None:
    """On any ASCII text, in segments of any size, the ASCII path finds and misses the same
    quotes as the general path, and proposes the same closest passages."""
    text = " ".join(tokens)
    quotes = []
    for _ in range(4):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        quotes.append(data.draw(st.sampled_from(
            [text[start:end], text[start:end] + " aa", "the " + text[start:end]])))
    saved = document_module.SEGMENT
    try:
        document_module.SEGMENT = size
        expected = [number for number, quote in enumerate(quotes)
                    if normalise_quote(quote) not in normalise_quote(text)]
        assert results(Document(text), quotes) == results(general(text), quotes)
        assert Document(text).missing(quotes) == expected
    finally:
        document_module.SEGMENT = saved


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), min_size=1, max_size=15),
       st.lists(st.sampled_from("abcdef"), min_size=1, max_size=25))
def test_the_ratio_of_the_matched_stretch(quote: list[str], window: list[str]) -> None:
    """_compare's ratio from the window's blocks is difflib's ratio of the quote and the
    stretch those blocks span (what a second matcher would compute)."""
    blocks = [block for block in difflib.SequenceMatcher(
        None, quote, window, autojunk=False).get_matching_blocks() if block.size]
    if not blocks:
        return
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
    matches = sum(block.size for block in blocks)
    expected = difflib.SequenceMatcher(None, quote, window[first:last], autojunk=False).ratio()
    assert 2.0 * matches / (len(quote) + last - first) == expected
