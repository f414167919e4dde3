"""A premise with neither a quote nor a source.

What it finds: a `premise` without any `>` quote and without an `@source` attribute.
Assumptions are not reported: they are meant to be unsupported. Turn the rule on with
`--select unquoted-premise` (or `select = ["ALL"]` in pyproject.toml).

Why it matters: a premise is taken as given; in a map of a text, the reader should be able
to see where the text says so. Useful when every premise of a map must be evidenced.

Failing example:

    premise rain: It is raining.
    conclusion wet: The streets are wet.
    rain -> wet

Fixed example:

    premise rain: It is raining.
      @source Weather service bulletin, 7 May
    conclusion wet: The streets are wet.
    rain -> wet
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import PREMISE, ArgumentMap

CODE = "AM203"
NAME = "unquoted-premise"
SEVERITY = Severity.INFO
DEFAULT = False


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    for node, data in context.statements:
        if data["kind"] == PREMISE and not data["quotes"] and not data["attributes"].get("source"):
            yield Problem(
                f"premise `{node}` has no quote and no @source; show where it comes from",
                data["span"],
                node,
            )
