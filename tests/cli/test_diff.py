"""`argmap diff OLD NEW`: what a user sees, its exit status (0 same, 1 different, 2 errors),
JSON, colour, standard input and hostile text."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.analysis.verdicts import verdicts
from argmap.cli import main

ROOT = Path(__file__).resolve().parents[2]
OLD = """\
premise rain: It rained.
premise gutter: The gutter overflows.
premise dry: The sun is out.
claim wet: The street is wet.
conclusion slow: Traffic will be slow.
rain + gutter -> wet
wet -> slow
"""
NEW = """\
premise rain: It poured.
  @confidence 0.9
premise gutter: The gutter overflows.
premise roof: The street has a roof.
claim wet: The street is wet.
conclusion slow: Traffic will be slow.
rain + gutter -> wet
wet -> slow
roof -| wet
"""
EXPECTED = """\
--- old.argmap
+++ new.argmap

Statements
- premise dry: The sun is out.
~ rain: text, @confidence (none) → 0.9
    - It rained.
    + It poured.
+ premise roof: The street has a roof.

Relations
+ roof -| wet

Verdicts
~ wet: accepted → contested
    because: `rain`: @confidence (none) → 0.9
             added `roof -| wet`
    now: {wet}
~ slow: accepted → contested
    because: `rain`: @confidence (none) → 0.9
             added `roof -| wet`
    now: {slow}

