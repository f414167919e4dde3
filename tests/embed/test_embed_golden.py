"""`argmap embed` on the documents in data/: the updated document matches expected.md (and
the messages expected.err), with LF and with CRLF line ends."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

DATA = Path(__file__).parent / "data"
CASES = sorted(path.name for path in DATA.iterdir() if (path / "doc.md").is_file())
UPDATE = bool(os.environ.get("ARGMAP_UPDATE_GOLDEN"))


def embed(folder: Path, *args: str) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["embed", "doc.md", "--engine", "embedded", *args])
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stderr


# Every case with LF line ends; the ones about fences with CRLF too.
PARAMS = [(case, "\n") for case in CASES] + [
    (case, "\r\n") for case in ("crlf-and-fences", "nested")
]


@pytest.mark.parametrize(("case", "ending"), PARAMS)
def test_golden(case: str, ending: str, tmp_path: Path) -> None:
    folder = tmp_path / case
    shutil.copytree(DATA / case, folder, ignore=shutil.ignore_patterns("expected.*"))
    doc = folder / "doc.md"
    doc.write_bytes(doc.read_bytes().replace(b"\n", ending.encode()))
    status, messages = embed(folder)
    expected_md, expected_err = DATA / case / "expected.md", DATA / case / "expected.err"
    if UPDATE and ending == "\n":
        expected_md.write_bytes(doc.read_bytes())
        if status:
            expected_err.write_text(messages, encoding="utf-8")
    assert doc.read_bytes() == expected_md.read_bytes().replace(b"\n", ending.encode())
    if expected_err.exists():
        assert status == 1
        assert messages == expected_err.read_text(encoding="utf-8")
    else:
        assert status == 0, messages
    # Every link in the document names a figure that was written.
    figures = folder / "doc-argmap"
    for line in doc.read_text(encoding="utf-8").splitlines():
        if "](doc-argmap/" in line:
            name = line.split("](doc-argmap/", 1)[1].rstrip(")")
            assert (figures / name).is_file(), name
