"""What the server's handlers share: the map each open file belongs to, each map's latest
snapshot, the diagnostics published, and the pending checks."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from argmap.errors import Span
from argmap.lsp.diagnostics import location_of, to_diagnostic
from argmap.lsp.hover import Evaluation, evaluate
from argmap.lsp.positions import UTF16, path_to_uri, uri_to_path
from argmap.lsp.project import (
    ParseCache,
    Snapshot,
    build_snapshot,
    including_map,
    is_current,
    stamp,
)

DEBOUNCE = 0.02
"""Seconds a change waits for the next one before the map is checked again: typing
checks once per pause, and a 1,000-statement map still shows its findings within 0.1 s."""
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
        if uri not in self.tops:  # closed while its check waited
            return
        top = self.tops[uri]
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
            by_file[file].append(to_diagnostic(
                finding, lines[file], encoding=self.encoding, docs_url=self.docs_url,
                locate=lambda name: self.definition(name, snapshot),
            ))
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

    # -- places -----------------------------------------------------------------------------

    def location(self, span: Span, snapshot: Snapshot) -> types.Location:
        """Where `span` is, as the editor names the file and counts columns."""
        return location_of(
            span, snapshot.lines(span.file), self.uri_for(span.file), self.encoding
        )

    def definition(self, name: str, snapshot: Snapshot) -> types.Location | None:
        """Where the statement `name` is defined: from the model when there is one (the
        index of every ID costs more than a finding's few statements)."""
        amap = snapshot.amap
        if amap is not None and name in amap.graph:
            span = amap.graph.nodes[name].get("span")
        else:
            span = snapshot.index.definitions.get(name)
        return None if span is None else self.location(span, snapshot)
