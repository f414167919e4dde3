"""`argmap check` and `argmap rules` from the command line: output, formats and exit codes."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.check import use_colour

GOOD = "premise rain: It is raining.\nconclusion wet: The streets are wet.\nrain -> wet\n"
WARNED = GOOD + "premise tuesday: Today is Tuesday.\n"
BROKEN = "premis rain: It is raining.\npremise rain: R.\nconclusion wet: W.\nrian -> wet\n"
CIRCULAR = "claim a: A.\nclaim b: B.\nconclusion c: C.\na -> b -> a\nb -> c\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(name: str, text: str) -> str:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")
    return name


def test_clean_map_exits_0(folder: Path) -> None:
    assert run("check", write("good.argmap", GOOD)) == (0, "no problems in 1 file\n", "")


def test_warnings_exit_0_unless_strict(folder: Path) -> None:
    write("w.argmap", WARNED)
    code, out, _ = run("check", "w.argmap")
    assert code == 0
    assert out == (
        "w.argmap:4:1: warning: AM105 orphan-statement: premise `tuesday` is in no relation; "
        "relate it to the argument or remove it\n"
        "  premise tuesday: Today is Tuesday.\n"
        "  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "1 warning in 1 file\n"
    )
    assert run("check", "--strict", "w.argmap")[0] == 1


def test_errors_exit_1(folder: Path) -> None:
    code, out, _ = run("check", write("c.argmap", CIRCULAR))
    assert code == 1
    assert out.startswith(
        "c.argmap:1:1: error: AM103 circular-reasoning: circular support: `a` -> `b`")
    assert out.endswith("2 errors in 1 file\n")


def test_parse_errors_are_findings_in_the_same_format(folder: Path) -> None:
    code, out, _ = run("check", write("broken.argmap", BROKEN))
    assert code == 1
    assert out == (
        "broken.argmap:1:1: error: AM001 syntax-error: unknown statement kind `premis`; did you"
        " mean `premise`?\n"
        "  premis rain: It is raining.\n"
        "  ^^^^^^\n"
        "broken.argmap:4:1: error: AM002 undefined-reference: undefined statement `rian`; did you"
        " mean `rain`?\n"
        "  rian -> wet\n"
        "  ^^^^\n"
        "2 errors in 1 file\n"
    )
    data = json.loads(run("check", "--format", "json", "broken.argmap")[1])
    assert [(d["rule"], d["line"], d["column"]) for d in data] == [
        ("syntax-error", 1, 1),
        ("undefined-reference", 4, 1),
    ]


def test_folders_are_searched_and_included_parts_skipped(folder: Path) -> None:
    write("maps/b.argmap", WARNED)
    write("maps/sub/a.argmap", "@include part.argmap\nconclusion c: C.\nx -> c\n")
    write("maps/sub/part.argmap", "premise x: X.\n")
    write("maps/.hidden/h.argmap", BROKEN)
    write("maps/notes.txt", BROKEN)
    code, out, _ = run("check", "maps", "--format", "json")
    assert code == 0
    assert [d["file"] for d in json.loads(out)] == ["maps/b.argmap"]
    assert run("check", "maps")[1].endswith("1 warning in 2 files\n")
    # Named on the command line, an included part is checked as part of its includer.
    assert run("check", "maps/sub/part.argmap") == (0, "no problems in 1 file\n", "")


def test_a_folder_that_cannot_be_listed_is_passed_over(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Searching from `/` meets /proc, where listing some folders fails (EINVAL): that
    # ended `check /` with a traceback.
    write("maps/b.argmap", WARNED)
    write("maps/proc/task/c.argmap", BROKEN)
    (folder / "maps" / "loop").symlink_to(folder / "maps", target_is_directory=True)
    real_scandir = os.scandir

    def failing_scandir(path: str | os.PathLike[str]) -> Any:
        if Path(path).name == "task":
            raise OSError(errno.EINVAL, "Invalid argument", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", failing_scandir)
    code, out, err = run("check", "maps", "--format", "json")
    assert (code, err) == (0, "")
    assert [d["file"] for d in json.loads(out)] == ["maps/b.argmap"]


def test_select_ignore_and_all(folder: Path) -> None:
    write("w.argmap", WARNED)
    assert run("check", "--ignore", "orphan-statement", "w.argmap")[1] == "no problems in 1 file\n"
    out = run("check", "--select", "ALL", "--format", "json", "w.argmap")[1]
    assert [d["rule"] for d in json.loads(out)] == [
        "unquoted-premise", "orphan-statement", "unquoted-premise"
    ]
    out = run("check", "--select", "AM105,unquoted-premise", "--ignore", "AM203", "w.argmap")[1]
    assert "AM105" in out and "AM203" not in out


def test_unknown_rule_is_a_usage_error(folder: Path) -> None:
    code, out, err = run("check", "--select", "orphan", write("g.argmap", GOOD))
    assert (code, out) == (2, "")
    assert err == (
        'argmap check: error: no such rule: "orphan"; did you mean "orphan-statement"?\n'
    )


def test_missing_path_is_a_usage_error(folder: Path) -> None:
    code, _, err = run("check", "nowhere.argmap")
    assert code == 2 and "nowhere.argmap" in err and "does not exist" in err


def test_folder_without_maps_is_a_usage_error(folder: Path) -> None:
    Path("empty").mkdir()
    assert run("check", "empty") == (2, "", "argmap check: error: no .argmap files in empty\n")


def test_config_from_pyproject_and_options_override_it(folder: Path) -> None:
    write("pyproject.toml", '[tool.argmap.check]\nignore = ["orphan-statement"]\n')
    write("w.argmap", WARNED)
    assert run("check", "w.argmap")[1] == "no problems in 1 file\n"
    assert "AM105" in run("check", "--ignore", "AM203", "w.argmap")[1]
    write("pyproject.toml", '[tool.argmap.check]\nignore = ["orphan"]\n')
    code, _, err = run("check", "w.argmap")
    assert code == 2 and "pyproject.toml: [tool.argmap.check] ignore: no such rule" in err


def test_quiet_shows_only_what_fails(folder: Path) -> None:
    write("w.argmap", WARNED)
    write("c.argmap", CIRCULAR)
    assert run("check", "--quiet", "w.argmap") == (0, "", "")
    code, out, _ = run("check", "-q", "w.argmap", "c.argmap")
    assert code == 1 and "AM103" in out and "AM105" not in out
    assert out.endswith("2 errors in 2 files\n")
    assert "AM105" in run("check", "-q", "--strict", "w.argmap")[1]


def test_document_option(folder: Path) -> None:
    write("article.txt", "It is raining in Spain.\n")
    write("other.txt", "Nothing of the sort.\n")
    write("q.argmap", "@document article.txt\n" + GOOD.replace(
        "raining.\n", "raining.\n  > it is raining in spain\n", 1))
    assert run("check", "q.argmap")[0] == 0
    code, out, _ = run("check", "q.argmap", "--document", "other.txt")
    assert code == 1 and "AM201 quote-not-found: quote not found in other.txt" in out
    assert run("check", "q.argmap", "--document", "missing.txt")[0] == 2


def test_github_and_sarif_formats(folder: Path) -> None:
    write("c.argmap", CIRCULAR)
    out = run("check", "--format", "github", "c.argmap")[1]
    assert out.splitlines()[0].startswith(
        "::error file=c.argmap,line=1,col=1,endLine=1,endColumn=12,"
        "title=AM103 circular-reasoning::circular support: `a` -> `b` -> `a`"
    )
    log = json.loads(run("check", "--format", "sarif", "c.argmap")[1])
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["AM103", "AM102"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "c.argmap"


def test_no_colour_when_not_a_terminal(folder: Path) -> None:
    assert "\x1b[" not in run("check", write("c.argmap", CIRCULAR))[1]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color() -> None:
    assert use_colour(Terminal(), {}) is True
    assert use_colour(Terminal(), {"NO_COLOR": "1"}) is False
    assert use_colour(Terminal(), {"NO_COLOR": ""}) is True
    assert use_colour(io.StringIO(), {}) is False


def test_rules_lists_every_rule(folder: Path) -> None:
    code, out, _ = run("rules")
    assert code == 0
    for name in ("syntax-error", "circular-reasoning", "contested-conclusion", "AM203"):
        assert name in out
    assert "off by default" in out


def test_rules_documents_one(folder: Path) -> None:
    code, out, _ = run("rules", "AM201")
    assert code == 0
    assert out.startswith("AM201 quote-not-found (error)\n\nA `>` quote that does not occur")
    assert "Failing example" in out and "Fixed example" in out
    assert run("rules", "unquoted-premise")[1].startswith(
        "AM203 unquoted-premise (info, off by default)\n"
    )
    assert run("rules", "circular") == (
        2, "", 'argmap rules: error: no such rule: "circular"; did you mean "circular-reasoning"?\n'
    )
