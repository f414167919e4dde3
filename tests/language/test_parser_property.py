"""Property: whatever the input, parsing returns a map or raises an ArgmapError, nothing else."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, ParseError

VALID = sorted((Path(__file__).resolve().parents[1] / "data" / "valid").glob("*.argmap"))
VALID_TEXTS = [path.read_text(encoding="utf-8-sig") for path in VALID]
FRAGMENTS = [
    "premise", "claim", "assumption", "conclusion", "premis", " a", " b", "c", ":", " ",
    "\t", "\n", "\r\n", "->", "→", "-|", "⊣", "><", "+", "(", ")", "#", "# ", "#tag", ">",
    "  > ", "  @note", "  @confidence", " 0.5", " 2", "@title", "@include", " x.argmap",
    "@document", "== ", "==", "\ufeff", "é", "\x00", "-", "|", "<", "=",
]  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TEMPORARY = tempfile.TemporaryDirectory(prefix="argmap-property-")  # removed at exit
FOLDER = _TEMPORARY.name
"""An empty folder to anchor the maps in, so that `@include` finds nothing real."""


def parse_only_raises_argmap_errors(text: str) -> None:
    try:
        argmap.parse(text, str(Path(FOLDER) / "m.argmap"))
    except ParseError as error:
        assert error.errors
        for diagnostic in error.errors:
            span = diagnostic.span
            assert span.line >= 1 and 1 <= span.column < span.end_column
            assert span.column <= len(diagnostic.source_line) + 1
            assert diagnostic.source_line, diagnostic
            assert diagnostic.message
    except ArgmapError:
        pass


@SETTINGS
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    parse_only_raises_argmap_errors(text)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_text_made_of_the_language_s_own_pieces(text: str) -> None:
    parse_only_raises_argmap_errors(text)


@st.composite
def mutated_valid_map(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(VALID_TEXTS)).splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            char = draw(st.sampled_from(FRAGMENTS) | st.characters())
            lines[index] = line[:at] + char + line[at:]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    return "".join(lines)


@SETTINGS
@given(mutated_valid_map())
def test_mutations_of_the_valid_maps(text: str) -> None:
    parse_only_raises_argmap_errors(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_in_a_file(data: bytes) -> None:
    path = Path(FOLDER) / "bytes.argmap"
    path.write_bytes(data)
    with contextlib.suppress(ArgmapError):
        argmap.load(path)
