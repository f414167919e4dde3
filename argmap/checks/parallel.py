"""The quote search in a worker process while the other rules run, on maps big enough to pay."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from argmap import forked
from argmap.checks.context import CheckContext
from argmap.checks.document import Misquotes, misquotes_in_text
from argmap.checks.finding import Finding
from argmap.checks.registry import Rule
from argmap.checks.rules import quote_not_found
from argmap.model import ArgumentMap

WORKER_MIN_BYTES = 1_000_000
"""Maps smaller than this (about 5,000 statements) are checked in a tenth of a second: not
worth a second process."""

# quote-not-found: searching the document for every quote (and the closest passage to each
# misquote) is about half of all the rules' work, and needs nothing the others compute.
QUOTE_RULE = quote_not_found.CODE


def worker_for(
    path: str | os.PathLike[str],
) -> AbstractContextManager[forked.Worker | None]:
    """A worker for checking the map at `path`, started before the map is loaded (see
    `forked.Worker`), where the map is big and the machine has a second CPU; else None.
    Used as `with worker_for(path) as worker:`, which closes it."""
    try:
        big = Path(path).stat().st_size >= WORKER_MIN_BYTES
    except OSError:
        big = False
    worker = forked.start_worker() if big and forked.usable_cpus() >= 2 else None
    return worker if worker is not None else nullcontext()


def run_rules(
    amap: ArgumentMap,
    context: CheckContext,
    rules: Sequence[Rule],
    worker: forked.Worker | None = None,
) -> list[Finding]:
    """Every finding of `rules` on `amap` (unsorted). Given a `worker`, the quotes are
    searched for there while this process runs the other rules.

    The outcome is the same either way: if the worker fails in any way, the search runs here.
    """
    search = _submit_search(context, rules, worker) if worker is not None else None
    if search is None:
        return [finding for rule in rules for finding in rule.run(amap, context)]
    context.misquotes_found = search.result
    # The quote rule last, so that the worker has the most time before its result is read.
    ordered = sorted(rules, key=lambda rule: rule.code == QUOTE_RULE)
    try:
        return [finding for rule in ordered for finding in rule.run(amap, context)]
    finally:
        context.misquotes_found = None
        search.cancel()


def _submit_search(
    context: CheckContext, rules: Sequence[Rule], worker: forked.Worker
) -> forked.Forked[Misquotes] | None:
    if not any(rule.code == QUOTE_RULE for rule in rules):
        return None
    document = context.document.document
    quotes = context.quotes
    if document is None or not quotes:
        return None
    return worker.submit(misquotes_in_text, document.text, quotes)
