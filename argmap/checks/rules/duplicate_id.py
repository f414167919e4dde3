"""Two statements defined with the same ID (in the map or the files it includes).

What it finds: a statement whose ID an earlier statement already has; the message names
the line of the first.

Why it matters: relations name statements by ID, so with two of them argmap cannot tell
which one a relation means.

Failing example:

    premise rain: It is raining.
    premise rain: It rained all night.

Fixed example:

    premise rain: It is raining.
    premise night_rain: It rained all night.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.checks.rules._parser import parser_problems
from argmap.model import ArgumentMap

CODE = "AM003"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    return parser_problems(context, NAME)
