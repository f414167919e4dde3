"""`argmap report`: a self-contained page (no external resources, a CSP that allows only its
own inline code), user text that never becomes markup, and the CLI's outputs and failures."""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.report.html import html_text, html_url

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

HOSTILE = """\
@title </title><script>alert("title")</script> & {braces} \\ 'quotes' ünïcødé ✓
@author <img src=x onerror=alert(1)>
@source <a href="javascript:alert(2)">click</a>
premise evil: <script>alert("text")</script> "quoted" 'single' {x} \\back\\slash ]]> --> #tag
  > a quote with <b>bold</b> & </blockquote><script>alert(3)</script>
  @url javascript:alert(4)
  @source <iframe src="https://example.org"></iframe>
premise fine: A link that may be linked.
  @url https://example.org/?a=1&b=<2>
claim target: <style>body{display:none}</style> needs support
evil -> target
"""

OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "dl", "dt",
    "dd", "button", "span", "ul", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    "blockquote", "br", "input", "select", "option", "footer", "script", "section", "p",
}
SVG_TAGS = {"svg", "g", "title", "polygon", "path", "ellipse", "text", "polyline", "a"}


class Collector(HTMLParser):
    """Every start tag with its attributes, and all character data, of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.data.append(data)


def make(tmp_path: Path, text: str, *args: str) -> tuple[int, str, Path]:
    source = tmp_path / "map.argmap"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(main, [
        "report", str(source), "-o", str(target), "--engine", "embedded", *args,
    ])
    return result.exit_code, result.stderr, target


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Collector]:
    status, messages, target = make(tmp_path_factory.mktemp("hostile"), HOSTILE)
    assert status == 0, messages
    page = target.read_text(encoding="utf-8")
    collector = Collector()
    collector.feed(page)
    return page, collector


def test_no_user_text_becomes_markup(hostile: tuple[str, Collector]) -> None:
    _, page = hostile
    names = {tag for tag, _ in page.tags}
    assert names <= OUR_TAGS | SVG_TAGS, names - OUR_TAGS - SVG_TAGS
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert [tag for tag, _ in page.tags].count("style") == 1
    for tag, attributes in page.tags:
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        for name in ("href", "xlink:href", "src"):
            value = attributes.get(name)
            if value is not None:
                assert value.startswith(("#", "https://")), (tag, name, value)
    assert not any(tag in ("img", "iframe") for tag, _ in page.tags)
    # ... and it is all there, as text.
    text = "".join(page.data)
    for shown in ('<script>alert("text")</script> "quoted" \'single\' {x} \\back\\slash ]]> -->',
                  "<img src=x onerror=alert(1)>", '<a href="javascript:alert(2)">click</a>',
                  "</blockquote><script>alert(3)</script>", "javascript:alert(4)",
                  '<iframe src="https://example.org"></iframe>', "ünïcødé ✓",
                  "<style>body{display:none}</style>"):
        assert shown in text, shown


def test_only_http_links_are_links(hostile: tuple[str, Collector]) -> None:
    _, page = hostile
    links = [attributes["href"] for tag, attributes in page.tags
             if tag == "a" and attributes.get("href", "#")[:1] != "#"]
    assert links == ["https://example.org/?a=1&b=<2>"]
    assert html_url("javascript:alert(1)") is None
    assert html_url(" JavaScript:alert(1)") is None
    assert html_url("data:text/html,x") is None
    assert html_url("https://a.example/?q=\"x\"") == "https://a.example/?q=&quot;x&quot;"
    assert html_text("<a href='x'>&</a>\x00") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; "


def test_self_contained_with_a_strict_policy(hostile: tuple[str, Collector]) -> None:
    text, page = hostile
    policy = next(attributes["content"] for tag, attributes in page.tags
                  if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy")
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert rules["default-src"] == "'none'"
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert rules["script-src"] == f"'sha256-{digest}'"
    digest = base64.b64encode(hashlib.sha256(page.styles[0].encode()).digest()).decode()
    assert rules["style-src"] == f"'sha256-{digest}'"
    # Nothing is fetched at view time: no external URL in a src, a stylesheet or url()
    # (the diagrams' font is a data: URL in the page's stylesheet).
    assert not re.search(r"\bsrc=\"(?!#)", text)
    assert "<link" not in text
    assert not re.search(r'url\((?!#|"data:font/ttf;base64,)', text)
    assert rules["font-src"] == "data:"
    assert not re.search(r"@import", text)


def test_the_page_shows_the_map(hostile: tuple[str, Collector]) -> None:
    text, page = hostile
    assert text.startswith("<!DOCTYPE html>")
    ids = {attributes.get("id") for _, attributes in page.tags}
    assert {"statement-evil", "statement-fine", "statement-target"} <= ids
    assert {"row-statement-evil", "row-statement-target"} <= ids
    # The print figure's ids are its own, so the page's ids stay unique.
    all_ids = [attributes["id"] for _, attributes in page.tags if attributes.get("id")]
    assert len(all_ids) == len(set(all_ids))
    assert "print1-statement-evil" in ids
    findings = [attributes["data-node"] for tag, attributes in page.tags
                if tag == "a" and "data-node" in attributes and attributes.get("href", "")
                and not attributes.get("href", "").startswith("#row")]
    assert "statement-evil" in findings  # findings and table rows link to the diagram


def row_of(page: str, statement: str) -> str:
    row = page[page.index(f'<tr id="row-statement-{statement}"') :]
    return row[: row.index("</tr>")]


def test_each_statement_shows_its_verdict_or_label_and_strength(
    hostile: tuple[str, Collector],
) -> None:
    text, _ = hostile
    # `evil` (0.5) -> `target` (0.5): target = 0.5 + 0.5 * 0.5 = 0.75 (docs/strength.md).
    assert row_of(text, "target").endswith(
        '<td><span class="label IN">IN</span> <span class="verdict">accepted</span> '
        '<span class="strength" title="strength from 0 to 1 (DF-QuAD)">0.75</span></td>'
    )
    # A premise has a label and no verdict.
    assert row_of(text, "fine").endswith(
        '<td><span class="label IN">IN</span> '
        '<span class="strength" title="strength from 0 to 1 (DF-QuAD)">0.50</span></td>'
    )
    assert "<th>Verdict, strength</th>" in text


def test_cli_default_output_and_failures(tmp_path: Path) -> None:
    source = tmp_path / "map.argmap"
    source.write_text("premise a: A.\nclaim b: B.\na -> b\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(source), "--engine", "embedded"])
    assert result.exit_code == 0
    assert result.stderr == f"wrote {tmp_path / 'map.html'}\n"
    source.write_text("premise a: A.\na -> c\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(source), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert ("map.argmap:2:6: error: AM002 undefined-reference: undefined statement `c`"
            in result.stderr)
    assert not (tmp_path / "x.html").exists()
    result = CliRunner().invoke(main, ["report", str(source), "-o", str(source)])
    assert result.exit_code == 2 and "refusing to overwrite the map" in result.stderr
    source.write_text("premise a: A.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(source), "--select", "AM999"])
    assert result.exit_code == 2 and "AM999" in result.stderr


def test_same_map_same_bytes(tmp_path: Path) -> None:
    first = make(tmp_path, HOSTILE)[2].read_bytes()
    assert make(tmp_path, HOSTILE)[2].read_bytes() == first


def test_a_broken_pyproject_is_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    """Found by the fuzz suite (tests/fuzz/regressions): invalid TOML was a CheckError
    traceback."""
    source = tmp_path / "map.argmap"
    source.write_text("premise a: A.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.argmap.check]\n[tool.argmap.check]\n")
    result = CliRunner().invoke(main, ["report", str(source), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {tmp_path / 'pyproject.toml'}: invalid TOML: ")
    assert not (tmp_path / "x.html").exists()


def test_dash_writes_the_page_to_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    """`-o -` wrote a file named `-` in the current folder and said `wrote -`."""
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "map.argmap"
    source.write_text("premise a: A.\nclaim b: B.\na -> b\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(source), "-o", "-", "--engine", "embedded"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stderr == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.argmap"]
    result = CliRunner().invoke(main, ["report", str(source), "-o", "-", "--watch"])
    assert result.exit_code == 2 and "name it with -o" in result.stderr
