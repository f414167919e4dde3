"""MkDocs hooks: the rule pages, written from the rules' own docstrings, and the repository
files that pages link to outside docs/ (the example maps and their figures).

A map file is published as `NAME.argmap.txt`: a browser shows it rather than downloading
it, and `argmap check .` finds no second copy of the example maps in the built site.

A rule's docstring is its user documentation (argmap/checks/rules/*.py); the registry
(argmap/checks/registry.py) gives the order, code, name and severity. The pages are made
at build time and never committed. Pages link to `../maps/tutorial.argmap` as they would on
GitHub; the site holds such a file under `repo/`, and the links are rewritten to reach it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.checks.registry import RULES, Rule

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
REPO = "repo"  # where the site keeps the repository files that pages link to
_LINK = re.compile(r"(\]\()([^)\s#]+)((?:#[^)\s]*)?\))")


def rule_page(rule: Rule) -> str:
    """The page of one rule: its code, name and severity, then its docstring."""
    default = "on by default" if rule.enabled_by_default else "off by default (select it)"
    lines = rule.doc.strip().splitlines()
    body = "\n".join(lines[1:]).strip()
    return (
        f"# {rule.code} {rule.name}\n\n"
        f"**{lines[0] if lines else rule.name}**\n\n"
        f"Severity: {rule.severity.value}, {default}. Select or ignore it as `{rule.code}` or "
        f"`{rule.name}` (see [argmap check](../commands/check.md)).\n\n"
        f"{body}\n"
    )


def rules_index() -> str:
    """The table of every rule, each linking to its page."""
    rows = [
        f"| [{rule.code}]({rule.name}.md) | `{rule.name}` | {rule.severity.value}"
        f"{'' if rule.enabled_by_default else ' (off by default)'} | {rule.summary} |"
        for rule in RULES.values()
    ]
    return (
        "# Rules\n\n"
        "Every rule `argmap check` runs, with its code, name and default severity. Each page is "
        "written from the rule's own documentation (the docstring of its module in "
        "`argmap/checks/rules/`).\n\n"
        "| code | name | severity | finds |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n"
    )


def on_config(config: Any) -> Any:
    """List every rule's page in the navigation, under Rules, in the registry's order."""
    for item in config["nav"]:
        if isinstance(item, dict) and "Rules" in item:
            item["Rules"] += [
                {f"{rule.code} {rule.name}": f"rules/{rule.name}.md"} for rule in RULES.values()
            ]
    return config


def _outside(page: str, target: str) -> Path | None:
    """The repository file a page's relative link reaches outside docs/, if it exists."""
    if "://" in target or target.startswith(("/", "mailto:")):
        return None
    path = (DOCS / posixpath.dirname(page) / target).resolve()
    inside_docs = path.is_relative_to(DOCS)
    return path if path.is_file() and path.is_relative_to(ROOT) and not inside_docs else None


def site_path(found: Path) -> str:
    """Where the site keeps a repository file that a page links to."""
    name = f"{REPO}/{found.relative_to(ROOT).as_posix()}"
    return name + ".txt" if found.suffix == ".argmap" else name


def on_files(files: Files, config: Any) -> Files:
    from mkdocs.structure.files import File

    files.append(File.generated(config, "rules/index.md", content=rules_index()))
    for rule in RULES.values():
        files.append(File.generated(config, f"rules/{rule.name}.md", content=rule_page(rule)))
    published: set[Path] = set()
    for page in DOCS.rglob("*.md"):
        uri = page.relative_to(DOCS).as_posix()
        for match in _LINK.finditer(page.read_text(encoding="utf-8")):
            found = _outside(uri, match[2])
            if found is not None and found not in published:
                published.add(found)
                files.append(File.generated(config, site_path(found), abs_src_path=str(found)))
    return files


_FENCE = re.compile(r"^(?P<lead>[ \t>]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")


def plain_fences(markdown: str) -> str:
    """Give each fenced block an info string the site's Markdown reads: its language alone,
    and `file=NAME` (or a map's `src="PATH"`) as the block's title. The documents' own
    info strings (`argmap error`, `argmap file=lane.argmap`, `console embed-run`) bind them
    to tests and to `argmap embed`; a fence shown inside another block is left as written."""
    lines = markdown.split("\n")
    closing: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if closing is not None:
            if match and match["fence"].startswith(closing) and not match["info"].strip():
                closing = None
            continue
        if match is None:
            continue
        closing = match["fence"]
        words = match["info"].split()
        info = words[0] if words else ""
        titles = [word.split("=", 1)[1].strip('"') for word in words[1:]
                  if word.startswith(("file=", "src="))]
        if titles:
            info += f' title="{titles[0]}"'
        lines[index] = match["lead"] + match["fence"] + info
    return "\n".join(lines)


_CODE_SPAN = re.compile(r"`[^`\n]*`")


def table_pipes(markdown: str) -> str:
    """`a\\|b` in a table cell's code span is `a|b`: GitHub drops the backslash that keeps
    the pipe from ending the cell; the site's tables already read pipes in code as text."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("|") and "\\|" in line:
            lines[index] = _CODE_SPAN.sub(lambda span: span[0].replace("\\|", "|"), line)
    return "\n".join(lines)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Plain fences, pipes in tables' code, and each link to a repository file pointed at
    the site's copy of it."""
    uri = page.file.src_uri
    markdown = table_pipes(plain_fences(markdown))

    def rewrite(match: re.Match[str]) -> str:
        found = _outside(uri, match[2])
        if found is None:
            return match[0]
        target = site_path(found)
        return match[1] + posixpath.relpath(target, posixpath.dirname(uri) or ".") + match[3]

    return _LINK.sub(rewrite, markdown)
