"""`argmap lsp` without pygls says how to install it, in one line, with status 2."""

from __future__ import annotations

import subprocess
import sys

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
