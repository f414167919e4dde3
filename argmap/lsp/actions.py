"""Quick fixes for the fixes diagnostics already suggest: a did-you-mean ID, kind,
directive or attribute; a missing conclusion; a stray character."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.language.syntax import Argument, Attack, SourceFile, Statement, Support
from argmap.lsp.index import refs_in
from argmap.lsp.positions import UTF16, to_range
from argmap.model import CLAIM

_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`\?")
_STRAY = re.compile(r"^(control character|unexpected character|a carriage return)")
_INVISIBLE = re.compile(r"^invisible character")
_INVISIBLE_IN_ID = re.compile(r"^`(?P<shown>[^`]*)` is not a valid ID: it holds the invisible")
MISSING_CONCLUSION = "missing-conclusion"
MOST_CANDIDATES = 3
"""How many claims a missing conclusion offers to promote."""


def quick_fixes(
    uri: str,
    diagnostic: types.Diagnostic,
    text_at: str,
    sources: list[SourceFile],
    lines_of: dict[str, list[str]],
    uri_of: dict[str, str],
    encoding: str = UTF16,
) -> list[types.CodeAction]:
    """The fixes for `diagnostic` in the document `uri`, where it covers `text_at`."""
    message = diagnostic.message
    if (match := _DID_YOU_MEAN.search(message)) is not None:
        return [_replace(uri, diagnostic, match.group(1), f"Change to `{match.group(1)}`")]
    if _STRAY.match(message) and len(text_at) == 1:
        return [_replace(uri, diagnostic, "", "Delete the stray character")]
    if _INVISIBLE.match(message):
        return [_replace(uri, diagnostic, " ", "Replace the invisible character with a space")]
    if _INVISIBLE_IN_ID.match(message):
        visible = "".join(ch for ch in text_at if ch.isidentifier() or ("_" + ch).isidentifier())
        return [_replace(uri, diagnostic, visible, "Delete the invisible character")]
    if message.startswith("unexpected `#`; a comment starts with `# `"):
        return [_replace(uri, diagnostic, "# ", "Make it a comment (`# `)")]
    if diagnostic.code == MISSING_CONCLUSION or message.startswith("the map has no conclusion"):
        return _promote(diagnostic, sources, lines_of, uri_of, encoding)
    return []


def _replace(
    uri: str, diagnostic: types.Diagnostic, text: str, title: str
) -> types.CodeAction:
    edit = types.TextEdit(range=diagnostic.range, new_text=text)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
        is_preferred=True,
    )


def _promote(
    diagnostic: types.Diagnostic,
    sources: list[SourceFile],
    lines_of: dict[str, list[str]],
    uri_of: dict[str, str],
    encoding: str,
) -> list[types.CodeAction]:
    """`Mark X as the conclusion` for the claims nothing else rests on (the map's tops),
    else for its first claims."""
    claims = [
        node for source in sources for node in source.nodes
        if isinstance(node, Statement) and node.kind == CLAIM
    ]
    used = _premise_names(sources)
    tops = [claim for claim in claims if claim.id not in used] or claims
    actions = []
    for claim in tops[:MOST_CANDIDATES]:
        file = claim.span.file
        edit = types.TextEdit(
            range=to_range(claim.kind_span, lines_of.get(file, []), encoding),
            new_text="conclusion",
        )
        actions.append(types.CodeAction(
            title=f"Mark `{claim.id}` as the conclusion",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=types.WorkspaceEdit(changes={uri_of[file]: [edit]}),
            is_preferred=len(tops) == 1,
        ))
    return actions


def _premise_names(sources: list[SourceFile]) -> set[str]:
    """IDs used on the left of a support arrow or as attackers: what other things rest on
    or what objects to something."""
    used: set[str] = set()
    for source in sources:
        for node in source.nodes:
            if isinstance(node, Support):
                used.update(ref.name for group in node.chain[:-1] for ref in group)
            elif isinstance(node, Argument) and node.support is not None:
                used.update(ref.name for group in node.support.chain[:-1] for ref in group)
            elif isinstance(node, Attack):
                targets = {id(ref) for ref in refs_in(node.target)}
                used.update(ref.name for ref in refs_in(node) if id(ref) not in targets)
    return used
