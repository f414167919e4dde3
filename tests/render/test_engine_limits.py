"""Engine failures are one line saying what to do (--focus, --section, the other engine):
never a WebAssembly backtrace, never a dump of what a failing `dot` printed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import wasmtime

from argmap.errors import RenderError
from argmap.render.system import SystemGraphviz
from argmap.render.wasm_graphviz import _start_thread, crash_message, new_engine

sys.path.insert(0, str(Path(__file__).parent))
from render_helpers import isolated_module_cache, skip_without_dot  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

ADVICE = "draw part of the map with --focus or --section"


def trap(wat: str) -> wasmtime.Trap:
    """The trap that running the WebAssembly text `wat`'s export `f` raises, run as argmap
    runs layouts: on a thread whose stack is larger than the engine's WebAssembly stack."""
    engine = new_engine()
    store = wasmtime.Store(engine)
    store.set_epoch_deadline(1)
    instance = wasmtime.Instance(store, wasmtime.Module(engine, wat), [])
    raised: list[BaseException] = []

    def call() -> None:
        try:
            instance.exports(store)["f"](store)
        except BaseException as error:  # handed to the test's thread
            raised.append(error)

    _start_thread(call).join()
    assert len(raised) == 1 and isinstance(raised[0], wasmtime.Trap), raised
    return raised[0]


def test_running_out_of_stack_is_one_line_with_what_to_do() -> None:
    error = trap('(module (func $f (export "f") call $f))')
    assert "wasm backtrace" in str(error)  # what used to be shown: dozens of lines
    message = crash_message(error)
    assert "\n" not in message
    assert message.startswith("the map's chains of reasons are too long for the embedded")
    assert message.endswith(f"{ADVICE}, or use --engine system")


def test_any_other_trap_is_one_line_naming_its_cause() -> None:
    message = crash_message(trap('(module (func (export "f") unreachable))'))
    assert message == (
        "the embedded Graphviz crashed (wasm trap: wasm `unreachable` instruction executed): "
        f"{ADVICE}, or try --engine system"
    )


def fake_dot(tmp_path: Path, body: str) -> SystemGraphviz:
    script = tmp_path / "dot"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return SystemGraphviz(str(script))


@pytest.mark.skipif(os.name != "posix", reason="the fake engine is a shell script")
def test_a_crashing_dot_is_one_line_however_much_it_printed(tmp_path: Path) -> None:
    # 20,000 lines of warnings, one with a terminal escape, then a segmentation fault.
    engine = fake_dot(
        tmp_path,
        "printf 'Warning: \\033[2Jnode too wide\\n' >&2; "
        "i=0; while [ $i -lt 20000 ]; do echo \"Warning: line $i\"; i=$((i+1)); done >&2; "
        "kill -SEGV $$",
    )
    with pytest.raises(RenderError) as caught:
        engine.layout("digraph {}", "svg", 30)
    message = str(caught.value)
    assert "\n" not in message and "\x1b" not in message
    assert message == (
        "Graphviz dot was killed by signal 11 (SIGSEGV): Warning: \\x1b[2Jnode too wide / "
        "Warning: line 0; dot crashes so on maps too big for it (very long chains of "
        f"statements, statements of megabytes): {ADVICE}, or try --engine embedded"
    )


@pytest.mark.skipif(os.name != "posix", reason="the fake engine is a shell script")
def test_a_failing_dot_shows_the_start_of_a_long_line_only(tmp_path: Path) -> None:
    engine = fake_dot(tmp_path, "printf 'Error: %0500d\\n' 0 >&2; exit 1")
    with pytest.raises(RenderError) as caught:
        engine.layout("digraph {}", "svg", 30)
    message = str(caught.value)
    assert message.startswith("Graphviz dot failed (1): Error: 0000")
    assert "...; --engine embedded lays the map out" in message
    assert len(message) < 300


def run_render(source: Path, engine: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(source), "--engine", engine],
        capture_output=True, text=True, timeout=300,
    )


def assert_drawn_or_one_line(result: subprocess.CompletedProcess[str], source: Path) -> None:
    """Where the engine copes, the drawing; where it fails, one line with what to do."""
    if result.returncode == 0:
        assert result.stderr.startswith(f"wrote {source.with_suffix('.svg')}")
        return
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr[:2000]
    assert result.stderr.startswith(f"error: {source}: ")
    assert ADVICE in result.stderr


def test_a_chain_too_deep_for_the_embedded_engine(tmp_path: Path) -> None:
    """2,500 statements in a row exhaust the embedded Graphviz's stack (a 25-line wasm
    backtrace before); if a larger stack lets it cope, the drawing must be there."""
    source = tmp_path / "deep.argmap"
    depth = 2500
    lines = [f"premise p{i}: Step {i}." for i in range(depth)] + ["conclusion c: End."]
    lines += [f"p{i} -> p{i + 1}" for i in range(depth - 1)] + [f"p{depth - 1} -> c"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_drawn_or_one_line(run_render(source, "embedded"), source)


@pytest.mark.system_graphviz
@skip_without_dot
def test_a_statement_of_two_megabytes(tmp_path: Path) -> None:
    """Graphviz 2.43's dot segfaults on it ('out of memory'): one line, not a dump."""
    source = tmp_path / "long.argmap"
    source.write_text("premise a: " + "word " * 400_000 + "\nconclusion c: End.\na -> c\n",
                      encoding="utf-8")
    assert_drawn_or_one_line(run_render(source, "system"), source)
