"""Running the evidence rules in a forked process beside the others, on maps big enough to pay."""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import NoReturn

from argmap.checks.context import CheckContext
from argmap.checks.finding import Finding
from argmap.checks.registry import Rule
from argmap.model import ArgumentMap

SIDE_PROCESS_MIN_STATEMENTS = 5_000
"""Below this the rules take under a tenth of a second and forking is not worth its cost."""

EVIDENCE_PREFIX = "AM2"
"""The evidence rules read the document and nothing the structure rules compute: the quote
lookup is about half of all the rules' work, so it balances the rest."""

RunRules = Callable[[Sequence[Rule]], list[Finding]]


def run_rules(
    amap: ArgumentMap, context: CheckContext, rules: Sequence[Rule], processes: int = 1
) -> list[Finding]:
    """Every finding of `rules` on `amap` (unsorted); with `processes` of 2 or more, the
    evidence rules run in a forked child while this process runs the rest, where that pays.

    The outcome is the same either way: if the child fails in any way, its rules run here.
    """

    def run(chosen: Sequence[Rule]) -> list[Finding]:
        return [finding for rule in chosen for finding in rule.run(amap, context)]

    evidence = [rule for rule in rules if rule.code.startswith(EVIDENCE_PREFIX)]
    structure = [rule for rule in rules if not rule.code.startswith(EVIDENCE_PREFIX)]
    if processes < 2 or not evidence or not structure or not _fork_pays(context):
        return run(rules)
    # Shared by both sides: computed once before forking, inherited by the child.
    context.statements  # noqa: B018
    context.degrees  # noqa: B018
    return _run_forked(run, beside=evidence, here=structure)


def usable_cpus() -> int:
    """The CPUs this process may run on (the affinity mask, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _fork_pays(context: CheckContext) -> bool:
    # A fork taken while other threads run can copy a lock held by one of them (a notebook
    # or a server embedding argmap): such callers get the sequential run.
    return (
        hasattr(os, "fork")
        and threading.active_count() == 1
        and len(context.statements) >= SIDE_PROCESS_MIN_STATEMENTS
    )


def _run_forked(run: RunRules, beside: Sequence[Rule], here: Sequence[Rule]) -> list[Finding]:
    reader, writer = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        return run(here) + run(beside)
    if child == 0:
        os.close(reader)
        _child_main(run, beside, writer)
    os.close(writer)
    finished = False
    try:
        findings = run(here)
        received = _read_all(reader)
        _, status = os.waitpid(child, 0)
        finished = True
        besides = _decode(received) if status == 0 else None
    finally:
        os.close(reader)
        if not finished:
            _stop(child)
    return findings + (besides if besides is not None else run(beside))


def _child_main(run: RunRules, rules: Sequence[Rule], writer: int) -> NoReturn:
    """Runs the rules, writes their pickled findings and ends the child without returning:
    it must not run the parent's exit handlers or flush the parent's buffered output."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        payload = pickle.dumps(run(rules), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        status = 0
    finally:
        os._exit(status)


def _read_all(reader: int) -> bytes:
    chunks = []
    while chunk := os.read(reader, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(payload: bytes) -> list[Finding] | None:
    try:
        findings = pickle.loads(payload)
    except Exception:  # noqa: BLE001 — a truncated payload: the rules run here instead
        return None
    return findings if isinstance(findings, list) else None


def _stop(child: int) -> None:
    try:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
