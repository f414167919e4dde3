"""Differential check of surviving mutants (docs/mutation.md): does a mutant change what a
user sees on many maps? Run inside mutmut's `mutants/` folder, with the names of mutants in
a file, one a line:

    cd mutants && python tests/mutation/differential.py language names.txt
    cd mutants && python tests/mutation/differential.py split names.txt

`language` parses and formats maps made by random edits of the repository's maps and
compares the errors (rule, message, place, line shown, related places), the JSON model and
`fmt`'s output with the original's; `split` splits a few maps at several page boxes and
compares the files, titles, drawings and refusals. Each mutant prints `SAME`, `DIFF`
(with the input that told them apart) or `TIMEOUT`. mutmut's trampolines read the mutant's
name on every call, so one process runs them all; confirm a `split` difference with that
mutant's name alone, in a fresh process (one mutant's drawings were seen to change what a
later one measured)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

sys.path.insert(0, os.getcwd())  # the mutated package in `mutants/`, not an installed one

import argmap  # noqa: E402
from argmap.language.format import format_text  # noqa: E402
from argmap.language.nodelink import node_link_json  # noqa: E402
from argmap.render.render import RenderOptions  # noqa: E402
from argmap.render.split import split_figures  # noqa: E402

sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import hub_of_six_text  # noqa: E402

# Every line kind, continued relations, named and linked objections: the seeds' edits
# reach them all.
FORMS = """\
# header comment
@title: Extra forms

premise espionage: Each side spies extensively on the other.
premise no_shared: They lack shared interests.
  More text here.
premise trade: Their trade is lopsided. #econ
claim minor_costs: China backs Russia only while it costs little.
claim other: Something else.
  @note: a note
  @confidence: 0.5

espionage + no_shared     # four linked premises, one per line
  + trade
  # a comment between
  -> minor_costs   # end
  : partners who distrust each other stay together only while cheap

argument safety: espionage + trade -> other
    : what cut injuries there will cut them here #safety
  @note The council's main argument.
argument shops: no_shared -> other #economy
trade -| shops
espionage + trade
  -| (no_shared -> minor_costs)
minor_costs >< other  # contradiction
no_shared -> minor_costs → other : chain warrant
(espionage + trade -> other) -| minor_costs
espionage ⊣ other
"""

INSERTS = ["->", "→", "-|", "><", "+", "(", ")", ":", " # c", "@", "[", "]", "argument ", "a",
           "b", "c", "x1", "é", "  ", "\t", "#tag", "@note: n", '"q"', "=", "==", " ", "",
           "\u200b", "—", "-", ">", "|"]
CONTINUED = ["a", "b", "+ c", "-> d", "# k", "x: text", "[w]: why"]


def edited_maps(count: int, seed: int = 1) -> Iterator[str]:
    """`count` maps, each a repository map with one to four random edits."""
    folders = [Path("tests/data/valid"), Path("tests/data/invalid"), Path("maps")]
    texts = [FORMS] + [path.read_text(encoding="utf-8", errors="replace")
                       for folder in folders for path in sorted(folder.glob("*.argmap"))]
    rnd = random.Random(seed)
    for _ in range(count):
        lines = rnd.choice(texts).split("\n") or [""]
        for _ in range(rnd.randint(1, 4)):
            lines = lines or [""]
            at = rnd.randrange(len(lines))
            line, choice = lines[at], rnd.random()
            if choice < 0.25 and line:
                cut = rnd.randrange(len(line) + 1)
                lines[at] = line[:cut] + line[min(len(line), cut + rnd.randint(0, 6)):]
            elif choice < 0.55:
                cut = rnd.randrange(len(line) + 1)
                lines[at] = line[:cut] + rnd.choice(INSERTS) + line[cut:]
            elif choice < 0.7:
                lines.insert(at, rnd.choice(lines))
            elif choice < 0.8:
                del lines[at]
            elif choice < 0.9:
                lines[at] = line.rstrip() + rnd.choice([" +", " ->", " -|", " # x", ""])
                lines.insert(at + 1, rnd.choice(["  ", "    ", "\t"]) + rnd.choice(CONTINUED))
            else:
                other = rnd.randrange(len(lines))
                lines[at], lines[other] = lines[other], lines[at]
        yield "\n".join(lines)


def language_outcome(text: str) -> str:
    """What a user sees of one map: its errors or its JSON, and `fmt`'s output or refusal."""
    seen = []
    try:
        seen.append(node_link_json(argmap.parse(text, "m.argmap")))
    except argmap.ParseError as error:
        seen.append(repr(list(error.errors)))
    except Exception as error:  # noqa: BLE001 - a crash is an outcome to compare too
        seen.append(f"crash {type(error).__name__}: {error}")
    try:
        seen.append(format_text(text, "m.argmap"))
    except Exception as error:  # noqa: BLE001
        seen.append(f"fmt {type(error).__name__}: {error}")
    return "\0".join(seen)


