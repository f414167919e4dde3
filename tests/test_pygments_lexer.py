"""The Pygments lexer: the tokens of a sample map, every map of the repository lexed without
an error, found by name through its entry point, and ```argmap blocks highlighted in a tiny
Sphinx + MyST site built with -W and a tiny MkDocs site built with --strict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Error, Token

from argmap.pygments_lexer import ArgmapLexer

ROOT = Path(__file__).parents[1]
SAMPLE = """\
@title Bike lanes
# A comment
== Costs ==
premise rain: It is raining, #weather # still text
  > "It rained all day."
  @confidence 0.8
conclusion slow: Traffic will be slow.
argument a1: rain -> slow
  + wet
rain -> slow: wet roads are slow  # a comment
rain -| (a + b -> c)
a >< b
"""
T = Token


def tokens(text: str) -> list[tuple[object, str]]:
    return [(kind, value) for kind, value in ArgmapLexer().get_tokens(text) if value.strip()]


def test_tokens_of_a_sample_map() -> None:
    assert tokens(SAMPLE) == [
        (T.Keyword.Namespace, "@"), (T.Keyword.Namespace, "title"), (T.Text, " Bike lanes"),
        (T.Comment.Single, "# A comment\n"),
        (T.Generic.Heading, "=="), (T.Generic.Heading, "Costs"), (T.Generic.Heading, "=="),
        (T.Keyword.Declaration, "premise"), (T.Name.Variable, "rain"), (T.Punctuation, ":"),
        (T.Text, " It is raining, "), (T.Name.Tag, "#weather"),
        (T.Text, "#"), (T.Text, " still text"),
        (T.Punctuation, ">"), (T.String, ' "It rained all day."'),
        (T.Name.Attribute, "@"), (T.Name.Attribute, "confidence"), (T.Text, " 0.8"),
        (T.Keyword.Declaration, "conclusion"), (T.Name.Variable, "slow"), (T.Punctuation, ":"),
        (T.Text, " Traffic will be slow."),
        (T.Keyword.Declaration, "argument"), (T.Name.Class, "a1"), (T.Punctuation, ":"),
        (T.Name.Variable, "rain"), (T.Operator, "->"), (T.Name.Variable, "slow"),
        (T.Operator, "+"), (T.Name.Variable, "wet"),
        (T.Name.Variable, "rain"), (T.Operator, "->"), (T.Name.Variable, "slow"),
        (T.Punctuation, ":"), (T.Text, " wet roads are slow  "), (T.Text, "#"),
        (T.Text, " a comment"),
        (T.Name.Variable, "rain"), (T.Operator, "-|"), (T.Punctuation, "("),
        (T.Name.Variable, "a"), (T.Operator, "+"), (T.Name.Variable, "b"), (T.Operator, "->"),
        (T.Name.Variable, "c"), (T.Punctuation, ")"),
        (T.Name.Variable, "a"), (T.Operator, "><"), (T.Name.Variable, "b"),
    ]


def test_unicode_arrows_ids_and_a_trailing_comment() -> None:
    assert tokens("straße → ziel  # why\nx ⊣ y\r\n") == [
        (T.Name.Variable, "straße"), (T.Operator, "→"), (T.Name.Variable, "ziel"),
        (T.Comment.Single, "  # why"), (T.Name.Variable, "x"), (T.Operator, "⊣"),
        (T.Name.Variable, "y"),
    ]


def test_every_map_of_the_repository_lexes_whole_without_errors() -> None:
    paths = sorted([*ROOT.glob("maps/**/*.argmap"), *ROOT.glob("tests/data/valid/*.argmap"),
                    *ROOT.glob("tests/data/invalid/**/*.argmap")])
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        lexed = list(ArgmapLexer(stripnl=False).get_tokens(text))
        assert not [value for kind, value in lexed if kind in Error], path
        # Pygments drops a byte order mark and reads every line end as "\n".
        expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        assert "".join(value for _, value in lexed).rstrip("\n") == expected.rstrip("\n"), path


def test_found_by_name_and_file_name_through_the_entry_point() -> None:
    assert isinstance(get_lexer_by_name("argmap"), ArgmapLexer)
    assert isinstance(get_lexer_for_filename("debate.argmap"), ArgmapLexer)


BLOCK = "```argmap\npremise rain: It is raining. #weather\nconclusion wet: Wet.\nrain -> wet\n```\n"


def highlighted(html: str) -> bool:
    """Pygments' classes for a declaration keyword, a tag and an operator."""
    return all(f'<span class="{css}">' in html for css in ("kd", "nt", "o"))


def test_sphinx_with_myst_builds_with_W(tmp_path: Path) -> None:
    pytest.importorskip("sphinx", reason="Sphinx is in the `docs` extra")
    pytest.importorskip("myst_parser", reason="myst-parser is in the `docs` extra")
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text('project = "t"\nextensions = ["myst_parser"]\n', "utf-8")
    (source / "index.md").write_text("# A map\n\n" + BLOCK, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(source),
         str(tmp_path / "out")], capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert highlighted((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))


def test_mkdocs_builds_with_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="MkDocs is in the `docs` extra")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# A map\n\n" + BLOCK, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - fenced_code\n  - codehilite\n", "utf-8")
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    done = subprocess.run([mkdocs, "build", "--strict", "-q"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert highlighted((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
