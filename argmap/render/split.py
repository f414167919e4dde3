"""`--split`: a map too big for one figure cut into parts that each fit, and an overview.
Never all or nothing: only a statement that cannot be drawn alone is left out, by name."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from argmap.markdown import markdown_target, markdown_text
from argmap.model import ATTACK, INFERENCE, ArgumentMap
from argmap.render.cut import Part, cut, halves
from argmap.render.dot import wrap
from argmap.render.fit import (
    Candidate,
    FitError,
    Fitted,
    candidates,
    describe_box,
    pick,
    search,
    text_bound,
)
from argmap.render.measure import FigureSize
from argmap.render.render import Figure, RenderOptions, draw_svgs, render_figure
from argmap.render.session import DrawSession
from argmap.render.view import Stub, ViewSpec, select
from argmap.suggest import plural
from argmap.words import ascii_words

__all__ = ["Part", "Refusal", "Split", "SplitFigure", "index_markdown", "split_figures",
           "split_map"]

logger = logging.getLogger(__name__)
SLUG_WORDS = 6
_COUNTED = re.compile(r"(?: \(\d+ of \d+\))+$")  # nested cuts stack counts
STUB_WRAP = 24  # a stub's title wraps at this many characters
OTHERS = "Other statements"
PLACEHOLDER = 99  # the part number stubs show while the parts are still being cut
HOPELESS = 0.6  # a map whose first drawings print below this much of the floor is cut
NEAR = 0.9  # a part drawn this near the floor may fit once the others are cut
MERGE_ROUNDS = 2  # small neighbours merged pairwise, then the pairs with their neighbours
# A part whose drawing, found while it was cut, prints its text below this share of the
# size measured then (its stand-ins and numbers have changed since) is searched again.
SHRUNK = 0.97
# The share of `text_bound` that drawings of whole maps reach (0.17 to 0.24 for the
# example maps and the benchmark's): the first cut's guess when none is drawn.
DRAWN_SHARE = 0.2


@dataclass(frozen=True)
class SplitFigure:
    """One file of a split map: its name in the folder, its title, and the figure."""

    name: str
    title: str
    figure: Figure


@dataclass(frozen=True)
class Refusal:
    """A statement that cannot be drawn inside the page box even alone."""

    statement: str
    message: str
    best: FigureSize


@dataclass(frozen=True)
class _Measured:
    """The drawing a part fits with, found while the parts were cut, and the size its
    statements' text printed at then."""

    candidate: str
    text: float | None


@dataclass(frozen=True)
class Split:
    """The figures of a split map, the statements left out of them, and why there is no
    overview when there is none (`index.md` and the command say it)."""

    figures: list[SplitFigure]
    refused: list[Refusal]
    no_overview: str | None = None


def split_map(
    amap: ArgumentMap, options: RenderOptions, session: DrawSession | None = None
) -> list[SplitFigure]:
    """The figures of `split_figures`; FitError naming the first statement refused."""
    done = split_figures(amap, options, session)
    if done.refused:
        first = done.refused[0]
        raise FitError(first.message, first.best)
    return done.figures


