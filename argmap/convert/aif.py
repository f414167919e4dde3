"""AIF JSON (AIFdb, OVA): import and export of the propositional layer of a nodeset.

I-nodes are statements, RA-nodes inferences (all premises of one RA linked), CA-nodes attacks
(on an I-node a rebuttal, on an RA an undercut; two I-nodes that attack each other are a
contradiction), MA-nodes (rephrase) supports whose warrant is `rephrase`. The dialogue layer
(L, TA, YA and other locution nodes) is dropped with a count. Kinds are derived: a supported
I-node is a claim, one that supports or attacks nothing further a conclusion; the rest are
premises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.convert.ids import IdMaker
from argmap.convert.losses import Losses, statement_losses
from argmap.convert.sources import LineIndex, load_json
from argmap.errors import ConvertError, Span
from argmap.model import (
    ATTACK,
    ATTACK_EDGE,
    CLAIM,
    CONCLUSION,
    CONTRADICTS_EDGE,
    PREMISE,
    ArgumentMap,
)

DEFAULT_INFERENCE = "Default Inference"
DEFAULT_CONFLICT = "Default Conflict"
DEFAULT_REPHRASE = "Default Rephrase"
REPHRASE = "rephrase"
"""The warrant of a support that stands for an MA-node (a rephrase)."""
PROPOSITIONAL = frozenset({"I", "RA", "CA", "MA"})
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')


@dataclass
class _Nodeset:
    """The propositional part of a nodeset, with every node's line in the file."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    into: dict[str, list[str]] = field(default_factory=dict)
    out_of: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def read_aif(text: str, path: str, losses: Losses) -> ArgumentMap:
    """An ArgumentMap from AIF JSON text; malformed input raises a located ConvertError."""
    data = load_json(text, path)
    nodeset = _nodeset(data, text, path, losses)
    amap = ArgumentMap(path=Path(path))
    ids = _statements(amap, nodeset, path)
    for node_id, node in nodeset.nodes.items():
        if node["type"] in ("RA", "MA"):
            _inference(amap, nodeset, node_id, ids, path, losses)
    made: dict[str, list[tuple[str, str]]] = {}
    for node_id in _targets_first(nodeset):
        _conflict(amap, nodeset, node_id, ids, path, losses, made)
    _mutual_attacks_as_contradictions(amap)
    _derive_kinds(amap)
    return amap


def _mutual_attacks_as_contradictions(amap: ArgumentMap) -> None:
    """Two statements that attack each other contradict each other (`a >< b`), whether
    either attack has a node of its own (it is undercut) or not."""
    graph = amap.graph
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, data in graph.edges(data=True):
        if data["kind"] == ATTACK_EDGE and amap.is_statement(target):
            edges[(amap.attack_source(source), target)] = data
    for (source, target), data in edges.items():
        reverse = edges.get((target, source))
        if source != target and reverse is not None:
            data["kind"] = reverse["kind"] = CONTRADICTS_EDGE


def _nodeset(data: Any, text: str, path: str, losses: Losses) -> _Nodeset:
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise ConvertError("not an AIF nodeset: expected an object with a `nodes` list", path, 1, 1)
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise ConvertError("not an AIF nodeset: `edges` is not a list", path, 1, 1)
    nodeset = _Nodeset(lines=_node_lines(text))
    dropped: dict[str, int] = {}
    for index, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "nodeID" not in node or "type" not in node:
            raise ConvertError(f"node {index + 1} has no `nodeID` or `type`", path, 1, 1)
        node_id, kind = str(node["nodeID"]), str(node["type"])
        if kind not in PROPOSITIONAL:
            dropped[kind] = dropped.get(kind, 0) + 1
            continue
        if node_id in nodeset.nodes:
            raise ConvertError(f"node `{node_id}` is defined twice", path,
                               nodeset.lines.get(node_id, 1), 1)
        nodeset.nodes[node_id] = {**node, "type": kind, "text": str(node.get("text") or "")}
    dropped_edges = 0
    for edge in edges:
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            raise ConvertError("an edge has no `fromID` or `toID`", path, 1, 1)
        source, target = str(edge["fromID"]), str(edge["toID"])
        if source in nodeset.nodes and target in nodeset.nodes:
            nodeset.out_of.setdefault(source, []).append(target)
            nodeset.into.setdefault(target, []).append(source)
        else:
            dropped_edges += 1
    if dropped:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(dropped.items()))
        losses.add(f"the dialogue layer was dropped: {kinds} nodes and {dropped_edges} edges")
    return nodeset


