"""`argmap analyze MAP...`: what a user sees (text and JSON), colour, standard input,
several maps, the semantics, and errors (located, exit 2, no traceback)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.analysis.verdicts import verdicts
from argmap.cli import main

MAP = """\
premise rain: It rained.
assumption gutter: The gutter overflows.
  @implicit
premise sunny: The sun is out now.
premise cleaned: The street was swept this morning.
claim wet: The street is wet.
conclusion slow: Traffic will be slow.
conclusion closed: The market is closed.
premise open_sign: The market shows an open sign.
rain + gutter -> wet
wet -> slow
sunny -| slow
cleaned -| sunny
wet -> closed
open_sign -| closed
"""
EXPECTED = """\
streets.argmap (well-founded semantics)

conclusion slow: Traffic will be slow.
    accepted (IN), strength 0.{slow_strength}
    cruxes: rain, gutter, cleaned
    answered: `sunny` -| `slow`, answered by `cleaned` -| `sunny`
    assumptions: gutter
    implicit: gutter
    support: depth 2, breadth 2 (premises and assumptions)

conclusion closed: The market is closed.
    {closed_verdict} (OUT), strength 0.{closed_strength}
    {closed}
    {closed_by}: open_sign
    assumptions: gutter
    implicit: gutter
    support: depth 2, breadth 2 (premises and assumptions)

2 conclusions: 1 accepted, 1 {closed_verdict}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("streets.argmap").write_text(MAP, encoding="utf-8")
    return tmp_path


def analyze(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["analyze", *args], input=stdin, env=env)


def expected_text() -> str:
    amap = argmap.parse(MAP, "streets.argmap")
    from argmap.analysis.strength import compute_strengths

    strengths = compute_strengths(amap)
    closed = verdicts(amap)["closed"]
    return EXPECTED.format(
        slow_strength=f"{strengths['slow']:.2f}"[2:],
        closed_strength=f"{strengths['closed']:.2f}"[2:],
        closed=closed.explanation,
        closed_verdict=closed.word.value,
        closed_by=f"{closed.word.value} by",
    )


