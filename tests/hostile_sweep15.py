"""Hostile cases of the fifteenth session's sweep: results of ``pari score`` given back to it as data
(``pari score *.xlsx -o results-2.xlsx`` in the folder of an earlier run read that run's
results.xlsx as an assessment form: 4,233 rows rejected, 5,626 errors, and results written from it
with exit 1; a results table given as --survey or --communes said only which columns were
missing), refused before anything is read, naming the file and the option; workbooks whose zip
parts are compressed with a method Excel never writes (bzip2 and LZMA, which calamine answered
with its English "Cannot detect file format" and the hint to save the file as .xlsx, which it
claims to be; Deflate64, "NotImplementedError: That compression method is not supported"), refused
by name; a register column named as a column of the results (``index`` and ``commune_code`` ended
the run as an internal error, exit 70; ``total_points`` was published as every unit's total
points; ``rank``, ``group``, ``notice`` were replaced without a word), left out with a warning
naming it; a column whose name begins with ``_`` (the prefix of pari-index's own working columns:
``_pos`` in the assessments or the survey, ``_i`` in the register ended the run as an internal
error), refused at the header as ``reserved-column``; and cases of other classes tried this
session that already answered well, kept so that they stay so (numbers of 5,000 digits in a CLI
option, a criteria set and the cells of every table; a line break inside a quoted code, a totals
row at the foot of a sheet, a title block above the header, Excel's ``sep=;`` line over a
Windows-1258 file, a register code listed twice with another name, survey and appraisal rows for
items outside the set; Excel error cells and booleans in a workbook, a percentage cell shown as
77.8 %, a macro-enabled .xlsm; a run repeated with its results inside the pattern of its inputs).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep15.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_criteria import small_set
from hostile_paths import _summary_frame, fake_results_workbook
from hostile_sweep8 import EXAMPLES, _csv_text, _examples, _rows, _score, cp1258_bytes
from hostile_sweep14 import _csv, _workbook

Case = Callable[[Path], list[str]]

DIGITS_5000 = "9" * 5000


def _changed(folder: Path, name: str, change: Callable[[list[list[str]]], None]) -> Path:
    """The example table ``name`` copied into ``folder`` with ``change`` made to its rows."""
    _examples(folder)
    rows = _rows(name)
    change(rows)
    path = folder / name
    path.write_text(_csv(rows), encoding="utf-8")
    return path


def _cell_set(rows: list[list[str]], row: int, column: int, text: str) -> None:
    rows[row][column] = text


# ---------------------------------------------------------------------------------------------
# Results of pari score given back as data (ownership.check_not_results)


def _scored(folder: Path) -> Path:
    """The example workbook form scored once into ``results.xlsx`` beside it (an earlier run)."""
    from children import pari_child

    form = _workbook(folder / "form.xlsx", {})
    done = pari_child(_score(folder, assessments=form, out="results.xlsx"), folder, timeout=120)
    assert done.returncode == 0, done.stderr
    return form


def results_in_the_pattern(folder: Path) -> list[str]:
    """``pari score *.xlsx -o results-2.xlsx`` in the folder of an earlier run: the pattern takes
    in results.xlsx with the form. It was read as a second form (every sheet of the results a
    table of unknown columns and conflicting rows) and results were written from it, exit 1."""
    form = _scored(folder)
    return _score(folder, str(folder / "results.xlsx"), assessments=form, out="results-2.xlsx")


def results_table_as_survey(folder: Path) -> list[str]:
    """A results table (``summary.csv`` of ``--format csv``) given as --survey."""
    _examples(folder)
    _summary_frame().write_csv(folder / "summary.csv")
    args = _score(folder)
    args[args.index("--survey") + 1] = str(folder / "summary.csv")
    return args


def results_workbook_as_register(folder: Path) -> list[str]:
    """A results workbook given as --communes (the register's name mistaken for the results')."""
    _examples(folder)
    fake_results_workbook(folder, {"criteria_id": "x"})
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / "results.xlsx")
    return args


def vietnamese_results_as_assessments(folder: Path) -> list[str]:
    """Results written with Vietnamese sheet names (``Tổng hợp``, ``Thông tin``), given among
    the assessments."""
    import xlsxwriter

    path = folder / "kết quả.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        _summary_frame().write_excel(workbook=workbook, worksheet="Tổng hợp")
        workbook.add_worksheet("Thông tin").write(0, 0, "Bộ chỉ số")
    return _score(folder, str(path))


# ---------------------------------------------------------------------------------------------
# Register columns named as the results' columns (intake.register.results_column)


def register_with_column(folder: Path, column: str, value: str = "7") -> list[str]:
    """The example register with one more column named ``column``, every unit's cell ``value``."""

    def change(rows: list[list[str]]) -> None:
        rows[0].append(column)
        for row in rows[1:]:
            row.append(value)

    _changed(folder, "communes.csv", change)
    return _score(folder)


