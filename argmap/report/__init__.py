"""The self-contained HTML report of a map (`argmap report`)."""
