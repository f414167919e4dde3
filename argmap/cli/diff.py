"""`argmap diff`: what changed between two versions of a map, and which verdicts it moved."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.text import Text

from argmap.analysis.diff import (
    MARKS,
    Change,
    MapDiff,
    RelationDiff,
    StatementDiff,
    Status,
    VerdictDiff,
    diff_maps,
)
from argmap.cli.common import (
    EXIT_USAGE,
    STDIN,
    colour_system,
    load_or_report,
    semantics_for,
    semantics_option,
    stdin_filename_option,
)
from argmap.cli.stdio import tolerate_narrow_encodings
from argmap.language.loader import STDIN_NAME
from argmap.model import ArgumentMap
from argmap.suggest import plural
from argmap.visible import json_text, visible_line

EXIT_SAME, EXIT_DIFFERENT = 0, 1
STYLES = {Status.ADDED: "green", Status.REMOVED: "red", Status.CHANGED: "yellow"}
DETAIL = "    "
"""The indent of the lines under a change (an old and a new text, a verdict's reasons)."""


@click.command(
    epilog="Examples:\n\n\b\n"
    "  argmap diff old.argmap maps/russia-china.argmap\n"
    "  argmap diff old.argmap new.argmap --format json\n"
    "  git show HEAD~1:maps/x.argmap | argmap diff - maps/x.argmap "
    "--stdin-filename maps/x.argmap",
)
@click.argument("old", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: +, - and ~ lines in three sections; json: one object (see the docs).",
)
@semantics_option
@stdin_filename_option
def diff(
    old: str, new: str, output_format: str, semantics: str | None, stdin_filename: str | None
) -> None:
    """Compare two versions of a map: statements added, removed or changed (by ID),
    relations added and removed, and the conclusions and claims whose verdict changed,
    with the changes that moved each. One of OLD and NEW may be - (standard input).

    Exits with 0 when the maps are the same argument (layout, comments and order aside),
    1 when they differ, 2 on errors (a map that cannot be read or parsed).
    """
    if old == STDIN and new == STDIN:
        raise click.UsageError("only one of OLD and NEW can be - (standard input)")
    before = _load(old, stdin_filename)
    after = _load(new, stdin_filename)
    near = (stdin_filename or ".") if new == STDIN else new
    result = diff_maps(before, after, semantics_for(semantics, Path(near)))
    names = (_display(old, stdin_filename), _display(new, stdin_filename))
    if output_format == "json":
        click.echo(json_text(as_json(result, *names), indent=2))
    else:
        tolerate_narrow_encodings()
        console = Console(highlight=False, color_system=colour_system(sys.stdout),
                          soft_wrap=True)
        for line in text_lines(result, *names):
            console.print(line)
    raise click.exceptions.Exit(EXIT_SAME if result.same else EXIT_DIFFERENT)


def _display(path: str, stdin_filename: str | None) -> str:
    return (stdin_filename or STDIN_NAME) if path == STDIN else path


def _load(path: str, stdin_filename: str | None) -> ArgumentMap:
    """The map at `path`; any error is printed, and exit 2: the diff cannot be made."""
    amap = load_or_report(path, stdin_filename)
    if amap is None:
        _fail()
    return amap


def _fail() -> NoReturn:
    raise click.exceptions.Exit(EXIT_USAGE)


# -- text ---------------------------------------------------------------------------------


def text_lines(result: MapDiff, old: str, new: str) -> list[Text]:
    """The text report: a header naming the maps, a section for each kind of difference
    (+ added, - removed, ~ changed), and a summary line."""
    if result.same:
        return [Text(f"no difference: {visible_line(old)} and {visible_line(new)} are the "
                     "same argument")]
    lines = [Text(f"--- {visible_line(old)}", style="bold red"),
             Text(f"+++ {visible_line(new)}", style="bold green")]
    sections: list[tuple[str, list[Text]]] = [
        ("Statements", [line for item in result.statements for line in _statement(item)]),
        ("Relations", [line for item in result.relations for line in _relation(item)]),
        ("Verdicts", [line for item in result.verdicts for line in _verdict(item)]),
    ]
    for title, body in sections:
        if body:
            lines += [Text(""), Text(title, style="bold"), *body]
    lines += [Text(""), Text(summary(result))]
    return lines


def _marked(status: Status, text: str) -> Text:
    return Text(f"{MARKS[status]} {text}", style=STYLES[status])


def _detail(status: Status, text: str) -> Text:
    return Text(f"{DETAIL}{MARKS[status]} {text}", style=STYLES[status])


def _statement(item: StatementDiff) -> list[Text]:
    if item.status is not Status.CHANGED:
        return [_marked(item.status, f"{item.kind} {item.statement}: {visible_line(item.text)}")]
    words = ", ".join(visible_line(change.describe()) for change in item.changes)
    lines = [_marked(Status.CHANGED, f"{item.statement}: {words}")]
    for change in item.changes:
        lines += _old_and_new(change)
    return lines


def _old_and_new(change: Change) -> list[Text]:
    """The lines under a changed text (old, new) or quotes (those removed, those added)."""
    if change.field == "text":
        return [_detail(Status.REMOVED, visible_line(str(change.old))),
                _detail(Status.ADDED, visible_line(str(change.new)))]
    if change.field == "quotes":
        old = change.old if isinstance(change.old, tuple) else ()
        new = change.new if isinstance(change.new, tuple) else ()
        return [*(_detail(Status.REMOVED, f"> {visible_line(q)}") for q in old if q not in new),
                *(_detail(Status.ADDED, f"> {visible_line(q)}") for q in new if q not in old)]
    return []


def _relation(item: RelationDiff) -> list[Text]:
    text = visible_line(item.relation)
    if item.changes:
        text += ": " + ", ".join(visible_line(change.describe()) for change in item.changes)
    return [_marked(item.status, text)]


def _verdict(item: VerdictDiff) -> list[Text]:
    if item.status is Status.ADDED:
        head = f"{item.statement}: {item.new}"
    elif item.status is Status.REMOVED:
        head = f"{item.statement}: was {item.old}"
    else:
        head = f"{item.statement}: {item.old or '(no verdict)'} → {item.new or '(no verdict)'}"
    lines = [_marked(item.status, head)]
    for number, reason in enumerate(item.because):
        lead = "because: " if number == 0 else " " * len("because: ")
        lines.append(Text(f"{DETAIL}{lead}{visible_line(reason)}"))
    if item.explanation and item.status is not Status.REMOVED:
        lines.append(Text(f"{DETAIL}now: {visible_line(item.explanation)}"))
    return lines


def summary(result: MapDiff) -> str:
    """One line that counts the differences: `1 statement added, 2 changed; ...`."""
    parts = []
    for noun, items in (("statement", result.statements), ("relation", result.relations)):
        counts = [(status, sum(1 for item in items if item.status is status)) for status in
                  (Status.ADDED, Status.REMOVED, Status.CHANGED)]
        counts = [(status, count) for status, count in counts if count]
        if counts:
            first, *rest = counts
            words = [f"{plural(first[1], noun)} {first[0].value}"]
            words += [f"{count} {status.value}" for status, count in rest]
            parts.append(", ".join(words))
    verdicts = sum(1 for item in result.verdicts if item.status is Status.CHANGED)
    if verdicts:
        parts.append(f"{plural(verdicts, 'verdict')} changed")
    return "; ".join(parts)


# -- JSON ---------------------------------------------------------------------------------


def as_json(result: MapDiff, old: str, new: str) -> dict[str, Any]:
    """The `--format json` object (documented in docs/commands/diff.md)."""
    return {
        "old": old,
        "new": new,
        "same": result.same,
        "statements": [
            {"statement": item.statement, "status": item.status.value, "kind": item.kind,
             "text": item.text, "changes": _changes(item.changes)}
            for item in result.statements
        ],
        "relations": [
            {"relation": item.relation, "status": item.status.value, "kind": item.kind,
             "changes": _changes(item.changes)}
            for item in result.relations
        ],
        "verdicts": [
            {"statement": item.statement, "status": item.status.value,
             "old": item.old, "new": item.new,
             "old_label": item.old_label, "new_label": item.new_label,
             "explanation": item.explanation, "because": list(item.because)}
            for item in result.verdicts
        ],
    }


def _changes(changes: tuple[Change, ...]) -> list[dict[str, Any]]:
    return [
        {"field": change.field, "old": _value(change.old), "new": _value(change.new)}
        for change in changes
    ]


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
