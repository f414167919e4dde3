"""`argmap check` (lint maps and report findings) and `argmap rules` (list or document rules)."""

from __future__ import annotations

import inspect
import logging
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

import argmap
from argmap.check_output.github import format_github
from argmap.check_output.json_report import format_json
from argmap.check_output.sarif import format_sarif
from argmap.checks import Finding, Severity, parse_error_findings, run_checks
from argmap.checks.parallel import worker_for
from argmap.checks.registry import RULES, get_rule
from argmap.cli.common import (
    SEMANTICS_CHOICES,
    STDIN,
    read_stdin_map,
    rule_list,
    semantics_option,
    settings_or_warn,
    stdin_filename_option,
    use_colour,
    warn_about_settings,
)
from argmap.cli.quick_exit import keep_until_exit
from argmap.config import load_check_config
from argmap.errors import ArgmapError, CheckError, Diagnostic, ParseError, Span
from argmap.fileio import MAP_SIZE_LIMIT, file_identity, read_limited
from argmap.folder_search import excluded, files_below
from argmap.log import timed
from argmap.model import ArgumentMap
from argmap.settings import load_settings
from argmap.visible import visible_line

FORMATS = ("text", "json", "github", "sarif")
logger = logging.getLogger(__name__)
USAGE_ERROR = 2


@dataclass
class Checked:
    """One map's outcome: its findings and what is needed to show their source lines."""

    path: Path
    findings: list[Finding]
    amap: ArgumentMap | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


class Sources:
    """The source line of any span, from the parsed maps or the parser's diagnostics."""

    def __init__(self, results: Iterable[Checked]) -> None:
        self._maps: dict[str, ArgumentMap] = {}
        self._lines: dict[tuple[str, int], str] = {}
        for checked in results:
            if checked.amap is not None:
                self._maps.update(dict.fromkeys(checked.amap.files, checked.amap))
            for diagnostic in checked.diagnostics:
                key = (diagnostic.span.file, diagnostic.span.line)
                self._lines[key] = diagnostic.source_line

    def line(self, span: Span) -> str:
        if (span.file, span.line) in self._lines:
            return self._lines[(span.file, span.line)]
        amap = self._maps.get(span.file)
        return amap.source_line(span) if amap is not None else ""


@click.command(
    epilog="Examples:\n\n\b\n  argmap check maps/\n"
    "  argmap check maps/russia-china.argmap --select ALL --ignore unquoted-premise\n"
    "  argmap check maps/ --strict --format github\n"
    "  argmap check map.argmap --document article.txt --format sarif > argmap.sarif",
)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True,
                type=click.Path(exists=True, allow_dash=True))
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: codes, names or code prefixes, comma-separated; ALL.")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Not these rules (codes, names, prefixes, comma-separated; ALL).")
@click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="How to report the findings.")
@click.option("--document", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Check quotes against FILE instead of the map's @document.")
@click.option("--quiet", "-q", is_flag=True,
              help="Report only what fails the run (errors; warnings too with --strict).")
@semantics_option
@stdin_filename_option
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool,
    output_format: str,
    document: str | None,
    quiet: bool,
    semantics: str | None,
    stdin_filename: str | None,
) -> None:
    """Check the maps at PATH... (files, or folders searched for *.argmap; - for standard
    input) and report findings.

    Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found,
    2 usage error (a missing file, an unknown rule, a broken configuration).
    """
    if STDIN in paths and len(paths) > 1:
        raise click.UsageError("- reads one map from standard input: give it alone")
    chosen, ignored = rule_list(select, "--select"), rule_list(ignore, "--ignore")
    try:
        if STDIN in paths:
            results = [check_stdin(stdin_filename, chosen, ignored, document, semantics)]
        else:
            results = check_paths(
                [Path(p) for p in paths], chosen, ignored, document, semantics
            )
    except ArgmapError as error:
        click.echo(f"argmap check: error: {visible_line(str(error))}", err=True)
        sys.exit(USAGE_ERROR)
    # Each map's findings are sorted; across several paths, sorted by file as well.
    findings = sorted(
        (finding for checked in results for finding in checked.findings), key=Finding.sort_key
    )
    failing = [f for f in findings if _fails(f, strict)]
    shown = failing if quiet else findings
    colour = output_format == "text" and use_colour(sys.stdout, os.environ)
    output = _report(output_format, shown, results, quiet, colour)
    # click.echo strips colours from what is not a terminal unless told (FORCE_COLOR in CI).
    click.echo(output, nl=False, color=colour)
    sys.exit(1 if failing else 0)


def _fails(finding: Finding, strict: bool) -> bool:
    return finding.severity is Severity.ERROR or (strict and finding.severity is Severity.WARNING)


