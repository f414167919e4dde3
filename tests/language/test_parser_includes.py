"""Include paths: where an included file is shown, and which paths are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.language.includes import IncludeError, display_path, resolve_include


@pytest.mark.parametrize(
    ("including", "value", "shown"),
    [
        ("maps/main.argmap", "parts/a.argmap", "maps/parts/a.argmap"),
        ("maps/main.argmap", "./a.argmap", "maps/a.argmap"),
        ("maps/parts/a.argmap", "../b.argmap", "maps/b.argmap"),
        ("main.argmap", "a.argmap", "a.argmap"),
        ("<string>", "a.argmap", "a.argmap"),
    ],
)
def test_display_path_joins_the_including_folder(including: str, value: str, shown: str) -> None:
    assert display_path(including, value) == shown


def test_resolve_include_keeps_inside_the_root(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.argmap").write_text("")
    root = tmp_path.resolve()
    assert resolve_include("a.argmap", root / "sub", root) == root / "sub" / "a.argmap"
    assert resolve_include("../b.argmap", root / "sub", root) == root / "b.argmap"
    with pytest.raises(IncludeError, match="is outside the map's folder"):
        resolve_include("../../c.argmap", root / "sub", root)
    with pytest.raises(IncludeError, match="is an absolute path"):
        resolve_include(str(root / "sub" / "a.argmap"), root, root)
    with pytest.raises(IncludeError, match="cannot include"):
        resolve_include("a\0b", root, root)


def test_text_without_a_path_includes_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "part.argmap").write_text("premise p: P\n")
    monkeypatch.chdir(tmp_path)
    amap = argmap.parse("@include part.argmap\nconclusion c: C\np -> c\n")
    assert list(amap.files) == ["<string>", "part.argmap"]
    assert amap.graph.nodes["p"]["span"].file == "part.argmap"


def test_an_include_may_sit_in_a_nested_folder_and_include_a_sibling(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.argmap").write_text("@include ../b/two.argmap\npremise one: 1\n")
    (tmp_path / "b" / "two.argmap").write_text("premise two: 2\n")
    (tmp_path / "m.argmap").write_text("@include a/one.argmap\nconclusion c: C\none + two -> c\n")
    amap = argmap.load(tmp_path / "m.argmap")
    assert amap.graph.nodes["two"]["span"].file == (tmp_path / "b" / "two.argmap").as_posix()