def _random_map(seed: int, size: int, sections: int) -> str:
    rnd = random.Random(seed)
    words = ["the", "cost", "of", "an", "alliance", "rises", "when", "partners", "distrust",
             "each", "other", "and", "trade"]
    lines, ids = [], []
    for index in range(size):
        if sections and index % max(1, size // sections) == 0:
            lines.append(f"== Section {index // max(1, size // sections)} {rnd.choice(words)} ==")
        kind = rnd.choice(["premise", "claim", "claim", "assumption"]) if index else "conclusion"
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 18)))
        lines.append(f"{kind} s{index}: {text.capitalize()}.")
        ids.append(f"s{index}")
    relations: list[tuple[str, str, str]] = []
    for index in range(1, size):
        target, choice = ids[rnd.randrange(0, index)], rnd.random()
        if choice < 0.6:
            second = rnd.random() < 0.3 and index + 1 < size
            premises = [ids[index]] + ([ids[rnd.randrange(index, size)]] if second else [])
            relations.append((" + ".join(dict.fromkeys(premises)), "->", target))
        elif choice < 0.9:
            relations.append((ids[index], "-|", target))
        elif relations and relations[-1][1] == "->":
            premises, _, conclusion = relations[-1]
            relations.append((ids[index], "-|", f"({premises} -> {conclusion})"))
        else:
            relations.append((ids[index], "->", target))
    return "\n".join(lines + [f"{a} {op} {b}" for a, op, b in relations]) + "\n"


SPLIT_CASES: list[tuple[str, str, float, float]] = [
    (Path("maps/russia-china.argmap").read_text(encoding="utf-8"), "maps/russia-china.argmap",
     453.0, 680.0),
    (hub_of_six_text(), "r.argmap", 200.0, 200.0),
    (hub_of_six_text(), "r.argmap", 260.0, 330.0),
    (hub_of_six_text(), "r.argmap", 150.0, 150.0),
    (_random_map(0, 12, 0), "rnd0.argmap", 300.0, 300.0),
    (_random_map(1, 25, 2), "rnd1.argmap", 350.0, 420.0),
    (_random_map(2, 40, 3), "rnd2.argmap", 420.0, 500.0),
    (_random_map(3, 18, 0), "rnd3.argmap", 250.0, 260.0),
]


def split_outcome(case: tuple[str, str, float, float]) -> str:
    """What `render --split` writes for one map and page box, and what it refuses."""
    text, path, width, height = case
    try:
        done = split_figures(argmap.parse(text, path), RenderOptions(fit=width, fit_height=height))
    except Exception as error:  # noqa: BLE001
        return f"crash {type(error).__name__}: {error}"
    files = [(figure.name, figure.title, hashlib.sha1(figure.figure.data).hexdigest(),
              figure.figure.size) for figure in done.figures]
    refused = [(refusal.statement, refusal.message, refusal.best) for refusal in done.refused]
    return repr((files, refused, done.no_overview))


def _timeout(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError


def compare(inputs: list[object], outcome: Callable[[object], str], names: list[str],
            seconds: int) -> None:
    """Print each mutant's verdict against the original's outcomes."""
    os.environ["MUTANT_UNDER_TEST"] = "none"
    original = [outcome(item) for item in inputs]
    signal.signal(signal.SIGALRM, _timeout)
    for name in names:
        os.environ["MUTANT_UNDER_TEST"] = name
        signal.alarm(seconds)
        verdict = "SAME"
        try:
            for index, item in enumerate(inputs):
                if outcome(item) != original[index]:
                    verdict = f"DIFF {index} {str(item)[:200]!r}"
                    break
        except TimeoutError:
            verdict = "TIMEOUT"
        signal.alarm(0)
        print(verdict.split(" ", 1)[0], name, *verdict.split(" ", 1)[1:], flush=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("language", "split"):
        print(__doc__)
        return 2
    names = Path(argv[1]).read_text(encoding="utf-8").split()
    if argv[0] == "language":
        maps: list[object] = list(edited_maps(int(os.environ.get("MAPS", "3000"))))
        compare(maps, lambda item: language_outcome(str(item)), names, 60)
    else:
        cases: list[object] = list(SPLIT_CASES)
        compare(cases, lambda item: split_outcome(item), names, 150)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
