"""Argdown: import (statements, arguments, relations, reconstructions) and export where it maps.

Import: an equivalence class (one `[Title]`) is one statement, the first text its text and the
members' other texts its note; an untitled statement is a statement of its own. An argument
with a premise-conclusion structure becomes its inferences (the premises between two
inference lines linked, the rule as warrant); one without becomes a claim named after it.
A step's `uses` (or `from`) data names its premises by number. Relations: to an argument, a
support goes to its conclusion and an attack or undercut undercuts its last inference; from
an argument, a relation starts at its conclusion; an undercut under an inference line
undercuts that step. In strict mode an attack between statements is a contradiction
(Argdown's symmetric contrary). Headings become sections, tags stay tags, the front matter
gives the title. Untitled statements outside any relation or reconstruction are prose, left
out and counted; data and settings with no place in argmap are counted too.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.convert.argdown_shortcodes import escape_shortcodes
from argmap.convert.argdown_syntax import ATTACK as ATTACK_RELATION
from argmap.convert.argdown_syntax import (
    CONTRADICTION,
    SUPPORT,
    UNDERCUT,
    ArgdownDocument,
    Element,
    Inference,
    Reconstruction,
    read_argdown,
)
from argmap.convert.argmap_writer import tag_name
from argmap.convert.ids import IdMaker
from argmap.convert.losses import Losses, statement_losses
from argmap.errors import ConvertError, Span
from argmap.model import (
    ATTACK,
    ATTACK_EDGE,
    CLAIM,
    CONCLUSION,
    CONTRADICTS_EDGE,
    PREMISE,
    ArgumentMap,
    Section,
)
from argmap.suggest import plural


@dataclass
class _Argument:
    """What an Argdown argument became: a claim statement, or inferences ending in one."""

    statement: str | None = None
    conclusion: str | None = None
    inference: str | None = None


@dataclass
class _Builder:
    amap: ArgumentMap
    losses: Losses
    ids: IdMaker = field(default_factory=IdMaker)
    classes: dict[str, str] = field(default_factory=dict)
    """statement title -> statement ID"""
    untitled: dict[int, str] = field(default_factory=dict)
    """id(element) -> statement ID, for untitled statements"""
    arguments: dict[str, _Argument] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    """argument title -> its description (the note of its named inference)"""
    argument_tags: dict[str, dict[str, None]] = field(default_factory=dict)
    """argument title -> its tags (a dict: ordered, and a repeat is found at once)"""
    tag_sets: dict[str, set[str]] = field(default_factory=dict)
    """statement ID -> its tags, to find a repeat at once (a list's `in` made 100,000
    members of one class, each with its own tag, quadratic)"""
    steps: dict[int, str] = field(default_factory=dict)
    """id(an inference line's anchor) -> the inference node it became"""
    read_data: set[int] = field(default_factory=set)
    """ids of the steps and inference lines whose `uses` or `from` data was read"""
    strict: bool = False


def read_argdown_map(text: str, path: str, losses: Losses) -> ArgumentMap:
    """An ArgumentMap from Argdown text (and the files it includes)."""
    document = read_argdown(text, path)
    amap = ArgumentMap(path=Path(path))
    amap.source_paths = [Path(os.path.realpath(path)), *document.included]
    amap.title = document.metadata.get("title") or None
    amap.author = document.metadata.get("author") or None
    amap.date = document.metadata.get("date") or None
    for message, where in document.warnings:
        losses.add(message, where)
    builder = _Builder(amap, losses, strict=document.strict)
    _sections(document, amap)
    _statements(document, builder)
    _arguments(document, builder)
    for reconstruction in document.reconstructions:
        _reconstruction(reconstruction, builder)
    for relation in document.relations:
        _relation(relation.source, relation.target, relation.kind, relation.line, builder)
    _data(document, builder)
    for statement, notes in builder.notes.items():
        attributes = amap.graph.nodes[statement]["attributes"]
        attributes["note"] = " / ".join(dict.fromkeys(notes))
    _derive_kinds(amap)
    return amap


def _span(element: Element) -> Span:
    return Span(element.path, element.line, element.column, element.line, element.column + 1)


def _sections(document: ArgdownDocument, amap: ArgumentMap) -> None:
    for title in document.sections:
        amap.sections.append(Section(title, Span(document.path, 1, 1, 1, 1)))


def _statements(document: ArgdownDocument, builder: _Builder) -> None:
    prose = 0
    for element in document.elements:
        if element.kind != "statement":
            continue
        if element.title is None:
            if id(element) not in document.related:
                prose += 1
                continue
            statement = builder.ids.make(element.text or "statement")
            builder.untitled[id(element)] = statement
            _add_statement(builder, statement, element, element.text)
            continue
        existing = builder.classes.get(element.title)
        if existing is None:
            statement = builder.ids.make(element.title)
            builder.classes[element.title] = statement
            _add_statement(builder, statement, element, element.text or element.title)
            builder.amap.graph.nodes[statement]["defined"] = bool(element.text)
        else:
            _merge_member(builder, existing, element)
    if prose:
        builder.losses.add(
            f"{plural(prose, 'untitled statement')} outside any relation or reconstruction "
            "left out as prose (Argdown's map leaves them out too)"
        )


def _add_statement(builder: _Builder, statement: str, element: Element, text: str) -> None:
    tags = [tag_name(tag, builder.losses) for tag in element.tags]
    builder.amap.add_statement(statement, PREMISE, text, span=_span(element), tags=tags,
                               section=element.section)


def _merge_member(builder: _Builder, statement: str, element: Element) -> None:
    """Another member of an equivalence class: its tags join, a new text becomes a note."""
    data = builder.amap.graph.nodes[statement]
    known = builder.tag_sets.get(statement)
    if known is None:
        known = builder.tag_sets[statement] = set(data["tags"])
    for tag in element.tags:
        name = tag_name(tag, builder.losses)
        if name not in known:
            known.add(name)
            data["tags"].append(name)
    if not element.text:
        return
    if not data.pop("defined", True):
        data["text"] = element.text
        data["defined"] = True
    elif element.text != data["text"]:
        builder.notes.setdefault(statement, []).append(element.text)


def _arguments(document: ArgdownDocument, builder: _Builder) -> None:
    reconstructed = {r.argument.title for r in document.reconstructions if r.argument}
    descriptions: dict[str, Element] = {}
    for element in document.elements:
        if element.kind == "argument" and element.title is not None:
            first = descriptions.setdefault(element.title, element)
            if element.text and not first.text:
                descriptions[element.title] = element
    for element in document.elements:
        if element.kind == "argument" and element.title is not None:
            tags = builder.argument_tags.setdefault(element.title, {})
            tags.update(dict.fromkeys(element.tags))
    for title, element in descriptions.items():
        if title in reconstructed:
            builder.arguments[title] = _Argument()
            if element.text:
                builder.descriptions[title] = element.text
            continue
        statement = builder.ids.make(title)
        _add_statement(builder, statement, element, element.text or title)
        builder.arguments[title] = _Argument(statement=statement)


def _statement_of(element: Element, builder: _Builder) -> str:
    if element.title is None:
        return builder.untitled[id(element)]
    return builder.classes[element.title]


def _reconstruction(reconstruction: Reconstruction, builder: _Builder) -> None:
    """Each inference line ends a step: premises since the last conclusion, plus it, or
    the statements its `uses` names. The last step of a titled argument is a named
    inference (its ID from the title)."""
    steps = reconstruction.steps
    final = max((i for i, step in enumerate(steps[:-1]) if isinstance(step, Inference)),
                default=None)
    for step in steps:
        if isinstance(step, Element) and step.kind == "argument":
            raise ConvertError(f"the step `<{step.title}>` of a premise-conclusion structure "
                               "is an argument; a step must be a statement", step.path,
                               step.line, step.column)
    numbered = [_statement_of(step, builder) for step in steps if isinstance(step, Element)]
    premises: list[str] = []
    pending: Inference | None = None
    last: str | None = None
    position = 0
    for index, step in enumerate(steps):
        if isinstance(step, Inference):
            pending = step
            continue
        statement = numbered[position]
        position += 1
        if pending is None:
            premises.append(statement)
            continue
        uses = _uses(pending, step, position, numbered, builder)
        if uses is not None:
            premises = uses
        if premises:
            named = reconstruction.argument if index - 1 == final else None
            last = _infer(builder, premises, statement, pending, step, named)
            if pending.anchor is not None:
                builder.steps[id(pending.anchor)] = last
        premises, pending = [statement], None
    if reconstruction.argument is not None:
        made = builder.arguments.setdefault(reconstruction.argument.title or "", _Argument())
        if last is not None:
            made.inference = last
            made.conclusion = builder.amap.conclusion_of(last)


def _uses(inference: Inference, conclusion: Element, position: int, numbered: list[str],
          builder: _Builder) -> list[str] | None:
    """The premises a step's `uses` (or `from`) names, on its inference line or its
    conclusion, as Argdown looks for them: numbers of the reconstruction's statements."""
    builder.read_data.update((id(inference), id(conclusion)))
    for key in ("uses", "from"):
        for owner, line in ((inference.data, inference.line),
                            (conclusion.data, conclusion.data_line)):
            if key not in owner:
                continue
            numbers = owner[key]
            if not isinstance(numbers, list) or not all(
                isinstance(n, int) and not isinstance(n, bool) for n in numbers
            ):
                raise ConvertError(f"`{key}` lists the numbers of the statements the step "
                                   "uses, as in `{uses: [1, 2]}`", conclusion.path, line, 1)
            for number in numbers:
                if not 1 <= number <= len(numbered) or number == position:
                    raise ConvertError(
                        f"`{key}` names statement ({number}), which this step cannot use "
                        f"(the reconstruction has {len(numbered)} statements; a step cannot "
                        "use its own conclusion)", conclusion.path, line, 1,
                    )
            return [numbered[number - 1] for number in numbers]
    return None


def _infer(
    builder: _Builder, premises: list[str], conclusion: str, inference: Inference,
    element: Element, argument: Element | None,
) -> str:
    unique = list(dict.fromkeys(premises))
    existing = builder.amap.find_inference(unique, conclusion)
    if existing is not None:
        if argument is not None:
            builder.losses.add("two arguments reconstruct the same inference; it keeps the "
                               "first one's name", inference.line)
        return existing
    span = Span(element.path, inference.line, 1, inference.line, 3)
    if argument is None or argument.title is None:
        return builder.amap.add_inference(unique, conclusion, span=span, warrant=inference.rules)
    description = builder.descriptions.get(argument.title)
    tags = [tag_name(tag, builder.losses) for tag in builder.argument_tags.get(argument.title, {})]
    return builder.amap.add_inference(
        unique, conclusion, span=span, warrant=inference.rules,
        name=builder.ids.make(argument.title), tags=tags,
        attributes={"note": description} if description else None,
    )


def _end(element: Element, builder: _Builder, role: str) -> str | None:
    """The node a relation starts or ends at: a statement, an argument's conclusion or
    (role "undercut") its last inference; None where the argument has neither."""
    if element.kind == "statement":
        return _statement_of(element, builder)
    if element.kind == "inference":
        return builder.steps.get(id(element))
    argument = builder.arguments.get(element.title or "")
    if argument is None:
        return None
    if argument.statement is not None:
        return argument.statement
    if role == "undercut":
        return argument.inference
    return argument.conclusion


def _relation(source: Element, target: Element, kind: str, line: int, builder: _Builder) -> None:
    amap, losses = builder.amap, builder.losses
    start = _end(source, builder, "source")
    to_argument = target.kind == "argument" and kind != SUPPORT
    end = _end(target, builder, "undercut" if to_argument else "target")
    if start is None or end is None:
        losses.add("a relation of an argument with an empty reconstruction was dropped", line)
        return
    span = Span(source.path, line, 1, line, 2)
    if kind == SUPPORT:
        from_argument = source.kind == "argument" or target.kind == "argument"
        if (from_argument and start == end) or amap.find_inference([start], end) is not None:
            losses.add("a support that the argument's reconstruction already states was "
                       "merged with it", line)
        else:
            amap.add_inference([start], end, span=span)
        return
    if kind == UNDERCUT and amap.is_statement(end):
        losses.add("an undercut of a statement was read as an attack on it", line)
    if builder.strict and kind == ATTACK_RELATION and _contrary(source, target, builder):
        # Strict mode: an attack between statements is Argdown's contrary, which holds both
        # ways; Argdown merges `[a] - [b]` with `[b] - [a]`, and so does a contradiction.
        if not amap.graph.has_edge(start, end):
            amap.add_contradiction(start, end, span=span)
        return
    if kind == CONTRADICTION and amap.is_statement(end):
        if amap.graph.has_edge(start, end):
            losses.add("a repeated relation was merged with the first", line)
        else:
            amap.add_contradiction(start, end, span=span)
        return
    if amap.graph.has_edge(start, end):
        losses.add("a repeated relation was merged with the first", line)
        return
    amap.add_attack(start, end, span=span)


def _contrary(source: Element, target: Element, builder: _Builder) -> bool:
    """Whether an attack joins two statements, as Argdown's strict mode sees it: statements,
    or the conclusion of a reconstructed argument."""
    def statement(element: Element) -> bool:
        if element.kind == "statement":
            return True
        made = builder.arguments.get(element.title or "")
        return made is not None and made.statement is None and made.conclusion is not None

    return statement(source) and target.kind == "statement"


DATA_ATTRIBUTES = {"source": "source", "sources": "source", "url": "url"}
"""Data keys that are statement attributes in argmap too (`@source`, `@url`)."""


def _data(document: ArgdownDocument, builder: _Builder) -> None:
    """Data blocks: `source(s)` and `url` of a statement (of an argument: of its named
    inference) become its attributes; every other key (and a `uses` that no step reads) is
    counted, one warning per key. A prose statement's data goes with it (the prose is
    counted)."""
    holders: list[tuple[object, dict[str, Any], str, int, str | None]] = []
    for element in document.elements:
        node = _node_of(element, builder) if element.data else None
        if element.data and (node is not None or element.kind != "statement"):
            holders.append((element, element.data, element.path, element.data_line, node))
    holders += [(step, step.data, step.anchor.path if step.anchor else document.path,
                 step.line, None)
                for reconstruction in document.reconstructions
                for step in reconstruction.steps if isinstance(step, Inference) and step.data]
    for holder, data, path, line, node in holders:
        for key, value in data.items():
            if key in ("uses", "from") and id(holder) in builder.read_data:
                continue
            if key in DATA_ATTRIBUTES and node is not None and _set_attribute(
                builder.amap, node, DATA_ATTRIBUTES[key], value
            ):
                continue
            where: int | str = line if path == document.path else f"{path}:{line}"
            builder.losses.add(f"Argdown data `{key}` has no place in argmap and was left out",
                               where)


def _node_of(element: Element, builder: _Builder) -> str | None:
    """The statement an element became, or the named inference an argument's
    reconstruction became, if any."""
    if element.kind == "statement":
        if element.title is None:
            return builder.untitled.get(id(element))
        return builder.classes.get(element.title)
    made = builder.arguments.get(element.title or "")
    return (made.statement or made.inference) if made is not None else None


def _set_attribute(amap: ArgumentMap, node: str, key: str, value: Any) -> bool:
    """`@source`/`@url` from a data value (text, or a list of texts); False where the value
    is no text or the statement has that attribute already."""
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, (str, int, float)) for item in items):
        return False
    data = amap.graph.nodes[node]
    attributes = data["attributes"] = data.get("attributes") or {}
    if attributes.get(key) is not None:
        return False
    attributes[key] = "; ".join(" ".join(str(item).split()) for item in items)
    return True


