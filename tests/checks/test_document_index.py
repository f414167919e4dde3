"""The closest-passage index: an ASCII document is indexed by a faster path with the same
words and offsets as the general one."""

from __future__ import annotations

import pytest

from argmap.checks.document import Document

TEXT = "The River\tfloods; the RIVER's banks (2024) hold.\nSecond line: it_was dry.\n"


def index_of(text: str) -> tuple[list[str], list[int], list[int]]:
    document = Document(text)
    document._build_index()
    return document.words, list(document.starts), list(document.ends)


def test_the_ascii_path_gives_the_general_paths_words_and_offsets() -> None:
    words, starts, ends = index_of(TEXT)
    general = index_of(TEXT + "é")  # one non-ASCII character: the general path
    assert (words, starts, ends) == tuple(part[: len(words)] for part in general)
    assert words[:4] == ["the", "river", "floods", "the"]
    assert [TEXT[s:e] for s, e in zip(starts, ends, strict=True)][:5] == [
        "The", "River", "floods", "the", "RIVER"
    ]


def test_closest_passage_in_an_ascii_document() -> None:
    document = Document(TEXT)
    passage = document.closest("the rivers banks hold")
    assert passage is not None and passage.line == 1


def test_the_document_is_read_in_pieces_with_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pieces of a few characters (not the real quarter-megabyte) give the same words,
    offsets, missing quotes and closest passages as the whole text at once."""
    import argmap.checks.document as document_module

    text = (TEXT * 5) + "the river floods  again; RIVER banks hold (2024) fast.\n"
    quotes = ["the RIVER's banks", "banks hold fast", "it_was dry. The", "floods; the river", "x"]

    def results() -> tuple[object, ...]:
        document = Document(text)
        missing = document.missing(quotes)
        passages = document.closest_passages(quotes)
        return missing, passages, document.words, list(document.starts), list(document.ends)

    whole = results()
    for size in (1, 2, 5, 17):
        monkeypatch.setattr(document_module, "CHUNK", size)
        assert results() == whole
    assert whole[0] == [1, 4]
