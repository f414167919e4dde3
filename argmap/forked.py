"""A worker process, forked early, that does one job while this one goes on."""

from __future__ import annotations

import logging
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, NoReturn, TypeVar

_T = TypeVar("_T")
CHUNK_BYTES = 1 << 20
logger = logging.getLogger(__name__)


def usable_cpus() -> int:
    """The CPUs this process may run on (the affinity mask, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class _Child:
    """A forked child to wait for, or to stop when the parent gives up on it."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.running = True

    def succeeded(self) -> bool:
        _, status = os.waitpid(self.pid, 0)
        self.running = False
        return status == 0

    def stop(self) -> None:
        if not self.running:
            return
        self.running = False
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


class Forked(Generic[_T]):
    """A job running in a worker process, whose result is read once."""

    def __init__(self, child: _Child, reader: int) -> None:
        self._child = child
        self._reader: int | None = reader

    def result(self) -> _T | None:
        """Wait for the child: its result, or None if it failed in any way (the caller then
        does the work itself, so that a failed child never changes an outcome)."""
        received = self._read_all()
        if not self._child.succeeded():
            return None
        try:
            result: _T = pickle.loads(received)
        except Exception:  # noqa: BLE001 — a truncated result: the caller does the work
            return None
        return result

    def cancel(self) -> None:
        """Stop the child (the caller failed or was interrupted while it ran)."""
        self._close()
        self._child.stop()

    def _read_all(self) -> bytes:
        assert self._reader is not None, "result() is read once"
        chunks = []
        try:
            while chunk := os.read(self._reader, CHUNK_BYTES):
                chunks.append(chunk)
        finally:
            self._close()
        return b"".join(chunks)

    def _close(self) -> None:
        if self._reader is not None:
            os.close(self._reader)
            self._reader = None


class Worker:
    """A forked child waiting for one job. Started while this process is still small, it
    shares almost nothing with it: a child forked from a big process would keep the old
    copy of every page that process changes afterwards (reference counts change on every
    object read), doubling the memory of both."""

    def __init__(self, child: _Child, jobs: int, results: int) -> None:
        self._child = child
        self._jobs: int | None = jobs
        self._results = results

    def submit(self, function: Callable[..., _T], *arguments: object) -> Forked[_T] | None:
        """Run `function(*arguments)` in the worker (both are pickled: `function` must be
        importable); None if the job cannot be sent, and the caller does the work itself."""
        jobs = self._take_jobs()
        if jobs is None:
            return None
        try:
            payload = pickle.dumps((function, arguments), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 — not picklable: the caller does the work
            os.close(jobs)
            self._give_up()
            return None
        try:
            with os.fdopen(jobs, "wb") as pipe:
                pipe.write(payload)
        except OSError:  # the worker has died
            self._give_up()
            return None
        return Forked(self._child, self._results)

    def _give_up(self) -> None:
        os.close(self._results)
        self._child.stop()

    def close(self) -> None:
        """Let a worker that got no job end (it reads the end of its job pipe)."""
        jobs = self._take_jobs()
        if jobs is not None:
            os.close(jobs)
            os.close(self._results)
            self._child.succeeded()

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _take_jobs(self) -> int | None:
        jobs, self._jobs = self._jobs, None
        return jobs


def start_worker() -> Worker | None:
    """A worker forked now, to take one job later; None where forking is unavailable or
    unsafe."""
    if not _can_fork():
        logger.debug("no worker: this system cannot fork, or other threads are running")
        return None
    job_reader, job_writer = os.pipe()
    result_reader, result_writer = os.pipe()

    def serve() -> None:
        os.close(job_writer)
        os.close(result_reader)
        with os.fdopen(job_reader, "rb") as jobs:
            received = jobs.read()
        if not received:
            return
        function, arguments = pickle.loads(received)
        payload = pickle.dumps(function(*arguments), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(result_writer, "wb") as pipe:
            pipe.write(payload)

    child = _fork(serve)
    os.close(job_reader)
    os.close(result_writer)
    if child is None:
        os.close(job_writer)
        os.close(result_reader)
        return None
    return Worker(child, job_writer, result_reader)


def _can_fork() -> bool:
    # A fork taken while other threads run can copy a lock one of them holds (a notebook or
    # a server embedding argmap): such callers do the work themselves.
    return hasattr(os, "fork") and threading.active_count() == 1


def _fork(task: Callable[[], None]) -> _Child | None:
    try:
        pid = os.fork()
    except OSError as error:
        logger.debug("no worker: fork failed (%s)", error)
        return None
    if pid == 0:
        _child_main(task)
    return _Child(pid)


def _child_main(task: Callable[[], None]) -> NoReturn:
    """Runs the task and ends the child without returning: it must not run the parent's exit
    handlers or flush the parent's buffered output. Exit status 0 means the task finished."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        task()
        status = 0
    finally:
        os._exit(status)
