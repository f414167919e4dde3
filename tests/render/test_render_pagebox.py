"""Issue 18: the page box (`--fit a4` is 453.5 × 700 pt), the largest text that fits, and
`--split` that cuts any map until every part fits, drawing every relation whole somewhere."""

from __future__ import annotations

import html
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_helpers import DATA, MAPS

import argmap
from argmap.model import CONTRADICTS_EDGE, ArgumentMap
from argmap.render.cut import Part, cut
from argmap.render.fit import PAGE_BOXES, FitError, candidates, parse_page, printed
from argmap.render.measure import measure_svg
from argmap.render.render import RenderOptions, build_dot, draw_svg, render_figure
from argmap.render.split import _part_view, _stubs, split_figures

A4 = PAGE_BOXES["a4"]
_EDGE = re.compile(r'^  "((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)"', re.MULTILINE)


@pytest.mark.parametrize(
    ("text", "box"),
    [("a4", (453.54, 700.16)), ("letter", (468.0, 648.0)), ("16cm", (453.54, None)),
     ("16x24.7cm", (453.54, 700.16)), ("453.5 × 700 pt", (453.5, 700.0)),
     ("6in x 20cm", (432.0, 566.93)), ("400X500mm", (1133.86, 1417.32))],
)
def test_page_boxes(text: str, box: tuple[float, float | None]) -> None:
    width, height = parse_page(text)
    assert width == pytest.approx(box[0], abs=0.01)
    assert height == (None if box[1] is None else pytest.approx(box[1], abs=0.01))


@pytest.mark.parametrize("text", ["16x", "x24cm", "0x10cm", "16x24", "a3"])
def test_bad_page_boxes_say_what_is_accepted(text: str) -> None:
    with pytest.raises(ValueError, match="16cm"):
        parse_page(text)


def test_the_height_of_the_box_is_kept() -> None:
    """A map drawn in a box 453 pt wide and 250 pt high prints at most 250 pt high."""
    amap = argmap.load(str(DATA / "kinds.argmap"))
    figure = render_figure(amap, RenderOptions(fit=453, fit_height=250, min_font=4))
    assert figure.size is not None
    assert figure.size.height <= 250.01 and figure.size.width <= 453.01
    assert measure_svg(figure.data).height <= 250.01


def test_the_fit_keeps_the_drawing_with_the_largest_text() -> None:
    amap = argmap.load(str(MAPS / "tutorial.argmap"))
    options = RenderOptions(fit=300, fit_height=400, min_font=1)
    found = render_figure(amap, options)
    texts = [printed(measure_svg(draw_svg(amap, candidate.options)), 300, 400).text or 0
             for candidate in candidates(options, 10)]
    assert found.size is not None and found.size.text == pytest.approx(max(texts), abs=0.01)


def test_a_refusal_names_the_floor_that_would_pass() -> None:
    amap = argmap.load(str(MAPS / "tutorial.argmap"))
    with pytest.raises(FitError) as raised:
        render_figure(amap, RenderOptions(fit=200, fit_height=200, min_font=20))
    floor = re.search(r"`--min-font ([0-9.]+)` would pass", str(raised.value))
    assert floor is not None and raised.value.best.text is not None
    assert float(floor.group(1)) <= raised.value.best.text
    render_figure(amap, RenderOptions(fit=200, fit_height=200, min_font=float(floor.group(1))))


@pytest.fixture(scope="module")
def example_split() -> list[tuple[str, bytes]]:
    options = RenderOptions(fit=A4[0], fit_height=A4[1], engine="embedded")
    done = split_figures(argmap.load(str(MAPS / "russia-china.argmap")), options)
    assert not done.refused
    return [(figure.title, figure.figure.data) for figure in done.figures]


def test_every_figure_of_the_example_fits_the_a4_text_block(
    example_split: list[tuple[str, bytes]],
) -> None:
    for _, svg in example_split:
        size = measure_svg(svg)
        assert size.width <= A4[0] + 0.01 and size.height <= A4[1] + 0.01
        assert size.text is None or size.text >= 8 - 0.005


def test_a_linked_inference_is_drawn_whole_with_its_warrant(
    example_split: list[tuple[str, bytes]],
) -> None:
    amap = argmap.load(str(MAPS / "russia-china.argmap"))
    inference = amap.find_inference(["russia_gains", "china_gains"], "common_ground")
    assert inference is not None
    whole = []
    for _, svg in example_split:
        text = svg.decode()
        titles = set(re.findall(r"<title>([^<]*)</title>", text.replace("&#45;", "-")
                                .replace("&gt;", ">")))
        ends = {f"{premise}->{inference}" for premise in ("russia_gains", "china_gains")}
        refs = {f"ref-{premise}->{inference}" for premise in ("russia_gains", "china_gains")}
        if all(a in titles or b in titles for a, b in zip(sorted(ends), sorted(refs),
                                                          strict=True)):
            whole.append(text)
    assert whole, "the linked step is drawn whole in no figure"
    assert any("when both sides gain" in text for text in whole)


