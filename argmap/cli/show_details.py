"""`argmap show --details`: every statement and named inference with all the map says of it,
and what argmap makes of it: its verdict (claims and conclusions) or label, and its
strength (docs/strength.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text

from argmap.analysis.labels import Label, compute_labels
from argmap.analysis.strength import compute_strengths
from argmap.analysis.verdicts import VerdictWord, verdicts
from argmap.model import ArgumentMap
from argmap.visible import visible_line

ATTRIBUTE_ORDER = ("by", "note", "source", "url", "confidence")
INDENT = "    "


def details(amap: ArgumentMap) -> list[Text]:
    """A "Statements" part (each statement: text, tags, verdict or label and strength,
    quotes, attributes, section) and an "Arguments" part (each named inference: its step,
    tags, label and strength, warrant, attributes; each named attack: its attack, tags,
    label and strength, attributes)."""
    parts: list[Text] = []
    statements = list(amap.statements())
    named = [(node, data) for node, data in amap.inferences() if data.get("name")]
    named += [(node, data) for node, data in amap.attack_nodes() if data.get("name")]
    labels = compute_labels(amap)
    strengths = compute_strengths(amap)
    found = verdicts(amap, labels)
    words = {node: verdict.word.value for node, verdict in found.items()}
    if statements:
        parts.append(Text("\nStatements", style="bold"))
        for node, data in statements:
            verdict = found.get(node)
            # Why, where not accepted: the verdict's sentence (the objections it turns on).
            why = (
                verdict.explanation
                if verdict is not None and verdict.word is not VerdictWord.ACCEPTED
                else None
            )
            standing = _standing(labels[node], strengths[node], words.get(node))
            parts.append(_statement(node, data, standing, why))
    if named:
        parts.append(Text("\nArguments", style="bold"))
        parts.extend(
            _argument(amap, node, data, _standing(labels[node], strengths[node]))
            for node, data in named
        )
    return parts


def _standing(label: Label, strength: float, word: str | None = None) -> str:
    """What the map makes of a node: its verdict (a claim's or a conclusion's) with its
    label, or its label alone, then its strength, two decimals."""
    if word is not None:
        return f"verdict: {word} ({label.value}), strength {strength:.2f}"
    return f"label: {label.value}, strength {strength:.2f}"


def _statement(
    node: str, data: Mapping[str, Any], standing: str, why: str | None = None
) -> Text:
    text = Text(data["kind"], style="bold")
    text.append(f" {visible_line(node)}: {visible_line(data['text'])}")
    _tags(text, data.get("tags") or ())
    _line(text, standing)
    if why is not None:
        _line(text, f"why: {visible_line(why)}")
    attributes = data["attributes"]
    if attributes.get("implicit"):
        _line(text, "implicit: the text does not state it")
    for quote in data["quotes"]:
        _line(text, f"> {visible_line(quote)}")
    _attributes(text, attributes)
    if data.get("section"):
        _line(text, f"section: {visible_line(data['section'])}")
    return text


def _argument(amap: ArgumentMap, node: str, data: Mapping[str, Any], standing: str) -> Text:
    if data["kind"] == "attack":  # a named attack: `a + b -| c`
        step = f"{amap.attacker_written(node)} -| {amap.written(amap.target_of(node))}"
    else:
        step = f"{' + '.join(amap.premises_of(node))} -> {amap.conclusion_of(node)}"
    text = Text("argument", style="bold")
    text.append(f" {visible_line(node)}: {visible_line(step)}")
    _tags(text, data.get("tags") or ())
    _line(text, standing)
    if data.get("warrant"):
        _line(text, f"warrant: {visible_line(data['warrant'])}")
    _attributes(text, data.get("attributes") or {})
    return text


def _tags(text: Text, tags: Any) -> None:
    if tags:
        text.append("  " + " ".join(f"#{visible_line(tag)}" for tag in tags), style="cyan")


def _attributes(text: Text, attributes: Mapping[str, Any]) -> None:
    for name in ATTRIBUTE_ORDER:
        value = attributes.get(name)
        if value is None:
            continue
        shown = f"{value:g}" if isinstance(value, float) else visible_line(str(value))
        _line(text, f"{name}: {shown}")


def _line(text: Text, line: str) -> None:
    text.append(f"\n{INDENT}{line}", style="dim" if not line.startswith(">") else "")
