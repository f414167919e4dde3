"""Screenshots of split figures, to look at: every Argdown map of ../shared/corpora/argdown
and three generated shapes, each split at A4 and each part shown 16 cm wide in Chromium.

Run from the repository: `.venv/bin/python tests/docs/look_at_splits.py [OUT]` (default
out/look/). It writes OUT/maps/*.argmap, the split figures in OUT/NAME/, one PNG screenshot
per part in OUT/shots/, and OUT/summary.md: per map its statements, parts, the smallest
statement and other text, and each part's size line. A script to read by eye, not a test.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from argmap import load
from argmap.render.measure import measure_svg

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "argdown"
ARGMAP = Path(sys.executable).with_name("argmap")
PAGE_PX = 605  # 16 cm at the CSS 96 px to the inch
SCALE = 2  # device pixels per CSS pixel: a screenshot near a 192 dpi print
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def deep_tree(depth: int = 5) -> str:
    """A claim, two reasons for it, two for each of those, `depth` levels down."""
    lines = ["@title A deep tree", "claim n1: The root claim that everything below supports."]
    relations = []
    for node in range(2, 2 ** (depth + 1)):
        kind = "premise" if node >= 2 ** depth else "claim"
        lines.append(f"{kind} n{node}: Reason {node}, which backs reason {node // 2} above it.")
        relations.append(f"n{node} -> n{node // 2}")
    return "\n".join(lines + relations) + "\n"


def wide_fan(reasons: int = 16, objections: int = 5) -> str:
    """A conclusion with many independent reasons and several objections."""
    lines = ["@title A conclusion with many reasons",
             "conclusion c: The town should build the protected bike lane on Main Street."]
    for n in range(1, reasons + 1):
        lines += [f"premise r{n}: Reason {n}: one more independent ground for the lane.",
                  f"r{n} -> c"]
    for n in range(1, objections + 1):
        lines += [f"premise o{n}: Objection {n}: a cost or risk the lane would bring.",
                  f"o{n} -| c"]
    return "\n".join(lines) + "\n"


def long_chain(steps: int = 30) -> str:
    """Each statement the only reason for the next."""
    lines = ["@title A long chain"]
    lines += [f"claim s{n}: Step {n} of the chain, which follows from step {n - 1}."
              for n in range(1, steps + 1)]
    lines += [f"s{n} -> s{n + 1}" for n in range(1, steps)]
    return "\n".join(lines) + "\n"


@dataclass
class Looked:
    """One map split at A4: its statements, its parts' size lines and screenshots."""

    name: str
    statements: int
    status: int
    parts: list[tuple[str, str, Path]]  # file, size line, screenshot
    messages: list[str]


def maps(out: Path) -> list[Path]:
    """The maps to look at, written into OUT/maps/: the corpus converted, then the shapes."""
    folder = out / "maps"
    folder.mkdir(parents=True, exist_ok=True)
    found = []
    for source in sorted(CORPUS.glob("*.argdown")):
        target = folder / f"{source.stem}.argmap"
        done = run([str(ARGMAP), "convert", str(source), "-o", str(target)])
        if done.returncode == 0:
            found.append(target)
        else:
            print(f"{source.name}: not converted: {done.stderr.strip()}", file=sys.stderr)
    for name, text in (("deep-tree", deep_tree()), ("wide-fan", wide_fan()),
                       ("long-chain", long_chain())):
        target = folder / f"{name}.argmap"
        target.write_text(text, encoding="utf-8")
        found.append(target)
    return found


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=900, check=False,
                          cwd=ROOT)


def look(source: Path, out: Path, browser: str) -> Looked:
    """Split `source` at A4 into OUT/NAME/ and screenshot each part."""
    folder = out / source.stem
    shutil.rmtree(folder, ignore_errors=True)
    done = run([str(ARGMAP), "render", str(source), "--fit", "a4", "--split",
                "-o", f"{folder}/"])
    sizes = dict(re.findall(r"^wrote \S+/([^/\s]+\.svg) \((.*)\)$", done.stderr, re.MULTILINE))
    messages = [line for line in done.stderr.splitlines() if not line.startswith("wrote ")]
    parts = []
    for svg in sorted(folder.glob("*.svg")):
        shot = out / "shots" / f"{source.stem}--{svg.stem}.png"
        screenshot(svg, shot, browser)
        parts.append((svg.name, sizes.get(svg.name, measure_svg(svg.read_bytes()).describe()),
                      shot))
    amap = load(source)
    statements = sum(1 for node in amap.graph.nodes if amap.is_statement(node))
    return Looked(source.stem, statements, done.returncode, parts, messages)


def screenshot(svg: Path, shot: Path, browser: str) -> None:
    """`svg` on a page 16 cm wide (at its own printed size), as Chromium shows it."""
    size = measure_svg(svg.read_bytes())
    page = svg.with_suffix(".html")
    page.write_text(
        "<!doctype html><meta charset=utf-8><style>body{margin:0;width:16cm;background:#fff}"
        "img{display:block}</style>"
        f'<img src="{html.escape(svg.name)}">', encoding="utf-8")
    shot.parent.mkdir(parents=True, exist_ok=True)
    height = int(size.height * 96 / 72) + 8
    run([browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--hide-scrollbars",
         f"--force-device-scale-factor={SCALE}", f"--window-size={PAGE_PX},{height}",
         f"--screenshot={shot.resolve()}", page.resolve().as_uri()])


def smallest(parts: list[tuple[str, str, Path]], what: str) -> str:
    found = [float(size) for _, line, _ in parts
             for size in re.findall(rf"(?<!small ){what} ([0-9.]+) pt", line)]
    return f"{min(found):.1f} pt" if found else "-"


def summary(looked: list[Looked]) -> str:
    lines = ["| map | statements | parts | smallest text | smallest small text | exit |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for one in looked:
        lines.append(f"| {one.name} | {one.statements} | {len(one.parts)} | "
                     f"{smallest(one.parts, 'text')} | {smallest(one.parts, 'small text')} | "
                     f"{one.status} |")
    for one in looked:
        lines += ["", f"## {one.name}", ""]
        lines += [f"- {name}: {line} — {shot.name}" for name, line, shot in one.parts]
        lines += [f"- {message}" for message in one.messages]
    return "\n".join(lines) + "\n"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "look"
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        print("no Chromium found (chromium, chromium-browser, google-chrome)", file=sys.stderr)
        return 2
    looked = []
    for source in maps(out):
        one = look(source, out, browser)
        print(f"{one.name}: {one.statements} statements, {len(one.parts)} figures, "
              f"exit {one.status}", file=sys.stderr)
        looked.append(one)
    (out / "summary.md").write_text(summary(looked), encoding="utf-8")
    print(f"wrote {out / 'summary.md'} and {out / 'shots'}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
