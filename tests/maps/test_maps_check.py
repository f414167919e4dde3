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


def test_the_article_map_has_one_warning_the_unanswered_undercut() -> None:
    amap = argmap.load(str(MAPS / "russia-china.argmap"))
    findings = run_checks(amap, select=["ALL"], ignore=WITHOUT_ARTICLE)
    warnings = [f for f in findings if f.severity.value != "info"]
    assert [(f.rule, f.statement) for f in warnings] == [("contested-conclusion", "raise_costs")]
    assert "energy" in warnings[0].message
    assert "(minor_costs + eu_lever + deal_first -> xi_distances)" in warnings[0].message
    # The infos keep visible what the analysis supplies and what rests on Putin's word.
    infos = sorted((f.rule, f.statement or "") for f in findings if f.severity.value == "info")
    assert infos == [
        ("attributed-premise", "credibility"),
        ("attributed-premise", "partnership"),
        ("implicit-statement", "durable"),
        ("implicit-statement", "west_aim"),
    ]


def test_the_article_map_labels_are_an_analysts_verdict() -> None:
    amap = argmap.load(str(MAPS / "russia-china.argmap"))
    labels = compute_labels(amap)
    # The first half stands: the common ground is real...
    assert labels["common_ground"] is Label.IN
    # ...but the article's "limit" defeats the objection that it makes the alliance last.
    assert labels["limit"] is Label.IN
    assert labels["durable"] is Label.OUT
    # The energy undercut, which the article never answers, breaks the chain to the thesis.
    undercut = amap.find_inference(["minor_costs", "eu_lever", "deal_first"], "xi_distances")
    assert undercut is not None
    assert labels[undercut] is Label.OUT
    out = {"xi_distances", "suspicions", "breakup", "raise_costs"}
    assert {node for node in out if labels[node] is Label.OUT} == out


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
def test_checking_the_maps_folder_reports_only_the_contested_thesis() -> None:
    result = CliRunner().invoke(main, ["check", str(MAPS)])
    assert result.exit_code == 0, result.output
    assert result.output.count("AM301 contested-conclusion") == 1
    assert "1 warning, 2 info in 2 files" in result.output
