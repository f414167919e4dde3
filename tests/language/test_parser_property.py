"""Property: whatever the input, parsing returns a map or raises an ArgmapError, nothing else."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, ParseError

VALID = sorted((Path(__file__).resolve().parents[1] / "data" / "valid").glob("*.argmap"))
VALID_TEXTS = [path.read_text(encoding="utf-8-sig") for path in VALID]
FRAGMENTS = [
    "premise", "claim", "assumption", "conclusion", "premis", " a", " b", "c", ":", " ",
    "\t", "\n", "\r\n", "->", "→", "-|", "⊣", "><", "+", "(", ")", "#", "# ", "#tag", ">",
    "  > ", "  @note", "  @confidence", " 0.5", " 2", "@title", "@include", " x.argmap",
    "@document", "== ", "==", "\ufeff", "é", "\x00", "-", "|", "<", "=",
    "argument", "argument x:", "  + ", "  -> ", "  : ", "\n  +", "\n  ->", "\n  :",
    "(a -| b)", "(", "  @by", " Critics", "  @implicit",
]  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TEMPORARY = tempfile.TemporaryDirectory(prefix="argmap-property-")  # removed at exit
FOLDER = _TEMPORARY.name
"""An empty folder to anchor the maps in, so that `@include` finds nothing real."""


def parse_only_raises_argmap_errors(text: str) -> None:
    try:
        argmap.parse(text, str(Path(FOLDER) / "m.argmap"))
    except ParseError as error:
        assert error.errors
        for diagnostic in error.errors:
            span = diagnostic.span
            # Not empty: it ends after it starts (on a later line, as a relation continued
            # over several lines may: `argument x:` then `  +` is one span over both).
            assert span.line >= 1 and span.column >= 1
            assert (span.end_line, span.end_column) > (span.line, span.column)
            assert span.column <= len(diagnostic.source_line) + 1
            assert diagnostic.source_line, diagnostic
            assert diagnostic.message
    except ArgmapError:
        pass


@SETTINGS
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    parse_only_raises_argmap_errors(text)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_text_made_of_the_language_s_own_pieces(text: str) -> None:
    parse_only_raises_argmap_errors(text)


@st.composite
def mutated_valid_map(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(VALID_TEXTS)).splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            char = draw(st.sampled_from(FRAGMENTS) | st.characters())
            lines[index] = line[:at] + char + line[at:]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    return "".join(lines)


@SETTINGS
@given(mutated_valid_map())
def test_mutations_of_the_valid_maps(text: str) -> None:
    parse_only_raises_argmap_errors(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_in_a_file(data: bytes) -> None:
    path = Path(FOLDER) / "bytes.argmap"
    path.write_bytes(data)
    with contextlib.suppress(ArgmapError):
        argmap.load(path)


IDS = ["a", "b", "c", "d", "e"]
STATEMENTS = "".join(f"premise {name}: {name.upper()}.\n" for name in IDS[:-1])
STATEMENTS += "claim e: E.\n"


def _graph(text: str) -> tuple[list[tuple[str, dict[str, object]]], list[tuple[str, str, str]]]:
    """Nodes with their attributes and edges with their kinds: the map without positions."""
    amap = argmap.parse(text, "m.argmap")
    nodes = [
        (str(node), {k: v for k, v in data.items() if k != "span"})
        for node, data in amap.graph.nodes(data=True)
    ]
    edges = [(str(u), str(v), str(kind)) for u, v, kind in amap.graph.edges(data="kind")]
    return nodes, sorted(edges)


def _broken_over_lines(draw: st.DrawFn, parts: list[str]) -> str:
    """`parts` joined by spaces, each after the first moved or not onto an indented
    continuation line (with a comment or a blank line before it, or neither)."""
    lines = [parts[0]]
    for part in parts[1:]:
        if draw(st.booleans()):
            indent = draw(st.sampled_from(["  ", "    ", "\t"]))
            between = draw(st.sampled_from(["", "  # a comment\n", "\n"]))
            lines.append(f"{between}{indent}{part}")
        else:
            lines[-1] += f" {part}"
    return "\n".join(lines)


@st.composite
def continued_support(draw: st.DrawFn) -> tuple[str, str]:
    """A support relation on one line, and the same one broken before any `+`, `->` or `:`
    onto indented continuation lines (with comments and blank lines between)."""
    premises = draw(st.lists(st.sampled_from(IDS[:-1]), min_size=1, max_size=4, unique=True))
    warrant = draw(st.sampled_from([None, "a rule", "one #tag more"]))
    parts = [premises[0], *(f"+ {name}" for name in premises[1:]), "-> e"]
    if warrant:
        parts.append(f": {warrant}")
    one_line = " ".join(parts)
    return one_line, _broken_over_lines(draw, parts)


@SETTINGS
@given(continued_support(), st.booleans())
def test_a_continued_relation_is_the_relation_on_one_line(
    relation: tuple[str, str], named: bool
) -> None:
    one_line, continued = relation
    prefix = "argument step: " if named else ""
    if named and "#" in one_line:
        return  # tags belong to the argument, tested with the goldens
    assert _graph(STATEMENTS + prefix + continued + "\n") == _graph(
        STATEMENTS + prefix + one_line + "\n"
    )


@st.composite
def nested_undercut(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A chain of attacks on attacks, `z -| (y -| (x -| c))`, each level written too."""
    depth = draw(st.integers(1, 6))
    names = [f"u{index}" for index in range(depth + 1)]
    text = "".join(f"premise {name}: {name}.\n" for name in names) + "premise c: C.\n"
    target = "c"
    written = []
    for name in names:
        written.append(f"{name} -| {target}")
        target = f"({name} -| {target})"
    order = draw(st.permutations(written))
    return text + "\n".join(order) + "\n", names


