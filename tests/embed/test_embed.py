"""`argmap embed`: idempotency, --check, deleting only what it wrote, hand-edited markers,
--hide-source, --out-dir, writing nothing outside the document's folder."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

DOC = """\
# Report

```argmap
@title First map
premise a: A reason.
claim b: What follows.
a -> b
```

Between the blocks.

```argmap
@title Second map
premise c: Another reason.
claim d: Another claim.
c -> d
```

The end.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def embed(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["embed", *args, "--engine", "embedded"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stderr


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def svgs(folder: Path) -> list[str]:
    return sorted(path.name for path in (folder / "doc-argmap").glob("*.svg"))


def test_second_run_changes_nothing(folder: Path) -> None:
    assert embed("doc.md")[0] == 0
    before = snapshot(folder)
    assert len(svgs(folder)) == 2
    status, messages = embed("doc.md")
    assert status == 0
    assert "2 figures, all up to date" in messages
    assert snapshot(folder) == before  # same bytes, not even rewritten


def test_check_reports_what_is_out_of_date(folder: Path) -> None:
    status, messages = embed("doc.md", "--check")
    assert status == 1
    assert "doc.md: its figure links are out of date" in messages
    assert messages.count(": missing") == 2
    assert not (folder / "doc-argmap").exists()  # --check writes nothing
    assert (folder / "doc.md").read_text(encoding="utf-8") == DOC
    embed("doc.md")
    assert embed("doc.md", "--check") == (0, "1 document up to date\n")
    figure = folder / "doc-argmap" / svgs(folder)[0]
    figure.write_text("<svg/>", encoding="utf-8")
    status, messages = embed("doc.md", "--check")
    assert status == 1
    assert f"{Path('doc-argmap') / figure.name}: out of date" in messages


def test_changed_block_replaces_its_figure(folder: Path) -> None:
    embed("doc.md")
    first = svgs(folder)
    doc = folder / "doc.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Another claim", "A new claim"),
                   encoding="utf-8")
    status, messages = embed("doc.md", "--check")
    assert status == 1 and "no block uses it any more" in messages
    assert embed("doc.md")[0] == 0
    second = svgs(folder)
    assert len(second) == 2 and first[0] in second  # the unchanged block kept its figure
    assert len(set(first) & set(second)) == 1


def test_removed_blocks_lose_their_region_and_figure_but_user_files_stay(folder: Path) -> None:
    embed("doc.md")
    mine = folder / "doc-argmap" / "notes.txt"
    mine.write_text("a file of the user's", encoding="utf-8")
    doc = folder / "doc.md"
    text = doc.read_text(encoding="utf-8")
    start = text.index("```argmap\n@title Second")
    end = text.index("```\n", start + 10) + 4
    doc.write_text(text[:start] + text[end:], encoding="utf-8")  # the block, not its region
    assert embed("doc.md")[0] == 0
    after = doc.read_text(encoding="utf-8")
    assert after.count("argmap:begin") == 1
    assert "Second map" not in after
    assert len(svgs(folder)) == 1
    assert mine.read_text(encoding="utf-8") == "a file of the user's"
    # With every block gone, the figures go too, and the folder keeps only the user's file.
    doc.write_text("# Nothing left\n", encoding="utf-8")
    assert embed("doc.md")[0] == 0
    assert sorted(p.name for p in (folder / "doc-argmap").iterdir()) == ["notes.txt"]


def test_empty_figure_folder_is_removed(folder: Path) -> None:
    embed("doc.md")
    (folder / "doc.md").write_text("no blocks\n", encoding="utf-8")
    assert embed("doc.md")[0] == 0
    assert not (folder / "doc-argmap").exists()


def test_hand_edited_region_is_kept_and_reported(folder: Path) -> None:
    embed("doc.md")
    doc = folder / "doc.md"
    text = doc.read_text(encoding="utf-8")
    edited = text.replace("<!-- argmap:end -->", "My own caption.\n<!-- argmap:end -->", 1)
    edited = edited.replace("Another claim", "A changed claim")
    doc.write_text(edited, encoding="utf-8")
    status, messages = embed("doc.md")
    assert status == 1
    assert "were edited by hand" in messages
    after = doc.read_text(encoding="utf-8")
    assert "My own caption." in after  # the user's line survives
    assert "A changed claim" in after
    assert len(svgs(folder)) == 3  # the second block was redrawn; nothing deleted


