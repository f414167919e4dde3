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


def test_messy_map_golden() -> None:
    source = HERE / "format" / "messy.argmap"
    formatted = same_map_after_formatting(source.read_text(encoding="utf-8"), source)
    assert formatted == (HERE / "format" / "messy.formatted.argmap").read_text(encoding="utf-8")


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
