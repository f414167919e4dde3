"""What changed between two versions of a map: statements, relations and verdicts.

Statements are matched by ID; relations by what they say, whatever their layout or order
(`a + b -> c` is `b + a -> c`, `p >< q` is `q >< p`, an inference is the same whether it
is named or not); verdicts are those of every conclusion and claim of either map. For
each verdict that changed, the changes that can reach it are its reasons: those in its
cone (the statements and relations from which a path of support or attack leads to it, in
either version) that can change a label (not a text, a quote or `@implicit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from argmap.analysis.labels import Semantics
from argmap.analysis.verdicts import verdicts
from argmap.model import (
    ATTACK,
    CONTRADICTS_EDGE,
    INFERENCE,
    ArgumentMap,
)

Value = str | float | bool | tuple[str, ...] | None
"""What a changed field holds in either map (None: absent)."""


class Status(str, Enum):
    """How a statement, relation or verdict differs between the two maps."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


MARKS = {Status.ADDED: "+", Status.REMOVED: "-", Status.CHANGED: "~"}
"""The mark of each status at the start of a line, as in a unified diff."""

STATEMENT_FIELDS = ("kind", "text", "by", "implicit", "confidence", "quotes")
"""What is compared of a statement, in the order changes are listed."""
LABEL_FIELDS = frozenset({"kind", "by", "confidence"})
"""The statement fields that can change a verdict (a text, a quote or `@implicit` cannot)."""
INFERENCE_FIELDS = ("name", "warrant", "confidence")
"""What is compared of an inference besides its premises and conclusion."""

SUPPORT, ATTACK_RELATION, CONTRADICTION = "support", "attack", "contradiction"


@dataclass(frozen=True)
class Change:
    """One field of a statement or an inference, in the old map and in the new."""

    field: str
    old: Value
    new: Value

    def describe(self) -> str:
        """A few words: `kind premise → claim`, `@implicit added`, `text`, `quotes`."""
        if self.field in ("text", "quotes"):
            return self.field
        name = self.field if self.field == "kind" else f"@{self.field}"
        if isinstance(self.old, bool) or isinstance(self.new, bool):
            return f"{name} {'added' if self.new else 'removed'}"
        return f"{name} {_shown(self.old)} → {_shown(self.new)}"


def _shown(value: Value) -> str:
    return "(none)" if value is None else str(value)


@dataclass(frozen=True)
class StatementDiff:
    """A statement added, removed or changed: its kind and text (the new ones, or the old
    when removed) and, when changed, each field that differs."""

    statement: str
    status: Status
    kind: str
    text: str
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class RelationDiff:
    """A relation added, removed or changed, as the map writes it (`a + b -> c`,
    `argument name: a -> c`, `x -| c`, `y -| (x -| c)`, `p >< q`); a changed one is an
    inference whose name, warrant or `@confidence` differs. `key` is the relation as both
    maps match it (premises sorted, a contradiction's statements in order of their IDs)."""

    relation: str
    status: Status
    kind: str
    key: str
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class VerdictDiff:
    """The verdict of a conclusion or claim: changed (of a statement of both maps; None: no
    verdict in that map, as the statement is a premise or an assumption there), and why:
    the explanation of its new verdict and the changes in its cone (`added \\`x -| c\\``);
    or the verdict of a statement added or removed (with its explanation, no `because`)."""

    statement: str
    status: Status
    old: str | None
    new: str | None
    old_label: str | None
    new_label: str | None
    explanation: str
    because: tuple[str, ...]


@dataclass(frozen=True)
class MapDiff:
    """Everything that differs between two maps, each part in the order of the maps."""

    statements: tuple[StatementDiff, ...]
    relations: tuple[RelationDiff, ...]
    verdicts: tuple[VerdictDiff, ...]

    @property
    def same(self) -> bool:
        """Whether the maps are the same argument (layout, comments and order aside)."""
        return not (self.statements or self.relations or self.verdicts)


