"""The example report in the repository, maps/russia-china.html, is what `argmap report`
makes of maps/russia-china.argmap now (the docs link it)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "maps" / "russia-china.html"
ARTICLE = ROOT.parent / "shared" / "sources" / "russia-china-oppose-the-globe.txt"
COMMAND = ["report", "maps/russia-china.argmap", "--engine", "embedded"]


def test_the_example_report_is_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    # Without the article (a clone without ../shared) the map's quotes cannot be looked up,
    # and `check` says so; every quote is in the article, so leaving that one finding out
    # gives the very report made with it.
    extra = [] if ARTICLE.is_file() else ["--ignore", "document-not-found"]
    target = tmp_path / "russia-china.html"
    result = CliRunner().invoke(main, [*COMMAND, *extra, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == EXAMPLE.read_bytes(), (
        "maps/russia-china.html is out of date: run "
        "`argmap report maps/russia-china.argmap --engine embedded -o maps/russia-china.html`"
    )
