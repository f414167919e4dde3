"""The caret snippet under a located message."""

from __future__ import annotations

from argmap.check_output.snippet import caret_snippet, format_diagnostic
from argmap.errors import Diagnostic, Span


def test_caret_underlines_the_span() -> None:
    line = "premis espionage: Each side spies."
    span = Span("m.argmap", 3, 1, 3, 7)
    assert caret_snippet(line, span) == f"  {line}\n  ^^^^^^"


def test_tabs_in_the_gutter_keep_the_caret_aligned() -> None:
    assert caret_snippet("\tx y", Span("f", 1, 4, 1, 5)) == "  \tx y\n  \t  ^"


def test_format_diagnostic_names_file_line_and_column() -> None:
    diagnostic = Diagnostic(
        "undefined-reference", "undefined statement `b`", Span("m.argmap", 2, 6, 2, 7), "a -> b"
    )
    assert format_diagnostic(diagnostic) == (
        "m.argmap:2:6: error: undefined statement `b`\n  a -> b\n       ^"
    )


def test_a_very_long_line_is_cut_to_a_window_around_the_span() -> None:
    line = "x" * 300_000 + "BAD" + "y" * 300_000
    snippet = caret_snippet(line, Span("f", 1, 300_001, 1, 300_004))
    text, carets = snippet.split("\n")
    assert len(text) < 200
    assert text.index("BAD") == carets.index("^") and carets.count("^") == 3


def test_a_span_at_the_end_of_the_line_gets_one_caret() -> None:
    assert caret_snippet("ab", Span("f", 1, 3, 1, 3)) == "  ab\n    ^"
