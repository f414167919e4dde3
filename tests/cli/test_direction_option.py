"""--direction is written BT|TB|LR|RL in --help and errors, as in the docs; any case works."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main


def test_help_and_errors_spell_directions_as_the_docs() -> None:
    help_text = CliRunner().invoke(main, ["render", "--help"]).output
    assert "--direction [BT|TB|LR|RL]" in help_text
    page = Path(__file__).parents[2] / "docs" / "commands" / "render.md"
    assert "`--direction BT\\|TB\\|LR\\|RL`" in page.read_text(encoding="utf-8")


def test_any_case_is_taken_and_a_wrong_one_named(tmp_path: Path) -> None:
    source = tmp_path / "m.argmap"
    source.write_text("premise a: A.\nconclusion b: B.\na -> b\n", encoding="utf-8")
    drawn = CliRunner().invoke(main, ["render", str(source), "--direction", "lr", "-f", "dot",
                                      "-o", "-"])
    assert drawn.exit_code == 0 and "rankdir=LR" in drawn.output
    wrong = CliRunner().invoke(main, ["render", str(source), "--direction", "up"])
    assert wrong.exit_code == 2
    assert "'up' is not one of 'BT', 'TB', 'LR', 'RL'." in wrong.output