def _node_lines(text: str) -> dict[str, int]:
    index = LineIndex(text)
    lines: dict[str, int] = {}
    for match in _NODE_ID.finditer(text):
        lines.setdefault(match.group(1), index.line(match.start()))
    return lines


def _span(nodeset: _Nodeset, node_id: str, path: str) -> Span:
    line = nodeset.lines.get(node_id, 1)
    return Span(path, line, 1, line, 2)


def _statements(amap: ArgumentMap, nodeset: _Nodeset, path: str) -> dict[str, str]:
    maker = IdMaker()
    ids: dict[str, str] = {}
    for node_id, node in nodeset.nodes.items():
        if node["type"] != "I":
            continue
        text = " ".join(node["text"].split()) or f"(statement {node_id})"
        ids[node_id] = maker.make(text)
        amap.add_statement(ids[node_id], PREMISE, text, span=_span(nodeset, node_id, path))
    return ids


def _inference(
    amap: ArgumentMap, nodeset: _Nodeset, node_id: str, ids: dict[str, str], path: str,
    losses: Losses,
) -> None:
    node = nodeset.nodes[node_id]
    line = nodeset.lines.get(node_id)
    premises = _statement_ends(nodeset, nodeset.into.get(node_id, ()), ids, losses, line)
    conclusions = _statement_ends(nodeset, nodeset.out_of.get(node_id, ()), ids, losses, line)
    if not premises or not conclusions:
        losses.add(f"an {node['type']}-node without premise or conclusion was dropped", line)
        return
    warrant = REPHRASE if node["type"] == "MA" else _warrant(node)
    for conclusion in conclusions:
        if amap.find_inference(premises, conclusion) is not None:
            losses.add("a repeated inference was merged with the first", line)
        else:
            amap.add_inference(premises, conclusion, span=_span(nodeset, node_id, path),
                               warrant=warrant)


def _warrant(node: dict[str, Any]) -> str | None:
    text = " ".join(str(node.get("text") or "").split())
    return None if text in ("", DEFAULT_INFERENCE) else text


def _statement_ends(
    nodeset: _Nodeset, ends: Iterable[str], ids: dict[str, str], losses: Losses,
    line: int | None,
) -> list[str]:
    """The statements at the ends of an inference's edges (a CA-node there is an undercut)."""
    found: dict[str, None] = {}  # a dict keeps the order and finds repeats at once
    for end in ends:
        if end in ids:
            found[ids[end]] = None
        elif nodeset.nodes[end]["type"] != "CA":
            losses.add("an edge between two scheme nodes (support of an inference) was dropped",
                       line)
    return list(found)


def _targets_first(nodeset: _Nodeset) -> list[str]:
    """The CA-nodes, each after the CA-nodes it attacks (an attack on an attack needs its
    target made first): an iterative depth-first post-order; a cycle is cut where met."""
    cas = [node_id for node_id, node in nodeset.nodes.items() if node["type"] == "CA"]
    order: list[str] = []
    state: dict[str, int] = {}
    for start in cas:
        if start in state:
            continue
        stack = [(start, iter(nodeset.out_of.get(start, ())))]
        state[start] = 1
        while stack:
            node_id, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                state[node_id] = 2
                order.append(node_id)
            elif target not in state and nodeset.nodes[target]["type"] == "CA":
                state[target] = 1
                stack.append((target, iter(nodeset.out_of.get(target, ()))))
    return order


def _conflict(
    amap: ArgumentMap, nodeset: _Nodeset, node_id: str, ids: dict[str, str], path: str,
    losses: Losses, made: dict[str, list[tuple[str, str]]],
) -> None:
    line = nodeset.lines.get(node_id)
    attackers = [ids[end] for end in nodeset.into.get(node_id, ()) if end in ids]
    targets = nodeset.out_of.get(node_id, [])
    if not attackers or not targets:
        losses.add("a CA-node without attacker or target was dropped", line)
        return
    span = _span(nodeset, node_id, path)
    made[node_id] = []
    for target in targets:
        if nodeset.nodes[target]["type"] == "CA":
            node_targets = [_attack_node(amap, *attack) for attack in made.get(target, ())]
        else:
            node_targets = [_attack_target(amap, nodeset, target, ids)]
        if not node_targets or None in node_targets:
            losses.add("an attack on something that is not a statement, inference or attack "
                       "was dropped", line)
            continue
        for node_target in node_targets:
            assert node_target is not None
            for attacker in attackers:
                if amap.graph.has_edge(attacker, node_target):
                    losses.add("a repeated attack was merged with the first", line)
                else:
                    amap.add_attack(attacker, node_target, span=span)
                    made[node_id].append((attacker, node_target))


