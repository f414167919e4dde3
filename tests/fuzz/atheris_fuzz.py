"""Coverage-guided fuzzing with atheris (`make fuzz-atheris`): the fuzz suite's properties on
inputs that libFuzzer evolves towards new branches of argmap's code.

    python tests/fuzz/atheris_fuzz.py CORPUS_FOLDER -max_total_time=600

The input bytes are the map file; one byte in eight (its first byte's low bits) also adds a
`@document`, so the quote search is fuzzed too. Every input that breaks a property is saved
in tests/fuzz/regressions/ before the fuzzer stops, and the corpus folder is seeded with the
repository's maps when it is empty.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports():
    import argmap  # noqa: F401
    import argmap.checks
    import argmap.cli.check
    import argmap.cli.show
    import argmap.convert
    import argmap.language.loader
    import argmap.render.render  # noqa: F401

from fuzz_harness import DOCUMENT, MAP, REPO, SEED_DOCUMENTS, Bundle, keep, library  # noqa: E402

DOCUMENT_TEXT = SEED_DOCUMENTS[0].encode("utf-8") if SEED_DOCUMENTS else b""


def bundle_of(data: bytes) -> Bundle:
    files = {MAP: data}
    if data[:1] and data[0] % 8 == 0:
        files[MAP] = b"@document " + DOCUMENT.encode() + b"\n" + data[1:]
        files[DOCUMENT] = DOCUMENT_TEXT
    return Bundle(tuple(sorted(files.items())))


def one_input(data: bytes) -> None:
    bundle = bundle_of(data)
    with tempfile.TemporaryDirectory(prefix="argmap-atheris-") as name:
        folder = Path(name)
        bundle.write(folder)
        try:
            library(folder)
        except Exception:
            print(f"kept as {keep(bundle)}", file=sys.stderr)
            raise


def seed(corpus: Path) -> None:
    """Put the repository's maps in an empty corpus folder."""
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    for index, path in enumerate(sorted((REPO / "maps").glob("**/*.argmap"))):
        shutil.copy(path, corpus / f"maps-{index}.argmap")
    for index, path in enumerate(sorted((REPO / "tests" / "data").glob("**/*.argmap"))):
        shutil.copy(path, corpus / f"data-{index}.argmap")


if __name__ == "__main__":
    folders = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    if folders:
        seed(Path(folders[0]))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