@pytest.mark.parametrize("marker", ["<!-- argmap:end -->\n", "<!-- argmap:begin"])
def test_a_deleted_marker_leaves_the_document_alone(folder: Path, marker: str) -> None:
    embed("doc.md")
    doc = folder / "doc.md"
    text = doc.read_text(encoding="utf-8")
    start = text.index(marker)
    broken = text[:start] + text[text.index("\n", start) + 1 :]
    broken = broken.replace("Another claim", "A changed claim")
    doc.write_text(broken, encoding="utf-8")
    status, messages = embed("doc.md")
    assert status == 1
    assert "doc.md:" in messages and "marker" in messages
    assert doc.read_text(encoding="utf-8") == broken


def test_hide_source_collapses_the_block_and_can_be_undone(folder: Path) -> None:
    embed("doc.md", "--hide-source")
    text = (folder / "doc.md").read_text(encoding="utf-8")
    assert text.count("<details><summary>argmap source</summary>") == 2
    assert text.count("</details>") == 2
    assert text.index("<details>") < text.index("```argmap") < text.index("</details>")
    assert embed("doc.md", "--hide-source", "--check")[0] == 0
    embed("doc.md")
    assert (folder / "doc.md").read_text(encoding="utf-8").count("details") == 0


def test_out_dir_inside_and_outside_the_documents_folder(folder: Path, tmp_path: Path) -> None:
    assert embed("doc.md", "--out-dir", "figures")[0] == 0
    assert "](figures/first-map-" in (folder / "doc.md").read_text(encoding="utf-8")
    outside = tmp_path.parent / "elsewhere"
    status, messages = embed("doc.md", "--out-dir", str(outside))
    assert status == 1
    assert "not inside the document's folder" in messages
    assert not outside.exists()


def test_manifest_cannot_make_it_delete_outside(folder: Path) -> None:
    embed("doc.md")
    victim = folder / "keep.txt"
    victim.write_text("precious", encoding="utf-8")
    manifest = folder / "doc-argmap" / ".argmap-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["files"]["../doc.md"]["../keep.txt"] = hashlib.sha256(b"precious").hexdigest()
    manifest.write_text(json.dumps(data), encoding="utf-8")
    (folder / "doc.md").write_text("no blocks\n", encoding="utf-8")
    embed("doc.md")
    assert victim.read_text(encoding="utf-8") == "precious"


def test_bad_documents(folder: Path) -> None:
    (folder / "latin1.md").write_bytes(b"caf\xe9\n")
    status, messages = embed("latin1.md", "doc.md")
    assert status == 1
    assert "latin1.md: not UTF-8 text (byte 0xe9 at offset 3)" in messages
    assert len(svgs(folder)) == 2  # the other document was still done
    (folder / "open.md").write_text("```argmap\npremise a: A.\n", encoding="utf-8")
    status, messages = embed("open.md")
    assert status == 1 and "open.md:1:1: error: this ```argmap block is not closed" in messages


def test_src_block_with_a_body_or_a_missing_file(folder: Path) -> None:
    (folder / "src.md").write_text(
        '```argmap src="x.argmap"\npremise a: A.\n```\n\n```argmap src="missing.argmap"\n```\n',
        encoding="utf-8",
    )
    status, messages = embed("src.md")
    assert status == 1
    assert "src.md:1:1: error: a block with `src` draws that file" in messages
    assert "src.md:5:1: error: missing.argmap: no such file" in messages


def test_bom_is_kept(folder: Path) -> None:
    doc = folder / "doc.md"
    doc.write_bytes(b"\xef\xbb\xbf" + doc.read_bytes())
    embed("doc.md")
    assert doc.read_bytes().startswith(b"\xef\xbb\xbf# Report\n")
    assert doc.read_text(encoding="utf-8-sig").count("argmap:begin") == 2


