"""The one way user text reaches the HTML report: escaped character data and attribute values."""

from __future__ import annotations

from urllib.parse import urlsplit

from argmap.render.quoting import xml_text


def html_text(text: str) -> str:
    """`text` as HTML character data or a double-quoted attribute value: `& < > " '` become
    references and control characters spaces, so no user text can become markup."""
    return xml_text(text)


def html_url(url: str) -> str | None:
    """An http(s) or mailto URL, escaped for an `href`; None for any other scheme
    (`javascript:`, `data:`), which is then shown as text, never linked."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return html_text(url.strip()) if scheme in ("http", "https", "mailto") else None
