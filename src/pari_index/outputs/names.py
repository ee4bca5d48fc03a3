"""How a path is shown in a message and stored in a finding: one function, which the rules of
output paths (:mod:`.paths`) and the check of inputs that are results (:mod:`.ownership`) both
import (ownership kept a copy of it, since paths imports ownership)."""

from __future__ import annotations

import os
from pathlib import Path


def shown_name(path: Path | str) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 as ``\\xff``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


__all__ = ["shown_name"]