def test_text_report(folder: Path) -> None:
    result = analyze("streets.argmap", env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert result.output == expected_text()


def test_an_open_sign_that_stands_contests_the_closed_market(folder: Path) -> None:
    # The verdict words are pinned in tests/analysis; here, that this one is not accepted.
    result = analyze("streets.argmap", "--format", "json")
    closed = json.loads(result.output)["conclusions"][1]
    assert (closed["label"], closed["cruxes"], closed["defeaters"]) == ("OUT", [], ["open_sign"])


def test_json_report(folder: Path) -> None:
    result = analyze("streets.argmap", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["map", "semantics", "conclusions", "labels", "strengths"]
    assert (data["map"], data["semantics"]) == ("streets.argmap", "well-founded")
    slow = data["conclusions"][0]
    assert {key: slow[key] for key in (
        "statement", "label", "verdict", "cruxes", "defeaters", "assumptions", "implicit",
        "depth", "breadth",
    )} == {
        "statement": "slow", "label": "IN", "verdict": "accepted",
        "cruxes": ["rain", "gutter", "cleaned"], "defeaters": [], "assumptions": ["gutter"],
        "implicit": ["gutter"], "depth": 2, "breadth": 2,
    }
    assert 0 < slow["strength"] < 1
    assert data["labels"] == {
        "rain": "IN", "gutter": "IN", "sunny": "OUT", "cleaned": "IN", "wet": "IN",
        "slow": "IN", "closed": "OUT", "open_sign": "IN",
    }
    assert set(data["strengths"]) == set(data["labels"])


def test_several_maps_make_a_json_list(folder: Path) -> None:
    Path("other.argmap").write_text("premise p: P.\nconclusion c: C.\np -> c\n", "utf-8")
    result = analyze("streets.argmap", "other.argmap", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [item["map"] for item in data] == ["streets.argmap", "other.argmap"]
    assert data[1]["conclusions"][0]["cruxes"] == ["p"]


def test_several_maps_in_text_one_after_the_other(folder: Path) -> None:
    Path("other.argmap").write_text("premise p: P.\nconclusion c: C.\np -> c\n", "utf-8")
    result = analyze("streets.argmap", "other.argmap", env={"NO_COLOR": "1"})
    assert result.output == expected_text() + """
other.argmap (well-founded semantics)

conclusion c: C.
    accepted (IN), strength 0.75
    cruxes: p
    support: depth 1, breadth 1 (premise or assumption)

1 conclusion: 1 accepted
"""


def test_no_single_crux(folder: Path) -> None:
    Path("two.argmap").write_text(
        "premise p: P.\npremise q: Q.\nconclusion c: C.\np -> c\nq -> c\n", "utf-8"
    )
    result = analyze("two.argmap", env={"NO_COLOR": "1"})
    assert "    cruxes: none (no single premise or assumption carries it)\n" in result.output


def test_a_map_without_conclusions(folder: Path) -> None:
    Path("none.argmap").write_text("premise p: P.\n", "utf-8")
    result = analyze("none.argmap", env={"NO_COLOR": "1"})
    assert result.output == "none.argmap (well-founded semantics)\n\nno conclusions\n"


def test_colour_when_forced_and_none_with_no_color(folder: Path) -> None:
    forced = analyze("streets.argmap", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[1;32maccepted\x1b[0m" in forced.output
    plain = analyze("streets.argmap", env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.output


def test_standard_input_named_by_stdin_filename(folder: Path) -> None:
    result = analyze("-", "--stdin-filename", "maps/streets.argmap", stdin=MAP,
                     env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert result.output == expected_text().replace("streets.argmap", "maps/streets.argmap", 1)


def test_semantics_option_and_setting(folder: Path) -> None:
    Path("circle.argmap").write_text(
        "premise p: P.\nclaim x: X.\nclaim y: Y.\nconclusion c: C.\n"
        "p -> c\nx -> y\ny -> x\nx -| c\n", "utf-8"
    )
    well_founded = json.loads(analyze("circle.argmap", "--format", "json").output)
    assert well_founded["conclusions"][0]["verdict"] == "accepted"
    kripke = json.loads(
        analyze("circle.argmap", "--format", "json", "--semantics", "kripke-kleene").output
    )
    assert (kripke["semantics"], kripke["conclusions"][0]["label"]) == ("kripke-kleene", "UNDEC")
    Path("pyproject.toml").write_text('[tool.argmap.check]\nsemantics = "kripke-kleene"\n')
    configured = json.loads(analyze("circle.argmap", "--format", "json").output)
    assert configured["semantics"] == "kripke-kleene"


def test_a_map_with_errors_is_reported_as_check_does_and_exits_2(folder: Path) -> None:
    Path("broken.argmap").write_text("premise p: P.\np -> missing\n", "utf-8")
    result = analyze("broken.argmap", env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "broken.argmap:2:6: error: AM002 undefined-reference: undefined statement `missing`"
    )
    assert "Traceback" not in result.output


def test_the_other_maps_are_still_analysed(folder: Path) -> None:
    Path("broken.argmap").write_text("premise p: P.\np -> missing\n", "utf-8")
    result = analyze("broken.argmap", "streets.argmap", env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    assert result.stdout == expected_text()


def test_a_broken_setting_is_a_usage_error(folder: Path) -> None:
    Path("pyproject.toml").write_text('[tool.argmap.check]\nsemantics = "circular"\n')
    result = analyze("streets.argmap")
    assert result.exit_code == 2
    assert "semantics = 'circular'" in result.stderr


def test_standard_input_alone(folder: Path) -> None:
    result = analyze("-", "streets.argmap", stdin=MAP)
    assert result.exit_code == 2
    assert "- reads one map from standard input: give it alone" in result.output


PAGE = (Path(__file__).resolve().parents[2] / "docs" / "commands" / "analyze.md").read_text(
    encoding="utf-8"
)


def test_the_docs_example_prints_what_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in re.findall(r"```argmap file=(\S+)\n(.*?)```", PAGE, flags=re.S):
        Path(name).write_text(text, encoding="utf-8")
    examples = [block.splitlines() for block in re.findall(r"```console\n(.*?)```", PAGE,
                                                           flags=re.S)]
    shown = [(lines[0], lines[1:]) for lines in examples if lines[0].startswith("$ argmap")]
    assert shown
    for command, output in shown:
        result = CliRunner().invoke(main, shlex.split(command)[2:], env={"NO_COLOR": "1"})
        assert result.exit_code == 0, result.output
        assert result.stdout == "\n".join(output) + "\n"
