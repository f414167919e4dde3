"""argmap is a typed package (argmap/py.typed): a user's mypy sees the public API's types,
not `Any`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

USER = """\
import argmap
from argmap.checks import run_checks

amap: int = argmap.parse("premise a: A.")
findings: str = run_checks(argmap.load("m.argmap"))
"""


def test_a_users_mypy_sees_the_types(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extra")
    (tmp_path / "user.py").write_text(USER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--strict", "user.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1
    assert ('user.py:4: error: Incompatible types in assignment (expression has type '
            '"ArgumentMap", variable has type "int")') in done.stdout
    assert ('user.py:5: error: Incompatible types in assignment (expression has type '
            '"list[Finding]", variable has type "str")') in done.stdout
    assert "py.typed" not in done.stdout
