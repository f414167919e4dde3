"""The VS Code extension's TextMate grammar, run by the engine VS Code uses (vscode-textmate
and Oniguruma, through editors/vscode/scripts/tokenize.js): a sample map's scopes, and every
example map scoped throughout, with no error where argmap finds none and the kinds, IDs,
tags and quotes the parser reads."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap

ROOT = Path(__file__).parents[2]
EXTENSION = ROOT / "editors" / "vscode"
MAPS = sorted(
    {*ROOT.glob("maps/*.argmap"), *ROOT.glob("maps/*/*.argmap"),
     *ROOT.glob("tests/data/valid/*.argmap"), *ROOT.glob("tests/data/valid/*/*.argmap")}
)
SOURCE = "source.argmap"
KINDS = ("premise", "assumption", "claim", "conclusion")

Token = tuple[str, list[str]]
"""A token's text and its scopes, outermost first (`source.argmap` first)."""


def _engine_missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    for package in ("vscode-textmate", "vscode-oniguruma"):
        if not (EXTENSION / "node_modules" / package).is_dir():
            return f"{package} is not installed (run `npm ci` in editors/vscode)"
    return None


pytestmark = pytest.mark.skipif(_engine_missing() is not None, reason=str(_engine_missing()))


def tokenize(paths: list[Path], *, markdown: bool = False) -> dict[Path, list[list[Token]]]:
    """Each file's lines, each a list of tokens, as VS Code would scope them (as Markdown,
    with the extension's grammar for ```argmap blocks, when `markdown`)."""
    options = ["--markdown"] if markdown else []
    done = subprocess.run(
        ["node", str(EXTENSION / "scripts" / "tokenize.js"), *options, *map(str, paths)],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    return {
        Path(name): [[(token["text"], token["scopes"]) for token in line] for line in lines]
        for name, lines in found.items()
    }


def inner(token: Token) -> str:
    """The token's innermost scope without the `.argmap` suffix."""
    return token[1][-1].removesuffix(".argmap")


@pytest.fixture(scope="module")
def scoped() -> dict[Path, list[list[Token]]]:
    return tokenize(MAPS)


SAMPLE = """\
@title Bike lanes   # a comment
# argmap: ignore[orphan-statement]
== Costs ==
premise rain: It is raining, #weather C# # still text
  > "It rained all day."
  @confidence 0.8
conclusion slow: Traffic will be slow.
argument a1: rain -> slow #roads
  @note Wet roads.
rain -> slow : wet roads are slow  # a comment
rain -| (a + b -> c)
a >< b
x ⊣ y
p + q
  → r
  : a warrant
m + n
  -| r
"""
EXPECTED = [
    [('@', 'punctuation.definition.directive'), ('title', 'keyword.control.directive'),
     ('Bike lanes', 'string.unquoted.directive-value'), ('#', 'punctuation.definition.comment'),
     ('a comment', 'comment.line.number-sign')],
    [('#', 'punctuation.definition.comment'), ('argmap', 'keyword.other.suppression'),
     (':', 'punctuation.separator.suppression'), ('ignore', 'keyword.other.suppression'),
     ('[', 'punctuation.section.brackets.begin'), ('orphan-statement', 'constant.other.rule'),
     (']', 'punctuation.section.brackets.end')],
    [('==', 'punctuation.definition.heading'), ('Costs', 'entity.name.section'),
     ('==', 'punctuation.definition.heading')],
    [('premise', 'storage.type.kind'), ('rain', 'entity.name.type.statement'),
     (':', 'punctuation.separator.key-value'), ('It is raining,', 'meta.text.statement'),
     ('#', 'punctuation.definition.tag'), ('weather', 'entity.name.tag'),
     ('C# # still text', 'meta.text.statement')],
    [('>', 'punctuation.definition.quote.begin'),
     ('"It rained all day."', 'string.quoted.other.evidence')],
    [('@', 'punctuation.definition.attribute'), ('confidence', 'entity.other.attribute-name'),
     ('0.8', 'constant.numeric.confidence')],
    [('conclusion', 'storage.type.kind'), ('slow', 'entity.name.type.statement'),
     (':', 'punctuation.separator.key-value'), ('Traffic will be slow.', 'meta.text.statement')],
    [('argument', 'storage.type.argument'), ('a1', 'entity.name.function.argument'),
     (':', 'punctuation.separator.key-value'), ('rain', 'variable.other.statement'),
     ('->', 'keyword.operator.support'), ('slow', 'variable.other.statement'),
     ('#', 'punctuation.definition.tag'), ('roads', 'entity.name.tag')],
    [('@', 'punctuation.definition.attribute'), ('note', 'entity.other.attribute-name'),
     ('Wet roads.', 'string.unquoted.attribute-value')],
    [('rain', 'variable.other.statement'), ('->', 'keyword.operator.support'),
     ('slow', 'variable.other.statement'), (':', 'punctuation.separator.warrant'),
     ('wet roads are slow', 'string.unquoted.warrant'), ('#', 'punctuation.definition.comment'),
     ('a comment', 'comment.line.number-sign')],
    [('rain', 'variable.other.statement'), ('-|', 'keyword.operator.attack'),
     ('(', 'punctuation.section.parens.begin'), ('a', 'variable.other.statement'),
     ('+', 'keyword.operator.link'), ('b', 'variable.other.statement'),
     ('->', 'keyword.operator.support'), ('c', 'variable.other.statement'),
     (')', 'punctuation.section.parens.end')],
    [('a', 'variable.other.statement'), ('><', 'keyword.operator.contradiction'),
     ('b', 'variable.other.statement')],
    [('x', 'variable.other.statement'), ('⊣', 'keyword.operator.attack'),
     ('y', 'variable.other.statement')],
    [('p', 'variable.other.statement'), ('+', 'keyword.operator.link'),
     ('q', 'variable.other.statement')],
    [('→', 'keyword.operator.support'), ('r', 'variable.other.statement')],
    [(':', 'punctuation.separator.warrant'), ('a warrant', 'string.unquoted.warrant')],
    [('m', 'variable.other.statement'), ('+', 'keyword.operator.link'),
     ('n', 'variable.other.statement')],
    [('-|', 'keyword.operator.attack'), ('r', 'variable.other.statement')],
]


def test_the_sample_map_is_scoped_as_a_reader_sees_it(tmp_path: Path) -> None:
    sample = tmp_path / "sample.argmap"
    sample.write_text(SAMPLE, encoding="utf-8")
    lines = tokenize([sample])[sample]
    seen = [[(token[0].strip(), inner(token)) for token in line
             if token[0].strip() and inner(token)] for line in lines]
    assert seen == [[(text.strip(), scope) for text, scope in line] for line in EXPECTED]


def test_each_construct_has_a_scope_of_its_own(tmp_path: Path) -> None:
    sample = tmp_path / "sample.argmap"
    sample.write_text(SAMPLE, encoding="utf-8")
    lines = tokenize([sample])[sample]

    def scope(line: int, text: str) -> str:
        return next(inner(token) for token in lines[line - 1] if token[0].strip() == text)

    constructs = {
        "kind": scope(4, "premise"), "ID": scope(4, "rain"), "reference": scope(10, "rain"),
        "support": scope(10, "->"), "attack": scope(11, "-|"), "contradiction": scope(12, "><"),
        "link": scope(11, "+"), "quote": scope(5, '"It rained all day."'),
        "tag": scope(4, "weather"), "comment": scope(10, "a comment"),
        "section": scope(3, "Costs"), "directive": scope(1, "title"),
        "attribute": scope(9, "note"), "warrant": scope(16, "a warrant"),
        "argument": scope(8, "a1"), "text": scope(7, "Traffic will be slow."),
    }
    assert len(set(constructs.values())) == len(constructs), constructs


def test_example_maps_are_found() -> None:
    assert len(MAPS) >= 15, MAPS


def lines_of(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    return [line.removesuffix("\r") for line in text.split("\n")][: len(text.splitlines())]


@pytest.mark.parametrize("path", MAPS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_character_of_an_example_map_has_a_scope(
    path: Path, scoped: dict[Path, list[list[Token]]]
) -> None:
    unscoped = [
        f"{path.name}:{number}: {token[0]!r}"
        for number, line in enumerate(scoped[path], start=1) for token in line
        if token[0].strip() and token[1] == [SOURCE]
    ]
    invalid = [
        f"{path.name}:{number}: {token[0]!r} {inner(token)}"
        for number, line in enumerate(scoped[path], start=1) for token in line
        if any(scope.startswith("invalid.") for scope in token[1])
    ]
    assert (unscoped, invalid) == ([], [])
    assert "".join(token[0] for line in scoped[path] for token in line) == "".join(
        lines_of(path)
    )


def defined(tokens: list[list[Token]]) -> Iterator[tuple[str, str]]:
    """(kind, ID) of each statement and argument a file defines, as the grammar scopes them."""
    for line in tokens:
        kinds = [token[0] for token in line if inner(token).startswith("storage.type")]
        names = [token[0] for token in line if inner(token).startswith(
            ("entity.name.type.statement", "entity.name.function.argument"))]
        if kinds:
            yield kinds[0], names[0]


def by_file(amap: argmap.ArgumentMap, path: Path) -> list[tuple[str, dict[str, Any]]]:
    here = path.resolve()
    return [(node, data) for node, data in amap.graph.nodes(data=True)
            if "span" in data and Path(data["span"].file).resolve() == here
            and (data["kind"] in KINDS or data.get("name"))]


TOP_LEVEL = [path for path in MAPS if path.parent.name in ("maps", "valid")]


@pytest.mark.parametrize("path", TOP_LEVEL, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_grammar_reads_what_the_parser_reads(
    path: Path, scoped: dict[Path, list[list[Token]]]
) -> None:
    amap = argmap.load(str(path))
    for name in amap.files:
        file = Path(name) if Path(name).is_absolute() else ROOT / name
        tokens = scoped.get(file) or tokenize([file])[file]
        nodes = by_file(amap, file)
        assert sorted(defined(tokens)) == sorted(
            ("argument" if data.get("name") else str(data["kind"]), node) for node, data in nodes
        )
        tags = {token[0].lstrip("#") for line in tokens for token in line
                if "entity.name.tag.argmap" in token[1]} - {""}
        assert tags == {tag for _, data in nodes for tag in data.get("tags") or []}
        quoted = " ".join(
            token[0].strip() for line in tokens for token in line
            if inner(token) == "string.quoted.other.evidence"
        )
        wanted = " ".join(
            quote for _, data in nodes for quote in data.get("quotes") or []
        )
        assert quoted.split() == wanted.split()


PAGES = sorted({*ROOT.glob("docs/*.md"), *ROOT.glob("docs/*/*.md"), ROOT / "README.md"})
EMBEDDED = "meta.embedded.block.argmap"


def argmap_blocks(path: Path) -> Iterator[tuple[int, bool]]:
    """(line number, whether the block is an error example) of each line inside a
    ```argmap block of a Markdown page."""
    fence: str | None = None
    error = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if fence is None and stripped.startswith("```argmap"):
            fence, error = stripped[: len(stripped) - len(stripped.lstrip("`"))], "error" in line
        elif fence is not None and stripped == fence:
            fence = None
        elif fence is not None:
            yield number, error


def test_argmap_blocks_in_markdown_are_highlighted_with_the_grammar() -> None:
    pages = tokenize(PAGES, markdown=True)
    inside = 0
    for path, lines in pages.items():
        blocks = dict(argmap_blocks(path))
        for number, line in enumerate(lines, start=1):
            embedded = [token for token in line if EMBEDDED in token[1]]
            if number not in blocks:
                assert embedded == [], f"{path.name}:{number}"
                continue
            inside += 1
            shown = [token for token in line if token[0].strip()]
            assert embedded or not shown, f"{path.name}:{number}"
            assert all(token[1][-1] != EMBEDDED for token in shown), f"{path.name}:{number}"
            if not blocks[number]:
                assert not any(scope.startswith("invalid.") for token in shown
                               for scope in token[1]), f"{path.name}:{number}"
    assert inside > 300, inside
