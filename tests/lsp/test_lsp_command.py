"""`argmap lsp` without pygls says how to install it, in one line, with status 2; with it,
`--stdio` is accepted and the server ends with its input."""

from __future__ import annotations

import subprocess
import sys

import pytest

HIDE_PYGLS = (
    "import sys; sys.modules['pygls'] = None; sys.modules['pygls.lsp'] = None; "
    "sys.argv = ['argmap', 'lsp']; from argmap.launch import run; run()"
)


def test_without_pygls_it_says_how_to_install_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", HIDE_PYGLS], capture_output=True, text=True, timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "error: `argmap lsp` needs pygls, which is not installed; "
        "install it with: pip install 'argmap[lsp]'\n"
    )


def test_it_accepts_stdio_and_ends_with_its_input() -> None:
    pytest.importorskip("pygls", reason="the language server needs pygls")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lsp", "--stdio"], capture_output=True, text=True,
        timeout=60, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0
    assert done.stdout == ""
