"""A library call leaves the interpreter as it found it: parsing and loading freeze nothing
and leave the garbage collector on, with its thresholds, so that a caller's own garbage is
still collected (200 parses in a notebook once held 224 MB that gc.collect() could not free).
The command's main, called in a test or a notebook, does the same."""

from __future__ import annotations

import ast
import gc
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main

MAP = """\
premise safer: A lane makes cycling safer. #safety
premise cost: It costs little.
conclusion go: Build it now.
safer + cost -> go
"""


@pytest.fixture
def collector() -> Iterator[tuple[bool, tuple[int, int, int]]]:
    """The collector's state before the test, nothing frozen; asserted unchanged after."""
    gc.unfreeze()
    before = (gc.isenabled(), gc.get_threshold())
    yield before
    assert gc.get_freeze_count() == 0
    assert (gc.isenabled(), gc.get_threshold()) == before


def test_parse_and_load_freeze_nothing(tmp_path: Path, collector: object) -> None:
    path = tmp_path / "map.argmap"
    path.write_text(MAP, encoding="utf-8")
    argmap.parse(MAP)
    argmap.load(str(path))
    argmap.load(str(path), syntax=False)
    with pytest.raises(argmap.ParseError):
        argmap.parse("premise a: A.\na -> nowhere\n")
    assert gc.get_freeze_count() == 0


class _Cycle:
    """Garbage that only the cycle collector frees."""

    def __init__(self) -> None:
        self.me = self


def test_the_callers_garbage_is_collected_after_each_parse(collector: object) -> None:
    for _ in range(20):
        dropped = _Cycle()
        gone = weakref.ref(dropped)
        del dropped
        argmap.parse(MAP)
        gc.collect()
        assert gone() is None


@pytest.mark.parametrize("command", [
    ["check"], ["show"], ["render", "-f", "dot", "-o", "-"],
])
def test_commands_run_in_process_leave_the_collector_alone(
    tmp_path: Path, collector: object, command: list[str]
) -> None:
    path = tmp_path / "map.argmap"
    path.write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(main, [*command, str(path)])
    assert result.exit_code == 0, result.output


def test_import_argmap_imports_nothing_but_itself() -> None:
    """`import argmap` (where every command starts) imports no other argmap module than the
    lazy loader, nor `typing`; the API's names load when first used."""
    code = (
        "import sys; before = set(sys.modules); import argmap; "
        "print(sorted(set(sys.modules) - before)); "
        "print(argmap.ParseError.__module__, argmap.ArgumentMap.__module__)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    new, names = result.stdout.splitlines()
    assert [name for name in ast.literal_eval(new) if name.startswith("argmap")] == [
        "argmap", "argmap.lazy"]
    assert "typing" not in ast.literal_eval(new)
    assert names == "argmap.errors argmap.model"
