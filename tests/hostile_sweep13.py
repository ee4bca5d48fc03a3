"""Hostile cases of the thirteenth session's sweep: ``-`` given as a path (the standard input or
output, to other programs), names that hold control characters (a line feed, a carriage return, a
terminal's escape sequence) printed in messages, one file given twice to a run (``data/*`` with the
register and survey in it, a link, a hard link), options that contradict each other or do nothing
without another, a lineage table whose new codes are no unit, names typed composed of files named
decomposed on disk, and cases of other classes that already answered well, kept so that they stay
so.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep13.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import codecs
import os
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, EXAMPLES, _examples, _rows, _score

Case = Callable[[Path], list[str]]

#: A file name that forges a console line: a carriage return, a line feed and a fake error after.
FORGED = "x\x1b[31mđỏ\x1b[0m\r\nerror: fake.csv"
#: A file name with a terminal's OSC sequence (it sets the window's title) and a bell.
RETITLES = "nope\x1b]0;pwned\x07.csv"


# ---------------------------------------------------------------------------------------------
# "-" as a path (outputs.path_names.check_names, _dash)


def dash_assessments(folder: Path) -> list[str]:
    """``pari score - --communes …``: "file not found" with no name at all (the place ``-`` was taken
    for no place)."""
    args = _score(folder)
    return [args[0], "-", *args[2:]]


def dash_output(folder: Path) -> list[str]:
    """``pari score … -o -``: a folder named ``-`` of CSV tables (no ending: a folder), exit 0."""
    args = _score(folder)
    args[args.index("-o") + 1] = "-"
    return args


def dash_register(folder: Path) -> list[str]:
    args = _score(folder)
    args[args.index("--communes") + 1] = "-"
    return args


def dash_criteria(folder: Path) -> list[str]:
    return _score(folder, "--criteria", "-")


def dash_cache(folder: Path) -> list[str]:
    """``pari score … --cache -``: a cache folder named ``-``."""
    return _score(folder, "--cache", "-")


def dash_report_results(folder: Path) -> list[str]:
    """``pari report - -o report.html`` (and, once ``-o -`` had made the folder, read it back)."""
    return ["report", "-", "-o", str(folder / "report.html")]


def dash_template_output(folder: Path) -> list[str]:
    return ["template", "-o", "-"]


def dash_explain_results(folder: Path) -> list[str]:
    return ["explain", "--results", "-", "00001"]


# ---------------------------------------------------------------------------------------------
# Control characters in a name printed on the console (errors.visible, in every place)


def forged_line_name(folder: Path) -> list[str]:
    """An assessments file named ``x<ESC>[31mđỏ<ESC>[0m<CR><LF>error: fake.csv`` without a value
    column: the console showed a line "error: fake.csv.csv row 1: …" of a file never given."""
    path = folder / f"{FORGED}.csv"
    path.write_text("commune_code,criterion_id\n00001,1.1.1\n", encoding="utf-8")
    return _score(folder, assessments=path)


def retitling_name_missing(folder: Path) -> list[str]:
    """A missing file whose name holds an OSC escape (on a terminal it sets the window's title to
    "pwned") and a bell: printed as it was in "file not found"."""
    args = _score(folder)
    args[args.index("--survey") + 1] = str(folder / RETITLES)
    return args


def retitling_name_validate(folder: Path) -> list[str]:
    """``pari validate`` of a good set and a bad one, both named with an OSC escape: the lines "… ok"
    and "… INVALID" printed the names as they were."""
    good = folder / RETITLES.replace(".csv", ".yaml")
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", good)
    bad = folder / ("b" + RETITLES.replace(".csv", ".yaml"))
    bad.write_text("id: [\n", encoding="utf-8")
    return ["validate", str(good), str(bad)]


def escape_in_heading(folder: Path) -> list[str]:
    """A wide form whose unknown column's heading holds an escape sequence that clears the screen
    (``<ESC>[2J``) and a line feed (Alt+Enter in Excel)."""
    path = folder / "wide.csv"
    path.write_text('commune_code,1.1.1,"ghi chú\x1b[2J\nthêm"\n00001,04/06/2025,x\n', encoding="utf-8")
    return _score(folder, assessments=path)


def escape_in_sheet_name(folder: Path) -> list[str]:
    """A workbook whose sheet is named with a right-to-left override (what follows it shows
    reversed) and a zero-width space, its value column missing. (A bell or a carriage return is no
    character of XML: such a workbook is xlsx-damaged.)"""
    import xlsxwriter

    path = folder / "form.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("x\u202erorre\u200b")
        sheet.write_row(0, 0, ["commune_code", "criterion_id"])
        sheet.write_row(1, 0, ["00001", "1.1.1"])
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# One file given twice to a run (outputs.paths.check_read_once)


def glob_with_register_and_survey(folder: Path) -> list[str]:
    """``pari score data/* --communes data/communes.csv --survey data/survey.csv``: the register
    and the survey read as assessments too: every column of the register unknown, no results."""
    files = _examples(folder)
    args = _score(folder)
    return [args[0], *(str(files[name]) for name in ("assessments_long", "communes", "survey")), *args[2:]]


def same_form_twice(folder: Path) -> list[str]:
    """The same assessments file named twice: 11,998 "repeated row" warnings, every row counted
    twice ("7,278 read"), exit 0."""
    args = _score(folder)
    return [args[0], args[1], args[1], *args[2:]]


def form_and_its_link(folder: Path) -> list[str]:
    """The assessments and a symbolic link to them (``latest.csv -> assessments_long.csv``)."""
    args = _score(folder)
    os.symlink("assessments_long.csv", folder / "latest.csv")
    return [args[0], args[1], str(folder / "latest.csv"), *args[2:]]


def survey_and_its_hard_link(folder: Path) -> list[str]:
    """``--survey survey.csv --survey khao-sat.csv`` where the second is a hard link to the first."""
    files = _examples(folder)
    os.link(files["survey"], folder / "khao-sat.csv")
    return _score(folder, "--survey", str(folder / "khao-sat.csv"))


def assessments_as_survey(folder: Path) -> list[str]:
    """``--survey assessments_long.csv`` (the wrong file picked): "no survey results"."""
    args = _score(folder)
    args[args.index("--survey") + 1] = args[1]
    return args


# ---------------------------------------------------------------------------------------------
# Options that contradict each other or do nothing without another (pipeline.check_options), and
# lineage rows that link nothing (ranking.lineage.read_lineage)


def no_survey_with_survey(folder: Path) -> list[str]:
    """``--survey survey.csv --no-survey``: scored with the survey, --no-survey not a word."""
    return _score(folder, "--no-survey")


def lineage_without_previous(folder: Path) -> list[str]:
    """``--lineage lineage.csv`` without ``--previous``: read (its warnings told), never used."""
    path = folder / "lineage.csv"
    path.write_text("old_code,new_code\n00001,00004\n", encoding="utf-8")
    return _score(folder, "--lineage", str(path))


#: The rows of lineage-codes-of-no-unit: a change of code, and three rows whose new code is no
#: unit of the example register (a typo 0004, a code of no unit, a split's second half).
LINEAGE_ROWS = ["old_code,new_code", "00002,00004", "00003,0004", "99999,99998", "00012,00013", "00012,00014"]


def lineage_codes_of_no_unit(folder: Path) -> list[str]:
    """A lineage table with rows whose new code is no unit of this run: left out without a word."""
    from hostile_paths import fake_results_folder

    path = folder / "lineage.csv"
    path.write_text("\n".join(LINEAGE_ROWS) + "\n", encoding="utf-8")
    return _score(folder, "--lineage", str(path), "--previous", str(fake_results_folder(folder)))


# ---------------------------------------------------------------------------------------------
# Names typed composed (NFC) of files whose names are decomposed (NFD) on disk, as a Mac's zip
# unpacks them (cli_params._InputPath, spelling.spelled_on_disk)


def _decomposed(name: str) -> str:
    return unicodedata.normalize("NFD", name)


def decomposed_inputs(folder: Path) -> list[str]:
    """``pari score "Đánh giá xã.csv" --communes "Dữ liệu/Danh sách.csv" …`` typed, where the
    folder and both files are named decomposed: "file not found" beside files of those very names."""
    files = _examples(folder)
    (folder / _decomposed("Dữ liệu")).mkdir()
    shutil.copy(files["communes"], folder / _decomposed("Dữ liệu") / _decomposed("Danh sách.csv"))
    shutil.copy(files["assessments_long"], folder / _decomposed("Đánh giá xã.csv"))
    args = _score(folder)
    args[args.index("--communes") + 1] = "Dữ liệu/Danh sách.csv"  # relative, composed: as typed
    return [args[0], str(folder / "Đánh giá xã.csv"), *args[2:]]


def decomposed_criteria_validate(folder: Path) -> list[str]:
    """``pari validate "Bộ tiêu chí.yaml"`` of a set whose name is decomposed on disk."""
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / _decomposed("Bộ tiêu chí.yaml"))
    return ["validate", "Bộ tiêu chí.yaml"]


def decomposed_results_report(folder: Path) -> list[str]:
    """``pari report "Kết quả.xlsx"`` of results named decomposed (the results of decomposed_inputs
    copied from a Mac)."""
    from hostile_paths import fake_results_folder

    fake_results_folder(folder).rename(folder / _decomposed("Kết quả"))
    return ["report", "Kết quả", "-o", str(folder / "report.html")]


# ---------------------------------------------------------------------------------------------
# Cases of other classes tried this session that already answered well (kept as they are)


def _assessments_text() -> str:
    return (EXAMPLES / "assessments_long.csv").read_bytes().decode("utf-8-sig")


def utf16le_without_bom(folder: Path) -> list[str]:
    """The assessments as UTF-16 little-endian without a byte-order mark: read, with an
    encoding-fallback warning."""
    files = _examples(folder)
    files["assessments_long"].write_bytes(_assessments_text().encode("utf-16-le"))
    return _score(folder)


def utf16be_with_bom(folder: Path) -> list[str]:
    files = _examples(folder)
    files["assessments_long"].write_bytes(codecs.BOM_UTF16_BE + _assessments_text().encode("utf-16-be"))
    return _score(folder)


def bom_starting_a_line(folder: Path) -> list[str]:
    """A byte-order mark at the start of line 51 (a file pasted in): the code is named, with the
    mark shown as <U+FEFF>."""
    files = _examples(folder)
    lines = _assessments_text().splitlines(keepends=True)
    lines[50] = "\ufeff" + lines[50]
    files["assessments_long"].write_text("".join(lines), encoding="utf-8")
    return _score(folder)


def two_sheet_workbook(path: Path, *, hide_second: bool = False) -> Path:
    """The example rows in a workbook of two sheets, ``data`` and ``tiếp`` (the second with the
    header again; hidden so that Excel's Unhide cannot show it, with ``hide_second``)."""
    import xlsxwriter

    rows = _rows("assessments_long.csv")
    with xlsxwriter.Workbook(str(path)) as workbook:
        for name, part in (("data", rows[:1800]), ("tiếp", [rows[0], *rows[1800:]])):
            sheet = workbook.add_worksheet(name)
            for r, row in enumerate(part):
                for c, text in enumerate(row):
                    if text:
                        sheet.write_string(r, c, text)
            if hide_second and name == "tiếp":
                sheet.very_hidden()
    return path


def two_data_sheets(folder: Path) -> list[str]:
    """A workbook of the example rows in two sheets (the second with the header again): all read."""
    return _score(folder, assessments=two_sheet_workbook(folder / "two.xlsx"))


def formulas_without_results(folder: Path) -> list[str]:
    """Every numeric value a formula (``=34+0``) with no saved result (a file written by a program,
    never opened in Excel): each named, never read as 0."""
    import xlsxwriter

    rows = _rows("assessments_long.csv")
    column = rows[0].index("value")
    path = folder / "formulas.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if r and c == column and text.isdigit():
                    sheet.write_formula(r, c, f"={text}+0", None, "")
                elif text:
                    sheet.write_string(r, c, text)
    return _score(folder, assessments=path)


def input_name_too_long(folder: Path) -> list[str]:
    """An assessments file named with 25 times "Đánh_giá_xã_" (over 255 bytes in UTF-8)."""
    return _score(folder, assessments=folder / ("Đánh_giá_xã_" * 25 + ".csv"))


CASES: dict[str, Case] = {
    "dash-assessments": dash_assessments,
    "dash-output": dash_output,
    "dash-register": dash_register,
    "dash-criteria": dash_criteria,
    "dash-cache": dash_cache,
    "dash-report-results": dash_report_results,
    "dash-template-output": dash_template_output,
    "dash-explain-results": dash_explain_results,
    "name-forged-line": forged_line_name,
    "name-retitling-missing": retitling_name_missing,
    "name-retitling-validate": retitling_name_validate,
    "name-escape-in-heading": escape_in_heading,
    "name-escape-in-sheet": escape_in_sheet_name,
    "twice-glob-register-survey": glob_with_register_and_survey,
    "twice-same-form": same_form_twice,
    "twice-symbolic-link": form_and_its_link,
    "twice-hard-link-survey": survey_and_its_hard_link,
    "twice-assessments-as-survey": assessments_as_survey,
    "options-no-survey-with-survey": no_survey_with_survey,
    "options-lineage-without-previous": lineage_without_previous,
    "lineage-codes-of-no-unit": lineage_codes_of_no_unit,
    "spelling-decomposed-inputs": decomposed_inputs,
    "spelling-decomposed-criteria-validate": decomposed_criteria_validate,
    "spelling-decomposed-results-report": decomposed_results_report,
    "well-utf16le-without-bom": utf16le_without_bom,
    "well-utf16be-with-bom": utf16be_with_bom,
    "well-bom-starting-a-line": bom_starting_a_line,
    "well-two-data-sheets": two_data_sheets,
    "well-formulas-without-results": formulas_without_results,
    "well-input-name-too-long": input_name_too_long,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "dash-assessments": (2, "path-is-dash", _INPUTS),
    "dash-output": (2, "path-is-dash", _INPUTS),
    "dash-register": (2, "path-is-dash", _INPUTS),
    "dash-criteria": (2, "path-is-dash", _INPUTS),
    "dash-cache": (2, "path-is-dash", _INPUTS),
    "dash-report-results": (2, "path-is-dash", ()),
    "dash-template-output": (2, "path-is-dash", ()),
    "dash-explain-results": (2, "path-is-dash", ()),
    "name-forged-line": (1, "missing-column", (f"{FORGED}.csv", *_INPUTS)),
    "name-retitling-missing": (1, "file-not-found", _INPUTS),
    "name-retitling-validate": (1, "yaml-syntax", ()),
    "name-escape-in-heading": (1, "unknown-column", ("wide.csv", *_INPUTS)),
    "name-escape-in-sheet": (1, "missing-column", ("form.xlsx", *_INPUTS)),
    "twice-glob-register-survey": (2, "input-given-twice", _INPUTS),
    "twice-same-form": (2, "input-given-twice", _INPUTS),
    "twice-symbolic-link": (2, "input-given-twice", _INPUTS),
    "twice-hard-link-survey": (2, "input-given-twice", (*_INPUTS, "khao-sat.csv")),
    "twice-assessments-as-survey": (2, "input-given-twice", _INPUTS),
    "options-no-survey-with-survey": (2, "no-survey-with-survey", _INPUTS),
    "options-lineage-without-previous": (2, "lineage-without-previous", (*_INPUTS, "lineage.csv")),
    "lineage-codes-of-no-unit": (0, None, (*_INPUTS, "lineage.csv")),
    "spelling-decomposed-inputs": (0, None, (*_INPUTS, _decomposed("Đánh giá xã.csv"))),
    "spelling-decomposed-criteria-validate": (0, None, (_decomposed("Bộ tiêu chí.yaml"),)),
    "spelling-decomposed-results-report": (0, None, (_decomposed("Kết quả") + "/summary.csv",)),
    "well-utf16le-without-bom": (0, None, _INPUTS),
    "well-utf16be-with-bom": (0, None, _INPUTS),
    "well-bom-starting-a-line": (1, "control-character", _INPUTS),
    "well-two-data-sheets": (0, None, ("two.xlsx", *_INPUTS)),
    "well-formulas-without-results": (1, "formula-without-value", ("formulas.xlsx", *_INPUTS)),
    "well-input-name-too-long": (1, "file-unreadable", _INPUTS),
}

#: Outputs each case must not have written (the case's folder).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    **{case: ("out.xlsx", "-") for case in CASES if case.startswith(("dash-", "twice-", "options-"))},
    "dash-report-results": ("report.html", "-"),
    "name-forged-line": ("out.xlsx",),
    "name-escape-in-sheet": ("out.xlsx",),
}
