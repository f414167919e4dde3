"""The language server: pygls handlers that turn the protocol's requests into calls of the
other modules of `argmap.lsp`."""

from __future__ import annotations

import os
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer

from argmap import __version__
from argmap.analysis.labels import SEMANTICS_NAMES
from argmap.errors import ArgmapError, Span
from argmap.language.lexer import is_valid_id
from argmap.lsp.actions import quick_fixes
from argmap.lsp.completion import completions
from argmap.lsp.diagnostics import SOURCE
from argmap.lsp.formatting import format_edits, format_range_edits
from argmap.lsp.hover import argument_hover, hover_text
from argmap.lsp.index import last_line
from argmap.lsp.positions import code_point_column, to_range, uri_to_path
from argmap.lsp.project import Snapshot
from argmap.lsp.state import State
from argmap.lsp.symbols import document_symbols, folding_ranges
from argmap.textlines import split_lines

NAME = "argmap"
PREVIEW = "argmap.preview"
REQUEST_FAILED = -32803
"""The protocol's code for a request that was valid but failed (no drawing, say)."""


def _position(
    lines: list[str], position: types.Position, encoding: str
) -> tuple[int, int]:
    """The 1-based line and code-point column of a protocol position."""
    line = lines[position.line] if position.line < len(lines) else ""
    return position.line + 1, code_point_column(line, position.character, encoding) + 1


