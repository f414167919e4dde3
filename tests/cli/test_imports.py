"""Light commands start instantly: they do not import the heavy libraries they do not use.

A test of what is imported, not of time (`make bench` times the start): each command runs in
a fresh interpreter under `-X importtime`, which names every module it imports on stderr.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("networkx", "wasmtime", "resvg_py", "graphviz")
MAP = "premise rain: It is raining.\nconclusion wet: The streets are wet.\nrain -> wet\n"


def imported(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "argmap", *args],
        capture_output=True, text=True, cwd=cwd, timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(re.findall(r"^import time:.*\|\s*(\S+)$", done.stderr, re.M))


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["rules"], ["rules", "AM103"], ["check", "--help"],
     ["show", "--help"], ["render", "--help"]],
)
def test_light_commands_import_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    modules = imported(*args, cwd=tmp_path)
    assert "argmap.cli" in modules  # the run really was observed
    assert {name for name in modules if name.split(".")[0] in HEAVY} == set()


def test_check_json_does_not_import_rich(tmp_path: Path) -> None:
    (tmp_path / "map.argmap").write_text(MAP, encoding="utf-8")
    modules = imported("check", "map.argmap", "--format", "json", cwd=tmp_path)
    assert "networkx" in modules  # the map was built
    assert not any(name.split(".")[0] == "rich" for name in modules)
