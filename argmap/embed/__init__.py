"""Figures kept in sync inside Markdown: `argmap embed` draws a document's ```argmap blocks."""
