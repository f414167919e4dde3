"""The GitHub Action (action.yml) and its script (action/check.sh), run here as the runner
would, with the argmap of this environment (`install: false`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[1]
SCRIPT = ROOT / "action" / "check.sh"
GOOD = "premise a: A.\nconclusion c: C.\na -> c\n"
BAD = "premise a: A.\nconclusion c: C.\na -> c\nb -> c\n"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def test_the_action_runs_the_script_with_every_input() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    step = action["runs"]["steps"][-1]
    assert step["run"] == 'bash "$GITHUB_ACTION_PATH/action/check.sh"'
    used = set(re.findall(r"inputs\.([a-z-]+)", json.dumps(action["runs"])))
    assert used == set(action["inputs"])
    assert set(action["outputs"]) == {"sarif-file", "exit-code"}


def run(folder: Path, **inputs: str) -> tuple[int, str, dict[str, str]]:
    output = folder / "github-output.txt"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "ARGMAP_INSTALL": "false", "GITHUB_OUTPUT": str(output),
           "GITHUB_ACTION_PATH": str(ROOT), **inputs}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(["bash", str(SCRIPT)], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines()) \
        if output.exists() else {}
    return done.returncode, done.stdout + done.stderr, outputs


def test_errors_are_annotations_a_sarif_file_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "good.argmap").write_text(GOOD, encoding="utf-8")
    (tmp_path / "maps" / "sp ace.argmap").write_text(BAD, encoding="utf-8")
    code, log, outputs = run(tmp_path, ARGMAP_PATHS="maps\n")
    assert code == 1, log
    assert "::error file=maps/sp ace.argmap,line=4,col=1," in log
    assert outputs == {"sarif-file": "argmap.sarif", "exit-code": "1"}
    sarif = json.loads((tmp_path / "argmap.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert (result["ruleId"], uri) == ("AM002", "maps/sp%20ace.argmap")


def test_clean_maps_pass_with_the_options_given(tmp_path: Path) -> None:
    (tmp_path / "a.argmap").write_text(GOOD + "premise lonely: L.\n", encoding="utf-8")
    assert run(tmp_path)[0] == 0
    code, log, outputs = run(tmp_path, ARGMAP_ARGS="--strict --select AM1",
                             ARGMAP_SARIF_FILE="out.sarif")
    assert code == 1 and "::warning file=a.argmap,line=4" in log
    assert outputs == {"sarif-file": "out.sarif", "exit-code": "1"}
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]


def test_a_usage_error_stops_the_action(tmp_path: Path) -> None:
    (tmp_path / "a.argmap").write_text(GOOD, encoding="utf-8")
    code, log, outputs = run(tmp_path, ARGMAP_ARGS="--select NOPE")
    assert code == 2 and "NOPE" in log and outputs == {}


FAKE_PYTHON = """#!/usr/bin/env bash
# `python3 -m venv DIR` makes DIR/bin/python (this script) and DIR/bin/argmap (the real one);
# `DIR/bin/python -m pip install ... REQUIREMENT` records what would be installed.
if [ "$1 $2" = "-m venv" ]; then
    mkdir -p "$3/bin"
    cp "$0" "$3/bin/python"
    ln -s "$REAL_ARGMAP" "$3/bin/argmap"
else
    echo "${@: -1}" >>"$INSTALLED"
fi
"""


@pytest.mark.parametrize(("version", "requirement"), [
    ("", str(ROOT)), ("0.1.0", "argmap==0.1.0"), ("v0.1.0", "argmap==0.1.0"),
], ids=["the action's copy", "a release", "a release tag"])
def test_install_puts_argmap_in_a_venv_of_its_own(
    tmp_path: Path, version: str, requirement: str
) -> None:
    fake = tmp_path / "fake-bin"
    fake.mkdir()
    (fake / "python3").write_text(FAKE_PYTHON, encoding="utf-8")
    (fake / "python3").chmod(0o755)
    (tmp_path / "a.argmap").write_text(GOOD, encoding="utf-8")
    installed = tmp_path / "installed.txt"
    real = Path(sys.executable).parent / "argmap"
    code, log, outputs = run(
        tmp_path, ARGMAP_INSTALL="true", ARGMAP_VERSION=version, RUNNER_TEMP=str(tmp_path),
        PATH=f"{fake}{os.pathsep}/usr/bin{os.pathsep}/bin", REAL_ARGMAP=str(real),
        INSTALLED=str(installed),
    )
    assert code == 0, log
    assert installed.read_text(encoding="utf-8") == requirement + "\n"
    assert (tmp_path / "argmap-action-venv" / "bin" / "argmap").exists()
    assert outputs == {"sarif-file": "argmap.sarif", "exit-code": "0"}
