"""The one way user text reaches Markdown: image alt text and link targets."""

from __future__ import annotations

import re
from urllib.parse import quote

# CommonMark lets a backslash escape any ASCII punctuation, so escaping all of it is safe
# everywhere in inline text; control characters and line breaks become spaces.
_PUNCTUATION = re.compile(r"[\\`*_\[\]<>&!]")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def markdown_text(text: str) -> str:
    """`text` as literal inline Markdown (alt text of an image): no markup, no HTML, one line."""
    return _PUNCTUATION.sub(lambda match: "\\" + match.group(), _UNSAFE.sub(" ", text))


def markdown_target(relative_path: str) -> str:
    """A relative POSIX path as a link destination: percent-encoded, so spaces, brackets and
    parentheses cannot end it early."""
    return quote(relative_path, safe="/-._~")


def image(alt: str, relative_path: str) -> str:
    """`![alt](path)` with both parts quoted."""
    return f"![{markdown_text(alt)}]({markdown_target(relative_path)})"
