"""Verdicts in words: accepted, contested, defeated, unsupported, circular or undecided.

A label says whether a statement is acceptable; a verdict says why, as an analyst would:

- **accepted**: the statement is IN.
- **contested**: its support stands (every statement and step of some line of support is
  IN, or rests on premises, with no standing undercut of a step), and so does an objection
  to it or to a statement of that support. A concession the author weighs against the
  reasons is contested, not defeated: weighing, not the label, says which side prevails.
  Where weights are given (`@confidence` on a statement involved), the strength decides:
  an objection that outweighs the support (the strength falls below the base score)
  defeats it.
- **defeated**: no line of support stands (each step is undercut, or rests on a statement
  that is itself defeated), or weighing lets the objection prevail.
- **unsupported**: a claim or conclusion with no inference, or whose support rests on such
  a claim.
- **circular**: its support runs in a circle and never reaches a premise.
- **undecided**: caught in a cycle of attacks (UNDEC), or resting on something that is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import chain, compress

from argmap.analysis.indexed import ATTACK, CONCLUSION, PREMISE, IndexedMap, index_map
from argmap.analysis.labels import (
    IN_CODE,
    LABEL_OF_CODE,
    OUT_CODE,
    UNDEC_CODE,
    Label,
    Semantics,
    codes_of,
    label_codes,
)
from argmap.analysis.strength import aggregate, base_scores, strength_values
from argmap.analysis.support import grounded_flags
from argmap.model import (
    ATTACK_EDGE_KINDS,
    ATTACKER_EDGE,
    CLAIM,
    CONTRADICTS_EDGE,
    ArgumentMap,
)
from argmap.model import CONCLUSION as CONCLUSION_KIND


class VerdictWord(str, Enum):
    """What an analyst would say of a claim or conclusion."""

    ACCEPTED = "accepted"
    CONTESTED = "contested"
    DEFEATED = "defeated"
    UNSUPPORTED = "unsupported"
    CIRCULAR = "circular"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Objection:
    """A standing or undecided attack on a statement or step that a verdict rests on."""

    attacker: str
    """The attacking statement's ID; a linked objection's IDs as written: `a + b`."""
    target: str
    operator: str
    """`-|` or `><`."""
    written_target: str
    """The target as written in the map: an ID, or a step in parentheses."""

    @property
    def written(self) -> str:
        """`attacker` -| `target` (`a` + `b` -| `target` when linked), as a message shows it."""
        target = self.written_target
        shown = target if target.startswith("(") else f"`{target}`"
        attackers = " + ".join(f"`{attacker}`" for attacker in self.attackers)
        return f"{attackers} {self.operator} {shown}"

    @property
    def attackers(self) -> list[str]:
        """The attacking statements: one, or a linked objection's several."""
        return self.attacker.split(" + ")


@dataclass(frozen=True)
class Verdict:
    """A claim's or conclusion's verdict, its label, and the objections it turns on."""

    statement: str
    word: VerdictWord
    label: Label
    objections: tuple[str, ...]
    """IDs of the attackers (not OUT) that contest or defeat it, in the order found."""
    explanation: str
    """One plain sentence that says why, IDs in backticks."""
    attacks: tuple[Objection, ...] = ()
    """The attacks themselves, each once (a contradiction is one attack)."""
    self_defeating: bool = False
    """The statement itself attacks what its support rests on."""


def verdicts(
    amap: ArgumentMap,
    labels: dict[str, Label] | None = None,
    semantics: str = Semantics.WELL_FOUNDED,
) -> dict[str, Verdict]:
    """A verdict for every conclusion and claim of the map, in the map's order."""
    graph = index_map(amap)
    codes = label_codes(graph, semantics) if labels is None else codes_of(labels, graph.names)
    wanted = [
        number
        for number in graph.statements()
        if graph.data[number]["kind"] in (CLAIM, CONCLUSION_KIND)
    ]
    found = verdict_list(amap, graph, codes, grounded_flags(graph), wanted)
    return {verdict.statement: verdict for verdict in found}


