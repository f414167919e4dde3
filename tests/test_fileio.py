"""fileio's lost-edit guard: a file is replaced only while it is as argmap read it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.fileio import ChangedSinceRead, read_stamped, replace_if_unchanged


def test_an_unchanged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "map.argmap"
    path.write_bytes(b"old\n")
    data, stamp = read_stamped(path, 1000, "maps")
    assert data == b"old\n"
    replace_if_unchanged(stamp, b"new\n")
    assert path.read_bytes() == b"new\n"


@pytest.mark.parametrize("edit", ["content", "same size", "deleted"])
def test_a_file_changed_since_it_was_read_is_left_alone(tmp_path: Path, edit: str) -> None:
    path = tmp_path / "map.argmap"
    path.write_bytes(b"old\n")
    _, stamp = read_stamped(path, 1000, "maps")
    if edit == "content":
        path.write_bytes(b"the user's edit\n")
    elif edit == "same size":
        path.write_bytes(b"OLD\n")
        os.utime(path, ns=(stamp.mtime_ns, stamp.mtime_ns))  # even with the old mtime
    else:
        path.unlink()
    with pytest.raises(ChangedSinceRead) as raised:
        replace_if_unchanged(stamp, b"new\n")
    assert "changed after argmap read it" in str(raised.value.strerror)
    assert [p.name for p in tmp_path.iterdir()] == ([] if edit == "deleted" else ["map.argmap"])
    if edit != "deleted":
        assert path.read_bytes() != b"new\n"
