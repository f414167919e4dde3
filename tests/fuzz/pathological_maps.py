"""Maps built to find super-linear or unbounded work: deep nesting, wide inferences, long words.

Each generator returns the text of a map; the limits tests use them at and past argmap's
limits, and the fuzz suite may use them as seeds.
"""

from __future__ import annotations


def nested_attacks(depth: int) -> str:
    """A map whose last line undercuts an attack `depth` levels deep:
    `a0 -| (a1 -| (a2 -| ... c))`, with every attack it names written out above it."""
    lines = ["claim c: The claim."]
    lines += [f"premise a{i}: Reason {i}." for i in range(depth + 1)]
    target = "c"
    for i in range(depth, -1, -1):
        lines.append(f"a{i} -| {target}")
        target = f"(a{i} -| {target})"
    return "\n".join(lines) + "\n"


def nested_attack_line(depth: int) -> str:
    """One attack nested `depth` levels deep, alone (`a -| (b -| (c -| ... x))`): what the
    parser meets before any check can look at the map."""
    target = "x"
    for i in range(depth, 0, -1):
        target = f"(a{i} -| {target})"
    return f"a0 -| {target}\n"


def many_premises(count: int) -> str:
    """One linked inference with `count` premises: `p0 + p1 + ... -> c`."""
    lines = ["claim c: The claim."]
    lines += [f"premise p{i}: Reason {i}." for i in range(count)]
    lines.append(" + ".join(f"p{i}" for i in range(count)) + " -> c")
    return "\n".join(lines) + "\n"


def long_word_map(length: int) -> str:
    """A statement whose text is one word `length` characters long."""
    return f"claim c: {long_word(length)}\n"


def long_word(length: int) -> str:
    """One word of `length` letters, no space in it."""
    return ("abcdefghij" * (length // 10 + 1))[:length]


def many_words(length: int) -> str:
    """About `length` characters of ordinary words: what a long word is compared with."""
    return ("lorem ipsum dolor sit amet " * (length // 27 + 1))[:length]
