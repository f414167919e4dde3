"""arggraph XML export: the map's text (its @document, one EDU a line) as the EDUs where the
statements quote it, else one EDU per statement; one ADU per statement, one edge per relation
(a linked support's or objection's other premises `add`ed); topic and stance from the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from argmap.convert.arggraph import DETAIL, EXAMPLE, TITLE
from argmap.convert.losses import Losses, statement_losses
from argmap.convert.xmltext import report_unsafe, xml_safe
from argmap.errors import ConvertError
from argmap.model import (
    ATTACK,
    ATTACK_EDGE_KINDS,
    ATTACKER_EDGE,
    CONTRADICTS_EDGE,
    ArgumentMap,
)

STANCES = ("pro", "con", "unclear")


@dataclass
class _Edus:
    """The EDUs an export writes (text, implicit) and each statement's, by position."""

    texts: list[tuple[str, bool]] = field(default_factory=list)
    of: dict[str, list[int]] = field(default_factory=dict)


def write_graph(amap: ArgumentMap, losses: Losses) -> str:
    """The map as arggraph XML: the @document's lines as EDUs where the statements quote
    them (else one EDU per statement), one ADU per statement, one edge per relation."""
    root = ElementTree.Element("arggraph", _root_attributes(amap, losses))
    statements = list(amap.statements())
    lines = _document_lines(amap, losses)
    edus = _edus(statements, lines, losses)
    for number, (text, implicit) in enumerate(edus.texts, start=1):
        edu = ElementTree.SubElement(root, "edu", id=f"e{number}")
        if implicit:
            edu.set("implicit", "true")
        edu.text = text
    edges: list[tuple[str, str, str]] = []
    adus: dict[str, str] = {}
    for number, (statement, _) in enumerate(statements, start=1):
        adus[statement] = f"a{number}"
        positions = edus.of[statement]
        if len(positions) > 1:  # EDUs taken together: through a joint, as the DTD says
            joint = f"j{len(adus)}"
            ElementTree.SubElement(root, "joint", id=joint)
            edges.extend((f"e{position + 1}", joint, "seg") for position in positions)
            edges.append((joint, adus[statement], "seg"))
        else:
            edges.extend((f"e{position + 1}", adus[statement], "seg") for position in positions)
    for statement, data in statements:
        role = "opp" if (data.get("attributes") or {}).get("by") else "pro"
        ElementTree.SubElement(root, "adu", id=adus[statement], type=role)
    _argumentative_edges(amap, adus, edges)
    for number, (source, target, kind) in enumerate(edges, start=1):
        ElementTree.SubElement(root, "edge", id=f"c{number}", src=source, trg=target, type=kind)
    _export_losses(amap, losses, quotes=lines is None)
    report_unsafe(amap, losses, lambda data: [data.get("text"), *(data.get("quotes") or ())])
    ElementTree.indent(root)
    return xml_safe(ElementTree.tostring(root, encoding="unicode", xml_declaration=True)) + "\n"


def _root_attributes(amap: ArgumentMap, losses: Losses) -> dict[str, str]:
    """`id`, `topic_id` and `stance` from the title as the import writes it."""
    title = amap.title or ""
    attributes = {"id": title}
    match = TITLE.fullmatch(title)
    details = [DETAIL.fullmatch(part) for part in match["details"].split(", ")] if match else []
    if match and all(details):
        attributes["id"] = match["id"]
        for detail in details:
            assert detail is not None  # all(details) above; for mypy
            key = "stance" if detail[1] == "stance" else "topic_id"
            attributes[key] = detail[2]
    if not re.fullmatch(r"[A-Za-z_][\w.-]*", attributes["id"]):
        if title:
            losses.add("the map's title is not carried by arggraph (its id is a name such as "
                       "`micro_b001`, then topic and stance: `micro_b001 (topic waste, "
                       "stance pro)`)")
        return {"id": "argmap"}
    if attributes.get("stance", "pro") not in STANCES:
        losses.add("a stance other than pro, con or unclear is not carried by arggraph")
        del attributes["stance"]
    return attributes


def _document_lines(amap: ArgumentMap, losses: Losses) -> list[str] | None:
    """The analysed text's lines (whitespace as in quotes) when every quote of the map is
    one of them: the text as the import writes it, one EDU a line; else None."""
    text = amap.document_text
    if text is None and amap.document is not None:
        from argmap.convert.sources import decode
        from argmap.fileio import DOCUMENT_SIZE_LIMIT, read_limited

        try:
            text = decode(read_limited(amap.document, DOCUMENT_SIZE_LIMIT, "a document"),
                          str(amap.document))
        except (OSError, ConvertError):
            losses.add(f"the @document `{amap.document}` could not be read; each statement "
                       "is one EDU")
            return None
    if text is None:
        return None
    lines = [_plain(line) for line in text.splitlines() if line.strip()]
    quotes = [_plain(quote) for _, data in amap.statements() for quote in data["quotes"]]
    if quotes and set(quotes) <= set(lines):
        return lines
    losses.add("the analysed text (@document) is not carried by arggraph unless each quote is "
               "one of its lines (one EDU a line, as the import writes it)")
    return None


