"""What to offer where the cursor is: IDs after a relation's operators, kinds (and IDs,
which start relations) at the start of a line, directives and attributes after `@`."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.language.parser import DIRECTIVES
from argmap.language.statements import ATTRIBUTES
from argmap.language.syntax import Statement
from argmap.model import STATEMENT_KINDS

KEYWORDS = (*STATEMENT_KINDS, "argument")
_AT = re.compile(r"^(?P<indent>[ \t]*)@(?P<word>\w*)$")
_LINE_START = re.compile(r"^\w*$")
_AFTER_OPERATOR = re.compile(r"(?:->|-\||><|\+|→|⊣|\(|^argument[ \t]+\w+[ \t]*:)[ \t]*\w*$")
_STATEMENT = re.compile(rf"^(?:{'|'.join(STATEMENT_KINDS)})[ \t]")
"""A statement's header: its new ID, then free text (no completion there)."""
_CONTINUED_RELATION = re.compile(r"^[ \t]+(?:->|-\||><|\+|→|⊣|\()")


def completions(
    before: str, statements: dict[str, Statement]
) -> list[types.CompletionItem]:
    """The items for a cursor with `before` (its line up to the cursor) in front of it."""
    if (at := _AT.match(before)) is not None:
        names = ATTRIBUTES if at.group("indent") else DIRECTIVES
        kind = types.CompletionItemKind.Property if at.group("indent") else (
            types.CompletionItemKind.Keyword
        )
        return [
            types.CompletionItem(label=f"@{name}", kind=kind, insert_text=name,
                                 filter_text=name)
            for name in names
        ]
    if _LINE_START.match(before):
        kinds = [
            types.CompletionItem(label=kind, kind=types.CompletionItemKind.Keyword,
                                 insert_text=f"{kind} ", sort_text=f"0{kind}")
            for kind in KEYWORDS
        ]
        return kinds + _ids(statements)
    relation = before[:1] not in (" ", "\t") or _CONTINUED_RELATION.match(before)
    if relation and not _STATEMENT.match(before) and _AFTER_OPERATOR.search(before):
        return _ids(statements)
    return []


def _ids(statements: dict[str, Statement]) -> list[types.CompletionItem]:
    return [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.Reference,
            detail=statement.kind,
            documentation=statement.text or statement.header_text,
            sort_text=f"1{name}",
        )
        for name, statement in statements.items()
    ]
