"""Time `argmap lsp`'s diagnostics after a change, on maps of 1,000 and 10,000 statements.

A client starts the server over stdio (as an editor does), opens the generated map (the
shape of bench_check.py's: deep chains, fan-in, cycles, attacks, quotes checked against a
document), then types: each change rewrites one statement's text somewhere in the map,
and the time runs from sending the change to receiving the diagnostics it brings (the
server's debounce included). Prints the median and the slowest of the changes.

    python tests/benchmarks/bench_lsp.py [SIZE ...]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
except ImportError:  # pragma: no cover - the lsp extra is not installed
    print("skipped: pygls is not installed (pip install 'argmap[lsp]')")
    sys.exit(0)

sys.path.insert(0, str(Path(__file__).parent))
from bench_check import generate  # noqa: E402

SIZES = (1_000, 10_000)
CHANGES = 15
TARGETS = {1_000: 0.1, 10_000: 1.0}
"""The issue's bound on the time to diagnostics after a change, in seconds."""


async def measure(size: int, folder: Path) -> list[float]:
    text, document = generate(size)
    (folder / "document.txt").write_text(document, encoding="utf-8")
    path = folder / f"map{size}.argmap"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client = LanguageClient("bench", "1")
    arrived: asyncio.Queue[float] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri:
            arrived.put_nowait(time.perf_counter())

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="argmap", version=1, text=text)
    ))
    await arrived.get()
    lines = text.split("\n")
    numbered = [n for n, line in enumerate(lines) if line.startswith("premise ")]
    times = []
    for change in range(CHANGES):
        number = numbered[(change * 7919) % len(numbered)]
        old = lines[number]
        lines[number] = old.replace(": ", f": Edit {change}, ", 1)
        edit = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(number, 0), types.Position(number, len(old))),
            text=lines[number],
        )
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=change + 2),
            content_changes=[edit],
        ))
        times.append(await arrived.get() - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main(sizes: list[int]) -> int:
    print(f"{'statements':>10}  {'median':>8}  {'slowest':>8}  target")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            times = asyncio.run(measure(size, Path(folder)))
            target = TARGETS.get(size)
            shown = f"{target:.1f} s" if target is not None else "-"
            print(f"{size:>10,}  {statistics.median(times):>7.3f}s  {max(times):>7.3f}s  {shown}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main([int(arg) for arg in sys.argv[1:]] or list(SIZES)))
