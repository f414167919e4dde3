"""A Word reference document whose page is wide enough for figures fitted to it: Pandoc's
Word writer shrinks every image to the text width of its reference document (14.8 cm for
its own), so a figure fitted to A4's 16 cm needs a page that holds 16 cm."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

from argmap.errors import ArgmapError

PAGE_SIZES = {
    # width, height, left and right margin, top and bottom margin, in twentieths of a pt
    # (Word's twips). Pandoc takes the text width in whole pt, rounded down: each is a
    # little wider than argmap's width of the page (a4 16 cm, letter 6.5 in, a5 11 cm).
    "a4": (11906, 16838, 1410, 1417),
    "letter": (12240, 15840, 1440, 1440),
    "a5": (8391, 11906, 1075, 1134),
}
_SECTION = re.compile(rb"<w:sectPr\b[^>]*/>|<w:sectPr\b.*?</w:sectPr>", re.DOTALL)
_DOCUMENT = "word/document.xml"


class ReferenceError(ArgmapError):
    """Pandoc's own reference document could not be had, or not be read."""


def section(page: str) -> bytes:
    """The Word section properties of `page`: its size and margins."""
    width, height, side, top = PAGE_SIZES[page]
    return (
        f'<w:sectPr><w:pgSz w:w="{width}" w:h="{height}"/><w:pgMar w:top="{top}" '
        f'w:right="{side}" w:bottom="{top}" w:left="{side}" w:header="708" w:footer="708" '
        'w:gutter="0"/></w:sectPr>'
    ).encode("ascii")


def pandoc_reference(pandoc: str = "pandoc", timeout: float = 60.0) -> bytes:
    """Pandoc's default reference.docx, as this Pandoc prints it."""
    command = [pandoc, "--print-default-data-file", "reference.docx"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        raise ReferenceError(f"`{pandoc}` is not installed (argmap-pandoc starts from "
                             "Pandoc's own reference document)") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ReferenceError(f"cannot run `{pandoc}`: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise ReferenceError(f"`{' '.join(command)}` failed: {message}")
    return done.stdout


def with_page(docx: bytes, page: str) -> bytes:
    """The Word document `docx` with its last section set to `page`."""
    try:
        source = zipfile.ZipFile(io.BytesIO(docx))
        document = source.read(_DOCUMENT)
    except (zipfile.BadZipFile, KeyError) as error:
        raise ReferenceError(f"Pandoc's reference document cannot be read: {error}") from None
    found = list(_SECTION.finditer(document))
    if found:
        last = found[-1]
        document = document[: last.start()] + section(page) + document[last.end():]
    else:
        document = document.replace(b"</w:body>", section(page) + b"</w:body>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = document if item.filename == _DOCUMENT else source.read(item.filename)
            target.writestr(item, data)
    return out.getvalue()


def reference_docx(page: str = "a4", pandoc: str = "pandoc") -> bytes:
    """Pandoc's reference document with a page of `page` (a4, letter or a5)."""
    return with_page(pandoc_reference(pandoc), page)
