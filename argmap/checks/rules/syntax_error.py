"""A line of the map that is not valid argmap.

What it finds: every line the parser cannot read: an unknown statement kind or directive,
a relation that mixes operators, a bad ID, an attribute given twice, an include that
cannot be followed, a file that is not UTF-8 text.

Why it matters: a map with a syntax error is not the map you meant; argmap cannot check
or draw the parts it could not read. The message says what was expected and, where one is
likely, suggests the fix.

Failing example:

    premis rain: It is raining.

Fixed example:

    premise rain: It is raining.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.checks.rules._parser import parser_problems
from argmap.model import ArgumentMap

CODE = "AM001"
NAME = "syntax-error"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    return parser_problems(context, NAME)
