"""Any text in any field gives well-formed SVG that holds it as text (hypothesis)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_helpers import SVG

from argmap.errors import Span
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, render_map
from argmap.render.quoting import clean

SPAN = Span("p.argmap", 1, 1, 1, 2)
TEXT = st.text(min_size=1, max_size=60)


def _map(title: str, text: str, warrant: str, quote: str, section: str) -> ArgumentMap:
    amap = ArgumentMap(title=title)
    amap.add_statement("a", "premise", text, span=SPAN, quotes=[quote], section=section,
                       attributes={"note": quote})
    amap.add_statement("c", "conclusion", "End.", span=SPAN)
    amap.add_inference(["a"], "c", span=SPAN, warrant=warrant)
    return amap


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT, TEXT, TEXT)
def test_any_text_is_well_formed_text(text: str, warrant: str, quote: str, title: str) -> None:
    amap = _map(title, text, warrant, quote, "part")
    root = ET.fromstring(render_map(amap, RenderOptions(engine="embedded", quotes=True)))
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in {"script", "foreignObject"}]
    assert not [n for e in root.iter() for n in e.attrib if n.lower().startswith("on")]
    tooltip = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "statement-a")
    expected = clean(text).strip()
    if expected:
        assert expected in (tooltip.findtext(f"{SVG}title") or "")
    assert root.get("aria-label") == clean(title)
