"""Fixtures for the parser tests: the repository as working folder, and golden files.

Regenerate the golden files (tests/data/valid/*.json, tests/data/invalid/**/*.expected) with
`ARGMAP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/language`, then read every changed
file by eye (`git diff tests/data`) before committing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UPDATE_GOLDEN = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the repository root, so paths in messages are repo-relative."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def golden() -> Callable[[Path, str], None]:
    """Compare text with a golden file (or rewrite it when ARGMAP_UPDATE_GOLDEN=1)."""

    def check(path: Path, actual: str) -> None:
        if UPDATE_GOLDEN:
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run with ARGMAP_UPDATE_GOLDEN=1"
        assert actual == path.read_text(encoding="utf-8")

    return check
