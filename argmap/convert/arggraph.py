"""arggraph XML (the argumentative microtexts corpus): import and export.

Import: an ADU's text is its EDUs' text joined (through a joint where there is one); the
central claim (the ADU with no outgoing argumentative edge) is the conclusion; an opponent
(`opp`) ADU is attributed to the opponent; other ADUs are premises or claims by whether they
are supported. Each edge is one relation: `sup` a support, `exa` a support whose warrant is
`example`, `add` a further premise linked into the support it points at, `reb` an attack,
`und` an undercut of whatever it targets (a support, an attack or another undercut). An `add`
on an attack (a linked attack, which argmap has not) becomes an attack of its own, with a
warning. XML is read with defusedxml: entity expansion and external entities are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from argmap.convert.ids import IdMaker
from argmap.convert.losses import Losses, statement_losses
from argmap.convert.sources import LineIndex
from argmap.convert.xmltext import report_unsafe, xml_safe
from argmap.errors import ConvertError, Span
from argmap.model import (
    ASSUMPTION,
    CLAIM,
    CONCLUSION,
    CONTRADICTS_EDGE,
    PREMISE,
    ArgumentMap,
)

EXAMPLE = "example"
"""The warrant of a support that stands for an `exa` edge (support by example)."""
OPPONENT = "opponent"
"""Who an opponent ADU (`type="opp"`) is attributed to (`@by opponent`)."""
ARGUMENTATIVE = ("sup", "exa", "add", "reb", "und")
_ID_ATTRIBUTE = re.compile(r'\bid\s*=\s*["\']([^"\']+)["\']')


@dataclass
class _Graph:
    edus: dict[str, str] = field(default_factory=dict)
    adus: dict[str, str] = field(default_factory=dict)  # id -> pro/opp
    joints: set[str] = field(default_factory=set)
    edges: dict[str, dict[str, str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def read_arggraph(text: str, path: str, losses: Losses) -> ArgumentMap:
    """An ArgumentMap from arggraph XML; malformed input raises a located ConvertError."""
    root = _parse_xml(text, path)
    graph = _graph(root, text, path)
    amap = ArgumentMap(path=Path(path))
    title = root.get("id")
    if title:
        topic = root.get("topic_id")
        amap.title = f"{title} ({topic})" if topic else title
    statements = _statements(amap, graph, path)
    _relations(amap, graph, statements, path, losses)
    _kinds(amap, graph, statements)
    return amap


def _parse_xml(text: str, path: str) -> Any:
    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException

    try:
        return SafeTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        raise ConvertError(f"not well-formed XML: {message}", path, line, column + 1) from None
    except DefusedXmlException as error:
        raise ConvertError(f"refused: {type(error).__name__} ({error})", path, 1, 1) from None


def _graph(root: Any, text: str, path: str) -> _Graph:
    if root.tag != "arggraph":
        raise ConvertError(f"not an arggraph: the root element is <{root.tag}>", path, 1, 1)
    graph = _Graph()
    index = LineIndex(text)
    for match in _ID_ATTRIBUTE.finditer(text):
        graph.lines.setdefault(match.group(1), index.line(match.start()))
    for element in root:
        identifier = element.get("id")
        if element.tag in ("edu", "joint", "adu", "edge") and not identifier:
            raise ConvertError(f"an <{element.tag}> has no id", path, 1, 1)
        if element.tag == "edu":
            graph.edus[identifier] = " ".join((element.text or "").split())
        elif element.tag == "joint":
            graph.joints.add(identifier)
        elif element.tag == "adu":
            graph.adus[identifier] = element.get("type", "pro")
        elif element.tag == "edge":
            edge = {key: element.get(key, "") for key in ("src", "trg", "type")}
            graph.edges[identifier] = edge
    for identifier, edge in graph.edges.items():
        _check_edge(graph, identifier, edge, path)
    return graph


def _check_edge(graph: _Graph, identifier: str, edge: dict[str, str], path: str) -> None:
    line = graph.lines.get(identifier, 1)
    kind = edge["type"]
    if kind == "seg":
        ends_ok = (edge["src"] in graph.edus or edge["src"] in graph.joints) and (
            edge["trg"] in graph.adus or edge["trg"] in graph.joints
        )
    elif kind in ("sup", "exa", "reb"):
        ends_ok = edge["src"] in graph.adus and edge["trg"] in graph.adus
    elif kind in ("add", "und"):
        ends_ok = edge["src"] in graph.adus and edge["trg"] in graph.edges
    else:
        raise ConvertError(f"edge `{identifier}` has the unknown type `{kind}`", path, line, 1)
    if not ends_ok:
        message = f"edge `{identifier}` ({kind}) cannot join `{edge['src']}` to `{edge['trg']}`"
        raise ConvertError(message, path, line, 1)


def _span(graph: _Graph, identifier: str, path: str) -> Span:
    line = graph.lines.get(identifier, 1)
    return Span(path, line, 1, line, 2)


def _statements(amap: ArgumentMap, graph: _Graph, path: str) -> dict[str, str]:
    """ADU id -> statement ID; the text is the ADU's EDUs (through joints), in EDU order."""
    sources: dict[str, list[str]] = {}
    for edge in graph.edges.values():
        if edge["type"] == "seg":
            sources.setdefault(edge["trg"], []).append(edge["src"])
    order = {edu: index for index, edu in enumerate(graph.edus)}
    maker = IdMaker()
    ids: dict[str, str] = {}
    for adu, role in graph.adus.items():
        edus: set[str] = set()
        seen: set[str] = set()
        pending = list(sources.get(adu, ()))
        # Through joints, without recursion; each joint once, for joints may form a cycle
        # (which never ended) or diamonds (twice the work at each level).
        while pending:
            node = pending.pop()
            if node in graph.joints:
                if node not in seen:
                    seen.add(node)
                    pending.extend(sources.get(node, ()))
            else:
                edus.add(node)
        text = " ".join(graph.edus[edu] for edu in sorted(edus, key=order.__getitem__))
        ids[adu] = maker.make(text or adu)
        attributes = {"by": OPPONENT} if role == "opp" else None
        amap.add_statement(ids[adu], PREMISE, text or f"(ADU {adu})",
                           span=_span(graph, adu, path), attributes=attributes)
    return ids


