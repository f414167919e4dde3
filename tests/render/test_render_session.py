"""A drawing session: a DOT text laid out once, the candidates of a figure in one Graphviz
run, findings computed once per map; the figures kept are the same whether or not their
layouts were shared."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from render_helpers import MAPS

import argmap
from argmap.render.fit import PAGE_BOXES
from argmap.render.render import RenderOptions, draw_svg, draw_svgs, render_figure
from argmap.render.session import DrawSession
from argmap.render.split import split_figures

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs system Graphviz")
A4 = RenderOptions(fit=PAGE_BOXES["a4"][0], fit_height=PAGE_BOXES["a4"][1])


@pytest.fixture(scope="module")
def example() -> argmap.ArgumentMap:
    return argmap.load(str(MAPS / "russia-china.argmap"))


@needs_dot
def test_a_dot_text_is_laid_out_once(example: argmap.ArgumentMap) -> None:
    session = DrawSession()
    first = draw_svg(example, RenderOptions(engine="system"), session)
    again = draw_svg(example, RenderOptions(engine="system"), session)
    assert first == again
    assert (session.runs, session.layouts, session.reused) == (1, 1, 1)


@needs_dot
def test_measured_together_laid_out_alone_the_same_size(example: argmap.ArgumentMap) -> None:
    """Several graphs in one `dot` run measure as each does in a run of its own."""
    tries = [RenderOptions(engine="system", wrap=wrap, view=replace(
        RenderOptions().view, section=section)) for wrap in (30, 16)
        for section in ("Common ground", "Limits to the alliance")]
    session = DrawSession()
    together = draw_svgs(example, tries, session)
    assert (session.runs, session.layouts) == (1, 4)
    alone = [draw_svg(example, options) for options in tries]
    for shared, own in zip(together, alone, strict=True):
        assert shared.count(b"<g id=") == own.count(b"<g id=")
        assert sorted(shared.splitlines()) == sorted(own.splitlines())


@needs_dot
def test_a_split_writes_the_same_figures_each_time(example: argmap.ArgumentMap) -> None:
    first = split_figures(example, A4)
    again = split_figures(example, A4)
    assert [figure.figure.data for figure in first.figures] == [
        figure.figure.data for figure in again.figures]


def test_findings_are_computed_once_per_map(
    example: argmap.ArgumentMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.checks

    calls: list[int] = []
    real = argmap.checks.run_checks

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(argmap.checks, "run_checks", counting)
    session = DrawSession()
    options = replace(A4, findings=True, evaluate=True, engine="embedded", fmt="dot")
    for section in ("Common ground", "Limits to the alliance"):
        render_figure(example, replace(options, view=replace(options.view, section=section)),
                      session)
    assert len(calls) == 1