def _derive_kinds(amap: ArgumentMap) -> None:
    for statement, data in amap.statements():
        data.pop("defined", None)
        if amap.inferences_for(statement):
            used = amap.inferences_from(statement) or amap.attacked_by(statement)
            data["kind"] = CLAIM if used else CONCLUSION



# -- export -----------------------------------------------------------------------------------

EMPTY_MAP_HEADING = "This map has no statements"
_ARGDOWN_SPECIAL = re.compile(r"([\\\[\]<>*_@{}#])|(/(?=[/*]))")


def quote(text: str) -> str:
    """Text for Argdown: markup characters and shortcodes backslash-escaped, on one line."""
    return escape_shortcodes(
        _ARGDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), " ".join(text.split()))
    )


def write_argdown(amap: ArgumentMap, losses: Losses) -> str:
    """The map as Argdown: statements by section, reconstructions, then relation trees."""
    lines: list[str] = []
    metadata = [(k, v) for k, v in (("title", amap.title), ("author", amap.author),
                                    ("date", amap.date)) if v]
    if metadata:
        lines += ["===", *(f"{key}: {json.dumps(' '.join(value.split()))}"
                           for key, value in metadata), "===", ""]
    # Statements of no section first: a heading groups everything below it.
    by_section: dict[str | None, list[str]] = {None: []}
    for statement, data in amap.statements():
        by_section.setdefault(data.get("section"), []).append(statement)
    for title, statements in by_section.items():
        if title is not None:
            lines += [f"# {quote(title)}", ""]
        for statement in statements:
            data = amap.graph.nodes[statement]
            tags = "".join(f" #({tag})" for tag in data.get("tags") or ())
            lines += [f"[{statement}]: {quote(str(data['text']))}{tags}", ""]
    if not by_section[None] and len(by_section) == 1:
        # Argdown refuses a file with no element; a heading that makes no group is one.
        lines += [f"# {EMPTY_MAP_HEADING} {{isGroup: false}}", ""]
    names = _argument_names(amap)
    for inference, name in names.items():
        lines += _reconstruction_lines(amap, inference, name)
    objections = _objection_names(amap, set(names.values()))
    for attack, name in objections.items():
        lines += _objection_lines(amap, attack, name, names)
    lines += _relation_trees(amap, names)
    _export_losses(amap, losses, len(objections))
    return "\n".join(lines).rstrip("\n") + "\n"