def verdict_list(
    amap: ArgumentMap,
    graph: IndexedMap,
    labels: Sequence[int],
    grounded: Sequence[bool],
    numbers: Iterable[int],
    strengths: Sequence[float] | None = None,
) -> list[Verdict]:
    """The verdicts of the statements numbered `numbers`, from analyses already made
    (`strengths`, for weighing, when already computed)."""
    stands = support_stands(graph, labels)
    explained = _explained_by_missing_support(graph, grounded)
    unanswered = _Unanswered(amap, graph, labels, grounded)
    found = [
        _verdict(graph, labels, grounded, stands, explained, unanswered, number)
        for number in numbers
    ]
    if any(verdict.word is VerdictWord.CONTESTED for verdict in found) and _weighted(graph):
        if strengths is None:
            strengths = strength_values(graph)
        bases = base_scores(graph)
        found = [
            _weigh(amap, graph, labels, strengths, bases, verdict)
            if verdict.word is VerdictWord.CONTESTED
            else verdict
            for verdict in found
        ]
    return found


def _weighted(graph: IndexedMap) -> bool:
    """Whether the map gives weights: some statement has a `@confidence`."""
    return any("confidence" in graph.data[node]["attributes"] for node in graph.statements())


def _weigh(
    amap: ArgumentMap,
    graph: IndexedMap,
    labels: Sequence[int],
    strengths: Sequence[float],
    bases: Sequence[float],
    verdict: Verdict,
) -> Verdict:
    """A contested verdict weighed by DF-QuAD strength: defeated when, at a statement an
    objection stands against, the objections together outweigh what holds it up (its
    inferences together; for a statement that needs no support, its own base score)."""
    index = graph.index
    outweighed = []
    for target in dict.fromkeys(attack.target for attack in verdict.attacks):
        if not amap.is_statement(target):
            continue
        number = index[target]
        # Only what stands weighs: an answered objection is not put on the scale.
        attack = aggregate([
            strengths[index[a]] for a in amap.attackers_of(target) if labels[index[a]] != OUT_CODE
        ])
        if graph.wanting[number]:
            held = aggregate([strengths[index[i]] for i in amap.inferences_for(target)])
        else:
            held = bases[number]
        if attack > held:
            outweighed.append((target, attack, held))
    name = verdict.statement
    if not outweighed:
        return replace(
            verdict,
            explanation=verdict.explanation.removesuffix(".")
            + f"; weighed, its support prevails (strength {strengths[index[name]]:.2f}).",
        )
    target, attack, held = outweighed[0]
    return replace(
        verdict,
        word=VerdictWord.DEFEATED,
        explanation=f"`{name}` is defeated: weighed, the objections to `{target}` outweigh "
        f"what holds it up ({attack:.2f} against {held:.2f}).",
    )


def _verdict(
    graph: IndexedMap,
    labels: Sequence[int],
    grounded: Sequence[bool],
    stands: Sequence[bool],
    explained: Sequence[bool],
    unanswered: _Unanswered,
    number: int,
) -> Verdict:
    name = graph.names[number]
    label = LABEL_OF_CODE[labels[number]]
    if labels[number] == IN_CODE:
        return Verdict(name, VerdictWord.ACCEPTED, label, (), f"`{name}` is accepted.")
    if not grounded[number]:
        if explained[number]:
            because = (
                "nothing supports it"
                if not graph.conclusions_into[number]
                else "its support rests on a claim that nothing supports"
            )
            return Verdict(
                name, VerdictWord.UNSUPPORTED, label, (), f"`{name}` is unsupported: {because}."
            )
        because = "its support runs in a circle and never reaches a premise"
        return Verdict(name, VerdictWord.CIRCULAR, label, (), f"`{name}` is circular: {because}.")
    attacks, self_defeating = unanswered.of(name)
    objections = tuple(dict.fromkeys(a for attack in attacks for a in attack.attackers))
    written = "; ".join(attack.written for attack in attacks)
    one = len(attacks) == 1
    the = f"the objection {written}" if one else f"the objections {written}"
    if labels[number] == UNDEC_CODE:
        word = VerdictWord.UNDECIDED
        why = f"{the} {'is' if one else 'are'} neither answered nor standing (a cycle of attacks)"
    elif stands[number]:
        word = VerdictWord.CONTESTED
        why = f"its support stands, and so {'does' if one else 'do'} {the}"
    else:
        word = VerdictWord.DEFEATED
        why = f"its support falls to {the}"
    if self_defeating:
        explanation = f"`{name}` is {word.value} and defeats itself: it attacks what its own " \
            f"support rests on ({written})."
    else:
        explanation = f"`{name}` is {word.value}: {why}."
    return Verdict(name, word, label, objections, explanation, tuple(attacks), self_defeating)


