"""The HTML report in a real browser (headless Chromium): the diagram and the table render,
every statement is in the DOM, clicking a finding highlights its node, nothing is blocked by
the page's Content-Security-Policy, and the screenshot is not blank."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap

sys.path.insert(0, str(Path(__file__).parent))
from chromium_helpers import Chromium, decode_png, skip_without_chromium  # noqa: E402

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

MAPS = Path(__file__).parents[2] / "maps"
SHOTS = os.environ.get("ARGMAP_SCREENSHOTS")  # a folder to keep the screenshots in, to look at

pytestmark = skip_without_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    chromium = Chromium(width=1280, height=1000)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="module")
def report() -> Path:
    """The example report in the repository (test_report_example checks that it is what
    `argmap report` makes now, so there is no need to make it again here)."""
    return MAPS / "russia-china.html"


def keep(name: str, png: bytes) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        (Path(SHOTS) / name).write_bytes(png)


def test_the_report_renders_with_every_statement(browser: Chromium, report: Path) -> None:
    browser.open(report)
    amap = argmap.load(str(MAPS / "russia-china.argmap"))
    statements = [node for node, _ in amap.statements()]
    drawn = browser.evaluate(
        "[...document.querySelectorAll('#diagram svg g.node')].map(g => g.id)"
        ".filter(id => id.startsWith('statement-'))"
    )
    assert sorted(drawn) == sorted(f"statement-{node}" for node in statements)
    rows = browser.evaluate(
        "[...document.querySelectorAll('#statements tbody tr td.id')].map(td => td.textContent)"
    )
    assert rows == statements
    texts = browser.evaluate("document.querySelector('#statements').textContent")
    assert all(data["text"] in texts for _, data in amap.statements())
    size = browser.evaluate(
        "(() => { const r = document.querySelector('#diagram svg').getBoundingClientRect();"
        " return [r.width, r.height]; })()"
    )
    assert size[0] > 800 and size[1] > 300
    assert browser.console_errors() == []  # the CSP let the page's own script and style run
    png = browser.screenshot()
    keep("report.png", png)
    width, height, rows_ = decode_png(png)
    assert (width, height) == (1280, 1000)


def test_clicking_a_finding_highlights_its_node(browser: Chromium, report: Path) -> None:
    browser.open(report)
    before = browser.evaluate("document.querySelector('#diagram svg').getAttribute('viewBox')")
    assert browser.evaluate("document.querySelectorAll('#diagram .highlight').length") == 0
    browser.evaluate("document.querySelector('ul.findings a').scrollIntoView({block: 'center'})")
    x, y = browser.evaluate(
        "(() => { const r = document.querySelector('ul.findings a .severity')"
        ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
    )
    browser.click(x, y)
    highlighted = browser.evaluate(
        "[...document.querySelectorAll('#diagram .highlight')].map(g => g.id)"
    )
    # The first finding (by line) is the info on Putin's account of what Russia gains.
    assert highlighted == ["statement-partnership"]
    assert browser.evaluate("document.getElementById('row-statement-partnership').className") \
        == "selected"
    after = browser.evaluate("document.querySelector('#diagram svg').getAttribute('viewBox')")
    assert after != before  # zoomed to the statement
    browser.evaluate("window.scrollTo(0, 0)")
    png = browser.screenshot()
    keep("report-finding-clicked.png", png)
    # Not blank: the diagram region holds many colours, and the highlight's orange is there.
    _, _, rows = decode_png(png)
    colours = {row[x : x + 3] for row in rows[300:900:4] for x in range(0, 1280 * 4, 16)}
    assert len(colours) > 20


def test_the_filter_hides_rows(browser: Chromium, report: Path) -> None:
    browser.open(report)
    total = browser.evaluate("document.querySelectorAll('#statements tbody tr').length")
    browser.evaluate(
        "(() => { const f = document.getElementById('filter'); f.value = 'energy';"
        " f.dispatchEvent(new Event('input')); })()"
    )
    shown = browser.evaluate(
        "[...document.querySelectorAll('#statements tbody tr')].filter(r => !r.hidden).length"
    )
    assert 0 < shown < total
    browser.evaluate(
        "(() => { const f = document.getElementById('filter'); f.value = '';"
        " f.dispatchEvent(new Event('input'));"
        " const k = document.getElementById('filter-kind'); k.value = 'conclusion';"
        " k.dispatchEvent(new Event('input')); })()"
    )
    assert browser.evaluate(
        "[...document.querySelectorAll('#statements tbody tr')].filter(r => !r.hidden)"
        ".map(r => r.querySelector('td.id').textContent)"
    ) == ["raise_costs"]