def _report(
    output_format: str, findings: list[Finding], results: list[Checked], quiet: bool,
    colour: bool = False,
) -> str:
    if output_format == "json":
        return format_json(findings)
    if output_format == "github":
        return format_github(findings)
    if output_format == "sarif":
        return format_sarif(findings)
    from argmap.check_output.text import format_text  # rich: only the text report needs it

    return format_text(
        findings,
        files_checked=len(results),
        source_line=Sources(results).line,
        color=colour,
        show_summary=not quiet or bool(findings),
    )


def check_paths(
    paths: Sequence[Path],
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    document: str | None,
    semantics: str | None = None,
) -> list[Checked]:
    """Check every map named or found. A map that another one `@include`s is checked as part
    of it, not alone (where its references to the other would be undefined): its includer
    given or found below PATH, or else found nearby (in the folder of a PATH or one above
    it, up to the project's root), in which case only the findings in the maps asked about
    are kept."""
    maps = [path for path, _ in find_maps(paths)]
    if not maps and not any(path.is_dir() for path in paths):
        return []  # every file named is excluded (force-exclude): nothing to check
    if not maps:
        raise ArgmapError("no .argmap files in " + ", ".join(str(p) for p in paths))
    identities = {path: file_identity(path) for path in maps}
    asked = {identity for identity in identities.values() if identity is not None}
    nearby = parents_nearby(paths, asked)
    identities.update((path, file_identity(path)) for path in nearby)
    closures = {path: included_files(path) for path in identities}
    parts = _parts_of_others(closures, identities)
    results = []
    for path in [*maps, *nearby]:
        if path in parts:
            continue
        checked = check_one(path, select, ignore, document, semantics=semantics)
        if path in nearby:
            checked.findings = _findings_in(checked.findings, asked)
        results.append(checked)
    return results


Identity = tuple[int, int]
"""A file's (device, inode): one file, however the path to it is spelled."""


def _parts_of_others(
    closures: dict[Path, set[Identity]], identities: dict[Path, Identity | None]
) -> set[Path]:
    """The maps that another one includes, directly or not (`closures`: what each includes),
    unless they include it too: maps in an include cycle are each checked, and report the
    cycle."""
    includers: dict[Identity, list[Path]] = {}
    for path, closure in closures.items():
        for included in closure:
            includers.setdefault(included, []).append(path)
    return {
        path
        for path, identity in identities.items()
        if identity in includers
        and any(other != path and identities[other] not in closures[path]
                for other in includers[identity])
    }


def _findings_in(findings: list[Finding], files: set[Identity]) -> list[Finding]:
    """The findings located in one of `files`."""
    inside: dict[str, bool] = {}
    for finding in findings:
        if finding.span is not None and finding.span.file not in inside:
            inside[finding.span.file] = file_identity(finding.span.file) in files
    return [f for f in findings if f.span is not None and inside[f.span.file]]


INCLUDE_LINE = re.compile(r"^@include[ \t]+(\S.*?)(?:[ \t]+#(?:[ \t].*)?)?[ \t\r]*$", re.MULTILINE)
"""An `@include` line's path, without the trailing comment the line may end with."""
PROJECT_MARKERS = (".git", "pyproject.toml")
"""A folder with one of these is the project's root: the search for includers stops there."""


def included_files(path: Path) -> set[Identity]:
    """Every file `path` includes, directly or not, read from its `@include` lines alone: a
    map whose text has errors still names its includes."""
    found: set[Identity] = set()
    pending = [path]
    while pending:
        current = pending.pop()
        try:
            # Regular files only, and no bigger than a map may be: an `@include` of a FIFO
            # or /dev/zero is the loader's error to report, not a read that never ends.
            text = read_limited(current, MAP_SIZE_LIMIT, "a map file").decode("utf-8", "replace")
        except OSError:
            continue
        if "@include" not in text:
            continue
        for value in INCLUDE_LINE.findall(text):
            target = current.parent / value
            identity = file_identity(target)
            if identity is not None and identity not in found:
                found.add(identity)
                pending.append(target)
    return found


def parents_nearby(paths: Sequence[Path], known: set[Identity]) -> list[Path]:
    """The maps in the folders of `paths` and above them (up to the project's root) that
    include a `known` map, directly or not: an includer lies in a folder that holds what it
    includes (`@include` stays inside it), so it is there or below a path given."""
    parents: list[Path] = []
    seen = set(known)
    for folder in dict.fromkeys(folder for path in paths for folder in _folders_up(path)):
        for candidate in sorted(folder.glob("*.argmap")):
            identity = file_identity(candidate)
            if identity is None or identity in seen or not candidate.is_file():
                continue
            seen.add(identity)
            if included_files(candidate) & known:
                parents.append(candidate)
    return parents