@dataclass(frozen=True)
class _Relation:
    """A relation of one map: how it is matched, written, and where it acts (`targets`:
    the nodes whose cone it is in when one of them is)."""

    key: str
    kind: str
    written: str
    targets: tuple[str, ...]
    details: dict[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class _Verdict:
    word: str
    label: str
    explanation: str


def diff_maps(
    old: ArgumentMap, new: ArgumentMap, semantics: str = Semantics.WELL_FOUNDED
) -> MapDiff:
    """What differs between `old` and `new`: statements, relations and verdicts (under
    `semantics`, see `argmap.analysis.labels.Semantics`)."""
    statements = tuple(_statement_diffs(old, new))
    old_relations, new_relations = _relations(old), _relations(new)
    relations = tuple(_relation_diffs(old_relations, new_relations))
    verdicts = tuple(
        _verdict_diffs(old, new, statements, relations, old_relations, new_relations,
                       semantics)
    )
    return MapDiff(statements, relations, verdicts)


# -- statements ---------------------------------------------------------------------------


def _fields(data: dict[str, Any]) -> dict[str, Value]:
    attributes = data["attributes"]
    confidence = attributes.get("confidence")
    return {
        "kind": data["kind"],
        "text": _words(data["text"]),
        "by": attributes.get("by"),
        "implicit": bool(attributes.get("implicit")),
        "confidence": None if confidence is None else float(confidence),
        "quotes": tuple(_words(quote) for quote in data["quotes"]),
    }


def _words(text: str) -> str:
    """`text` with its runs of white space as single spaces: a re-wrapped line is the same."""
    return " ".join(text.split())


def _statement_diffs(old: ArgumentMap, new: ArgumentMap) -> Iterator[StatementDiff]:
    old_statements = dict(old.statements())
    new_statements = dict(new.statements())
    for statement, data in old_statements.items():
        if statement not in new_statements:
            yield StatementDiff(statement, Status.REMOVED, data["kind"], data["text"])
    for statement, data in new_statements.items():
        before = old_statements.get(statement)
        if before is None:
            yield StatementDiff(statement, Status.ADDED, data["kind"], data["text"])
            continue
        old_fields, new_fields = _fields(before), _fields(data)
        changes = tuple(
            Change(name, old_fields[name], new_fields[name])
            for name in STATEMENT_FIELDS
            if _differ(old_fields[name], new_fields[name])
        )
        if changes:
            yield StatementDiff(statement, Status.CHANGED, data["kind"], data["text"], changes)


def _differ(old: Value, new: Value) -> bool:
    if isinstance(old, tuple) and isinstance(new, tuple):  # quotes: their order aside
        return sorted(old) != sorted(new)
    return old != new


# -- relations ----------------------------------------------------------------------------


def _relations(amap: ArgumentMap) -> dict[str, _Relation]:
    """Every relation of the map by its key, in the order the map writes them."""
    found: list[tuple[tuple[int, int, int], _Relation]] = []
    files = {name: index for index, name in enumerate(amap.files)}
    steps = _step_keys(amap)
    for node, data in amap.inferences():
        found.append((_position(data["span"], files), _inference(amap, node, data, steps)))
    for attacker, target, kind, data in amap.relations():
        if kind == CONTRADICTS_EDGE:
            if not _first_way(amap, attacker, target):
                continue
            relation = _Relation(
                f"{min(attacker, target)} >< {max(attacker, target)}",
                CONTRADICTION,
                f"{attacker} >< {target}",
                (attacker, target),
            )
        else:
            written = f"{attacker} -| {amap.written(target)}"
            linked = " + ".join(sorted(attacker.split(" + ")))  # in any order, as written
            key = f"{linked} -| {_canonical(amap, target, steps)}"
            relation = _Relation(key, ATTACK_RELATION, written, (target,))
        found.append((_position(data["span"], files), relation))
    found.sort(key=lambda pair: pair[0])
    return {relation.key: relation for _, relation in found}


def _position(span: Any, files: dict[str, int]) -> tuple[int, int, int]:
    return (files.get(span.file, len(files)), span.line, span.column)


def _first_way(amap: ArgumentMap, first: str, second: str) -> bool:
    """Whether `first >< second` is the way a contradiction is listed (once, not twice): the
    statement defined first stands first."""
    nodes = amap.graph.nodes
    one, other = nodes[first]["span"], nodes[second]["span"]
    return (one.file, one.line, one.column, first) <= (other.file, other.line, other.column,
                                                         second)


def _step_keys(amap: ArgumentMap) -> dict[str, str]:
    """Each inference's key: its premises (sorted) and conclusion, whatever its node's key
    or name; the second of two named arguments with the same step is `a -> c #2`."""
    keys: dict[str, str] = {}
    seen: dict[str, int] = {}
    for node, _ in amap.inferences():
        step = f"{' + '.join(sorted(amap.premises_of(node)))} -> {amap.conclusion_of(node)}"
        seen[step] = seen.get(step, 0) + 1
        keys[node] = step if seen[step] == 1 else f"{step} #{seen[step]}"
    return keys


def _inference(
    amap: ArgumentMap, node: str, data: dict[str, Any], steps: dict[str, str]
) -> _Relation:
    premises, conclusion = amap.premises_of(node), amap.conclusion_of(node)
    support = f"{' + '.join(premises)} -> {conclusion}"
    name = data.get("name")
    confidence = (data.get("attributes") or {}).get("confidence")
    details: dict[str, Value] = {
        "name": name,
        "warrant": _words(data["warrant"]) if data.get("warrant") else None,
        "confidence": None if confidence is None else float(confidence),
    }
    return _Relation(
        steps[node],
        SUPPORT,
        f"argument {name}: {support}" if name else support,
        (node,),
        details,
    )


def _canonical(amap: ArgumentMap, node: str, steps: dict[str, str]) -> str:
    """`node` as a key that is the same in both maps: an inference by its step's key (see
    `_step_keys`), an attack's node by its attacker and target. A loop, not recursion:
    undercuts may nest deeply."""
    attackers: list[str] = []
    while amap.kind(node) == ATTACK:
        attackers.append(" + ".join(sorted(amap.attackers_of_attack(node))))
        node = amap.target_of(node)
    text = f"({steps[node]})" if amap.kind(node) == INFERENCE else node
    for attacker in reversed(attackers):
        text = f"({attacker} -| {text})"
    return text


def _relation_diffs(
    old: dict[str, _Relation], new: dict[str, _Relation]
) -> Iterator[RelationDiff]:
    for key, relation in old.items():
        if key not in new:
            yield RelationDiff(relation.written, Status.REMOVED, relation.kind, key)
    for key, relation in new.items():
        before = old.get(key)
        if before is None:
            yield RelationDiff(relation.written, Status.ADDED, relation.kind, key)
            continue
        changes = tuple(
            Change(name, before.details[name], relation.details[name])
            for name in INFERENCE_FIELDS
            if name in relation.details and before.details[name] != relation.details[name]
        )
        if changes:
            yield RelationDiff(relation.written, Status.CHANGED, relation.kind, key, changes)


# -- verdicts -----------------------------------------------------------------------------


def _verdicts(amap: ArgumentMap, semantics: str) -> dict[str, _Verdict]:
    """The verdict of every conclusion and claim of the map."""
    found = verdicts(amap, semantics=semantics)
    return {
        statement: _Verdict(verdict.word.value, verdict.label.value, verdict.explanation)
        for statement, verdict in found.items()
    }


def _verdict_diffs(
    old: ArgumentMap,
    new: ArgumentMap,
    statements: tuple[StatementDiff, ...],
    relations: tuple[RelationDiff, ...],
    old_relations: dict[str, _Relation],
    new_relations: dict[str, _Relation],
    semantics: str,
) -> Iterator[VerdictDiff]:
    old_verdicts, new_verdicts = _verdicts(old, semantics), _verdicts(new, semantics)
    old_ids = {sid for sid, _ in old.statements()}
    new_ids = {sid for sid, _ in new.statements()}
    for statement, verdict in old_verdicts.items():
        if statement not in new_ids:
            yield VerdictDiff(statement, Status.REMOVED, verdict.word, None, verdict.label,
                              None, verdict.explanation, ())
    changed: list[tuple[str, Status, _Verdict | None, _Verdict | None]] = []
    for statement, _ in new.statements():
        before, after = old_verdicts.get(statement), new_verdicts.get(statement)
        if statement not in old_ids:
            if after is not None:
                changed.append((statement, Status.ADDED, before, after))
        elif (before.word if before else None) != (after.word if after else None):
            changed.append((statement, Status.CHANGED, before, after))
    reasons = _Reasons(old, new, statements, relations, old_relations, new_relations).of(
        [statement for statement, status, _, _ in changed if status is Status.CHANGED])
    for statement, status, before, after in changed:
        yield VerdictDiff(
            statement,
            status,
            before.word if before else None,
            after.word if after else None,
            before.label if before else None,
            after.label if after else None,
            after.explanation if after else "",
            tuple(reasons.get(statement, ())),
        )


class _Reasons:
    """The changes that can move a label, each with the nodes (of its own map) through
    which it acts, to be matched against a statement's cone in either map."""

    def __init__(
        self,
        old: ArgumentMap,
        new: ArgumentMap,
        statements: Iterable[StatementDiff],
        relations: Iterable[RelationDiff],
        old_relations: dict[str, _Relation],
        new_relations: dict[str, _Relation],
    ) -> None:
        self.old, self.new = old, new
        # (words, nodes in the old map, nodes in the new map)
        self.changes: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
        for diff in statements:
            # A statement added or removed acts only through its relations, listed too.
            moving = [change for change in diff.changes if change.field in LABEL_FIELDS]
            if moving:
                words = f"`{diff.statement}`: " + ", ".join(c.describe() for c in moving)
                self.changes.append((words, (diff.statement,), (diff.statement,)))
        for relation in relations:
            before = old_relations.get(relation.key)
            after = new_relations.get(relation.key)
            if relation.status is Status.CHANGED:
                moving = [c for c in relation.changes if c.field == "confidence"]
                if not moving:
                    continue
                words = f"`{relation.relation}`: " + ", ".join(c.describe() for c in moving)
            else:
                words = f"{relation.status.value} `{relation.relation}`"
            self.changes.append((words, before.targets if before else (),
                                 after.targets if after else ()))

    def of(self, statements: list[str]) -> dict[str, list[str]]:
        """The changes in the cone of each of `statements`, in either map, in order. From
        each change forwards, or from each statement backwards, whichever is fewer walks:
        a change at the root of a deep map can move thousands of verdicts."""
        found: dict[str, list[str]] = {statement: [] for statement in statements}
        if len(self.changes) < len(statements):
            for words, old_nodes, new_nodes in self.changes:
                reached = _reachable(self.old.graph.succ, old_nodes)
                reached |= _reachable(self.new.graph.succ, new_nodes)
                for statement in reached.intersection(found):
                    found[statement].append(words)
            return found
        for statement in statements:
            old_cone = _reachable(self.old.graph.pred, (statement,))
            new_cone = _reachable(self.new.graph.pred, (statement,))
            found[statement] = [
                words for words, old_nodes, new_nodes in self.changes
                if old_cone.intersection(old_nodes) or new_cone.intersection(new_nodes)
            ]
        return found


def _reachable(neighbours: Any, starts: Iterable[str]) -> set[str]:
    """`starts` (those in the graph) and every node reached from them through `neighbours`
    (a graph's `succ` or `pred`): a statement's cone is what reaches it backwards."""
    seen = {node for node in starts if node in neighbours}
    work = list(seen)
    while work:
        for other in neighbours[work.pop()]:
            if other not in seen:
                seen.add(other)
                work.append(other)
    return seen
