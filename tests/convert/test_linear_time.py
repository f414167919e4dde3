"""Every reader of another tool's format takes time linear in its input: a pathological file
of about 1 MB reads in at most ten times the time of a normal file of the same size, plus a
second (quadratic work takes minutes there, so the bound is generous and still tight).

Each file is read in a child process, timed around the reader alone, and killed at the
bound: a regression fails in seconds instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "fuzz"))
from pathological_inputs import NORMAL, PATHOLOGICAL  # noqa: E402

SIZE = 1_000_000
SUFFIXES = {"argdown": ".argdown", "aif": ".json", "arggraph": ".xml"}
CHILD = """
import sys, time
from argmap.convert import FORMATS
from argmap.convert.losses import Losses
from argmap.errors import ConvertError
from argmap.lazy import load

name, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8", newline="") as file:
    text = file.read()
reader = load(FORMATS[name].reader)
start = time.perf_counter()
try:
    reader(text, path, Losses())
except ConvertError:
    pass
print(time.perf_counter() - start)
"""
STARTUP = 30.0
"""Seconds allowed on top of the bound for the child to start and import (a loaded machine)."""


def read_time(name: str, text: str, folder: Path, bound: float) -> float:
    """Seconds the `name` reader takes over `text`; the test fails once `bound` is passed."""
    path = folder / f"input{SUFFIXES[name]}"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        result = subprocess.run(
            [sys.executable, "-c", CHILD, name, str(path)], capture_output=True, text=True,
            timeout=bound + STARTUP, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading took more than {bound + STARTUP:.0f} s (bound {bound:.1f} s)")
    assert result.returncode == 0, result.stderr
    return float(result.stdout)


@cache
def normal_time(name: str, folder: Path) -> float:
    """The reader's time over a normal file of SIZE characters (measured once a run)."""
    return read_time(name, NORMAL[name](SIZE), folder, 600.0)


CASES = [(name, case) for name, cases in PATHOLOGICAL.items() for case in cases]


@pytest.mark.parametrize(("name", "case"), CASES, ids=[f"{n}-{c}" for n, c in CASES])
def test_a_pathological_file_reads_in_linear_time(
    name: str, case: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.getbasetemp() / f"linear-{name}"
    folder.mkdir(exist_ok=True)
    normal = normal_time(name, folder)
    bound = 10 * normal + 1
    text = PATHOLOGICAL[name][case](SIZE)
    assert SIZE * 0.9 <= len(text) <= SIZE * 1.1
    took = read_time(name, text, tmp_path_factory.mktemp("case"), bound)
    assert took < bound, f"{case}: {took:.2f} s, a normal file {normal:.2f} s"


@pytest.mark.parametrize("name", list(NORMAL))
def test_the_normal_files_are_what_they_say(name: str, tmp_path: Path) -> None:
    """The yardstick is a real map: it reads without error into statements and relations."""
    from argmap.convert import FORMATS
    from argmap.convert.losses import Losses
    from argmap.lazy import load

    reader = FORMATS[name].reader
    assert reader is not None
    amap = load(reader)(NORMAL[name](20_000), str(tmp_path / f"m{SUFFIXES[name]}"), Losses())
    assert len(list(amap.statements())) > 50
    assert len(list(amap.inferences())) > 20