1 statement added, 1 removed, 1 changed; 1 relation added; 2 verdicts changed
"""
# The explanations are the verdicts' own (tests/analysis pins their words).
NOW = verdicts(argmap.parse(NEW, "new.argmap"))
EXPECTED = EXPECTED.format(wet=NOW["wet"].explanation, slow=NOW["slow"].explanation)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("old.argmap").write_text(OLD, encoding="utf-8")
    Path("new.argmap").write_text(NEW, encoding="utf-8")
    return tmp_path


def diff(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["diff", *args], input=stdin, env=env)


def test_the_differences_in_three_sections(folder: Path) -> None:
    result = diff("old.argmap", "new.argmap")
    assert (result.exit_code, result.stdout, result.stderr) == (1, EXPECTED, "")


def test_the_same_map_exits_0(folder: Path) -> None:
    result = diff("old.argmap", "old.argmap")
    assert (result.exit_code, result.stdout) == (
        0, "no difference: old.argmap and old.argmap are the same argument\n")


def test_a_reformatted_map_is_the_same_argument(folder: Path) -> None:
    messy = "# notes\npremise  gutter:The gutter overflows.\npremise rain: It rained.\n" \
            "conclusion slow:\n    Traffic will be slow.\nclaim wet: The street is wet.\n" \
            "wet→slow\ngutter+rain  ->  wet   # why\npremise dry: The sun is out.\n"
    Path("messy.argmap").write_text(messy, encoding="utf-8")
    assert diff("old.argmap", "messy.argmap").exit_code == 0
    assert CliRunner().invoke(main, ["fmt", "messy.argmap"]).exit_code == 0
    assert Path("messy.argmap").read_text(encoding="utf-8") != messy
    assert diff("messy.argmap", "old.argmap").exit_code == 0


@pytest.mark.parametrize("name", ["tutorial.argmap", "russia-china.argmap"])
def test_the_example_maps_formatted_by_fmt_are_the_same_argument(name: str) -> None:
    path = ROOT / "maps" / name
    formatted = CliRunner().invoke(main, ["fmt", "-", "--stdin-filename", str(path)],
                                   input=path.read_bytes())
    assert formatted.exit_code == 0
    result = diff(str(path), "-", "--stdin-filename", str(path), stdin=formatted.stdout)
    assert (result.exit_code, result.stderr) == (0, "")


def test_the_old_map_from_standard_input(folder: Path) -> None:
    result = diff("-", "new.argmap", "--stdin-filename", "old.argmap", stdin=OLD)
    assert (result.exit_code, result.stdout) == (1, EXPECTED)


def test_json(folder: Path) -> None:
    result = diff("old.argmap", "new.argmap", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["old", "new", "same", "statements", "relations", "verdicts"]
    assert (data["old"], data["new"], data["same"]) == ("old.argmap", "new.argmap", False)
    assert data["statements"] == [
        {"statement": "dry", "status": "removed", "kind": "premise", "text": "The sun is out.",
         "changes": []},
        {"statement": "rain", "status": "changed", "kind": "premise", "text": "It poured.",
         "changes": [{"field": "text", "old": "It rained.", "new": "It poured."},
                     {"field": "confidence", "old": None, "new": 0.9}]},
        {"statement": "roof", "status": "added", "kind": "premise",
         "text": "The street has a roof.", "changes": []},
    ]
    assert data["relations"] == [
        {"relation": "roof -| wet", "status": "added", "kind": "attack", "changes": []}]
    wet = data["verdicts"][0]
    assert wet == {
        "statement": "wet", "status": "changed", "old": "accepted", "new": "contested",
        "old_label": "IN", "new_label": "OUT", "explanation": wet["explanation"],
        "because": ["`rain`: @confidence (none) → 0.9", "added `roof -| wet`"],
    }
    same = json.loads(diff("old.argmap", "old.argmap", "--format", "json").stdout)
    assert (same["same"], same["statements"], same["relations"], same["verdicts"]) == (
        True, [], [], [])


def test_quotes_and_a_contradiction(folder: Path) -> None:
    Path("a.argmap").write_text("premise p: P.\n  > one\npremise q: Q.\np >< q\n", "utf-8")
    Path("b.argmap").write_text("premise p: P.\n  > two\npremise q: Q.\n", "utf-8")
    result = diff("a.argmap", "b.argmap")
    assert result.stdout.split("\n\n")[1:3] == [
        "Statements\n~ p: quotes\n    - > one\n    + > two",
        "Relations\n- p >< q",
    ]


HOSTILE = "<script>alert('x')</script> [bold]{braces}[/bold] \"quotes\" 你好 \\x1b[31m é"


def test_hostile_text_is_printed_as_it_is_and_safely(folder: Path) -> None:
    Path("h.argmap").write_text(OLD.replace("It rained.", HOSTILE), encoding="utf-8")
    result = diff("old.argmap", "h.argmap")
    assert result.exit_code == 1
    assert f"    + {HOSTILE}\n" in result.stdout
    assert "\x1b" not in result.stdout
    data = json.loads(diff("old.argmap", "h.argmap", "--format", "json").stdout)
    assert data["statements"][0]["changes"][0]["new"] == HOSTILE


def test_colour_like_a_diff_when_asked(folder: Path) -> None:
    coloured = diff("old.argmap", "new.argmap", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[32m+ premise roof" in coloured.stdout
    assert "\x1b[31m- premise dry" in coloured.stdout
    assert "\x1b[33m~ rain" in coloured.stdout
    plain = diff("old.argmap", "new.argmap", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.stdout == EXPECTED


def test_semantics_option(folder: Path) -> None:
    Path("c.argmap").write_text(
        "premise p: P.\nconclusion c: C.\nclaim x: X.\nclaim y: Y.\np -> c\nx -> y\ny -> x\n",
        encoding="utf-8")
    Path("d.argmap").write_text(
        "premise p: P.\nconclusion c: C.\nclaim x: X.\nclaim y: Y.\np -> c\nx -> y\ny -> x\n"
        "x -| c\n", encoding="utf-8")
    # Well-founded: circular support gives none, so `x` blocks nothing.
    assert diff("c.argmap", "d.argmap").stdout.count("→") == 0
    kk = diff("c.argmap", "d.argmap", "--semantics", "kripke-kleene")
    assert "~ c: accepted → undecided\n" in kk.stdout
    Path("pyproject.toml").write_text('[tool.argmap.check]\nsemantics = "kripke-kleene"\n',
                                      encoding="utf-8")
    assert diff("c.argmap", "d.argmap").stdout == kk.stdout
    assert diff("c.argmap", "d.argmap", "--semantics", "well-founded").stdout.count("→") == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.argmap", "old.argmap"], "'missing.argmap' does not exist"),
        (["-", "-"], "only one of OLD and NEW can be - (standard input)"),
        (["old.argmap"], "Missing argument 'NEW'"),
        (["old.argmap", "new.argmap", "--format", "xml"], "'xml' is not one of"),
    ],
)
def test_usage_errors_exit_2(folder: Path, args: list[str], message: str) -> None:
    result = diff(*args, stdin="")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("broken", ["old", "new"])
def test_a_map_that_does_not_parse_exits_2_with_located_errors(folder: Path, broken: str) -> None:
    Path("bad.argmap").write_text("premise a: A.\ncliam b: B.\n", encoding="utf-8")
    args = ["bad.argmap", "new.argmap"] if broken == "old" else ["old.argmap", "bad.argmap"]
    result = diff(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("bad.argmap:2:1: error: AM001 syntax-error: unknown "
                                    "statement kind `cliam`; did you mean `claim`?\n")
    assert "Traceback" not in result.stderr


def test_a_map_that_cannot_be_read_exits_2(folder: Path) -> None:
    with open("huge.argmap", "wb") as huge:  # sparse: no 65 MiB written
        huge.truncate(65 * 1024 * 1024)
    result = diff("old.argmap", "huge.argmap")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: cannot read huge.argmap: it is 68,157,440 bytes; argmap "
                             "reads map files of at most 64 MiB\n")


PAGE = (ROOT / "docs" / "commands" / "diff.md").read_text(encoding="utf-8")


def test_the_docs_example_prints_what_the_page_shows(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in re.findall(r"```argmap file=(\S+)\n(.*?)```", PAGE, flags=re.S):
        Path(name).write_text(text, encoding="utf-8")
    examples = [block.splitlines() for block in re.findall(r"```console\n(.*?)```", PAGE,
                                                           flags=re.S)]
    shown = [(lines[0], lines[1:]) for lines in examples if lines[0].startswith("$ argmap diff")]
    assert shown
    for command, output in shown:
        result = CliRunner().invoke(main, shlex.split(command)[2:])
        assert result.exit_code == 1
        assert result.stdout == "\n".join(output) + "\n"


def test_a_terminal_gets_colour_unless_no_color(folder: Path) -> None:
    pty = pytest.importorskip("pty", reason="needs pseudo-terminals (POSIX)")
    unset = ("NO_COLOR", "TERM", "FORCE_COLOR")
    base = {key: value for key, value in os.environ.items() if key not in unset}

    def on_terminal(environ: dict[str, str]) -> bytes:
        leader, follower = pty.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "argmap", "diff", "old.argmap", "new.argmap"],
            stdout=follower, stderr=follower, env={**base, "TERM": "xterm", **environ})
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process has ended
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=60) == 1
        os.close(leader)
        return output

    assert b"\x1b[32m+ premise roof" in on_terminal({})
    assert b"\x1b[" not in on_terminal({"NO_COLOR": "1"})
