"""A cache folder that cannot be written is said once on stderr and in --version --verbose,
with the variable that moves it (each run would otherwise recompile the embedded Graphviz
in silence)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli.cache_notice import cache_line

MAP = "premise a: A.\nconclusion c: C.\na -> c\n"


def argmap(arguments: list[str], cache: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ARGMAP_CACHE_DIR": str(cache)}
    env.pop("ARGMAP_LOG", None)
    return subprocess.run([sys.executable, "-m", "argmap", *arguments], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture
def unwritable(tmp_path: Path) -> Path:
    """A cache folder below a regular file: it cannot be made, even by root."""
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    return tmp_path / "a-file" / "cache"


def test_render_says_once_that_the_cache_cannot_be_written(
    tmp_path: Path, unwritable: Path
) -> None:
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    done = argmap(["render", "m.argmap", "--engine", "embedded", "-o", "m.svg"],
                  unwritable, tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("argmap: warning")]
    assert warnings == [
        f"argmap: warning: cannot write the cache folder {unwritable} (Not a directory): the "
        "embedded Graphviz is compiled again on every run (seconds instead of a fraction of "
        "one); set ARGMAP_CACHE_DIR to a writable folder"
    ]


def test_nothing_is_said_when_the_cache_works(tmp_path: Path) -> None:
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    done = argmap(["render", "m.argmap", "--engine", "embedded", "-o", "m.svg"],
                  tmp_path / "cache", tmp_path)
    assert done.returncode == 0 and "warning" not in done.stderr
    assert list((tmp_path / "cache").iterdir())


def test_version_verbose_names_the_cache_and_its_problem(
    tmp_path: Path, unwritable: Path
) -> None:
    done = argmap(["--version", "--verbose"], unwritable, tmp_path)
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == (
        f"cache: cannot write the cache folder {unwritable} (Not a directory): the embedded "
        "Graphviz is compiled again on every run (seconds instead of a fraction of one); set "
        "ARGMAP_CACHE_DIR to a writable folder"
    )
    fine = argmap(["-V", "--verbose"], tmp_path / "cache", tmp_path)
    cache = tmp_path / "cache"
    assert fine.stdout.splitlines()[-1] == f"cache: {cache} (ARGMAP_CACHE_DIR moves it)"


def test_cache_line_without_an_engine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, unwritable: Path
) -> None:
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(unwritable))
    assert cache_line().startswith(f"cache: cannot write the cache folder {unwritable} (")
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "new"))
    assert cache_line() == f"cache: {tmp_path / 'new'} (ARGMAP_CACHE_DIR moves it)"
