"""The system Graphviz: the `dot` program on PATH, run with an argument list and a timeout."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from argmap.errors import RenderError

FORMATS = frozenset({"svg", "png", "pdf", "json", "dot"})


def find_dot() -> str | None:
    """The path of Graphviz's `dot` program, or None when Graphviz is not installed."""
    return shutil.which("dot")


def system_version() -> str | None:
    """Graphviz's version as `dot -V` reports it (through the graphviz package)."""
    import graphviz

    try:
        return ".".join(str(part) for part in graphviz.version())
    except (graphviz.ExecutableNotFound, RuntimeError, OSError, subprocess.SubprocessError):
        return None


class SystemGraphviz:
    """Lays out DOT with the installed `dot`; any failure becomes a RenderError."""

    name = "system"
    formats = FORMATS

    def __init__(self, executable: str) -> None:
        self.executable = executable

    def layout(
        self, dot: str, fmt: str, timeout: float, options: Sequence[str] = ()
    ) -> bytes:
        command = [self.executable, f"-T{fmt}", *options]
        try:
            done = subprocess.run(
                command, input=dot.encode("utf-8"), capture_output=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            raise RenderError(timeout_message(timeout, "dot")) from None
        except OSError as error:
            raise RenderError(f"cannot run Graphviz ({self.executable}): {error}") from None
        if done.returncode != 0:
            hint = "\n(--engine embedded lays the map out with argmap's own Graphviz)"
            raise RenderError(failure_message("dot", done.returncode, done.stderr) + hint)
        return done.stdout


def timeout_message(timeout: float, engine: str) -> str:
    return (
        f"the layout ran longer than {timeout:g} s and was stopped ({engine}); "
        "raise --timeout, or draw less with --focus, --section or --tag"
    )


def failure_message(engine: str, returncode: int, stderr: bytes) -> str:
    how = f"was killed by signal {-returncode}" if returncode < 0 else f"failed ({returncode})"
    detail = stderr.decode("utf-8", errors="replace").strip()
    return f"Graphviz {engine} {how}" + (f":\n{detail}" if detail else "")
