"""The one font every output is measured and drawn with: Arimo, shipped with argmap.

Graphviz sizes each box from the width of its text, so text stays inside its box only when
the font that draws it has the widths Graphviz measured. argmap therefore ships one font
and makes every step use it:

- the DOT names `Arial` (`FONT`). The embedded Graphviz has no font files and estimates
  text with its built-in Arial (= Helvetica) widths; Arimo has exactly those widths.
- the system `dot` measures with the fonts fontconfig finds; argmap runs it with a
  fontconfig file that adds Arimo and makes it the first choice for Arial
  (`fontconfig_file`), so it measures Arimo whatever is installed (a machine with only
  DejaVu fonts would otherwise measure the wider DejaVu Sans).
- the SVG carries the subset of Arimo that its text uses as an `@font-face` (`font_face`),
  so browsers, Word and Inkscape draw what Graphviz measured, and names the metric twins
  Arial, Helvetica and Liberation Sans after it for viewers that ignore embedded fonts.
- PNG is the finished SVG rasterised by resvg, given the font file (`FONT_FILE`).

Arimo (Regular, instanced from the variable font and unhinted with fontTools) is by the
Arimo Project Authors, under the SIL Open Font License 1.1 (fonts/OFL.txt).
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.fileio import cache_dir, write_atomic
from argmap.render.quoting import xml_text

FONT = "Arial"
"""The font name in the DOT: both engines measure it with Arimo's widths (above)."""
FAMILY = "Arimo"
FONT_FILE = Path(__file__).parent / "fonts" / "Arimo-Regular.ttf"
# What the SVG's text asks for: the embedded face, then its metric twins, then any sans.
FONT_STACK = f"{FAMILY},Arial,Helvetica,'Liberation Sans',sans-serif"

# The system's own fontconfig files, included so that characters Arimo lacks (CJK, ...)
# still find a font; a missing one is skipped.
SYSTEM_FONTCONFIG = (
    "/etc/fonts/fonts.conf",
    "/usr/local/etc/fonts/fonts.conf",
    "/opt/homebrew/etc/fonts/fonts.conf",
    "/opt/local/etc/fonts/fonts.conf",
)


def fontconfig_text(configured: str | None = None) -> str:
    """A fontconfig file: the system's configuration (or `configured`, the caller's own
    FONTCONFIG_FILE), plus Arimo's folder, with Arimo the strong first choice for Arial."""
    includes = [configured] if configured else list(SYSTEM_FONTCONFIG)
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        "<fontconfig>",
        *(f'  <include ignore_missing="yes">{xml_text(path)}</include>' for path in includes),
        f"  <dir>{xml_text(str(FONT_FILE.parent.resolve()))}</dir>",
        '  <match target="pattern">',
        f'    <test qual="any" name="family"><string>{FONT}</string></test>',
        '    <edit name="family" mode="prepend" binding="strong">'
        f"<string>{FAMILY}</string></edit>",
        "  </match>",
        "</fontconfig>",
    ]
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=1)
def fontconfig_file() -> str:
    """The path of `fontconfig_text` written once per process to a private temporary
    folder (removed at exit), for the system `dot` to run with as FONTCONFIG_FILE."""
    import atexit
    import shutil

    folder = tempfile.mkdtemp(prefix="argmap-fonts-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder) / "fonts.conf"
    path.write_text(fontconfig_text(os.environ.get("FONTCONFIG_FILE")), encoding="utf-8")
    return str(path)


def font_face(characters: Iterable[str]) -> str:
    """A CSS `@font-face` rule carrying the subset of Arimo that draws `characters`, as a
    base64 TrueType `data:` URL (no compression: the bytes are the same on every machine,
    so the SVG stays reproducible). Empty when Arimo has none of the characters.

    Subsetting takes fontTools a good part of a small map's render, and most maps use the
    same few dozen characters: each rule is kept in the cache folder, keyed by the font
    and the characters (a cache that cannot be read or written is skipped)."""
    import hashlib  # here: only the SVG and PNG formats embed the font

    text = "".join(sorted(set(characters)))
    key = hashlib.sha256(f"{_font_digest()}:{text}".encode()).hexdigest()[:24]
    path = cache_dir() / "fonts" / f"{FAMILY}-{key}.css"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return path.read_text(encoding="utf-8")
    rule = _subset_face(text)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, rule.encode("utf-8"))
    return rule


@functools.lru_cache(maxsize=1)
def _font_digest() -> str:
    """The font file's hash, read once per process (the --fit search embeds many times)."""
    import hashlib

    return hashlib.sha256(FONT_FILE.read_bytes()).hexdigest()[:16]


def _subset_face(characters: str) -> str:
    import base64
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONT_FILE), recalcTimestamp=False)
    wanted = {ord(character) for character in characters} & set(font.getBestCmap())
    if not wanted:
        return ""
    options = subset.Options()
    options.layout_features = ["kern", "liga", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # copyright, names and version (licence)
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    data = io.BytesIO()
    font.save(data)
    encoded = base64.b64encode(data.getvalue()).decode("ascii")
    return (
        f"@font-face{{font-family:{FAMILY};font-weight:normal;font-style:normal;"
        f'src:url("data:font/ttf;base64,{encoded}") format("truetype")}}'
    )
