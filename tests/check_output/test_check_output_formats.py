"""Each report format on the same findings: text, JSON (exact), GitHub annotations, SARIF."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from argmap.check_output.github import escape_data, escape_property, format_github
from argmap.check_output.json_report import KEYS, format_json
from argmap.check_output.sarif import (
    INFORMATION_URI,
    artifact_location,
    format_sarif,
    sarif_log,
)
from argmap.check_output.summary import summary
from argmap.check_output.text import finding_pieces, format_text
from argmap.checks import RULES, Finding, Severity
from argmap.errors import Span
from argmap.visible import json_text

LINES = {
    ("maps/a,b.argmap", 3): "claim wet: The <script> {streets} are [bold]wet[/bold].",
    ("maps/a,b.argmap", 7): "rain -| rain",
}
FINDINGS = [
    Finding(
        "AM101",
        "unsupported-conclusion",
        Severity.ERROR,
        "claim `wet` is the conclusion of no inference; 100% [bold]sure[/bold]",
        Span("maps/a,b.argmap", 3, 1, 3, 8),
        "wet",
    ),
    Finding(
        "AM104",
        "conflicting-relations",
        Severity.WARNING,
        "two\nlines\r",
        Span("maps/a,b.argmap", 7, 1, 7, 13),
        "rain",
        ("wet", "sun"),
    ),
    Finding("AM203", "unquoted-premise", Severity.INFO, "premise `x`: no quote", None, "x"),
]


def source_line(span: Span) -> str:
    return LINES.get((span.file, span.line), "")


def test_text_report() -> None:
    assert format_text(FINDINGS, files_checked=2, source_line=source_line) == (
        "maps/a,b.argmap:3:1: error: AM101 unsupported-conclusion: claim `wet` is the conclusion"
        " of no inference; 100% [bold]sure[/bold]\n"
        "  claim wet: The <script> {streets} are [bold]wet[/bold].\n"
        "  ^^^^^^^\n"
        "maps/a,b.argmap:7:1: warning: AM104 conflicting-relations: two lines\\x0d\n"
        "  rain -| rain\n"
        "  ^^^^^^^^^^^^\n"
        "<map>: info: AM203 unquoted-premise: premise `x`: no quote\n"
        "1 error, 1 warning, 1 info in 2 files\n"
    )


def test_plain_text_report_is_what_rich_prints() -> None:
    """Without colour the report is joined by hand, not rendered by rich: the same text,
    hostile text included; a tab (which rich expands) sends the report through rich."""
    hostile = "x <script> [b]b[/] :smile: \x1b[31m 漢字 e\u0301 \u202e {} \\ \r"
    lines = {**LINES, ("maps/a,b.argmap", 9): hostile, ("maps/a,b.argmap", 10): "\tx\t漢\ty"}
    findings = [*FINDINGS, Finding("AM105", "orphan-statement", Severity.WARNING, hostile,
                                   Span("maps/a,b.argmap", 9, 3, 9, 9), "x")]
    tabbed = Finding("AM105", "orphan-statement", Severity.INFO, "a\tb",
                     Span("maps/a,b.argmap", 10, 4, 10, 5), "x")

    def line_of(span: Span) -> str:
        return lines.get((span.file, span.line), "")

    for chosen in (FINDINGS, findings, findings[::-1], [], [*findings, tabbed]):
        buffer = io.StringIO()
        console = Console(file=buffer, no_color=True, highlight=False, width=10_000)
        for finding in chosen:
            console.print(format_finding(finding, line_of), soft_wrap=True)
        assert format_text(chosen, files_checked=1, source_line=line_of,
                           show_summary=False) == buffer.getvalue()
    assert "\\x1b[31m 漢字" in format_text(findings[-1:], files_checked=1, source_line=line_of)


def test_text_report_in_colour_only_when_asked() -> None:
    plain = format_text(FINDINGS, files_checked=1, source_line=source_line)
    coloured = format_text(FINDINGS, files_checked=1, source_line=source_line, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured and "[bold]wet[/bold]" in coloured


def test_summaries() -> None:
    assert summary([], 3) == "no problems in 3 files"
    assert summary(FINDINGS[:1], 1) == "1 error in 1 file"
    assert summary(FINDINGS[:1] * 2 + FINDINGS[1:2] * 3, 1) == "2 errors, 3 warnings in 1 file"


def test_json_report_exact() -> None:
    data = json.loads(format_json(FINDINGS))
    assert [list(item) for item in data] == [list(KEYS)] * 3
    assert data == [
        {
            "code": "AM101",
            "rule": "unsupported-conclusion",
            "severity": "error",
            "message": "claim `wet` is the conclusion of no inference; 100% [bold]sure[/bold]",
            "file": "maps/a,b.argmap",
            "line": 3,
            "column": 1,
            "statement": "wet",
            "related": [],
        },
        {
            "code": "AM104",
            "rule": "conflicting-relations",
            "severity": "warning",
            "message": "two\nlines\r",
            "file": "maps/a,b.argmap",
            "line": 7,
            "column": 1,
            "statement": "rain",
            "related": ["wet", "sun"],
        },
        {
            "code": "AM203",
            "rule": "unquoted-premise",
            "severity": "info",
            "message": "premise `x`: no quote",
            "file": None,
            "line": None,
            "column": None,
            "statement": "x",
            "related": [],
        },
    ]
    assert format_json([]) == "[]\n"


def test_github_annotations() -> None:
    assert format_github(FINDINGS).splitlines() == [
        "::error file=maps/a%2Cb.argmap,line=3,col=1,endLine=3,endColumn=8,"
        "title=AM101 unsupported-conclusion::claim `wet` is the conclusion of no inference;"
        " 100%25 [bold]sure[/bold]",
        "::warning file=maps/a%2Cb.argmap,line=7,col=1,endLine=7,endColumn=13,"
        "title=AM104 conflicting-relations::two%0Alines%0D",
        "::notice title=AM203 unquoted-premise::premise `x`: no quote",
    ]


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("C:\\x,y%") == "C%3A\\x%2Cy%25"


def test_sarif_has_what_code_scanning_requires() -> None:
    log = sarif_log(FINDINGS)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "argmap" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}}
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"].startswith(rule["shortDescription"]["text"])
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    first, second, third = run["results"]
    assert first["ruleId"] == "AM101" and driver["rules"][first["ruleIndex"]]["id"] == "AM101"
    assert first["level"] == "error" and first["message"]["text"].startswith("claim `wet`")
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "maps/a%2Cb.argmap", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 8},
            }
        }
    ]
    assert second["level"] == "warning" and third["level"] == "note"
    assert third["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    json.dumps(log)


def test_sarif_text_is_json_indented_by_two_spaces() -> None:
    """orjson writes the log exactly as json.dumps(indent=2, ensure_ascii=False) would,
    hostile text included (then both have the controls JSON allows raw escaped)."""
    hostile = "<script> \"q\" \\ / \x00\x1b\x7f\x85 \u202e \u2028 漢字 e\u0301 🙂 \t\n\r"
    findings = [*FINDINGS, Finding("AM105", "orphan-statement", Severity.WARNING, hostile,
                                   Span(hostile, 2, 1, 2, 3), "x", (hostile,))]
    expected = json_text(sarif_log(findings), indent=2) + "\n"
    assert format_sarif(findings) == expected
    results = json.loads(format_sarif(findings))["runs"][0]["results"]
    assert results[-1]["message"]["text"] == hostile


def format_finding(finding: Finding, source_line: Callable[[Span], str]) -> Text:
    """One finding as rich text: the located header line, then the source line and caret."""
    text = Text()
    for piece, style in finding_pieces(finding, source_line):
        text.append(piece, style=style or None)
    return text


def artifact_uri(file: str, base: Path | None = None) -> str:
    return artifact_location(file, base)["uri"]


def test_sarif_uris_are_relative_with_forward_slashes(tmp_path: Path) -> None:
    assert artifact_uri(str(tmp_path / "maps" / "x.argmap"), base=tmp_path) == "maps/x.argmap"
    assert artifact_uri("maps\\x.argmap".replace("\\", "/")) == "maps/x.argmap"
    assert artifact_uri("./maps/../x.argmap", base=tmp_path) == "x.argmap"


def test_sarif_uris_are_percent_encoded(tmp_path: Path) -> None:
    """A space, `#`, `%` or `?` in a file name is part of the path, not a fragment or query."""
    assert artifact_uri("sp ace/x.argmap", base=tmp_path) == "sp%20ace/x.argmap"
    assert artifact_uri("c#1.argmap", base=tmp_path) == "c%231.argmap"
    assert artifact_uri("100%?.argmap", base=tmp_path) == "100%25%3F.argmap"
    assert artifact_uri("漢字.argmap", base=tmp_path) == "%E6%BC%A2%E5%AD%97.argmap"


def test_sarif_uri_outside_the_root_is_absolute(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    outside = tmp_path / "other dir" / "x.argmap"
    assert artifact_location("../other dir/x.argmap", base=root) == {"uri": outside.as_uri()}
    assert artifact_location(str(outside), base=root) == {"uri": outside.as_uri()}
    assert artifact_location("x.argmap", base=root) == {"uri": "x.argmap", "uriBaseId": "%SRCROOT%"}


def test_sarif_information_uri_is_the_project_home_page() -> None:
    pyproject = Path(__file__).parents[2] / "pyproject.toml"
    assert f'Homepage = "{INFORMATION_URI}"' in pyproject.read_text(encoding="utf-8")
