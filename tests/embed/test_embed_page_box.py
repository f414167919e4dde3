"""`argmap embed` fits the page box, width and height: `fit=a4` is A4's text block, `WxH` any
box, a width alone no height limit; a split block writes every part that fits, and names the
statement it cannot draw alone (exit 1, never all or nothing)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.render.fit import PAGE_BOXES, parse_page
from argmap.render.measure import FigureSize, measure_svg

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402
from test_embed import embed  # noqa: E402

__all__ = ["isolated_module_cache"]

CHAIN = "@title Chain\n" + "".join(
    f"claim s{n}: Step {n} of a long chain of reasons, each resting on the one before.\n"
    for n in range(16)
) + "".join(f"s{n} -> s{n + 1}\n" for n in range(15))
HUGE = " ".join(["Incomprehensibilities"] * 30)
REFUSED = f"""\
@title Refused
claim c: The council should build the lane.
premise a: Injuries fell where lanes were built.
premise b: The fund pays for it.
premise huge: {HUGE}
a -> c
b -> c
huge -> c
"""
LINK = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / ".git").mkdir()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def regions(text: str) -> list[list[str]]:
    """The figure files each block's region links, block by block."""
    found = re.findall(r"<!-- argmap:begin .*?<!-- argmap:end -->", text, re.DOTALL)
    return [LINK.findall(region) for region in found]


def printed(path: Path) -> FigureSize:
    return measure_svg(path.read_bytes())


def inside(size: FigureSize, box: tuple[float, float | None]) -> bool:
    width, height = box
    return size.width <= width + 0.01 and (height is None or size.height <= height + 0.01)


def test_every_figure_prints_inside_its_page_box(folder: Path) -> None:
    blocks = [("", PAGE_BOXES["a4"]), (" fit=letter", PAGE_BOXES["letter"]),
              (" fit=10cmx12cm", parse_page("10cmx12cm"))]
    document = "".join(f"```argmap split{attributes}\n{CHAIN}```\n\n"
                       for attributes, _ in blocks)
    (folder / "doc.md").write_text(document, encoding="utf-8")
    status, messages = embed("doc.md")
    assert status == 0, messages
    linked = regions((folder / "doc.md").read_text(encoding="utf-8"))
    assert len(linked) == len(blocks)
    for (attributes, box), files in zip(blocks, linked, strict=True):
        assert len(files) >= 3, attributes  # an overview and parts: the chain is 2,000 pt tall
        for name in files:
            size = printed(folder / name)
            assert inside(size, box), f"{attributes or 'a4'}: {name} prints {size.describe()}"
            assert size.text is not None and size.text >= 8 - 0.005


def test_a_width_alone_sets_no_height_limit(folder: Path) -> None:
    (folder / "doc.md").write_text(f"```argmap fit=16cm\n{CHAIN}```\n\n```argmap\n{CHAIN}```\n",
                                   encoding="utf-8")
    status, messages = embed("doc.md")
    # At 16 cm the chain is one figure far taller than a page; in A4's text block its text
    # would be too small, and the block is told to split.
    assert status == 1
    assert "doc.md:36:1: error: the map does not fit 454 × 700 pt with text of 8 pt" in messages
    (files,) = regions((folder / "doc.md").read_text(encoding="utf-8"))
    (name,) = files
    size = printed(folder / name)
    assert size.width <= PAGE_BOXES["a4"][0] + 0.01 and size.height > 1000


def test_the_command_takes_a_page_box(folder: Path) -> None:
    (folder / "doc.md").write_text(f"```argmap split\n{CHAIN}```\n", encoding="utf-8")
    status, messages = embed("doc.md", "--fit", "12cmx9cm")
    assert status == 0, messages
    (files,) = regions((folder / "doc.md").read_text(encoding="utf-8"))
    assert all(inside(printed(folder / name), parse_page("12cmx9cm")) for name in files)
    status, messages = embed("doc.md", "--fit", "12cmxwide")
    assert status == 2
    assert "`12cmxwide` is not a width" in messages and "or none" in messages


def test_a_statement_too_big_for_the_box_leaves_the_other_parts(folder: Path) -> None:
    (folder / "doc.md").write_text(f"# Report\n\n```argmap split fit=7cmx6cm\n{REFUSED}```\n",
                                   encoding="utf-8")
    status, messages = embed("doc.md")
    assert status == 1
    assert messages.startswith(
        "doc.md:3:1: error: statement `huge` cannot be drawn inside 198 × 170 pt with text "
        "of 8 pt: alone, its best drawing prints its text at "
    )
    assert messages.count("error:") == 1
    text = (folder / "doc.md").read_text(encoding="utf-8")
    (files,) = regions(text)
    assert len(files) >= 2
    drawn = b"".join((folder / name).read_bytes() for name in files)
    for statement in ("c", "a", "b"):
        assert f'id="statement&#45;{statement}"'.encode() in drawn
    assert b'id="statement&#45;huge"' not in drawn
    for name in files:
        assert inside(printed(folder / name), parse_page("7cmx6cm"))
    # Again, and with --check: nothing to redraw, and the statement is still named (exit 1).
    for again in ((), ("--check",)):
        status, messages = embed("doc.md", *again)
        assert status == 1 and "statement `huge` cannot be drawn" in messages
        assert "drew" not in messages and "out of date" not in messages
    assert (folder / "doc.md").read_text(encoding="utf-8") == text