def _argument_names(amap: ArgumentMap) -> dict[str, str]:
    """Inferences that need an argument of their own: named ones keep their name; linked,
    warranted or undercut ones are `Argument N`."""
    names: dict[str, str] = {}
    taken = {str(data["name"]) for _, data in amap.inferences() if data.get("name")}
    unnamed = _unused_names("Argument", taken)
    for inference, data in amap.inferences():
        if data.get("name"):
            names[inference] = str(data["name"])
        elif len(amap.premises_of(inference)) > 1 or data.get("warrant") or amap.attackers_of(
            inference
        ):
            names[inference] = next(unnamed)
    return names


def _unused_names(prefix: str, taken: set[str]) -> Iterator[str]:
    """`prefix 1`, `prefix 2`, ... without the names already `taken`."""
    return (name for name in (f"{prefix} {number}" for number in itertools.count(1))
            if name not in taken)


def _reconstruction_lines(amap: ArgumentMap, inference: str, name: str) -> list[str]:
    premises = amap.premises_of(inference)
    data = amap.graph.nodes[inference]
    note = (data.get("attributes") or {}).get("note")
    tags = "".join(f" #({tag})" for tag in data.get("tags") or ())
    head = f"<{name}>: {quote(str(note))}{tags}" if note else f"<{name}>{tags}"
    lines = [head, ""]
    lines += [f"({number}) [{premise}]" for number, premise in enumerate(premises, start=1)]
    warrant = amap.graph.nodes[inference].get("warrant")
    lines.append(f"-- {quote(warrant)} --" if warrant else "----")
    lines += [f"({len(premises) + 1}) [{amap.conclusion_of(inference)}]", ""]
    return lines


