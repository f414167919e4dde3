"""How `--split` recovers when parts do not fit, with the measurements scripted: which
failed parts are cut at once and which drawn again, a part that fails its final drawing
cut again, a statement that fails even alone refused (docs/mutation.md: the branches no
real map in the other tests reaches)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from render_helpers import fan_map

import argmap
from argmap.render import split
from argmap.render.cut import Part
from argmap.render.fit import Candidate, FitError, Fitted
from argmap.render.measure import FigureSize
from argmap.render.render import Figure, RenderOptions
from argmap.render.session import DrawSession
from argmap.render.split import split_figures


def _fits(tries: Sequence[Candidate]) -> Fitted:
    return Fitted(tries[0], b"", FigureSize(100.0, 100.0, 12.0, 9.0))


def _misses(text: float | None) -> FitError:
    return FitError("does not fit", FigureSize(400.0, 400.0, text, None))


Measure = Callable[[frozenset[str]], "float | None | str"]


def _scripted(monkeypatch: pytest.MonkeyPatch, measure: Measure) -> list[tuple[str, ...]]:
    """Measuring made by `measure(statements)`: "fits", or the text size (None: no text)
    of a drawing that misses the floor. Returns the parts measured, in order."""
    measured: list[tuple[str, ...]] = []

    def drawn(amap: argmap.ArgumentMap, groups: list[list[Candidate]],
              session: DrawSession) -> list[list[bytes]]:
        return [[b""] * len(group) for group in groups]

    def pick(drawing: RenderOptions, tries: list[Candidate],
             svgs: list[bytes]) -> Fitted | FitError | None:
        statements = drawing.view.statements
        assert statements is not None
        measured.append(tuple(sorted(statements)))
        result = measure(statements)
        return _fits(tries) if result == "fits" else _misses(
            None if result is None else float(result))

    monkeypatch.setattr(split, "_drawn", drawn)
    monkeypatch.setattr(split, "_pick", pick)
    return measured


def test_after_the_first_failure_only_parts_that_missed_widely_are_cut_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first part that misses is cut; of the others, one that printed at 90 % of the
    floor or more is drawn again once the first is cut (its drawing depends on how the
    others are cut), one below it is cut at once, and one with no text drawn counts as
    missing by everything. At a floor of 1.1 pt: 90 % is 0.99 pt."""
    amap = fan_map(11)
    floor = 1.1
    first_round = {"A": 0.5, "B": split.NEAR * floor, "C": 1.05, "D": 0.85, "E": None}
    parts = [Part("A", ("top", "p1", "p2", "p3")), Part("B", ("p4", "p5")),
             Part("C", ("p6", "p7")), Part("D", ("p8", "p9")), Part("E", ("p10", "p11"))]
    title = {frozenset(part.statements): part.title for part in parts}
    seen: set[str] = set()

    def measure(statements: frozenset[str]) -> float | None | str:
        name = title.get(statements)
        if name is None or name in seen:
            return "fits"
        seen.add(name)
        return first_round[name]

    measured = _scripted(monkeypatch, measure)
    cut: list[str] = []
    real = split._recut

    def recut(amap: argmap.ArgumentMap, part: Part, error: FitError,
              options: RenderOptions, refused: list[split.Refusal]) -> list[Part]:
        cut.append(part.title)
        return real(amap, part, error, options, refused)

    monkeypatch.setattr(split, "_recut", recut)
    options = RenderOptions(fit=300.0, fit_height=300.0, min_font=floor)
    fitted = split._fitting(amap, options, parts, [], {}, DrawSession())
    assert cut == ["A", "D", "E"]
    assert parts[1] in fitted and parts[2] in fitted
    assert measured.count(("p4", "p5")) == measured.count(("p6", "p7")) == 2
    assert [piece for piece in fitted if piece not in parts[1:3]] and all(
        len(piece.statements) < 4 for piece in fitted)


def _draws(figure: split.SplitFigure, statement: str) -> bool:
    return f'id="statement&#45;{statement}"'.encode() in figure.figure.data


def _final_fails(
    monkeypatch: pytest.MonkeyPatch, fails: Callable[[RenderOptions], bool]
) -> list[tuple[str, ...]]:
    """Final drawings that raise FitError where `fails(drawing)`, the others made as
    usual. Returns the parts whose final drawing failed."""
    failed: list[tuple[str, ...]] = []
    real = split._final

    def final(amap: argmap.ArgumentMap, chosen: RenderOptions, measured: split._Measured,
              number: int, session: DrawSession) -> Figure:
        if fails(chosen):
            assert chosen.view.statements is not None
            failed.append(tuple(sorted(chosen.view.statements)))
            raise _misses(3.0)
        return real(amap, chosen, measured, number, session)

    monkeypatch.setattr(split, "_final", final)
    return failed