def split_figures(
    amap: ArgumentMap, options: RenderOptions, session: DrawSession | None = None
) -> Split:
    """The map as one figure when it fits the page box, else an overview (when it fits)
    and one figure per part: by section, then cut until each part fits. `session`: the
    layouts and findings shared with the caller's other drawings (a new one when None)."""
    session = session if session is not None else DrawSession()
    suffix = options.fmt
    title = amap.title or (amap.path.stem if amap.path else "argument map")
    drawn = select(amap, options.view)
    bound = text_bound(amap, drawn, options)
    if bound is not None and bound < options.min_font:
        # Far too big for one page: not one drawing of the whole is tried.
        logger.info("split: the whole map cannot print its text above %.1f pt: cut at once",
                    bound)
        ratio = min(0.95, bound * DRAWN_SHARE / options.min_font)
    else:
        try:
            found = search(options, lambda tries: draw_svgs(amap, tries, session),
                           len(drawn), HOPELESS)
        except FitError as error:
            ratio = _ratio(error, options)
        else:
            chosen = replace(options, fit_first=found.candidate.name)
            whole = render_figure(amap, chosen, session)
            return Split([SplitFigure(f"01-{_slug(title)}.{suffix}", title, whole)], [])
    statements = [node for node in amap.graph.nodes if node in drawn and amap.is_statement(node)]
    parts = _first_cut(amap, statements, ratio)
    refused: list[Refusal] = []
    checked: dict[Part, _Measured] = {}  # a part that fits -> the drawing it fits with
    parts = _fitting(amap, options, parts, refused, checked, session)
    if not parts:  # every statement refused even alone: nothing to draw but the refusals
        return Split([], refused)
    parts = _merged(amap, options, parts, checked, session)
    while True:
        fitted = _fitting(amap, options, parts, refused, checked, session)
        parts = _titled(fitted)
        checked.update({new: checked[old] for old, new in zip(fitted, parts, strict=True)})
        stubs = _stubs(amap, parts, _names(parts, suffix))
        overview, why = _overview(amap, options, parts, stubs, title, session)
        # Without an overview the parts are numbered from 1: no figure is "Part 2" of a
        # set that has no Part 1.
        first = 2 if overview is not None else 1
        if first == 1:
            stubs = _stubs(amap, parts, _names(parts, suffix, first=1), first=1)
        names = _names(parts, suffix, first=first)
        drawings = [replace(_drawing(options, part, _part_view(
            amap, options, parts, index, stubs, index - 2 + first)),
            fit_first=checked[part].candidate) for index, part in enumerate(parts, start=2)]
        failed = False
        figures = [] if overview is None else [
            SplitFigure(f"01-overview.{suffix}", "Overview", overview)]
        for index, (part, chosen) in enumerate(zip(parts, drawings, strict=True), start=2):
            try:
                figure = _final(amap, chosen, checked[part], index - 2 + first, session)
            except FitError as error:
                checked.pop(part)
                parts = _replace(parts, part, _recut(amap, part, error, options, refused))
                failed = True
                break
            figures.append(SplitFigure(names[index - 2],
                                       f"Part {index - 2 + first}: {part.title}", figure))
        if not failed:
            return Split(figures, refused, why)


def _final(
    amap: ArgumentMap, chosen: RenderOptions, measured: _Measured, number: int,
    session: DrawSession,
) -> Figure:
    """A part drawn for good with the drawing it was measured with (one layout), or with
    the best of them all when that one now prints noticeably smaller than it did."""
    figure = render_figure(amap, chosen, session)
    now, then = (figure.size.text if figure.size else None), measured.text
    if now is None or then is None or now >= SHRUNK * then:
        return figure
    logger.info("split: part %d prints at %.1f pt with `%s`, %.1f pt when it was measured: "
                "its drawing is searched again", number, now, measured.candidate, then)
    return render_figure(amap, replace(chosen, fit_first=None), session)


def _overview(
    amap: ArgumentMap, options: RenderOptions, parts: list[Part], stubs: dict[str, Stub],
    title: str, session: DrawSession,
) -> tuple[Figure | None, str | None]:
    """The overview figure (a box per part and the relations between parts), or None and
    why, when its boxes do not fit the page box."""
    view = replace(options.view, statements=frozenset(), relations=frozenset(),
                   stubs=stubs, title=f"{title}: overview")
    try:
        return render_figure(amap, replace(options, view=view), session), None
    except FitError as error:
        text = error.best.text or 0.0
        return None, (
            f"No overview: its {len(parts)} part boxes do not fit "
            f"{describe_box(options.fit or 0, options.fit_height)} with text of "
            f"{options.min_font:g} pt (at best {math.floor(text * 10) / 10:.1f} pt); "
            "the list below links every part.")


def index_markdown(title: str, figures: Iterable[SplitFigure], note: str | None = None) -> str:
    """`index.md`: the figures in reading order, each a link with its title, after the
    `note` (why there is no overview) when there is one."""
    lines = [f"# {markdown_text(title)}", ""]
    if note:
        lines += [markdown_text(note), ""]
    for number, figure in enumerate(figures, start=1):
        link = f"[{markdown_text(figure.title)}]({markdown_target(figure.name)})"
        lines.append(f"{number}. {link}")
    return "\n".join(lines) + "\n"


def _titled(parts: list[Part]) -> list[Part]:
    """`parts` with titles that do not repeat and count without gaps: the parts that share
    a title (once its `(2 of 5)` is taken off) numbered `(1 of n)` to `(n of n)` in order,
    a title left alone without its number (a group cut again leaves its siblings' count
    behind, and two statements' texts may shorten alike)."""
    bases = [_COUNTED.sub("", part.title) for part in parts]
    totals = Counter(bases)
    seen: Counter[str] = Counter()
    titled = []
    for part, base in zip(parts, bases, strict=True):
        seen[base] += 1
        title = base if totals[base] == 1 else f"{base} ({seen[base]} of {totals[base]})"
        titled.append(part if title == part.title else replace(part, title=title))
    return titled


