"""`argmap analyze`: what each conclusion's verdict rests on, as text or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.text import Text

from argmap.analysis.analyze import Analysis, ConclusionAnalysis, analyze
from argmap.analysis.verdicts import VerdictWord
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
from argmap.suggest import plural
from argmap.visible import json_text, visible_line

STYLES = {
    VerdictWord.ACCEPTED: "bold green",
    VerdictWord.CONTESTED: "bold yellow",
    VerdictWord.DEFEATED: "bold red",
    VerdictWord.UNSUPPORTED: "bold magenta",
    VerdictWord.CIRCULAR: "bold magenta",
    VerdictWord.UNDECIDED: "bold cyan",
}
ATTACKERS = {
    VerdictWord.CONTESTED: "contested by",
    VerdictWord.DEFEATED: "defeated by",
    VerdictWord.UNDECIDED: "undecided against",
}
"""What the line naming a conclusion's standing attackers starts with, by verdict."""
INDENT = "    "


@click.command(
    "analyze",
    epilog="Examples:\n\n\b\n"
    "  argmap analyze maps/russia-china.argmap\n"
    "  argmap analyze maps/*.argmap --format json > analysis.json\n"
    "  argmap analyze maps/x.argmap --semantics kripke-kleene\n"
    "  cat maps/x.argmap | argmap analyze - --stdin-filename maps/x.argmap",
)
@click.argument("paths", metavar="MAP...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a block for each conclusion; json: one object per map (see the docs).",
)
@semantics_option
@stdin_filename_option
def analyze_command(
    paths: tuple[str, ...], output_format: str, semantics: str | None,
    stdin_filename: str | None,
) -> None:
    """For each conclusion of the maps MAP... (- for standard input): its verdict and
    strength; when accepted, its cruxes (the premises and assumptions whose removal would
    change the verdict, answers to objections included); otherwise what contests or
    defeats it; the assumptions and @implicit statements it rests on; the depth and
    breadth of its support.

    Exit status: 0 analysed, 2 when a map cannot be read or has errors (they are printed,
    located, as `argmap check` prints them).
    """
    if STDIN in paths and len(paths) > 1:
        raise click.UsageError("- reads one map from standard input: give it alone")
    results: list[tuple[str, Analysis]] = []
    failed = False
    for path in paths:
        amap = load_or_report(path, stdin_filename)
        if amap is None:
            failed = True
            continue
        near = Path(stdin_filename or ".") if path == STDIN else Path(path)
        chosen = semantics_for(semantics, near)
        results.append((_display(path, stdin_filename), analyze(amap, chosen)))
    if output_format == "json":
        objects = [as_json(report, name) for name, report in results]
        if objects:
            click.echo(json_text(objects[0] if len(paths) == 1 else objects, indent=2))
    else:
        tolerate_narrow_encodings()
        console = Console(highlight=False, color_system=colour_system(sys.stdout),
                          soft_wrap=True)
        for number, (name, report) in enumerate(results):
            if number:
                console.print()
            for line in text_lines(report, name):
                console.print(line)
    if failed:
        raise click.exceptions.Exit(EXIT_USAGE)


def _display(path: str, stdin_filename: str | None) -> str:
    return (stdin_filename or STDIN_NAME) if path == STDIN else path


# -- text ---------------------------------------------------------------------------------


def text_lines(report: Analysis, name: str) -> list[Text]:
    """A header naming the map and the semantics, a block per conclusion, a summary."""
    lines = [Text(f"{visible_line(name)} ({report.semantics} semantics)", style="bold")]
    for conclusion in report.conclusions:
        lines += [Text(""), *_block(conclusion)]
    lines += [Text(""), Text(summary(report))]
    return lines


def _block(item: ConclusionAnalysis) -> list[Text]:
    head = Text("conclusion", style="bold")
    head.append(f" {visible_line(item.statement)}: {visible_line(item.text)}")
    verdict = Text(INDENT)
    verdict.append(item.verdict.value, style=STYLES[item.verdict])
    verdict.append(f" ({item.label.value}), strength {item.strength:.2f}")
    lines = [head, verdict]
    if item.verdict is VerdictWord.ACCEPTED:
        cruxes = ", ".join(map(visible_line, item.cruxes)) or (
            "none (no single premise or assumption carries it)"
        )
        lines.append(_field("cruxes", cruxes))
        lines += [_field("answered", visible_line(answer.written)) for answer in item.answered]
    else:
        lines.append(Text(INDENT + visible_line(item.explanation)))
        if item.defeaters:
            lines.append(_field(ATTACKERS.get(item.verdict, "attacked by"),
                                ", ".join(map(visible_line, item.defeaters))))
    if item.assumptions:
        lines.append(_field("assumptions", ", ".join(map(visible_line, item.assumptions))))
    if item.implicit:
        lines.append(_field("implicit", ", ".join(map(visible_line, item.implicit))))
    lines.append(_field(
        "support", f"depth {item.depth}, breadth {item.breadth} "
        f"({'premise or assumption' if item.breadth == 1 else 'premises and assumptions'})"
    ))
    return lines


def _field(name: str, value: str) -> Text:
    text = Text(INDENT)
    text.append(f"{name}:", style="dim")
    text.append(f" {value}")
    return text


def summary(report: Analysis) -> str:
    """`3 conclusions: 1 accepted, 1 contested, 1 defeated` (verdicts in their usual order)."""
    if not report.conclusions:
        return "no conclusions"
    counts = [
        (word, sum(1 for item in report.conclusions if item.verdict is word))
        for word in VerdictWord
    ]
    words = ", ".join(f"{count} {word.value}" for word, count in counts if count)
    return f"{plural(len(report.conclusions), 'conclusion')}: {words}"


# -- JSON ---------------------------------------------------------------------------------


def as_json(report: Analysis, name: str) -> dict[str, Any]:
    """The `--format json` object of one map (documented in docs/commands/analyze.md)."""
    return {
        "map": name,
        "semantics": report.semantics,
        "conclusions": [
            {
                "statement": item.statement,
                "text": item.text,
                "label": item.label.value,
                "verdict": item.verdict.value,
                "explanation": item.explanation,
                "strength": item.strength,
                "cruxes": list(item.cruxes),
                "defeaters": list(item.defeaters),
                "answered": [
                    {
                        "objection": answer.objection.written,
                        "attacker": answer.objection.attacker,
                        "target": answer.objection.target,
                        "answers": [a.written for a in answer.answers],
                    }
                    for answer in item.answered
                ],
                "assumptions": list(item.assumptions),
                "implicit": list(item.implicit),
                "depth": item.depth,
                "breadth": item.breadth,
            }
            for item in report.conclusions
        ],
        "labels": {node: label.value for node, label in report.labels.items()},
        "strengths": report.strengths,
    }