def _folders_up(path: Path) -> list[Path]:
    """The folder of `path` (a file or a folder) and those above it, as paths relative like
    `path` where it is, up to the first that holds a project marker (or the file system's
    root)."""
    folders = []
    folder = path if path.is_dir() else path.parent
    for _ in range(64):
        folders.append(folder)
        real = folder.resolve()
        if any((real / marker).exists() for marker in PROJECT_MARKERS) or real.parent == real:
            break
        folder = Path(os.path.normpath(folder / ".."))
    return folders


def find_maps(paths: Sequence[Path]) -> list[tuple[Path, bool]]:
    """(map, named on the command line) pairs: files as given, folders searched, sorted."""
    found: dict[Path, bool] = {}
    for path in paths:
        if path.is_dir():
            for candidate in _maps_below(path):
                found.setdefault(candidate, False)
        elif not _force_excluded(path):
            found[path] = True
    return list(found.items())


def _force_excluded(path: Path) -> bool:
    """Whether `[tool.argmap] force-exclude = true` leaves out a file named on the command
    line that `exclude` names (as ruff does: pre-commit names every changed file)."""
    try:
        settings = load_settings(path)
    except CheckError:  # reported where the file's check settings are read (check_one)
        return False
    return settings.force_exclude and excluded(path, settings)


def _maps_below(folder: Path) -> list[Path]:
    """The *.argmap files below `folder` that the search finds (folder_search.files_below),
    under the [tool.argmap] settings that apply there."""
    settings = settings_or_warn(folder)
    return files_below(folder, ".argmap", settings)


def check_stdin(
    stdin_filename: str | None,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    document: str | None,
    semantics: str | None = None,
) -> Checked:
    """Check the map on standard input, named and anchored by `stdin_filename`; the
    pyproject.toml above that path (or above the working folder) applies."""
    place = Path(stdin_filename) if stdin_filename else Path.cwd()
    return check_one(place, select, ignore, document,
                     lambda: read_stdin_map(stdin_filename, syntax=False), semantics)


def check_one(
    path: Path,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    document: str | None,
    load: Callable[[], ArgumentMap] | None = None,
    semantics: str | None = None,
) -> Checked:
    """Load and check one map (`load`: how, when not from `path`); its pyproject.toml
    settings apply where options are not given."""
    config = load_check_config(path)
    if config.source is not None:
        warn_about_settings(config.source)
    chosen = select if select is not None else config.select
    ignored = ignore if ignore is not None else config.ignore
    with worker_for(path if load is None else os.devnull) as worker:
        try:
            with timed(logger, f"load {path}", logging.INFO):
                amap = argmap.load(str(path), syntax=False) if load is None else load()
        except ParseError as error:
            return Checked(path, parse_error_findings(error.errors), None, error.errors)
        # In the program: kept until the end, out of the garbage collector's sight, which
        # spares the checks repeated full collections (seconds on 100,000 statements).
        keep_until_exit(amap)
        with timed(logger, f"check {path}", logging.INFO):
            findings = run_checks(
                amap,
                select=chosen,
                ignore=ignored,
                document=document,
                severity=config.severity,
                worker=worker,
                semantics=semantics or config.semantics or SEMANTICS_CHOICES[0],
            )
    return Checked(path, findings, amap)


@click.command(epilog="Examples:\n\n\b\n  argmap rules\n  argmap rules quote-not-found\n"
               "  argmap rules AM103")
@click.argument("name", required=False)
def rules(name: str | None) -> None:
    """List every check rule, or print the documentation of the rule NAME (code or name)."""
    if name is None:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        click.echo(rules_table(width))
        return
    try:
        rule = get_rule(name)
    except ArgmapError as error:
        click.echo(f"argmap rules: error: {visible_line(str(error))}", err=True)
        sys.exit(USAGE_ERROR)
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value}"
               f"{'' if rule.enabled_by_default else ', off by default'})\n")
    click.echo(inspect.cleandoc(rule.doc))


def rules_table(width: int | None = None) -> str:
    """The rules as aligned columns, summaries wrapped to `width` (None: not wrapped).

    Plain text rather than a rich table: `argmap rules` should start instantly."""
    rows = [("Code", "Name", "Severity", "Summary")]
    for rule in RULES.values():
        summary = rule.summary + ("" if rule.enabled_by_default else " (off by default)")
        rows.append((rule.code, rule.name, rule.severity.value, summary))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    indent = sum(widths) + 2 * len(widths)
    room = max(30, width - indent - 1) if width else None
    lines = []
    for *columns, summary in rows:
        head = "".join(f"{text:<{size}}  " for text, size in zip(columns, widths, strict=True))
        parts = textwrap.wrap(summary, room) if room else [summary]
        lines.append(head + parts[0])
        lines += [" " * indent + part for part in parts[1:]]
    return "\n".join(lines)