def _attack_node(amap: ArgumentMap, attacker: str, target: str) -> str | None:
    """The node of the attack `attacker -| target`, made if it has none yet."""
    found = amap.find_attack(attacker, target)
    if found is None and amap.graph.has_edge(attacker, target):
        found = amap.undercut_attack(attacker, target)
    return found


def _attack_target(
    amap: ArgumentMap, nodeset: _Nodeset, target: str, ids: dict[str, str]
) -> str | None:
    if target in ids:
        return ids[target]
    if nodeset.nodes[target]["type"] in ("RA", "MA"):
        premises = [ids[end] for end in nodeset.into.get(target, ()) if end in ids]
        for conclusion in nodeset.out_of.get(target, ()):
            if conclusion in ids:
                return amap.find_inference(premises, ids[conclusion])
    return None


def _derive_kinds(amap: ArgumentMap) -> None:
    for statement, data in list(amap.statements()):
        data["kind"] = _kind_on_import(amap, statement)


# -- export -----------------------------------------------------------------------------------


def write_aif(amap: ArgumentMap, losses: Losses) -> str:
    """The map as an AIF JSON nodeset (nodes, edges, locutions), ending in one newline."""
    import json

    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    numbers: dict[str, str] = {}

    def node(key: str, kind: str, text: str, **extra: str) -> str:
        number = str(len(nodes) + 1)
        nodes.append({"nodeID": number, "text": text, "type": kind, "timestamp": "", **extra})
        numbers[key] = number
        return number

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target,
                      "formEdgeID": None})

    for statement, data in amap.statements():
        node(statement, "I", str(data.get("text") or statement))
    for inference, data in amap.inferences():
        warrant = data.get("warrant")
        if warrant == REPHRASE:
            number = node(inference, "MA", DEFAULT_REPHRASE, scheme=DEFAULT_REPHRASE)
        else:
            number = node(inference, "RA", warrant or DEFAULT_INFERENCE, scheme=DEFAULT_INFERENCE)
        for premise in amap.premises_of(inference):
            edge(numbers[premise], number)
        edge(number, numbers[amap.conclusion_of(inference)])
    # Every attack (an undercut attack's node included) is a CA-node; made first, then
    # joined, since an attack on an attack needs its target's number.
    attacks = [
        (source if amap.kind(source) == ATTACK else f"{source}->{target}", source, target)
        for source, target, kind in amap.graph.edges(data="kind")
        if kind in (ATTACK_EDGE, CONTRADICTS_EDGE)
    ]
    for key, _, _ in attacks:
        node(key, "CA", DEFAULT_CONFLICT, scheme=DEFAULT_CONFLICT)
    for key, source, target in attacks:
        edge(numbers[amap.attack_source(source)], numbers[key])
        edge(numbers[key], numbers[target])
    _report_losses(amap, losses)
    document = {"nodes": nodes, "edges": edges, "locutions": []}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _report_losses(amap: ArgumentMap, losses: Losses) -> None:
    for statement, data in amap.statements():
        if data["kind"] != _kind_on_import(amap, statement):
            losses.add("statement kinds that AIF cannot carry (an assumption, or a kind the "
                       "import would not derive) are lost", data["span"].line)
    statement_losses(amap, losses, "AIF", ("tags", "quotes", "notes", "sections",
                                           "attribution", "implicit"))
    named = sum(1 for _, data in amap.inferences() if data.get("name"))
    if named:
        losses.add("argument names (named inferences) are not carried by AIF", count=named)
    if amap.title:
        losses.add("the map's title is not carried by AIF")


def _kind_on_import(amap: ArgumentMap, statement: str) -> str:
    if not amap.inferences_for(statement):
        return PREMISE
    return CLAIM if amap.inferences_from(statement) or amap.attacked_by(statement) else CONCLUSION
