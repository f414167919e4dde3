"""A grounded conclusion that an objection contests, defeats or leaves undecided.

What it finds: a `conclusion` that is grounded (see ungrounded-conclusion) but not accepted
(its acceptability label is not IN), with its verdict in words:

- **contested** (info): its support stands, and so does an objection to it or to a
  statement its support rests on. The author may weigh the objection against the reasons
  (a concession: "while X is true, ..."); the finding names the objection so that the
  weighing is visible. Where `@confidence` weights are given, an objection that outweighs
  the support (DF-QuAD strength) makes it defeated instead.
- **defeated** (warning): no line of its support stands: its steps are undercut, or rest on
  statements that are themselves defeated; or weighing lets the objection prevail.
- **undecided** (warning): it waits on a cycle of attacks that nothing decides.

A conclusion that attacks what its own support rests on is called self-defeating. Labels
are well-founded by default (the docs' "Verdicts and semantics" page defines them;
`--semantics kripke-kleene` or `[tool.argmap.check] semantics` gives the older reading).

Why it matters: an argument has to face its objections. Answer one with a counter-attack
(`reply -| objection`), undercut the step it rests on, or leave it standing as a concession
the reader will weigh.

Failing example:

    premise rain: It is raining.
    premise roof: The street is covered by a roof.
    conclusion wet: The street is wet.
    rain -> wet
    roof -| wet

Fixed example:

    premise rain: It is raining.
    premise roof: The street is covered by a roof.
    premise open: The roof is open at both ends, where the rain blows in.
    conclusion wet: The street is wet.
    rain -> wet
    roof -| wet
    open -| roof
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.labels import IN_CODE
from argmap.analysis.verdicts import VerdictWord, verdict_list
from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import CONCLUSION, ArgumentMap

CODE = "AM301"
NAME = "contested-conclusion"
SEVERITY = Severity.WARNING
"""Defeated and undecided conclusions; a contested one is info."""

_SEVERITIES = {VerdictWord.CONTESTED: Severity.INFO}


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph, labels, grounded = context.indexed, context.labels, context.grounded
    numbers = [
        number
        for number in graph.numbers_of_kind(CONCLUSION)
        if grounded[number] and labels[number] != IN_CODE
    ]
    for verdict in verdict_list(amap, graph, labels, grounded, numbers):
        number = graph.index[verdict.statement]
        message = f"conclusion {verdict.explanation.removesuffix('.')}"
        yield Problem(
            message,
            graph.data[number]["span"],
            verdict.statement,
            verdict.objections,
            _SEVERITIES.get(verdict.word),
        )
