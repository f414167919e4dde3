"""AIF JSON (AIFdb, OVA, arguebuf): import and export of the propositional layer of a nodeset.

A nodeset comes plain, wrapped as OVA3/xAIF saves it (`{"AIF": ..., "OVA": ..., "text": ...}`)
or as arguebuf's JSON (see `aif_forms`). I-nodes are statements, RA-nodes inferences (all
premises of one RA linked; the scheme is the warrant, and two RA-nodes between the same
statements are two named arguments), CA-nodes attacks (on an I-node a rebuttal, on an RA an
undercut; two I-nodes that attack each other are a contradiction), MA-nodes (rephrase)
supports whose warrant is `rephrase` (`rephrase: SCHEME` for a scheme other than the
default; one argmap does not know as a rephrase is a counted warning). The dialogue layer
(L, TA, YA nodes, locutions, participants) and preference (PA) nodes are dropped with a count.
Kinds are derived: a supported I-node is a claim, one that supports or attacks nothing
further a conclusion; the rest are premises.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.convert.aif_forms import OVA3, PLAIN, unwrap, wrap_ova3
from argmap.convert.ids import IdMaker, slug
from argmap.convert.losses import Losses, statement_losses
from argmap.convert.sources import LineIndex, load_json
from argmap.errors import ConvertError, Span
from argmap.model import (
    ATTACK,
    ATTACK_EDGE,
    ATTACKER_EDGE,
    CLAIM,
    CONCLUSION,
    CONTRADICTS_EDGE,
    PREMISE,
    PREMISE_EDGE,
    ArgumentMap,
)

DEFAULT_INFERENCE = "Default Inference"
DEFAULT_CONFLICT = "Default Conflict"
DEFAULT_REPHRASE = "Default Rephrase"
REPHRASE = "rephrase"
"""The warrant of a support that stands for an MA-node (a rephrase)."""
REPHRASE_SCHEMES = frozenset({
    "default rephrase", "rephrase", "paraphrase", "restatement", "reformulation",
    "specialisation", "specialization", "generalisation", "generalization", "instantiation",
    "exemplification",
})
"""MA schemes that are rephrases as argmap reads them (the default and its kinds);
any other (OVA's `Evaluation`, say) is read as one with a counted warning."""
PROPOSITIONAL = frozenset({"I", "RA", "CA", "MA"})
DIALOGUE = frozenset({"L", "TA", "YA"})
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')


@dataclass
class _Nodeset:
    """The propositional part of a nodeset, with every node's line in the file."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    into: dict[str, list[str]] = field(default_factory=dict)
    out_of: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    inferences: dict[str, str] = field(default_factory=dict)
    """RA- or MA-node -> the key of the (first) inference made of it."""


def read_aif(text: str, path: str, losses: Losses) -> ArgumentMap:
    """An ArgumentMap from AIF JSON text (plain, OVA3 or arguebuf); malformed input raises a
    located ConvertError. OVA3's `text` and arguebuf's resources become `document_text`."""
    unwrapped = unwrap(load_json(text, path), path, losses)
    nodeset = _nodeset(unwrapped.nodeset, text, path, losses)
    amap = ArgumentMap(path=Path(path))
    amap.document_text = unwrapped.text
    ids = _statements(amap, nodeset, path, unwrapped.nodeset.get("quotes") or {})
    _inferences(amap, nodeset, ids, path, losses)
    made: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for node_id in _targets_first(nodeset):
        _conflict(amap, nodeset, node_id, ids, path, losses, made)
    _mutual_attacks_as_contradictions(amap)
    _derive_kinds(amap)
    major = unwrapped.nodeset.get("majorClaim")
    if major is not None and str(major) in ids:
        amap.graph.nodes[ids[str(major)]]["kind"] = CONCLUSION
    return amap


def _mutual_attacks_as_contradictions(amap: ArgumentMap) -> None:
    """Two statements that attack each other contradict each other (`a >< b`), whether
    either attack has a node of its own (it is undercut) or not; a linked objection is no
    contradiction."""
    graph = amap.graph
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, data in graph.edges(data=True):
        if data["kind"] == ATTACK_EDGE and amap.is_statement(target):
            sources = amap.attack_sources(source)
            if len(sources) == 1:
                edges[(sources[0], target)] = data
    for (source, target), data in edges.items():
        reverse = edges.get((target, source))
        if source != target and reverse is not None:
            data["kind"] = reverse["kind"] = CONTRADICTS_EDGE


def _nodeset(data: dict[str, Any], text: str, path: str, losses: Losses) -> _Nodeset:
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
    _dropped(data, dropped, dropped_edges, losses)
    return nodeset


def _dropped(data: dict[str, Any], kinds: dict[str, int], edges: int, losses: Losses) -> None:
    """Count what the propositional layer leaves: the dialogue layer, preferences, and node
    types AIF does not define."""
    dialogue = {kind: count for kind, count in kinds.items() if kind in DIALOGUE}
    extras = [_count(len(data[member]), member) for member in ("locutions", "participants")
              if isinstance(data.get(member), list) and data[member]]
    if dialogue or extras:
        listed = ", ".join(f"{count} {kind}" for kind, count in sorted(dialogue.items()))
        parts = [f"{listed} nodes" if listed else "", *extras, f"{edges} edges"]
        losses.add("the dialogue layer was dropped: " + ", ".join(p for p in parts if p))
    elif edges:
        losses.add("edges to or from dropped nodes were dropped", count=edges)
    if kinds.get("PA"):
        losses.add("preference (PA) nodes are not carried by argmap: dropped", count=kinds["PA"])
    for kind, count in sorted(kinds.items()):
        if kind not in DIALOGUE and kind != "PA":
            losses.add(f"nodes of type `{kind}`, which AIF does not define, were dropped",
                       count=count)
    filled = [member for member in ("descriptorfulfillments", "cqdescriptorfulfillments")
              if isinstance(data.get(member), list) and data[member]]
    for member in filled:
        losses.add(f"`{member}` (the roles of premises in their scheme) are not carried by "
                   "argmap", count=len(data[member]))


def _count(number: int, plural: str) -> str:
    return f"{number} {plural if number != 1 else plural[:-1]}"


def _node_lines(text: str) -> dict[str, int]:
    index = LineIndex(text)
    lines: dict[str, int] = {}
    for match in _NODE_ID.finditer(text):
        lines.setdefault(match.group(1), index.line(match.start()))
    return lines


def _span(nodeset: _Nodeset, node_id: str, path: str) -> Span:
    line = nodeset.lines.get(node_id, 1)
    return Span(path, line, 1, line, 2)


def _statements(
    amap: ArgumentMap, nodeset: _Nodeset, path: str, quotes: dict[str, str]
) -> dict[str, str]:
    maker = IdMaker()
    ids: dict[str, str] = {}
    for node_id, node in nodeset.nodes.items():
        if node["type"] != "I":
            continue
        text = " ".join(node["text"].split()) or f"(statement {node_id})"
        ids[node_id] = maker.make(text)
        quote = quotes.get(node_id)
        amap.add_statement(ids[node_id], PREMISE, text, span=_span(nodeset, node_id, path),
                           quotes=[quote] if quote else ())
    return ids


def _inferences(
    amap: ArgumentMap, nodeset: _Nodeset, ids: dict[str, str], path: str, losses: Losses
) -> None:
    """An inference per RA- or MA-node and conclusion; where two nodes join the same
    statements, each is a named argument (the language's way to say two arguments)."""
    steps: list[tuple[str, list[str], str, str | None]] = []
    for node_id, node in nodeset.nodes.items():
        if node["type"] not in ("RA", "MA"):
            continue
        line = nodeset.lines.get(node_id)
        premises = _statement_ends(nodeset, nodeset.into.get(node_id, ()), ids, losses, line)
        conclusions = _statement_ends(nodeset, nodeset.out_of.get(node_id, ()), ids, losses,
                                      line)
        if not premises or not conclusions:
            losses.add(f"an {node['type']}-node without premise or conclusion was dropped", line)
            continue
        warrant = _rephrase(node, losses, line) if node["type"] == "MA" else _warrant(node)
        steps.extend((node_id, premises, conclusion, warrant) for conclusion in conclusions)
    shared = Counter((frozenset(premises), conclusion) for _, premises, conclusion, _ in steps)
    names = IdMaker(set(ids.values()))
    for node_id, premises, conclusion, warrant in steps:
        name = None
        if shared[(frozenset(premises), conclusion)] > 1:
            name = names.make(warrant or "inference", "inference")
        key = amap.add_inference(premises, conclusion, span=_span(nodeset, node_id, path),
                                 warrant=warrant, name=name)
        nodeset.inferences.setdefault(node_id, key)


def _scheme(node: dict[str, Any], default: str) -> str | None:
    """The node's scheme: its `scheme`, else its text, whichever is not the default."""
    for value in (node.get("scheme"), node.get("text")):
        text = " ".join(str(value or "").split())
        if text and text != default:
            return text
    return None


def _warrant(node: dict[str, Any]) -> str | None:
    return _scheme(node, DEFAULT_INFERENCE)


def _rephrase(node: dict[str, Any], losses: Losses, line: int | None) -> str:
    scheme = _scheme(node, DEFAULT_REPHRASE)
    if scheme is None:
        return REPHRASE
    if scheme.lower() not in REPHRASE_SCHEMES:
        losses.add(f"MA-nodes of scheme `{scheme}`, which argmap does not know as a kind of "
                   f"rephrase, were read as rephrases (warrant `{REPHRASE}: {scheme}`)", line)
    return f"{REPHRASE}: {scheme}"


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
    losses: Losses, made: dict[str, list[tuple[tuple[str, ...], str]]],
) -> None:
    """A CA-node: an attack from its premises (several: a linked objection, `a + b -| c`)
    on each of its targets."""
    line = nodeset.lines.get(node_id)
    attackers = list(dict.fromkeys(
        ids[end] for end in nodeset.into.get(node_id, ()) if end in ids))
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
            node_targets = [_attack_target(nodeset, target, ids)]
        if not node_targets or None in node_targets:
            losses.add("an attack on something that is not a statement, inference or attack "
                       "was dropped", line)
            continue
        for node_target in node_targets:
            assert node_target is not None
            if len(attackers) > 1:
                if amap.find_attack(attackers, node_target) is not None:
                    losses.add("a repeated attack was merged with the first", line)
                elif any(amap.graph.get_edge_data(a, node_target, {}).get("kind")
                         in (PREMISE_EDGE, ATTACKER_EDGE) for a in attackers):
                    losses.add("a linked attack by a premise of what it attacks was dropped",
                               line)
                else:
                    amap.add_attack_node(attackers, node_target, span=span)
                    made[node_id].append((tuple(attackers), node_target))
                continue
            attacker = attackers[0]
            if amap.graph.has_edge(attacker, node_target):
                losses.add("a repeated attack was merged with the first", line)
            else:
                amap.add_attack(attacker, node_target, span=span)
                made[node_id].append(((attacker,), node_target))


def _attack_node(amap: ArgumentMap, attackers: tuple[str, ...], target: str) -> str | None:
    """The node of the attack `attackers -| target`, made if it has none yet (a linked
    objection has one from the start)."""
    found = amap.find_attack(attackers, target)
    if found is None and len(attackers) == 1 and amap.graph.has_edge(attackers[0], target):
        found = amap.undercut_attack(attackers[0], target)
    return found


def _attack_target(nodeset: _Nodeset, target: str, ids: dict[str, str]) -> str | None:
    if target in ids:
        return ids[target]
    return nodeset.inferences.get(target)


def _derive_kinds(amap: ArgumentMap) -> None:
    for statement, data in list(amap.statements()):
        data["kind"] = _kind_on_import(amap, statement)


# -- export -----------------------------------------------------------------------------------


def write_aif(amap: ArgumentMap, losses: Losses) -> str:
    """The map as a plain AIF JSON nodeset (nodes, edges, locutions), ending in one newline."""
    return _dumps(_written_nodeset(amap, losses, PLAIN))


def write_ova3(amap: ArgumentMap, losses: Losses) -> str:
    """The map as OVA3 saves a nodeset: `AIF`, the analysed text (`text`, from the map's
    @document) and OVA's layout; ending in one newline."""
    nodeset = _written_nodeset(amap, losses, OVA3)
    return _dumps(wrap_ova3(nodeset, _document_text(amap, losses)))


def _dumps(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _written_nodeset(amap: ArgumentMap, losses: Losses, form: str) -> dict[str, Any]:
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
        kind, scheme = _scheme_node(data.get("warrant"))
        number = node(inference, kind, scheme, scheme=scheme)
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
        for attacker in amap.attack_sources(source):  # a linked objection: its premises
            edge(numbers[attacker], numbers[key])
        edge(numbers[key], numbers[target])
    _report_losses(amap, losses, form)
    return {"nodes": nodes, "edges": edges, "locutions": []}


def _scheme_node(warrant: str | None) -> tuple[str, str]:
    """The type and scheme of the node an inference is written as: `rephrase` is an MA-node
    (`rephrase: S` one of scheme S), any other warrant the scheme of an RA-node. The scheme
    is both the node's `text` and its `scheme`, as OVA writes them."""
    if warrant == REPHRASE:
        return "MA", DEFAULT_REPHRASE
    if warrant is not None and warrant.startswith(f"{REPHRASE}:"):
        return "MA", warrant[len(REPHRASE) + 1:].strip() or DEFAULT_REPHRASE
    return "RA", warrant or DEFAULT_INFERENCE


def _document_text(amap: ArgumentMap, losses: Losses) -> str | None:
    """The analysed text: the one the map was converted with, else its @document's."""
    if amap.document_text is not None or amap.document is None:
        return amap.document_text
    from argmap.convert.sources import decode
    from argmap.fileio import DOCUMENT_SIZE_LIMIT, read_limited

    try:
        return decode(read_limited(amap.document, DOCUMENT_SIZE_LIMIT, "a document"),
                      str(amap.document))
    except (OSError, ConvertError):
        losses.add(f"the @document `{amap.document}` could not be read; OVA's `text` is empty")
        return None


def _report_losses(amap: ArgumentMap, losses: Losses, form: str) -> None:
    for statement, data in amap.statements():
        if data["kind"] != _kind_on_import(amap, statement):
            losses.add("statement kinds that AIF cannot carry (an assumption, or a kind the "
                       "import would not derive) are lost", data["span"].line)
    statement_losses(amap, losses, "AIF", ("tags", "quotes", "notes", "sections",
                                           "attribution", "implicit"))
    named = sum(1 for _, data in amap.inferences()
                if data.get("name") and not _made_name(data["name"], data.get("warrant")))
    named += sum(1 for _, data in amap.attack_nodes() if data.get("name"))
    if named:
        losses.add("argument names (named inferences and attacks) are not carried by AIF",
                   count=named)
    if amap.title:
        losses.add("the map's title is not carried by AIF")
    if form == PLAIN and (amap.document is not None or amap.document_text is not None):
        losses.add("the analysed text (@document) is not carried by a plain nodeset; "
                   "`--aif-form ova3` keeps it as OVA's `text`")


def _made_name(name: str, warrant: str | None) -> bool:
    """Whether `name` is one the import makes for two RA-nodes between the same statements
    (the scheme's slug, numbered): AIF holds what it stands for, two nodes."""
    return re.sub(r"_\d+$", "", name) == slug(warrant or "inference", "inference")


def _kind_on_import(amap: ArgumentMap, statement: str) -> str:
    if not amap.inferences_for(statement):
        return PREMISE
    return CLAIM if amap.inferences_from(statement) or amap.attacked_by(statement) else CONCLUSION
