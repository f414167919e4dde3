"""A Ctrl-C (or SIGTERM) while Python is still importing the CLI ends argmap with one line
and the usual status, not a KeyboardInterrupt traceback (argmap.launch)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# The signal arrives while `click` is being imported, deep inside `from argmap.cli import`:
# the moment a user's Ctrl-C lands when they change their mind at once.
SIGNAL_DURING_IMPORT = """
import os, signal, sys
class Hook:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            os.kill(os.getpid(), signal.{name})
        return None
sys.meta_path.insert(0, Hook())
sys.argv = ["argmap", "--version"]
from argmap.launch import run
run()
"""


@pytest.mark.parametrize(("name", "status", "word"), [
    ("SIGINT", 130, "interrupted"),
    ("SIGTERM", 143, "terminated"),
])
def test_a_signal_while_the_cli_imports_is_one_line(name: str, status: int, word: str) -> None:
    done = subprocess.run([sys.executable, "-c", SIGNAL_DURING_IMPORT.format(name=name)],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (status, f"argmap: {word}\n")
    assert done.stdout == ""


def test_the_cli_gets_its_own_signal_handling_back() -> None:
    """After the import the handlers are the ones before it: the CLI's own handling (which
    unwinds a command cleanly) is installed by the command, not left to argmap.launch."""
    code = (
        "import signal, sys\n"
        "before = signal.getsignal(signal.SIGINT)\n"
        "import argmap.launch as launch\n"
        "sys.argv = ['argmap', '--version']\n"
        "import argmap.cli\n"
        "argmap.cli.run = lambda: print(signal.getsignal(signal.SIGINT) is before)\n"
        "launch.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "True", done.stderr


def test_the_console_script_and_python_m_use_it() -> None:
    root = Path(__file__).resolve().parents[2]
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '\nargmap = "argmap.launch:run"\n' in pyproject
    main = (root / "argmap" / "__main__.py").read_text(encoding="utf-8")
    assert "from argmap.launch import run" in main
