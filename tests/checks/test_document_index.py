"""The closest-passage index: an ASCII document is indexed by a faster path with the same
words and offsets as the general one."""

from __future__ import annotations

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
