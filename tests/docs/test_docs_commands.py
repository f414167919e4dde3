"""No example command (in the README, the docs or `--help`) overwrites a file of the checkout: a
newcomer who runs them in the repository must not break it (issue 7 item 14: the first
render example once replaced the committed maps/russia-china.svg)."""

from __future__ import annotations

import glob
import shlex
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from docs_pages import ROOT, all_blocks

from argmap.cli import COMMANDS, main


def _tracked() -> set[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: which files are committed is not known")
    done = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return set(done.stdout.splitlines())


def docs_commands() -> list[str]:
    """Every `$ argmap ...` line of the console blocks of the README and the docs pages."""
    lines = []
    for block in all_blocks():
        if block.words[:1] == ["console"]:
            lines += [line[2:] for line in block.text.splitlines() if line.startswith("$ argmap")]
    return lines


def help_commands() -> list[str]:
    """Every `argmap ...` example line of the commands' --help epilogs."""
    epilogs = [main.epilog or ""]
    for name in COMMANDS:
        command = main.get_command(click.Context(main), name)
        assert command is not None
        epilogs.append(command.epilog or "")
    return [line.strip() for text in epilogs for line in text.splitlines()
            if line.strip().startswith("argmap ")]


def written(line: str) -> list[str]:
    """The paths a command line may write: its -o, the files it writes beside its inputs, the
    files it rewrites, and shell redirections (`>`)."""
    words = shlex.split(line, comments=True)
    paths: list[str] = []
    for operator in (">", ">>"):
        while operator in words:
            index = words.index(operator)
            paths.append(words[index + 1])
            del words[index : index + 2]
    if "|" in words:
        words = words[: words.index("|")]
    name, arguments = words[1], words[2:]
    if name.startswith("-"):  # argmap --version, --help
        return paths
    command = main.get_command(click.Context(main), name)
    assert command is not None, line
    context = command.make_context(name, list(arguments), resilient_parsing=True)
    options, _, _ = command.make_parser(context).parse_args(list(arguments))
    positional: list[str] = []
    for parameter in command.params:
        if isinstance(parameter, click.Argument) and parameter.name in options:
            value = options[parameter.name]
            if isinstance(value, str):
                positional.append(value)
            elif isinstance(value, (tuple, list)):
                positional += list(value)
    inputs = [match for pattern in positional for match in (glob.glob(pattern, root_dir=ROOT)
                                                             or [pattern])]
    output = options.get("output")
    output = output if isinstance(output, str) else None
    fmt = options.get("fmt")
    fmt = fmt if isinstance(fmt, str) else None
    if name in ("render", "report", "convert"):
        if output not in (None, "-"):
            paths.append(output)
        elif output is None and name != "convert":
            fmt = fmt or ("html" if name == "report" else "svg")
            paths += [str(Path(path).with_suffix("." + fmt)) for path in inputs]
    elif name in ("fmt", "embed") and not (options.get("check") or options.get("show_diff")):
        paths += inputs
    return paths


def overwritten(paths: list[str], tracked: set[str]) -> list[str]:
    """The committed files among `paths` (a folder: every committed file in it)."""
    found = []
    for path in paths:
        relative = Path(path).as_posix().rstrip("/")
        found += [file for file in tracked if file == relative or file.startswith(relative + "/")]
    return found


@pytest.mark.parametrize("line", docs_commands() + help_commands())
def test_no_example_overwrites_a_committed_file(line: str) -> None:
    assert overwritten(written(line), _tracked()) == [], (
        f"`{line}` would overwrite files of the checkout; write to out/ instead"
    )


def test_the_check_sees_the_old_trap() -> None:
    tracked = {"maps/russia-china.svg", "maps/russia-china/index.md", "README.md"}
    assert overwritten(written("argmap render maps/russia-china.argmap"), tracked) == [
        "maps/russia-china.svg"]
    assert overwritten(written("argmap render maps/x.argmap --split -o maps/russia-china/"),
                       tracked) == ["maps/russia-china/index.md"]
    assert overwritten(written("argmap embed README.md"), tracked) == ["README.md"]
    assert overwritten(written("argmap render maps/russia-china.argmap -o - > out/x.svg"),
                       tracked) == []
