"""Synthetic maps for the benchmarks, shaped like real ones and of any size.

Sections of 40 statements: a section conclusion backed by claims, each claim by a linked pair
of premises with a warrant; tags on every statement, a quote from the analysed document on
every premise (one in 20 misquoted, so the closest-passage search runs too), an objection
(a rebuttal) and an undercut in each section, and every section conclusion supporting the
map's one main conclusion. The same map can be written as Argdown (`argdown_text`), so that
argmap and Argdown's CLI are timed on the same argument.
"""

from __future__ import annotations

from dataclasses import dataclass

TAGS = ("economy", "security", "diplomacy", "history", "law")
WORDS = ("river", "stone", "market", "harbour", "lantern", "meadow", "signal", "orchard",
         "copper", "winter")
SECTION = 40


@dataclass(frozen=True)
class Statement:
    sid: str
    kind: str  # premise, claim, conclusion
    text: str
    tag: str
    quote: str | None = None


@dataclass(frozen=True)
class Inference:
    premises: tuple[str, ...]
    conclusion: str
    warrant: str | None = None


@dataclass(frozen=True)
class Attack:
    attacker: str
    target: str | Inference  # a statement (rebuttal) or an inference (undercut)


@dataclass(frozen=True)
class Section:
    title: str
    statements: list[Statement]
    inferences: list[Inference]
    attacks: list[Attack]


def sentence(index: int) -> str:
    first, second = WORDS[index % 10], WORDS[(index // 10) % 10]
    return f"Report {index} finds that the {first} near the {second} changed in year {index % 97}."


def build(size: int) -> tuple[list[Section], str]:
    """The map's sections (`size` statements in all, the main conclusion `top` first) and the
    text of the document its quotes come from."""
    sections: list[Section] = []
    document: list[str] = []
    count = 1
    number = 0
    while count < size:
        ids = [f"s{i}" for i in range(count, min(count + SECTION, size))]
        count += len(ids)
        statements, inferences, attacks = [], [], []
        for offset, sid in enumerate(ids):
            index = int(sid[1:])
            tag = TAGS[index % len(TAGS)]
            text = (f"Statement {sid} of the benchmark map, long enough to wrap onto two or "
                    f"three lines in a diagram")
            if offset == 0:
                statements.append(Statement(sid, "conclusion", text, tag))
            elif offset % 3 == 1:
                statements.append(Statement(sid, "claim", text, tag))
            else:
                quote = sentence(len(document))
                document.append(quote)
                if len(document) % 20 == 0:
                    quote = quote.replace("finds that", "says")
                statements.append(Statement(sid, "premise", text, tag, quote))
        for offset in range(1, len(ids) - 2, 3):
            claim, first, second = ids[offset], ids[offset + 1], ids[offset + 2]
            inferences.append(Inference((first, second), claim, f"warrant of {claim}"))
            inferences.append(Inference((claim,), ids[0]))
        if len(ids) > 9:
            attacks.append(Attack(ids[8], ids[4]))
            attacks.append(Attack(ids[9], inferences[0]))
        inferences.append(Inference((ids[0],), "top"))
        sections.append(Section(f"Part {number}", statements, inferences, attacks))
        number += 1
    return sections, "\n".join(document) + "\n"


def argmap_text(sections: list[Section], document: str = "document.txt") -> str:
    lines = ["@title Benchmark", f"@document {document}",
             "conclusion top: The main conclusion of the benchmark map. #law"]
    for section in sections:
        lines.append(f"== {section.title} ==")
        for statement in section.statements:
            lines.append(f"{statement.kind} {statement.sid}: {statement.text}. #{statement.tag}")
            if statement.quote:
                lines.append(f"  > {statement.quote}")
        for inference in section.inferences:
            warrant = f" : {inference.warrant}" if inference.warrant else ""
            lines.append(f"{' + '.join(inference.premises)} -> {inference.conclusion}{warrant}")
        for attack in section.attacks:
            target = attack.target
            if isinstance(target, Inference):
                target = f"({' + '.join(target.premises)} -> {target.conclusion})"
            lines.append(f"{attack.attacker} -| {target}")
    return "\n".join(lines) + "\n"


def argdown_text(sections: list[Section]) -> str:
    """The same map in Argdown: statements as `[id]: text #tag`, each inference an argument
    `<id>` with its premises and conclusion in a premise-conclusion structure, rebuttals as
    `- <id>` relations and undercuts as an attack on the argument."""
    lines = ["===", "title: Benchmark", "===", "",
             "[top]: The main conclusion of the benchmark map. #law", ""]
    for section in sections:
        lines += [f"# {section.title}", ""]
        for statement in section.statements:
            lines += [f"[{statement.sid}]: {statement.text}. #{statement.tag}", ""]
        numbers: dict[Inference, str] = {}
        for inference in section.inferences:
            name = f"a{inference.conclusion}_{'_'.join(inference.premises)}"
            numbers[inference] = name
            lines.append(f"<{name}>" + (f": {inference.warrant}." if inference.warrant else ""))
            lines.append("")
            lines += [f"({i}) [{p}]" for i, p in enumerate(inference.premises, 1)]
            lines += ["----", f"({len(inference.premises) + 1}) [{inference.conclusion}]", ""]
        for attack in section.attacks:
            target = attack.target
            name = f"<{numbers[target]}>" if isinstance(target, Inference) else f"[{target}]"
            lines += [f"[{attack.attacker}]", f"  - {name}", ""]
    return "\n".join(lines) + "\n"


def write_map(size: int, folder: str) -> str:
    """Write the map of `size` statements and its document into `folder`; the map's path."""
    from pathlib import Path

    sections, document = build(size)
    (Path(folder) / "document.txt").write_text(document, encoding="utf-8")
    path = Path(folder) / f"map-{size}.argmap"
    path.write_text(argmap_text(sections), encoding="utf-8")
    return str(path)