def support_stands(graph: IndexedMap, labels: Sequence[int]) -> list[bool]:
    """Whether each node has a line of support that stands, objections to statements aside.

    The least fixed point of: an IN node stands; a statement that needs no support stands;
    a statement stands when one of its inferences does; an inference stands when all its
    premises stand and no IN statement undercuts it. Rebuttals (attacks on statements) are
    left out on purpose: they contest a statement, they do not take its support away.
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    count = len(labels)
    undercut = [False] * count
    for node in compress(range(count), (label == IN_CODE for label in labels)):
        for edge in range(offsets[node], offsets[node + 1]):
            target = targets[edge]
            if codes[edge] == ATTACK and not graph.statement[target]:
                undercut[target] = True
    missing = graph.reasons_into.copy()
    stands = [
        label == IN_CODE or (is_statement and not wanting)
        for label, is_statement, wanting in zip(
            labels, graph.statement, graph.wanting, strict=True
        )
    ]
    work = list(compress(range(count), stands))
    while work:
        node = work.pop()
        for edge in range(offsets[node], offsets[node + 1]):
            target, code = targets[edge], codes[edge]
            if stands[target]:
                continue
            if code == PREMISE:
                missing[target] -= 1
                if missing[target] or undercut[target]:
                    continue
            elif code != CONCLUSION:
                continue
            stands[target] = True
            work.append(target)
    return stands


def _explained_by_missing_support(graph: IndexedMap, grounded: Sequence[bool]) -> list[bool]:
    """Whether each ungrounded node is so for want of support, not because of a circle.

    The least fixed point of: a statement that needs support and has no inference; an
    inference with such a premise; a statement all of whose inferences are such.
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    count = len(grounded)
    inferences_left = graph.conclusions_into.copy()
    explained = [
        graph.wanting[node] and not inferences_left[node] and not grounded[node]
        for node in range(count)
    ]
    work = list(compress(range(count), explained))
    while work:
        node = work.pop()
        for edge in range(offsets[node], offsets[node + 1]):
            target, code = targets[edge], codes[edge]
            if explained[target] or grounded[target]:
                continue
            if code == CONCLUSION:
                inferences_left[target] -= 1
                if inferences_left[target]:
                    continue
            elif code != PREMISE:
                continue
            explained[target] = True
            work.append(target)
    return explained


_ObjectionKey = tuple[str, ...] | frozenset[str]


class _Unanswered:
    """The attacks not OUT on each node and on the grounded, not-IN part of its support.

    What is IN needs no answer and what is ungrounded is another verdict, so the search goes
    down through grounded nodes that are not IN only. Each node's list is made once, from
    its children's lists (children first; a node with no attack of its own and one child
    shares the child's list), so a long chain of statements that all fall to one objection
    costs a step per node, not per node and level; only nodes on a support cycle are
    searched breadth-first, stopping at nodes already known. A contradiction met from both
    of its ends is listed once.
    """

    def __init__(
        self,
        amap: ArgumentMap,
        graph: IndexedMap,
        labels: Sequence[int],
        grounded: Sequence[bool],
    ) -> None:
        self.amap, self.index, self.labels, self.grounded = amap, graph.index, labels, grounded
        self.lists: dict[str, list[Objection]] = {}
        self.children: dict[str, list[str]] = {}

    def of(self, node: str) -> tuple[list[Objection], bool]:
        """The node's list, and whether it attacks what its own support rests on."""
        if node not in self.lists:
            self._compute(node)
        return self.lists[node], self._self_defeating(node)

    def _self_defeating(self, start: str) -> bool:
        """Whether an attack of `start`'s that is not OUT aims at `start` or at a node of
        its grounded, not-IN support: a search only for statements that attack something."""
        amap, index, labels = self.amap, self.index, self.labels
        aims = set()
        for target, edge in amap.graph.succ[start].items():
            if edge["kind"] in ATTACK_EDGE_KINDS:
                attacker = start
            elif edge["kind"] == ATTACKER_EDGE:
                attacker, target = target, amap.target_of(target)
            else:
                continue
            if labels[index[attacker]] != OUT_CODE:
                aims.add(target)
        if not aims:
            return False
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            if node in aims:
                return True
            for child in self.children[node]:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return False

    def _below(self, node: str) -> list[str]:
        amap, index = self.amap, self.index
        below = amap.inferences_for(node) if amap.is_statement(node) else amap.premises_of(node)
        return [
            source for source in below
            if self.grounded[index[source]] and self.labels[index[source]] != IN_CODE
        ]

    def _own(self, node: str) -> list[Objection]:
        amap, index, labels = self.amap, self.index, self.labels
        own = []
        for attacker in amap.attackers_of(node):
            if labels[index[attacker]] == OUT_CODE:
                continue
            contradiction = amap.graph.edges[attacker, node]["kind"] == CONTRADICTS_EDGE
            operator = "><" if contradiction else "-|"
            own.append(
                Objection(amap.attacker_written(attacker), node, operator, amap.written(node))
            )
        return own

    def _compute(self, start: str) -> None:
        children, lists = self.children, self.lists
        found: list[str] = []  # the part of the map below `start` not yet known
        stack = [start]
        while stack:
            node = stack.pop()
            if node not in children:
                children[node] = self._below(node)
                found.append(node)
                stack += [child for child in children[node] if child not in children]
        waiting = {
            node: sum(1 for child in children[node] if child not in lists) for node in found
        }
        parents: dict[str, list[str]] = {}
        for node in waiting:
            for child in children[node]:
                parents.setdefault(child, []).append(node)
        ready = [node for node, count in waiting.items() if not count]
        while ready:
            node = ready.pop()
            lists[node] = _merged(self._own(node), [lists[c] for c in children[node]])
            for parent in parents.get(node, ()):
                waiting[parent] -= 1
                if not waiting[parent]:
                    ready.append(parent)
        for node in waiting:  # on or above a support cycle
            if node not in lists:
                lists[node] = self._search(node)

    def _search(self, start: str) -> list[Objection]:
        seen, queue = {start}, deque([start])
        parts: list[list[Objection]] = []
        while queue:
            node = queue.popleft()
            known = self.lists.get(node) if node != start else None
            if known is not None:
                parts.append(known)
                continue
            parts.append(self._own(node))
            for child in self.children[node]:
                if child not in seen:
                    seen.add(child)
                    queue.append(child)
        return _merged([], parts)


