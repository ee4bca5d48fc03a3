"""Where the checks of a criteria set put what they find: each problem located by the YAML line
of the node it concerns (a ``Loc``, the path of keys and indexes to the node, turned into file,
line and column by the loader's ``Locator``), errors apart from warnings.

The checks themselves are :mod:`.item_checks` (one scored item), :mod:`.bands` (tier ladders and
classification bands) and :mod:`.validation` (the tree, the parts, the ranking and the classes).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pari_index.errors import Problem

Loc = tuple[int | str, ...]
Locator = Callable[[Loc], tuple[str, int | None, int | None]]

ZERO = Decimal(0)
HUNDRED = Decimal(100)


class Collector:
    def __init__(self, locate: Locator) -> None:
        self.locate = locate
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def _make(self, loc: Loc, code: str, message: str, hint: str | None, params: dict[str, Any]) -> Problem:
        file, line, column = self.locate(loc)
        # The parameters fill the message's Vietnamese words (pari_index.messages); none: its title.
        shown = params or None
        return Problem(code=code, message=message, file=file, line=line, column=column, hint=hint, params=shown)

    def error(self, loc: Loc, code: str, message: str, hint: str | None = None, **params: Any) -> None:
        self.errors.append(self._make(loc, code, message, hint, params))

    def warn(self, loc: Loc, code: str, message: str, hint: str | None = None, **params: Any) -> None:
        self.warnings.append(self._make(loc, code, message, hint, params))


def case_twin(out: Collector, loc: Loc, name: str, twin: str, first_line: int | None) -> None:
    """An error for an id or an input (``name``) written as ``twin`` (first on ``first_line``) but
    for its letters' case."""
    out.error(
        loc,
        "case-twin",
        f"{name} differs from {twin} (line {first_line}) only in letter case: a form's headings and a reader "
        "take them for one",
        "give each its own name, not only another letter case",
        name=name,
        twin=twin,
        first_line=str(first_line),
    )
