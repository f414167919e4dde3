"""The labels equal an oracle argmap does not contain: Dung's grounded extension of the
argument-level framework of the map (arguments as trees of inferences, attacks on attacks
flattened), computed by the ASP solver clingo with the ASPARTIX encoding."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import product
from math import prod
from pathlib import Path

import clingo
import pytest
from analysis_helpers import maps
from hypothesis import given, reject, settings

import argmap
from argmap.analysis.labels import Label, Semantics, compute_labels
from argmap.convert import format_of, read_map
from argmap.convert.losses import Losses
from argmap.model import ATTACK_EDGE_KINDS, ArgumentMap, needs_support

ROOT = Path(__file__).parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
REAL_MAPS = sorted(
    [
        *ROOT.glob("maps/*.argmap"),
        *(ROOT / "tests" / "data" / "valid").glob("*.argmap"),
        *CORPORA.glob("microtexts/*.xml"),
        *CORPORA.glob("aif/*.json"),
        *CORPORA.glob("argdown/*.argdown"),
    ]
)
"""The example maps, the parser's valid maps and, where ../shared is beside the clone, the
corpora's maps (the microtexts, AIF and Argdown), read by argmap's converters."""

MAX_ARGUMENTS = 3_000
"""More arguments than this and a random map is skipped (trees multiply fast)."""

GROUNDED = """
in(X) :- arg(X), defeated(Y) : att(Y, X).
defeated(X) :- in(Y), att(Y, X).
"""
"""ASPARTIX's grounded extension, positive: its one answer set is the least fixed point of
Dung's characteristic function (in: every attacker is defeated; defeated: attacked by in)."""


class TooManyArguments(Exception):
    """The map has more arguments than the oracle builds."""


@dataclass(frozen=True)
class Argument:
    """A node of the framework: a tree of inferences (a premise alone is one), or an
    auxiliary argument: for an inference, that its step applies; for an attack that is
    undercut, argument A put forward through the attack node n (`alpha(A, n)`)."""

    source: str
    """What it attacks through: its conclusion, or the inference or attack node it stands
    for (an inference attacks nothing)."""
    contents: frozenset[str]
    """Every statement, inference and attack node in it: attacking one attacks it."""


@dataclass
class Framework:
    """The arguments of a map, by what they stand for, and the attacks between them."""

    arguments: list[Argument] = field(default_factory=list)
    index: dict[tuple[str, tuple[int, ...]], int] = field(default_factory=dict)
    """Each argument's number by what it is made of: one number for one argument."""
    by_node: dict[str, list[int]] = field(default_factory=dict)
    """The arguments a node's label is read from: a statement's arguments for it, an
    inference's arguments that its step applies, an attack node's auxiliary arguments."""
    attacks: set[tuple[int, int]] = field(default_factory=set)

    def add(self, key: tuple[str, tuple[int, ...]], argument: Argument) -> int:
        number = self.index.get(key)
        if number is None:
            if len(self.arguments) >= MAX_ARGUMENTS:
                raise TooManyArguments
            number = self.index[key] = len(self.arguments)
            self.arguments.append(argument)
        return number