def test_a_stand_in_names_the_statement_its_id_and_part(
    example_split: list[tuple[str, bytes]],
) -> None:
    stand_ins = [(text, svg.decode()) for text, svg in example_split if b'class="node ref"' in svg]
    assert stand_ins
    for _, svg in stand_ins:
        pattern = r'<g id="ref&#45;([^"]+)" class="node ref">(.*?)</g>\n</g>'
        for group in re.findall(pattern, svg, re.S):
            node, body = group
            assert "in Part " in body or "not drawn" in body
            assert "<a " in body or "xlink:href" in body or "href" in body
            if node.startswith("inference&#45;"):
                # An inference drawn whole elsewhere is named by the statements it joins.
                assert " → " in html.unescape(body)
            else:
                assert f">{node}<" in body


def test_a_relation_reaching_another_part_names_its_far_end_not_the_part(
    example_split: list[tuple[str, bytes]],
) -> None:
    """`limit -| durable` crosses parts: where `durable` is drawn, the attacker stands in as
    `ref-limit` (not a box for Part 5), and the linked step russia_gains + china_gains ->
    common_ground stands in as itself beside `common_ground`."""
    svgs = [svg.decode() for _, svg in example_split]
    titles = {title for svg in svgs for title in re.findall(r"<title>([^<]*)</title>", svg)}
    titles = {html.unescape(title) for title in titles}
    assert "ref-limit->durable" in titles
    assert "ref-inference-2->common_ground" in titles
    parts = [svg for svg in svgs if 'id="statement&#45;common_ground"' in svg]
    assert parts and all(not re.search(r"<title>part&#45;\d+&#45;&gt;", svg) for svg in parts)


def test_titles_are_text_not_ids(example_split: list[tuple[str, bytes]]) -> None:
    for title, _ in example_split:
        assert not re.fullmatch(r"Part \d+", title)
        assert not re.search(r"\w…\w", title)


def _chain_and_fan(size: int, seed: int) -> str:
    """A map of `size` statements: random trees with linked steps, attacks, undercuts and
    attacks on attacks."""
    rng = random.Random(seed)
    lines = ["@title Random"]
    ids = [f"s{n}" for n in range(size)]
    for n, node in enumerate(ids):
        kind = "conclusion" if n == 0 else "claim"
        lines.append(f"{kind} {node}: Statement {n} says something about topic {n % 7}.")
    for n in range(1, size):
        parent = ids[rng.randrange(0, n)]
        roll = rng.random()
        if roll < 0.6:
            lines.append(f"{ids[n]} -> {parent}")
        elif roll < 0.8 and n > 2:
            other = ids[rng.randrange(1, n)]
            if other != parent:
                lines.append(f"{ids[n]} + {other} -> {parent} : together")
            else:
                lines.append(f"{ids[n]} -> {parent}")
        else:
            lines.append(f"{ids[n]} -| {parent}")
    return "\n".join(dict.fromkeys(lines)) + "\n"


def _map_edges(amap: ArgumentMap) -> set[tuple[str, str] | frozenset[str]]:
    edges: set[tuple[str, str] | frozenset[str]] = set()
    for source, target, kind in amap.graph.edges(data="kind"):
        edges.add(frozenset((source, target)) if kind == CONTRADICTS_EDGE else (source, target))
    return edges


def _drawn_edges(amap: ArgumentMap, parts: list[Part]) -> set[tuple[str, str] | frozenset[str]]:
    """The edges of every part's DOT (Graphviz titles an edge `TAIL->HEAD` by these names),
    stand-ins `ref-ID` resolved to ID, the boxes that group steps drawn elsewhere left out
    (each of those steps must then be drawn in its own part)."""
    options = RenderOptions(fit=A4[0], legend=False)
    names = [f"{n:02d}-x.svg" for n in range(2, len(parts) + 2)]
    stubs = _stubs(amap, parts, names)
    drawn: set[tuple[str, str] | frozenset[str]] = set()
    for index in range(2, len(parts) + 2):
        view = _part_view(amap, options, parts, index, stubs)
        for tail, head in _EDGE.findall(build_dot(amap, replace(options, view=view))):
            # Every drawn relation names its real ends: no arrow to a part as a whole.
            assert not tail.startswith("part-") and not head.startswith("part-"), (tail, head)
            if tail.startswith("group-") or head.startswith("group-"):
                continue  # a box naming steps drawn whole in their own part: a summary
            tail, head = tail.removeprefix("ref-"), head.removeprefix("ref-")
            if (head, tail) in _map_edges(amap) and amap.graph.edges[head, tail]["kind"] == (
                CONTRADICTS_EDGE
            ):
                drawn.add(frozenset((tail, head)))
            else:
                drawn.add((tail, head))
    return drawn


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(size=st.integers(2, 40), seed=st.integers(0, 10_000), limit=st.integers(1, 12))
def test_the_parts_draw_every_relation_of_the_map(size: int, seed: int, limit: int) -> None:
    """Property: however a map is cut, the union of the parts' edges, stand-ins resolved,
    is the map's relations; each statement is in exactly one part."""
    amap = argmap.parse(_chain_and_fan(size, seed))
    statements = tuple(node for node, _ in amap.statements())
    parts = cut(amap, Part("Main argument", statements), limit)
    placed = [node for part in parts for node in part.statements]
    assert sorted(placed) == sorted(statements)
    assert all(len(part.statements) <= max(limit, 1) or len(part.statements) > 1
               for part in parts)
    assert _drawn_edges(amap, parts) == _map_edges(amap)


