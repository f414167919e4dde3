"""`argmap render` from the command line: outputs, formats, options, failures, atomicity."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.errors import RenderError
from argmap.render.measure import measure_svg

# The renderer's shared test helpers live beside its own tests, in tests/render.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache, skip_without_dot  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

MAP = """\
@title Bike lane
premise safer: A lane makes cycling safer. #safety
  > injuries fell by a third
premise cost: It costs little. #money
claim build: The town should build it.
conclusion go: Build it now.
premise shops: Shops lose parking.
safer + cost -> build : cheap safety is worth having
build -> go
shops -| go
"""
BROKEN = "premise a: A.\nclaim b: B.\na -> c\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "bike.argmap").write_text(MAP, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, ["render", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def test_default_output_beside_the_map(folder: Path) -> None:
    code, _, err = run(str(folder / "bike.argmap"), "--engine", "embedded")
    assert code == 0
    # The size line: how the figure prints, measured as the fit tests measure it.
    size = measure_svg((folder / "bike.svg").read_bytes())
    assert err == f"wrote {folder / 'bike.svg'} ({size.describe()})\n"
    assert size.describe().endswith(" pt, text 12.0 pt, small text 9.0 pt")
    root = ET.fromstring((folder / "bike.svg").read_bytes())
    assert root.get("aria-label") == "Bike lane"


@pytest.mark.parametrize(
    ("name", "signature"),
    [("out.svg", b"<?xml"), ("out.dot", b'digraph "argmap"'), ("out.gv", b"digraph"),
     ("out.json", b"{"), ("out.png", b"\x89PNG\r\n\x1a\n")],
)
def test_format_from_suffix_embedded(folder: Path, name: str, signature: bytes) -> None:
    code, _, _ = run(str(folder / "bike.argmap"), "-o", str(folder / name), "--engine", "embedded")
    assert code == 0 and (folder / name).read_bytes().startswith(signature)


@pytest.mark.system_graphviz
@skip_without_dot
@pytest.mark.parametrize(
    ("fmt", "signature"),
    [("svg", b"<?xml"), ("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF"), ("json", b"{")],
)
def test_formats_with_system_graphviz(folder: Path, fmt: str, signature: bytes) -> None:
    target = folder / f"x.{fmt}"
    code, _, _ = run(str(folder / "bike.argmap"), "-o", str(target), "--engine", "system")
    assert code == 0 and target.read_bytes().startswith(signature)


def test_json_is_graphviz_layout(folder: Path) -> None:
    code, out, _ = run(str(folder / "bike.argmap"), "-f", "json", "-o", "-", "--engine", "embedded")
    layout = json.loads(out)
    assert code == 0 and "bb" in layout
    assert {"statement-safer", "inference-1"} <= {node.get("id") for node in layout["objects"]}


def test_pdf_without_system_graphviz_names_the_fix(folder: Path) -> None:
    target = str(folder / "x.pdf")
    code, _, err = run(str(folder / "bike.argmap"), "-o", target, "--engine", "embedded")
    assert code == 1
    assert "PDF needs the system Graphviz: install Graphviz (apt-get install graphviz" in err
    assert not (folder / "x.pdf").exists()


def test_stdout_is_binary_safe(folder: Path) -> None:
    code, out, _ = run(str(folder / "bike.argmap"), "-o", "-", "-f", "png", "--engine", "embedded")
    assert code == 0 and out.startswith(b"\x89PNG")
    code, out, _ = run(str(folder / "bike.argmap"), "-o", "-", "--engine", "embedded")
    assert code == 0 and out.startswith(b"<?xml")


def test_several_maps_go_to_a_folder(folder: Path) -> None:
    (folder / "two.argmap").write_text(MAP.replace("Bike lane", "Two"), encoding="utf-8")
    out = folder / "diagrams" / "nested"
    code, _, _ = run(str(folder / "bike.argmap"), str(folder / "two.argmap"), "-o", str(out),
                     "-f", "dot")
    assert code == 0
    assert sorted(path.name for path in out.iterdir()) == ["bike.dot", "two.dot"]
    code, _, err = run(str(folder / "bike.argmap"), str(folder / "two.argmap"), "-o", "-")
    assert code == 2 and "give one MAP" in err


def test_one_failing_map_does_not_stop_the_others(folder: Path) -> None:
    (folder / "broken.argmap").write_text(BROKEN, encoding="utf-8")
    code, _, err = run(str(folder / "broken.argmap"), str(folder / "bike.argmap"), "-f", "dot",
                       "-o", str(folder / "out"))
    assert code == 1 and "1 error in" in err
    assert [path.name for path in (folder / "out").iterdir()] == ["bike.dot"]


def test_missing_parent_folders_are_created(folder: Path) -> None:
    code, _, _ = run(str(folder / "bike.argmap"), "-o", str(folder / "out" / "bike.dot"))
    assert code == 0 and (folder / "out" / "bike.dot").is_file()


def test_trailing_slash_names_a_folder(folder: Path) -> None:
    code, _, _ = run(str(folder / "bike.argmap"), "-f", "dot", "-o", str(folder / "new") + "/")
    assert code == 0 and (folder / "new" / "bike.dot").is_file()


def test_usage_errors(folder: Path) -> None:
    path = str(folder / "bike.argmap")
    code, _, err = run(path, "-o", str(folder / "x.txt"))
    assert code == 2 and "cannot tell the format from" in err
    code, _, err = run(path, "--depth", "1")
    assert code == 2 and "--depth needs --focus" in err
    code, _, err = run(path, "-o", path, "-f", "svg")
    assert code == 2 and "refusing to overwrite the map" in err
    assert (folder / "bike.argmap").read_text(encoding="utf-8") == MAP


def test_unknown_focus_section_tag_exit_2_with_suggestion(folder: Path) -> None:
    path = str(folder / "bike.argmap")
    code, _, err = run(path, "--focus", "biuld", "-f", "dot", "-o", "-")
    assert code == 2 and "no statement `biuld` in the map; did you mean `build`?" in err
    code, _, err = run(path, "--section", "x", "-f", "dot", "-o", "-")
    assert code == 2 and "the map has no sections" in err
    code, _, err = run(path, "--tag", "safty", "-f", "dot", "-o", "-")
    assert code == 2 and "did you mean `safety`?" in err


def test_map_with_errors_is_not_rendered(folder: Path) -> None:
    (folder / "broken.argmap").write_text(BROKEN, encoding="utf-8")
    code, _, err = run(str(folder / "broken.argmap"))
    assert code == 1
    assert "undefined statement `c`" in err and "1 error in" in err
    assert not (folder / "broken.svg").exists()


def test_every_view_option(folder: Path) -> None:
    path = str(folder / "bike.argmap")
    options = [
        ["--direction", "lr"], ["--wrap", "12"], ["--focus", "go", "--depth", "1"],
        ["--tag", "safety"], ["--evaluate"], ["--findings"], ["--quotes"],
        ["--theme", "dark"], ["--theme", "print"], ["--no-legend"],
    ]
    outputs = set()
    for extra in options:
        code, out, err = run(path, "-f", "dot", "-o", "-", *extra)
        assert code == 0, err
        outputs.add(out)
    assert len(outputs) == len(options)  # each option changes the drawing
    _, focused, _ = run(path, "-f", "dot", "-o", "-", "--focus", "go", "--depth", "1")
    assert b'"safer" [' not in focused and b'"build" [' in focused
    _, evaluated, _ = run(path, "-f", "dot", "-o", "-", "--evaluate")
    # Attacked by an unanswered premise beside its support: its verdict and its label.
    assert "go  · contested (OUT)".encode() in evaluated
    # --semantics is taken, and changes nothing on a map without circular support.
    _, kk, _ = run(path, "-f", "dot", "-o", "-", "--evaluate", "--semantics", "kripke-kleene")
    assert kk == evaluated


def test_findings_become_tooltips(folder: Path) -> None:
    (folder / "bike.argmap").write_text(MAP + "premise lonely: Nobody uses me.\n", encoding="utf-8")
    code, out, _ = run(str(folder / "bike.argmap"), "--findings", "-o", "-", "--engine", "embedded")
    root = ET.fromstring(out)
    ns = "{http://www.w3.org/2000/svg}"
    group = next(g for g in root.iter(f"{ns}g") if g.get("id") == "statement-lonely")
    assert "finding" in (group.get("class") or "")
    assert "orphan-statement" in (group.findtext(f"{ns}title") or "")


def test_failed_render_keeps_the_previous_output(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "bike.svg"
    target.write_bytes(b"previous drawing")

    def failing(*_args: object, **_kwargs: object) -> object:
        raise RenderError("Graphviz dot was killed by signal 6:\nassertion failed")

    monkeypatch.setattr("argmap.cli.render.render_figure", failing)
    code, _, err = run(str(folder / "bike.argmap"))
    assert code == 1 and "killed by signal 6:\nassertion failed" in err
    assert target.read_bytes() == b"previous drawing"
    assert sorted(path.name for path in folder.iterdir()) == ["bike.argmap", "bike.svg"]


def test_failed_write_leaves_no_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "bike.svg"
    target.write_bytes(b"previous drawing")

    def failing_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("argmap.fileio.os.replace", failing_replace)
    code, _, err = run(str(folder / "bike.argmap"), "--engine", "embedded")
    assert code == 1 and "cannot write" in err and "No space left on device" in err
    assert target.read_bytes() == b"previous drawing"
    assert sorted(path.name for path in folder.iterdir()) == ["bike.argmap", "bike.svg"]


def test_timeout_option(folder: Path) -> None:
    lines = [f"premise p{i}: Statement {i}." for i in range(400)]
    lines += [f"p{i} -> p{(i * 7 + 1) % 400}" for i in range(400)]
    (folder / "big.argmap").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(str(folder / "big.argmap"), "--timeout", "0.01", "--engine", "embedded")
    assert code == 1 and "argmap: stopped after 0.01 s (--timeout 0.01)" in err
    assert not (folder / "big.svg").exists()


def test_version_names_the_engines() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "embedded Graphviz" in result.output


def test_fit_prints_at_the_width_and_says_so(folder: Path) -> None:
    target = folder / "figure.svg"
    # 7 cm: the legend, kept, counts in the width too.
    code, _, err = run(str(folder / "bike.argmap"), "--fit", "7cm", "-o", str(target))
    size = measure_svg(target.read_bytes())
    assert code == 0
    assert err == f"wrote {target} ({size.describe()})\n"
    assert size.width <= 7 / 2.54 * 72 + 0.01 and size.text is not None and size.text >= 8
    assert size.small is not None and size.small >= 6
    root = ET.fromstring(target.read_bytes())
    assert root.get("width", "").endswith("pt") and root.get("viewBox")


def test_fit_that_cannot_fit_writes_nothing_and_says_what_to_do(folder: Path) -> None:
    target = folder / "figure.svg"
    code, _, err = run(str(folder / "bike.argmap"), "--fit", "1cm", "-o", str(target))
    assert code == 1 and not target.exists()
    assert "does not fit 28 pt with text of 8 pt" in err and "prints its text at" in err
    assert "--split" in err and "--section" in err and "Traceback" not in err


def test_fit_min_font_is_honoured(folder: Path) -> None:
    target = folder / "figure.svg"
    # Under 6 pt the small text (IDs, legend) is held to --min-font itself.
    code, _, _ = run(str(folder / "bike.argmap"), "--fit", "5cm", "--min-font", "4", "-o",
                     str(target))
    size = measure_svg(target.read_bytes())
    assert code == 0 and size.text is not None and size.text >= 4 and size.width <= 141.8
    assert size.small is not None and size.small >= 4


def test_fit_rejects_a_width_it_cannot_read(folder: Path) -> None:
    code, _, err = run(str(folder / "bike.argmap"), "--fit", "wide")
    assert code == 2 and "`wide` is not a width" in err and "a4, letter, a5, slide" in err


SECTIONED = """\
@title Two halves
== For ==
premise p1: The first reason for the conclusion, at some length.
premise p2: The second reason for the conclusion, also long.
premise p3: The third reason for the conclusion, long as well.
conclusion c: The conclusion that the map argues for.
p1 -> c
p2 -> c
p3 -> c
== Against ==
claim o: The objection to the conclusion, stated at length.
premise q1: The first reason for the objection, at length.
premise q2: The second reason for the objection, at length.
premise q3: The third reason for the objection, at length.
q1 -> o
q2 -> o
q3 -> o
o -| c
"""


def test_split_writes_the_parts_and_an_index(tmp_path: Path) -> None:
    source = tmp_path / "halves.argmap"
    source.write_text(SECTIONED, encoding="utf-8")
    code, _, err = run(str(source), "--fit", "9cm", "--split", "-o", str(tmp_path / "figs"))
    assert code == 0, err
    names = ["01-overview.svg", "02-for.svg", "03-against.svg"]
    listed = sorted(path.name for path in (tmp_path / "figs").iterdir())
    assert listed == [".argmap-manifest.json", *names, "index.md"]
    lines = err.splitlines()
    assert lines[-1] == f"wrote {tmp_path / 'figs' / 'index.md'}"
    for line, name in zip(lines, names, strict=False):
        size = measure_svg((tmp_path / "figs" / name).read_bytes())
        assert line == f"wrote {tmp_path / 'figs' / name} ({size.describe()})"
    index = (tmp_path / "figs" / "index.md").read_text(encoding="utf-8")
    assert index == (
        "# Two halves\n\n1. [Overview](01-overview.svg)\n2. [Part 2: For](02-for.svg)\n"
        "3. [Part 3: Against](03-against.svg)\n"
    )


def test_split_names_what_cannot_fit_and_writes_the_rest(tmp_path: Path) -> None:
    """Never all or nothing: a statement whose text cannot be drawn in the box is named
    (with the floor that would pass), exit 1, and every other part is still written."""
    source = tmp_path / "halves.argmap"
    source.write_text(SECTIONED + "claim huge: " + "Words that go on. " * 60 + "\n",
                      encoding="utf-8")
    code, _, err = run(str(source), "--fit", "8x5cm", "--split", "-o", str(tmp_path / "figs"))
    assert code == 1, err
    assert "statement `huge` cannot be drawn inside 227 × 142 pt" in err
    assert "`--min-font " in err and "Traceback" not in err
    written = {path.name for path in (tmp_path / "figs").iterdir()}
    assert "index.md" in written and len(written) > 3


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--split"], "--split needs --fit"),
     (["--min-font", "9"], "--min-font needs --fit"),
     (["--split", "--fit", "a4", "-o", "x.svg"], "-o names a folder"),
     (["--split", "--fit", "a4", "-f", "dot"], "choose -f svg, png or pdf")],
)
def test_split_usage_errors(folder: Path, args: list[str], message: str) -> None:
    code, _, err = run(str(folder / "bike.argmap"), *args)
    assert code == 2 and message in err
