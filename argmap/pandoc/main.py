"""`argmap-pandoc`: the Pandoc JSON filter's command (Pandoc runs it with the output format)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from argmap.pandoc.filter import run_filter
from argmap.visible import visible_line

USAGE = (
    "usage: pandoc DOC.md --filter argmap-pandoc -o OUT.html|OUT.docx|OUT.pdf\n"
    "argmap-pandoc is a Pandoc filter: Pandoc runs it with the output format and the "
    "document's JSON on standard input"
)


def main(argv: list[str] | None = None) -> int:
    """Read Pandoc's JSON, draw the argmap blocks, write the JSON back; 1 when a block
    could not be drawn (each problem on standard error, and Pandoc stops)."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-") or sys.stdin.isatty():
        print(USAGE, file=sys.stderr)
        return 2
    try:
        document = json.loads(sys.stdin.buffer.read())
    except (ValueError, UnicodeDecodeError) as error:
        print(f"argmap-pandoc: standard input is not Pandoc's JSON: {error}", file=sys.stderr)
        return 2
    if not isinstance(document, dict) or "blocks" not in document:
        print("argmap-pandoc: standard input is not Pandoc's JSON document", file=sys.stderr)
        return 2
    outcome = run_filter(document, args[0], Path.cwd())
    for problem in outcome.problems:
        for line in problem.splitlines():
            print(f"argmap-pandoc: {visible_line(line)}", file=sys.stderr)
    if outcome.problems:
        return 1
    sys.stdout.buffer.write(json.dumps(outcome.document, ensure_ascii=False).encode("utf-8"))
    return 0


def run() -> None:
    """The console script."""
    try:
        status = main()
    except KeyboardInterrupt:
        status = 130
    raise SystemExit(status)
