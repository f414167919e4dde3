"""Readable statement IDs for imported maps: a slug of the text's first words, made unique."""

from __future__ import annotations

import re

from argmap.words import ascii_words

_APOSTROPHES = re.compile(r"(?<=\w)['\u2019](?=\w)")
_STOP_TEXT = (
    "a an and are as at be but by for from has have in is it its of on or so that the "
    "this to was were will with"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())
MAX_WORDS = 3


def slug(text: str, fallback: str = "s") -> str:
    """The first few significant words of `text` as an identifier: `china_gains_standing`."""
    # "it's" is one word, not "it" and "s".
    words = ascii_words(_APOSTROPHES.sub("", text))
    significant = [word for word in words if word not in STOP_WORDS] or words
    name = "_".join(significant[:MAX_WORDS])
    if not name:
        name = fallback
    if not (name[0].isalpha() or name[0] == "_"):
        name = f"{fallback}_{name}"
    return name


class IdMaker:
    """Hands out unique IDs: the slug, then `slug_2`, `slug_3`, ... for repeats."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())
        self.next_number: dict[str, int] = {}
        """slug -> the number to try first: counting from 2 each time would make 10,000
        statements of the same text try 50 million names."""

    def make(self, text: str, fallback: str = "s") -> str:
        """An ID for a text or a title; a lower-case identifier is kept as it is."""
        wanted = text if text.isidentifier() and text == text.lower() else slug(text, fallback)
        return self.claim(wanted)

    def claim(self, wanted: str) -> str:
        if not wanted.isidentifier():
            wanted = slug(wanted)
        name, number = wanted, self.next_number.get(wanted, 2)
        while name in self.taken:
            name = f"{wanted}_{number}"
            number += 1
        self.next_number[wanted] = number
        self.taken.add(name)
        return name