def test_figures_are_fitted_to_the_page_by_default(folder: Path) -> None:
    from argmap.render.measure import measure_svg

    embed("doc.md")
    for name in svgs(folder):
        size = measure_svg((folder / "doc-argmap" / name).read_bytes())
        assert size.width <= 16 * 72 / 2.54 + 0.01
        assert size.text is not None and size.text >= 8 - 0.005
    assert embed("doc.md", "--fit", "none")[0] == 0  # other names: the fitted ones go
    assert len(svgs(folder)) == 2
    status, messages = embed("doc.md", "--fit", "12 furlongs")
    assert status == 2 and "is not a width" in messages


def test_a_map_too_big_for_the_page_says_what_to_do(folder: Path) -> None:
    maps = Path(__file__).parents[2] / "maps"
    shutil.copy(maps / "russia-china.argmap", folder / "russia-china.argmap")
    (folder / "big.md").write_text(
        '```argmap src="russia-china.argmap"\n```\n\n'
        '```argmap src="russia-china.argmap" fit=none\n```\n\n'
        '```argmap src="russia-china.argmap" fit=12furlongs\n```\n',
        encoding="utf-8",
    )
    status, messages = embed("big.md")
    assert status == 1
    assert "big.md:1:1: error: the map does not fit 454 × 700 pt with text of 8 pt" in messages
    assert "or draw it at its natural size with `fit=none`" in messages
    assert "big.md:7:1: error: `fit`: `12furlongs` is not a width" in messages
    text = (folder / "big.md").read_text(encoding="utf-8")
    assert text.count("argmap:begin") == 1  # the fit=none block


SECTIONS = """\
@title Two parts
== Safety ==
premise injuries: Last year 40 cyclists were injured on Main Street.
premise lanes_work: Protected lanes cut cyclist injuries by about a third.
claim safer: A protected lane would make Main Street safer for cyclists.
== Money ==
premise fund: The regional transport fund would pay the full 2 million euros.
claim free: The lane would cost the town nothing.
== Verdict ==
conclusion build: Main Street should get a protected bike lane.
injuries + lanes_work -> safer
fund -> free
safer + free -> build
"""


def test_split_block_gets_an_overview_and_parts(folder: Path) -> None:
    import re

    (folder / "parts.argmap").write_text(SECTIONS, encoding="utf-8")
    doc = folder / "split.md"
    doc.write_text('```argmap src="parts.argmap" split fit=6cm\n```\n', encoding="utf-8")
    assert embed("split.md")[0] == 0
    links = re.findall(r"!\[([^]]*)\]\(([^)]*)\)", doc.read_text(encoding="utf-8"))
    # At 6 cm each section is cut until it fits, and the overview of so many parts does
    # not fit (it is left out, not drawn too small): the parts are numbered from 1.
    alts = [alt for alt, _ in links]
    assert alts[0] == "Two parts: Part 1: Safety" and len(alts) > 3
    assert "Two parts: Part 4: Money" in alts and alts[-1].endswith(": Verdict")
    paths = [folder / target for _, target in links]
    assert all(path.is_file() for path in paths)
    assert len({path.parent for path in paths}) == 1  # one folder of their own
    for path in paths:
        for target in re.findall(r'xlink:href="([^"#]+)"', path.read_text(encoding="utf-8")):
            assert (path.parent / target).is_file()  # stubs and stand-ins link to parts
    before = snapshot(folder)
    assert embed("split.md")[0] == 0
    assert snapshot(folder) == before
    doc.write_text('```argmap src="parts.argmap" fit=none\n```\n', encoding="utf-8")
    assert embed("split.md")[0] == 0
    assert not paths[0].parent.exists()  # the split figures and their folder are gone


def test_split_needs_a_width(folder: Path) -> None:
    (folder / "split.md").write_text('```argmap split fit=none\npremise a: A.\n```\n',
                                     encoding="utf-8")
    status, messages = embed("split.md")
    assert status == 1
    assert "split.md:1:1: error: `split` cuts the map into figures that each fit" in messages


def test_a_document_without_blocks_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain.md").write_text("# Notes\n\nNo maps here.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("No maps here.\n", encoding="utf-8")
    status, messages = embed("plain.md")
    assert status == 0 and "plain.md: no ```argmap blocks to draw" in messages
    status, messages = embed("notes.txt")
    assert status == 0
    assert "notes.txt: no ```argmap blocks to draw (embed reads Markdown documents)" in messages
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt", "plain.md"]
