"""What `argmap check` says about the example maps, and why an analyst would agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.analysis.labels import Label, compute_labels
from argmap.checks import run_checks
from argmap.cli import main

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "maps"
ARTICLE = ROOT.parent / "shared" / "sources" / "russia-china-oppose-the-globe.txt"
# Without the article beside the checkout, the quote rules have nothing to compare with.
WITHOUT_ARTICLE = () if ARTICLE.is_file() else ("document-not-found", "quote-not-found")


def test_the_article_map_has_no_warning_and_its_thesis_is_accepted() -> None:
    amap = argmap.load(str(MAPS / "russia-china.argmap"))
    findings = run_checks(amap, select=["ALL"], ignore=WITHOUT_ARTICLE)
    assert [f for f in findings if f.severity.value != "info"] == []
    # The infos keep visible what the analysis supplies and what rests on Putin's word.
    infos = sorted((f.rule, f.statement or "") for f in findings if f.severity.value == "info")
    assert infos == [
        ("attributed-premise", "credibility"),
        ("attributed-premise", "partnership"),
        ("implicit-statement", "durable"),
        ("implicit-statement", "energy_ties"),
        ("implicit-statement", "west_aim"),
    ]


def test_the_article_map_labels_are_an_analysts_verdict() -> None:
    amap = argmap.load(str(MAPS / "russia-china.argmap"))
    labels = compute_labels(amap)
    # The first half stands: the common ground is real...
    assert labels["common_ground"] is Label.IN
    # ...but the article's "limit" defeats the objection that it makes the alliance last,
    # and the prediction stands again (reinstatement).
    assert labels["limit"] is Label.IN
    assert labels["durable"] is Label.OUT
    assert labels["breakup"] is Label.IN
    # The analyst's energy objection undercuts the EU example's step only; the thesis rests
    # on the article's general reason (support lasts only while it is cheap).
    example = amap.find_inference(["eu_lever", "deal_first"], "xi_distances")
    general = amap.find_inference(["minor_costs", "west_able"], "xi_distances")
    assert example is not None and general is not None
    assert (labels[example], labels[general]) == (Label.OUT, Label.IN)
    assert {labels[node] for node in ("xi_distances", "suspicions", "raise_costs")} == {Label.IN}


def test_the_tutorial_is_clean_and_its_conclusion_stands() -> None:
    amap = argmap.load(str(MAPS / "tutorial.argmap"))
    # Only the info listing what the analyst supplied (the assumption marked @implicit).
    assert [(f.rule, f.statement) for f in run_checks(amap, select=["ALL"])] == [
        ("implicit-statement", "similar")
    ]
    labels = compute_labels(amap)
    assert labels["build"] is Label.IN
    assert labels["shops_lose"] is Label.OUT
    assert labels["shops_keep"] is Label.IN


@pytest.mark.skipif(not ARTICLE.is_file(), reason=f"the article is absent ({ARTICLE})")
def test_checking_the_maps_folder_reports_only_infos() -> None:
    result = CliRunner().invoke(main, ["check", str(MAPS)])
    assert result.exit_code == 0, result.output
    assert "AM301 contested-conclusion" not in result.output
    assert "2 info in 2 files" in result.output