def test_a_part_of_several_statements_that_fails_its_final_drawing_is_cut_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Measured with placeholder numbers, a part can still miss in its final view: it is
    cut (as far as its final drawing fell short) and every figure is made anew."""
    amap = fan_map(8)
    options = RenderOptions(fit=300.0, fit_height=300.0)
    plain = split_figures(amap, options)
    big = max((figure for figure in plain.figures[1:]),
              key=lambda figure: figure.figure.data.count(b'class="node'))
    victim = big.title.split(": ", 1)[1]
    state = {"failed": False}

    def fails(chosen: RenderOptions) -> bool:
        if state["failed"] or not chosen.view.title.endswith(f": {victim}"):
            return False
        state["failed"] = True
        return True

    failed = _final_fails(monkeypatch, fails)
    done = split_figures(amap, options)
    assert len(failed) == 1 and len(failed[0]) > 1
    assert done.refused == []
    assert len(done.figures) > len(plain.figures)
    assert all(sum(_draws(figure, statement) for figure in done.figures) == 1
               for statement in failed[0])


def test_a_statement_that_fails_its_final_drawing_even_alone_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A statement drawn alone (each is, at 200 × 200 pt) that misses in its final view is
    refused by name, with the size its drawing reached, and the other figures are kept."""
    amap = fan_map(8)
    options = RenderOptions(fit=200.0, fit_height=200.0)
    failed = _final_fails(
        monkeypatch, lambda chosen: chosen.view.statements == frozenset({"p8"}))
    done = split_figures(amap, options)
    assert failed == [("p8",)]
    assert [refusal.statement for refusal in done.refused] == ["p8"]
    assert done.refused[0].message.startswith(
        "statement `p8` cannot be drawn inside 200 × 200 pt with text of 8 pt: alone, its "
        "best drawing prints its text at 3.0 pt")
    assert done.figures and not any(_draws(figure, "p8") for figure in done.figures)


def test_a_statement_cut_out_after_a_final_drawing_and_not_fitting_alone_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 260 × 260 pt the parts hold three statements. One misses in its final view and
    is cut into single statements; one of them misses when measured, and again when drawn
    alone: it is refused while the parts are measured again, and the others are drawn."""
    amap = fan_map(8)
    options = RenderOptions(fit=260.0, fit_height=260.0)
    state = {"failed": False}

    def fails(chosen: RenderOptions) -> bool:
        if state["failed"] or chosen.view.statements != frozenset({"top", "p7", "p8"}):
            return False
        state["failed"] = True
        return True

    failed = _final_fails(monkeypatch, fails)
    real_pick = split._pick
    measured: list[bool] = []

    def pick(drawing: RenderOptions, tries: list[Candidate],
             svgs: list[bytes]) -> Fitted | FitError | None:
        if drawing.view.statements == frozenset({"p8"}):
            measured.append(not drawing.view.stubs)
            return _misses(2.5)
        return real_pick(drawing, tries, svgs)

    monkeypatch.setattr(split, "_pick", pick)
    done = split_figures(amap, options)
    assert failed == [("p7", "p8", "top")]
    assert measured == [False, True]
    assert [(refusal.statement, refusal.best.text) for refusal in done.refused] == [
        ("p8", 2.5)]
    assert done.figures and not any(_draws(figure, "p8") for figure in done.figures)
    assert all(sum(_draws(figure, statement) for figure in done.figures) == 1
               for statement in ["top", "p7", *(f"p{n}" for n in range(1, 7))])


@pytest.mark.parametrize(
    ("now", "then", "searched_again"),
    [
        (split.SHRUNK * 10.0, 10.0, False),  # exactly the share allowed: kept
        (9.6, 10.0, True),
        (12.0, 10.0, False),
        (None, 10.0, False),  # nothing to compare: kept
        (9.0, None, False),
        ("no size", 10.0, False),
    ],
)
def test_a_final_drawing_is_searched_again_only_when_it_prints_noticeably_smaller(
    monkeypatch: pytest.MonkeyPatch, now: float | None | str, then: float | None,
    searched_again: bool,
) -> None:
    drawn: list[str | None] = []

    def render_figure(amap: argmap.ArgumentMap, options: RenderOptions,
                      session: DrawSession) -> Figure:
        drawn.append(options.fit_first)
        if now == "no size":
            return Figure(b"", None)
        text = None if now is None else float(now)
        return Figure(b"", FigureSize(100.0, 100.0, text if not drawn[1:] else 11.0))

    monkeypatch.setattr(split, "render_figure", render_figure)
    chosen = RenderOptions(fit=300.0, fit_height=300.0, fit_first="tight spacing")
    figure = split._final(fan_map(1), chosen, split._Measured("tight spacing", then), 2,
                          DrawSession())
    assert drawn == (["tight spacing", None] if searched_again else ["tight spacing"])
    assert figure.size is None or figure.size.text == (11.0 if searched_again else now)