def _relations(
    amap: ArgumentMap, graph: _Graph, ids: dict[str, str], path: str, losses: Losses
) -> None:
    """Supports (with their `add` premises) first, then attacks, then undercuts once the
    relation each one targets exists (a queue, so nested undercuts need no recursion)."""
    added: dict[str, list[str]] = {}
    for edge in graph.edges.values():
        if edge["type"] == "add":
            added.setdefault(edge["trg"], []).append(edge["src"])
    made: dict[str, str] = {}
    """edge id -> the node an undercut of that edge attacks"""
    attacks: dict[str, tuple[str, str]] = {}
    """edge id -> (attacker statement, target node) of an attack"""
    for identifier, edge in graph.edges.items():
        span = _span(graph, identifier, path)
        if edge["type"] in ("sup", "exa"):
            premises = [ids[edge["src"]], *(ids[a] for a in added.get(identifier, ()))]
            warrant = EXAMPLE if edge["type"] == "exa" else None
            made[identifier] = amap.add_inference(
                list(dict.fromkeys(premises)), ids[edge["trg"]], span=span, warrant=warrant
            )
        elif edge["type"] == "reb":
            attacks[identifier] = (ids[edge["src"]], ids[edge["trg"]])
            amap.add_attack(ids[edge["src"]], ids[edge["trg"]], span=span)
    waiting: dict[str, list[str]] = {}
    ready: list[str] = []
    for identifier, edge in graph.edges.items():
        if edge["type"] == "und" or (edge["type"] == "add" and _on_attack(graph, edge)):
            target = edge["trg"]
            (ready if target in made or target in attacks else waiting.setdefault(
                target, [])).append(identifier)
    while ready:
        identifier = ready.pop()
        edge = graph.edges[identifier]
        span = _span(graph, identifier, path)
        target_edge = edge["trg"]
        if edge["type"] == "add":
            losses.add("a linked attack (an `add` on an attack) became an attack of its own",
                       graph.lines.get(identifier))
            attacker, node = ids[edge["src"]], attacks[target_edge][1]
        else:
            attacker = ids[edge["src"]]
            if target_edge in attacks:
                node = amap.undercut_attack(*attacks[target_edge])
            else:
                node = made[target_edge]
        amap.add_attack(attacker, node, span=span)
        attacks[identifier] = (attacker, node)
        ready.extend(waiting.pop(identifier, ()))
    for target, edges in waiting.items():
        line = graph.lines.get(edges[0], 1)
        raise ConvertError(f"edge `{edges[0]}` targets `{target}`, which is in a cycle of "
                           "undercuts", path, line, 1)


