"""The embedded Graphviz under a memory limit (`ulimit -v`): it reserves about 4.5 GiB of
address space, and when it cannot, argmap says so in one line and exits 1, never with
wasmtime's traceback; the same for any other failure to start it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import wasmtime

sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

from argmap.errors import RenderError  # noqa: E402
from argmap.render import wasm_graphviz as embedded  # noqa: E402
from argmap.render.wasm_graphviz import EmbeddedGraphviz  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

resource = pytest.importorskip("resource")  # POSIX only
MAP = "premise a: A.\nconclusion b: B.\na -> b\n"
LIMIT = 1 << 30  # bytes: room for Python and argmap, not for WebAssembly's 4 GiB memory
NOT_ENOUGH = (
    "the embedded Graphviz could not start: not enough memory (it needs about 4.5 GiB of "
    "address space besides argmap's own, and the memory limit, `ulimit -v`, is 1 GiB); "
    "install Graphviz (apt-get install graphviz / brew install graphviz) or raise the "
    "memory limit"
)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def test_a_memory_limit_below_what_the_engine_reserves_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(source), "--engine", "embedded"],
        capture_output=True, text=True, timeout=120, preexec_fn=_limit_memory,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: {source}: {NOT_ENOUGH}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.argmap"]


def test_the_layout_thread_that_cannot_start_is_the_same_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Just above the limit that stops the engine's memory, its thread's stack (256 MiB)
    can still be refused: Python says "can't start new thread"."""

    def refuse(_target: object) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(embedded, "_start_thread", refuse)
    monkeypatch.setattr(embedded, "_reserved_vs_limit", lambda: embedded.RESERVED)
    with pytest.raises(RenderError) as caught:
        EmbeddedGraphviz().layout("digraph { a -> b }", "svg", 60)
    assert str(caught.value) == NOT_ENOUGH.replace(
        ", and the memory limit, `ulimit -v`, is 1 GiB", ""
    )


def test_any_other_failure_to_start_is_one_line_with_its_cause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*_: object) -> None:
        raise wasmtime.WasmtimeError("instantiation failed\n\nCaused by:\n    \x1b[31mno luck")

    monkeypatch.setattr(embedded._Session, "start", fail)
    with pytest.raises(RenderError) as caught:
        EmbeddedGraphviz().layout("digraph { a -> b }", "svg", 60)
    assert str(caught.value) == (
        "the embedded Graphviz could not start (\\x1b[31mno luck); "
        "install Graphviz (apt-get install graphviz / brew install graphviz)"
    )
