"""`argmap fmt`: the canonical layout (golden), the same map after formatting, idempotence
(properties over the valid maps and their mutations), and the command's modes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.errors import ParseError
from argmap.language.format import format_text
from argmap.language.parser import parse_source
from argmap.model import ArgumentMap

HERE = Path(__file__).parent
VALID = HERE.parent / "data" / "valid"
MAPS = sorted([*VALID.glob("*.argmap"), *(HERE.parents[1] / "maps").glob("*.argmap")])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def graph_of(amap: ArgumentMap) -> dict[str, Any]:
    """What a map says, without where it says it (spans)."""
    def plain(data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k not in ("span", "quote_spans", "id_span")}

    return {
        "nodes": [(node, plain(data)) for node, data in amap.graph.nodes(data=True)],
        "edges": sorted((u, v, data["kind"]) for u, v, data in amap.graph.edges(data=True)),
        "meta": (amap.title, amap.author, amap.date, amap.sources,
                 [section.title for section in amap.sections]),
    }


def same_map_after_formatting(text: str, path: Path) -> str:
    formatted = format_text(text, str(path))
    assert graph_of(argmap.parse(formatted, str(path))) == graph_of(argmap.parse(text, str(path)))
    assert format_text(formatted, str(path)) == formatted
    return formatted


GOLDEN = sorted(
    path for path in (HERE / "format").glob("*.argmap")
    if not path.name.endswith(".formatted.argmap")
)


@pytest.mark.parametrize("source", GOLDEN, ids=lambda p: p.stem)
def test_golden(source: Path) -> None:
    """Each `format/NAME.argmap` formats to `format/NAME.formatted.argmap`: `messy` (every
    kind of line out of place), `trailing-comments` (the comment after `><`, `-|` and `->`
    lines), `continued-argument` (already canonical: the indent of a continued `argument`
    line, and the comments between its lines, stay as they are)."""
    formatted = same_map_after_formatting(source.read_text(encoding="utf-8"), source)
    expected = source.with_name(f"{source.stem}.formatted.argmap").read_text(encoding="utf-8")
    assert formatted == expected


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_valid_and_example_map_formats_to_the_same_map(path: Path) -> None:
    same_map_after_formatting(path.read_text(encoding="utf-8-sig"), path)


def test_comments_keep_their_words_and_their_place() -> None:
    text = (
        "# header\n\n"
        "premise a: A.\n"
        "a -> b   #   after\n"
        "#     indented example\n"
        "claim b: B.\n"
        "  #   in the body\n"
        "  @note n\n"
    )
    formatted = format_text(text, "m.argmap")
    assert formatted == (
        "# header\n\n"
        "premise a: A.\n"
        "#     indented example\n"
        "claim b: B.\n"
        "  #   in the body\n"
        "  @note n\n\n"
        "a -> b  # after\n"
    )


# Every place a comment can stand, one line each: the line's text, the indent of a whole-line
# comment above it (None: none may stand there), and whether it may end in a comment.
COMMENT_PLACES: tuple[tuple[str, str | None, bool], ...] = (
    ("@title Comments everywhere", "", True),
    ("@author Someone", "", True),
    ("premise a: A.", "", False),
    ("  > a quotation", "  ", False),
    ("  @note a note", "  ", True),
    ("premise b: B.", "", False),
    ("    and more text of b", "  ", False),
    ("claim c: C.", "", False),
    ("premise x: X.", "", False),
    ("== Part ==", "", True),
    ("claim d: D.", "", False),
    ("a -> c", "", True),
    ("a + b -> d", "", True),
    ("x -| c", "", True),
    ("x >< a", "", True),
    ("b -| (a -> c)", "", True),
    ("a", "", True),
    ("  + b", "  ", True),
    ("  -> c", "  ", True),
    ("argument step: a", "", True),
    ("    + x", "    ", True),
    ("    -> d", "    ", True),
    ("  @note a named step", "  ", True),
)
WORD = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Z")), min_size=1, max_size=6
).filter(lambda word: not word.startswith("k-"))


@st.composite
def commented_map(draw: st.DrawFn) -> tuple[str, dict[str, list[str]]]:
    """A map with comments drawn for any of its places: its text, and each comment's words
    by the marker (`k-<n>`) that starts it."""
    lines: list[str] = []
    comments: dict[str, list[str]] = {}

    def comment() -> str:
        marker = f"k-{len(comments)}"
        words = draw(st.lists(WORD, max_size=5))
        comments[marker] = words
        spaces = draw(st.lists(st.sampled_from([" ", "  ", "   "]), min_size=len(words),
                               max_size=len(words)))
        written = "".join(space + word for space, word in zip(spaces, words, strict=True))
        return f"# {marker}{written}"

    for line, indent, trailing in COMMENT_PLACES:
        if indent is not None and draw(st.booleans()):
            lines.append(indent + comment())
        if trailing and draw(st.booleans()):
            line += draw(st.sampled_from(["  ", " ", "\t"])) + comment()
        lines.append(line)
    return "\n".join(lines) + "\n", comments


@settings(max_examples=200, deadline=None)
@given(commented_map())
def test_property_every_comment_keeps_its_words(case: tuple[str, dict[str, list[str]]]) -> None:
    text, comments = case
    formatted = same_map_after_formatting(text, Path("m.argmap"))
    for marker, words in comments.items():
        found = [line for line in formatted.splitlines() if f"# {marker} " in f"{line} "]
        assert len(found) == 1, (marker, formatted)
        assert found[0].split(f"# {marker}", 1)[1].split() == words, (marker, formatted)


def test_crlf_line_ends_are_kept() -> None:
    formatted = format_text("claim b: B.\r\npremise a: A.\r\na->b\r\n", "m.argmap")
    assert formatted == "claim b: B.\r\npremise a: A.\r\n\r\na -> b\r\n"


def test_a_file_with_syntax_errors_is_not_formatted() -> None:
    with pytest.raises(ParseError) as caught:
        format_text("premise a: A.\nclaim b B.\n", "m.argmap")
    assert caught.value.errors[0].span.line == 2
    assert caught.value.errors[0].source_line == "claim b B."


@st.composite
def mutated_map(draw: st.DrawFn) -> tuple[str, Path]:
    path = draw(st.sampled_from(MAPS))
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        other = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "blank", "comment"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "blank":
            lines.insert(index, "\n")
        else:
            lines.insert(index, "# " + draw(st.text(max_size=10)).replace("\n", " ") + "\n")
    return "".join(lines), path


@SETTINGS
@given(mutated_map())
def test_property_mutated_maps_format_to_the_same_map(case: tuple[str, Path]) -> None:
    text, path = case
    assume(not parse_source(text, str(path))[1])
    try:
        argmap.parse(text, str(path))
    except ParseError:
        assume(False)
    same_map_after_formatting(text, path)


# -- the command ---------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["fmt", *args])
    return result.exit_code, result.stdout, result.stderr


def test_fmt_rewrites_in_place_and_then_has_nothing_to_do(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_bytes(b"\xef\xbb\xbfa->b\nclaim b: B.\npremise a: A.\n")
    assert run("--check", str(tmp_path)) == (1, "", f"{path}: would be reformatted\n"
                                             "1 file would be reformatted\n")
    code, _, err = run(str(path))
    assert (code, err) == (0, f"formatted {path}\n1 file formatted\n")
    assert path.read_bytes() == b"\xef\xbb\xbfclaim b: B.\npremise a: A.\n\na -> b\n"
    assert run("--check", str(path)) == (0, "", "1 file already formatted\n")


def test_fmt_diff_prints_the_change_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("a->b\nclaim b: B.\npremise a: A.\n", encoding="utf-8")
    code, out, _ = run("--diff", str(path))
    assert code == 0
    assert "-a->b\n" in out and "+a -> b\n" in out and out.startswith(f"--- {path} (as it is)")
    assert path.read_text(encoding="utf-8") == "a->b\nclaim b: B.\npremise a: A.\n"


def test_fmt_leaves_a_broken_file_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("premise a: A.\nclaim b B.\n", encoding="utf-8")
    code, _, err = run(str(path))
    assert code == 1
    assert f"{path}:2:" in err and "not formatted: fix the errors above first" in err
    assert path.read_text(encoding="utf-8") == "premise a: A.\nclaim b B.\n"


def test_fmt_check_of_a_folder_without_maps_is_a_usage_error(tmp_path: Path) -> None:
    # As for `argmap check`: a CI step pointed at the wrong folder must fail, not pass.
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    message = f"argmap fmt: error: no .argmap files in {tmp_path}\n"
    assert run("--check", str(tmp_path)) == (2, "", message)
