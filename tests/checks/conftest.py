"""Helpers for the check tests: write a map (and its files) into a folder and check it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

import argmap
from argmap.checks import Finding, parse_error_findings, run_checks

CheckSource = Callable[..., list[Finding]]


def check_source(
    folder: Path,
    source: str,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    files: dict[str, str] | None = None,
    name: str = "map.argmap",
) -> list[Finding]:
    """Write `source` (and `files`) into `folder`, load it and return every finding."""
    for file_name, text in (files or {}).items():
        (folder / file_name).parent.mkdir(parents=True, exist_ok=True)
        (folder / file_name).write_text(text, encoding="utf-8")
    path = folder / name
    path.write_text(source, encoding="utf-8")
    try:
        amap = argmap.load(str(path))
    except argmap.ParseError as error:
        return parse_error_findings(error.errors)
    return run_checks(amap, select=select, ignore=ignore)


@pytest.fixture
def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckSource:
    """`check(source, **options)`: findings of a map written into a fresh folder (the cwd)."""
    monkeypatch.chdir(tmp_path)

    def run(source: str, **options: object) -> list[Finding]:
        return check_source(tmp_path, source, **options)  # type: ignore[arg-type]

    return run
