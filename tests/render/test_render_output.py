"""Output plumbing: atomic writes, PNG without a system Graphviz, the PDF fallback."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from argmap.errors import RenderError
from argmap.fileio import write_atomic
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, render_map


def test_write_atomic_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    write_atomic(target, b"first")
    assert target.read_bytes() == b"first"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    target.chmod(0o640)
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["out.svg"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_write_atomic_failure_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.svg"
    target.write_bytes(b"old")

    def broken_fsync(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("argmap.fileio.os.fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["out.svg"]


def test_embedded_png_is_a_png(small_map: ArgumentMap) -> None:
    data = render_map(small_map, RenderOptions(fmt="png", engine="embedded"))
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    svg = render_map(small_map, RenderOptions(fmt="svg", engine="embedded")).decode()
    points = float(svg.split('width="', 1)[1].split("pt", 1)[0])
    assert width == pytest.approx(points * 2, abs=2) and height > 100  # 144 dpi


def test_embedded_pdf_names_the_fix(small_map: ArgumentMap) -> None:
    with pytest.raises(RenderError, match=r"install Graphviz \(apt-get install graphviz / brew"):
        render_map(small_map, RenderOptions(fmt="pdf", engine="embedded"))


def test_unknown_theme_and_format(small_map: ArgumentMap) -> None:
    with pytest.raises(RenderError, match="unknown theme `neon`"):
        render_map(small_map, RenderOptions(theme="neon", fmt="dot"))
    with pytest.raises(RenderError, match="unknown format `gif`"):
        render_map(small_map, RenderOptions(fmt="gif"))