def build_framework(amap: ArgumentMap) -> Framework:
    """The argument-level framework of `amap`, built from the model alone."""
    framework = Framework()
    memo: dict[tuple[str, frozenset[str]], list[int]] = {}

    def tree(inference: str, subarguments: tuple[int, ...]) -> int:
        conclusion = amap.conclusion_of(inference)
        contents = frozenset({conclusion, inference}).union(
            *(framework.arguments[sub].contents for sub in subarguments)
        )
        return framework.add((inference, subarguments), Argument(conclusion, contents))

    def combinations(inference: str, banned: frozenset[str]) -> Iterator[tuple[int, ...]]:
        choices = [arguments_for(p, banned) for p in amap.premises_of(inference)]
        if prod(map(len, choices)) > MAX_ARGUMENTS:
            raise TooManyArguments
        return product(*choices)

    def arguments_for(statement: str, banned: frozenset[str]) -> list[int]:
        """The arguments for `statement` with no statement twice on a path and none of
        `banned` (the statements above it)."""
        if statement in banned:
            return []
        key = (statement, banned)
        if key not in memo:
            found = []
            if not needs_support(amap.graph.nodes[statement]):
                found.append(
                    framework.add((statement, ()), Argument(statement, frozenset({statement})))
                )
            below = banned | {statement}
            for inference in amap.inferences_for(statement):
                found += (tree(inference, subs) for subs in combinations(inference, below))
            memo[key] = found
        return memo[key]

    for statement, _ in amap.statements():
        framework.by_node[statement] = arguments_for(statement, frozenset())
    arguments_by_conclusion: dict[str, list[int]] = {}
    for number, argument in enumerate(framework.arguments):
        arguments_by_conclusion.setdefault(argument.source, []).append(number)
    # An inference's label is its step's: an auxiliary argument that the step applies, made
    # of arguments for its premises and the step, without its conclusion (a rebuttal of the
    # conclusion defeats the arguments for it, not the step). Only the premises' arguments
    # must not repeat a statement: `c + p -> c` applies when `c` stands.
    for inference, _ in amap.inferences():
        framework.by_node[inference] = [
            framework.add(
                (f"step {inference}", subs),
                Argument(
                    inference,
                    frozenset({inference}).union(
                        *(framework.arguments[sub].contents for sub in subs)
                    ),
                ),
            )
            for subs in combinations(inference, frozenset())
        ]
    # Auxiliary arguments: one for each argument for an undercut attack's attacker; for a
    # linked objection (`a + b -| c`), one for each combination of arguments for its
    # attackers, one argument per attacker.
    for node, _ in amap.attack_nodes():
        choices = [arguments_by_conclusion.get(a, []) for a in amap.attackers_of_attack(node)]
        if prod(map(len, choices)) > MAX_ARGUMENTS:
            raise TooManyArguments
        framework.by_node[node] = [
            framework.add(
                (node, subs),
                Argument(
                    node,
                    frozenset({node}).union(*(framework.arguments[sub].contents for sub in subs)),
                ),
            )
            for subs in product(*choices)
        ]
    # Attacks: through every attack or contradiction edge, from each argument that attacks
    # through its source to each argument that contains its target.
    attacking: dict[str, list[int]] = {}
    containing: dict[str, list[int]] = {}
    for number, argument in enumerate(framework.arguments):
        attacking.setdefault(argument.source, []).append(number)
        for node in argument.contents:
            containing.setdefault(node, []).append(number)
    for source, target, kind in amap.graph.edges(data="kind"):
        if kind in ATTACK_EDGE_KINDS:
            framework.attacks.update(product(attacking.get(source, []), containing.get(target, [])))
    return framework


def grounded_labels(framework: Framework) -> list[Label]:
    """Each argument IN (in the grounded extension), OUT (attacked by it) or UNDEC, as
    clingo finds them."""
    facts = "".join(f"arg({n})." for n in range(len(framework.arguments)))
    facts += "".join(f"att({a},{b})." for a, b in sorted(framework.attacks))
    control = clingo.Control(["--warn=none"])
    control.add("base", [], GROUNDED + facts)
    control.ground([("base", [])])
    models: list[Sequence[clingo.Symbol]] = []
    control.solve(on_model=lambda model: models.append(model.symbols(shown=True)))
    assert len(models) == 1  # a positive program: exactly one answer set
    labels = [Label.UNDEC] * len(framework.arguments)
    for symbol in models[0]:
        if symbol.name == "in":
            labels[symbol.arguments[0].number] = Label.IN
        elif symbol.name == "defeated":
            labels[symbol.arguments[0].number] = Label.OUT
    return labels


def node_label(labels: Iterable[Label]) -> Label:
    """IN when one argument is IN, OUT when all are OUT (or there are none), else UNDEC."""
    found = set(labels)
    if Label.IN in found:
        return Label.IN
    return Label.OUT if found <= {Label.OUT} else Label.UNDEC


def oracle_labels(amap: ArgumentMap) -> dict[str, Label]:
    """Every node's label read from the grounded extension of the map's arguments."""
    framework = build_framework(amap)
    labels = grounded_labels(framework)
    return {
        node: node_label(labels[number] for number in framework.by_node[node])
        for node in amap.graph.nodes
    }


