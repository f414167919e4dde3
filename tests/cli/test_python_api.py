"""argmap from Python: `main([...], standalone_mode=False)` returns the exit status, as
click documents; `-V` is `--version`."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import __version__
from argmap.cli import main

GOOD = "premise a: A.\nconclusion c: C.\na -> c\n"
BAD = "premise a: A.\nconclusion c: C.\nb -> c\n"


@pytest.mark.parametrize(("text", "status"), [(GOOD, 0), (BAD, 1)])
def test_main_returns_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, status: int
) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)], standalone_mode=False) == status
    out = capsys.readouterr().out
    assert out.endswith("no problems in 1 file\n" if status == 0 else "1 error in 1 file\n")


def test_main_returns_2_for_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chek"], standalone_mode=False) == 2
    assert "no such command `chek`; did you mean `check`?" in capsys.readouterr().err
    assert main(["check", "no-such.argmap"], standalone_mode=False) == 2


def test_main_returns_0_after_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-V"], standalone_mode=False) == 0
    assert capsys.readouterr().out.startswith(f"argmap {__version__}\n")
    assert main(["--help"], standalone_mode=False) == 0
    assert "-V, --version" in capsys.readouterr().out


def test_main_in_standalone_mode_exits(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["check", "-q", str(path)])
    assert done.value.code == 1


def test_the_documented_library_calls(tmp_path: Path) -> None:
    """docs/getting-started.md's table of the public API, called as it says."""
    import argmap
    from argmap.checks import run_checks
    from argmap.render.render import RenderOptions, render_map

    path = tmp_path / "m.argmap"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(argmap.ParseError) as error:
        argmap.load(str(path))
    assert error.value.errors[0].span.line == 3
    amap = argmap.parse(GOOD, "m.argmap")
    assert isinstance(amap, argmap.ArgumentMap)
    assert run_checks(amap, select=["ALL"], ignore=["AM203"]) == []
    assert render_map(amap, RenderOptions(fmt="dot")).startswith(b"digraph")
