"""Control characters in map text, file names and documents never reach the terminal raw."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.check_output.snippet import caret_snippet
from argmap.cli import main
from argmap.errors import Span
from argmap.visible import _JSON_ESCAPES, visible, visible_json, visible_line

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
HOSTILE = f"one{CLEAR}two{TITLE}three\u202eevil\x08\x9b31m"
SHOWN = "one\\x1b[2Jtwo\\x1b]0;pwned\\x07three\\u202eevil\\x08\\x9b31m"
RAW = set("\x1b\x07\x08\r\x9b\x9c\x9d\u202e")
# A map may not hold C0 control characters (each is a syntax error); C1 ones, which some
# terminals also act on (CSI, OSC, ST), and bidirectional overrides it may.
CLEAR_C1 = "\x9b2J"
TITLE_C1 = "\x9d0;pwned\x9c"
ALLOWED = f"one{CLEAR_C1}two{TITLE_C1}three\u202eevil\x9b31m"
ALLOWED_SHOWN = "one\\x9b2Jtwo\\x9d0;pwned\\x9cthree\\u202eevil\\x9b31m"


def raw(text: str) -> set[str]:
    return RAW & set(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (HOSTILE, SHOWN),
        ("over\rwrite", "over\\x0dwrite"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("\x00\x1f\x7f\x85\x9f", "\\x00\\x1f\\x7f\\x85\\x9f"),
        ("\u2028\u2029\u200e\u2066", "\\u2028\\u2029\\u200e\\u2066"),
        ("é 安全 → ✓ \\x1b", "é 安全 → ✓ \\x1b"),
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_visible_line_escapes_line_feeds() -> None:
    assert visible_line("a\nb\tc") == "a\\nb\tc"


def test_the_caret_stays_under_its_characters() -> None:
    line = "a\x1b[2J -> \tb\x07c"
    assert caret_snippet(line, Span("m", 1, 11, 1, 13)) == (
        "  a\\x1b[2J -> \tb\\x07c\n"
        "              \t^^^^^"
    )


def strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [text for item in data for text in strings(item)] if isinstance(data, list) else []


def hostile_map(tmp_path: Path) -> Path:
    path = tmp_path / "m.argmap"
    path.write_text(
        f"@title T{CLEAR_C1}\n@author A{TITLE_C1}\n== S{CLEAR_C1} ==\n"
        f"premise a: {ALLOWED}\nconclusion b: B\n"
        f"a -> b : because{CLEAR_C1}\n",
        encoding="utf-8",
    )
    return path


def test_show_prints_everything_visibly(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["show", str(hostile_map(tmp_path))])
    assert result.exit_code == 0
    assert not raw(result.stdout)
    for expected in ["T\\x9b2J", "A\\x9d0;pwned\\x9c", "S\\x9b2J", ALLOWED_SHOWN, "because\\x9b2J"]:
        assert expected in result.stdout


def test_show_json_keeps_the_real_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["show", str(hostile_map(tmp_path)), "--format", "json"])
    assert not raw(result.stdout)  # JSON escapes them, C1 and bidirectional controls too
    nodes = {node["id"]: node for node in json.loads(result.stdout)["nodes"]}
    assert nodes["a"]["text"] == ALLOWED


@pytest.mark.parametrize("colour", [{}, {"FORCE_COLOR": "1"}])
def test_check_text_shows_the_line_and_message_visibly(
    tmp_path: Path, colour: dict[str, str]
) -> None:
    path = hostile_map(tmp_path)
    result = CliRunner().invoke(main, ["check", str(path), "--select", "ALL"], env=colour)
    # FORCE_COLOR colours the report: its own SGR sequences aside, nothing raw is printed.
    assert not raw(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout))
    assert ("\x1b[" in result.stdout) == bool(colour)
    assert f"  premise a: {ALLOWED_SHOWN}" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_check_json_and_sarif_keep_the_real_text(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"m{CLEAR}.argmap"
    path.write_text(f"premise a: A\nconclusion b: B\na -> b\nno{CLEAR}pe -> b\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", fmt])
    assert result.exit_code == 1 and not raw(result.stdout)
    if fmt == "sarif":  # the file's name is in a URI, where it is percent-encoded
        assert f"m{quote(CLEAR)}.argmap" in result.stdout
        return
    assert "\\u001b[2J" in result.stdout
    assert any(CLEAR in text for text in strings(json.loads(result.stdout)))


def test_check_github_shows_control_characters_visibly(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(f"premise a: A\nconclusion b: B\na -> b\nno{CLEAR}pe -> b\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "github"])
    assert not raw(result.stdout)
    assert "U+001B (escape)" in result.stdout


def test_errors_show_the_line_the_message_and_the_file_name_visibly(tmp_path: Path) -> None:
    path = tmp_path / f"e{CLEAR}vil.argmap"
    path.write_text(f"premise a: A\nconclusion b: B\na -> b\nno{CLEAR}pe -> b\n", "utf-8")
    for command in (["show"], ["render", "-o", str(tmp_path / "out.svg")], ["check"]):
        result = CliRunner().invoke(main, [*command, str(path)])
        assert result.exit_code == 1
        output = result.stdout + result.stderr
        assert not raw(output), command
        assert "e\\x1b[2Jvil.argmap:4:3: " in output
        assert "  no\\x1b[2Jpe -> b\n    ^^^^" in output


def test_a_file_that_cannot_be_read_is_named_visibly(tmp_path: Path) -> None:
    folder = tmp_path / f"d{TITLE}.argmap"
    folder.mkdir()
    result = CliRunner().invoke(main, ["check", str(folder / "missing.argmap")])
    assert not raw(result.stdout + result.stderr)
    assert "d\\x1b]0;pwned\\x07.argmap" in result.stderr


def test_fmt_diff_shows_control_characters_visibly(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_bytes(f"conclusion b:  B{CLEAR_C1}\r\npremise a: A\r\na->b\r\n".encode())
    result = CliRunner().invoke(main, ["fmt", "--diff", str(path)])
    assert not raw(result.stdout)
    assert "-conclusion b:  B\\x9b2J\n+conclusion b: B\\x9b2J\n" in result.stdout


def test_a_c0_control_character_in_map_text_is_an_error_shown_visibly(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(f"premise a: {HOSTILE}\nconclusion b: B\na -> b\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1 and not raw(result.stdout)
    assert ("m.argmap:1:15: error: AM001 syntax-error: control character U+001B (escape)"
            in result.stdout)
    assert f"  premise a: {SHOWN}" in result.stdout


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["show", CLEAR], "File '\\x1b[2J' does not exist"),
        (["show", "--depth", "2", "m.argmap", "\x1f"], "Got unexpected extra argument (\\x1f)"),
        ([f"sh{CLEAR}ow"], "no such command `sh\\x1b[2Jow`"),
        (["check", f"--sel{CLEAR}"], "No such option '--sel\\x1b[2J'"),
    ],
)
def test_usage_errors_show_what_was_typed_visibly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], shown: str
) -> None:
    """Found by the fuzz suite: click's messages quoted arguments raw."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.argmap").write_text("premise a: A\n", encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert not raw(result.stderr)
    assert shown in result.stderr


def test_embed_names_documents_visibly(tmp_path: Path) -> None:
    document = tmp_path / f"notes{CLEAR}.md"
    document.write_text("# Notes\n\n```argmap\npremise a: A\nbogus -> a\n```\n", "utf-8")
    result = CliRunner().invoke(main, ["embed", str(document), "--engine", "embedded"])
    assert result.exit_code == 1
    assert not raw(result.stderr)
    assert "notes\\x1b[2J.md:5:1: error: undefined statement `bogus`" in result.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(["\x7f", "\x85", "\u202e"])))
def test_json_escapes_what_the_table_escapes(text: str) -> None:
    """`visible_json`'s quick paths (ASCII, nothing to escape) give what translating with
    the whole table gives, on JSON from both encoders argmap uses."""
    for encoded in (json.dumps([text], ensure_ascii=False), orjson.dumps([text]).decode()):
        assert visible_json(encoded) == encoded.translate(_JSON_ESCAPES)
        assert json.loads(visible_json(encoded)) == [text]
