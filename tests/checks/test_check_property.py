"""Any map the parser accepts can be checked: no crash, every finding placed and sorted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.checks import RULES, Finding, run_checks

KINDS = ("premise", "assumption", "claim", "conclusion")
IDS = ("a", "b", "c", "d", "e")
TEXTS = ("A.", "a", "B!", "<script>", "{x} [y]", "“Curly” — text", "A.")


@st.composite
def sources(draw: st.DrawFn) -> str:
    lines = []
    for node in IDS[: draw(st.integers(1, len(IDS)))]:
        lines.append(f"{draw(st.sampled_from(KINDS))} {node}: {draw(st.sampled_from(TEXTS))}")
        if draw(st.booleans()):
            lines.append(f"  > {draw(st.sampled_from(TEXTS))}")
    defined = [line.split()[1].rstrip(":") for line in lines if not line.startswith(" ")]
    for _ in range(draw(st.integers(0, 8))):
        first, second = draw(st.sampled_from(defined)), draw(st.sampled_from(defined))
        lines.append(draw(st.sampled_from([
            f"{first} -> {second}",
            f"{first} + {second} -> {draw(st.sampled_from(defined))}",
            f"{first} -| {second}",
            f"{first} >< {second}",
            f"{first} -| ({second} -> {draw(st.sampled_from(defined))})",
        ])))
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None)
@given(sources())
def test_any_parsed_map_can_be_checked(source: str) -> None:
    try:
        amap = argmap.parse(source, "random.argmap")
    except argmap.ParseError:
        return
    findings = run_checks(amap, select=["ALL"], document="/nonexistent/document.txt")
    assert findings == sorted(findings, key=Finding.sort_key)
    lines = source.count("\n")
    for finding in findings:
        assert finding.span is not None and 1 <= finding.span.line <= lines
        assert RULES[finding.code].name == finding.rule
        assert finding.statement is None or amap.is_statement(finding.statement)