def _objection_names(amap: ArgumentMap, taken: set[str]) -> dict[str, str]:
    """Linked objections (`a + b -| c`) on a statement or a step, each an attacking argument
    of its own: a named one keeps its name, others are `Objection N`."""
    taken = taken | {str(data["name"]) for _, data in amap.attack_nodes() if data.get("name")}
    names: dict[str, str] = {}
    unnamed = _unused_names("Objection", taken)
    for attack, data in amap.attack_nodes():
        if not amap.is_linked(attack) or amap.kind(amap.target_of(attack)) == ATTACK:
            continue
        names[attack] = str(data["name"]) if data.get("name") else next(unnamed)
    return names


def _objection_lines(
    amap: ArgumentMap, attack: str, name: str, names: dict[str, str]
) -> list[str]:
    """An attacking argument: the premises in its reconstruction and, as every Argdown
    argument ends in a conclusion, a conclusion that says the objection and attacks the
    target (`->`) or undercuts the step (`_>`)."""
    premises = amap.attackers_of_attack(attack)
    target = amap.target_of(attack)
    conclusion = _objection_id(amap, name)
    if target in names:
        step = f"the step to {amap.conclusion_of(target)}"
        relation, shown, against = "_>", f"<{names[target]}>", step
    else:
        relation, shown, against = "->", f"[{target}]", target
    data = amap.graph.nodes[attack]
    note = (data.get("attributes") or {}).get("note")
    tags = "".join(f" #({tag})" for tag in data.get("tags") or ())
    lines = [f"<{name}>: {quote(str(note))}{tags}" if note else f"<{name}>{tags}", ""]
    lines += [f"({number}) [{premise}]" for number, premise in enumerate(premises, start=1)]
    text = f"Together, {' and '.join(premises)} tell against {against}."
    lines += ["----", f"({len(premises) + 1}) [{conclusion}]: {quote(text)}",
              f"  {relation} {shown}", ""]
    return lines


