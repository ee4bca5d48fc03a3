"""pari-index: score, verify and rank local governments on a rules-based PAR index.

    import pari_index as pari

    criteria = pari.load_criteria("criteria/hai-phong-2022-commune.yaml")
    result = pari.score(["assessments_long.csv"], criteria, communes="communes.csv", survey=["survey.csv"])
    ranked = pari.rank(result)
    pari.write_results("out/results.xlsx", result, ranked)
    pari.write_report("out/report.html", result, ranked)

The names are loaded on first use, so that ``pari --help`` does not import polars.
"""

from __future__ import annotations

# Not ``from typing import TYPE_CHECKING``: this package is imported before the ``pari`` command
# can tell a Ctrl-C (pari_index.launch), and typing takes a while to import.
TYPE_CHECKING = False

__version__ = "0.1.0"

#: Facade name -> module that defines it (see pari_index.api).
_FACADE = {
    "load_criteria": "api",
    "findings": "api",
    "score": "api",
    "read_intake": "api",
    "InputsRead": "intake.inputs",
    "rank": "api",
    "write_results": "api",
    "write_report": "api",
    "read_results": "api",
    "run_score": "api",
    "explain_text": "api",
    "display_frame": "api",
    "set_errors_lang": "api",
    "errors_lang": "api",
    "CriteriaSet": "criteria.model",
    "ScoreResult": "scoring.run",
    "PariError": "errors",
    "PariWarning": "errors",
}

if TYPE_CHECKING:
    from typing import Any

    from pari_index.api import (
        display_frame,
        errors_lang,
        explain_text,
        findings,
        load_criteria,
        rank,
        read_intake,
        read_results,
        run_score,
        score,
        set_errors_lang,
        write_report,
        write_results,
    )
    from pari_index.criteria.model import CriteriaSet
    from pari_index.errors import PariError, PariWarning
    from pari_index.intake.inputs import InputsRead
    from pari_index.scoring.run import ScoreResult


def __getattr__(name: str) -> Any:
    module = _FACADE.get(name)
    if module is None:
        raise AttributeError(f"module 'pari_index' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_FACADE])


__all__ = [
    "CriteriaSet",
    "InputsRead",
    "PariError",
    "PariWarning",
    "ScoreResult",
    "display_frame",
    "errors_lang",
    "explain_text",
    "findings",
    "load_criteria",
    "rank",
    "read_intake",
    "read_results",
    "run_score",
    "score",
    "set_errors_lang",
    "write_report",
    "write_results",
]