@SETTINGS
@given(nested_undercut())
def test_nested_undercuts_in_any_order_make_one_attack_node_per_undercut_attack(
    case: tuple[str, list[str]],
) -> None:
    from argmap.analysis.labels import Label, compute_labels

    text, names = case
    amap = argmap.parse(text, "m.argmap")
    nodes = [node for node, _ in amap.attack_nodes()]
    assert len(nodes) == len(names) - 1  # every attack but the outermost is undercut
    labels = compute_labels(amap)
    # Every attacker is an unattacked premise: the outermost attack is IN, so each attack
    # below it is alternately OUT and IN; c is OUT when the innermost attack is IN.
    innermost_in = len(names) % 2 == 1
    assert labels["c"] is (Label.OUT if innermost_in else Label.IN)


def test_an_error_over_a_continued_argument_spans_both_lines() -> None:
    """Found by hypothesis: the error's span starts at the end of line 1 and ends on line 2."""
    parse_only_raises_argmap_errors("argument x:\n  +")


@st.composite
def continued_objection(draw: st.DrawFn) -> tuple[str, str]:
    """A linked objection on one line, `a + b -| e`, and the same one broken before any `+`
    or `-|` onto indented continuation lines (with comments and blank lines between)."""
    attackers = draw(st.lists(st.sampled_from(IDS[:-1]), min_size=2, max_size=4, unique=True))
    parts = [attackers[0], *(f"+ {name}" for name in attackers[1:]), "-| e"]
    one_line = " ".join(parts)
    return one_line, _broken_over_lines(draw, parts)


@SETTINGS
@given(continued_objection(), st.booleans())
def test_a_continued_objection_is_the_objection_on_one_line(
    relation: tuple[str, str], named: bool
) -> None:
    one_line, continued = relation
    prefix = "argument against: " if named else ""
    assert _graph(STATEMENTS + prefix + continued + "\n") == _graph(
        STATEMENTS + prefix + one_line + "\n"
    )
    amap = argmap.parse(STATEMENTS + prefix + continued + "\n", "m.argmap")
    (node, _), = amap.attack_nodes()
    assert " + ".join(amap.attackers_of_attack(node)) == one_line.removesuffix(" -| e")


@st.composite
def nested_linked_undercut(draw: st.DrawFn) -> tuple[str, int]:
    """A chain of attacks on attacks whose levels may be linked objections,
    `y -| (a + b -| (x -| c))`, each level written too, in any order."""
    depth = draw(st.integers(1, 5))
    text, target, written = "premise c: C.\n", "c", []
    for level in range(depth + 1):
        size = draw(st.integers(1, 3))
        names = [f"u{level}_{index}" for index in range(size)]
        text += "".join(f"premise {name}: {name}.\n" for name in names)
        attacker = " + ".join(names)
        written.append(f"{attacker} -| {target}")
        target = f"({attacker} -| {target})"
    order = draw(st.permutations(written))
    return text + "\n".join(order) + "\n", depth + 1


@SETTINGS
@given(nested_linked_undercut())
def test_nested_linked_undercuts_in_any_order_are_one_attack_each(case: tuple[str, int]) -> None:
    from argmap.analysis.labels import Label, compute_labels
    from argmap.language.format import format_text

    text, levels = case
    amap = argmap.parse(text, "m.argmap")
    assert len(list(amap.relations())) == levels
    labels = compute_labels(amap)
    innermost_in = levels % 2 == 1
    assert labels["c"] is (Label.OUT if innermost_in else Label.IN)
    formatted = format_text(text, "m.argmap")
    assert _graph(formatted) == _graph(text)
