"""Mermaid export: shapes by kind, attacks marked, every text escaped for Mermaid."""

from __future__ import annotations

import re
from pathlib import Path

from argmap import load, parse
from argmap.convert.losses import Losses
from argmap.convert.mermaid import quote, write_mermaid

DATA = Path(__file__).parent / "data"
HOSTILE = Path(__file__).parents[1] / "render" / "data" / "hostile.argmap"


def test_small_map_matches_its_golden_file() -> None:
    amap = load(str(DATA / "small.argmap"))
    assert write_mermaid(amap, Losses()) == (DATA / "small.mmd").read_text(encoding="utf-8")


def test_quote_turns_markup_into_entity_codes() -> None:
    assert quote('a "b" <c> #d [e] {f} `g` \\ | &') == (
        "a #quot;b#quot; #lt;c#gt; #35;d #91;e#93; #123;f#125; #96;g#96; #92; #124; #38;"
    )


def test_hostile_text_never_leaves_its_label() -> None:
    text = write_mermaid(load(str(HOSTILE)), Losses())
    for line in text.splitlines():
        labels = re.findall(r'"([^"]*)"', line)
        for label in labels:
            assert not set(label) & set('<>[]{}|`\\'), line
    assert "<script>" not in text and "alert(1)" in text


def test_what_mermaid_cannot_draw_is_reported() -> None:
    losses = Losses()
    write_mermaid(parse("premise a: A. #t\n  > q\n  @note n\nclaim b: B.\na -> b\n"), losses)
    assert {loss.message.split(" ")[0] for loss in losses} == {"quotes", "notes,", "tags"}
