"""The client side of the server's tests: open and change maps, wait for diagnostics."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

SERVER = [sys.executable, "-m", "argmap", "lsp"]


async def published(
    client: LanguageClient, uri: str, timeout: float = 20
) -> list[types.Diagnostic]:
    """The next diagnostics published for `uri` (after `client.diagnostics` dropped it)."""

    async def wait() -> list[types.Diagnostic]:
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return list(client.diagnostics[uri])

    return await asyncio.wait_for(wait(), timeout)


async def open_map(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    """Open `path` holding `text` in the editor; the diagnostics the server publishes."""
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="argmap", version=1, text=text)
        )
    )
    return await published(client, uri)


async def change_map(
    client: LanguageClient, path: Path, text: str, version: int
) -> list[types.Diagnostic]:
    """Replace the whole text of the open `path`; the diagnostics then published."""
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await published(client, uri)
