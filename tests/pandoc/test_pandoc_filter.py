"""argmap-pandoc: Pandoc draws argmap blocks (inline or src=, ```{.argmap} or ```argmap
src=) during conversion, SVG for HTML and PNG at 300 dpi for Word placed at the fitted width,
split maps as figures one after another, and prints no block's source."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from argmap.pandoc.ast import figure, inlines
from argmap.pandoc.filter import exact_inches, run_filter

# The embedded engine compiles its module into a temporary cache, not the user's (the
# filter's processes inherit the setting).
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache, png_dpi  # noqa: E402

__all__ = ["isolated_module_cache"]

PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(
    PANDOC is None, reason="pandoc is not installed (.ci/run installs it)"
)
FILTER = Path(sys.executable).with_name("argmap-pandoc")
MAPS = Path(__file__).parents[2] / "maps"
SECRET = "premise p: Hidden premise wording.\nclaim q: Hidden claim wording.\np -> q\n"
WIDE = "".join(f"premise r{n}: Reason number {n} for it.\nr{n} -> c\n" for n in range(7))
DOC = f"""\
---
title: Report
---

# Report

Some text.

```argmap src="small.argmap"
```

```{{.argmap #fig-inline}}
@title Inline map
{SECRET}```

```{{.argmap}}
@title Wide map
claim c: The conclusion all of these support.
{WIDE}```

```{{.argmap src="russia-china.argmap" .split}}
```

