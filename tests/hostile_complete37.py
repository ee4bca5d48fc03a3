"""Hostile cases of the thirty-seventh session's helper complete37: ``pari explain`` of a run that
could not use everything, or of a unit that sent nothing.

Found by running the real ``pari`` (main at f7922a5) on results it wrote itself:

- The example's register of five units, the first 120 rows of its long assessments (units 00001
  and 00004; 00007, 00010 and 00013 sent nothing) and an appraisal scoring item 1.2 of 00007
  0.5, with one row of a unit not in the register and one score outside an item's points: ``pari
  score`` said «INCOMPLETE: 2 rows rejected in 1 file» and «3 communes sent no self-assessment»,
  exit 1, and wrote the notice on every summary row, the about sheet and the report's banner.
  ``pari explain 00007 --results out.xlsx`` printed «Phường Quý Yên (00007): total 28.63 points,
  index 29.14 %, rank 3/5 in Thành phố Hà Nội, class Weak», exit 0: not a word that the run was
  incomplete, nor that this unit sent nothing (its rank 3 of 5 is its survey points and the
  council's 0.5), though the summary's ``submitted`` says it and the report marks it «sent
  nothing». A unit the survey gives nothing for, in a run given one, and a unit the
  register says not to rank, were printed the same way: their line read as any other's.

  Now ``pari explain`` prints the run's completeness banner first, in its own ``--lang``, re-worded
  from the about table's counts (``scoring.completeness.notices``, as the report words it), and the
  unit's line ends with what the summary marks of it: not ranked (and why), sent no
  self-assessment, no survey results (``from_results._commune_marks``). A complete run's
  explanation is as before. Exit 0 as before: explain reports, it does not judge the run.

- The Hải Phòng example (ranked within districts) with its register as a workbook whose district
  column is merged over each district's units, as officers lay a register out (four merges,
  D2:D9 … D28:D37), the value in the first cell alone: four ``merged-cells`` errors, exit 1, and
  every row of the register "registered" in the input rows table, the about sheet saying
  ``complete: yes``, no notice in the summary nor banner in the report, while 32 units of four
  districts were ranked 1 to 32 as one group with no district and the four first units 1st of 1.
  The same with two district cells holding ``#N/A`` and ``#REF!`` in a CSV register
  (``excel-error-cell``) or formulas ``=D2`` with no saved result in a workbook
  (``formula-without-value``): the cells read as empty, told, and the run said it was complete.
  The family: an error at a row whose reader said it was used whole. The assessments' ledger
  makes such a row ``partial`` (``intake.ledger.source_ledger``); the register's and the
  appraisal's rows had statuses of their readers' own. Now the ledger put together for the run
  makes every row of theirs said used whole at which an error sits ``partial``, the error its
  reason (``intake.ledger.errors_carried``): «INCOMPLETE: 0 rows rejected in 1 file (4 more rows
  only partly used)» on the console, ``complete: no`` and ``rows_partial`` in the about sheet, the
  notice on every summary row and the report's banner, exit 1 as before. (The appraisal's rows
  already were rejected for such errors: ``#N/A`` in its ``appraiser`` column, measured.)

Each generator writes its files into an empty folder (the results by ``pari score`` run in this
process) and returns the ``pari`` argv (without the program name); ``benchmarks/hostile.py`` runs
them as child processes and tests/test_hostile_complete37.py checks what each answers
(``EXPECTED``: exit status, the code that must be printed, and the user's files that must come
out byte for byte as they went in) and the text of each explanation.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from hostile_complete import _base

Case = Callable[[Path], list[str]]

#: An appraisal of a unit that sent nothing (00007, item 1.2), a unit not in the register (rejected)
#: and a score outside item 9.4's points (rejected): the run is incomplete, its results written.
APPRAISAL = (
    "commune_code,criterion_id,input,value,score,evidence_accepted,reason,appraiser\n"
    "00007,1.2,,,0.5,,Hội đồng chấm,An\n"
    "99999,1.2,,,0.5,,Hội đồng chấm,An\n"
    "00004,9.4,,,0.5,,Hội đồng chấm,An\n"
)


def _results(folder: Path, *extra: str, status: int = 0, out: str = "out.xlsx") -> Path:
    """``pari score`` of the five units (hostile_complete._base) at ``folder / out``, in this
    process, answering ``status``."""
    from click.testing import CliRunner

    from pari_index.cli import main

    communes, long, survey = _base(folder)
    argv = ["score", str(long), "--communes", str(communes), "--survey", str(survey), "-o", str(folder / out), "-q"]
    with contextlib.chdir(folder):
        done = CliRunner().invoke(main, [*argv, *extra])
    assert done.exit_code == status, done.output
    return folder / out


def explain_of_an_incomplete_run(folder: Path) -> list[str]:
    """Results of a run with two appraisal rows rejected (exit 1, written): explain of 00001."""
    (folder / "appraisal.csv").write_text(APPRAISAL, encoding="utf-8")
    results = _results(folder, "--appraisal", str(folder / "appraisal.csv"), status=1)
    return ["explain", "00001", "1.2", "--results", str(results)]


def explain_of_a_unit_that_sent_nothing(folder: Path) -> list[str]:
    """The same results: explain of 00007, which sent nothing, ranked on the survey and the
    council's 0.5 points."""
    (folder / "appraisal.csv").write_text(APPRAISAL, encoding="utf-8")
    results = _results(folder, "--appraisal", str(folder / "appraisal.csv"), status=1)
    return ["explain", "00007", "1.2", "--results", str(results)]