def _merged(own: list[Objection], parts: list[list[Objection]]) -> list[Objection]:
    """`own` then each of `parts`, each objection once (a contradiction once either way)."""
    if not own and len(parts) == 1:
        return parts[0]
    merged: list[Objection] = []
    keys: set[_ObjectionKey] = set()
    for objection in chain(own, *parts):
        key = _key(objection)
        if key not in keys:
            keys.add(key)
            merged.append(objection)
    return merged


def _key(objection: Objection) -> _ObjectionKey:
    if objection.operator == "><":
        return frozenset((objection.attacker, objection.target))
    return (objection.attacker, objection.target)


@dataclass(frozen=True)
class Answer:
    """An objection to a statement or step an accepted verdict rests on, and what answers it."""

    objection: Objection
    answers: tuple[Objection, ...]
    """The standing attacks on the objection (on its attacker, or on the attack itself)."""

    @property
    def written(self) -> str:
        """`durable` -| `breakup`, answered by `limit` -| `durable`."""
        if not self.answers:  # OUT because its own support falls (an undercut, a premise)
            return f"{self.objection.written}, whose support falls"
        answers = "; ".join(answer.written for answer in self.answers)
        return f"{self.objection.written}, answered by {answers}"


def answered_objections(
    amap: ArgumentMap, graph: IndexedMap, labels: Sequence[int], number: int
) -> list[Answer]:
    """The objections that an IN statement's support meets and that are answered (OUT),
    each with its answers: what a reader should see first of why it stands
    (reinstatement). A breadth-first search down the IN support, each node once."""
    index = graph.index
    start = graph.names[number]
    if labels[number] != IN_CODE:
        return []
    seen, queue = {start}, deque([start])
    found: list[Answer] = []
    pairs: set[frozenset[str]] = set()
    while queue:
        node = queue.popleft()
        for attacker in amap.attackers_of(node):
            if labels[index[attacker]] != OUT_CODE:
                continue
            source = amap.attacker_written(attacker)
            contradiction = amap.graph.edges[attacker, node]["kind"] == CONTRADICTS_EDGE
            if contradiction:
                pair = frozenset((source, node))
                if pair in pairs:
                    continue
                pairs.add(pair)
            objection = Objection(source, node, "><" if contradiction else "-|",
                                  amap.written(node))
            answers = tuple(
                Objection(amap.attacker_written(answer), target, "-|", amap.written(target))
                for target in dict.fromkeys((*amap.attack_sources(attacker), attacker))
                for answer in amap.attackers_of(target)
                if labels[index[answer]] == IN_CODE
            )
            found.append(Answer(objection, answers))
        below = amap.inferences_for(node) if amap.is_statement(node) else amap.premises_of(node)
        for source in below:
            if labels[index[source]] == IN_CODE and source not in seen:
                seen.add(source)
                queue.append(source)
    return found
