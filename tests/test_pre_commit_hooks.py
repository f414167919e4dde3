"""The pre-commit hooks of .pre-commit-hooks.yaml, run by `pre-commit try-repo` in a scratch
git repository: argmap-check passes a part that its map includes (pre-commit passes it
alone), argmap-fmt rewrites an unformatted map, argmap-embed-check passes a current figure.

pre-commit installs argmap with its dependencies from the package index into a temporary
environment of its own (about a minute)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[1]
HOOKS = ["argmap-check", "argmap-fmt", "argmap-embed-check"]
MAIN = "@include parts/more.argmap\npremise a: A.\nconclusion c: C.\na + b -> c\n"
PART = "premise b: B.\nb -> c\n"
UNFORMATTED = "a -> c\nconclusion c: C.\npremise a: A.\n"
NOTES = "# Notes\n\n```argmap\npremise a: A.\nconclusion c: C.\na -> c\n```\n"


def test_the_manifest_names_the_three_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == HOOKS
    for hook in hooks:
        assert hook["language"] == "python" and hook["entry"].startswith("argmap ")


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=folder, check=True, capture_output=True)


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    pre_commit = shutil.which("pre-commit", path=str(bin_dir)) or shutil.which("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("needs pre-commit (`pip install pre-commit`) and git")
    scratch = tmp_path / "scratch"
    (scratch / "parts").mkdir(parents=True)
    (scratch / "main.argmap").write_text(MAIN, encoding="utf-8")
    (scratch / "parts" / "more.argmap").write_text(PART, encoding="utf-8")
    (scratch / "notes.md").write_text(NOTES, encoding="utf-8")
    # The figure drawn beforehand, as a user commits it with the document.
    drawn = subprocess.run([str(bin_dir / "argmap"), "embed", "notes.md"], cwd=scratch,
                           capture_output=True, text=True, timeout=300)
    assert drawn.returncode == 0, drawn.stderr
    (scratch / "unformatted.argmap").write_text(UNFORMATTED, encoding="utf-8")
    git(scratch, "init", "-q")
    git(scratch, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run([pre_commit, "try-repo", str(ROOT), "--all-files", "--verbose"],
                          cwd=scratch, env=env, capture_output=True, text=True, timeout=1200)
    output = done.stdout + done.stderr
    if "Failed to establish a new connection" in output or "Temporary failure in name" in output:
        pytest.skip("pre-commit could not reach the package index to install argmap")
    results = {hook: line for line in output.splitlines() for hook in ("argmap check",
               "argmap fmt", "argmap embed --check") if line.startswith(hook + ".")}
    assert results["argmap check"].endswith("Passed"), output
    assert results["argmap fmt"].endswith("Failed"), output
    assert results["argmap embed --check"].endswith("Passed"), output
    assert "files were modified by this hook" in output
    formatted = (scratch / "unformatted.argmap").read_text(encoding="utf-8")
    assert formatted == "conclusion c: C.\npremise a: A.\n\na -> c\n"
    assert done.returncode == 1
