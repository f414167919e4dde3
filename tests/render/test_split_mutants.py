"""What `--split` makes of a map, pinned without drawing: the parts' files, titles and
stubs, which part draws each relation whole, `index.md` and the refusal of a statement too
big even alone (docs/mutation.md: where mutation testing found `render/split.py` unguarded).
These call split's pure steps directly: each is what one file of a split shows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from render_helpers import MAPS, fan_map, hub_of_six_text

import argmap
from argmap.render import split
from argmap.render.cut import Part
from argmap.render.fit import FitError, Fitted, candidates, text_bound
from argmap.render.measure import FigureSize
from argmap.render.render import Figure, RenderOptions
from argmap.render.session import DrawSession
from argmap.render.split import (
    Refusal,
    SplitFigure,
    _first_cut,
    _limit,
    _mergeable,
    _names,
    _part_view,
    _ratio,
    _recut,
    _replace,
    _slug,
    _stubs,
    _titled,
    index_markdown,
    split_figures,
)
from argmap.render.view import Stub, ViewSpec, select

# Two sections after two statements outside any; a hub `c` reached by two inferences whose
# premises are split between two parts, an attack that is itself attacked, and an undercut
# of an undercut of the first inference.
HUB = """\
premise w: An objection.
premise v: An objection to the objection.
== First ==
premise x1: X one.
premise x2: X two.
conclusion c: The hub.
== Second ==
premise y1: Y one.
premise y2: Y two.
premise u: U.
premise t: T.
x1 + y1 -> c
x2 + y2 -> c
w -| c
v -| (w -| c)
u -| (x1 + y1 -> c)
t -| (u -| (x1 + y1 -> c))
"""


def hub() -> argmap.ArgumentMap:
    return argmap.parse(HUB, "hub.argmap")


@pytest.mark.parametrize(
    ("titles", "shown"),
    [
        (["A", "A (2 of 5)", "B", "A"], ["A (1 of 3)", "A (2 of 3)", "B", "A (3 of 3)"]),
        # A group cut again leaves its count behind: nested counts come off together.
        (["C (2 of 5)", "D (1 of 2) (2 of 2)"], ["C", "D"]),
        (["E (1 of 2)", "E (2 of 2)"], ["E (1 of 2)", "E (2 of 2)"]),
        (["F (a of b)", "G (1 of 2) end", "H(1 of 2)"], ["F (a of b)", "G (1 of 2) end",
                                                           "H(1 of 2)"]),
    ],
)
def test_parts_that_share_a_title_are_counted_in_order(
    titles: list[str], shown: list[str]
) -> None:
    parts = [Part(title, (f"s{n}",)) for n, title in enumerate(titles)]
    assert [part.title for part in _titled(parts)] == shown


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Common interest: what Russia gains, and loses", "common-interest-what-russia-gains-and"),
        ("Café zählt", "cafe-zahlt"),
        ("!?", "part"),
        ("", "part"),
    ],
)
def test_a_file_name_holds_the_titles_first_six_ascii_words(title: str, slug: str) -> None:
    assert _slug(title) == slug


def test_the_parts_files_are_numbered_after_the_overview_or_from_one() -> None:
    parts = [Part("One", ("a",)), Part("Two words", ("b",))]
    assert _names(parts, "svg") == ["02-one.svg", "03-two-words.svg"]
    assert _names(parts, "png", first=1) == ["01-one.png", "02-two-words.png"]
    assert _names(parts, "svg", 99) == ["99-one.svg", "99-two-words.svg"]


@pytest.mark.parametrize(
    ("size", "ratio", "limit"),
    [(10, 0.3, 3), (5, 0.8, 2), (9, 0.5, 3), (8, 0.5, 4), (7, 0.99, 3), (100, 0.05, 5),
     (100, 0.5, 50), (1, 0.1, 1), (2, 0.9, 1), (11, 0.2, 2)],
)
def test_a_piece_holds_what_its_text_allows_at_most_half_evened_out(
    size: int, ratio: float, limit: int
) -> None:
    assert _limit(size, ratio) == limit


@pytest.mark.parametrize(
    ("text", "ratio"), [(None, 0.05), (0.1, 0.05), (0.4, 0.05), (4.0, 0.5), (7.9, 0.95)]
)
def test_how_far_a_drawing_fell_short_of_the_floor(text: float | None, ratio: float) -> None:
    error = FitError("too big", FigureSize(900.0, 900.0, text))
    assert _ratio(error, RenderOptions(min_font=8.0)) == pytest.approx(ratio)


def test_the_first_cut_is_by_section_with_the_unsectioned_last() -> None:
    amap = hub()
    statements = [node for node, _ in amap.statements()]
    assert _first_cut(amap, statements, 0.5) == [
        Part("First", ("x1", "x2", "c")),
        Part("Second", ("y1", "y2", "u", "t")),
        Part("Other statements", ("w", "v")),
    ]


def test_one_section_is_one_part_named_after_it() -> None:
    amap = argmap.parse("== Only ==\npremise a: A.\nconclusion c: C.\na -> c\n")
    assert _first_cut(amap, ["a", "c"], 0.1) == [Part("Only", ("a", "c"))]


def test_a_map_without_sections_is_cut_under_its_main_argument() -> None:
    lines = ["conclusion top: Top."]
    for n in range(1, 4):
        lines += [f"claim c{n}: C{n}.", f"c{n} -> top"]
        for m in range(1, 3):
            lines += [f"premise p{n}{m}: P{n}{m}.", f"p{n}{m} -> c{n}"]
    amap = argmap.parse("\n".join(lines) + "\n")
    statements = [node for node, _ in amap.statements()]
    parts = _first_cut(amap, statements, 0.3)
    assert parts[0].title == "Main argument" and "top" in parts[0].statements
    assert all(len(part.statements) <= _limit(len(statements), 0.3) for part in parts)
    assert sorted(s for part in parts for s in part.statements) == sorted(statements)


@pytest.mark.parametrize(
    ("first", "second", "largest", "mergeable"),
    [
        (Part("First", ("x1",)), Part("First", ("x2",)), 4, True),
        (Part("First", ("x1",)), Part("First", ("x2",)), 1, True),  # two, however small
        (Part("First", ("x1",)), Part("First", ("x2", "c")), 5, False),
        (Part("First", ("x1",)), Part("First", ("x2", "c")), 6, True),
        (Part("First", ("x1",), alone=True), Part("First", ("x2",)), 9, False),
        (Part("First", ("x1",)), Part("First", ("x2",), alone=True), 9, False),
        (Part("First", ("c",)), Part("Second", ("y1",)), 9, False),
        (Part("Other", ("w",)), Part("Other", ("v",)), 9, True),
    ],
)
def test_small_neighbours_of_one_section_are_tried_as_one(
    first: Part, second: Part, largest: int, mergeable: bool
) -> None:
    assert _mergeable(hub(), first, second, largest) is mergeable


def test_a_parts_stub_names_links_and_counts_it() -> None:
    amap = hub()
    parts = [Part("First, with a title long enough to wrap", ("x1", "x2", "c")),
             Part("Second", ("y1",), alone=True)]
    stubs = _stubs(amap, parts, ["02-first.svg", "03-second.svg"])
    assert stubs["x1"] == Stub(
        name="part-2",
        label="Part 2: First,\nwith a title long\nenough to wrap\n3 statements",
        href="02-first.svg",
        tooltip="Part 2: First, with a title long enough to wrap (3 statements): open "
        "02-first.svg",
        part="Part 2",
    )
    assert stubs["y1"] == Stub(
        name="part-3", label="Part 3: Second\n1 statement", href="03-second.svg",
        tooltip="Part 3: Second (1 statement): open 03-second.svg", part="Part 3", alone=True,
    )
    numbered = _stubs(amap, parts, ["01-first.svg", "02-second.svg"], first=1)
    assert numbered["y1"].part == "Part 2" and numbered["y1"].name == "part-3"
    assert numbered["y1"].tooltip == "Part 2: Second (1 statement): open 02-second.svg"
    placeholder = _stubs(amap, parts, ["99-first.svg", "99-second.svg"], 99)
    assert placeholder["x1"].part == placeholder["y1"].part == "Part 99"


def test_a_hubs_inferences_are_spread_over_the_parts_that_tie() -> None:
    parts = [Part("First", ("x1", "x2", "c")), Part("Second", ("y1", "y2", "u", "t")),
             Part("W", ("w",)), Part("V", ("v",))]
    assert _homes_by_key(parts) == {
        "inference-1": "Part 2",  # one premise each side: the first part that ties
        "inference-2": "Part 3",  # a tie again: the part that draws fewer inferences
        "attack-1": "Part 4",  # w -| c: the attacker's part
        "attack-2": "Part 2",  # u -| (x1 + y1 -> c): where its target is drawn
    }


def test_a_relation_goes_where_most_of_its_premises_are() -> None:
    parts = [Part("First", ("x1", "c")), Part("Second", ("y1", "y2", "x2", "u", "t", "w")),
             Part("V", ("v",))]
    homes = _homes_by_key(parts)
    assert homes["inference-1"] == "Part 2" and homes["inference-2"] == "Part 3"


def test_relations_of_statements_drawn_alone_go_where_their_other_end_is() -> None:
    parts = [Part("First", ("x1", "x2", "c")), Part("Y", ("y1", "y2", "u", "t")),
             Part("W", ("w",), alone=True), Part("V", ("v",), alone=True)]
    assert _homes_by_key(parts)["attack-1"] == "Part 2"  # w is alone: c's part
    lone = [Part("C", ("c",)), Part("X", ("x1", "x2", "y1", "y2"), alone=True),
            Part("Rest", ("u", "t", "w", "v"))]
    homes = _homes_by_key(lone)
    assert homes["inference-1"] == homes["inference-2"] == "Part 2"  # premises alone


def test_relations_whose_ends_are_not_drawn_have_no_home() -> None:
    homes = _homes_by_key([Part("X", ("x1", "x2", "y1", "y2", "u", "t", "v"))])
    assert homes == {}  # c and w are in no part


def _homes_by_key(parts: list[Part]) -> dict[str, str]:
    amap = hub()
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    return {node: stub.part for node, stub in stubs.items() if not amap.is_statement(node)}


def test_a_part_draws_its_statements_its_relations_and_the_others_stubs() -> None:
    amap = hub()
    parts = [Part("First", ("x1", "x2", "c")), Part("Second", ("y1", "y2", "u", "t")),
             Part("W", ("w",)), Part("V", ("v",))]
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    view = _part_view(amap, RenderOptions(), parts, 3, stubs)
    assert view.statements == frozenset({"y1", "y2", "u", "t"})
    assert view.relations == frozenset({"inference-2"})
    assert view.stubs == stubs and view.title == "Part 3: Second"
    numbered = _part_view(amap, RenderOptions(), parts, 3, stubs, 2)
    assert numbered.title == "Part 2: Second"
    alone = [*parts[:3], Part("V", ("v",), alone=True)]
    view = _part_view(amap, RenderOptions(), alone, 5, _stubs(amap, alone, _names(alone, "svg")))
    assert view.statements == frozenset({"v"}) and view.title == "Part 5: V"
    assert view.relations == frozenset() and view.stubs == {}


def test_index_lists_the_figures_in_order_after_the_note() -> None:
    figures = [SplitFigure("02-a.svg", "Part 1: A & <b>", None),  # type: ignore[arg-type]
               SplitFigure("03-b c.svg", "Part 2: B", None)]  # type: ignore[arg-type]
    assert index_markdown("Map *one*", figures, "No overview: too wide.") == (
        "# Map \\*one\\*\n\nNo overview: too wide.\n\n"
        "1. [Part 1: A \\& \\<b\\>](02-a.svg)\n2. [Part 2: B](03-b%20c.svg)\n"
    )
    assert index_markdown("Map", figures[:1]) == (
        "# Map\n\n1. [Part 1: A \\& \\<b\\>](02-a.svg)\n")


def test_a_statement_too_big_even_alone_is_refused_with_the_font_that_would_do() -> None:
    amap = hub()
    refused: list[Refusal] = []
    options = RenderOptions(fit=300.0, fit_height=400.0, min_font=8.0)
    error = FitError("too big", FigureSize(300.0, 400.0, 6.96))
    part = Part("V", ("v",))
    assert _recut(amap, part, error, options, refused) == [Part("V", ("v",), alone=True)]
    assert refused == []
    assert _recut(amap, Part("V", ("v",), alone=True), error, options, refused) == []
    assert [(each.statement, each.message, each.best) for each in refused] == [(
        "v",
        "statement `v` cannot be drawn inside 300 × 400 pt with text of 8 pt: alone, its best "
        "drawing prints its text at 6.9 pt; give a bigger page box or `--min-font 6.9`",
        FigureSize(300.0, 400.0, 6.96),
    )]
    refused.clear()
    wide = RenderOptions(fit=300.0, min_font=7.5)
    _recut(amap, Part("V", ("v",), alone=True), FitError("", FigureSize(1, 1, 7.0)), wide,
           refused)
    assert refused[0].message.startswith(
        "statement `v` cannot be drawn inside 300 pt with text of 7.5 pt: alone, its best "
        "drawing prints its text at 7.0 pt; give a bigger page box or `--min-font 7`")


def test_a_statement_with_no_text_drawn_is_refused_at_zero_points() -> None:
    refused: list[Refusal] = []
    error = FitError("", FigureSize(1.0, 1.0, None))
    _recut(hub(), Part("V", ("v",), alone=True), error, RenderOptions(fit=300.0), refused)
    assert refused[0].message == (
        "statement `v` cannot be drawn inside 300 pt with text of 8 pt: alone, its best drawing "
        "prints its text at 0.0 pt; give a bigger page box or `--min-font 0`")


def test_a_part_too_big_is_cut_behind_its_top_statement() -> None:
    amap = hub()
    error = FitError("too big", FigureSize(900.0, 900.0, 4.0))
    options = RenderOptions(fit=300.0)
    assert _recut(amap, Part("P", ("x1", "y1", "c")), error, options, []) == [
        Part("P", ("c",)), Part("Behind: The hub.", ("x1", "y1"))]
    part = Part("Second", ("y1", "y2", "u", "t"))
    pieces = _recut(amap, part, error, options, [])
    assert pieces == [Part("Second (1 of 2)", ("y1", "y2")), Part("Second (2 of 2)", ("u", "t"))]
    assert _replace([Part("A", ("a",)), part, Part("B", ("b",))], part, pieces) == [
        Part("A", ("a",)), *pieces, Part("B", ("b",))]


def _hub_of_six() -> argmap.ArgumentMap:
    return argmap.parse(hub_of_six_text(), "r.argmap")


def test_a_page_box_too_small_for_every_statement_gives_only_the_refusals() -> None:
    """It was a ValueError from `max()` once every part had been refused."""
    done = split_figures(_hub_of_six(), RenderOptions(fit=150.0, fit_height=150.0))
    assert done.figures == []
    assert sorted(refusal.statement for refusal in done.refused) == [
        "p1", "p2", "p3", "p4", "p5", "p6", "top"]


def test_a_section_too_big_is_cut_until_each_part_fits_and_the_overview_explained() -> None:
    done = split_figures(_hub_of_six(), RenderOptions(fit=200.0, fit_height=200.0))
    reason = "Premise number {}, a reason stated at some…"
    assert [(figure.name, figure.title) for figure in done.figures] == [
        ("01-only.svg", "Part 1: Only"),
        *[(f"{index:02d}-premise-number-{n}-a-reason-stated.svg",
           f"Part {index}: {reason.format(n)}")
          for index, n in enumerate((5, 6, 1, 2, 3, 4), start=2)],
    ]
    assert done.refused == []
    assert re.fullmatch(
        r"No overview: its 7 part boxes do not fit 200 × 200 pt with text of 8 pt \(at best "
        r"\d\.\d pt\); the list below links every part\.", done.no_overview or "")


def test_the_overview_is_titled_and_a_missing_one_explained_to_the_tenth_of_a_point(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    views: list[ViewSpec] = []

    def too_big(amap: object, options: RenderOptions, session: object = None) -> Figure:
        views.append(options.view)
        raise FitError("too big", FigureSize(500.0, 500.0, 5.97))

    monkeypatch.setattr(split, "render_figure", too_big)
    parts = [Part("A", ("p1",)), Part("B", ("p2",)), Part("C", ("p3",))]
    options = RenderOptions(fit=300.0, fit_height=400.0)
    assert split._overview(_hub_of_six(), options, parts, {}, "My map", DrawSession()) == (
        None,
        "No overview: its 3 part boxes do not fit 300 × 400 pt with text of 8 pt (at best "
        "5.9 pt); the list below links every part.",
    )
    [view] = views
    assert (view.title, view.statements, view.relations) == (
        "My map: overview", frozenset(), frozenset())


def test_an_overview_with_no_text_drawn_is_at_best_zero_points(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_text(amap: object, options: RenderOptions, session: object = None) -> Figure:
        raise FitError("too big", FigureSize(500.0, 500.0, None))

    monkeypatch.setattr(split, "render_figure", no_text)
    parts = [Part("A", ("p1",)), Part("B", ("p2",))]
    _, why = split._overview(_hub_of_six(), RenderOptions(fit=300.0), parts, {}, "M",
                             DrawSession())
    assert why == ("No overview: its 2 part boxes do not fit 300 pt with text of 8 pt (at best "
                   "0.0 pt); the list below links every part.")


def test_a_relation_after_one_whose_conclusion_is_not_drawn_still_has_a_home() -> None:
    amap = argmap.parse("premise a: A.\nconclusion c: C.\nclaim d: D.\na -> c\na -> d\n")
    parts = [Part("A", ("a", "d"))]
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    assert {node: stub.part for node, stub in stubs.items() if not amap.is_statement(node)} == {
        "inference-2": "Part 2"}


def test_one_section_and_statements_outside_it_are_two_parts() -> None:
    amap = argmap.parse("premise z: Z.\n== Only ==\npremise a: A.\nconclusion c: C.\na -> c\n")
    assert _first_cut(amap, ["z", "a", "c"], 0.5) == [
        Part("Only", ("a", "c")), Part("Other statements", ("z",))]


def test_a_hubs_tied_inferences_alternate_between_the_parts() -> None:
    lines = ["conclusion c: C."]
    for n in range(1, 5):
        lines += [f"premise x{n}: X{n}.", f"premise y{n}: Y{n}.", f"x{n} + y{n} -> c"]
    amap = argmap.parse("\n".join(lines) + "\n")
    parts = [Part("X", ("c", "x1", "x2", "x3", "x4")), Part("Y", ("y1", "y2", "y3", "y4"))]
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    assert [stubs[f"inference-{n}"].part for n in range(1, 5)] == [
        "Part 2", "Part 3", "Part 2", "Part 3"]


def test_an_attack_after_one_whose_attacker_is_not_drawn_still_has_a_home() -> None:
    amap = argmap.parse(
        "conclusion c: C.\npremise w: W.\npremise v: V.\npremise w2: W2.\npremise v2: V2.\n"
        "w -| c\nv -| (w -| c)\nw2 -| c\nv2 -| (w2 -| c)\n")
    parts = [Part("C", ("c", "v", "v2")), Part("W2", ("w2",))]
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    assert {node: stub.part for node, stub in stubs.items() if node.startswith("attack")} == {
        "attack-2": "Part 3"}


def _fan(premises: int) -> argmap.ArgumentMap:
    return fan_map(premises, section="Only")


def test_small_neighbours_are_merged_pairwise_then_the_pairs_in_graph_order() -> None:
    amap = _fan(11)
    big = Part("Only", ("top", *(f"p{n}" for n in range(1, 8))))
    parts = [big, Part("B", ("p9",)), Part("C", ("p8",)), Part("D", ("p10",)),
             Part("E", ("p11",))]
    checked: dict[Part, split._Measured] = {}
    merged = split._merged(amap, RenderOptions(fit=600.0, fit_height=800.0), parts, checked,
                           DrawSession())
    # Round one: B with C and D with E (each two of the largest's eight, at most half);
    # round two: the two pairs (four). A part takes its first member's title.
    assert merged == [big, Part("B", ("p8", "p9", "p10", "p11"))]
    assert set(checked) == {Part("B", ("p8", "p9")), Part("D", ("p10", "p11")), merged[1]}
    # Each is remembered with the drawing it fits with and the size its text printed at,
    # which its final drawing is compared with.
    names = {candidate.name for candidate in candidates(RenderOptions(fit=600.0), 4)}
    assert all(measured.candidate in names and (measured.text or 0.0) >= 8.0
               for measured in checked.values())


def test_neighbours_that_do_not_fit_together_stay_apart() -> None:
    amap = _fan(5)
    parts = [Part("A", ("top", "p1", "p2", "p3")), Part("B", ("p4",)), Part("C", ("p5",))]
    checked: dict[Part, split._Measured] = {}
    options = RenderOptions(fit=40.0, fit_height=40.0)
    assert split._merged(amap, options, parts, checked, DrawSession()) == parts
    assert checked == {}


def test_a_map_that_fits_is_one_figure_and_one_that_cannot_names_its_first_refusal() -> None:
    amap = _fan(3)
    figures = split.split_map(amap, RenderOptions(fit=600.0, fit_height=800.0))
    assert [(figure.name, figure.title) for figure in figures] == [("01-f.svg", "f")]
    tiny = RenderOptions(fit=40.0, fit_height=40.0)
    first = split_figures(amap, tiny).refused[0]
    with pytest.raises(FitError) as caught:
        split.split_map(amap, tiny)
    assert (str(caught.value), caught.value.best) == (first.message, first.best)
    assert first.message.startswith("statement `top` cannot be drawn inside 40 × 40 pt")


@pytest.mark.parametrize(
    ("head", "path", "figure"),
    [
        ("@title My map\n", "f.argmap", ("01-my-map.svg", "My map")),
        ("", "f.argmap", ("01-f.svg", "f")),
        ("", None, ("01-argument-map.svg", "argument map")),
    ],
)
def test_a_map_that_fits_is_one_figure_named_after_its_title_or_file(
    head: str, path: str | None, figure: tuple[str, str]
) -> None:
    text = head + "conclusion top: The conclusion.\npremise p1: Reason 1.\np1 -> top\n"
    amap = argmap.parse(text, path) if path else argmap.parse(text)
    done = split_figures(amap, RenderOptions(fit=600.0, fit_height=800.0))
    assert [(each.name, each.title) for each in done.figures] == [figure]
    assert all(isinstance(each.figure, Figure) for each in done.figures)
    assert done.refused == []


def test_a_map_far_too_big_for_the_page_is_cut_without_drawing_it_whole(
    caplog: pytest.LogCaptureFixture,
) -> None:
    lines = ["conclusion top: The conclusion."]
    for n in range(1, 31):
        lines += [f"premise p{n}: Reason {n}.", f"p{n} -> top"]
    amap = argmap.parse("\n".join(lines) + "\n", "g.argmap")
    with caplog.at_level("INFO", logger="argmap.render.split"):
        done = split_figures(amap, RenderOptions(fit=300.0, fit_height=300.0, min_font=24.0))
    assert "split: the whole map cannot print its text above 22.9 pt: cut at once" in (
        caplog.messages)
    assert [each.name for each in done.figures] == [
        "01-main-argument.svg",
        *[f"{index:02d}-reason-{n}.svg"
          for index, n in enumerate([*range(27, 31), *range(1, 27)], start=2)],
    ]
    assert done.refused == []


def _whole_map_drawings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many drawings each search of the whole map asks for, in turn."""
    asked: list[int] = []
    real = split.search

    def spy(options: RenderOptions, draw: Callable[[Sequence[RenderOptions]], list[bytes]],
            size: int, hopeless: float = 0.0) -> Fitted:
        def counted(tries: Sequence[RenderOptions]) -> list[bytes]:
            asked.append(len(tries))
            return draw(tries)

        return real(options, counted, size, hopeless)

    monkeypatch.setattr(split, "search", spy)
    return asked


