"""`fmt -`, `convert -` and `render -`: the map on standard input; fmt writes it formatted
to standard output, as editors format on save."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

UNFORMATTED = "premise rain:   It is raining.\nconclusion wet: The street is wet.\nrain->wet\n"
FORMATTED = "premise rain: It is raining.\nconclusion wet: The street is wet.\n\nrain -> wet\n"


def fmt(*args: str, text: str | bytes) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, ["fmt", *args], input=text)
    return result.exit_code, result.stdout_bytes, result.stderr


def test_fmt_dash_writes_the_formatted_map_to_stdout() -> None:
    assert fmt("-", text=UNFORMATTED) == (0, FORMATTED.encode(), "")
    assert fmt("-", text=FORMATTED) == (0, FORMATTED.encode(), "")


def test_a_bom_is_kept() -> None:
    code, out, _ = fmt("-", text="\ufeff" + UNFORMATTED)
    assert (code, out) == (0, ("\ufeff" + FORMATTED).encode())


def test_check_and_diff_name_the_stdin_filename() -> None:
    code, out, err = fmt("-", "--check", "--stdin-filename", "maps/x.argmap", text=UNFORMATTED)
    assert (code, out, err) == (1, b"", "maps/x.argmap: would be reformatted\n")
    assert fmt("-", "--check", text=FORMATTED) == (0, b"", "")
    code, out, _ = fmt("-", "--diff", text=UNFORMATTED)
    assert code == 0
    assert out.decode().startswith("--- <stdin> (as it is)\n+++ <stdin> (formatted)\n")


def test_a_broken_map_writes_nothing_to_stdout() -> None:
    code, out, err = fmt("-", "--stdin-filename", "x.argmap", text="premise rain It is\n")
    assert (code, out) == (1, b"")
    assert err.startswith("x.argmap:1:")
    assert err.endswith("x.argmap: not formatted: fix the errors above first\n")


def test_dash_must_come_alone() -> None:
    result = CliRunner().invoke(main, ["fmt", "-", "."], input="")
    assert result.exit_code == 2
    assert "- reads one map from standard input: give it alone" in result.stderr


def test_convert_reads_argmap_text_from_stdin() -> None:
    result = CliRunner().invoke(main, ["convert", "-", "-o", "-", "--to", "mermaid"],
                                input=FORMATTED)
    assert result.exit_code == 0
    assert result.stdout.startswith("flowchart BT\n")
    assert 's_rain["It is raining."]' in result.stdout


def test_convert_reads_other_formats_from_stdin_by_stdin_filename_or_from() -> None:
    argdown = "[T]: A thesis.\n  + <a>: Because b.\n"
    for options in (["--stdin-filename", "x.argdown"], ["--from", "argdown"]):
        result = CliRunner().invoke(
            main, ["convert", "-", *options, "-o", "-", "--to", "argmap"], input=argdown
        )
        assert result.exit_code == 0, result.stderr
        assert result.stdout == (
            "conclusion t: A thesis.\npremise a: Because b.\n\na -> t\n"
        )


def test_convert_names_stdin_by_stdin_filename_in_errors() -> None:
    result = CliRunner().invoke(
        main, ["convert", "-", "--stdin-filename", "x.json", "-o", "-", "--to", "argmap"],
        input="{",
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: x.json:1:2: not valid JSON")
    assert "Traceback" not in result.output


def test_convert_refuses_a_write_only_format_on_stdin() -> None:
    result = CliRunner().invoke(
        main, ["convert", "-", "--from", "mermaid", "-o", "-", "--to", "argmap"], input="x"
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "error: <stdin>: argmap cannot read Mermaid flowchart (export); it only writes it\n"
    )


def test_render_dash_draws_to_stdout_with_includes_from_stdin_filename() -> None:
    full = Path(__file__).resolve().parents[1] / "data" / "valid" / "full_language.argmap"
    result = CliRunner().invoke(
        main, ["render", "-", "--stdin-filename", str(full), "-f", "dot"],
        input=full.read_text(encoding="utf-8"),
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('digraph "argmap" {')
    without = CliRunner().invoke(main, ["render", "-", "-f", "dot"],
                                 input=full.read_text(encoding="utf-8"))
    assert without.exit_code == 1
    assert "<stdin>:32:" in without.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "--watch", "-o", "x.svg"], "--watch redraws files as they change"),
        (["-", "-"], "- reads one map from standard input: give it alone"),
        (["-", "--fit", "a4", "--split"], "--split of standard input needs -o DIR"),
    ],
)
def test_render_dash_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["render", *args], input=FORMATTED)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_pipe_given_by_name_says_how_to_read_standard_input(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pipe.argmap"
    os.mkfifo(pipe)
    result = CliRunner().invoke(main, ["check", str(pipe)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "it is a FIFO (named pipe), not a regular file; give - (and --stdin-filename PATH) to "
        "read a map from standard input\n"
    )