def _plain(text: str) -> str:
    return " ".join(text.split())


def _edus(
    statements: list[tuple[str, dict[str, Any]]], lines: list[str] | None, losses: Losses
) -> _Edus:
    """The document's lines first, each statement's quotes taken from them in order; a
    statement without quotes (or every statement, without such a document) is an EDU of
    its own, `implicit` where the statement is."""
    edus = _Edus([(line, False) for line in lines or ()])
    free: dict[str, list[int]] = {}
    for position in reversed(range(len(edus.texts))):
        free.setdefault(edus.texts[position][0], []).append(position)
    for statement, data in statements:
        quotes = [_plain(quote) for quote in data["quotes"]] if lines is not None else []
        implicit = bool((data.get("attributes") or {}).get("implicit"))
        line = data["span"].line if data.get("span") is not None else None
        if not quotes:
            edus.texts.append((str(data.get("text") or statement), implicit))
            edus.of[statement] = [len(edus.texts) - 1]
            continue
        # Repeated text: each quote takes the next line of it not yet taken.
        edus.of[statement] = [
            free[quote].pop() if len(free[quote]) > 1 else free[quote][0] for quote in quotes
        ]
        if " ".join(quotes) != _plain(str(data.get("text") or "")):
            losses.add("statement texts other than their quotes joined are not carried by "
                       "arggraph (an ADU's text is its EDUs')", line)
        if implicit:
            losses.add("implicit marks on quoted statements are not carried by arggraph (an "
                       "EDU of the text is not implicit)", line)
    return edus


def _argumentative_edges(
    amap: ArgumentMap, adus: dict[str, str], edges: list[tuple[str, str, str]]
) -> None:
    """One `sup`/`exa` per inference (its other premises `add`ed), one `reb` per attack on
    a statement and one `und` per attack on a step or an attack (its other attackers
    `add`ed), each undercut after the edge it targets."""
    edge_of: dict[str, str] = {}
    """inference or attack node -> the id of the edge that stands for it"""

    def edge(sources: list[str], target: str, kind: str) -> str:
        edges.append((adus[sources[0]], target, kind))
        main = f"c{len(edges)}"
        edges.extend((adus[source], main, "add") for source in sources[1:])
        return main

    for inference, data in amap.inferences():
        kind = "exa" if data.get("warrant") == EXAMPLE else "sup"
        target = adus[amap.conclusion_of(inference)]
        edge_of[inference] = edge(amap.premises_of(inference), target, kind)
    graph = amap.graph
    pending = [(source, target) for source, target, kind in graph.edges(data="kind")
               if kind in ATTACK_EDGE_KINDS]
    while pending:  # an undercut needs the id of the edge it targets: targets first
        later = []
        for source, target in pending:
            attackers = _attackers(amap, source)
            if amap.is_statement(target):
                identifier = edge(attackers, adus[target], "reb")
            elif target in edge_of:
                identifier = edge(attackers, edge_of[target], "und")
            else:
                later.append((source, target))
                continue
            if graph.nodes[source]["kind"] == ATTACK:
                edge_of[source] = identifier
        if len(later) == len(pending):
            break
        pending = later


def _attackers(amap: ArgumentMap, source: str) -> list[str]:
    """The statements of an attacking node: itself, or an attack node's attackers."""
    if amap.graph.nodes[source]["kind"] != ATTACK:
        return [source]
    return [attacker for attacker, data in amap.graph.pred[source].items()
            if data["kind"] == ATTACKER_EDGE]


def _export_losses(amap: ArgumentMap, losses: Losses, quotes: bool) -> None:
    warrants = sum(1 for _, data in amap.inferences()
                   if data.get("warrant") not in (None, EXAMPLE))
    if warrants:
        losses.add("warrants are not carried by arggraph (but `example`)", count=warrants)
    named = sum(1 for _, data in amap.graph.nodes(data="name") if data)
    if named:
        losses.add("names of arguments and objections are not carried by arggraph (nor their "
                   "tags and notes)", count=named)
    lost = ("tags", "notes", "sections", "assumptions")
    statement_losses(amap, losses, "arggraph", ("quotes", *lost) if quotes else lost)
    contradictions = sum(1 for _, _, kind in amap.graph.edges(data="kind")
                         if kind == CONTRADICTS_EDGE)
    if contradictions:
        losses.add("a contradiction is written as two rebuttals", count=contradictions // 2)
