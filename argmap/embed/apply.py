"""Carrying out embedding plans: write changed figures and documents, delete what no block uses."""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.embed.document import Plan, stale_reason
from argmap.fileio import digest, replace_if_unchanged
from argmap.manifest import (
    NOT_OURS,
    Manifest,
    delete_inside,
    existing,
    read_manifest,
    remove_empty,
    sweep_temporaries,
    write_inside,
    write_manifest,
)

FIGURE_NAME = re.compile(r"[a-z0-9-]+-[0-9a-f]{10}(?:\.svg|/[^/]+\.svg)")
"""The names embed gives figures (`figure_name`, a split map's parts in a folder named
like a figure): a forged manifest cannot make it delete any other file."""


WHY_LIMIT = 256 * 1024 * 1024
"""The most of a stale figure read to tell whether it was edited (its digest)."""


@dataclass
class Outcome:
    """What was (or, under --check, would be) written and deleted."""

    written: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    unchanged: int = 0


def manifest_key(document: Path, folder: Path) -> str:
    return os.path.relpath(os.path.abspath(document), os.path.abspath(folder)).replace(
        os.sep, "/"
    )


def _stale(plan: Plan, manifest: Manifest, key: str) -> list[tuple[Path, str]]:
    """Files argmap wrote for this document (with their digests) that none of its blocks
    (nor another document's) uses now; nothing when some block could not be drawn."""
    if not plan.complete:
        return []
    current = {figure.name for figure in plan.figures}
    others = manifest.names_of_others(key)
    return [
        (plan.folder / name, recorded)
        for name, recorded in sorted(manifest.files.get(key, {}).items())
        if name not in current and name not in others and FIGURE_NAME.fullmatch(name)
    ]


def _state(plan: Plan, manifest: Manifest, name: str, data: bytes) -> str:
    """`new`, `same` or `ours` (argmap may write it); OSError when the file is the user's."""
    path = plan.folder / name
    found = existing(plan.document.parent, path, len(data))
    if found is None:
        return "new"
    if found == data:
        return "same"
    # A figure argmap recorded and the user then edited is still argmap's to redraw (the
    # folder is argmap's): only a file argmap never recorded is the user's.
    if manifest.lists(name) or name in manifest.legacy:
        return "ours"
    raise OSError(errno.EEXIST, f"{NOT_OURS} (it is not in its record "
                  f"{plan.folder.as_posix()}/.argmap-manifest.json), so it is left alone: "
                  "move it away and run argmap embed again", os.fspath(path))


def out_of_date(plans: Iterable[Plan]) -> tuple[list[str], list[str]]:
    """Why each out-of-date document or figure is so, and what stops one being written
    (nothing is written)."""
    reasons: list[str] = []
    errors: list[str] = []
    for plan in plans:
        if plan.new != plan.old:
            reasons.append(f"{plan.document}: its figure links are out of date")
        try:
            manifest = read_manifest(plan.folder) if plan.folder.is_dir() else Manifest(plan.folder)
        except OSError as error:
            errors.append(f"cannot read {error.filename}: {error.strerror or error}")
            continue
        key = manifest_key(plan.document, plan.folder)
        for figure in plan.figures:
            path = plan.folder / figure.name
            try:
                state = _state(plan, manifest, figure.name, figure.data)
            except OSError as error:
                message = f"cannot write {error.filename}: {error.strerror or error}"
                if message not in errors:  # a split map's folder: once, not per figure
                    errors.append(message)
                continue
            if state == "new":
                reasons.append(f"{path}: missing (not drawn yet)")
            elif state == "ours":
                reasons.append(f"{path}: {_why(plan, manifest, key, figure.name, figure.data)}")
        for path, _ in _stale(plan, manifest, key):
            if path.is_file() and not path.is_symlink():
                reasons.append(f"{path}: no block uses it any more (argmap embed deletes it)")
    return reasons, errors


def _why(plan: Plan, manifest: Manifest, key: str, name: str, data: bytes) -> str:
    """Why the figure file `name` (argmap's) is not `data`, the figure this run draws."""
    try:
        old = existing(plan.document.parent, plan.folder / name, WHY_LIMIT) or b""
    except OSError:
        return "out of date"
    recorded = manifest.files.get(key, {}).get(name)
    if recorded is None:
        recorded = next((names[name] for names in manifest.files.values() if name in names),
                        None)
    return stale_reason(old, data, recorded)


def apply(plan: Plan) -> Outcome:
    """Write the figures first (so the document never links to a missing one) and record
    them, then the document (only if it is as it was read), then delete stale figures and
    record what is left. OSError (ChangedSinceRead for the document) names what failed."""
    outcome = Outcome()
    home = plan.document.parent
    manifest = read_manifest(plan.folder) if plan.folder.is_dir() else Manifest(plan.folder)
    key = manifest_key(plan.document, plan.folder)
    states = [_state(plan, manifest, figure.name, figure.data) for figure in plan.figures]
    recorded = dict(manifest.files.get(key, {}))
    if plan.folder.is_dir():
        sweep_temporaries(plan.folder, [figure.name for figure in plan.figures])
    try:
        for figure, state in zip(plan.figures, states, strict=True):
            if state == "same":
                recorded[figure.name] = digest(figure.data)
                outcome.unchanged += 1
                continue
            path = plan.folder / figure.name
            write_inside(home, path, figure.data)
            recorded[figure.name] = digest(figure.data)
            outcome.written.append(path)
    except BaseException:
        if outcome.written:  # what did get written is argmap's, for the next run to know
            manifest.files[key] = recorded
            with contextlib.suppress(OSError):
                write_manifest(manifest, home)
        raise
    if plan.figures or manifest.legacy:
        # Recorded before the document is replaced: should that fail, the next run still
        # knows these figures are argmap's.
        manifest.files[key] = recorded
        write_manifest(manifest, home)
    if plan.new != plan.old:
        if plan.stamp is None:
            raise OSError(errno.EINVAL, "it was not read first", os.fspath(plan.document))
        replace_if_unchanged(plan.stamp, plan.new)
        outcome.written.append(plan.document)
    if not plan.folder.is_dir():
        return outcome
    for path, recorded_digest in _stale(plan, manifest, key):
        if delete_inside(home, path, recorded_digest, plan.folder):
            outcome.deleted.append(path)
    if plan.complete:
        manifest.files[key] = {figure.name: digest(figure.data) for figure in plan.figures}
    write_manifest(manifest, home)
    remove_empty(plan.folder, home)  # every figure was removed: leave no empty folder behind
    return outcome
