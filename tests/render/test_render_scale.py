"""Large maps are drawn section by section: packed pieces, references between sections.

The threshold is lowered for these tests, so that a map of a few statements is "large";
`make bench` times the real thing (10,000 statements with both engines).
"""

from __future__ import annotations

import re
import shutil

import pytest

import argmap
from argmap.render import RenderOptions, build_dot, render_map, scale

MAP = """\
@title Scaled
conclusion top: The main conclusion, which every part supports.
== Part one ==
conclusion a1: The first part's conclusion.
premise a2: A reason <for> the "first" part.
premise a3: Another reason.
a2 + a3 -> a1
== Part two ==
conclusion b1: The second part's conclusion.
premise b2: A reason for the second part.
b2 -> b1
b2 -| a2
== Part three ==
premise c1: A reason for the first part, from the third.
c1 -> a1
a1 -> top
b1 -> top
"""


@pytest.fixture
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scale, "LARGE", 3)


def test_a_large_map_is_packed_section_by_section(small_threshold: None) -> None:
    dot = build_dot(argmap.parse(MAP, "scaled.argmap"), RenderOptions())
    assert 'pack=true packmode="array_c2"' in dot
    # Graphviz 2.43 crashes on a packed graph with newrank or a rank=max subgraph.
    assert "rank=max" not in dot and "newrank" not in dot
    assert "cluster_section" not in dot  # sections have no frames
    assert '"section-title-2" [id="section-title-2" class="section title"' in dot
    assert "weight=0" not in dot  # the legend is not tied to every piece
    # Relations from one section into another end on a reference box in the first.
    references = dict(re.findall(r'"(reference-\d+)" \[.*?label="((?:[^"\\]|\\.)*)"', dot))
    assert sorted(references.values()) == [
        "→ a1\\nThe first part's conclusion.\\n",
        "→ a2\\nA reason <for> the \\\"first\\\" part.\\n",
        "→ top\\nThe main conclusion, which every part s…\\n",
        "→ top\\nThe main conclusion, which every part s…\\n",
    ]
    assert not re.search(r'"(a1|b1)" -> "top"', dot)
    assert not re.search(r'-> "inference-\d+" \[class="premise".*\n.*-> "top"', dot)
    assert '"b2" -> "reference-1" [class="attack"' in dot
    assert '"reference-1" -> "section-title-2" [style=invis];' in dot


def test_a_map_below_the_threshold_is_drawn_as_before(small_threshold: None) -> None:
    scale.LARGE = 1_000
    dot = build_dot(argmap.parse(MAP, "scaled.argmap"), RenderOptions())
    assert "pack=" not in dot and "reference-" not in dot
    assert '{ rank=max; "top" }' in dot


@pytest.mark.parametrize("engine", ["system", "embedded"])
def test_both_engines_draw_a_packed_map(small_threshold: None, engine: str) -> None:
    if engine == "system" and shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    amap = argmap.parse(MAP, "scaled.argmap")
    svg = render_map(amap, RenderOptions(engine=engine)).decode("utf-8")
    assert svg.count('class="node reference"') == 4
    assert 'id="statement&#45;top"' in svg and 'xlink:title="continues at top"' in svg


FLAT = """\
@title Flat
conclusion top: The main conclusion, which both arguments support.
conclusion a1: The first argument's conclusion.
premise a2: A reason <for> the "first" argument.
premise a3: Another reason.
a2 + a3 -> a1
conclusion b1: The second argument's conclusion.
premise b2: A reason for the second argument.
b2 -> b1
b2 -| a2
premise loose: A premise that leads to no conclusion.
claim idle: A claim it supports.
loose -> idle
a1 -> top
b1 -> top
"""


def test_a_large_map_without_sections_is_packed_argument_by_argument(
    small_threshold: None,
) -> None:
    dot = build_dot(argmap.parse(FLAT, "flat.argmap"), RenderOptions())
    assert 'pack=true packmode="array_c2"' in dot  # top, a1, b1 and the loose statements
    assert "section-title" not in dot and "rank=max" not in dot and "newrank" not in dot
    references = dict(re.findall(r'"(reference-\d+)" \[.*?label="((?:[^"\\]|\\.)*)"', dot))
    assert sorted(references.values()) == [
        "→ a2\\nA reason <for> the \\\"first\\\" argument.\\n",
        "→ top\\nThe main conclusion, which both argumen…\\n",
        "→ top\\nThe main conclusion, which both argumen…\\n",
    ]
    # An inference stays with its premises: a1's reasons are drawn with a1, and the line
    # from a1 to top ends on a reference box beside a1. b2 goes with b1, which it supports,
    # and its attack on a2 ends on a reference box.
    assert '"a2" -> "inference-1" [class="premise"' in dot
    assert '"inference-1" -> "a1" [class="support"' in dot
    assert '"a1" -> "inference-4" [class="premise"' in dot
    assert '"inference-4" -> "reference-2" [class="support"' in dot
    assert '"b2" -> "reference-1" [class="attack"' in dot


def test_a_large_map_with_one_conclusion_is_cut_below_it(small_threshold: None) -> None:
    one = FLAT.replace("conclusion a1", "claim a1").replace("conclusion b1", "claim b1")
    dot = build_dot(argmap.parse(one, "flat.argmap"), RenderOptions())
    assert "pack=true" in dot
    references = dict(re.findall(r'"(reference-\d+)" \[.*?label="((?:[^"\\]|\\.)*)"', dot))
    assert sorted(references.values()) == [
        "→ a2\\nA reason <for> the \\\"first\\\" argument.\\n",
        "→ top\\nThe main conclusion, which both argumen…\\n",
        "→ top\\nThe main conclusion, which both argumen…\\n",
    ]


def test_a_large_map_with_one_line_of_reasons_is_drawn_whole(small_threshold: None) -> None:
    chain = "conclusion c: C.\nclaim b: B.\npremise a: A.\npremise d: D.\na + d -> b -> c\n"
    dot = build_dot(argmap.parse(chain, "chain.argmap"), RenderOptions())
    assert "pack=" not in dot and "reference-" not in dot
    assert '{ rank=max; "c" }' in dot


def test_a_small_map_without_sections_is_drawn_whole() -> None:
    dot = build_dot(argmap.parse(FLAT, "flat.argmap"), RenderOptions())
    assert "pack=" not in dot and "reference-" not in dot


@pytest.mark.parametrize("engine", ["system", "embedded"])
def test_both_engines_draw_a_map_packed_by_argument(small_threshold: None, engine: str) -> None:
    if engine == "system" and shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    svg = render_map(argmap.parse(FLAT, "flat.argmap"), RenderOptions(engine=engine))
    text = svg.decode("utf-8")
    assert text.count('class="node reference"') == 3
    assert 'id="statement&#45;loose"' in text and "A reason &lt;for&gt; the" in text
