"""The VS Code preview's page (editors/vscode/media) in headless Chromium under its own
Content-Security-Policy, fed the SVG the language server's `argmap.preview` draws: the map
shown with its font, zoom and pan, an error that keeps the last drawing, and a click on a
statement that asks the editor to show it."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.render.render import RenderOptions, render_map

sys.path.insert(0, str(Path(__file__).parents[1] / "report"))
from chromium_helpers import Chromium, skip_without_chromium  # noqa: E402

ROOT = Path(__file__).parents[2]
MEDIA = ROOT / "editors" / "vscode" / "media"
NONCE = "dGVzdC1ub25jZQ=="
# What VS Code's webview API gives the page, recorded for the test to read; and every
# violation of the page's policy.
STUB = f"""<script nonce="{NONCE}">
window.posted = []; window.violations = []; window.state = null;
document.addEventListener("securitypolicyviolation", function (event) {{
  window.violations.push(event.violatedDirective + " " + event.blockedURI);
}});
window.acquireVsCodeApi = function () {{ return {{
  postMessage: function (message) {{ window.posted.push(message); }},
  getState: function () {{ return window.state; }},
  setState: function (state) {{ window.state = state; }}
}}; }};
</script>
"""

pytestmark = skip_without_chromium


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The preview's page as the extension fills it in, the stand-in API before its script."""
    folder = tmp_path_factory.mktemp("preview")
    for name in ("preview.js", "preview.css"):
        shutil.copy(MEDIA / name, folder / name)
    values = {"nonce": NONCE, "cspSource": "file:", "script": "preview.js",
              "style": "preview.css"}
    html = (MEDIA / "preview.html").read_text(encoding="utf-8")
    for name, value in values.items():
        html = html.replace("{{" + name + "}}", value)
    assert "{{" not in html
    html = html.replace(f'<script nonce="{NONCE}"', STUB + f'<script nonce="{NONCE}"', 1)
    (folder / "preview.html").write_text(html, encoding="utf-8")
    return folder / "preview.html"


@pytest.fixture(scope="module")
def svg() -> str:
    """What `argmap.preview` answers for the tutorial map (argmap/lsp/preview.py)."""
    amap = argmap.load(str(ROOT / "maps" / "tutorial.argmap"))
    return render_map(amap, RenderOptions(evaluate=True)).decode("utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    chromium = Chromium(width=900, height=700)
    try:
        yield chromium
    finally:
        chromium.close()


def send(browser: Chromium, message: dict[str, Any]) -> None:
    browser.evaluate(f"window.postMessage({json.dumps(message)}, '*')")
    browser.evaluate("new Promise(function (done) { setTimeout(done, 50); })")


def view_box(browser: Chromium) -> list[float]:
    box: str = browser.evaluate("document.querySelector('#diagram svg').getAttribute('viewBox')")
    return [float(number) for number in box.split()]


def test_the_preview_shows_the_map_and_zooms(browser: Chromium, page: Path, svg: str) -> None:
    browser.open(page)
    assert browser.evaluate("window.posted") == [{"type": "ready"}]
    send(browser, {"type": "svg", "svg": svg, "uri": "file:///maps/tutorial.argmap"})
    amap = argmap.load(str(ROOT / "maps" / "tutorial.argmap"))
    drawn = browser.evaluate(
        "[...document.querySelectorAll('#diagram svg g.node')].map(g => g.id)"
        ".filter(id => id.startsWith('statement-'))"
    )
    assert sorted(drawn) == sorted(f"statement-{node}" for node, _ in amap.statements())
    # The drawing's own font, though the policy allows no inline style.
    family = browser.evaluate(
        "getComputedStyle(document.querySelector('#diagram svg text')).fontFamily")
    assert browser.evaluate(
        f"document.fonts.load('12px {family.split(',')[0]}').then(f => f.length)") == 1
    whole = view_box(browser)
    browser.evaluate("document.getElementById('zoom-in').click()")
    zoomed = view_box(browser)
    assert zoomed[2] == pytest.approx(whole[2] * 0.7)
    # A change that keeps the drawing's size keeps the reader's zoom.
    send(browser, {"type": "svg", "svg": svg, "uri": "file:///maps/tutorial.argmap"})
    assert view_box(browser) == pytest.approx(zoomed)
    browser.evaluate("document.getElementById('zoom-reset').click()")
    assert view_box(browser) == pytest.approx(whole)
    assert browser.evaluate("window.state.uri") == "file:///maps/tutorial.argmap"
    assert browser.evaluate("window.violations") == []


def test_an_error_keeps_the_last_drawing(browser: Chromium, page: Path, svg: str) -> None:
    browser.open(page)
    send(browser, {"type": "error", "message": "The map has errors; fix them to draw it"})
    assert browser.evaluate("document.getElementById('status').hidden") is False
    assert browser.evaluate("document.querySelector('#diagram svg')") is None
    send(browser, {"type": "svg", "svg": svg})
    assert browser.evaluate("document.getElementById('status').hidden") is True
    send(browser, {"type": "error", "message": "The map has errors; fix them to draw it"})
    assert browser.evaluate("document.getElementById('status').textContent") == (
        "The map has errors; fix them to draw it")
    assert browser.evaluate("document.querySelectorAll('#diagram g.node').length") > 10


def test_a_click_on_a_statement_asks_to_show_it(browser: Chromium, page: Path, svg: str) -> None:
    browser.open(page)
    send(browser, {"type": "svg", "svg": svg})
    box = browser.evaluate(
        "(function () { var r = document.getElementById('statement-build')"
        ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    browser.click(*box)
    assert browser.evaluate("window.posted")[-1] == {"type": "reveal", "id": "statement-build"}


def test_the_drawing_brings_no_script_into_the_page(
    browser: Chromium, page: Path, svg: str
) -> None:
    browser.open(page)
    hostile = svg.replace(
        "</svg>", '<script>window.ran = 1</script><g onload="window.ran = 2"></g></svg>')
    send(browser, {"type": "svg", "svg": hostile})
    assert browser.evaluate("window.ran") is None
    assert browser.evaluate("document.querySelectorAll('#diagram script, [onload]').length") == 0
