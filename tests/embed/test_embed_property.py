"""Property: `argmap embed` never loses a user's line. For random Markdown around blocks, the
updated document minus its generated regions is the document as it was, and a second run
changes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.embed import document as embed_document
from argmap.embed.document import EmbedOptions, plan_document
from argmap.embed.scan import scan, split_lines

TEXT = st.sampled_from([
    "", "Plain text.", "# Heading", "- a list item", "  indented text", "> a quote",
    "1. numbered", "<div>html</div>", "<!-- a comment -->", "    indented code",
    "```python", "```", "~~~", "````", "text with ``` inside", "\t tab", "ünïcødé ✓",
    "<!-- argmap", "[link](x.md)", "| a | b |",
])
MAP_LINE = st.sampled_from([
    "premise a: A reason.", "claim b: A claim.", "a -> b", "@title A <b> & \"c\"", "",
    "premise c: Broken", "c -> nowhere",
])
OPEN = st.sampled_from(["```argmap", "~~~argmap", "  ```argmap", "````argmap evaluate",
                        "```argmap direction=LR", "> ```argmap", "- ```argmap"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            parts.extend(draw(st.lists(TEXT, max_size=4)))
        else:
            opening = draw(OPEN)
            prefix = opening[: len(opening) - len(opening.lstrip(" >-"))]
            fence = opening.strip(" >-").split("argmap")[0]
            body = draw(st.lists(MAP_LINE, max_size=4))
            parts.append(opening)
            parts.extend(prefix.replace("-", " ") + line for line in body)
            if draw(st.integers(0, 9)):  # now and then a block left open
                parts.append(prefix.replace("-", " ") + fence)
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = ending.join(parts)
    return text + ending if parts and draw(st.booleans()) else text


def without_regions(text: str) -> list[str]:
    lines = split_lines(text)
    dropped = {line for region in scan(text).regions for line in range(region.begin, region.end)}
    return [line.rstrip("\r\n") for number, line in enumerate(lines) if number not in dropped]


@pytest.fixture(autouse=True)
def no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    # The property is about the document's lines; drawing is tested elsewhere.
    monkeypatch.setattr(embed_document, "render_map", lambda amap, options: b"<svg/>")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=documents(), hide=st.booleans())
def test_no_line_is_lost(text: str, hide: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        doc = Path(folder) / "doc.md"
        doc.write_bytes(text.encode("utf-8"))
        options = EmbedOptions(hide_source=hide)
        first = plan_document(doc, options).new.decode("utf-8")
        assert without_regions(first) == [line.rstrip("\r\n") for line in split_lines(text)]
        doc.write_bytes(first.encode("utf-8"))
        second = plan_document(doc, options).new.decode("utf-8")
        assert second == first
        # Switching --hide-source off takes away exactly what it added.
        doc.write_bytes(second.encode("utf-8"))
        plain = plan_document(doc, EmbedOptions()).new.decode("utf-8")
        assert without_regions(plain) == without_regions(first)
