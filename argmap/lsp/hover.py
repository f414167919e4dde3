"""What hovering over an ID shows: the statement's kind, full text, quotes, attribution,
and the evaluation's verdict and strength."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.analysis.strength import compute_strengths
from argmap.analysis.verdicts import Verdict, verdicts
from argmap.language.syntax import Statement
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class Evaluation:
    """The verdict of each claim and conclusion and the strength of each node."""

    verdicts: dict[str, Verdict]
    strengths: dict[str, float]


def evaluate(amap: ArgumentMap, semantics: str) -> Evaluation:
    return Evaluation(verdicts(amap, semantics=semantics), compute_strengths(amap))


def hover_text(
    name: str,
    statement: Statement | None,
    amap: ArgumentMap | None,
    evaluation: Evaluation | None,
) -> str | None:
    """Markdown about the statement `name`, from the model when the map could be built,
    else from its syntax tree; None when `name` is not a statement."""
    if amap is not None and name in amap.graph and amap.is_statement(name):
        data: dict[str, Any] = amap.graph.nodes[name]
        kind, text = data["kind"], data["text"]
        quotes, attributes = data.get("quotes", []), data.get("attributes", {})
        tags = data.get("tags", [])
    elif statement is not None:
        kind, text = statement.kind, statement.text or statement.header_text
        quotes, attributes, tags = statement.quotes, statement.attributes, statement.tags
    else:
        return None
    parts = [f"**{kind}** `{name}`", _escape(text)]
    if tags:
        parts.append(" ".join(f"`#{tag}`" for tag in tags))
    parts.extend("> " + _escape(quote) for quote in quotes)
    by = attributes.get("by")
    if by:
        parts.append(f"Attributed to {_escape(str(by))}")
    for key in ("source", "url", "note", "confidence"):
        if attributes.get(key) not in (None, ""):
            parts.append(f"@{key} {_escape(str(attributes[key]))}")
    if evaluation is not None:
        parts.extend(_evaluation(name, evaluation))
    return "\n\n".join(parts)


def argument_hover(name: str, written: list[str], evaluation: Evaluation | None) -> str:
    """Markdown about the argument `name` (a named step or objection): its lines as
    written, and its strength."""
    parts = [f"**argument** `{name}`", "```argmap\n" + "\n".join(written) + "\n```"]
    if evaluation is not None:
        parts.extend(_evaluation(name, evaluation))
    return "\n\n".join(parts)


def _evaluation(name: str, evaluation: Evaluation) -> list[str]:
    lines = []
    verdict = evaluation.verdicts.get(name)
    if verdict is not None:
        lines.append(
            f"Verdict: **{verdict.word.value}** ({verdict.label.value}). {verdict.explanation}"
        )
    strength = evaluation.strengths.get(name)
    if strength is not None:
        lines.append(f"Strength: {strength:.2f}")
    return lines


def _escape(text: str) -> str:
    """Text shown as written, not read as Markdown."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>#|~" else ch for ch in text)