def argmap_labels(
    amap: ArgumentMap, semantics: Semantics = Semantics.WELL_FOUNDED
) -> dict[str, Label]:
    return compute_labels(amap, semantics)


@settings(max_examples=3_000, deadline=None)
@given(maps())
def test_labels_equal_the_grounded_extension_of_the_arguments(amap: ArgumentMap) -> None:
    try:
        expected = oracle_labels(amap)
    except TooManyArguments:
        reject()
    assert argmap_labels(amap) == expected
    # The least fixed point alone decides less, never otherwise.
    least = argmap_labels(amap, Semantics.KRIPKE_KLEENE)
    assert all(expected[node] is label for node, label in least.items() if label is not Label.UNDEC)


@pytest.mark.parametrize("path", REAL_MAPS, ids=lambda path: path.name)
def test_labels_equal_the_grounded_extension_on_real_maps(path: Path) -> None:
    amap = read_map(str(path), format_of(str(path), None, "input"), Losses())
    assert argmap_labels(amap) == oracle_labels(amap)


def test_the_encoding_gives_the_grounded_extension() -> None:
    # 0 -| 1 -| 2 (0 is unattacked, so it defends 2); 3 and 4 attack each other, 4 -| 5.
    framework = Framework(
        arguments=[Argument(str(n), frozenset()) for n in range(6)],
        attacks={(0, 1), (1, 2), (3, 4), (4, 3), (4, 5)},
    )
    IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC
    assert grounded_labels(framework) == [IN, OUT, IN, UNDEC, UNDEC, UNDEC]


def labels_of(source: str) -> tuple[dict[str, Label], dict[str, Label]]:
    amap = argmap.parse(source, "map.argmap")
    return argmap_labels(amap), oracle_labels(amap)


def test_a_circular_objection_blocks_nothing() -> None:
    # The first case: `x` and `y` support only each other, so `x` has no argument
    # and `c` stands on `p`.
    labels, expected = labels_of(
        "premise p: P.\nclaim x: X.\nclaim y: Y.\nconclusion c: C.\n"
        "p -> c\nx -> y\ny -> x\nx -| c\n"
    )
    assert expected["c"] is Label.IN
    assert expected["x"] is expected["y"] is Label.OUT
    assert labels == expected


def test_a_rebutted_conclusion_leaves_its_step_standing() -> None:
    # The step `p -> c` applies (its auxiliary argument holds only `p` and the step); the
    # argument for `c` falls to `q`.
    labels, expected = labels_of("premise p: P.\npremise q: Q.\nconclusion c: C.\np -> c\nq -| c\n")
    assert expected["inference-1"] is Label.IN
    assert expected["c"] is Label.OUT
    assert labels == expected


def test_a_circular_undercut_of_an_attack_fails() -> None:
    # The second case: `a` supports only itself, so its attack on `q -| c` fails
    # and `q` defeats `c`.
    amap = argmap.parse(
        "premise p: P.\npremise q: Q.\nclaim a: A.\nconclusion c: C.\n"
        "p -> c\na -> a\nq -| c\na -| (q -| c)\n",
        "map.argmap",
    )
    expected = oracle_labels(amap)
    attack = amap.find_attack("q", "c")
    assert attack is not None
    assert expected[attack] is Label.IN
    assert expected["a"] is expected["c"] is Label.OUT
    assert argmap_labels(amap) == expected


def test_an_attack_on_an_attack_from_a_circle_is_out() -> None:
    # The same, with the attack on the attack given a node of its own (it is undercut): it
    # has no auxiliary argument, since `a` has no argument, so it is OUT.
    amap = argmap.parse(
        "premise p: P.\npremise q: Q.\npremise z: Z.\nclaim a: A.\nconclusion c: C.\n"
        "p -> c\na -> a\nq -| c\na -| (q -| c)\nz -| (a -| (q -| c))\n",
        "map.argmap",
    )
    expected = oracle_labels(amap)
    attack = amap.find_attack("q", "c")
    assert attack is not None
    attack_on_attack = amap.find_attack("a", attack)
    assert attack_on_attack is not None
    assert expected[attack_on_attack] is Label.OUT
    assert expected[attack] is Label.IN
    assert expected["c"] is Label.OUT
    assert argmap_labels(amap) == expected
