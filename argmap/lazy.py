"""Objects named `package.module:attribute`, imported only when first used: how `import
argmap` offers its API, the CLI its commands and the converters their readers and writers,
without importing any of them at start-up."""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


def load(reference: str) -> Any:
    """The object `reference` (`package.module:attribute`) names, its module imported."""
    module, _, attribute = reference.partition(":")
    return getattr(importlib.import_module(module), attribute)
