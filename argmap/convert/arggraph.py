"""arggraph XML (the argumentative microtexts corpus): import and export.

Import: an ADU is a statement whose text is its EDUs' text joined (through a joint where
there is one) and whose quotes are those EDUs; the text, one EDU a line, is the map's
`@document` (EDUs in no ADU included, with a warning); an `implicit` EDU is no part of the
text, and an ADU made of such EDUs is `@implicit`. The central claim (the ADU with no
outgoing argumentative edge) is the conclusion, supported or not; an opponent (`opp`) ADU
is attributed to the opponent; other ADUs are premises or claims by whether they are
supported. Each edge is one relation: `sup` a support, `exa` a support whose warrant is
`example`, `add` a further premise linked into the support it points at, `reb` an attack,
`und` an undercut of whatever it targets (a support, an attack or another undercut; on an
`add` edge, the support or objection it is part of, with a warning). An `add` on an attack
(`reb` or `und`) makes it a linked objection, `a + b -| c`. `topic_id` and `stance` go into the
title. XML is read with defusedxml: entity expansion and external entities are refused.
Export is in `arggraph_export`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from argmap.convert.ids import IdMaker
from argmap.convert.losses import Losses
from argmap.convert.sources import LineIndex
from argmap.errors import ConvertError, Span
from argmap.model import (
    CLAIM,
    CONCLUSION,
    PREMISE,
    ArgumentMap,
)

EXAMPLE = "example"
"""The warrant of a support that stands for an `exa` edge (support by example)."""
OPPONENT = "opponent"
"""Who an opponent ADU (`type="opp"`) is attributed to (`@by opponent`)."""
ARGUMENTATIVE = ("sup", "exa", "add", "reb", "und")
KNOWN = {"arggraph": {"id", "topic_id", "stance"}, "edu": {"id", "implicit"},
         "joint": {"id"}, "adu": {"id", "type"}, "edge": {"id", "src", "trg", "type"}}
"""The elements and attributes of the DTD (and `implicit`, of the corpus's second part)."""
_ID_ATTRIBUTE = re.compile(r'\bid\s*=\s*["\']([^"\']+)["\']')
TITLE = re.compile(r"(?P<id>.*?) \((?P<details>[^()]*)\)")
"""A title as the import writes it, `micro_b001 (topic waste_separation, stance pro)`."""
DETAIL = re.compile(r"(topic|stance) (\S+)")
"""One of the details in a title's brackets."""
UNSEGMENTED = "EDUs in no ADU are kept in the @document only (one EDU a line), in no statement"
UND_ON_ADD = ("an `und` on an `add` edge undercuts the whole linked support (argmap undercuts "
              "a step, not one premise's part in it)")
UND_ON_LINKED = ("an `und` on an `add` edge of an attack undercuts the whole linked objection "
                 "(argmap undercuts an attack, not one premise's part in it)")


@dataclass
class _Graph:
    edus: dict[str, str] = field(default_factory=dict)
    implicit: set[str] = field(default_factory=set)
    adus: dict[str, str] = field(default_factory=dict)  # id -> pro/opp
    joints: set[str] = field(default_factory=set)
    edges: dict[str, dict[str, str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def read_arggraph(text: str, path: str, losses: Losses) -> ArgumentMap:
    """An ArgumentMap from arggraph XML; malformed input raises a located ConvertError."""
    root = _parse_xml(text, path)
    graph = _graph(root, text, path, losses)
    amap = ArgumentMap(path=Path(path))
    amap.title = _title(root)
    segments = _segments(graph)
    amap.document_text = _document(graph, segments, losses)
    statements = _statements(amap, graph, segments, path, losses)
    _relations(amap, graph, statements, path, losses)
    _kinds(amap, graph, statements)
    return amap


def _title(root: Any) -> str | None:
    """The graph's id, with its topic and the author's stance: `micro_b001 (topic
    waste_separation, stance pro)`; export reads them back."""
    title = root.get("id")
    details = [f"{name} {root.get(key)}" for name, key in (("topic", "topic_id"),
                                                             ("stance", "stance"))
               if root.get(key)]
    if details:
        return f"{title or ''} ({', '.join(details)})".lstrip()
    return title or None


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


def _graph(root: Any, text: str, path: str, losses: Losses) -> _Graph:
    if root.tag != "arggraph":
        raise ConvertError(f"not an arggraph: the root element is <{root.tag}>", path, 1, 1)
    graph = _Graph()
    index = LineIndex(text)
    for match in _ID_ATTRIBUTE.finditer(text):
        graph.lines.setdefault(match.group(1), index.line(match.start()))
    _unknown(root, None, losses)
    for element in root:
        identifier = element.get("id")
        if element.tag in ("edu", "joint", "adu", "edge") and not identifier:
            raise ConvertError(f"an <{element.tag}> has no id", path, 1, 1)
        _unknown(element, graph.lines.get(identifier or ""), losses)
        if element.tag == "edu":
            graph.edus[identifier] = " ".join("".join(element.itertext()).split())
            if element.get("implicit", "").lower() == "true":
                graph.implicit.add(identifier)
        elif element.tag == "joint":
            graph.joints.add(identifier)
        elif element.tag == "adu":
            graph.adus[identifier] = element.get("type", "pro")
            if graph.adus[identifier] not in ("pro", "opp"):
                losses.add("ADU types other than `pro` and `opp` are read as `pro`",
                           graph.lines.get(identifier))
        elif element.tag == "edge":
            edge = {key: element.get(key, "") for key in ("src", "trg", "type")}
            graph.edges[identifier] = edge
    for identifier, edge in graph.edges.items():
        _check_edge(graph, identifier, edge, path)
    return graph


def _unknown(element: Any, line: int | None, losses: Losses) -> None:
    """Count what the DTD does not have: an element or attribute argmap does not read,
    elements inside one (an EDU's text is kept)."""
    known = KNOWN.get(element.tag)
    if known is None:
        losses.add(f"<{element.tag}> elements are not read (the DTD has no such element)", line)
        return
    for name in element.attrib:
        if name not in known:
            losses.add(f"the attribute `{name}` of <{element.tag}> is not read", line)
    if element.tag == "edu" and len(element):
        losses.add("markup inside an <edu> is dropped (its text is kept)", line)
    elif element.tag != "arggraph" and len(element):
        losses.add(f"elements inside an <{element.tag}> are not read", line)


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
        target = graph.edges.get(edge["trg"])
        ends_ok = edge["src"] in graph.adus and target is not None and target["type"] != "seg"
    else:
        raise ConvertError(f"edge `{identifier}` has the unknown type `{kind}`", path, line, 1)
    if not ends_ok:
        message = f"edge `{identifier}` ({kind}) cannot join `{edge['src']}` to `{edge['trg']}`"
        raise ConvertError(message, path, line, 1)


def _span(graph: _Graph, identifier: str, path: str) -> Span:
    line = graph.lines.get(identifier, 1)
    return Span(path, line, 1, line, 2)


def _segments(graph: _Graph) -> dict[str, list[str]]:
    """ADU id -> its EDUs (through joints), in EDU order."""
    sources: dict[str, list[str]] = {}
    for edge in graph.edges.values():
        if edge["type"] == "seg":
            sources.setdefault(edge["trg"], []).append(edge["src"])
    order = {edu: index for index, edu in enumerate(graph.edus)}
    segments: dict[str, list[str]] = {}
    for adu in graph.adus:
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
        segments[adu] = sorted(edus, key=order.__getitem__)
    return segments


def _document(graph: _Graph, segments: dict[str, list[str]], losses: Losses) -> str | None:
    """The text, one EDU a line, implicit EDUs left out (the text does not say them); EDUs
    in no ADU are lines of it too, counted."""
    used = {edu for edus in segments.values() for edu in edus}
    lines: list[str] = []
    for edu, text in graph.edus.items():
        if not text:
            losses.add("empty EDUs are dropped", graph.lines.get(edu))
        elif edu in graph.implicit:
            if edu not in used:
                losses.add("implicit EDUs in no ADU are dropped (the text does not say them)",
                           graph.lines.get(edu))
        else:
            if edu not in used:
                losses.add(UNSEGMENTED, graph.lines.get(edu))
            lines.append(text)
    return "".join(f"{line}\n" for line in lines) if lines else None


def _statements(
    amap: ArgumentMap, graph: _Graph, segments: dict[str, list[str]], path: str,
    losses: Losses,
) -> dict[str, str]:
    """ADU id -> statement ID; the text is the ADU's EDUs, each also a quote of the text."""
    maker = IdMaker()
    ids: dict[str, str] = {}
    for adu, role in graph.adus.items():
        edus = [edu for edu in segments[adu] if graph.edus[edu]]
        text = " ".join(graph.edus[edu] for edu in edus)
        ids[adu] = maker.make(text or adu)
        attributes: dict[str, Any] = {"by": OPPONENT} if role == "opp" else {}
        stated = [graph.edus[edu] for edu in edus if edu not in graph.implicit]
        if edus and not stated:
            attributes["implicit"] = True
        elif len(stated) < len(edus):
            losses.add("an ADU of stated and implicit EDUs is not marked implicit (its quotes "
                       "are the stated ones)", graph.lines.get(adu))
        amap.add_statement(ids[adu], PREMISE, text or f"(ADU {adu})", quotes=stated,
                           span=_span(graph, adu, path), attributes=attributes)
    return ids


def _relations(
    amap: ArgumentMap, graph: _Graph, ids: dict[str, str], path: str, losses: Losses
) -> None:
    """Supports (with their `add` premises) first, then attacks, then undercuts once the
    relation each one targets exists (a queue, so nested undercuts need no recursion)."""
    added: dict[str, list[str]] = {}
    """edge id -> the sources of the `add` edges on it (a linked support or objection)"""
    adds: dict[str, list[str]] = {}
    """edge id -> the `add` edges on it"""
    for identifier in graph.edges:
        if graph.edges[identifier]["type"] == "add":
            base = _base(graph, identifier)
            if graph.edges[base]["type"] != "add":
                added.setdefault(base, []).append(graph.edges[identifier]["src"])
                adds.setdefault(base, []).append(identifier)
    made: dict[str, str] = {}
    """edge id -> the node an undercut of that edge attacks"""
    attacks: dict[str, tuple[str, str]] = {}
    """edge id -> (attacker statement, target node) of an attack"""
    linked: dict[str, str] = {}
    """edge id of a linked objection (or of an `add` on one) -> its attack node"""
    for identifier, edge in graph.edges.items():
        span = _span(graph, identifier, path)
        if edge["type"] in ("sup", "exa"):
            premises = [ids[edge["src"]], *(ids[a] for a in added.get(identifier, ()))]
            warrant = EXAMPLE if edge["type"] == "exa" else None
            made[identifier] = amap.add_inference(
                list(dict.fromkeys(premises)), ids[edge["trg"]], span=span, warrant=warrant
            )
        elif edge["type"] == "reb":
            _attack(amap, identifier, ids[edge["src"]], ids[edge["trg"]], span,
                    [ids[a] for a in added.get(identifier, ())], attacks, linked)
    for identifier, edge in graph.edges.items():
        if edge["type"] == "add" and _base(graph, identifier) in made:
            made[identifier] = made[_base(graph, identifier)]
        elif edge["type"] == "add" and _base(graph, identifier) in linked:
            linked[identifier] = linked[_base(graph, identifier)]
    waiting: dict[str, list[str]] = {}
    ready: list[str] = []
    for identifier, edge in graph.edges.items():
        if edge["type"] == "und":
            target = edge["trg"]
            done = target in made or target in attacks or target in linked
            (ready if done else waiting.setdefault(target, [])).append(identifier)
    while ready:
        identifier = ready.pop()
        edge = graph.edges[identifier]
        span = _span(graph, identifier, path)
        target_edge = edge["trg"]
        attacker = ids[edge["src"]]
        if target_edge in linked:
            if graph.edges[target_edge]["type"] == "add":
                losses.add(UND_ON_LINKED, graph.lines.get(identifier))
            node = linked[target_edge]
        elif target_edge in attacks:
            node = amap.undercut_attack(*attacks[target_edge])
        else:
            if graph.edges[target_edge]["type"] == "add":
                losses.add(UND_ON_ADD, graph.lines.get(identifier))
            node = made[target_edge]
        _attack(amap, identifier, attacker, node, span,
                [ids[a] for a in added.get(identifier, ())], attacks, linked)
        for other in adds.get(identifier, ()) if identifier in linked else ():
            linked[other] = linked[identifier]  # an `und` on one of its `add`s undercuts it
            ready.extend(waiting.pop(other, ()))
        ready.extend(waiting.pop(identifier, ()))
    for target, edges in waiting.items():
        line = graph.lines.get(edges[0], 1)
        raise ConvertError(f"edge `{edges[0]}` targets `{target}`, which is in a cycle of "
                           "undercuts", path, line, 1)
    for identifier, edge in graph.edges.items():
        if edge["type"] == "add" and identifier not in made and identifier not in linked:
            raise ConvertError(f"edge `{identifier}` adds to `{edge['trg']}`, which is in a "
                               "cycle of `add` edges", path, graph.lines.get(identifier, 1), 1)


def _attack(
    amap: ArgumentMap, identifier: str, attacker: str, target: str, span: Span,
    more: list[str], attacks: dict[str, tuple[str, str]], linked: dict[str, str],
) -> None:
    """A `reb` or `und` edge's attack: with `add`ed premises (`more`), a linked objection
    with a node of its own from the start."""
    attackers = list(dict.fromkeys([attacker, *more]))
    if len(attackers) > 1:
        linked[identifier] = amap.add_attack_node(attackers, target, span=span)
    else:
        amap.add_attack(attacker, target, span=span)
        attacks[identifier] = (attacker, target)


def _base(graph: _Graph, identifier: str) -> str:
    """The edge an `add` edge adds to, through `add`s on `add`s (each edge once: a cycle of
    them ends at the edge where it closes)."""
    seen = {identifier}
    while graph.edges[identifier]["type"] == "add":
        identifier = graph.edges[identifier]["trg"]
        if identifier in seen:
            break
        seen.add(identifier)
    return identifier


def _kinds(amap: ArgumentMap, graph: _Graph, ids: dict[str, str]) -> None:
    """The central claim is the conclusion, whether the text supports it or only defends
    it (then `check` says so: a conclusion with no reason); an opponent's ADU is an
    attributed claim; others premises or claims by whether they are supported."""
    outgoing = {edge["src"] for edge in graph.edges.values() if edge["type"] in ARGUMENTATIVE}
    for adu, statement in ids.items():
        data = amap.graph.nodes[statement]
        if adu not in outgoing:
            data["kind"] = CONCLUSION
        elif amap.inferences_for(statement) or graph.adus[adu] == "opp":
            data["kind"] = CLAIM



def write_arggraph(amap: ArgumentMap, losses: Losses) -> str:
    """The map as arggraph XML (`arggraph_export`, which needs this module's names)."""
    from argmap.convert.arggraph_export import write_graph

    return write_graph(amap, losses)