def _on_attack(graph: _Graph, edge: dict[str, str]) -> bool:
    return graph.edges[edge["trg"]]["type"] in ("reb", "und")


CENTRAL_UNSUPPORTED = (
    "The text's central claim. The text gives no reason for it; it only answers objections."
)


def _kinds(amap: ArgumentMap, graph: _Graph, ids: dict[str, str]) -> None:
    """The central claim is the conclusion (an assumption, with a note saying why, where the
    text gives it no support); an opponent's ADU is an attributed claim; others premises or
    claims by whether they are supported."""
    outgoing = {edge["src"] for edge in graph.edges.values() if edge["type"] in ARGUMENTATIVE}
    for adu, statement in ids.items():
        data = amap.graph.nodes[statement]
        supported = bool(amap.inferences_for(statement))
        if adu not in outgoing:
            data["kind"] = CONCLUSION if supported else ASSUMPTION
            if not supported:
                data["attributes"]["note"] = CENTRAL_UNSUPPORTED
        elif supported or graph.adus[adu] == "opp":
            data["kind"] = CLAIM


# -- export -----------------------------------------------------------------------------------


def write_arggraph(amap: ArgumentMap, losses: Losses) -> str:
    """The map as arggraph XML: one EDU and one ADU per statement, one edge per relation."""
    root = ElementTree.Element("arggraph", id=_graph_id(amap))
    adus: dict[str, str] = {}
    statements = list(amap.statements())
    for number, (statement, data) in enumerate(statements, start=1):
        edu = ElementTree.SubElement(root, "edu", id=f"e{number}")
        edu.text = str(data.get("text") or statement)
    for number, (statement, data) in enumerate(statements, start=1):
        adus[statement] = f"a{number}"
        role = "opp" if (data.get("attributes") or {}).get("by") else "pro"
        ElementTree.SubElement(root, "adu", id=f"a{number}", type=role)
    edges: list[tuple[str, str, str]] = []
    for number in range(1, len(statements) + 1):
        edges.append((f"e{number}", f"a{number}", "seg"))
    edge_of: dict[str, str] = {}
    """inference or attack node -> the id of the edge that stands for it"""

    def edge(source: str, target: str, kind: str) -> str:
        edges.append((source, target, kind))
        return f"c{len(edges)}"

    warrants = 0
    for inference, data in amap.inferences():
        premises = amap.premises_of(inference)
        kind = "exa" if data.get("warrant") == EXAMPLE else "sup"
        warrants += bool(data.get("warrant")) and kind == "sup"
        main = edge(adus[premises[0]], adus[amap.conclusion_of(inference)], kind)
        edge_of[inference] = main
        for premise in premises[1:]:
            edge(adus[premise], main, "add")
    pending = list(amap.relations())
    while pending:  # an undercut needs the id of the edge it targets: targets first
        later = []
        for attacker, target, kind, _ in pending:
            if amap.is_statement(target):
                identifier = edge(adus[attacker], adus[target], "reb")
            elif target in edge_of:
                identifier = edge(adus[attacker], edge_of[target], "und")
            else:
                later.append((attacker, target, kind, None))
                continue
            node = amap.find_attack(attacker, target)
            if node is not None:
                edge_of[node] = identifier
        if len(later) == len(pending):
            break
        pending = later  # type: ignore[assignment]
    for number, (source, target, kind) in enumerate(edges, start=1):
        ElementTree.SubElement(root, "edge", id=f"c{number}", src=source, trg=target, type=kind)
    _export_losses(amap, losses, warrants)
    report_unsafe(amap, losses, lambda data: [data.get("text")])
    ElementTree.indent(root)
    return xml_safe(ElementTree.tostring(root, encoding="unicode", xml_declaration=True)) + "\n"


def _graph_id(amap: ArgumentMap) -> str:
    title = (amap.title or "").split(" (")[0]
    return title if re.fullmatch(r"[A-Za-z_][\w.-]*", title) else "argmap"


def _export_losses(amap: ArgumentMap, losses: Losses, warrants: int) -> None:
    if warrants:
        losses.add("warrants are not carried by arggraph (but `example`)", count=warrants)
    statement_losses(amap, losses, "arggraph", ("quotes", "tags", "notes", "sections",
                                                "assumptions", "implicit"))
    contradictions = sum(1 for _, _, kind, _ in amap.relations() if kind == CONTRADICTS_EDGE)
    if contradictions:
        losses.add("a contradiction is written as two rebuttals", count=contradictions // 2)
