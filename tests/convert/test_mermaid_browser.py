"""The Mermaid argmap writes is drawn by Mermaid itself (the library GitHub uses), in headless
Chromium: every statement's text appears in the drawing, hostile text as text."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap import load
from argmap.convert.losses import Losses
from argmap.convert.mermaid import write_mermaid

sys.path.insert(0, str(Path(__file__).parents[1] / "report"))
from chromium_helpers import Chromium, skip_without_chromium  # noqa: E402

ROOT = Path(__file__).parents[2]
NPM_PREFIX = Path.home() / ".cache" / "argmap-tests"
MERMAID_JS = Path(os.environ.get(
    "ARGMAP_MERMAID_JS", NPM_PREFIX / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
))
MAPS = [
    ROOT / "maps" / "russia-china.argmap",
    ROOT / "tests" / "render" / "data" / "hostile.argmap",
    ROOT / "tests" / "data" / "valid" / "attacks_on_attacks.argmap",
    ROOT / "tests" / "data" / "valid" / "named_arguments.argmap",
]

pytestmark = [
    skip_without_chromium,
    pytest.mark.skipif(not MERMAID_JS.is_file(), reason=(
        f"Mermaid is not at {MERMAID_JS} (npm install --prefix ~/.cache/argmap-tests mermaid@11, "
        "or set ARGMAP_MERMAID_JS); .ci/run installs it")),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    chromium = Chromium(width=1400, height=1000)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_mermaid_draws_what_argmap_writes(path: Path, tmp_path: Path, browser: Chromium) -> None:
    amap = load(str(path))
    chart = write_mermaid(amap, Losses())
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><meta charset=utf-8><body><div id=out></div>"
        f"<script>{MERMAID_JS.read_text(encoding='utf-8')}</script>"
        "<script>mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});"
        f"window.drawn = mermaid.render('chart', {json.dumps(chart)})"
        ".then(r => { document.getElementById('out').innerHTML = r.svg; return 'ok'; })"
        ".catch(e => 'error: ' + e);</script>",
        encoding="utf-8",
    )
    browser.open(page)
    assert browser.evaluate("window.drawn") == "ok"
    shown = browser.evaluate("document.getElementById('out').innerText")
    scripts = browser.evaluate("document.querySelectorAll('#out script').length")
    words = " ".join(shown.split())
    for _, data in amap.statements():
        assert " ".join(data["text"].split()) in words, data["text"]
    assert scripts == 0
