"""The last resort: a MemoryError or RecursionError that no command handles is one line that
names the command and exit status 1, never a traceback, in the test runner and in the program."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.show import show

MAP = "premise a: A.\nconclusion b: B.\na -> b\n"
LINES = {
    MemoryError: "argmap: out of memory in `argmap show`; give it a smaller map (or part of "
    "one), close other programs or raise the memory limit\n",
    RecursionError: "argmap: `argmap show` stopped: its input nests deeper than argmap can "
    "follow (RecursionError); this is a bug in argmap, please report it with the input\n",
}


@pytest.mark.parametrize("error", [MemoryError, RecursionError])
def test_an_error_no_command_handles_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")

    def fail(**_: object) -> None:
        raise error

    monkeypatch.setattr(show, "callback", fail)
    result = CliRunner().invoke(main, ["show", str(source)])
    assert (result.exit_code, result.output) == (1, LINES[error])


@pytest.mark.parametrize("error", ["MemoryError", "RecursionError"])
def test_the_program_says_it_in_one_line_too(tmp_path: Path, error: str) -> None:
    """Through the program's own exit (quick_exit), with the group's flag before the command."""
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        from argmap.cli import run
        from argmap.cli.show import show

        def fail(**_):
            raise {error}("deep inside")

        show.callback = fail
        sys.argv = ["argmap", "--verbose", "show", sys.argv[1]]
        run()
    """)
    result = subprocess.run([sys.executable, "-c", script, str(source)],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (1, "")
    # Besides the log lines --verbose asks for, that one line.
    lines = result.stderr.splitlines(keepends=True)
    shown = "".join(line for line in lines if not line.startswith(("debug argmap", "info argmap")))
    assert shown == LINES[MemoryError if error == "MemoryError" else RecursionError]
