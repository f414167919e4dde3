"""The example maps in maps/: exactly what `argmap check` finds in them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.analysis.labels import Label, compute_labels
from argmap.checks import run_checks
from argmap.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT.parent / "shared" / "sources" / "russia-china-oppose-the-globe.txt"

RUSSIA_CHINA = [
    {
        "code": "AM109",
        "rule": "attributed-premise",
        "severity": "info",
        "message": "claim `partnership` is attributed to Vladimir Putin (@by), not asserted by "
        "the map, yet used as a reason for `russia_gains`",
        "file": "maps/russia-china.argmap",
        "line": 58,
        "column": 1,
        "statement": "partnership",
        "related": ["russia_gains"],
    },
    {
        "code": "AM109",
        "rule": "attributed-premise",
        "severity": "info",
        "message": "claim `credibility` is attributed to Vladimir Putin (@by), not asserted by "
        "the map, yet used as a reason for `china_gains`",
        "file": "maps/russia-china.argmap",
        "line": 105,
        "column": 1,
        "statement": "credibility",
        "related": ["china_gains"],
    },
]
IMPLICIT = [
    {
        "code": "AM110",
        "rule": "implicit-statement",
        "severity": "info",
        "message": f"{kind} `{node}` is implicit: the text does not state it, the analysis "
        "supplies it",
        "file": "maps/russia-china.argmap",
        "line": line,
        "column": 1,
        "statement": node,
        "related": [],
    }
    for kind, node, line in (
        ("claim", "durable", 43), ("claim", "energy_ties", 98), ("assumption", "west_aim", 183)
    )
]


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def check_json(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def test_the_article_map(in_root: None) -> None:
    if not ARTICLE.is_file():
        pytest.skip(f"the article is not beside the checkout ({ARTICLE} is absent)")
    assert check_json("maps/russia-china.argmap") == (0, RUSSIA_CHINA)
    # Every premise is quoted, so the off-by-default rules find only the two statements
    # the analysis supplies.
    code, every = check_json("--select", "ALL", "maps/russia-china.argmap")
    assert code == 0
    assert sorted(every, key=lambda f: (f["line"], f["code"])) == sorted(
        RUSSIA_CHINA + IMPLICIT, key=lambda f: (f["line"], f["code"])
    )
    # Accepted: no warning, so --strict passes too.
    assert check_json("--strict", "maps/russia-china.argmap")[0] == 0


def test_the_article_map_labels(in_root: None) -> None:
    amap = argmap.load("maps/russia-china.argmap")
    labels = compute_labels(amap)
    out = sorted(node for node, label in labels.items() if amap.is_statement(node)
                 and label is Label.OUT)
    # The objection `durable` is answered by `limit`; the analyst's objection undercuts the
    # EU example's step only, and the thesis stands on the general reason.
    assert out == ["durable"]
    assert labels["raise_costs"] is Label.IN
    example = amap.find_inference(["eu_lever", "deal_first"], "xi_distances")
    assert example is not None and labels[example] is Label.OUT
    assert Label.UNDEC not in labels.values()


def test_the_article_map_against_another_text(in_root: None, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("An unrelated text.\n", encoding="utf-8")
    amap = argmap.load("maps/russia-china.argmap")
    quotes = sum(len(data["quotes"]) for _, data in amap.statements())
    findings = run_checks(amap, select=["quote-not-found"], document=other)
    assert len(findings) == quotes > 20


def test_the_tutorial_map(in_root: None) -> None:
    assert check_json("maps/tutorial.argmap") == (0, [])
    code, every = check_json("--select", "ALL", "--strict", "maps/tutorial.argmap")
    assert code == 0  # an info never fails a run, even with --strict
    assert [(f["rule"], f["statement"]) for f in every] == [("implicit-statement", "similar")]


def test_the_maps_folder(in_root: None) -> None:
    if not ARTICLE.is_file():
        pytest.skip(f"the article is not beside the checkout ({ARTICLE} is absent)")
    result = CliRunner().invoke(main, ["check", "maps"])
    assert result.exit_code == 0
    assert result.stdout.endswith("2 info in 2 files\n")
