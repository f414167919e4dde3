"""What a client sets when it starts the server: the semantics of the verdicts (over the
project's) and where the rules' documentation is."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls: pip install 'argmap[lsp]'")
pytest_lsp = pytest.importorskip(
    "pytest_lsp", reason="its tests need pytest-lsp: pip install 'argmap[test]'"
)

from lsp_client import SERVER, hover_markdown, make_client, open_map  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")
OPTIONS = {"semantics": "kripke-kleene", "docsUrl": "https://example.org/argmap/"}


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, client_factory=make_client),
    scope="module",
)
async def configured(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("neovim"), initialization_options=OPTIONS
    ))
    yield
    await lsp_client.shutdown_session()


async def test_the_clients_semantics_and_docs_url_apply(
    configured: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "circle.argmap"
    text = "claim a: A.\nconclusion b: B.\na -> b\nb -> a\n"
    found = await open_map(configured, path, text)
    links = {d.code: d.code_description.href for d in found if d.code_description}
    assert links["AM103"] == "https://example.org/argmap/rules/circular-reasoning.html"
    shown = await hover_markdown(configured, path, types.Position(1, 11))
    assert "Verdict: **circular** (UNDEC)." in shown
