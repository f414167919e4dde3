"""The full text behind each drawn node: what a reader sees on hovering (the SVG `<title>`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap.model import ATTACK, STATEMENT_KINDS, ArgumentMap
from argmap.render.dot import node_svg_id
from argmap.render.quoting import clean
from argmap.render.style import Annotations, section_numbers

ATTRIBUTE_ORDER = ("by", "implicit", "note", "source", "url", "confidence")


def tooltips(amap: ArgumentMap, nodes: set[str], notes: Annotations) -> dict[str, str]:
    """A multi-line tooltip for every drawn statement and inference, keyed by node, and
    the title of every section, keyed by its cluster's id (`section-<n>`)."""
    result: dict[str, str] = {}
    for node, data in amap.graph.nodes(data=True):
        if node not in nodes:
            continue
        if data["kind"] in STATEMENT_KINDS:
            lines = _statement(node, data)
        elif data["kind"] == ATTACK:
            lines = [f"attack {amap.written(node)}"]
        else:
            lines = _inference(amap, node, data)
        if notes.labels is not None:
            lines.append(f"acceptability: {notes.labels[node]}")
            if node in notes.verdicts:
                lines.append(f"verdict: {notes.verdicts[node]}")
        if notes.cruxes.get(node):
            lines.append("crux of: " + ", ".join(notes.cruxes[node]))
        lines.extend(notes.findings.get(node, ()))
        # One line per field: line breaks inside a field (maps built in code) become spaces.
        result[node_svg_id(node, data)] = "\n".join(clean(line) for line in lines)
    numbers = section_numbers(amap) if notes.sections is None else notes.sections
    for title, index in numbers.items():
        result[f"section-{index}"] = title
    return result


def _statement(node: str, data: Mapping[str, Any]) -> list[str]:
    lines = [f"{node} ({data['kind']}): {data['text']}"]
    lines.extend(f"“{quote}”" for quote in data["quotes"])
    if data["tags"]:
        lines.append(" ".join(f"#{tag}" for tag in data["tags"]))
    attributes = data["attributes"]
    lines.extend(f"{key}: {attributes[key]}" for key in ATTRIBUTE_ORDER if key in attributes)
    return lines


def _inference(amap: ArgumentMap, node: str, data: Mapping[str, Any]) -> list[str]:
    premises = " + ".join(amap.premises_of(node))
    lines = [f"{node}: {premises} -> {amap.conclusion_of(node)}"]
    if data.get("warrant"):
        lines.append(f"warrant: {data['warrant']}")
    if data.get("tags"):
        lines.append(" ".join(f"#{tag}" for tag in data["tags"]))
    attributes = data.get("attributes", {})
    lines.extend(f"{key}: {attributes[key]}" for key in ATTRIBUTE_ORDER if key in attributes)
    return lines
