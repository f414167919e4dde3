"""PNG from the finished SVG, for both engines: rasterised by resvg with argmap's own font
at a given resolution, which the PNG records (pHYs) so that Word and LaTeX place it at its
printed size."""

from __future__ import annotations

import math
import struct
import zlib

from argmap.errors import RenderError
from argmap.render.fonts import FAMILY, FONT_FILE

DEFAULT_DPI = 144  # twice the SVG's 72 points to the inch: sharp on screens and in print
MIN_DPI, MAX_DPI = 36, 1200
MAX_PIXELS = 100_000_000
"""The largest PNG made: resvg holds it whole, 4 bytes a pixel (400 MB here). A map of
10,000 statements at 144 dpi would be 3.7 gigapixels, 15 GB: more than most machines have."""
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_INCH = 0.0254  # metres


def svg_to_png(
    svg: str, background: str, dpi: int = DEFAULT_DPI, system_fonts: bool = True
) -> bytes:
    """The SVG (sized in pt) as a PNG of `dpi` pixels to the inch, carrying that resolution.
    resvg gets Arimo, the font Graphviz measured, as a file, and as the family for every
    generic name (its own default sans-serif is not found on a machine with DejaVu only,
    and then it draws no text at all); the system's fonts remain for other scripts
    (`system_fonts=False` leaves them out, as on a machine that has none)."""
    import resvg_py

    try:
        png = bytes(
            resvg_py.svg_to_bytes(
                svg_string=svg,
                zoom=dpi / 72,
                background=background,
                dpi=72,  # the SVG is in points: 1 pt = 1 px, then zoomed to `dpi`
                font_files=[str(FONT_FILE)],
                skip_system_fonts=not system_fonts,
                font_family=FAMILY,
                sans_serif_family=FAMILY,
                serif_family=FAMILY,
            )
        )
    except (ValueError, RuntimeError) as error:
        raise RenderError(f"could not convert the SVG to PNG (resvg): {error}") from None
    return with_dpi(png, dpi)


def check_png_size(width: float, height: float, dpi: int) -> None:
    """RenderError, saying what to do instead, when a drawing of `width` × `height` pt
    would make a PNG of more than MAX_PIXELS at `dpi`."""
    columns, rows = round(width * dpi / 72), round(height * dpi / 72)
    if columns * rows <= MAX_PIXELS:
        return
    most = int(72 * math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
    lower = f"a lower --dpi ({most} at most)" if most >= MIN_DPI else "SVG or PDF"
    raise RenderError(
        f"the PNG would be {columns:,} × {rows:,} pixels ({columns * rows / 1e6:,.0f} "
        f"megapixels, about {columns * rows * 4 / 1e9:,.1f} GB to make); argmap makes PNGs of "
        f"up to {MAX_PIXELS // 1_000_000} megapixels: choose {lower}, or draw less with "
        "--focus, --section or --tag"
    )


def with_dpi(png: bytes, dpi: float) -> bytes:
    """The PNG with one pHYs chunk saying `dpi` (as pixels per metre), after its header."""
    if not png.startswith(_SIGNATURE):
        raise RenderError("resvg did not return a PNG")
    chunks = []
    position = len(_SIGNATURE)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        end = position + 12 + length
        if kind != b"pHYs":
            chunks.append(png[position:end])
        position = end
    per_metre = round(dpi / _INCH)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    phys = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    return _SIGNATURE + chunks[0] + phys + b"".join(chunks[1:])
