"""One map as the editor sees it: its files parsed from the open buffers (unsaved text
included) or from disk, the model built, and its findings, as `argmap check` makes them."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from argmap.analysis.labels import Semantics
from argmap.checks import Finding, Severity, parse_error_findings, run_checks
from argmap.config import CheckConfig, load_check_config
from argmap.errors import ArgmapError, Diagnostic, Span
from argmap.fileio import MAP_SIZE_LIMIT, read_limited
from argmap.language.build import build_map
from argmap.language.includes import collect_sources
from argmap.language.loader import BOM, decode
from argmap.language.syntax import SourceFile
from argmap.lsp.blocks import BlockCache, parse_blocks
from argmap.lsp.index import Index
from argmap.model import ArgumentMap
from argmap.textlines import split_lines

Parsed = tuple[SourceFile, list[Diagnostic]]
ParseCache = BlockCache
"""The blocks of the map's files parsed at the last edit (argmap.lsp.blocks)."""

CONFIG_CODE = "AM000"
SETTINGS = "settings"
"""The code and rule name of a finding that is no rule's: the settings could not be read."""


@dataclass
class Snapshot:
    """A map built from `texts` (display path -> text, top-level file first)."""

    top: str
    texts: dict[str, str]
    sources: list[SourceFile]
    amap: ArgumentMap | None
    findings: list[Finding]
    config: CheckConfig = field(default_factory=CheckConfig)
    stamps: dict[str, int | None] = field(default_factory=dict)
    """Each file read from disk (not from a buffer) -> its modification time then."""
    split: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def index(self) -> Index:
        return Index.of(self.sources)

    def lines(self, path: str) -> list[str]:
        """The lines of the file `path` (split once: every range in it needs them)."""
        found = self.split.get(path)
        if found is None:
            found = self.split[path] = split_lines(self.texts.get(path, ""))
        return found

    @property
    def semantics(self) -> str:
        return self.config.semantics or Semantics.WELL_FOUNDED


def build_snapshot(
    top: Path,
    text: str,
    buffers: Mapping[str, str],
    cache: ParseCache | None = None,
    semantics: str | None = None,
) -> Snapshot:
    """The map whose top-level file is `top` with `text`; each included file from
    `buffers` (absolute display path -> text) when open in the editor, else from disk.
    `semantics` (the editor's setting) replaces the configuration's."""
    cache = cache if cache is not None else {}
    display = os.path.abspath(top)
    text = text.removeprefix(BOM)
    used: set[object] = set()
    stamps: dict[str, int | None] = {}

    def parse_included(real: Path, display: str, section: str | None) -> Parsed:
        text = buffers.get(display)
        if text is None:
            stamps[display] = stamp(real)
            text, error = decode(read_limited(real, MAP_SIZE_LIMIT, "map files"), display)
            if error is not None:
                return SourceFile(display, "", [], section), [error]
        return parse_blocks(text.removeprefix(BOM), display, section, cache, used)

    top_source, top_errors = parse_blocks(text, display, None, cache, used)
    errors = list(top_errors)
    root = Path(display).parent
    try:
        real = Path(display).resolve()
        root = real.parent
        sources, include_errors = collect_sources(top_source, real, root, parse_included)
    except (OSError, RuntimeError, ValueError):
        sources, include_errors = [top_source], []
    for key in [key for key in cache if key not in used]:
        del cache[key]  # only the blocks of the map as it is now are kept
    errors += include_errors  # the included files' syntax errors among them
    texts = {source.path: source.text for source in sources}
    amap = ArgumentMap(path=Path(display))
    amap.files = dict(texts)
    amap.syntax = list(sources)
    errors += build_map(amap, sources)
    config, config_problem = _config(Path(display))
    if semantics is not None:
        config = dataclasses.replace(config, semantics=semantics)
    if errors:
        findings = parse_error_findings(errors)
        return Snapshot(display, texts, sources, None, findings, config, stamps)
    findings = _checks(amap, config) if config_problem is None else [config_problem]
    return Snapshot(display, texts, sources, amap, findings, config, stamps)


def stamp(path: Path) -> int | None:
    """The modification time of `path` (None when it cannot be read)."""
    try:
        return os.stat(path).st_mtime_ns
    except (OSError, ValueError):
        return None


def is_current(snapshot: Snapshot, buffers: Mapping[str, str]) -> bool:
    """Whether `snapshot` still holds the text of each of its files: the open ones as the
    editor has them, the others as they are on disk."""
    for path, text in snapshot.texts.items():
        open_text = buffers.get(path)
        if open_text is not None:
            if open_text is not text and open_text != text:
                return False
        elif path not in snapshot.stamps or snapshot.stamps[path] != stamp(Path(path)):
            return False
    return True


def _config(path: Path) -> tuple[CheckConfig, Finding | None]:
    try:
        return load_check_config(path), None
    except ArgmapError as error:
        return CheckConfig(), _problem(path, str(error))


def _checks(amap: ArgumentMap, config: CheckConfig) -> list[Finding]:
    try:
        return run_checks(
            amap,
            select=config.select,
            ignore=config.ignore,
            severity=config.severity,
            semantics=config.semantics or Semantics.WELL_FOUNDED,
        )
    except ArgmapError as error:  # an unknown rule in a suppression comment, say
        return [_problem(Path(str(amap.path)), str(error))]


def _problem(path: Path, message: str) -> Finding:
    span = Span(str(path), 1, 1, 1, 1)
    return Finding(CONFIG_CODE, SETTINGS, Severity.ERROR, message, span)


_INCLUDE = re.compile(r"^@include[ \t]+(\S[^#\r\n]*?)[ \t]*(?:[ \t]#[^\r\n]*)?\r?$", re.MULTILINE)


def including_map(
    path: Path, read: Callable[[Path], str | None], levels: int = 3
) -> Path | None:
    """The map that `@include`s the file at `path`, looked for in its folder and the
    `levels` folders above (includes stay inside the top-level map's folder), itself
    included by none; None when no map there includes it."""
    target = Path(os.path.abspath(path))
    seen: set[Path] = {target}
    current = target
    while True:
        parent = _includer(current, read, levels)
        if parent is None or parent in seen:
            return None if current == target else current
        seen.add(parent)
        current = parent


def _includer(target: Path, read: Callable[[Path], str | None], levels: int) -> Path | None:
    folder = target.parent
    for _ in range(levels + 1):
        try:
            candidates = sorted(folder.glob("*.argmap"))
        except OSError:
            candidates = []
        for candidate in candidates:
            if candidate == target:
                continue
            text = read(candidate)
            if text is None or "@include" not in text:
                continue
            for match in _INCLUDE.finditer(text):
                included = os.path.normpath(candidate.parent / match.group(1).strip())
                if Path(included) == target:
                    return candidate
        if folder.parent == folder:
            break
        folder = folder.parent
    return None
