"""`--split`: a map too big for one figure cut into parts that each fit, and an overview."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, replace

from argmap.embed.markdown import markdown_target, markdown_text
from argmap.model import ATTACK, CONCLUSION_EDGE, INFERENCE, ArgumentMap
from argmap.render.dot import wrap
from argmap.render.fit import FitError
from argmap.render.render import Figure, RenderOptions, render_figure
from argmap.render.view import Stub, ViewSpec, select
from argmap.suggest import plural
from argmap.words import ascii_words

SLUG_WORDS = 6
STUB_WRAP = 24  # a stub's title wraps at this many characters
TITLE_WORDS = 40  # characters of a statement's text that name the part it leads
PACK = 10  # statements (the reasons stood behind included) that sibling branches may share
OTHERS = "Other statements"


@dataclass(frozen=True)
class Part:
    """Statements drawn together in one figure, in the map's order, and the `context`
    drawn with them though another part holds it (the statement a branch stands behind)."""

    title: str
    statements: tuple[str, ...]
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class SplitFigure:
    """One file of a split map: its name in the folder, its title, and the figure."""

    name: str
    title: str
    figure: Figure


def split_map(amap: ArgumentMap, options: RenderOptions) -> list[SplitFigure]:
    """The map as one figure when it fits `options.fit`, else an overview and one figure
    per part, each fitting (FitError naming a part that cannot be cut further)."""
    suffix = options.fmt
    title = amap.title or (amap.path.stem if amap.path else "argument map")
    try:
        whole = render_figure(amap, options)
    except FitError:
        pass
    else:
        return [SplitFigure(f"01-{_slug(title)}.{suffix}", title, whole)]
    drawn = [node for node in amap.graph.nodes if node in select(amap, options.view)]
    statements = [node for node in drawn if amap.is_statement(node)]
    fitted = _fitting_parts(amap, options, _first_cut(amap, statements))
    parts = [part for part, _, _ in fitted]
    names = _names(parts, suffix)
    stubs = _stubs(parts, names)
    overview = replace(
        options.view, statements=frozenset(), stubs=stubs, title=f"{title}: overview"
    )
    # No legend: it would stand beside the stubs (they hold no ranks to put it under), and
    # each part's figure explains what the overview shows.
    overview_figure = render_figure(amap, replace(options, view=overview, legend=False))
    figures = [SplitFigure(f"01-overview.{suffix}", "Overview", overview_figure)]
    for index, (part, figure, beside) in enumerate(fitted, start=2):
        if beside != tuple(parts):  # drawn while the parts were still being cut
            view = _part_view(options, parts, index, suffix)
            figure = render_figure(amap, replace(options, view=view))
        figures.append(SplitFigure(names[index - 2], f"Part {index}: {part.title}", figure))
    return figures


def index_markdown(title: str, figures: Iterable[SplitFigure]) -> str:
    """`index.md`: the figures in reading order, each a link with its title."""
    lines = [f"# {markdown_text(title)}", ""]
    for number, figure in enumerate(figures, start=1):
        link = f"[{markdown_text(figure.title)}]({markdown_target(figure.name)})"
        lines.append(f"{number}. {link}")
    return "\n".join(lines) + "\n"


def _slug(title: str) -> str:
    """A file name's words: `common-interest-what-russia-gains` (ASCII, at most six words)."""
    return "-".join(ascii_words(title)[:SLUG_WORDS]) or "part"


def _first_cut(amap: ArgumentMap, statements: list[str]) -> list[Part]:
    """By section when the map has sections (the unsectioned together last), else by
    branches (see `_branches`)."""
    by_section: dict[str, list[str]] = {}
    for node in statements:
        section = amap.graph.nodes[node].get("section") or OTHERS
        by_section.setdefault(str(section), []).append(node)
    if len(by_section) > 1 or OTHERS not in by_section:
        others = by_section.pop(OTHERS, None)
        cut = [Part(title, tuple(members)) for title, members in by_section.items()]
        return cut + ([Part(OTHERS, tuple(others))] if others else [])
    return _branches(amap, Part("Main argument", tuple(statements)))


def _fitting_parts(
    amap: ArgumentMap, options: RenderOptions, parts: list[Part]
) -> list[tuple[Part, Figure, tuple[Part, ...]]]:
    """Each part with its figure and the parts it was drawn beside (its stubs' numbers);
    a part that does not fit is replaced by its branches (a work list, in reading order).
    FitError for a part that does not fit and cannot be cut."""
    done: list[tuple[Part, Figure, tuple[Part, ...]]] = []
    queue = deque(parts)
    while queue:
        part = queue.popleft()
        beside = (*(piece for piece, _, _ in done), part, *queue)
        view = _part_view(options, list(beside), len(done) + 2, options.fmt)
        try:
            figure = render_figure(amap, replace(options, view=view))
        except FitError as error:
            pieces = _branches(amap, part)
            if len(pieces) < 2:
                raise FitError(
                    f"part `{part.title}` cannot be cut further, and its best drawing prints "
                    f"its text at {error.best.text or 0:.1f} pt at {options.fit or 0:.0f} pt "
                    f"wide; give a wider --fit or a smaller --min-font (now {options.min_font:g})",
                    error.best,
                ) from None
            queue.extendleft(reversed(pieces))
            continue
        done.append((part, figure, beside))
    return done