def _objection_id(amap: ArgumentMap, name: str) -> str:
    """The title of a linked objection's conclusion: its name's, free in the map."""
    base = re.sub(r"\W+", "_", name.lower()).strip("_") or "objection"
    title, number = base, 1
    while title in amap.graph:
        number += 1
        title = f"{base}_{number}"
    return title


def _relation_trees(amap: ArgumentMap, names: dict[str, str]) -> list[str]:
    """One tree per target: `[c]` then `+ [p]`, `- [x]`, `>< [y]`; `<Argument>` then `_ [x]`."""
    children: dict[str, list[str]] = {}
    for inference, _ in amap.inferences():
        if inference not in names:
            premise, conclusion = amap.premises_of(inference)[0], amap.conclusion_of(inference)
            children.setdefault(f"[{conclusion}]", []).append(f"  + [{premise}]")
    done: set[frozenset[str]] = set()
    for source, target, kind, _ in amap.relations():
        if amap.kind(target) == ATTACK or " + " in source:
            continue  # Argdown cannot attack a relation (_export_losses counts these); a
            # linked objection is an argument of its own (`_objection_lines`)
        if kind == ATTACK_EDGE:
            head = f"<{names[target]}>" if target in names else f"[{target}]"
            operator = "_" if target in names else "-"
            children.setdefault(head, []).append(f"  {operator} [{source}]")
        elif kind == CONTRADICTS_EDGE and frozenset((source, target)) not in done:
            done.add(frozenset((source, target)))
            children.setdefault(f"[{source}]", []).append(f"  >< [{target}]")
    lines: list[str] = []
    for head, below in children.items():
        lines += [head, *below, ""]
    return lines


def _export_losses(amap: ArgumentMap, losses: Losses, objections: int = 0) -> None:
    statement_losses(amap, losses, "Argdown", ("assumptions", "quotes", "notes",
                                               "attribution", "implicit"))
    on_attacks = sum(1 for _, target, _, _ in amap.relations() if amap.kind(target) == ATTACK)
    if on_attacks:
        losses.add("Argdown cannot attack a relation: undercuts of attacks were left out",
                   count=on_attacks)
    if objections:
        losses.add("a linked objection is written as an attacking argument whose conclusion "
                   "says the objection (an Argdown argument ends in a conclusion); read back, "
                   "it is that argument: a step to its conclusion, which attacks",
                   count=objections)
    named = sum(1 for attack, data in amap.attack_nodes()
                if data.get("name") and not amap.is_linked(attack))
    if named:
        losses.add("names of attacks with one attacker are not carried by Argdown",
                   count=named)