def _slug(title: str) -> str:
    """A file name's words: `common-interest-what-russia-gains` (ASCII, at most six words)."""
    return "-".join(ascii_words(title)[:SLUG_WORDS]) or "part"


def _ratio(error: FitError, options: RenderOptions) -> float:
    """How far a drawing's text fell short of the floor, as a factor below 1."""
    text = error.best.text or 0.0
    return min(0.95, max(0.05, text / options.min_font))


def _limit(size: int, ratio: float) -> int:
    """How many statements a piece may hold when `size` printed text `ratio` of the floor:
    text shrinks with the drawing's width or height, and the fit search gains the rest
    by stacking and turning; at most half of them, so that a part is cut in few rounds;
    evened out over the pieces that takes (5 at most 4 is 3 and 2, not 4 and a piece of
    one)."""
    most = max(1, min(size // 2, math.floor(size * ratio)))
    return math.ceil(size / math.ceil(size / most))


def _first_cut(amap: ArgumentMap, statements: list[str], ratio: float) -> list[Part]:
    """By section when the map has sections (the unsectioned together last), else cut
    (see `cut`) to a size the whole map's drawing suggests."""
    by_section: dict[str, list[str]] = {}
    for node in statements:
        section = amap.graph.nodes[node].get("section") or OTHERS
        by_section.setdefault(str(section), []).append(node)
    if len(by_section) > 1 or OTHERS not in by_section:
        others = by_section.pop(OTHERS, None)
        parts = [Part(title, tuple(members)) for title, members in by_section.items()]
        return parts + ([Part(OTHERS, tuple(others))] if others else [])
    whole = Part("Main argument", tuple(statements))
    return cut(amap, whole, _limit(len(statements), ratio))


def _fitting(
    amap: ArgumentMap, options: RenderOptions, parts: list[Part], refused: list[Refusal],
    checked: dict[Part, _Measured], session: DrawSession,
) -> list[Part]:
    """`parts` with each that does not fit the page box cut again, until all fit (drawn
    with placeholder part numbers, so that a part's drawing does not change as others
    are cut: each part is drawn once here, and is then in `checked`). Each round lays out
    the first candidate drawing of every part not yet checked in one engine run (a part
    drawn at its natural size needs no other: nothing prints larger), then the others of
    the remaining parts in a second."""
    while True:
        stubs = _stubs(amap, parts, _names(parts, options.fmt, PLACEHOLDER), PLACEHOLDER)
        pending = []
        for index, part in enumerate(parts, start=2):
            if part not in checked:
                view = _part_view(amap, options, parts, index, stubs, PLACEHOLDER)
                drawing = _drawing(options, part, view)
                pending.append((part, drawing, candidates(drawing, len(select(amap, view)))))
        heads = _drawn(amap, [tries[:1] for _, _, tries in pending], session)
        found = [_pick(drawing, tries, drawn)
                 for (_, drawing, tries), drawn in zip(pending, heads, strict=True)]
        more = [index for index, result in enumerate(found) if result is None]
        rests = _drawn(amap, [pending[index][2][1:] for index in more], session)
        for index, rest in zip(more, rests, strict=True):
            _, drawing, tries = pending[index]
            found[index] = _pick(drawing, tries, heads[index] + rest)
        failed: list[tuple[Part, FitError]] = []
        for (part, _, _), result in zip(pending, found, strict=True):
            if isinstance(result, FitError):
                failed.append((part, result))
            elif result is not None:
                checked[part] = _Measured(result.candidate.name, result.size.text)
        if not failed:
            return parts
        # A part's drawing depends on how the others are cut (which part draws a step
        # whole, which stand-ins it needs): after the first failure, a part that missed
        # the floor narrowly is drawn again once that one is cut, not cut at once.
        for number, (part, missed) in enumerate(failed):
            if number == 0 or (missed.best.text or 0.0) < NEAR * options.min_font:
                parts = _replace(parts, part, _recut(amap, part, missed, options, refused))


class _Unknown(Exception):
    """The choice needs drawings not made yet."""


def _pick(
    drawing: RenderOptions, tries: list[Candidate], drawn: list[bytes]
) -> Fitted | FitError | None:
    """`pick`'s choice among `tries` from the `drawn` first of them: the drawing kept, the
    FitError, or None when it needs the others."""

    def unknown(rest: Sequence[Candidate]) -> list[bytes]:
        raise _Unknown

    try:
        return pick(drawing, tries, drawn, unknown)
    except FitError as error:
        return error
    except _Unknown:
        return None


def _drawn(
    amap: ArgumentMap, groups: list[list[Candidate]], session: DrawSession
) -> list[list[bytes]]:
    """The SVGs of each group of candidates, all laid out in one engine run."""
    svgs = iter(draw_svgs(amap, [each.options for group in groups for each in group], session))
    return [[next(svgs) for _ in group] for group in groups]


def _merged(
    amap: ArgumentMap, options: RenderOptions, parts: list[Part],
    checked: dict[Part, _Measured], session: DrawSession,
) -> list[Part]:
    """`parts` with neighbours of one section that the cutting left small (together at most
    half the largest part) drawn as one where that still fits the page box: no part of one
    box beside one of a dozen. Each round tries every such pair in one engine run."""
    position = {node: index for index, node in enumerate(amap.graph)}
    for _ in range(MERGE_ROUNDS):
        largest = max(len(part.statements) for part in parts)
        trials = []
        index = 0
        while index < len(parts) - 1:
            first, second = parts[index], parts[index + 1]
            if not _mergeable(amap, first, second, largest):
                index += 1
                continue
            statements = sorted(first.statements + second.statements, key=position.__getitem__)
            merged = Part(first.title, tuple(statements))
            trial = [*parts[:index], merged, *parts[index + 2 :]]
            stubs = _stubs(amap, trial, _names(trial, options.fmt, PLACEHOLDER), PLACEHOLDER)
            view = _part_view(amap, options, trial, index + 2, stubs, PLACEHOLDER)
            drawing = _drawing(options, merged, view)
            tries = candidates(drawing, len(select(amap, view)))
            trials.append((index, merged, drawing, tries))
            index += 2
        svgs = iter(draw_svgs(amap, [each.options for *_, tries in trials for each in tries],
                              session))
        accepted: dict[int, Part] = {}
        for index, merged, drawing, tries in trials:
            drawn = [next(svgs) for _ in tries]
            try:
                found = pick(drawing, tries, drawn, lambda rest: [])
            except FitError:
                continue
            checked[merged] = _Measured(found.candidate.name, found.size.text)
            accepted[index] = merged
        if not accepted:
            return parts
        kept: list[Part] = []
        for index, part in enumerate(parts):
            if index - 1 in accepted and len(kept) and kept[-1] is accepted[index - 1]:
                continue  # the second of a merged pair
            kept.append(accepted.get(index, part))
        parts = kept
    return parts


def _mergeable(amap: ArgumentMap, first: Part, second: Part, largest: int) -> bool:
    """Whether two neighbouring parts are small enough to try as one: drawn with their
    relations, of one section, together at most half the largest part."""
    if first.alone or second.alone:
        return False
    section = amap.graph.nodes[first.statements[0]].get("section")
    if amap.graph.nodes[second.statements[0]].get("section") != section:
        return False
    return len(first.statements) + len(second.statements) <= max(2, largest // 2)


def _recut(
    amap: ArgumentMap, part: Part, error: FitError, options: RenderOptions,
    refused: list[Refusal],
) -> list[Part]:
    """The pieces of a part that does not fit: a single statement drawn alone (its
    relations drawn with their other ends); none for one that does not fit alone, refused."""
    if len(part.statements) == 1 and not part.alone:
        return [replace(part, alone=True)]
    if len(part.statements) == 1:
        statement = part.statements[0]
        text = error.best.text or 0.0
        floor = math.floor(text * 10 + 1e-6) / 10
        box = describe_box(options.fit or 0, options.fit_height)
        refused.append(Refusal(statement, (
            f"statement `{statement}` cannot be drawn inside {box} with text of "
            f"{options.min_font:g} pt: alone, its best drawing prints its text at {floor:.1f} "
            f"pt; give a bigger page box or `--min-font {floor:g}`"
        ), error.best))
        return []
    pieces = cut(amap, part, _limit(len(part.statements), _ratio(error, options)))
    return pieces if len(pieces) > 1 else halves(part)


def _drawing(options: RenderOptions, part: Part, view: ViewSpec) -> RenderOptions:
    """The options that draw a part, with its legend (a statement drawn alone keeps one
    too: its box's kind and tag colour need their key as much as a bigger figure's)."""
    return replace(options, view=view)


def _replace(parts: list[Part], old: Part, new: list[Part]) -> list[Part]:
    index = parts.index(old)
    return [*parts[:index], *new, *parts[index + 1 :]]


def _part_view(
    amap: ArgumentMap, options: RenderOptions, parts: list[Part], index: int,
    stubs: dict[str, Stub], number: int | None = None,
) -> ViewSpec:
    """The view of part number `index` (the overview is 1) among `parts`: its statements,
    the relations it draws whole (see `_stubs`), the stubs of the others."""
    part = parts[index - 2]
    home = stubs[part.statements[0]].name
    relations = frozenset(
        node for node, stub in stubs.items() if stub.name == home and not amap.is_statement(node)
    )
    shown = number if number is not None else index
    return replace(
        options.view,
        statements=frozenset(part.statements),
        relations=frozenset() if part.alone else relations,
        stubs={} if part.alone else stubs,
        title=f"Part {shown}: {part.title}",
    )


def _names(
    parts: list[Part], suffix: str, number: int | None = None, first: int = 2
) -> list[str]:
    """The parts' file names, numbered from `first` (1 when there is no overview)."""
    return [f"{number or index:02d}-{_slug(part.title)}.{suffix}"
            for index, part in enumerate(parts, first)]


def _stubs(
    amap: ArgumentMap, parts: list[Part], names: list[str], shown: int | None = None,
    first: int = 2,
) -> dict[str, Stub]:
    """Each statement's stub, the part it is drawn in, linked to the part's file; and each
    inference's and attack node's, the part that draws it whole (see `_homes`)."""
    stubs: dict[str, Stub] = {}
    part_of: dict[str, int] = {}
    by_index: dict[int, Stub] = {}
    for index, (part, name) in enumerate(zip(parts, names, strict=True), start=2):
        number = shown or index - 2 + first
        count = plural(len(part.statements), "statement")
        stub = Stub(
            name=f"part-{index}",
            label="\n".join([*wrap(f"Part {number}: {part.title}", STUB_WRAP), count]),
            href=name,
            tooltip=f"Part {number}: {part.title} ({count}): open {name}",
            part=f"Part {number}",
            alone=part.alone,
        )
        by_index[index] = stub
        for statement in part.statements:
            stubs[statement] = stub
            if not part.alone:
                part_of[statement] = index
    placed = {statement for part in parts for statement in part.statements}
    for node, index in _homes(amap, part_of, placed).items():
        stubs[node] = by_index[index]
    return stubs


def _homes(amap: ArgumentMap, part_of: dict[str, int], placed: set[str]) -> dict[str, int]:
    """The part that draws each inference whole (with the most of its premises; on a tie,
    the one that draws the fewest inferences so far, so that a hub's fan is spread) and
    each attack node (its target's when that is a relation, else its attacker's), when
    its ends are drawn at all (are `placed`; `part_of` leaves out statements drawn alone)."""
    homes: dict[str, int] = {}
    load: Counter[int] = Counter()  # inferences drawn in each part so far
    for node, data in amap.graph.nodes(data=True):  # targets come before their attacks
        kind = data["kind"]
        if kind == INFERENCE:
            if amap.conclusion_of(node) not in placed:
                continue
            counts = Counter(part_of[p] for p in amap.premises_of(node) if p in part_of)
            if not counts and amap.conclusion_of(node) in part_of:
                counts[part_of[amap.conclusion_of(node)]] = 1  # its premises drawn alone
            if counts:
                most = max(counts.values())
                tied = [index for index, count in counts.items() if count == most]
                homes[node] = min(tied, key=lambda index: load[index])
                load[homes[node]] += 1
        elif kind == ATTACK:
            target = amap.target_of(node)
            attackers = [a for a in amap.attackers_of_attack(node) if a in placed]
            if not attackers or (target not in placed and target not in homes):
                continue
            drawn = [part_of[a] for a in attackers if a in part_of]
            if target in homes:
                homes[node] = homes[target]
            elif drawn:  # a linked objection: in the part of most of its premises
                homes[node] = Counter(drawn).most_common(1)[0][0]
            elif target in part_of:
                homes[node] = part_of[target]
    return homes