def _chain(length: int) -> argmap.ArgumentMap:
    lines = ["conclusion s0: Step 0."]
    for n in range(1, length):
        kind = "premise" if n == length - 1 else "claim"
        lines += [f"{kind} s{n}: Step {n}.", f"s{n} -> s{n - 1}"]
    return argmap.parse("\n".join(lines) + "\n", "chain.argmap")


def test_a_map_whose_first_drawings_are_hopeless_is_cut_after_two(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chain of 16 steps is short enough in text to try whole in 300 × 300 pt, but its
    first two drawings print at about 2.4 pt, under 60 % of the floor: the other six are
    not drawn, and the map (no sections) is cut as far as they fell short."""
    asked = _whole_map_drawings(monkeypatch)
    done = split_figures(_chain(16), RenderOptions(fit=300.0, fit_height=300.0))
    assert asked == [2]
    assert done.refused == []
    assert [figure.title for figure in done.figures] == [
        "Part 1: Main argument", *(f"Part {n + 2}: Step {2 * n + 2}." for n in range(7))]


def test_a_map_whose_text_could_just_reach_the_floor_is_tried_whole(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    """Only a map whose text could not reach the floor even filling the page box is cut
    without a drawing of the whole: at exactly the floor it is drawn."""
    amap = _fan(3)
    box = RenderOptions(fit=300.0, fit_height=300.0)
    bound = text_bound(amap, select(amap, box.view), box)
    assert bound is not None
    asked = _whole_map_drawings(monkeypatch)
    with caplog.at_level("INFO", logger="argmap.render.split"):
        split_figures(amap, replace(box, min_font=bound))
    assert asked
    assert not [message for message in caplog.messages if "cut at once" in message]


def test_the_first_two_parts_may_merge() -> None:
    amap = _fan(11)
    big = Part("Only", ("top", *(f"p{n}" for n in range(1, 8))))
    parts = [Part("B", ("p8",)), Part("C", ("p9",)), big]
    merged = split._merged(amap, RenderOptions(fit=600.0, fit_height=800.0), parts, {},
                           DrawSession())
    assert merged == [Part("B", ("p8", "p9")), big]


def test_a_pair_that_does_not_fit_leaves_the_next_pair_free_to_merge() -> None:
    """Two long reasons together miss the page box; the two short ones after them are
    still tried, in the same round, and merged."""
    long = " ".join(["A long premise that goes on and on about the matter at hand"] * 6)
    lines = ["== Only ==", "conclusion top: The conclusion."]
    for n in range(1, 12):
        lines += [f"premise p{n}: {long if n in (8, 9) else f'Reason {n}'}.", f"p{n} -> top"]
    amap = argmap.parse("\n".join(lines) + "\n", "f.argmap")
    big = Part("Only", ("top", *(f"p{n}" for n in range(1, 8))))
    parts = [big, Part("B", ("p8",)), Part("C", ("p9",)), Part("D", ("p10",)),
             Part("E", ("p11",))]
    merged = split._merged(amap, RenderOptions(fit=300.0, fit_height=300.0), parts, {},
                           DrawSession())
    assert merged == [*parts[:3], Part("D", ("p10", "p11"))]


def test_a_merged_pair_is_measured_in_the_view_it_will_have(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pair's drawing has the stubs of the parts as they will be once it is merged:
    its neighbours kept, itself in their place."""
    views = _measured_views(monkeypatch)
    amap = _fan(11)
    big = Part("Only", ("top", *(f"p{n}" for n in range(1, 8))))
    options = RenderOptions(fit=600.0, fit_height=800.0)
    split._merged(amap, options, [Part("B", ("p8",)), Part("C", ("p9",)), big], {},
                  DrawSession())
    after = [Part("B", ("p8", "p9")), big]
    stubs = _stubs(amap, after, _names(after, "svg", split.PLACEHOLDER), split.PLACEHOLDER)
    assert views[0] == _part_view(amap, options, after, 2, stubs, split.PLACEHOLDER)


def _measured_views(monkeypatch: pytest.MonkeyPatch) -> list[ViewSpec]:
    """The views `_fitting` and `_merged` draw to measure parts."""
    views: list[ViewSpec] = []
    real = split._drawing

    def spy(options: RenderOptions, part: Part, view: ViewSpec) -> RenderOptions:
        views.append(view)
        return real(options, part, view)

    monkeypatch.setattr(split, "_drawing", spy)
    return views


def _numbers_shown(views: list[ViewSpec]) -> set[str]:
    """The part numbers the measured drawings show, and the numbers and suffixes of the
    files their stubs link to."""
    shown = {view.title.split(":")[0] for view in views}
    shown |= {stub.part for view in views for stub in view.stubs.values()}
    shown |= {stub.href.split("-")[0] for view in views for stub in view.stubs.values()}
    shown |= {stub.href.rsplit(".")[-1] for view in views for stub in view.stubs.values()}
    return shown


def test_parts_are_measured_with_the_placeholder_number_while_they_are_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part is measured as part 99, the widest number a stub shows, wherever it stands:
    its drawing does not change as the others are cut, so each is drawn once."""
    views = _measured_views(monkeypatch)
    amap = _hub_of_six()
    whole = Part("Only", tuple(node for node in amap.graph.nodes if amap.is_statement(node)))
    fitted = split._fitting(amap, RenderOptions(fit=200.0, fit_height=200.0), [whole], [], {},
                            DrawSession())
    assert len(fitted) > 2
    assert any(view.stubs for view in views)
    assert _numbers_shown(views) == {"Part 99", "99", "svg"}


def test_merged_parts_are_measured_with_the_placeholder_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    views = _measured_views(monkeypatch)
    amap = _fan(11)
    parts = [Part("B", ("p8",)), Part("C", ("p9",)), Part("D", ("p10",)),
             Part("Only", ("top", *(f"p{n}" for n in range(1, 8))))]
    split._merged(amap, RenderOptions(fit=600.0, fit_height=800.0), parts, {}, DrawSession())
    assert views
    assert _numbers_shown(views) == {"Part 99", "99", "svg"}


def _example_map() -> argmap.ArgumentMap:
    return argmap.load(MAPS / "russia-china.argmap")


def _parts_named(figure: SplitFigure) -> list[str]:
    """The parts a drawn figure names: its own title's and its stubs'."""
    return sorted(set(re.findall(r"Part \d+", figure.figure.data.decode())))


def test_without_an_overview_the_parts_and_their_stubs_are_numbered_from_1() -> None:
    done = split_figures(_hub_of_six(), RenderOptions(fit=260.0, fit_height=330.0))
    assert done.no_overview is not None
    assert [(figure.name, _parts_named(figure)) for figure in done.figures] == [
        ("01-only.svg", ["Part 1"]),
        ("02-premise-number-5-a-reason-stated.svg", ["Part 1", "Part 2"]),
        ("03-behind-the-conclusion-that-all-of.svg", ["Part 1", "Part 3"]),
        ("04-behind-the-conclusion-that-all-of.svg", ["Part 1", "Part 4"]),
    ]


def test_the_example_map_at_a4_has_an_overview_and_parts_numbered_from_2() -> None:
    done = split_figures(_example_map(), RenderOptions(fit=453.0, fit_height=680.0))
    assert (done.refused, done.no_overview) == ([], None)
    assert [(figure.name, figure.title, _parts_named(figure)) for figure in done.figures] == [
        ("01-overview.svg", "Overview",
         ["Part 2", "Part 3", "Part 4", "Part 5", "Part 6", "Part 7"]),
        ("02-common-ground.svg", "Part 2: Common ground",
         ["Part 2", "Part 3", "Part 5", "Part 6"]),
        ("03-common-interest-what-russia-gains.svg",
         "Part 3: Common interest: what Russia gains", ["Part 2", "Part 3", "Part 4", "Part 7"]),
        ("04-common-interest-what-china-gains.svg", "Part 4: Common interest: what China gains",
         ["Part 3", "Part 4"]),
        ("05-limits-to-the-alliance.svg", "Part 5: Limits to the alliance",
         ["Part 2", "Part 5", "Part 6", "Part 7"]),
        ("06-the-west-s-strategy.svg", "Part 6: The West's strategy",
         ["Part 2", "Part 5", "Part 6", "Part 7"]),
        ("07-rising-costs-would-revive-the-suspicions.svg",
         "Part 7: Rising costs would revive the suspicions inside…",
         ["Part 3", "Part 5", "Part 6", "Part 7"]),
    ]
    assert all(isinstance(figure.figure, Figure) for figure in done.figures)
    overview = done.figures[0].figure.data.decode()
    assert "<title>Russia and China Oppose the Globe: overview</title>" in overview


@pytest.mark.parametrize(
    ("make", "box"),
    [(_hub_of_six, (260.0, 330.0)), (_example_map, (453.0, 680.0))],
    ids=["no-overview", "example-a4"],
)
def test_each_stub_links_to_the_file_of_the_part_it_names(
    make: Callable[[], argmap.ArgumentMap], box: tuple[float, float]
) -> None:
    done = split_figures(make(), RenderOptions(fit=box[0], fit_height=box[1]))
    file_of = {figure.title.split(":")[0]: figure.name for figure in done.figures}
    for figure in done.figures:
        links = set(re.findall(r'href="([^"]*)"', figure.figure.data.decode()))
        named = {file_of[part] for part in _parts_named(figure)} - {figure.name}
        assert links == named, figure.name


def test_a_part_that_fails_its_final_drawing_is_cut_again() -> None:
    """In this generated map one part passes measuring (with placeholder numbers) but not
    its final drawing: it is cut again and the figures are made anew."""
    amap = argmap.load(Path(__file__).parent / "split_data" / "recut.argmap")
    done = split_figures(amap, RenderOptions(fit=350.0, fit_height=420.0))
    assert done.refused == []
    assert [figure.title.split(":")[0] for figure in done.figures] == [
        f"Part {n}" for n in range(1, 17)]
    assert [figure.name[3:] for figure in done.figures][12:] == [
        "cost-the-alliance-when-rises-when.svg", "section-1-distrust-1-of-2.svg",
        "section-1-distrust-2-of-2.svg", "section-2-each.svg"]
    assert all(isinstance(figure.figure, Figure) for figure in done.figures)


def _final_layouts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, float, float]]:
    """For each part drawn for good: the layouts its drawing added, the size its text
    prints at, and the size it printed at when it was measured."""
    added: list[tuple[int, float, float]] = []
    real = split._final

    def spy(amap: argmap.ArgumentMap, chosen: RenderOptions, measured: split._Measured,
            number: int, session: DrawSession) -> Figure:
        before = session.layouts
        figure = real(amap, chosen, measured, number, session)
        assert figure.size is not None and figure.size.text is not None
        added.append((session.layouts - before, figure.size.text, measured.text or 0.0))
        return figure

    monkeypatch.setattr(split, "_final", spy)
    return added


def test_a_part_is_drawn_for_good_with_the_drawing_it_was_measured_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One layout (none when it is laid out already) for a part whose drawing prints as it
    did when measured, not a new search of every candidate."""
    added = _final_layouts(monkeypatch)
    split_figures(_example_map(), RenderOptions(fit=453.0, fit_height=680.0))
    unchanged = [layouts for layouts, now, then in added if abs(now - then) < 0.01]
    assert len(unchanged) >= 5
    assert max(unchanged) == 1


def test_a_part_that_prints_smaller_than_when_measured_is_searched_again(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    """In this generated map part 5's drawing, found while the parts were cut, prints its
    text at 9.6 pt in its final view (its stand-ins and part numbers changed) against
    10.1 pt measured: every candidate is tried again, and one prints at 11.6 pt."""
    added = _final_layouts(monkeypatch)
    amap = argmap.load(Path(__file__).parent / "split_data" / "shrunk.argmap")
    with caplog.at_level("INFO", logger="argmap.render.split"):
        done = split_figures(amap, RenderOptions(fit=453.0, fit_height=680.0))
    assert [message for message in caplog.messages if "searched again" in message] == [
        "split: part 5 prints at 9.6 pt with `stacked supports`, 10.1 pt when it was "
        "measured: its drawing is searched again"]
    part = done.figures[4]
    assert part.title.startswith("Part 5: ")
    assert part.figure.size is not None and round(part.figure.size.text or 0.0, 1) == 11.6
    assert added[4][0] > 1
