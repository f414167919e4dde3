"""A `>` quote that does not occur in the analysed document.

What it finds: a quote under a statement that is not in the map's `@document` (or the
file given with `--document`), compared after folding case, whitespace (line breaks
included), curly quotes and apostrophes, and dashes. When a passage of the document is
similar, the message quotes it with its line, so a misquote is easy to fix. Maps without a
document are not checked; an unreadable document is reported by document-not-found.

Why it matters: a quote is the evidence that the article says what the map claims it says.
A quote that is not in the text (misremembered, paraphrased, edited) is evidence of
nothing, and a reader checking the map against the source will find it.

Failing example (the article says "continues to exist today"):

    @document article.txt
    premise distrust: Cold-War distrust persists.
      > the Cold War's legacy of distrust continues today

Fixed example:

    @document article.txt
    premise distrust: Cold-War distrust persists.
      > the Cold War’s legacy of distrust continues to exist today
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import accumulate

from argmap.checks.context import CheckContext, display_path
from argmap.checks.document import Passage
from argmap.checks.finding import Problem, Severity
from argmap.errors import Span
from argmap.model import ArgumentMap

CODE = "AM201"
NAME = "quote-not-found"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    state = context.document
    if state.document is None or state.path is None:
        return
    # Every quote at once: the document is searched in one pass for them all (on a big
    # map, by another process while the other rules run: see `checks.parallel`).
    missing, passages = context.misquotes
    if not missing:
        return
    # A quote's number gives its statement through the running counts of quotes (in C:
    # most statements have none, and misquotes are few).
    statements = context.statements
    firsts = list(accumulate(map(len, context.quote_lists), initial=0))
    name = display_path(state.path)
    for number, passage in zip(missing, passages, strict=True):
        owner = bisect.bisect_right(firsts, number) - 1
        node, data = statements[owner]
        index = number - firsts[owner]
        spans: list[Span] = data.get("quote_spans") or []
        span = spans[index] if index < len(spans) else data["span"]
        yield Problem(_message(passage, name), span, node)


def _message(passage: Passage | None, name: str) -> str:
    message = f"quote not found in {name}"
    if passage is not None:
        message += f'; the closest passage (line {passage.line}) reads "{passage.text}"'
    return message
