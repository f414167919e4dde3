"""The language server: pygls handlers that turn protocol requests into calls of the
other modules of `argmap.lsp`, and the state they share (open maps, snapshots, timers)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer

from argmap import __version__
from argmap.analysis.labels import SEMANTICS_NAMES
from argmap.checks import Finding, Severity
from argmap.errors import ArgmapError, Span
from argmap.language.lexer import is_valid_id
from argmap.lsp.actions import quick_fixes
from argmap.lsp.completion import completions
from argmap.lsp.formatting import format_edits, format_range_edits
from argmap.lsp.hover import Evaluation, evaluate, hover_text
from argmap.lsp.positions import (
    UTF16,
    code_point_column,
    path_to_uri,
    to_range,
    uri_to_path,
)
from argmap.lsp.project import (
    ParseCache,
    Snapshot,
    build_snapshot,
    including_map,
    is_current,
    stamp,
)
from argmap.lsp.symbols import document_symbols, folding_ranges
from argmap.textlines import split_lines

NAME = "argmap"
PREVIEW = "argmap.preview"
DEBOUNCE = 0.02
"""Seconds a change waits for the next one before the map is checked again: typing
checks once per pause, and a 1,000-statement map still shows its findings within 0.1 s."""
RULES_URL = "https://github.com/argmap/argmap/blob/main/argmap/checks/rules/{module}.py"
"""Where a rule's documentation is (its module's docstring), unless the client gives
`docsUrl` (the site's folder) in its initialization options."""
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
REQUEST_FAILED = -32803
"""The protocol's code for a request that was valid but failed (no drawing, say)."""
UNNECESSARY = frozenset({"orphan-statement", "irrelevant-statement"})
"""Rules whose statements editors may show faded, as they show unused code."""
IDLE = 1.0
"""Seconds without a change after which the garbage of earlier snapshots is collected."""
READ_LIMIT = 1 << 20
"""Bytes of a neighbouring map read while looking for the map that includes a file."""


@dataclass
class State:
    """What the handlers share: the map each open file belongs to, each map's latest
    snapshot and parse cache, what was published, and the pending checks."""

    server: LanguageServer
    tops: dict[str, Path] = field(default_factory=dict)
    """Open document URI -> the top-level map it belongs to (itself, or a map including it)."""
    snapshots: dict[Path, Snapshot] = field(default_factory=dict)
    caches: dict[Path, ParseCache] = field(default_factory=dict)
    evaluations: dict[Path, tuple[Snapshot, Evaluation]] = field(default_factory=dict)
    published: dict[Path, set[str]] = field(default_factory=dict)
    timers: dict[Path, asyncio.TimerHandle] = field(default_factory=dict)
    docs_url: str | None = None
    semantics: str | None = None
    collection: asyncio.TimerHandle | None = None

    # -- documents and maps -----------------------------------------------------------------

    def uri_for(self, path: str) -> str:
        """The URI of the file at `path`: the open document's own (an unsaved `untitled:`
        one, say), else its `file:` URI."""
        for uri in self.server.workspace.text_documents:
            if os.path.abspath(uri_to_path(uri)) == path:
                return str(uri)
        return path_to_uri(path)

    def buffers(self) -> dict[str, str]:
        """Absolute path -> text of every open document."""
        return {
            os.path.abspath(uri_to_path(uri)): document.source
            for uri, document in self.server.workspace.text_documents.items()
        }

    def version(self, uri: str) -> int | None:
        """The version of the open document `uri` (None for a file that is not open)."""
        document = self.server.workspace.text_documents.get(uri)
        return None if document is None else document.version

    @property
    def encoding(self) -> str:
        """The unit of columns agreed with the client (UTF-16 unless it asked otherwise)."""
        return str(self.server.workspace.position_encoding or UTF16)

    def text(self, uri: str) -> str:
        return self.server.workspace.get_text_document(uri).source

    def find_top(self, uri: str) -> Path:
        path = Path(os.path.abspath(uri_to_path(uri)))
        buffers = self.buffers()

        def read(candidate: Path) -> str | None:
            text = buffers.get(str(candidate))
            if text is not None:
                return text
            try:
                with open(candidate, "rb") as file:
                    return file.read(READ_LIMIT).decode("utf-8", "replace")
            except OSError:
                return None

        top = including_map(path, read) or path
        self.tops[uri] = top
        return top

    def top_of(self, uri: str) -> Path:
        return self.tops.get(uri) or self.find_top(uri)

    def snapshot(self, uri: str) -> Snapshot:
        """The snapshot of the map `uri` belongs to, rebuilt when an open file of it has
        changed since it was made."""
        top = self.top_of(uri)
        buffers = self.buffers()
        known = self.snapshots.get(top)
        if known is not None and is_current(known, buffers):
            return known
        text = buffers.get(str(top))
        stamps = {}
        if text is None:  # an included file is open, the map including it is not
            stamps[str(top)] = stamp(top)
            try:
                text = top.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
        # The collector stays out of the way while a map is built (its passes over the
        # growing heap would cost as much as the parse) and runs once the editor is idle.
        enabled = gc.isenabled()
        gc.disable()
        try:
            snapshot = build_snapshot(
                top, text, buffers, self.caches.setdefault(top, {}), self.semantics
            )
        finally:
            if enabled:
                gc.enable()
        self.collect_when_idle()
        snapshot.stamps.update(stamps)
        self.snapshots[top] = snapshot
        return snapshot

    def latest(self, uri: str) -> Snapshot:
        """The last snapshot of the map `uri` belongs to, even if an edit since has not
        been checked yet: completion must not wait for a big map to be built again."""
        return self.snapshots.get(self.top_of(uri)) or self.snapshot(uri)

    def collect_when_idle(self) -> None:
        if self.collection is not None:
            self.collection.cancel()
        with contextlib.suppress(RuntimeError):  # no loop: a test calling in directly
            self.collection = asyncio.get_running_loop().call_later(IDLE, gc.collect)

    def forget(self, top: Path) -> None:
        """Drop what is known of `top`: a file changed on disk."""
        self.snapshots.pop(top, None)
        self.evaluations.pop(top, None)

    def evaluation(self, snapshot: Snapshot) -> Evaluation | None:
        if snapshot.amap is None:
            return None
        top = Path(snapshot.top)
        known = self.evaluations.get(top)
        if known is not None and known[0] is snapshot:
            return known[1]
        found = evaluate(snapshot.amap, snapshot.semantics)
        self.evaluations[top] = (snapshot, found)
        return found

    # -- diagnostics ------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float = DEBOUNCE) -> None:
        top = self.top_of(uri)
        pending = self.timers.pop(top, None)
        if pending is not None:
            pending.cancel()
        loop = asyncio.get_running_loop()
        self.timers[top] = loop.call_later(delay, self.publish, uri)

    def publish(self, uri: str) -> None:
        top = self.top_of(uri)
        self.timers.pop(top, None)
        try:
            snapshot = self.snapshot(uri)
            gc.disable()  # nor while the findings are turned into diagnostics
            try:
                self._publish(top, snapshot)
            finally:
                gc.enable()
        except Exception:  # a bug in argmap: said in the editor's log, the server goes on
            self.server.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error,
                message=f"argmap could not check {top}: {traceback.format_exc()}",
            ))

    def _publish(self, top: Path, snapshot: Snapshot) -> None:
        by_file: dict[str, list[types.Diagnostic]] = {path: [] for path in snapshot.texts}
        lines = {path: snapshot.lines(path) for path in snapshot.texts}
        for finding in snapshot.findings:
            file = finding.span.file if finding.span is not None else snapshot.top
            if file not in by_file:
                continue
            diagnostic = self.diagnostic(finding, lines[file], self.encoding)
            diagnostic.related_information = self.related(finding, snapshot) or None
            by_file[file].append(diagnostic)
        uris = set()
        for file, diagnostics in by_file.items():
            target = self.uri_for(file)
            uris.add(target)
            self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=target, diagnostics=diagnostics, version=self.version(target)
            ))
        for stale in self.published.get(top, set()) - uris:
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=stale, diagnostics=[])
            )
        self.published[top] = uris

    def diagnostic(
        self, finding: Finding, lines: list[str], encoding: str
    ) -> types.Diagnostic:
        return types.Diagnostic(
            range=to_range(finding.span, lines, encoding),
            message=finding.message,
            severity=SEVERITIES[finding.severity],
            code=finding.code,
            code_description=types.CodeDescription(href=self.rule_url(finding.rule))
            if finding.rule != "settings" else None,
            source=NAME,
            tags=[types.DiagnosticTag.Unnecessary] if finding.rule in UNNECESSARY else None,
            data={"rule": finding.rule},
        )

    def related(
        self, finding: Finding, snapshot: Snapshot
    ) -> list[types.DiagnosticRelatedInformation]:
        """Where the other statements a finding names are defined (a cycle's members)."""
        found = []
        for name in finding.related:
            span = snapshot.index.definitions.get(name)
            if span is not None:
                found.append(types.DiagnosticRelatedInformation(
                    _location(span, snapshot, self), f"`{name}`"
                ))
        return found

    def rule_url(self, rule: str) -> str:
        if self.docs_url:
            return f"{self.docs_url.rstrip('/')}/rules/{rule}.html"
        return RULES_URL.format(module=rule.replace("-", "_"))


