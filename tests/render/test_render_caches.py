"""Work a render does not repeat: font subsets come from the cache folder, and tooltips are
computed only for the formats that carry them."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.fileio import CACHE_ENV
from argmap.render import RenderOptions
from argmap.render.fonts import font_face
from argmap.render.render import prepare

MAP = "premise rain: It is raining.\nconclusion wet: The streets are wet.\nrain -> wet\n"


def test_a_font_subset_is_made_once_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    first = font_face("Hello, wörld")
    cached = list((tmp_path / "fonts").iterdir())
    assert len(cached) == 1 and cached[0].read_text(encoding="utf-8") == first
    assert font_face("wörld, Hello") == first  # the same characters, in any order
    cached[0].write_text("@font-face{from the cache}", encoding="utf-8")
    assert font_face("Hello, wörld") == "@font-face{from the cache}"
    assert font_face("Hello") != first and len(list((tmp_path / "fonts").iterdir())) == 2


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocked))
    assert font_face("abc").startswith("@font-face{font-family:Arimo;")


def test_tooltips_only_for_svg() -> None:
    amap = argmap.parse(MAP, "map.argmap")
    assert prepare(amap, RenderOptions()).tooltips == {}
    tooltips = prepare(amap, RenderOptions(), for_svg=True).tooltips
    assert tooltips["rain"].startswith("rain (premise): It is raining.")