def explain_of_a_unit_without_survey_results(folder: Path) -> list[str]:
    """Results in a CSV folder of a run whose survey gives nothing for 00004: explain of 00004."""
    _base(folder)
    survey = folder / "survey.csv"
    lines = survey.read_text(encoding="utf-8").splitlines(keepends=True)
    survey.write_text("".join(line for line in lines if not line.startswith("00004,")), encoding="utf-8")
    results = _results(folder, "--format", "csv", status=0, out="ket-qua")
    return ["explain", "00004", "1.1.1", "--results", str(results)]


def explain_of_a_unit_the_register_does_not_rank(folder: Path) -> list[str]:
    """Results of a run whose register says 00004 is not ranked (``ranked`` = không): explain of 00004."""
    communes, _, _ = _base(folder)
    lines = communes.read_text(encoding="utf-8").splitlines()
    ranked = [lines[0] + ",ranked", *(line + (",không" if line.startswith("00004,") else ",có") for line in lines[1:])]
    communes.write_text("\n".join(ranked) + "\n", encoding="utf-8")
    results = _results(folder, status=0)
    return ["explain", "00004", "1.1.1", "--results", str(results)]


HAI_PHONG = Path(__file__).resolve().parents[1] / "examples" / "hai-phong-2022"


def _hai_phong(folder: Path, register: Path) -> list[str]:
    """``pari score`` of the Hải Phòng example (ranked within districts) with ``register``."""
    criteria = Path(__file__).resolve().parents[1] / "criteria" / "hai-phong-2022-commune.yaml"
    return [
        *("score", str(HAI_PHONG / "assessments_long.csv"), "--communes", str(register)),
        *("--survey", str(HAI_PHONG / "survey.csv"), "--criteria", str(criteria), "-o", str(folder / "out.xlsx")),
        "-q",
    ]


def _register_rows() -> list[list[str]]:
    import csv

    with (HAI_PHONG / "communes.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def register_district_merged(folder: Path) -> list[str]:
    """The Hải Phòng register as a workbook, its district column merged over each district's units."""
    import xlsxwriter

    rows = _register_rows()
    book = xlsxwriter.Workbook(folder / "communes.xlsx")
    sheet = book.add_worksheet("Danh sách")
    sheet.write_row(0, 0, rows[0])
    for at, row in enumerate(rows[1:], start=1):
        sheet.write_row(at, 0, [row[0], row[1], row[2], "", row[4], row[5]])
    start = 1
    for at in range(2, len(rows) + 1):
        if at == len(rows) or rows[at][3] != rows[start][3]:
            if at - 1 > start:
                sheet.merge_range(start, 3, at - 1, 3, rows[start][3])
            else:
                sheet.write(start, 3, rows[start][3])
            start = at
    book.close()
    return _hai_phong(folder, folder / "communes.xlsx")


def register_district_excel_errors(folder: Path) -> list[str]:
    """The Hải Phòng register as CSV, two district cells holding Excel's «#N/A» and «#REF!»."""
    rows = _register_rows()
    rows[3][3], rows[4][3] = "#N/A", "#REF!"
    (folder / "communes.csv").write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return _hai_phong(folder, folder / "communes.csv")


def register_district_formulas_without_value(folder: Path) -> list[str]:
    """The Hải Phòng register as a workbook, two district cells a formula ``=D2`` with no saved result."""
    import xlsxwriter

    rows = _register_rows()
    book = xlsxwriter.Workbook(folder / "communes.xlsx")
    sheet = book.add_worksheet("Danh sách")
    for at, row in enumerate(rows):
        sheet.write_row(at, 0, row)
    for at in (2, 3):  # (rows 3 and 4; xlsxwriter saves 0 as the result unless told: "" saves none)
        sheet.write_formula(at, 3, "=D2", None, "")
    book.close()
    return _hai_phong(folder, folder / "communes.xlsx")


CASES: dict[str, Case] = {
    "register-district-merged": register_district_merged,
    "register-district-excel-errors": register_district_excel_errors,
    "register-district-formulas-without-value": register_district_formulas_without_value,
    "explain-of-an-incomplete-run": explain_of_an_incomplete_run,
    "explain-of-a-unit-that-sent-nothing": explain_of_a_unit_that_sent_nothing,
    "explain-of-a-unit-without-survey-results": explain_of_a_unit_without_survey_results,
    "explain-of-a-unit-the-register-does-not-rank": explain_of_a_unit_the_register_does_not_rank,
}

#: What each case must give: exit status, a code printed (None: none), the user's files kept.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "register-district-merged": (1, "merged-cells", ("communes.xlsx",)),
    "register-district-excel-errors": (1, "excel-error-cell", ("communes.csv",)),
    "register-district-formulas-without-value": (1, "formula-without-value", ("communes.xlsx",)),
    "explain-of-an-incomplete-run": (0, None, ("out.xlsx", "appraisal.csv")),
    "explain-of-a-unit-that-sent-nothing": (0, None, ("out.xlsx", "appraisal.csv")),
    "explain-of-a-unit-without-survey-results": (0, None, ("survey.csv", "ket-qua/summary.csv")),
    "explain-of-a-unit-the-register-does-not-rank": (0, None, ("communes.csv", "out.xlsx")),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
