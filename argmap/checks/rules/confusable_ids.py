"""Two IDs that look the same but are spelled with different characters.

What it finds: an ID (of a statement or a named argument) that reads like an earlier one
but differs in a character from another script: a Cyrillic `а` for a Latin `a`, a Greek
`Ο` for a Latin `O`, a full-width `ｒ` for an `r`. It is reported at the later ID and names
the earlier. IDs written only in ASCII are never confusable with each other.

Why it matters: the two IDs are two statements to argmap, one to a reader. A relation
that seems to name one statement names the other, so support goes where it looks as if it
does not, and the map can be made to say what its reader cannot see. Spell both the same.

Failing example:

    premise rain: It is raining.
    premise rаin: It rained all night.

Fixed example:

    premise rain: It is raining.
    premise night_rain: It rained all night.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.errors import Span
from argmap.model import ArgumentMap
from argmap.suggest import where

CODE = "AM111"
NAME = "confusable-ids"
SEVERITY = Severity.WARNING

_LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic letters drawn like Latin ones
        **dict(zip("аеорсухіјѕԁһӏԛԝѵ", "aeopcyxijsdhlqwv", strict=True)),
        **dict(zip("АВЕКМНОРСТХУІЈЅԜ", "ABEKMHOPCTXYIJSW", strict=True)),
        # Greek letters drawn like Latin ones
        **dict(zip("οινρυκα", "oivpuka", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
        # Latin letters from outside ASCII drawn like ASCII ones
        **dict(zip("ıɑɡ", "iag", strict=True)),
    }
)
"""A small table in the spirit of Unicode's confusables (UTS #39): the letters of the
Cyrillic and Greek alphabets that most fonts draw like a Latin letter."""


def skeleton(name: str) -> str:
    """What an ID looks like: NFKC (full-width and other compatibility forms become their
    plain letters), then look-alike letters replaced by the Latin ones."""
    if name.isascii():
        return name
    return unicodedata.normalize("NFKC", name).translate(_LOOK_ALIKES)


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    first_with: dict[str, tuple[str, Span]] = {}
    named = (
        (name, data)
        for name, data in (*amap.inferences(), *amap.attack_nodes())
        if data.get("name")
    )
    for name, data in (*context.statements, *named):
        earlier, first_span = first_with.setdefault(skeleton(name), (name, data["span"]))
        if earlier != name:
            yield Problem(
                f"`{name}` looks like `{earlier}` ({where(first_span, data['span'])}) but is "
                f"spelled with {_difference(name, earlier)}; spell both the same or choose "
                "another ID",
                data["span"],
                name,
                (earlier,),
            )



def _difference(name: str, earlier: str) -> str:
    """The first character that differs, named: `U+0430 (cyrillic small letter a)`."""
    for mine, theirs in zip(name, earlier, strict=False):
        if mine != theirs:
            return f"{_named(mine)} for {_named(theirs)}"
    return "other characters"


def _named(ch: str) -> str:
    return f"U+{ord(ch):04X} ({unicodedata.name(ch, '?').lower()})"
