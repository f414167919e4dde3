"""The document search behind quote-not-found: normalisation, exact search, closest passage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.checks.document import Document
from argmap.checks.normalise import normalise_quote, normalise_statement

TEXT = (
    "The Cold War’s legacy of distrust continues to exist today — a fact\n"
    "both governments “rarely” admit.\n"
    "\n"
    "Trade is expected to grow by 36 percent to $147 billion in 2021.\n"
)


def contains(document: Document, quote: str) -> bool:
    """Whether the quote occurs in the document, after normalising both."""
    return not document.missing([quote])


def test_normalisation() -> None:
    assert normalise_quote("The  Cold\nWar’s – “x”") == "the cold war's - \"x\""
    assert normalise_quote("ﬁne…") == "fine..."
    assert normalise_statement("It is, RAINING!  ") == "it is raining"


def test_contains_folds_case_space_quotes_and_dashes() -> None:
    document = Document(TEXT)
    assert contains(document, "cold war's legacy")
    assert contains(document, "today - a fact both governments \"rarely\" admit")
    assert contains(document, "he Cold War")
    assert contains(document, "admit. Trade is")
    assert not contains(document, "the cold war legacy")
    assert not contains(document, "rarely admit")


def test_closest_passage_and_its_line() -> None:
    document = Document(TEXT)
    passage = document.closest("Trade is expected to grow by 63 percent to $147 billion")
    assert passage is not None
    assert passage.line == 4
    assert passage.text == "Trade is expected to grow by 36 percent to $147 billion"
    assert document.closest("nothing like anything in there at all") is None


def test_closest_passage_is_cut_when_long() -> None:
    document = Document("word " * 20 + " ".join(f"w{i}" for i in range(200)))
    passage = document.closest(" ".join(f"w{i}" for i in range(190)) + " extra")
    assert passage is not None and passage.text.endswith("…") and len(passage.text) == 160


def test_a_closest_passage_of_exactly_the_limit_is_shown_whole() -> None:
    sentence = "The ministers met again in the spring and agreed " + "x" * 102 + " on trade"
    assert len(sentence) == 160
    passage = Document(sentence).closest(sentence.replace("spring", "autumn"))
    assert passage is not None and passage.text == sentence


def test_a_closest_passage_matches_words_written_with_ligatures() -> None:
    """A document's `ﬁnance` and `ﬁnally` (typeset ligatures) are the quote's `finance`
    and `finally`: four of its five words are there, so the passage is shown."""
    document = Document("Later the ﬁnance ministers ﬁnally agreed.\n")
    passage = document.closest("the finance ministers finally disagreed")
    assert passage is not None and passage.text == "the ﬁnance ministers ﬁnally"


words = st.sampled_from(["a", "the", "War’s", "distrust", "—", "-", "“x”", "1", "aa", "ab"])


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=40), st.data())
def test_contains_agrees_with_a_plain_search(tokens: list[str], data: st.DataObject) -> None:
    text = " ".join(tokens)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = data.draw(st.sampled_from([text[start:end], text[start:end] + " ab", "the a"]))
    expected = normalise_quote(quote) in normalise_quote(text)
    assert contains(Document(text), quote) is expected


def test_ascii_statements_fold_as_the_general_path_does() -> None:
    """normalise_statement's byte-table path for ASCII equals the unicode path (NFKC,
    casefold, marks folded, punctuation to spaces), character by character: a trailing
    no-break space (NFKC: a space) sends the same text down the unicode path."""
    for code in range(128):
        text = f"A{chr(code)}b {chr(code)}"
        assert normalise_statement(text) == normalise_statement(text + "\u00a0"), repr(chr(code))
    assert normalise_statement("Don`t, it's") == "don t it s"


def test_a_quote_at_the_very_start_found_through_a_repeated_word() -> None:
    """A quote whose inner words all occur twice is searched for around the places of its
    rarest one; one starting at the document's first character is found there too."""
    filler = " ".join(f"word{number}" for number in range(600))
    document = Document(f"Alpha beta gamma delta. {filler} beta gamma again.\n")
    assert document.missing(["alpha beta gamma delta", "Alpha beta gamma", "beta gamma delta",
                             "alpha beta gamma omega"]) == [3]
