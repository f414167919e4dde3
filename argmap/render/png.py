"""PNG without a system Graphviz: the finished SVG rasterised by resvg, with the system's fonts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from argmap.errors import RenderError
from argmap.render.engines import INSTALL_HINT

ZOOM = 2.0  # 144 dpi, the same as the system engine's PNGs (-Gdpi=144)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


def font_dirs() -> list[Path]:
    """The folders where resvg (fontdb) finds system fonts on this platform."""
    home = Path.home()
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:\\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [windir / "Fonts", local / "Microsoft/Windows/Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local/share/fonts",
    ]


def has_fonts() -> bool:
    """Whether any font file exists where resvg looks (without fonts it draws no text)."""
    for folder in font_dirs():
        if not folder.is_dir():
            continue
        for _root, _dirs, files in os.walk(folder):
            if any(name.lower().endswith(FONT_SUFFIXES) for name in files):
                return True
    return False


def svg_to_png(svg: str, background: str) -> bytes:
    """Rasterise the SVG at 144 dpi; an error naming the fix when no font is installed."""
    if not has_fonts():
        raise RenderError(
            "PNG without a system Graphviz needs fonts, and none are installed; "
            f"{INSTALL_HINT}, install a font package (e.g. fonts-dejavu), or choose -f svg"
        )
    import resvg_py

    try:
        return bytes(
            resvg_py.svg_to_bytes(
                svg_string=svg,
                zoom=ZOOM,
                background=background,
                dpi=72,  # Graphviz's SVG is in points: 1 pt = 1 px, then zoomed
            )
        )
    except (ValueError, RuntimeError) as error:
        raise RenderError(f"could not convert the SVG to PNG (resvg): {error}") from None
