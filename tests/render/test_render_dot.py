"""DOT output: golden files for the test maps and the example maps, and its rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from render_helpers import DATA, EXAMPLE_MAPS, GOLDEN, UPDATE

import argmap
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, build_dot
from argmap.render.view import ViewSpec

DATA_MAPS = sorted(DATA.glob("*.argmap"))


def _check_golden(dot: str, golden: Path) -> None:
    if UPDATE or not golden.exists():
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8"), (
        f"DOT differs from {golden}; look at the difference, and if it is right, "
        "regenerate with ARGMAP_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("path", DATA_MAPS, ids=lambda path: path.stem)
def test_golden_dot_of_test_maps(path: Path) -> None:
    _check_golden(build_dot(argmap.load(str(path)), RenderOptions()), path.with_suffix(".dot"))


@pytest.mark.parametrize("path", EXAMPLE_MAPS, ids=lambda path: path.stem)
def test_golden_dot_of_example_maps(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} is not there yet")
    golden = GOLDEN / (path.stem + ".dot")
    _check_golden(build_dot(argmap.load(str(path)), RenderOptions()), golden)


def test_dot_is_deterministic(small_map: ArgumentMap) -> None:
    options = RenderOptions(evaluate=True, quotes=True)
    again = argmap.parse(next(iter(small_map.files.values())), "small.argmap")
    assert build_dot(small_map, options) == build_dot(again, options)


def test_no_size_and_no_ortho(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions())
    assert not re.search(r"\bsize\s*=", dot)
    assert "ortho" not in dot
    assert "rankdir=BT" in dot
    assert 'label="A small map"' in dot


def test_kinds_have_their_own_look(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions())
    assert re.search(r'"a" \[id="statement-a" class="premise" style="filled"', dot)
    assert re.search(r'"b" \[id="statement-b" class="assumption" style="dashed,filled"', dot)
    assert re.search(r'"c" \[id="statement-c" class="claim" style="rounded,filled"', dot)
    assert re.search(r'"d" \[id="statement-d" class="conclusion" style="rounded,bold,filled"', dot)


def test_relations_differ_in_style_and_arrowhead(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions(legend=False))
    edges = dict(re.findall(r'^  ("[\w-]+" -> "[\w-]+") \[(.*)\];$', dot, re.MULTILINE))
    assert edges['"a" -> "inference-1"'] == 'class="premise" arrowhead=none'
    assert 'arrowhead=normal' in edges['"inference-1" -> "c"']
    attack = edges['"x" -> "d"']
    assert "arrowhead=tee" in attack and 'penwidth="2"' in attack and "style" not in attack
    undercut = edges['"u" -> "inference-2"']
    assert 'class="undercut"' in undercut and "style=dashed" in undercut
    contradiction = [edge for edge in edges if '"x"' in edge and '"y"' in edge]
    assert len(contradiction) == 1  # drawn once, with bars at both ends
    assert "dir=both" in edges[contradiction[0]] and "style=dotted" in edges[contradiction[0]]


def test_linked_premises_meet_in_one_inference_showing_the_warrant(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions())
    line = next(line for line in dot.splitlines() if line.strip().startswith('"inference-1" ['))
    assert 'class="inference warrant"' in line and "together they show it" in line
    plain = next(line for line in dot.splitlines() if line.strip().startswith('"inference-2" ['))
    assert "shape=point" in plain


def test_sections_are_titled_clusters(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions())
    assert 'subgraph "cluster_section_1" {' in dot
    assert 'label="Reasons" id="section-1" class="section"' in dot
    assert 'label="Thesis" id="section-2"' in dot


def test_text_wraps_and_id_and_tags_follow(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions(wrap=10))
    assert 'label="First\\nreason.\\na  #alpha\\n"' in dot


def test_direction(small_map: ArgumentMap) -> None:
    for direction in ("TB", "LR", "RL"):
        assert f"rankdir={direction}" in build_dot(small_map, RenderOptions(direction=direction))


def test_quotes_option(small_map: ArgumentMap) -> None:
    assert "“a quote”" not in build_dot(small_map, RenderOptions())
    assert "“a quote”" in build_dot(small_map, RenderOptions(quotes=True))


def test_legend_lists_what_is_used(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions())
    assert 'subgraph "cluster_legend"' in dot
    for name in ("premise", "assumption", "claim", "conclusion", "tag-alpha", "tag-beta"):
        assert f'"legend-{name}"' in dot
    for words in ("supports", "attacks", "undercuts a step", "contradict each other"):
        assert f'label="{words}"' in dot
    assert "cluster_legend" not in build_dot(small_map, RenderOptions(legend=False))


def test_evaluate_fills_by_label_with_a_legend(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions(evaluate=True))
    assert '"legend-IN"' in dot and '"legend-UNDEC"' in dot
    # a and b are unattacked ground: IN; x and y contradict each other: UNDEC.
    assert re.search(r'"a" \[[^\n]*label="First reason\.\\na  #alpha  · IN\\n"', dot)
    assert re.search(r'"x" \[[^\n]*· UNDEC', dot)


def test_findings_outline_the_statements_check_reports(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions(findings=True))
    line = next(line for line in dot.splitlines() if line.strip().startswith('"d" ['))
    assert 'class="conclusion finding"' in line and "penwidth=3" in line
    assert "finding" in line.split("label=")[1]
    assert '"legend-finding"' in dot


def test_the_legend_explains_the_outline_only_when_a_drawn_statement_has_it() -> None:
    amap = argmap.parse(
        "== Sound ==\npremise p: A reason.\nconclusion c: The point.\np -> c\n"
        "== Loose ==\nclaim lonely: Nothing backs this.\n"
    )
    sound = RenderOptions(findings=True, view=ViewSpec(section="Sound"))
    assert '"legend-finding"' not in build_dot(amap, sound)
    loose = RenderOptions(findings=True, view=ViewSpec(section="Loose"))
    assert '"legend-finding"' in build_dot(amap, loose)


@pytest.mark.parametrize("theme", ["default", "print", "dark"])
def test_themes(small_map: ArgumentMap, theme: str) -> None:
    dot = build_dot(small_map, RenderOptions(theme=theme))
    background = {"default": "#ffffff", "print": "#ffffff", "dark": "#1e1e1e"}[theme]
    assert f'bgcolor="{background}"' in dot


def test_view_options_reach_the_dot(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions(view=ViewSpec(section="Thesis")))
    assert '"a" [' not in dot and '"d" [' in dot


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 30, [""]),
        ("short", 30, ["short"]),
        ("because the two together make it so", 34, ["because the two", "together make it so"]),
        # Evened out without cutting the long word (at width 25 it would be cut).
        ("aaaa <script>alert(1)</script> b", 30, ["aaaa", "<script>alert(1)</script> b"]),
        ("x" * 70, 30, ["x" * 29 + "-", "x" * 29 + "-", "x" * 12]),
        ("ab " + "y" * 50 + " cd", 30, ["ab", "y" * 29 + "-", "y" * 21 + " cd"]),
        # A word up to half again as long as the line widens it instead of being cut.
        ("ab " + "y" * 40 + " cd", 30, ["ab", "y" * 40, "cd"]),
        ("a threat of destabilization", 12, ["a threat of", "destabilization"]),
    ],
)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    from argmap.render.dot import wrap

    assert wrap(text, width) == lines


def test_an_undercut_attack_is_drawn_through_a_dot_that_the_undercut_ends_on() -> None:
    amap = argmap.parse(
        "premise a: A.\npremise x: X.\npremise y: Y.\nconclusion c: C.\n"
        "a -> c\nx -| c\ny -| (x -| c)\n",
        "map.argmap",
    )
    dot = build_dot(amap, RenderOptions(legend=False))
    assert re.search(r'"attack-1" \[id="attack-1" class="attack" shape=point', dot)
    assert re.search(r'"x" -> "attack-1" \[class="attack" [^]]*arrowhead=none[^]]*\]', dot)
    assert re.search(r'"attack-1" -> "c" \[class="attack" [^]]*arrowhead=tee[^]]*\]', dot)
    assert re.search(r'"y" -> "attack-1" \[class="undercut" style=dashed [^]]*arrowhead=tee', dot)
    assert '"x" -> "c"' not in dot
    # With --evaluate the dot takes its label's colour: y is unanswered, so the attack is OUT.
    from argmap.render.themes import DEFAULT

    evaluated = build_dot(amap, RenderOptions(legend=False, evaluate=True))
    assert f'color="{DEFAULT.label_mark("OUT")}"' in _node_line(evaluated, "attack-1")
    # Drawing part of the map: the dot goes with its attacker and target.
    focused = build_dot(amap, RenderOptions(legend=False, view=ViewSpec(focus="a", depth=1)))
    assert "attack-1" not in focused


def _node_line(dot: str, node: str) -> str:
    return next(line for line in dot.splitlines() if line.strip().startswith(f'"{node}" ['))


def test_tag_colours_never_repeat_past_the_palette() -> None:
    from argmap.render.themes import DEFAULT, PRINT, tag_colours

    tags = [f"t{index:02}" for index in range(12)]
    colours = tag_colours(tags, DEFAULT)
    assert list(colours) == tags[:5] and len(set(colours.values())) == 5
    assert len(tag_colours(tags, PRINT)) == 4


def test_tags_past_the_palette_are_uncoloured_and_the_legend_says_so() -> None:
    amap = argmap.load(str(DATA / "many-tags.argmap"))
    dot = build_dot(amap, RenderOptions())
    assert "fillcolor" not in _node_line(dot, "k")  # only #kilo, the 11th tag
    # j's first tag (#juliet, past the palette's five) has no colour; its second (#alpha) has one.
    assert _fill(_node_line(dot, "j")) == _fill(_node_line(dot, "a"))
    assert 'label="6 more tags: no colour"' in dot
    assert '"legend-tag-echo"' in dot and '"legend-tag-foxtrot"' not in dot


def _fill(line: str) -> str:
    match = re.search(r'fillcolor="(#[0-9a-f]{6})"', line)
    assert match, line
    return match.group(1)


def test_a_tagged_conclusion_keeps_the_conclusion_fill() -> None:
    from argmap.render.themes import DEFAULT

    dot = build_dot(argmap.load(str(DATA / "many-tags.argmap")), RenderOptions())
    assert _fill(_node_line(dot, "z")) == DEFAULT.conclusion_fill
    assert _fill(_node_line(dot, "legend-conclusion")) == DEFAULT.conclusion_fill


def test_evaluate_colours_inferences_too(small_map: ArgumentMap) -> None:
    from argmap.render.themes import DEFAULT

    dot = build_dot(small_map, RenderOptions(evaluate=True))
    # u undercuts (c -> d), unanswered: the step is OUT, its dot in the OUT colour.
    assert f'color="{DEFAULT.label_mark("OUT")}"' in _node_line(dot, "inference-2")
    # (a + b -> c) shows its warrant; its premises are IN and nothing attacks it.
    assert _fill(_node_line(dot, "inference-1")) == DEFAULT.label_fill("IN")
    plain = build_dot(small_map, RenderOptions())
    assert _fill(_node_line(plain, "inference-1")) == DEFAULT.inference_fill


def test_conclusions_are_on_the_top_rank_outside_the_sections() -> None:
    amap = argmap.parse(
        "== Reasons ==\npremise a: A.\nconclusion d: D.\nconclusion e: E.\n"
        "== Alone ==\nconclusion f: F.\npremise g: G.\n\na -> d\na -> e\ng -> f\n",
        "top.argmap",
    )
    dot = build_dot(amap, RenderOptions(legend=False))
    assert '{ rank=max; "d" "e" "f" }' in dot
    reasons = dot.split('subgraph "cluster_section_1"')[1].split("  }")[0]
    assert '"a" [' in reasons and '"d" [' not in reasons and '"e" [' not in reasons
    # f is not alone in its section (g is there too), so it leaves the box as well.
    alone = argmap.parse("== Alone ==\nconclusion f: F.\n\n== G ==\npremise g: G.\ng -> f\n", "x")
    boxed = build_dot(alone, RenderOptions(legend=False))
    assert '"f" [' in boxed.split('subgraph "cluster_section_1"')[1].split("  }")[0]


@pytest.mark.parametrize("direction", ["BT", "TB", "LR", "RL"])
def test_legend_is_kept_out_of_the_maps_ranks(small_map: ArgumentMap, direction: str) -> None:
    dot = build_dot(small_map, RenderOptions(direction=direction))
    anchors = re.findall(r'^  ("[^"]+") -> ("[^"]+") \[style=invis weight=0\];$', dot, re.M)
    # An invisible edge to each end of the map's flow (a small map: every first reason,
    # not only one per connected part, {a, b, c, d, x, u} and {y}).
    if direction == "TB":  # after the conclusions: from the map to the legend
        assert all(head.startswith('"legend-') for _, head in anchors)
        assert {tail for tail, _ in anchors} == {'"d"', '"y"'}
    else:  # before the first reasons
        assert all(tail.startswith('"legend-') for tail, _ in anchors)
        assert {head for _, head in anchors} == {'"a"', '"b"', '"x"', '"u"', '"y"'}


def test_relation_samples_are_edges_to_their_names(small_map: ArgumentMap) -> None:
    dot = build_dot(small_map, RenderOptions(direction="LR"))
    assert '"legend-support-from" -> "legend-support" [class="support"' in dot
    assert re.search(r'\{ rank=same; [^}]*"legend-support-from" "legend-support" ', dot)
    assert 'xlabel' not in dot and 'label="supports"' in dot


def test_an_undercut_direction_of_a_contradiction_is_drawn_as_two_one_way_halves() -> None:
    amap = argmap.parse(
        "premise a: A.\npremise b: B.\npremise u: U.\na >< b\nu -| (a -| b)\n", "map.argmap"
    )
    dot = build_dot(amap, RenderOptions(legend=False))
    # a's contradiction of b runs through the dot u undercuts, and ends in one bar at b...
    assert re.search(r'"a" -> "attack-1" \[class="contradiction" [^]]*arrowhead=none', dot)
    assert re.search(r'"attack-1" -> "b" \[class="contradiction" [^]]*arrowhead=tee', dot)
    # ...while b's contradiction of a stands as it was, one bar at a.
    assert re.search(r'"b" -> "a" \[class="contradiction" [^]]*arrowhead=tee', dot)
    assert "dir=both" not in dot


def test_a_linked_objection_joins_its_premises_at_one_point() -> None:
    # As a linked inference joins its premises: one line from each premise to a point, one
    # attack line from the point to the target; a named one is a box with its name.
    amap = argmap.parse(
        "premise a: A.\npremise b: B.\npremise d: D.\npremise s: S.\nconclusion c: C.\n"
        "s -> c\na + b -| c\nargument named: a + d -| (s -> c) #why\n",
        "linked.argmap",
    )
    lines = build_dot(amap, RenderOptions()).splitlines()
    point = next(line for line in lines if line.strip().startswith('"attack-1" ['))
    assert "shape=point" in point
    starts = ('"a" -> "attack-1"', '"b" -> "attack-1"')
    joined = [line for line in lines if line.strip().startswith(starts)]
    assert len(joined) == 2 and all("arrowhead=none" in line for line in joined)
    attack = next(line for line in lines if line.strip().startswith('"attack-1" -> "c"'))
    assert "arrowhead=tee" in attack
    named = next(line for line in lines if line.strip().startswith('"named" ['))
    assert 'class="attack named"' in named and "named  #why" in named
    assert sum(line.strip().startswith(('"a" -> "named"', '"d" -> "named"')) for line in lines) == 2
