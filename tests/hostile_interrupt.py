"""Ctrl-C during a run, for benchmarks/hostile.py: each case is a ``pari score`` of the 60 example
communes, interrupted (SIGINT, as Ctrl-C sends) once the child has used the CPU seconds given in
INTERRUPT_AFTER_CPU: while reading, scoring and writing. The run must say it stopped in its
language and exit 130 (or 0, had it finished), never click's "Aborted!" with exit 1, and leave no
temporary beside its output. tests/test_hostile_interrupt.py checks the answer and that the
previous results survive.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _score(folder: Path) -> list[str]:
    for name in ("assessments_long.csv", "communes.csv", "survey.csv"):
        shutil.copy(EXAMPLES / name, folder / name)
    return [
        "score",
        "assessments_long.csv",
        "--communes",
        "communes.csv",
        "--survey",
        "survey.csv",
        "-o",
        "out/results.xlsx",
        "--report",
        "out/report.html",
        "-q",
    ]


#: CPU seconds of the child after which it is sent SIGINT (start-up takes about one).
INTERRUPT_AFTER_CPU: dict[str, float] = {
    "ctrl-c-reading": 1.2,
    "ctrl-c-scoring": 1.8,
    "ctrl-c-writing": 2.4,
}

CASES: dict[str, Callable[[Path], list[str]]] = dict.fromkeys(INTERRUPT_AFTER_CPU, _score)
