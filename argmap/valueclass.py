"""`value_class`: an immutable dataclass for values made by the hundred thousand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # only type checkers read it (typing has it from Python 3.11)

    def dataclass_transform(**_: Any) -> Any:
        return lambda decorated: decorated


_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, order_default=True)
def value_class(cls: type[_T]) -> type[_T]:
    """A slotted, ordered, hashable dataclass that type checkers hold frozen, without the
    run-time cost of freezing.

    A frozen dataclass sets each field through object.__setattr__, which makes it cost three
    times as much to create; the parser makes about nine Spans per statement. mypy rejects
    any assignment to a field all the same.
    """
    return dataclass(order=True, slots=True, unsafe_hash=True)(cls)
