"""Fuzzing for unbounded work: the pathological inputs of every reader, cut, spliced and mixed.

The generators (pathological_inputs for other tools' formats, pathological_maps for maps)
build the inputs that once took minutes. Here hypothesis picks one, a size, and a few
mutations (a cut, a splice of another generator's text, a graft of a normal file), then reads
it. The properties: the reader raises nothing but ArgmapError, and it takes at most ten times
what a normal input of the same size takes, plus a second. `make test` runs a few small
cases; `make fuzz` runs many, up to 300 kB each.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable
from functools import cache

from fuzz_harness import FUZZ, LONG
from hypothesis import given
from hypothesis import strategies as st
from pathological_inputs import NORMAL, PATHOLOGICAL
from pathological_maps import long_word_map, many_premises, nested_attack_line, nested_attacks

import argmap
from argmap.convert import FORMATS
from argmap.convert.losses import Losses
from argmap.embed.scan import scan
from argmap.errors import ArgmapError
from argmap.lazy import load

SIZES = st.integers(2_000, 300_000 if LONG else 30_000)

MAPS: dict[str, Callable[[int], str]] = {
    "many_premises": lambda size: many_premises(max(1, size // 12)),
    # Every line repeats the attacks nested below it: the text grows as the depth squared.
    "nested_attacks": lambda size: nested_attacks(max(1, math.isqrt(size // 8))),
    "nested_attack_line": lambda size: nested_attack_line(max(1, size // 8)),
    "long_word_map": long_word_map,
}


def _markdown_nesting(size: int) -> str:
    """Lists and quotes nested far past the Markdown parser's limit, an argmap block inside."""
    lines = []
    depth = 0
    while sum(map(len, lines)) < size:
        lines.append("  " * depth + "- item\n" if depth % 2 == 0 else "> " * 2 + "- quoted\n")
        depth += 1
    return "".join(lines) + "```argmap\npremise a: A.\n```\n"


def _read_other(reader: str, text: str) -> None:
    with contextlib.suppress(ArgmapError):
        load(FORMATS[reader].reader)(text, f"in.{reader}", Losses())


def _read_map(text: str) -> None:
    with contextlib.suppress(ArgmapError):
        argmap.parse(text, "m.argmap")


def _read_markdown(text: str) -> None:
    scan(text)


@cache
def _normal_seconds(reader: str, size: int) -> float:
    """The yardstick: a normal input of `size` (rounded to 10 kB, read once, best of two)."""
    size = max(10_000, size // 10_000 * 10_000)
    text = NORMAL.get(reader, NORMAL["argdown"])(size)
    read = (lambda: _read_other(reader, text)) if reader in NORMAL else (lambda: _read_map(text))
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        read()
        best = min(best, time.perf_counter() - start)
    return best


@st.composite
def pathological(draw: st.DrawFn) -> tuple[str, str, str]:
    """(reader, generator name, text): a generated input, maybe cut, spliced or grafted."""
    reader = draw(st.sampled_from([*PATHOLOGICAL, "argmap", "markdown"]))
    makers = {"argmap": MAPS, "markdown": {"nesting": _markdown_nesting}}.get(reader)
    makers = makers or PATHOLOGICAL[reader]
    name = draw(st.sampled_from(sorted(makers)))
    size = draw(SIZES)
    text = makers[name](size)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["cut", "splice", "graft", "character"]))
        if action == "cut":
            text = text[:at]
        elif action == "splice":
            other = makers[draw(st.sampled_from(sorted(makers)))](size // 4)
            text = text[:at] + other + text[at:]
        elif action == "graft" and reader in NORMAL:
            text = text[:at] + NORMAL[reader](size // 4) + text[at:]
        else:
            text = text[:at] + draw(st.characters(codec="utf-8")) + text[at:]
    return reader, name, text


@FUZZ
@given(pathological())
def test_every_reader_stays_linear_on_pathological_input(case: tuple[str, str, str]) -> None:
    reader, name, text = case
    start = time.perf_counter()
    if reader == "argmap":
        _read_map(text)
    elif reader == "markdown":
        _read_markdown(text)
    else:
        _read_other(reader, text)
    seconds = time.perf_counter() - start
    bound = 10 * _normal_seconds(reader, len(text)) + 1.0
    assert seconds <= bound, (
        f"{reader} took {seconds:.2f} s on {name} ({len(text):,} characters); "
        f"a normal input of that size takes {_normal_seconds(reader, len(text)):.2f} s"
    )
