"""`argmap check --semantics` and `[tool.argmap.check] semantics`: how circular support counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

CIRCULAR_OBJECTION = """\
premise p: P.
claim x: X.
claim y: Y.
conclusion c: C.
p -> c
x -> y
y -> x
x -| c
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "map.argmap").write_text(CIRCULAR_OBJECTION, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_well_founded_by_default(project: Path) -> None:
    result = run("check", "map.argmap", "--select", "contested-conclusion")
    assert result.exit_code == 0
    assert "AM301" not in result.output


def test_kripke_kleene_by_option(project: Path) -> None:
    result = run(
        "check", "map.argmap", "--select", "contested-conclusion", "--semantics", "kripke-kleene"
    )
    assert result.exit_code == 0
    assert (
        "map.argmap:4:1: warning: AM301 contested-conclusion: conclusion `c` is undecided: the "
        "objection `x` -| `c` is neither answered nor standing (a cycle of attacks)"
    ) in result.output


def test_kripke_kleene_by_configuration_and_the_option_wins(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.argmap.check]\nsemantics = "kripke-kleene"\n', encoding="utf-8"
    )
    assert "AM301" in run("check", "map.argmap").output
    assert "AM301" not in run("check", "map.argmap", "--semantics", "well-founded").output


def test_an_unknown_semantics_in_the_configuration_is_a_usage_error(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.argmap.check]\nsemantics = "grounded"\n', encoding="utf-8"
    )
    result = run("check", "map.argmap")
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "[tool.argmap.check] semantics = 'grounded'; it is one of \"well-founded\" or "
        "\"kripke-kleene\""
    )


def test_an_unknown_semantics_option_is_refused(project: Path) -> None:
    result = run("check", "map.argmap", "--semantics", "grounded")
    assert result.exit_code == 2
    assert "'grounded' is not one of 'well-founded', 'kripke-kleene'" in result.output


def test_render_evaluate_follows_the_option_and_the_configuration(project: Path) -> None:
    def drawn(*extra: str) -> str:
        result = run("render", "map.argmap", "--evaluate", "-f", "dot", "-o", "-", *extra)
        assert result.exit_code == 0, result.output
        return result.stdout

    assert "c  · accepted (IN)" in drawn()
    assert "x  · circular (OUT)" in drawn()
    assert "c  · undecided (UNDEC)" in drawn("--semantics", "kripke-kleene")
    (project / "pyproject.toml").write_text(
        '[tool.argmap.check]\nsemantics = "kripke-kleene"\n', encoding="utf-8"
    )
    assert "c  · undecided (UNDEC)" in drawn()
    assert "c  · accepted (IN)" in drawn("--semantics", "well-founded")


def test_the_commands_offer_the_semantics_the_labels_know() -> None:
    from argmap.analysis.labels import SEMANTICS_NAMES
    from argmap.cli.common import SEMANTICS_CHOICES

    assert SEMANTICS_CHOICES == SEMANTICS_NAMES
    assert SEMANTICS_CHOICES[0] == "well-founded"  # the default
