"""The quote search in a worker process while the other rules run, on maps big enough to pay."""

from __future__ import annotations

import functools
import logging
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
logger = logging.getLogger(__name__)


def worker_for(
    path: str | os.PathLike[str],
) -> AbstractContextManager[forked.Worker | None]:
    """A worker for checking the map at `path`, started before the map is loaded (see
    `forked.Worker`), where the map is big and the machine has a second CPU; else None.
    Used as `with worker_for(path) as worker:`, which closes it."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    cpus = forked.usable_cpus()
    worker = forked.start_worker() if size >= WORKER_MIN_BYTES and cpus >= 2 else None
    if worker is not None:
        how = "a worker process"
    elif size < WORKER_MIN_BYTES:
        how = f"this process (a map under {WORKER_MIN_BYTES:,} bytes)"
    else:
        how = "this process (one CPU)" if cpus < 2 else "this process (no worker could start)"
    logger.info("quote search: in %s; %s: %s bytes, %s CPUs", how, path, f"{size:,}", cpus)
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
    context.misquotes_found = functools.partial(_worker_result, search)
    # The quote rule last, so that the worker has the most time before its result is read.
    ordered = sorted(rules, key=lambda rule: rule.code == QUOTE_RULE)
    try:
        return [finding for rule in ordered for finding in rule.run(amap, context)]
    finally:
        context.misquotes_found = None
        search.cancel()


def _worker_result(search: forked.Forked[Misquotes]) -> Misquotes | None:
    """The worker's result, or None (the rule then searches here), saying which it was."""
    result = search.result()
    if result is None:
        logger.info("quote search: the worker failed; searching in this process")
    else:
        logger.info("quote search: the worker's result used")
    return result


def _submit_search(
    context: CheckContext, rules: Sequence[Rule], worker: forked.Worker
) -> forked.Forked[Misquotes] | None:
    if any(rule.code == QUOTE_RULE for rule in rules):
        document = context.document.document
        quotes = context.quotes
        if document is not None and quotes:
            submitted = worker.submit(misquotes_in_text, document.text, quotes)
            if submitted is None:
                logger.info("quote search: the worker took no job; searching in this process")
            return submitted
    logger.info("quote search: nothing to search; the worker ends unused")
    return None
