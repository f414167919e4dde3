"""`[tool.argmap.check]` (select, ignore, severity) means the same in every command that
shows findings: `check`, `render --findings` (outlines and tooltips) and `report`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

MAP = """\
premise lonely: Nobody uses this.
claim c: Nothing backs this.
premise p: A reason.
conclusion d: The point.
p -> d
"""
CONFIG = """\
[tool.argmap.check]
ignore = ["unsupported-conclusion"]
severity = { orphan-statement = "error" }
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "map.argmap"
    path.write_text(MAP, encoding="utf-8")
    return path


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*arguments])
    return result.exit_code, result.stdout, result.stderr


def test_check_uses_the_settings(source: Path) -> None:
    code, out, _ = run("check", str(source))
    assert code == 1
    assert out.count("AM105 orphan-statement") == 2 and "AM101" not in out


def test_render_findings_use_them_too(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    code, _, err = run("render", str(source), "--findings", "--engine", "embedded",
                       "-o", str(target))
    assert code == 0, err
    svg = target.read_text(encoding="utf-8")
    assert svg.count("error AM105 orphan-statement") == 2  # the severity from pyproject.toml
    assert "warning AM105" not in svg and "AM101" not in svg  # ignored there


def test_report_uses_them_in_its_table_and_its_figure(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    code, _, err = run("report", str(source), "--engine", "embedded", "-o", str(target))
    assert code == 0, err
    page = target.read_text(encoding="utf-8")
    assert page.count('<span class="severity">error</span> <span class="code">AM105') == 2
    assert "AM101" not in page and "warning AM105" not in page


def test_a_broken_configuration_is_a_usage_error_for_render(source: Path) -> None:
    (source.parent / "pyproject.toml").write_text(
        "[tool.argmap.check]\nseverity = { orphan-statement = \"loud\" }\n", encoding="utf-8"
    )
    code, _, err = run("render", str(source), "--findings", "-f", "dot", "-o", "-")
    assert code == 2
    assert err.startswith("error: ") and "loud" in err
    # Without --findings the configuration is not read at all.
    assert run("render", str(source), "-f", "dot", "-o", "-")[0] == 0