def _register_case(column: str, value: str = "7") -> Case:
    def case(folder: Path) -> list[str]:
        return register_with_column(folder, column, value)

    case.__doc__ = f"A register column named {column!r} (as a column of the results)."
    return case


def group_by_computed(column: str) -> Case:
    def case(folder: Path) -> list[str]:
        return _score(folder, "--group-by", column)

    case.__doc__ = f"``--group-by {column}``: a column the run computes, not one of the register."
    return case


# ---------------------------------------------------------------------------------------------
# Columns named as pari-index's own working columns (intake.grid.plan_columns)


def _internal_column(name: str, column: str) -> Case:
    def case(folder: Path) -> list[str]:
        def change(rows: list[list[str]]) -> None:
            rows[0].append(column)
            for row in rows[1:]:
                row.append("5")

        _changed(folder, name, change)
        return _score(folder)

    case.__doc__ = f"A column {column!r} in {name}: a name of pari-index's own columns."
    return case


def internal_column_parquet(folder: Path) -> list[str]:
    """The assessments as Parquet with a column ``_pos``."""
    import polars as pl

    _examples(folder)
    path = folder / "assessments.parquet"
    frame = pl.read_csv(folder / "assessments_long.csv", infer_schema=False)
    frame.with_columns(pl.lit("5").alias("_pos")).write_parquet(path)
    return _score(folder, assessments=path)


def results_as_template_register(folder: Path) -> list[str]:
    """``pari template --communes results.xlsx``: the results of an earlier run as the register
    of the forms (was six missing-column problems, one per sheet of the results)."""
    _scored(folder)
    return ["template", "--communes", str(folder / "results.xlsx"), "-o", str(folder / "form-2.xlsx")]


# ---------------------------------------------------------------------------------------------
# Zip compression methods Excel never writes (intake.xlsx.package._check_package)


def _recompressed(path: Path, method: int) -> Path:
    with zipfile.ZipFile(path) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    with zipfile.ZipFile(path, "w", method) as package:
        for name, data in parts:
            package.writestr(name, data)
    return path