def _part_view(options: RenderOptions, parts: list[Part], index: int, suffix: str) -> ViewSpec:
    """The view of part number `index` (the overview is 1) among `parts`."""
    part = parts[index - 2]
    return replace(
        options.view,
        statements=frozenset(part.statements + part.context),
        stubs=_stubs(parts, _names(parts, suffix)),
        title=f"Part {index}: {part.title}",
    )


def _names(parts: list[Part], suffix: str) -> list[str]:
    return [f"{index:02d}-{_slug(part.title)}.{suffix}" for index, part in enumerate(parts, 2)]


def _branches(amap: ArgumentMap, part: Part) -> list[Part]:
    """The part cut under its top statements (those that are no reason for another of
    its statements): the tops with their direct reasons stay together, and what stands
    behind each direct reason becomes a part named after it. Breadth-first, each
    statement going to the first branch that reaches it (linear, no recursion)."""
    members = set(part.statements)
    reasons = {node: [r for r in _reasons(amap, node) if r in members] for node in part.statements}
    leads = {reason for node in part.statements for reason in reasons[node]}
    tops = [node for node in part.statements if node not in leads] or list(part.statements[:1])
    main = dict.fromkeys(tops)
    for top in tops:
        main.update(dict.fromkeys(reasons[top]))
    owner: dict[str, str] = {node: "" for node in main}
    heads: list[str] = []
    queue: deque[tuple[str, str]] = deque()
    for head in list(main):
        for reason in reasons[head]:
            if reason not in owner:
                owner[reason] = head
                queue.append((reason, head))
                if head not in heads:
                    heads.append(head)
    while queue:
        node, head = queue.popleft()
        for reason in reasons[node]:
            if reason not in owner:
                owner[reason] = head
                queue.append((reason, head))
    order = {node: index for index, node in enumerate(part.statements)}
    first = [node for node in part.statements if owner.get(node, "") == ""]
    pieces = [Part(part.title, tuple(first), part.context)]
    branches: dict[str, list[str]] = {head: [] for head in heads}
    for node, head in owner.items():
        if head:
            branches[head].append(node)
    # Small neighbouring branches share a figure (a part per branch of two premises would
    # make a long, thin series of figures); one that does not fit is cut again.
    group: list[str] = []
    for head in [*heads, ""]:
        size = sum(len(branches[h]) + 1 for h in group)
        if group and (not head or size + len(branches[head]) + 1 > PACK):
            shared = sorted((n for h in group for n in branches[h]), key=order.__getitem__)
            pieces.append(Part(_behind(amap, group), tuple(shared), tuple(group)))
            group = []
        if head:
            group.append(head)
    return [piece for piece in pieces if piece.statements]


def _behind(amap: ArgumentMap, heads: list[str]) -> str:
    """A branch part's title: `Behind durable: Their growing common ground…`, or the IDs
    of the reasons it stands behind when it holds several."""
    if len(heads) > 1:
        return "Behind " + ", ".join(heads)
    text = amap.graph.nodes[heads[0]]["text"]
    short = text if len(text) <= TITLE_WORDS else text[:TITLE_WORDS].rsplit(" ", 1)[0] + "…"
    return f"Behind {heads[0]}: {short}"


def _reasons(amap: ArgumentMap, node: str) -> list[str]:
    """The statements that are a reason for or against `node`: premises of its inferences,
    its attackers, and the attackers of its inferences (through attack nodes)."""
    found: list[str] = []
    for source, _, kind in amap.graph.in_edges(node, data="kind"):
        if kind == CONCLUSION_EDGE:
            found.extend(amap.premises_of(source))
            found.extend(amap.attack_source(a) for a in amap.attackers_of(source))
        elif amap.kind(source) == ATTACK:
            found.append(amap.attacker_of(source))
        elif amap.kind(source) != INFERENCE:
            found.append(source)
    return list(dict.fromkeys(found))


def _stubs(parts: list[Part], names: list[str]) -> dict[str, Stub]:
    """Each statement's stub: the part it is drawn in, linked to the part's file."""
    stubs: dict[str, Stub] = {}
    for index, (part, name) in enumerate(zip(parts, names, strict=True), start=2):
        count = plural(len(part.statements), "statement")
        stub = Stub(
            name=f"part-{index}",
            label="\n".join([*wrap(f"Part {index}: {part.title}", STUB_WRAP), count]),
            href=name,
            tooltip=f"Part {index}: {part.title} ({count}): open {name}",
        )
        for statement in part.statements:
            stubs[statement] = stub
    return stubs
