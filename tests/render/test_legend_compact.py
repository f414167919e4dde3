"""The legend: one or two rows under the drawing, with only what the figure uses (issue 18,
requirement 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from render_helpers import EXAMPLE_MAPS

import argmap
from argmap.render.render import RenderOptions, build_dot

PLAIN = """\
premise p: A reason.
premise q: Another reason.
conclusion c: The point.
p + q -> c
"""


def _legend(dot: str) -> str:
    return dot.split('subgraph "cluster_legend" {')[1].split("\n  }")[0]


def _rows(dot: str) -> list[str]:
    return re.findall(r"\{ rank=same; ([^}]*) \}", _legend(dot))


def test_the_legend_lists_only_the_kinds_and_relations_used() -> None:
    legend = _legend(build_dot(argmap.parse(PLAIN), RenderOptions()))
    assert '"legend-premise"' in legend and '"legend-conclusion"' in legend
    assert '"legend-support"' in legend
    for unused in ("claim", "assumption", "attack", "undercut", "contradiction", "stub",
                   "finding", "tag-", "IN", "OUT", "UNDEC"):
        assert f'"legend-{unused}' not in legend


def test_with_evaluate_only_the_labels_drawn() -> None:
    amap = argmap.parse(PLAIN)  # nothing attacked: every statement IN
    legend = _legend(build_dot(amap, RenderOptions(evaluate=True)))
    assert '"legend-IN"' in legend
    assert '"legend-OUT"' not in legend and '"legend-UNDEC"' not in legend


def test_only_the_tags_drawn() -> None:
    amap = argmap.parse(PLAIN.replace("A reason.", "A reason. #drawn") + "claim x: X. #elsewhere\n")
    legend = _legend(build_dot(amap, RenderOptions(view=argmap.render.view.ViewSpec(focus="c"))))
    assert '"legend-tag-drawn"' in legend and "elsewhere" not in legend


@pytest.mark.parametrize("path", EXAMPLE_MAPS, ids=lambda path: path.stem)
def test_the_example_maps_legends_take_one_or_two_rows(path: object) -> None:
    dot = build_dot(argmap.load(str(path)), RenderOptions())
    rows = _rows(dot)
    assert 1 <= len(rows) <= 2
    assert sum(len(row.split('" "')) for row in rows) >= 4


def test_the_rows_are_evened_out_and_all_in_one_rank_each() -> None:
    amap = argmap.load(str(Path(__file__).parent / "data" / "relations.argmap"))
    rows = _rows(build_dot(amap, RenderOptions()))
    names = [name for row in rows for name in row.split()]
    assert len(names) == len(set(names))  # each entry in one row only
    # The sample of a relation and its name sit side by side in one row.
    for row in rows:
        for start in re.findall(r'"legend-([a-z]+)-from"', row):
            assert f'"legend-{start}"' in row


def test_no_legend_on_request() -> None:
    assert "cluster_legend" not in build_dot(argmap.parse(PLAIN), RenderOptions(legend=False))


def test_an_implicit_statement_is_explained_only_when_drawn() -> None:
    plain = _legend(build_dot(argmap.parse(PLAIN), RenderOptions()))
    assert '"legend-implicit"' not in plain
    implicit = PLAIN.replace("Another reason.", "Another reason.\n  @implicit")
    legend = _legend(build_dot(argmap.parse(implicit), RenderOptions()))
    assert re.search(r'"legend-implicit" \[[^\n]*style="dashed,filled"', legend)