def _method_patched(path: Path, method: int) -> Path:
    """The package with every part's method field set to ``method`` (Deflate64, 9: Python's zip
    cannot write it; a part's method is a field of its local and central headers)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        while at >= 0:
            struct.pack_into("<H", data, at + offset, method)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def bzip2_workbook(folder: Path) -> list[str]:
    """A form whose parts are compressed with bzip2 (a zip tool's option): calamine's "Cannot
    detect file format" (not-a-spreadsheet), with the hint to save it as .xlsx."""
    return _score(folder, assessments=_recompressed(_workbook(folder / "form.xlsx", {}), zipfile.ZIP_BZIP2))


def lzma_workbook(folder: Path) -> list[str]:
    """The same with LZMA (7-Zip's option for a .zip)."""
    return _score(folder, assessments=_recompressed(_workbook(folder / "form.xlsx", {}), zipfile.ZIP_LZMA))


def deflate64_workbook(folder: Path) -> list[str]:
    """Deflate64 (Windows' own zip of a file over 2 GB, 7-Zip's option): was xlsx-damaged with
    Python's English "NotImplementedError: That compression method is not supported"."""
    return _score(folder, assessments=_method_patched(_workbook(folder / "form.xlsx", {}), 9))


def bzip2_results_report(folder: Path) -> list[str]:
    """``pari report`` of a results workbook zipped again with bzip2."""
    path = _recompressed(fake_results_workbook(folder, {"criteria_id": "x"}), zipfile.ZIP_BZIP2)
    return ["report", str(path), "-o", str(folder / "report.html")]


# ---------------------------------------------------------------------------------------------
# Cases of other classes tried this session that already answered well (kept as they are)


def option_5000_digits(folder: Path) -> list[str]:
    """``--batch-size`` of 5,000 digits (past Python's 4,300-digit limit of int()): click's
    usage error in the command's language, exit 2."""
    return _score(folder, "--batch-size", DIGITS_5000)


def criteria_year_5000_digits(folder: Path) -> list[str]:
    """A criteria set whose ``year`` has 5,000 digits: schema:int_type at its YAML line."""
    path = folder / "set.yaml"
    path.write_text(small_set().replace("year: 2024", f"year: {DIGITS_5000}"), encoding="utf-8")
    return ["validate", str(path)]


def values_5000_digits(folder: Path) -> list[str]:
    """A count, a self-score and a percentage of 5,000 digits each: number-out-of-range and
    number-too-precise at their cells, the text cut in the message."""

    def change(rows: list[list[str]]) -> None:
        rows[10][3] = DIGITS_5000
        rows[1][4] = "1" + "0" * 5000
        rows[31][3] = "0." + "0" * 5000 + "1"

    _changed(folder, "assessments_long.csv", change)
    return _score(folder)


def newline_in_quoted_code(folder: Path) -> list[str]:
    """A line break typed inside a quoted commune code (Alt+Enter in a cell): control-character."""
    _changed(folder, "assessments_long.csv", lambda rows: _cell_set(rows, 5, 0, "000\n01"))
    return _score(folder)


def totals_row(folder: Path) -> list[str]:
    """A totals row ``Tổng cộng`` at the foot of the table: missing-criterion at its row until
    session 21, now the warning total-row (a row with nothing to score), exit 0."""
    _changed(folder, "assessments_long.csv", lambda rows: rows.append(["Tổng cộng", "", "", "", "85,5", *[""] * 5]))
    return _score(folder)


def title_block(folder: Path) -> list[str]:
    """Three lines of title (the office, the form's name, a blank line) above the header, as a
    printed form has them and Excel saves them (each line as wide as the table): the header is
    found under them, every row used, exit 0."""
    _examples(folder)
    path = folder / "assessments_long.csv"
    rows = _rows("assessments_long.csv")
    title = [[text, *[""] * (len(rows[0]) - 1)] for text in ("UBND THÀNH PHỐ HÀ NỘI", "BẢNG TỰ ĐÁNH GIÁ NĂM 2025", "")]
    path.write_text(_csv([*title, *rows]), encoding="utf-8")
    return _score(folder)


def sep_line_1258(folder: Path) -> list[str]:
    """Excel's ``sep=;`` line over a semicolon Windows-1258 file: csv-separator-line until session
    36, now read as Excel reads it (the file read as Windows-1258: encoding-fallback, a warning)."""
    _examples(folder)
    path = folder / "assessments_long.csv"
    path.write_bytes(b"sep=;\r\n" + cp1258_bytes(_csv_text(_rows("assessments_long.csv"), ";")))
    return _score(folder)


def register_code_twice_other_name(folder: Path) -> list[str]:
    """A register listing 00001 again under another name: duplicate-commune at the second row."""
    row = ["00001", "Xã Khác", "xã", "Huyện Khác", "Thành phố Hà Nội", ""]
    _changed(folder, "communes.csv", lambda rows: rows.append(row))
    return _score(folder)


def survey_item_not_in_set(folder: Path) -> list[str]:
    """A survey row for item 99.9, which the set does not have: unknown-criterion at its row."""
    _changed(folder, "survey.csv", lambda rows: rows.append(["00001", "99.9", "", "50"]))
    return _score(folder)


def appraisal_item_not_in_set(folder: Path) -> list[str]:
    """An appraisal row for item 99.9: unknown-criterion at its row."""
    _examples(folder)
    shutil.copy(EXAMPLES / "appraisal.csv", folder / "appraisal.csv")
    _changed(folder, "appraisal.csv", lambda rows: rows.append(["00001", "99.9", "", "", "", "có", "x", "y"]))
    return _score(folder, "--appraisal", str(folder / "appraisal.csv"))


def _form_with(folder: Path, name: str, change: Callable[[object], None]) -> Path:
    """The example form as a workbook, with ``change`` made to its sheet (openpyxl)."""
    import openpyxl

    path = _workbook(folder / name, {})
    book = openpyxl.load_workbook(path)
    change(book.active)
    book.save(path)
    _examples(folder)
    return path


def _errors(sheet: object) -> None:
    for ref, error in (("D3", "#N/A"), ("A5", "#REF!")):
        sheet[ref] = error  # type: ignore[index]
        sheet[ref].data_type = "e"  # type: ignore[index]


def xlsx_error_cells(folder: Path) -> list[str]:
    """Excel error cells (#N/A in a value, #REF! in a code): excel-error-cell at each."""
    return _score(folder, assessments=_form_with(folder, "errors.xlsx", _errors))


def _booleans(sheet: object) -> None:
    sheet["D3"] = True  # type: ignore[index]
    sheet["D11"] = False  # type: ignore[index]


def xlsx_boolean_cells(folder: Path) -> list[str]:
    """Boolean cells (TRUE for a yes/no, FALSE for a count): the count refused (bad-value)."""
    return _score(folder, assessments=_form_with(folder, "booleans.xlsx", _booleans))


def _percent(sheet: object) -> None:
    sheet["D32"] = 0.778  # type: ignore[index]
    sheet["D32"].number_format = "0.0%"  # type: ignore[index]


def xlsx_percent_cell(folder: Path) -> list[str]:
    """The rate 77.8 % held as 0.778 shown with a percent format: read as 77.8, exit 0."""
    return _score(folder, assessments=_form_with(folder, "percent.xlsx", _percent))


def xlsm_with_macros(folder: Path) -> list[str]:
    """A macro-enabled workbook (.xlsm, its content type and a vbaProject.bin part): read, exit 0."""
    form = _workbook(folder / "form.xlsx", {})
    path = folder / "form.xlsm"
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
            target.writestr(name, data)
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    form.unlink()
    return _score(folder, assessments=path)


def rerun_over_results_in_pattern(folder: Path) -> list[str]:
    """``pari score *.xlsx -o results.xlsx`` run again: its own results are among the inputs and
    the output: output-is-input (exit 4), the results left as they were."""
    form = _scored(folder)
    return _score(folder, str(folder / "results.xlsx"), assessments=form, out="results.xlsx")


CASES: dict[str, Case] = {
    "results-in-the-pattern": results_in_the_pattern,
    "results-table-as-survey": results_table_as_survey,
    "results-workbook-as-register": results_workbook_as_register,
    "results-vietnamese-as-assessments": vietnamese_results_as_assessments,
    "results-as-template-register": results_as_template_register,
    # An internal error (exit 70): "arithmetic on dtypes i64 and str is not allowed".
    "register-column-index": _register_case("index"),
    # An internal error (exit 70): "column 'commune_code' is duplicate".
    "register-column-commune-code": _register_case("commune_code"),
    # Published as every unit's total points (7), exit 0.
    "register-column-total-points": _register_case("total_points"),
    # Replaced by the ranking's own without a word.
    "register-column-rank": _register_case("rank"),
    "register-column-group": _register_case("group", "Nhóm 1"),
    "register-column-area": _register_case("area_1"),
    # Each unit ranked alone, in a group of its own computed value (rank 1 of 1), exit 0.
    "group-by-total-points": group_by_computed("total_points"),
    "group-by-commune-code": group_by_computed("commune_code"),
    # Each an internal error (exit 70): "column with name '_i' has more than one occurrence",
    # "arithmetic on dtypes str and dyn int", "unable to append to a DataFrame of width 8 ...".
    "internal-column-register": _internal_column("communes.csv", "_i"),
    "internal-column-assessments": _internal_column("assessments_long.csv", "_pos"),
    "internal-column-survey": _internal_column("survey.csv", "_pos"),
    "internal-column-parquet": internal_column_parquet,
    "zip-bzip2-workbook": bzip2_workbook,
    "zip-lzma-workbook": lzma_workbook,
    "zip-deflate64-workbook": deflate64_workbook,
    "zip-bzip2-results-report": bzip2_results_report,
    "well-option-5000-digits": option_5000_digits,
    "well-criteria-year-5000-digits": criteria_year_5000_digits,
    "well-values-5000-digits": values_5000_digits,
    "well-newline-in-quoted-code": newline_in_quoted_code,
    "well-totals-row": totals_row,
    "well-title-block": title_block,
    "well-sep-line-1258": sep_line_1258,
    "well-register-code-twice-other-name": register_code_twice_other_name,
    "well-survey-item-not-in-set": survey_item_not_in_set,
    "well-appraisal-item-not-in-set": appraisal_item_not_in_set,
    "well-xlsx-error-cells": xlsx_error_cells,
    "well-xlsx-boolean-cells": xlsx_boolean_cells,
    "well-xlsx-percent-cell": xlsx_percent_cell,
    "well-xlsm-with-macros": xlsm_with_macros,
    "well-rerun-over-results-in-pattern": rerun_over_results_in_pattern,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_OTHERS = ("communes.csv", "survey.csv")

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "results-in-the-pattern": (2, "input-is-results", ("results.xlsx", "form.xlsx", *_OTHERS)),
    "results-table-as-survey": (2, "input-is-results", ("summary.csv", *_INPUTS)),
    "results-workbook-as-register": (2, "input-is-results", ("results.xlsx", *_INPUTS)),
    "results-vietnamese-as-assessments": (2, "input-is-results", ("kết quả.xlsx", *_INPUTS)),
    "results-as-template-register": (2, "input-is-results", ("results.xlsx", "form.xlsx")),
    **{case: (0, None, _INPUTS) for case in CASES if case.startswith("register-column-")},
    # commune_code is also a spelling of the register's code column: beside «code», two code
    # columns that disagree (7 in every row), refused as such since the sixteenth session.
    "register-column-commune-code": (1, "same-field-columns", _INPUTS),
    "group-by-total-points": (2, "unknown-group-column", _INPUTS),
    "group-by-commune-code": (2, "unknown-group-column", _INPUTS),
    **{case: (1, "reserved-column", _INPUTS) for case in CASES if case.startswith("internal-column-")},
    "zip-bzip2-workbook": (1, "xlsx-damaged", ("form.xlsx", *_OTHERS)),
    "zip-lzma-workbook": (1, "xlsx-damaged", ("form.xlsx", *_OTHERS)),
    "zip-deflate64-workbook": (1, "xlsx-damaged", ("form.xlsx", *_OTHERS)),
    "zip-bzip2-results-report": (1, "xlsx-damaged", ("results.xlsx",)),
    "well-option-5000-digits": (2, None, _INPUTS),
    "well-criteria-year-5000-digits": (1, "schema:int_type", ("set.yaml",)),
    "well-values-5000-digits": (1, "number-out-of-range", _INPUTS),
    "well-newline-in-quoted-code": (1, "control-character", _INPUTS),
    "well-totals-row": (0, None, _INPUTS),
    "well-title-block": (0, None, _INPUTS),
    "well-sep-line-1258": (0, None, _INPUTS),
    "well-register-code-twice-other-name": (1, "duplicate-commune", _INPUTS),
    "well-survey-item-not-in-set": (1, "unknown-criterion", _INPUTS),
    "well-appraisal-item-not-in-set": (1, "unknown-criterion", (*_INPUTS, "appraisal.csv")),
    "well-xlsx-error-cells": (1, "excel-error-cell", ("errors.xlsx", *_OTHERS)),
    "well-xlsx-boolean-cells": (1, "bad-value", ("booleans.xlsx", *_OTHERS)),
    "well-xlsx-percent-cell": (0, None, ("percent.xlsx", *_OTHERS)),
    "well-xlsm-with-macros": (0, None, ("form.xlsm", *_OTHERS)),
    "well-rerun-over-results-in-pattern": (4, "output-is-input", ("results.xlsx", "form.xlsx", *_OTHERS)),
}

#: Outputs each case must not have written (the case's folder).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    **{case: ("out.xlsx",) for case in CASES if case.startswith(("results-", "zip-"))},
    "results-in-the-pattern": ("results-2.xlsx",),
    "results-as-template-register": ("form-2.xlsx",),
    "zip-bzip2-results-report": ("report.html",),
    "well-option-5000-digits": ("out.xlsx",),
    "group-by-total-points": ("out.xlsx",),
    "group-by-commune-code": ("out.xlsx",),
}