def _position(
    lines: list[str], position: types.Position, encoding: str
) -> tuple[int, int]:
    """The 1-based line and code-point column of a protocol position."""
    line = lines[position.line] if position.line < len(lines) else ""
    return position.line + 1, code_point_column(line, position.character, encoding) + 1


def _location(span: Span, snapshot: Snapshot, state: State) -> types.Location:
    rng = to_range(span, snapshot.lines(span.file), state.encoding)
    return types.Location(state.uri_for(span.file), rng)


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
            for published in state.published.pop(top, set()):
                server.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=published, diagnostics=[])
                )
            state.snapshots.pop(top, None)
            state.caches.pop(top, None)
            state.evaluations.pop(top, None)
        elif top is not None:
            state.schedule(state.uri_for(str(top)))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, name, span = found
        text = hover_text(
            name, snapshot.index.statements.get(name), snapshot.amap, state.evaluation(snapshot)
        )
        if text is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=to_range(span, snapshot.lines(span.file), state.encoding),
        )

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(params: types.DefinitionParams) -> types.Location | None:
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, name, _ = found
        span = snapshot.index.definitions.get(name)
        return None if span is None else _location(span, snapshot, state)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(params: types.ReferenceParams) -> list[types.Location] | None:
        found = at_cursor(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, name, _ = found
        spans = snapshot.index.uses(name, definition=params.context.include_declaration)
        return [_location(span, snapshot, state) for span in spans]

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
            if diagnostic.source not in (None, NAME):
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
