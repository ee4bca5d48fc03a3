"""Hostile cases of the thirty-eighth session's helper api38: a library caller's wrong or odd
arguments to the facade (``import pari_index as pari``). Each was run on 5bf6759 (before) and
after the fix, on the example province (36 communes):

- ``pari.read_results`` checked nothing of its arguments: ``read_results(b"kq.xlsx")``,
  ``read_results(3)`` and ``read_results(None)`` were pathlib's TypeError ("expected str, bytes or
  os.PathLike object, not int"), eight frames deep and naming no function; ``whole="no"`` read the
  whole file. Now ``pari.read_results: path takes a file path (str or pathlib.Path), not bytes``
  and ``whole takes True or False, not str``, as every other function of the facade says it.
- ``pari.explain_text`` checked ``details`` but not ``leaves``: ``leaves="abc"`` was
  AttributeError ``'str' object has no attribute 'id'``, ``None`` "'NoneType' object is not
  iterable", the leaves of another set (or ``[]``) ``KeyError: '2.3'`` deep in the explanations,
  and ``result.totals`` given as the details polars' ColumnNotFoundError. Now a TypeError or
  ValueError naming the argument and what it takes (result.leaves, result.details).
- ``pari.display_frame(frame, places=...)``: ``"2"`` and ``2.5`` were polars' TypeError from
  inside ``round``, ``-1`` an OverflowError ("number too small to fit in target type"), and
  ``True`` rounded to one place. Now TypeError or ValueError naming ``places``.
- ``pari.rank(result, group_by="")`` or ``group_by=[]`` ranked within the set's own groups, as
  ``None`` does, without a word. Now ValueError: ``group_by names no column``.
- An empty name (``pari.load_criteria("")``, ``pari.score([""])``, ``communes=" "``: an unset
  variable) was read as the current folder: ".: this is a folder, not a file" (``pari`` says
  ``path-empty``). An ``os.PathLike`` whose ``__fspath__`` gives bytes was pathlib's TypeError.
  Now the facade's ValueError (``holds an empty name``) and TypeError.
- ``pari.run_score(output=None)`` (and ``pari.write_results(None, …)``) was pathlib's TypeError, and
  ``progress="yes"`` "'str' object is not callable" at the first progress line, deep in the intake.
  Now TypeErrors naming ``output`` / ``path`` and ``progress`` (a function of one message, or None).
- A ranking whose ``commune_code`` was cast to numbers (00001 as 1), or of as many other units,
  given to ``pari.write_results`` / ``pari.write_report``, was refused as "it ranks 36 units,
  this result scored 36". Now it says which: the codes' type, or the codes this result did not score.

``CASES`` maps a case to the call (given the scored example and a folder) and ``EXPECTED`` to the
error it must raise and the words its message must hold (tests/test_hostile_api38.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

import pari_index as pari

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "hai-phong-2022"
CRITERIA = ROOT / "criteria" / "hai-phong-2022-commune.yaml"

#: A case: the call, given the scored example and a folder of its own.
Case = Callable[[pari.ScoreResult, Path], Any]

_FRAME = pl.DataFrame({"commune_code": ["00001"], "index": [832100]})

CASES: dict[str, Case] = {
    "read-results-of-bytes": lambda _r, f: pari.read_results(bytes(f / "kq.xlsx")),
    "read-results-of-a-number": lambda _r, _f: pari.read_results(3),  # type: ignore[arg-type]
    "read-results-of-none": lambda _r, _f: pari.read_results(None),  # type: ignore[arg-type]
    "read-results-whole-as-text": lambda _r, f: pari.read_results(f / "kq.xlsx", whole="no"),  # type: ignore[arg-type]
    "explain-leaves-as-text": lambda r, _f: pari.explain_text(r.details, "abc", "00001"),  # type: ignore[arg-type]
    "explain-leaves-none": lambda r, _f: pari.explain_text(r.details, None, "00001"),  # type: ignore[arg-type]
    "explain-leaves-empty": lambda r, _f: pari.explain_text(r.details, [], "00001"),
    "explain-leaves-of-another-set": lambda r, _f: pari.explain_text(r.details, _other_leaves(), "00001"),
    "explain-totals-as-details": lambda r, _f: pari.explain_text(r.totals, r.leaves, "00001"),
    "display-places-as-text": lambda _r, _f: pari.display_frame(_FRAME, places="2"),  # type: ignore[arg-type]
    "display-places-as-float": lambda _r, _f: pari.display_frame(_FRAME, places=2.5),  # type: ignore[arg-type]
    "display-places-as-bool": lambda _r, _f: pari.display_frame(_FRAME, places=True),
    "display-places-negative": lambda _r, _f: pari.display_frame(_FRAME, places=-1),
    "rank-group-by-empty-text": lambda r, _f: pari.rank(r, group_by=""),
    "rank-group-by-blank-text": lambda r, _f: pari.rank(r, group_by="  "),
    "rank-group-by-empty-list": lambda r, _f: pari.rank(r, group_by=[]),
    "load-criteria-of-an-empty-name": lambda _r, _f: pari.load_criteria(""),
    "score-of-an-empty-name": lambda _r, _f: pari.score([""], pari.load_criteria(CRITERIA), no_survey=True),
    "score-communes-of-a-blank-name": lambda _r, _f: pari.score([DATA / "survey.csv"], CRITERIA, communes=" "),
    "load-criteria-of-a-path-like-giving-bytes": lambda _r, _f: pari.load_criteria(_BytesPath()),  # type: ignore[arg-type]
    "read-results-of-a-path-like-giving-bytes": lambda _r, _f: pari.read_results(_BytesPath()),  # type: ignore[arg-type]
    "run-score-output-none": lambda _r, _f: pari.run_score(assessments=[DATA / "survey.csv"], output=None),  # type: ignore[arg-type]
    "run-score-progress-as-text": lambda _r, f: pari.run_score(
        assessments=[DATA / "survey.csv"],
        output=f / "kq.xlsx",
        progress="yes",  # type: ignore[arg-type]
    ),
    "read-intake-progress-as-text": lambda _r, _f: pari.read_intake([DATA / "survey.csv"], progress=1),  # type: ignore[arg-type]
    "write-results-to-none": lambda r, _f: pari.write_results(None, r),  # type: ignore[arg-type]
    "write-results-ranked-codes-as-numbers": lambda r, f: pari.write_results(
        f / "kq.xlsx", r, pari.rank(r).with_columns(pl.col("commune_code").cast(pl.Int64))
    ),
    "write-report-ranked-of-other-units": lambda r, f: pari.write_report(
        f / "bc.html", r, pari.rank(r).with_columns(pl.col("commune_code").str.replace("^0", "9"))
    ),
}

_PATH = "path takes a file path (str or pathlib.Path), not "
_LEAVES = "pari.explain_text: leaves takes result.leaves (a list of Leaf), not "
_PLACES = "pari.display_frame: places takes a number of decimals (int) or a function of a column's name, not "
_GROUP = "pari.rank: group_by names no column "
_EMPTY = ": give the file's name (an unset variable?)"

#: Each case's error and the words its message holds.
EXPECTED: dict[str, tuple[type[Exception], str]] = {
    "read-results-of-bytes": (TypeError, "pari.read_results: " + _PATH + "bytes"),
    "read-results-of-a-number": (TypeError, "pari.read_results: " + _PATH + "int"),
    "read-results-of-none": (TypeError, "pari.read_results: " + _PATH + "NoneType"),
    "read-results-whole-as-text": (TypeError, "pari.read_results: whole takes True or False, not str"),
    "explain-leaves-as-text": (TypeError, _LEAVES + "str"),
    "explain-leaves-none": (TypeError, _LEAVES + "NoneType"),
    "explain-leaves-empty": (ValueError, "leaves has no item '1.1.1', '1.1.2', '1.1.3' of these details"),
    "explain-leaves-of-another-set": (ValueError, "give the leaves of the same result (result.leaves)"),
    "explain-totals-as-details": (ValueError, "pari.explain_text: details has no column 'criterion_id', 'max'"),
    "display-places-as-text": (TypeError, _PLACES + "str"),
    "display-places-as-float": (TypeError, _PLACES + "float"),
    "display-places-as-bool": (TypeError, _PLACES + "bool"),
    "display-places-negative": (ValueError, "pari.display_frame: places is a number of decimals of at least 0, not -1"),
    "rank-group-by-empty-text": (ValueError, _GROUP + "('')"),
    "rank-group-by-blank-text": (ValueError, _GROUP + "('  ')"),
    "rank-group-by-empty-list": (ValueError, _GROUP + "([])"),
    "load-criteria-of-an-empty-name": (ValueError, 'pari.load_criteria: path holds an empty name ("")' + _EMPTY),
    "score-of-an-empty-name": (ValueError, 'pari.score: assessments holds an empty name ("")' + _EMPTY),
    "score-communes-of-a-blank-name": (ValueError, 'pari.score: communes holds a blank name (" ")' + _EMPTY),
    "load-criteria-of-a-path-like-giving-bytes": (TypeError, "pari.load_criteria: " + _PATH + "_BytesPath"),
    "read-results-of-a-path-like-giving-bytes": (TypeError, "pari.read_results: " + _PATH + "_BytesPath"),
    "run-score-output-none": (
        TypeError,
        "pari.run_score: output takes a file path (str or pathlib.Path), not NoneType",
    ),
    "run-score-progress-as-text": (
        TypeError,
        "pari.run_score: progress takes a function of one message (str), or None, not str",
    ),
    "read-intake-progress-as-text": (
        TypeError,
        "pari.read_intake: progress takes a function of one message (str), or None, not int",
    ),
    "write-results-to-none": (TypeError, "pari.write_results: " + _PATH + "NoneType"),
    "write-results-ranked-codes-as-numbers": (
        ValueError,
        "its commune_code is Int64, not text: codes written as numbers lose their leading zeros (00001 is 1)",
    ),
    "write-report-ranked-of-other-units": (
        ValueError,
        "pari.write_report: ranked is not pari.rank(result) of this result: it ranks commune_code 90001, 90004, "
        "90007, which this result did not score",
    ),
}


class _BytesPath:
    """An os.PathLike whose path is bytes (os.fsencode'd), which pathlib refuses deep in a reader."""

    def __fspath__(self) -> bytes:
        return bytes(CRITERIA)


def _other_leaves() -> list[Any]:
    """The items of the bundled Hà Nội set: none is an item of the Hải Phòng example."""
    from pari_index.criteria.model import resolve_leaves

    return list(resolve_leaves(pari.load_criteria()))


def score_example(*, appraised: bool = True) -> pari.ScoreResult:
    """The example province scored through the facade, as README's library example does (with
    its appraisal unless ``appraised`` is false)."""
    return pari.score(
        [DATA / "assessments_long.csv"],
        pari.load_criteria(CRITERIA),
        communes=DATA / "communes.csv",
        survey=[DATA / "survey.csv"],
        appraisal=DATA / "appraisal.csv" if appraised else None,
    )
