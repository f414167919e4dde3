"""`argmap config`, the render and embed tables as option defaults, and the warnings for
tables and keys argmap does not read."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

MAP = "premise rain: It is raining.\nconclusion wet: The street is wet.\n\nrain -> wet\n"
PYPROJECT = """\
[project]
name = "analysis"

[tool.argmap]
exclude = ["drafts/"]

[tool.argmap.chek]
select = ["ALL"]

[tool.argmap.render]
theme = "print"
fitt = "a4"
wrap = 20

[tool.argmap.embed]
fit = "16cm"
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def rows(output: str) -> dict[str, tuple[str, str]]:
    """`key = value  # source` lines of the last table printed, by key."""
    found = {}
    for line in output.splitlines():
        if " = " in line and "  # " in line:
            setting, source = line.rsplit("  # ", 1)
            key, value = setting.split(" = ", 1)
            found[key] = (value.strip(), source)
    return found


def test_config_names_each_settings_source(project: Path) -> None:
    result = run("config")
    assert result.exit_code == 0
    assert result.stdout.startswith("# pyproject.toml\n[tool.argmap]\n")
    for line in [
        'exclude = ["drafts/"]               # pyproject.toml',
        "respect-gitignore = true            # default",
        "[tool.argmap.render]",
        'theme = "print"                     # pyproject.toml',
        "wrap = 20                           # pyproject.toml",
        'engine = "auto"                     # default',
        "fit = (not set)                     # default",
        "[tool.argmap.embed]",
        'fit = "16cm"                        # pyproject.toml',
        'engine = "embedded"                 # default',
    ]:
        assert line in result.stdout.splitlines(), line


def test_the_command_line_wins_and_says_so(project: Path) -> None:
    result = run("config", "render", "--wrap", "40", "--fit=a5", "m.argmap")
    assert result.exit_code == 0
    table = rows(result.stdout)
    assert table["wrap"] == ("40", "command line")
    assert table["fit"] == ('"a5"', "command line")
    assert table["theme"] == ('"print"', "pyproject.toml")
    assert table["dpi"] == ("144", "default")


def test_config_of_check_reads_its_table_and_options(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.argmap.check]\nignore = ["AM3"]\nseverity = { orphan-statement = "error" }\n',
        encoding="utf-8",
    )
    table = rows(run("config", "check", "--select", "AM1,AM2").stdout)
    assert table["select"] == ('["AM1", "AM2"]', "command line")
    assert table["ignore"] == ('["AM3"]', "pyproject.toml")
    assert table["severity"] == ('{AM105 = "error"}', "pyproject.toml")


def test_without_a_pyproject_everything_is_a_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # put back after the test, whatever it did
    result = run("config")
    assert result.stdout.startswith("# no pyproject.toml with [tool.argmap] above ")
    assert {source for _, source in rows(result.stdout).values()} == {"default"}


def test_an_unknown_option_is_refused_with_the_closest(project: Path) -> None:
    result = run("config", "render", "--wrapp", "3")
    assert result.exit_code == 2
    assert "`argmap render` has no option `--wrapp`; did you mean `--wrap`?" in result.stderr
    assert result.stdout == ""


def test_unknown_tables_and_keys_are_warnings_at_their_line(project: Path) -> None:
    result = run("config")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "pyproject.toml:7: warning: unknown table [tool.argmap.chek]; "
        "did you mean [tool.argmap.check]?",
        "pyproject.toml:12: warning: unknown key `fitt` in [tool.argmap.render]; "
        "did you mean `fit`?",
    ]


def test_check_warns_once_about_its_pyproject(project: Path) -> None:
    (project / "n.argmap").write_text(MAP, encoding="utf-8")
    result = run("check", ".")
    assert result.exit_code == 0
    assert result.stderr.count("unknown table [tool.argmap.chek]") == 1


def test_an_unknown_key_with_nothing_close_lists_the_known_ones(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.argmap]\n"zzz" = 1\n\n[tool.argmap.check]\nquux = 2\n', encoding="utf-8"
    )
    lines = run("config").stderr.splitlines()
    assert lines == [
        "pyproject.toml:2: warning: unknown key `zzz` in [tool.argmap]; argmap reads "
        "`exclude`, `respect-gitignore`, `force-exclude`",
        "pyproject.toml:5: warning: unknown key `quux` in [tool.argmap.check]; argmap reads "
        "`select`, `ignore`, `severity`, `semantics`",
    ]


def test_render_takes_its_table_as_defaults(project: Path) -> None:
    assert run("render", "m.argmap", "-o", "plain.dot", "--theme", "default").exit_code == 0
    assert run("render", "m.argmap", "-o", "print.dot").exit_code == 0
    plain = (project / "plain.dot").read_text(encoding="utf-8")
    printed = (project / "print.dot").read_text(encoding="utf-8")
    assert plain != printed  # the file's theme = "print", unless the command line says
    assert 'fillcolor="#ffffff"' in printed


def test_a_value_the_option_refuses_names_the_file_and_key(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.argmap.render]\nwrap = 3\n", encoding="utf-8")
    result = run("render", "m.argmap", "-o", "x.dot")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: pyproject.toml: [tool.argmap.render] wrap = 3: "
        "3 is not in the range 8<=x<=200.\n"
    )
    assert not (project / "x.dot").exists()
