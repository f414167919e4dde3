"""`argmap-pandoc`: the Pandoc JSON filter's command (Pandoc runs it with the output format)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from argmap.pandoc.filter import run_filter
from argmap.pandoc.reference import PAGE_SIZES, ReferenceError, reference_docx
from argmap.visible import visible_line

USAGE = (
    "usage: pandoc DOC.md --filter argmap-pandoc -o OUT.html|OUT.docx|OUT.pdf\n"
    "       argmap-pandoc --reference-doc FILE.docx [--page a4|letter|a5]\n"
    "argmap-pandoc is a Pandoc filter: Pandoc runs it with the output format and the "
    "document's JSON on standard input. --reference-doc writes a Word reference document "
    "(for pandoc --reference-doc) whose page holds figures at their full fitted width"
)


def main(argv: list[str] | None = None) -> int:
    """Read Pandoc's JSON, draw the argmap blocks, write the JSON back; 1 when a block
    could not be drawn (each problem on standard error, and Pandoc stops). A statement a
    split block cannot draw inside the page is a warning: the document is still written
    with every other part, since Pandoc writes nothing when its filter fails."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--reference-doc":
        return _reference(args[1:])
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
    for warning in outcome.warnings:
        for line in warning.splitlines():
            print(f"argmap-pandoc: warning: {visible_line(line)}", file=sys.stderr)
    if outcome.problems:
        return 1
    sys.stdout.buffer.write(json.dumps(outcome.document, ensure_ascii=False).encode("utf-8"))
    return 0


def _reference(args: list[str]) -> int:
    """`--reference-doc FILE [--page PAGE]`: write the reference document."""
    page = "a4"
    if len(args) == 3 and args[1] == "--page":
        page = args[2].lower()
    elif len(args) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    if page not in PAGE_SIZES:
        print(f"argmap-pandoc: --page is {', '.join(PAGE_SIZES)}, not {visible_line(page)}",
              file=sys.stderr)
        return 2
    try:
        data = reference_docx(page)
        Path(args[0]).write_bytes(data)
    except ReferenceError as error:
        print(f"argmap-pandoc: {visible_line(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"argmap-pandoc: cannot write {visible_line(args[0])}: "
              f"{error.strerror or error}", file=sys.stderr)
        return 1
    print(f"argmap-pandoc: wrote {visible_line(args[0])}, a Word reference document with "
          f"a page of {page}: pandoc DOC.md --filter argmap-pandoc --reference-doc "
          f"{visible_line(args[0])} -o DOC.docx", file=sys.stderr)
    return 0


def run() -> None:
    """The console script."""
    try:
        status = main()
    except KeyboardInterrupt:
        status = 130
    raise SystemExit(status)
