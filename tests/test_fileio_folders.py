"""fileio.make_parent and remove_folders: a failed write takes away the folders made for it,
and nothing else."""

from __future__ import annotations

from pathlib import Path

from argmap.fileio import make_parent, remove_folders


def test_make_parent_returns_the_folders_it_made_deepest_first(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c" / "out.svg"
    assert make_parent(target) == [tmp_path / "a" / "b" / "c", tmp_path / "a" / "b",
                                   tmp_path / "a"]
    assert (tmp_path / "a" / "b" / "c").is_dir()
    assert make_parent(target) == []


def test_remove_folders_stops_at_a_folder_someone_filled(tmp_path: Path) -> None:
    made = make_parent(tmp_path / "a" / "b" / "out.svg")
    (tmp_path / "a" / "theirs.txt").write_text("kept", encoding="utf-8")
    remove_folders(made)
    assert not (tmp_path / "a" / "b").exists()
    assert (tmp_path / "a" / "theirs.txt").read_text(encoding="utf-8") == "kept"
