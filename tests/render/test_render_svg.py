"""The SVG: ids, classes, tooltips, accessibility, no scaling, determinism, hostile text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from render_helpers import DATA, SVG, needs_dot

import argmap
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, render_map

ENGINES = ["embedded", pytest.param("system", marks=needs_dot)]


def _svg(amap: ArgumentMap, engine: str, **options: object) -> bytes:
    return render_map(amap, RenderOptions(engine=engine, **options))  # type: ignore[arg-type]


def _groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g")}


@pytest.mark.parametrize("engine", ENGINES)
def test_structure(small_map: ArgumentMap, engine: str) -> None:
    root = ET.fromstring(_svg(small_map, engine))
    assert root.get("role") == "img" and root.get("aria-label") == "A small map"
    assert root[0].tag == f"{SVG}title" and root[0].text == "A small map"
    groups = _groups(root)
    for node, kind in [("a", "premise"), ("b", "assumption"), ("c", "claim"), ("d", "conclusion")]:
        group = groups[f"statement-{node}"]
        assert kind in (group.get("class") or "").split()
        assert group.find(f"{SVG}title") is not None
    assert groups["inference-1"].get("class") == "node inference warrant"
    assert groups["section-1"].get("class") == "cluster section"
    tooltip = groups["statement-a"].findtext(f"{SVG}title")
    assert tooltip == "a (premise): First reason.\n“a quote”\n#alpha\nnote: a note"
    assert groups["inference-1"].findtext(f"{SVG}title") == (
        "inference-1: a + b -> c\nwarrant: together they show it"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_id_line_is_small(small_map: ArgumentMap, engine: str) -> None:
    root = ET.fromstring(_svg(small_map, engine))
    texts = _groups(root)["statement-a"].findall(f"{SVG}text")
    assert texts[-1].get("class") == "meta" and texts[-1].get("font-size") == "9.00"
    assert (texts[-1].text or "").split() == ["a", "#alpha"]
    assert texts[0].get("font-size") == "12.00"
    assert (texts[0].get("font-family") or "").startswith("Arimo,Arial,Helvetica,")


@pytest.mark.parametrize("engine", ENGINES)
def test_natural_size_no_scaling(small_map: ArgumentMap, engine: str) -> None:
    root = ET.fromstring(_svg(small_map, engine))
    width, height = (float(root.get(name, "0").removesuffix("pt")) for name in ("width", "height"))
    viewbox = [float(value) for value in (root.get("viewBox") or "").split()]
    # 1 unit = 1 pt, nothing shrunk to fit (Graphviz 2.43 rounds the size to whole points).
    assert viewbox[2] == pytest.approx(width, abs=1) and viewbox[3] == pytest.approx(height, abs=1)
    transform = _groups(root)["graph0"].get("transform") or ""
    assert transform.startswith("scale(1 1)")


@pytest.mark.parametrize("engine", ENGINES)
def test_deterministic(small_map: ArgumentMap, engine: str) -> None:
    again = argmap.parse(next(iter(small_map.files.values())), "small.argmap")
    options = {"evaluate": True, "findings": True, "quotes": True}
    assert _svg(small_map, engine, **options) == _svg(again, engine, **options)


HOSTILE_TEXTS = [
    '<script>alert(1)</script> " ] ; } { \\ <<B>> {a|b} \\N \\l \\G &amp; \' x',
    "مرحبا بالعالم שלום 😀 -- --> end",
    "<svg onload=alert(1)>",
    "a <i>quote</i> & \"quotes\" \\l }",
    "warrant <u>w</u> \"q\" \\ {x|y}",
    "a note <img src=x onerror=alert(1)>",
    '<script>alert("title")</script> & "quotes" ]; } { \\N',
    '<b>Section</b> " ] ; } { \\l',
]


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_text_stays_text(engine: str) -> None:
    amap = argmap.load(str(DATA / "hostile.argmap"))
    svg = _svg(amap, engine, quotes=True)
    root = ET.fromstring(svg)  # well-formed XML
    for element in root.iter():
        assert element.tag.split("}")[-1] not in {"script", "foreignObject", "iframe", "img"}
        for name in element.attrib:
            assert not name.split("}")[-1].lower().startswith("on"), name
    visible = " ".join("".join(text.itertext()) for text in root.iter(f"{SVG}text"))
    tooltips = "\n".join(title.text or "" for title in root.iter(f"{SVG}title"))
    # Lines are wrapped (long words too): compare without whitespace.
    flat = re.sub(r"\s+", "", visible)
    for text in HOSTILE_TEXTS[:3] + HOSTILE_TEXTS[6:]:
        assert text in tooltips + " " + root.get("aria-label", ""), text
    for fragment in ["<script>alert(1)</script>", "<<B>> {a|b} \\N \\l \\G", "&amp; ' x",
                     "مرحبا بالعالم שלום 😀", "<svg onload=alert(1)>", "#tag-1"]:
        assert re.sub(r"\s+", "", fragment) in flat, fragment
    assert "a note <img src=x onerror=alert(1)>" in tooltips
    assert "warrant <u>w</u> \"q\" \\ {x|y}" in tooltips
