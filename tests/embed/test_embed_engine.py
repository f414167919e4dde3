"""`argmap embed` draws with the embedded Graphviz unless told otherwise, so its figures and
`--check` are the same whether or not Graphviz is installed; `--check` says why a figure is
stale."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]

MAP = "premise a: A reason.\nclaim b: What follows.\na -> b\n"
DOC = '# D\n\n```argmap src="m.argmap"\n```\n\n```argmap\nclaim c: Inline.\n```\n'


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["embed", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stderr


def project(root: Path) -> Path:
    root.mkdir()
    (root / ".git").mkdir()
    (root / "m.argmap").write_text(MAP, encoding="utf-8")
    (root / "doc.md").write_text(DOC, encoding="utf-8")
    return root


def figures(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file() and ".git" not in path.parts}


def test_the_same_figures_with_and_without_system_graphviz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_dot, without_dot = project(tmp_path / "a"), project(tmp_path / "b")
    monkeypatch.chdir(with_dot)
    assert run("doc.md")[0] == 0
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("dot") is None
    monkeypatch.chdir(without_dot)
    assert run("doc.md")[0] == 0
    assert figures(with_dot) == figures(without_dot)
    # And each machine finds the other's figures up to date.
    monkeypatch.chdir(with_dot)
    assert run("doc.md", "--check") == (0, "1 document up to date\n")


@pytest.mark.system_graphviz
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_check_says_a_figure_was_drawn_by_another_graphviz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(tmp_path / "p"))
    assert run("doc.md", "--engine", "system")[0] == 0
    status, messages = run("doc.md", "--check")
    assert status == 1
    assert messages.count(": out of date: drawn by Graphviz ") == 2
    assert "and this run draws with Graphviz" in messages
    assert "unless --engine says otherwise" in messages
    assert run("doc.md", "--check", "--engine", "system")[0] == 0


def test_check_says_why_each_figure_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path / "p")
    monkeypatch.chdir(root)
    status, messages = run("doc.md", "--check")
    assert status == 1 and messages.count(": missing (not drawn yet)") == 2
    assert run("doc.md")[0] == 0
    src_figure = next(path for path in (root / "doc-argmap").glob("*.svg")
                      if not path.name.startswith("argument-map"))
    (root / "m.argmap").write_text(MAP.replace("A reason", "Another reason"), encoding="utf-8")
    status, messages = run("doc.md", "--check")
    assert status == 1
    assert f"{src_figure.name}: out of date: the map it draws changed" in messages
    assert run("doc.md")[0] == 0
    src_figure.write_bytes(src_figure.read_bytes() + b"<!-- mine -->")
    status, messages = run("doc.md", "--check")
    assert f"{src_figure.name}: out of date: it was changed after argmap drew it" in messages
    assert run("doc.md")[0] == 0
    doc = root / "doc.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Inline.", "Changed."),
                   encoding="utf-8")
    status, messages = run("doc.md", "--check")
    assert "doc.md: its figure links are out of date" in messages
    assert "no block uses it any more (argmap embed deletes it)" in messages
    assert ": missing (not drawn yet)" in messages
