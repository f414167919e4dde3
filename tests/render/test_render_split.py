"""`--split`: every statement drawn in full somewhere, every stub linking to a file written."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from render_helpers import DATA, MAPS, SVG

import argmap
from argmap.render.fit import PAGE_BOXES, PAGES
from argmap.render.measure import measure_svg
from argmap.render.render import RenderOptions
from argmap.render.split import SplitFigure, index_markdown, split_figures, split_map

A4 = PAGES["a4"]
XLINK = "{http://www.w3.org/1999/xlink}href"
# Three sections; together too wide for 300 pt at 8 pt text, each on its own narrow enough.
HOSTILE = """\
@title Split <script>alert(1)</script> & "quotes"
== One: <b>bold</b> & {braces} ==
premise a1: First \\ backslash <i>.
premise a2: Second "quoted".
premise a3: Third reason for it.
claim a: Section one's claim, ünïcödé.
conclusion c: The conclusion of all.
a1 -> a
a2 -> a
a3 -> a
a + b -> c
== Two `ticks` [brackets] ==
premise b1: One more reason.
premise b2: And another one.
premise b3: And a third one here.
claim b: Section two's claim.
b1 -> b
b2 -> b
b3 -> b
== Three ==
claim d: An objection to it.
premise d1: The objection's reason.
premise d2: Its other reason.
d1 -> d
d2 -> d
d -| c
"""

# No sections: cut under the conclusion, and behind its three reasons.
BRANCHES = """\
@title No sections
conclusion top: The conclusion that everything here argues for.
claim c1: The first main reason for the conclusion.
claim c2: The second main reason for the conclusion.
claim c3: The third main reason, which is attacked.
premise p11: Evidence one for the first reason, stated at length.
premise p12: Evidence two for the first reason, stated at length.
premise p13: Evidence three for the first reason, stated at length.
premise p21: Evidence one for the second reason, stated at length.
premise p22: Evidence two for the second reason, stated at length.
premise p23: Evidence three for the second reason, stated at length.
premise p31: Evidence one for the third reason, stated at length.
premise p32: Evidence two for the third reason, stated at length.
premise x: An objection to the third reason.
c1 -> top
c2 -> top
c3 -> top
p11 -> c1
p12 -> c1
p13 -> c1
p21 -> c2
p22 -> c2
p23 -> c2
p31 -> c3
p32 -> c3
x -| c3
p11 >< p21
"""


def _statements_drawn(svg: bytes) -> set[str]:
    root = ET.fromstring(svg)
    return {
        group.get("id", "").removeprefix("statement-")
        for group in root.iter(SVG + "g")
        if group.get("id", "").startswith("statement-")
    }


def _links(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [a.get(XLINK) or a.get("href") or "" for a in root.iter(SVG + "a")]


def _check(
    figures: list[SplitFigure], amap: argmap.ArgumentMap, width: float,
    height: float | None = None,
) -> None:
    names = [figure.name for figure in figures]
    assert names[0] == "01-overview.svg"
    assert [name[:3] for name in names] == [f"{n:02d}-" for n in range(1, len(names) + 1)]
    drawn: set[str] = set()
    for figure in figures:
        size = measure_svg(figure.figure.data)
        assert size == figure.figure.size and size.width <= width + 0.01
        assert height is None or size.height <= height + 0.01
        assert size.text is None or size.text >= 8 - 0.005
        drawn |= _statements_drawn(figure.figure.data)
        for link in _links(figure.figure.data):
            assert link in names[1:], f"{figure.name} links to {link!r}"
    assert drawn == {node for node, _ in amap.statements()}
    overview = figures[0].figure.data
    assert not _statements_drawn(overview)
    assert sorted(_links(overview)) == names[1:]


def test_the_example_map_splits_into_figures_that_fit_a4(
    a4_figures: dict[str, list[SplitFigure]],
) -> None:
    amap = argmap.load(str(MAPS / "russia-china.argmap"))
    figures = a4_figures["russia-china"]
    # The overview, then a part per section; a section too tall for A4 is cut again (the
    # West's strategy: the long chain behind `breakup` gets a part of its own).
    assert len(figures) >= 1 + len(amap.sections)
    _check(figures, amap, A4, PAGE_BOXES["a4"][1])
    index = index_markdown("Russia and China", figures)
    assert re.findall(r"\]\(([^)]+)\)", index) == [figure.name for figure in figures]
    assert "2. [Part 2: Common ground](02-common-ground.svg)" in index


def test_a_map_that_fits_is_one_figure() -> None:
    amap = argmap.load(str(DATA / "kinds.argmap"))
    width, height = PAGE_BOXES["a4"]
    figures = split_map(amap, RenderOptions(fit=width, fit_height=height))
    assert len(figures) == 1 and figures[0].name.startswith("01-")
    assert not _links(figures[0].figure.data)


def test_hostile_titles_stay_text_in_svg_and_markdown() -> None:
    amap = argmap.parse(HOSTILE)
    figures = split_map(amap, RenderOptions(fit=300))
    assert len(figures) > 2
    _check(figures, amap, 300)
    for figure in figures:
        assert b"<script>" not in figure.figure.data and b"<b>" not in figure.figure.data
        assert re.fullmatch(r"\d\d-[a-z0-9-]+\.svg", figure.name)
    index = index_markdown(amap.title or "", figures)
    assert "<script>" not in index and "\\<script\\>" in index


def test_a_map_without_sections_is_cut_behind_the_conclusions_reasons() -> None:
    amap = argmap.parse(BRANCHES)
    width = 12 / 2.54 * 72
    figures = split_map(amap, RenderOptions(fit=width))
    _check(figures, amap, width)
    titles = [figure.title for figure in figures]
    # The top statement's part first, then each reason with what stands behind it, titled
    # with the reason's text.
    assert titles[:2] == ["Overview", "Part 2: Main argument"]
    assert "Part 3: The first main reason for the conclusion." in titles
    assert "top" in _statements_drawn(figures[1].figure.data)
    assert "c1" in _statements_drawn(figures[2].figure.data)


def _fan(claims: int) -> str:
    lines = ["conclusion top: The main conclusion that every claim below supports."]
    for n in range(1, claims + 1):
        lines += [
            f"claim c{n}: Claim number {n}, which two premises back together.",
            f"premise p{n}a: The first premise behind claim {n}, stated at length.",
            f"premise p{n}b: The second premise behind claim {n}, stated at length.",
            f"p{n}a + p{n}b -> c{n}",
            f"c{n} -> top",
        ]
    return "\n".join(lines) + "\n"


def test_titles_never_repeat_and_count_without_gaps_and_a_missing_overview_is_explained(
) -> None:
    amap = argmap.parse(_fan(4), "fan.argmap")
    box = RenderOptions(fit=8 / 2.54 * 72, fit_height=8 / 2.54 * 72)
    done = split_figures(amap, box)
    titles = [figure.title.split(": ", 1)[1] for figure in done.figures
              if figure.title != "Overview"]
    assert len(titles) == len(set(titles)), titles
    counted: dict[str, list[tuple[int, int]]] = {}
    for title in titles:
        found = re.fullmatch(r"(.*) \((\d+) of (\d+)\)", title)
        if found:
            counted.setdefault(found[1], []).append((int(found[2]), int(found[3])))
    for base, numbers in counted.items():
        total = numbers[0][1]
        assert sorted(numbers) == [(n, total) for n in range(1, total + 1)], base
    index = index_markdown("Fan", done.figures, done.no_overview)
    if done.figures[0].title != "Overview":
        assert done.no_overview is not None
        assert done.no_overview.startswith("No overview: its ")
        assert "the list below links every part" in index
    else:
        assert done.no_overview is None
    # Numbered in reading order from the first figure: no "Part 2" without a Part 1.
    first = 2 if done.figures[0].title == "Overview" else 1
    parts = [figure for figure in done.figures if figure.title != "Overview"]
    for number, figure in enumerate(parts, start=first):
        assert figure.title.startswith(f"Part {number}: "), figure.title
        assert figure.name.startswith(f"{number:02d}-"), figure.name
        assert f"Part {number}: ".encode() in figure.figure.data


def test_a_part_cut_again_is_counted_once_among_its_siblings() -> None:
    """`Doom (1 of 3) (1 of 2)`, left alone when its siblings were titled after their own
    statements, is `Doom`, not `Doom (1 of 3)` with no 2 or 3 anywhere."""
    from argmap.render.cut import Part
    from argmap.render.split import _titled

    parts = [Part("Doom (1 of 3) (1 of 2)", ("a",)), Part("Other", ("b",)),
             Part("Salvation (1 of 2) (2 of 2)", ("c",)), Part("Salvation (2 of 2)", ("d",))]
    assert [part.title for part in _titled(parts)] == [
        "Doom", "Other", "Salvation (1 of 2)", "Salvation (2 of 2)"]
