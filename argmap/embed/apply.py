"""Carrying out embedding plans: write changed figures and documents, delete what no block uses."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.embed.document import Plan
from argmap.embed.manifest import inside, read_manifest, write_manifest
from argmap.fileio import write_atomic


@dataclass
class Outcome:
    """What was (or, under --check, would be) written and deleted."""

    written: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    unchanged: int = 0


def manifest_key(document: Path, folder: Path) -> str:
    return os.path.relpath(document, folder).replace(os.sep, "/")


def _stale(plan: Plan, manifest: dict[str, list[str]], key: str) -> list[Path]:
    """Files argmap wrote for this document that none of its blocks (nor another
    document's) uses now; nothing when some block could not be drawn."""
    if not plan.complete:
        return []
    current = {figure.name for figure in plan.figures}
    others = {name for other, names in manifest.items() if other != key for name in names}
    stale = []
    for name in manifest.get(key, []):
        if name in current or name in others:
            continue
        path = inside(plan.folder, name)
        if path is not None and path.is_file():
            stale.append(path)
    return stale


def _remove_empty(folder: Path, top: Path) -> None:
    """Remove `folder` and its parents up to (not including) `top` while they are empty:
    the folders of a split map's figures."""
    while folder != top and folder.is_relative_to(top) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def out_of_date(plans: Iterable[Plan]) -> list[str]:
    """Why each out-of-date document or figure is so (nothing is written)."""
    reasons: list[str] = []
    for plan in plans:
        if plan.new != plan.old:
            reasons.append(f"{plan.document}: its figure links are out of date")
        for figure in plan.figures:
            path = plan.folder / figure.name
            if not path.is_file():
                reasons.append(f"{path}: missing")
            elif path.read_bytes() != figure.data:
                reasons.append(f"{path}: out of date")
        manifest = read_manifest(plan.folder)
        for path in _stale(plan, manifest, manifest_key(plan.document, plan.folder)):
            reasons.append(f"{path}: no block uses it any more")
    return reasons


def apply(plan: Plan) -> Outcome:
    """Write the figures first (so the document never links to a missing one), then the
    document, then delete stale figures and record the manifest."""
    outcome = Outcome()
    if plan.figures:
        plan.folder.mkdir(parents=True, exist_ok=True)
    for figure in plan.figures:
        path = plan.folder / figure.name
        if path.is_file() and path.read_bytes() == figure.data:
            outcome.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, figure.data)
        outcome.written.append(path)
    if plan.new != plan.old:
        write_atomic(plan.document, plan.new)
        outcome.written.append(plan.document)
    if not plan.folder.is_dir():
        return outcome
    manifest = read_manifest(plan.folder)
    key = manifest_key(plan.document, plan.folder)
    for path in _stale(plan, manifest, key):
        path.unlink()
        outcome.deleted.append(path)
        _remove_empty(path.parent, plan.folder)
    names = [figure.name for figure in plan.figures]
    manifest[key] = names if plan.complete else sorted({*manifest.get(key, []), *names})
    write_manifest(plan.folder, manifest)
    if not any(plan.folder.iterdir()):
        plan.folder.rmdir()  # every figure was removed: leave no empty folder behind
    return outcome
