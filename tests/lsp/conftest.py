"""A real client (pytest-lsp) talking to `argmap lsp` over stdio (the tests skip without
pygls or pytest-lsp)."""

from __future__ import annotations

import importlib.util

if importlib.util.find_spec("pytest_lsp") and importlib.util.find_spec("pygls"):
    import pytest_lsp
    from lsp_client import SERVER, make_client
    from lsprotocol import types
    from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

    @pytest_lsp.fixture(
        config=ClientServerConfig(server_command=SERVER, client_factory=make_client),
        scope="module",
    )
    async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
        await lsp_client.initialize_session(
            types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
        )
        yield
        await lsp_client.shutdown_session()
