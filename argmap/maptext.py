"""How each kind of `.argmap` line is written: the one writer of map text, shared by `fmt`
(from syntax trees), the converters (from a model) and the model (names of inferences and
attacks)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

BODY_INDENT = "  "
"""Quotes and attributes under a statement or argument; a relation's continued lines."""
TEXT_INDENT = "    "
"""Statement text continued on further lines; also a named inference's continued relation."""
COMMENT_GAP = "  "
"""Between a line's code and its trailing comment."""


def inference_ref(premises: Iterable[str], conclusion: str) -> str:
    """An inference as an undercut names it: `(a + b -> c)`."""
    return f"({' + '.join(premises)} -> {conclusion})"


def attack_ref(attackers: Sequence[str], target: str) -> str:
    """Nested attacks as an undercut names them, outermost attacker first: `(y -| (x -| c))`."""
    text = target
    for attacker in reversed(attackers):
        text = f"({attacker} -| {text})"
    return text


def with_comment(code: str, comment: str | None) -> str:
    """A line's code and its trailing comment, if any, two spaces after it."""
    return f"{code}{COMMENT_GAP}# {comment}" if comment else code


def tags_after(code: str, tags: Iterable[str]) -> str:
    """`code` with `#tag` after it for each tag (once each)."""
    return "".join([code, *(f" #{tag}" for tag in dict.fromkeys(tags))])


def directive_line(name: str, value: str) -> str:
    return f"@{name} {value}"


def section_line(title: str) -> str:
    return f"== {title} =="


def statement_header(kind: str, statement_id: str, text: str) -> str:
    return f"{kind} {statement_id}: {text}" if text else f"{kind} {statement_id}:"


def continued_text(text: str) -> str:
    return f"{TEXT_INDENT}{text}"


def quote_line(text: str) -> str:
    """A quote's line; "" gives the lone `>` that separates two quotes."""
    return f"{BODY_INDENT}> {text}" if text else f"{BODY_INDENT}>"


def attribute_line(name: str, value: str) -> str:
    return f"{BODY_INDENT}@{name} {value}".rstrip()


def support_line(chain: Sequence[Sequence[str]], warrant: str | None = None) -> str:
    """`a + b -> c -> d : warrant`, from the groups between arrows."""
    text = " -> ".join(" + ".join(group) for group in chain)
    return f"{text} : {warrant}" if warrant else text


def argument_line(name: str, support: str) -> str:
    return f"argument {name}: {support}"


def attack_line(attacker: str, target: str) -> str:
    """`x -| target`, the target as written (an ID, or a reference in brackets)."""
    return f"{attacker} -| {target}"


def contradiction_line(first: str, second: str) -> str:
    return f"{first} >< {second}"


def join_blocks(blocks: Iterable[list[str]]) -> str:
    """Blocks of lines set apart by one blank line, the text ending in one newline ("" when
    there is nothing to write)."""
    text = "\n\n".join("\n".join(block) for block in blocks if block)
    return text + "\n" if text else ""
