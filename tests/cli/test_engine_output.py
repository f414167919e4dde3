"""A broken Graphviz: what `dot` returns is checked before it replaces a file. An empty,
truncated, ill-formed or non-UTF-8 drawing is an error (exit 1), the old drawing is kept
and no temporary file is left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.errors import RenderError
from argmap.render.validate import check_output

MAP = "premise a: A reason.\nconclusion c: The point.\na -> c\n"
OLD = b"the old drawing\n"
FINE_SVG = (b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
            b' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
            b'<svg width="8pt" height="8pt" xmlns="http://www.w3.org/2000/svg"></svg>\n')
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
          b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg>&b;</svg>')
EXTERNAL = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>'


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the map, an old drawing, and first on PATH a `dot` to be written."""
    if os.name != "posix":
        pytest.skip("the fake dot is a shell script")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}")
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    return bin_folder


def _write_dot(bin_folder: Path, fmt: str, output: bytes) -> None:
    """A `dot` that writes `output` for -T`fmt` and a fine SVG for anything else (argmap
    draws an SVG with a PNG or a PDF), and succeeds: a broken build, not a failing one.
    Like dot, it writes a `-T` followed by `-o FILE` to that file, the last `-T` to stdout."""
    (bin_folder / "fine.svg").write_bytes(FINE_SVG)
    (bin_folder / f"out.{fmt}").write_bytes(output)
    script = bin_folder / "dot"
    script.write_text(
        "#!/bin/sh\n"
        "pick() {\n"
        f"  if [ -f '{bin_folder}'/out.\"$1\" ]; then echo '{bin_folder}'/out.\"$1\";\n"
        f"  else echo '{bin_folder / 'fine.svg'}'; fi\n"
        "}\n"
        "last=svg\n"
        "while [ $# -gt 0 ]; do\n"
        "  case \"$1\" in\n"
        "    -T*) if [ \"$2\" = -o ]; then /bin/cat \"$(pick \"${1#-T}\")\" > \"$3\"; shift 2;\n"
        "         else last=\"${1#-T}\"; fi ;;\n"
        "  esac\n"
        "  shift\n"
        "done\n"
        "exec /bin/cat \"$(pick \"$last\")\"\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


CASES = [
    ("svg", b"", "returned an empty SVG; nothing was written"),
    ("svg", b"<svg><g></svg>", "returned SVG that is not well-formed XML (mismatched tag: "
                               "line 1, column 10); nothing was written"),
    ("svg", FINE_SVG[:-20], "returned SVG that is not well-formed XML (unclosed token"),
    ("svg", b"<svg>\xff\xfe</svg>", "returned SVG that is not UTF-8 (byte 0xff at offset 5); "
                                   "nothing was written"),
    ("svg", b"<html></html>", "returned <html> instead of an <svg>; nothing was written"),
    ("svg", LAUGHS, "returned SVG that declares an entity; nothing was written"),
    ("svg", EXTERNAL, "returned SVG that declares an entity; nothing was written"),
    ("pdf", b"%PDF-1.7\n1 0 obj", "returned a PDF that is cut short"),
    ("pdf", b"<svg/>", "returned a PDF that is not a PDF"),
    ("json", b'{"name": ', "returned JSON that does not parse (Expecting value"),
]


@pytest.mark.parametrize(("fmt", "output", "message"), CASES,
                         ids=[f"{fmt}-{index}" for index, (fmt, _, _) in enumerate(CASES)])
def test_a_broken_dot_never_replaces_the_old_drawing(
    fake_dot: Path, fmt: str, output: bytes, message: str
) -> None:
    folder = fake_dot.parent
    _write_dot(fake_dot, fmt, output)
    target = folder / f"m.{fmt}"
    target.write_bytes(OLD)
    result = CliRunner().invoke(main, ["render", str(folder / "m.argmap"), "-o", str(target),
                                       "--engine", "system"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: {folder / 'm.argmap'}: Graphviz dot ({fake_dot / 'dot'}) {message}")
    assert "Traceback" not in result.output
    assert target.read_bytes() == OLD
    assert sorted(path.name for path in folder.iterdir()) == ["bin", "m.argmap", f"m.{fmt}"]


def test_a_whole_output_passes(fake_dot: Path) -> None:
    _write_dot(fake_dot, "svg", FINE_SVG)
    target = fake_dot.parent / "m.svg"
    result = CliRunner().invoke(main, ["render", str(fake_dot.parent / "m.argmap"), "-o",
                                       str(target), "--engine", "system"])
    assert result.exit_code == 0, result.output
    assert b"<svg" in target.read_bytes()


def test_a_png_is_drawn_from_a_checked_svg(fake_dot: Path) -> None:
    """argmap makes PNG from the engine's SVG: a broken SVG stops it the same way."""
    folder = fake_dot.parent
    _write_dot(fake_dot, "svg", b"")
    target = folder / "m.png"
    target.write_bytes(OLD)
    result = CliRunner().invoke(main, ["render", str(folder / "m.argmap"), "-o", str(target),
                                       "--engine", "system"])
    assert result.exit_code == 1 and "returned an empty SVG; nothing was written" in result.stderr
    assert target.read_bytes() == OLD
    assert sorted(path.name for path in folder.iterdir()) == ["bin", "m.argmap", "m.png"]


def test_a_broken_png_or_pdf_is_refused() -> None:
    with pytest.raises(RenderError, match="dot returned a PNG that is cut short"):
        check_output(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png", "dot")
    with pytest.raises(RenderError, match="dot returned a PNG that is not a PNG"):
        check_output(b"GIF89a", "png", "dot")
    with pytest.raises(RenderError, match="dot returned an empty PNG"):
        check_output(b"", "png", "dot")


def test_what_the_real_engines_return_passes() -> None:
    check_output(FINE_SVG, "svg", "test")
    check_output(b"\x89PNG\r\n\x1a\n...\x00\x00\x00\x00IEND\xaeB`\x82", "png", "test")
    check_output(b"%PDF-1.5\n...\n%%EOF\n", "pdf", "test")
    check_output(b'{"name": "argmap"}', "json", "test")
    with pytest.raises(RenderError, match="test returned an empty SVG"):
        check_output(b"", "svg", "test")
