"""`argmap embed` reads Pandoc's attribute form of a block, ```{.argmap src="x" .split}, as
it reads ```argmap src="x" split; a bare word in the braces (which Pandoc reads not) is refused."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.embed.attributes import BlockAttributeError, BlockSpec, parse_attributes
from argmap.embed.scan import scan

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]

MAP = "premise a: A reason.\nclaim b: What follows.\na -> b\n"


@pytest.mark.parametrize(("info", "spec"), [
    ('{.argmap src="m.argmap"}', BlockSpec(src="m.argmap")),
    ("{.argmap src='a b.argmap' fit=a5}", BlockSpec(src="a b.argmap", fit="a5")),
    ('{#fig-1 .argmap .split .evaluate focus=b}', BlockSpec(focus="b", split=True,
                                                            evaluate=True)),
    ('{ .argmap split=true theme="print" }', BlockSpec(split=True, theme="print")),
    ('{.argmap src="say \\"hi\\".argmap"}', BlockSpec(src='say "hi".argmap')),
])
def test_pandoc_form_reads_as_the_plain_form(info: str, spec: BlockSpec) -> None:
    assert parse_attributes(info) == spec


@pytest.mark.parametrize(("info", "message"), [
    ("{.argmap split}", "`split` in `{.argmap split}` is a bare word, which Pandoc does not "
                        "read in {...}: write `.split` or `split=true`"),
    ("{.argmap .splt}", "unknown class `.splt`; did you mean `.split`?"),
    ("{.argmap colour=red}", "unknown attribute `colour`"),
    ("{.argmap src=x", "no `}` ends them"),
])
def test_pandoc_form_errors_say_what_to_write(info: str, message: str) -> None:
    with pytest.raises(BlockAttributeError, match=None) as caught:
        parse_attributes(info)
    assert message in str(caught.value)


def test_scan_finds_both_forms_and_nothing_else() -> None:
    text = (
        '```{.argmap src="m.argmap"}\n```\n\n'
        "``` {.argmap}\nclaim c: C.\n```\n\n"
        "```argmap\nclaim d: D.\n```\n\n"
        "```{.python}\nprint()\n```\n\n"
        "```{.argmapx}\n```\n"
    )
    blocks = scan(text).blocks
    assert [block.info for block in blocks] == ['{.argmap src="m.argmap"}', "{.argmap}", ""]


def test_embed_draws_the_pandoc_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text('# D\n\n```{.argmap src="m.argmap"}\n```\n\n'
                   "```{.argmap .evaluate}\n" + MAP + "```\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["embed", "doc.md"])
    assert result.exit_code == 0, result.output
    text = doc.read_text(encoding="utf-8")
    assert text.count("<!-- argmap:begin") == 2
    assert "![m](doc-argmap/m-" in text
    assert len(list((tmp_path / "doc-argmap").glob("*.svg"))) == 2
    assert CliRunner().invoke(main, ["embed", "doc.md", "--check"]).exit_code == 0