def test_attacks_on_attacks_across_parts_are_drawn_as_what_they_are() -> None:
    amap = argmap.parse(
        "claim a: The thesis of it all.\nclaim b: A reason for the thesis.\n"
        "claim x: An objection to the reason.\nclaim y: An objection to the objection.\n"
        "claim z: The reason against y.\nb -> a\nx -| b\ny -| (x -| b)\nz -| y\n"
    )
    statements = tuple(node for node, _ in amap.statements())
    for limit in (1, 2, 3):
        parts = cut(amap, Part("Main argument", statements), limit)
        assert _drawn_edges(amap, parts) == _map_edges(amap)


def test_split_is_never_all_or_nothing(tmp_path: Path) -> None:
    """A box too small for one statement's text: that statement is refused by name, the
    others are written."""
    amap = argmap.parse(
        "@title Narrow\nconclusion top: Short.\nclaim wide: "
        + "A sentence that goes on and on. " * 30
        + "\nclaim ok: Fine.\nwide -> top\nok -> top\n"
    )
    done = split_figures(amap, RenderOptions(fit=250, fit_height=150, min_font=8))
    assert [refusal.statement for refusal in done.refused] == ["wide"]
    assert "--min-font" in done.refused[0].message
    drawn = b"".join(figure.figure.data for figure in done.figures)
    assert b'id="statement&#45;top"' in drawn and b'id="statement&#45;ok"' in drawn


def test_a_hub_names_the_steps_drawn_elsewhere_in_a_box_per_part() -> None:
    """A conclusion with 16 reasons cut into groups: its part draws the conclusion with its
    objections, and the steps drawn in other parts as one box per part that names their
    premises, so the conclusion is not a figure of one box."""
    lines = ["claim c: The town should build the lane."]
    for number in range(1, 17):
        lines.append(f"premise r{number}: Reason {number} for building the lane, one of many.")
        lines.append(f"r{number} -> c : reason {number} holds")
    for number in range(1, 6):
        lines.append(f"premise o{number}: Objection {number}: a cost the lane would bring.")
        lines.append(f"o{number} -| c")
    amap = argmap.parse("\n".join(lines) + "\n", "fan.argmap")
    done = split_figures(amap, RenderOptions(fit=A4[0], fit_height=A4[1]))
    home = [figure for figure in done.figures
            if b'id="statement&#45;c"' in figure.figure.data]
    assert len(home) == 1
    svg = home[0].figure.data.decode()
    assert svg.count('class="node ref group"') >= 2
    assert re.search(r">\d+ steps<", svg) and " more<" in svg
    for number in range(1, 6):
        assert f'id="statement&#45;o{number}"' in svg


@pytest.mark.parametrize(("reasons", "limit"), [(6, 2), (12, 3), (20, 4), (30, 5)])
def test_a_hub_whose_steps_are_grouped_still_has_every_relation_drawn(
    reasons: int, limit: int,
) -> None:
    """The boxes that group a hub's steps are summaries: every step is still drawn whole,
    with its ends, in its own part (the union of the parts' edges is the map's)."""
    lines = ["claim c: The hub."]
    for number in range(1, reasons + 1):
        lines.append(f"premise r{number}: Reason {number}.")
        lines.append(f"r{number} -> c")
        if number % 3 == 0:
            lines.append(f"premise o{number}: Objection {number}.")
            lines.append(f"o{number} -| (r{number} -> c)")
    amap = argmap.parse("\n".join(lines) + "\n")
    statements = tuple(node for node, _ in amap.statements())
    parts = cut(amap, Part("Main argument", statements), limit)
    assert _drawn_edges(amap, parts) == _map_edges(amap)