def make_server() -> LanguageServer:
    """A server with every handler registered, ready for `start_io()`."""
    server = LanguageServer(NAME, __version__)
    state = State(server)

    def at_cursor(
        uri: str, position: types.Position
    ) -> tuple[Snapshot, str, Span] | None:
        snapshot = state.snapshot(uri)
        path = os.path.abspath(uri_to_path(uri))
        line, column = _position(snapshot.lines(path), position, state.encoding)
        found = snapshot.index.at(path, line, column)
        return None if found is None else (snapshot, *found)

    def included_at(uri: str, position: types.Position) -> str | None:
        snapshot = state.snapshot(uri)
        path = os.path.abspath(uri_to_path(uri))
        line, column = _position(snapshot.lines(path), position, state.encoding)
        return snapshot.index.included_at(path, line, column)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict):
            docs = options.get("docsUrl")
            semantics = options.get("semantics")
            state.docs_url = docs if isinstance(docs, str) and docs else None
            state.semantics = semantics if semantics in SEMANTICS_NAMES else None

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        state.find_top(params.text_document.uri)
        state.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        state.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        # Its @include lines may have changed, and with them the map each open file is in.
        for other in list(state.tops):
            state.forget(state.tops[other])
            state.find_top(other)
        state.find_top(uri)
        for other in {*state.tops, uri}:
            state.schedule(other, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        top = state.tops.pop(uri, None)
        if top is not None and top not in state.tops.values():
            pending = state.timers.pop(top, None)
            if pending is not None:
                pending.cancel()
            for published in state.published.pop(top, set()):
                server.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=published, diagnostics=[])
                )
            state.snapshots.pop(top, None)
            state.caches.pop(top, None)
            state.evaluations.pop(top, None)
        elif top is not None:  # another open file of the same map: checked from the disk
            state.schedule(next(other for other, its in state.tops.items() if its == top))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, name, span = found
        evaluation = state.evaluation(snapshot)
        argument = snapshot.index.arguments.get(name)
        if argument is not None and name not in snapshot.index.statements:
            lines = snapshot.lines(argument.span.file)
            written = lines[argument.span.line - 1 : last_line(argument)]
            text: str | None = argument_hover(name, written, evaluation)
        else:
            text = hover_text(name, snapshot.index.statements.get(name), snapshot.amap, evaluation)
        if text is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=to_range(span, snapshot.lines(span.file), state.encoding),
        )

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(params: types.DefinitionParams) -> types.Location | None:
        included = included_at(params.text_document.uri, params.position)
        if included is not None:
            start = types.Position(0, 0)
            return types.Location(state.uri_for(included), types.Range(start, start))
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, name, _ = found
        span = snapshot.index.definitions.get(name)
        return None if span is None else state.location(span, snapshot)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(params: types.ReferenceParams) -> list[types.Location] | None:
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, name, _ = found
        spans = snapshot.index.uses(name, definition=params.context.include_declaration)
        return [state.location(span, snapshot) for span in spans]

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(params: types.PrepareRenameParams) -> types.Range | None:
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, _, span = found
        return to_range(span, snapshot.lines(span.file), state.encoding)

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    def rename(params: types.RenameParams) -> types.WorkspaceEdit | None:
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, name, _ = found
        new = params.new_name.strip()
        if not is_valid_id(new) or "-" in new:
            raise JsonRpcInvalidParams(
                f"`{new}` is not a valid ID; an ID starts with a letter or `_` "
                "and has only letters, digits and `_`"
            )
        if new != name and new in snapshot.index.definitions:
            raise JsonRpcInvalidParams(f"`{new}` is already the ID of another statement")
        changes: dict[str, list[types.TextEdit]] = {}
        for span in snapshot.index.uses(name):
            rng = to_range(span, snapshot.lines(span.file), state.encoding)
            edit = types.TextEdit(rng, new)
            changes.setdefault(state.uri_for(span.file), []).append(edit)
        return types.WorkspaceEdit(changes=changes)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=["@", ">", "|", "+", "("]),
    )
    def completion(params: types.CompletionParams) -> types.CompletionList:
        uri = params.text_document.uri
        lines = split_lines(state.text(uri))
        line = lines[params.position.line] if params.position.line < len(lines) else ""
        before = line[: code_point_column(line, params.position.character, state.encoding)]
        items = completions(before, state.latest(uri).index.statements)
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_LINK)
    def links(params: types.DocumentLinkParams) -> list[types.DocumentLink]:
        uri = params.text_document.uri
        snapshot = state.snapshot(uri)
        path = os.path.abspath(uri_to_path(uri))
        lines = snapshot.lines(path)
        return [
            types.DocumentLink(to_range(span, lines, state.encoding), state.uri_for(named))
            for span, named in snapshot.index.links(path)
        ]

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        source, lines = _source_of(params.text_document.uri)
        return [] if source is None else document_symbols(source, lines, state.encoding)

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding(params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        source, lines = _source_of(params.text_document.uri)
        return [] if source is None else folding_ranges(source, lines)

    def _source_of(uri: str) -> tuple[Any, list[str]]:
        snapshot = state.snapshot(uri)
        path = os.path.abspath(uri_to_path(uri))
        for source in snapshot.sources:
            if source.path == path:
                return source, snapshot.lines(path)
        return None, []

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit]:
        uri = params.text_document.uri
        return format_edits(state.text(uri), str(uri_to_path(uri)))

    @server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    def range_formatting(params: types.DocumentRangeFormattingParams) -> list[types.TextEdit]:
        uri = params.text_document.uri
        end = params.range.end
        last = end.line - 1 if end.character == 0 and end.line > params.range.start.line else (
            end.line
        )
        return format_range_edits(
            state.text(uri), str(uri_to_path(uri)), params.range.start.line, last
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        snapshot = state.snapshot(uri)
        lines = split_lines(state.text(uri))
        uri_of = {path: state.uri_for(path) for path in snapshot.texts}
        lines_of = {path: snapshot.lines(path) for path in snapshot.texts}
        actions: list[types.CodeAction] = []
        for diagnostic in params.context.diagnostics:
            if diagnostic.source not in (None, SOURCE):
                continue
            actions += quick_fixes(
                uri, diagnostic, _text_in(lines, diagnostic.range, state.encoding),
                snapshot.sources, lines_of, uri_of, state.encoding,
            )
        return actions

    @server.command(PREVIEW)
    def preview(*arguments: Any) -> str:
        from argmap.lsp.preview import preview_svg

        uri = arguments[0] if arguments and isinstance(arguments[0], str) else None
        if uri is None:
            raise JsonRpcInvalidParams(f"{PREVIEW} takes the URI of a map document")
        snapshot = state.snapshot(uri)
        if snapshot.amap is None:
            raise JsonRpcException("the map has errors; fix them to draw it", REQUEST_FAILED)
        try:
            return preview_svg(snapshot.amap, snapshot.semantics)
        except ArgmapError as error:
            raise JsonRpcException(str(error), REQUEST_FAILED) from None

    return server


def _text_in(lines: list[str], rng: types.Range, encoding: str) -> str:
    """The text of a one-line range (what a diagnostic points at); "" for longer ones."""
    if rng.start.line != rng.end.line or rng.start.line >= len(lines):
        return ""
    line = lines[rng.start.line]
    start = code_point_column(line, rng.start.character, encoding)
    end = code_point_column(line, rng.end.character, encoding)
    return line[start:end]


def serve(stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Serve on `stdin` and `stdout` until the client ends the session."""
    make_server().start_io(stdin, stdout)
