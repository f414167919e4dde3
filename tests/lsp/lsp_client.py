"""The client side of the server's tests: a pytest-lsp client that keeps every
publication of diagnostics, and helpers that open and change maps and wait for them."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "argmap", "lsp"]
TIMEOUT = 20.0

Published = tuple[str, "int | None", list[types.Diagnostic]]


def _record(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    log: list[Published] = client.__dict__.setdefault("published", [])
    log.append((params.uri, params.version, list(params.diagnostics)))


def make_client() -> LanguageClient:
    """pytest-lsp's client, with every publication kept in `client.published`."""
    client = LanguageClient(converter_factory=default_converter)
    features = {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record}
    register_lsp_features(client, features)
    client.__dict__["published"] = []
    return client


async def published(
    client: LanguageClient, uri: str, version: int | None = None, since: int = 0
) -> list[types.Diagnostic]:
    """The first diagnostics published for `uri` after the `since`-th publication (for the
    document's `version` when given)."""

    async def wait() -> list[types.Diagnostic]:
        seen = since
        while True:
            log: list[Published] = client.__dict__["published"]
            for published_uri, published_version, diagnostics in log[seen:]:
                if published_uri == uri and (version is None or published_version == version):
                    return diagnostics
            seen = len(log)
            await asyncio.sleep(0.005)

    return await asyncio.wait_for(wait(), TIMEOUT)


async def settled(
    client: LanguageClient, uri: str, expected: list[tuple[object, ...]]
) -> list[tuple[object, ...]]:
    """The (code, message, line) of the diagnostics of `uri` once they are `expected`, or
    the last ones published when they do not become so within the timeout."""
    last: list[tuple[object, ...]] = []
    deadline = asyncio.get_running_loop().time() + TIMEOUT
    while asyncio.get_running_loop().time() < deadline:
        last = [(d.code, d.message, d.range.start.line) for d in client.diagnostics.get(uri, [])]
        if last == expected:
            break
        await asyncio.sleep(0.01)
    return last


def mark(client: LanguageClient) -> int:
    return len(client.__dict__["published"])


async def open_map(
    client: LanguageClient, path: Path, text: str, version: int = 1
) -> list[types.Diagnostic]:
    """Open `path` holding `text` in the editor; the diagnostics the server publishes."""
    uri = path.as_uri()
    since = mark(client)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="argmap", version=version, text=text)
        )
    )
    return await published(client, uri, version, since)


async def change_map(
    client: LanguageClient, path: Path, text: str, version: int
) -> list[types.Diagnostic]:
    """Replace the whole text of the open `path`; the diagnostics then published."""
    uri = path.as_uri()
    since = mark(client)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await published(client, uri, version, since)


async def hover_markdown(client: LanguageClient, path: Path, position: types.Position) -> str:
    """The Markdown the server shows on hovering `position` in the open `path`."""
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position
    ))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value
