"""`[tool.argmap.check]` in pyproject.toml: found upward from the map, validated, applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.config import CheckConfig, load_check_config
from argmap.errors import CheckError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_pyproject_means_defaults(tmp_path: Path) -> None:
    assert load_check_config(write(tmp_path / "m.argmap", "")) == CheckConfig()


def test_nearest_pyproject_with_an_argmap_table_upward(tmp_path: Path) -> None:
    top = write(
        tmp_path / "pyproject.toml",
        '[tool.argmap.check]\nselect = ["ALL"]\nignore = ["AM105", "duplicate-statement"]\n',
    )
    write(tmp_path / "maps" / "pyproject.toml", "[project]\nname = 'other'\n")
    config = load_check_config(write(tmp_path / "maps" / "deep" / "m.argmap", ""))
    assert config == CheckConfig(("ALL",), ("AM105", "duplicate-statement"), top)


def test_comma_separated_string_is_accepted(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.argmap.check]\nignore = "AM105, AM106"\n')
    assert load_check_config(tmp_path / "m.argmap").ignore == ("AM105", "AM106")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[tool.argmap.check\n", "invalid TOML"),
        ('[tool.argmap.check]\nselect = [1]\n', "select must be a list of rule names"),
        ('[tool.argmap.check]\nignore = ["orphan"]\n', 'ignore: no such rule: "orphan"'),
        ('[tool.argmap]\ncheck = 3\n', "[tool.argmap.check] must be a table"),
        ('[tool.argmap.check]\nseverity = "error"\n', "severity must be a table"),
        ('[tool.argmap.check]\nseverity = {AM202 = "fatal"}\n', "the level is one of error"),
        ('[tool.argmap.check]\nseverity = {orphan = "info"}\n', 'no such rule: "orphan"'),
        ('[tool.argmap.check]\nseverity = {AM001 = "info"}\n', "syntax-error is always an error"),
        # tomllib reads these by recursion, and ran out of stack (a RecursionError)
        ("[tool.argmap.check]\nselect = " + "[" * 1000 + "]" * 1000, "nested too deep"),
        ("[tool.argmap.check]\nseverity = " + "{a = " * 1000 + "1" + "}" * 1000, "too deep"),
    ],
)
def test_bad_config_names_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(CheckError) as caught:
        load_check_config(tmp_path / "m.argmap")
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_severity_overrides_change_what_check_reports_and_its_exit_status(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    write(
        tmp_path / "m.argmap",
        "@document missing.txt\npremise rain: It is raining.\n  > it is raining\n"
        "conclusion wet: The streets are wet.\nrain -> wet\npremise tuesday: Tuesday.\n",
    )
    runner = CliRunner()
    plain = runner.invoke(main, ["check", str(tmp_path / "m.argmap")])
    assert plain.exit_code == 0
    assert "AM202 document-not-found: document " in plain.stdout
    assert "missing.txt does not exist; the map's quotes were not verified" in plain.stdout
    assert plain.stdout.endswith("2 warnings in 1 file\n")
    write(
        tmp_path / "pyproject.toml",
        '[tool.argmap.check]\nseverity = { document-not-found = "error", AM105 = "info" }\n',
    )
    strict = runner.invoke(main, ["check", str(tmp_path / "m.argmap")])
    assert strict.exit_code == 1
    assert strict.stdout.endswith("1 error, 1 info in 1 file\n")


def test_a_config_nested_too_deep_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    write(tmp_path / "pyproject.toml", "[tool.argmap.check]\nselect = " + "[" * 1000 + "]" * 1000)
    path = write(tmp_path / "m.argmap", "premise a: A\nconclusion c: C\na -> c\n")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"argmap check: error: {tmp_path / 'pyproject.toml'}: invalid TOML: arrays or inline "
        "tables nested too deep to read"
    ]
