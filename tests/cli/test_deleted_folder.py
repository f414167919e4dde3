"""argmap started in a working folder that was deleted under the shell: one line, exit 2,
not a FileNotFoundError traceback from the first path that asks for the folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

MAPS = Path(__file__).resolve().parents[2] / "maps"


@pytest.mark.parametrize("command", [
    ["render", str(MAPS / "tutorial.argmap"), "-f", "dot"],
    ["check", str(MAPS / "tutorial.argmap")],
    ["config"],
])
def test_a_deleted_working_folder_is_one_line(tmp_path: Path, command: list[str]) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        f"sys.argv = ['argmap', *{command!r}]\n"
        "from argmap.launch import run\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr == ("error: the working folder cannot be read (was it deleted or "
                           "moved?): No such file or directory; cd to an existing folder\n")