The end.
"""
SOURCE_WORDS = ("Hidden premise wording", "Hidden claim wording", "small.argmap",
                "russia-china.argmap", "@title", "src=")
EMU_16CM = 5760000


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pandoc")
    (root / ".git").mkdir()
    (root / "small.argmap").write_text("@title Small map\n" + SECRET.replace("Hidden", "Other"),
                                       encoding="utf-8")
    shutil.copy(MAPS / "russia-china.argmap", root / "russia-china.argmap")
    (root / "doc.md").write_text(DOC, encoding="utf-8")
    return root


def pandoc(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert PANDOC is not None
    assert FILTER.exists(), f"{FILTER} is missing: install argmap again (pip install -e .)"
    return subprocess.run([PANDOC, "doc.md", "--filter", str(FILTER), *args], cwd=project,
                          capture_output=True, text=True, timeout=600, check=False)


@needs_pandoc
def test_html_has_svg_figures_and_no_source(project: Path) -> None:
    done = pandoc(project, "-o", "out.html")
    assert done.returncode == 0, done.stderr
    html = " ".join((project / "out.html").read_text(encoding="utf-8").split())
    images = re.findall(r'<img src="data:image/svg\+xml;base64,', html)
    assert len(images) >= 2 + 3  # two maps and a split map's overview and parts
    text = re.sub(r"<[^>]*>", " ", html)
    for words in SOURCE_WORDS:
        assert words not in text
    assert "argmap" not in html.replace("argmap-", "")  # no class, no code, no file name
    assert 'alt="Small map"' in html and 'alt="Inline map"' in html
    assert 'id="fig-inline"' in html  # the block's identifier goes to its figure
    captions = re.findall(r"<figcaption[^>]*>([^<]+)</figcaption>", html)
    assert captions[0] == "Overview" and captions[1].startswith("Part 2: ")


@needs_pandoc
def test_docx_places_png_figures_at_the_fitted_width(project: Path) -> None:
    reference = project / "a4.docx"
    made = subprocess.run([str(FILTER), "--reference-doc", str(reference)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert made.returncode == 0, made.stderr
    done = pandoc(project, "--reference-doc", str(reference), "-o", "out.docx")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(project / "out.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
        media = [docx.read(name) for name in docx.namelist() if name.startswith("word/media/")]
    text = " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    for words in SOURCE_WORDS:
        assert words not in text
    assert "Some text." in text and "The end." in text
    widths = [int(width) for width in re.findall(r'<wp:extent cx="(\d+)"', xml)]
    assert len(widths) == len(media) >= 5
    assert all(png_dpi(data) == pytest.approx(300, abs=0.5) for data in media)
    assert all(width <= EMU_16CM for width in widths)
    # Each placed at exactly the width argmap drew it to print at (the filter's `width`),
    # which is the PNG's at 300 dpi.
    tree = json.loads(pandoc(project, "-t", "json").stdout)
    images = [node["c"] for node in walk(tree["blocks"]) if node.get("t") == "Image"]
    wanted = [int(float(dict(image[0][2])["width"].removesuffix("in")) * 914400)
              for image in images]
    assert widths == wanted
    for image, width in zip(images, wanted, strict=True):
        pixels = struct.unpack(">I", (project / image[2][0]).read_bytes()[16:20])[0]
        assert abs(width - pixels * 914400 / 300) <= 3 * 914400 / 300  # resvg rounds up
    # The split map's figures follow each other, each with its part's title as caption.
    captions = re.findall(r"(Overview|Part \d+: [^<]*)</w:t>", xml)
    assert captions[0] == "Overview" and captions[1].startswith("Part 2: ")
    assert len(list((project / "argmap-figures").glob("*.png"))) == len(media)


@needs_pandoc
def test_docx_without_the_reference_document_is_still_drawn(project: Path) -> None:
    done = pandoc(project, "-o", "plain.docx")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(project / "plain.docx") as docx:
        assert any(name.startswith("word/media/") for name in docx.namelist())


@needs_pandoc
def test_a_block_that_cannot_be_drawn_stops_the_conversion(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "doc.md").write_text("```{.argmap .splt}\nclaim c: C.\n```\n\n"
                                     '```argmap src="../outside.argmap"\n```\n',
                                     encoding="utf-8")
    done = pandoc(tmp_path, "-o", "out.html")
    assert done.returncode != 0
    assert "argmap-pandoc: argmap block 1: unknown class `.splt`; did you mean `.split`?" \
        in done.stderr
    assert "argmap block 2 (src=`../outside.argmap`): `src` `../outside.argmap` is outside " \
        "the project" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.html").exists()


def walk(value: object) -> list[dict[str, object]]:
    """Every node of a Pandoc tree, in order."""
    found: list[dict[str, object]] = []
    if isinstance(value, dict):
        found.append(value)
        found.extend(walk(value.get("c")))
    elif isinstance(value, list):
        for item in value:
            found.extend(walk(item))
    return found


def code_block(classes: list[str], pairs: list[list[str]], body: str) -> dict[str, object]:
    return {"t": "CodeBlock", "c": [["", classes, pairs], body]}


def test_the_tree_pandoc_makes_of_each_form(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.argmap").write_text(SECRET, encoding="utf-8")
    embedded_region = [  # what `argmap embed --hide-source` wrote around a block
        {"t": "RawBlock", "c": ["html", "<!-- argmap:before 0123 made by `argmap embed` -->"]},
        {"t": "RawBlock", "c": ["html", "<details><summary>argmap source</summary>"]},
        {"t": "RawBlock", "c": ["html", "<!-- argmap:end -->"]},
        code_block(["argmap"], [["src", "m.argmap"]], ""),
        {"t": "RawBlock", "c": ["html", "<!-- argmap:begin 0123 made by `argmap embed` -->"]},
        {"t": "RawBlock", "c": ["html", "</details>"]},
        {"t": "Para", "c": [{"t": "Image", "c": [["", [], []], [], ["old.svg", ""]]},
                            {"t": "RawInline", "c": ["html", "<!-- argmap:end -->"]}]},
    ]
    document = {
        "pandoc-api-version": [1, 23, 1],
        "meta": {"argmap-fit": {"t": "MetaInlines", "c": [{"t": "Str", "c": "a5"}]}},
        "blocks": [
            *embedded_region,
            {"t": "Para", "c": [{"t": "Code", "c": [["", [], []], 'argmap src="m.argmap"']}]},
            {"t": "BlockQuote", "c": [code_block(["argmap"], [], SECRET)]},
            {"t": "Para", "c": [{"t": "Code", "c": [["", [], []], "argmap check x"]}]},
            code_block(["python"], [], "print()"),
        ],
    }
    outcome = run_filter(document, "docx", tmp_path)
    assert outcome.problems == []
    blocks = outcome.document["blocks"]
    kinds = [block["t"] for block in blocks]
    assert kinds == ["Para", "Para", "BlockQuote", "Para", "CodeBlock"]
    for block in (blocks[0], blocks[1], blocks[2]["c"][0]):
        (picture,) = block["c"]
        assert picture["t"] == "Image"
        assert picture["c"][2][0].startswith("argmap-figures/")
        width = dict(picture["c"][0][2])["width"]
        assert float(width.removesuffix("in")) <= 11 / 2.54 + 1e-6  # a5's 11 cm
    assert blocks[3]["c"][0]["t"] == "Code"  # inline code that is no block is left alone


def test_a_fenced_block_pandoc_read_as_inline_code_says_what_to_write(tmp_path: Path) -> None:
    document = {"pandoc-api-version": [1, 22], "meta": {}, "blocks": [
        {"t": "Para", "c": [{"t": "Code", "c": [["", [], []],
                                                "argmap split claim c: C. claim d: D."]}]},
    ]}
    outcome = run_filter(document, "html5", tmp_path)
    (problem,) = outcome.problems
    assert "write the first line as ```{.argmap key=value .flag}" in problem


def test_exact_inches_give_pandoc_the_emu_wanted() -> None:
    # Pandoc floors the EMUs it computes from the width given.
    for width, emu in ((16 / 2.54 * 72, EMU_16CM), (6.5 * 72, 5943600), (100.0, 1270000)):
        inches = float(exact_inches(width).removesuffix("in"))
        assert int(inches * 72 * 12700) == emu


def test_split_figures_are_figure_blocks_from_pandoc_3_on() -> None:
    old = figure((1, 22, 1), "id", "Part 2: X", "Map: Part 2: X", "f.png", [])
    assert old["t"] == "Para" and old["c"][0]["c"][2] == ["f.png", "fig:"]
    new = figure((1, 23, 1), "id", "Part 2: X", "Map: Part 2: X", "f.png", [])
    assert new["t"] == "Figure" and new["c"][0][0] == "id"
    assert new["c"][1][1] == [{"t": "Plain", "c": inlines("Part 2: X")}]


def test_the_command_without_pandoc_prints_its_usage() -> None:
    done = subprocess.run([str(FILTER)], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("usage: pandoc DOC.md --filter argmap-pandoc")
    done = subprocess.run([str(FILTER), "html"], input="{not json", capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 2 and "not Pandoc's JSON" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("field", "value", "message"), [
    ("argmap-fit", "wide", "metadata `argmap-fit`: `wide` is not a width"),
    ("argmap-min-font", "tiny", "metadata `argmap-min-font` is a size in pt of 1 or more"),
    ("argmap-engine", "dot", "metadata `argmap-engine` is `auto`, `system` or `embedded`"),
])
def test_bad_metadata_is_named(tmp_path: Path, field: str, value: str, message: str) -> None:
    document = {"pandoc-api-version": [1, 22], "blocks": [],
                "meta": {field: {"t": "MetaString", "c": value}}}
    (problem,) = run_filter(document, "html5", tmp_path).problems
    assert problem.startswith(message)
