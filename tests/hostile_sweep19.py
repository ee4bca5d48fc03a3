"""Hostile cases of the nineteenth session's sweep: a web address given for a path (a link copied
from Google Drive, OneDrive or a browser's address bar) was "file not found" with its ``//``
folded (``https:/drive.google.com/…``): now ``path-is-url``, before anything is read; a path
holding what a shell replaces, left as written because it was quoted (``-o "~/ket qua.xlsx"``,
``$HOME/…``, cmd's ``%USERPROFILE%\\…``), wrote its results into a new folder named ``~`` of the
current one, or was "file not found": now ``path-not-expanded``, unless such a folder exists;
``-o /dev/full`` was "a file of that name exists" (a name without an ending is a folder of tables):
now ``output-special-file``, said first; a date with a time of day (``04/06/2025 08:30``, an Excel
date-and-time cell) or in the form of Vietnamese documents (``ngày 04 tháng 6 năm 2025``) was
``bad-value`` with the hint about Excel error values: now read as the day written (a time with a
zone other than midnight is still refused); a date with words beside it (``04/6/2025 (đã ký)``,
``72/KH-UBND ngày 04/6/2025``) is ``implausible-date`` naming the date to write alone; a column
name holding a character nothing shows (a zero-width space, a soft hyphen, a word joiner: a header
copied from a web page or a Word table) was an unknown or missing column, the file refused or its
values ignored: such characters are dropped from column names. Headings over two rows (a
group heading merged across its columns, their names in the row below) lost every evidence field
of a form: now read as one row of headings. Two criteria sets pasted into one file were
``yaml-syntax`` with the hint about indentation: now ``yaml-documents``. Under a small address
space (``ulimit -v`` 300 MB) the example run aborted in the allocator, or blamed the register as
``csv-syntax``: now ``memory-limit``, before anything is read (``RESOURCE_LIMITS``). The
decision's annex in Excel, or the decision as a PDF, given as the criteria set was "not UTF-8 text
(byte 10)", "save the file as UTF-8": now ``criteria-is-document``, pointing to ``pari criteria
import``. A yes/no answer with a note after it (``có (QĐ 123/QĐ-UBND)``, ``Có.``) was "not yes/no"
with the hint about Excel error values: now ``answer-with-words``, naming the answer. A pipe
closed by the program reading (``pari validate *.yaml | head -1``) ended in a traceback (exit
120), and ``pari score … 2>&1 | head -1`` in "os-error: Broken pipe", exit 1: those are tests of
their own (tests/test_hostile_sweep19.py), a case being a command line and files.

Cases of other classes tried this session that already answered well are kept so that they stay
so (``well-``): /dev/null and a folder as the assessments, superscript, circled and vulgar-fraction
digits, the Unicode minus sign, a criteria set with ``.nan`` points, a Python tag, ``pari
validate`` under 300 MB, a merged heading over a row of data, ``CON`` and a Vietnamese report
name over 255 bytes as outputs, a folder really named ``~``, Excel's lock-file name ``~$…`` not
found, a time with a zone, two dates in one cell, and a zipped criteria set.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep19.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import datetime as dt
import resource
import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, EXAMPLES, _examples, _rows, _score
from hostile_sweep14 import _csv
from hostile_sweep16 import _table_workbook

Case = Callable[[Path], list[str]]
HA_NOI = CRITERIA / "ha-noi-2025-commune.yaml"


# ---------------------------------------------------------------------------------------------
# A web address or an unexpanded ``~`` for a path


def _path_for(option: str, given: str) -> Case:
    """The example run with the path of ``option`` (``ASSESSMENTS``, ``--communes``, ``-o`` …)
    replaced by ``given``, as typed (relative to the run's folder)."""

    def case(folder: Path) -> list[str]:
        args = _score(folder)
        at = 1 if option == "ASSESSMENTS" else args.index(option) + 1
        args[at] = given
        return args

    return case


def url_report_results(folder: Path) -> list[str]:
    """``pari report https://…/ket-qua.xlsx``: results shared as a SharePoint link."""
    return ["report", "https://ubnd.sharepoint.com/sites/cchc/Shared%20Documents/ket-qua.xlsx", "-o", "page.html"]


def url_validate_file_address(folder: Path) -> list[str]:
    """``pari validate file:///…``: the address bar of a browser that opened the set."""
    shutil.copy(HA_NOI, folder / "bo tieu chi.yaml")
    return ["validate", (folder / "bo tieu chi.yaml").as_uri()]


def tilde_report(folder: Path) -> list[str]:
    """``--report "~/bao cao.html"``: the report's name quoted for its space, ``~`` with it."""
    return [*_score(folder), "--report", "~/bao cao.html"]


def dollar_home_template(folder: Path) -> list[str]:
    """``pari template -o '$HOME/mau.xlsx'`` (single quotes, as a script written for PowerShell)."""
    return ["template", "-o", "$HOME/mau.xlsx"]


def tilde_folder_exists(folder: Path) -> list[str]:
    """A folder really named ``~`` (made by an earlier run) holding the register: read as named."""
    args = _score(folder)
    (folder / "~").mkdir()
    shutil.move(folder / "communes.csv", folder / "~" / "communes.csv")
    args[args.index("--communes") + 1] = "~/communes.csv"
    return args


def lock_file_name_missing(folder: Path) -> list[str]:
    """``~$danh-gia.xlsx`` (Excel's lock file's name) not there: not a variable, not found."""
    return _path_for("ASSESSMENTS", "~$danh-gia.xlsx")(folder)


def output_dev_full(folder: Path) -> list[str]:
    """``-o /dev/full``: a device, named so (it was "a file of that name exists")."""
    return _path_for("-o", "/dev/full")(folder)


# ---------------------------------------------------------------------------------------------
# Dates with a time of day, in the Vietnamese form, with words beside them


def _dated(values: list[str], *, workbook: bool = False) -> Case:
    """The example assessments with the evidence date of the first rows of as many of commune
    00001's items as ``values`` replaced by them, scored."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        seen: set[str] = set()
        left = list(values)
        for row in rows[1:]:
            if left and row[6] and row[1] not in seen and row[0] == "00001":
                seen.add(row[1])
                row[6] = left.pop(0)
        assert not left
        if workbook:
            return _score(folder, assessments=_table_workbook(folder / "form.xlsx", rows))
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


def dates_with_time_cells(folder: Path) -> list[str]:
    """An assessments workbook whose evidence dates are Excel date-and-time cells (08:30)."""
    import xlsxwriter

    _examples(folder)
    rows = _rows("assessments_long.csv")
    path = folder / "form.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        stamp = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if r and c == 6 and text:
                    day = dt.datetime.strptime(text, "%d/%m/%Y").replace(hour=8, minute=30)
                    sheet.write_datetime(r, c, day, stamp)
                elif text:
                    sheet.write_string(r, c, text)
    return _score(folder, assessments=path)


def _signed_on(value: str) -> Case:
    """Commune 00001's plan signed on ``value`` (item 1.1.1's date input, a value cell)."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        for row in rows[1:]:
            if row[:2] == ["00001", "1.1.1"]:
                row[3] = value
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


# ---------------------------------------------------------------------------------------------
# Column names holding characters nothing shows


def _header(name: str, column: int, text: str) -> Case:
    """The example ``name`` (assessments_long, communes or survey) with its header ``column``
    written ``text``, scored."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows(f"{name}.csv")
        rows[0][column] = text
        files[name].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


# ---------------------------------------------------------------------------------------------
# Headings over two rows


#: The example's headings in Vietnamese, as a province's form names them.
_VIETNAMESE = ["Mã xã", "Tiêu chí", "Đầu vào", "Giá trị", "Điểm tự chấm", "Số văn bản", "Ngày văn bản"]
_VIETNAMESE += ["Tệp minh chứng", "Giải trình", "Không áp dụng"]


def _two_row_headings(*, vietnamese: bool = False, data_below: bool = False, bad_first: bool = False) -> Case:
    """The long form as a workbook whose evidence columns (F:H) sit under a group heading
    ``Minh chứng`` merged across F1:H1, their own names in row 2, every other heading merged
    down A1:A2 … (as printed forms have them). ``data_below``: no row of names, the data starts
    in row 2 under the merged heading. ``bad_first``: the second row of data (sheet row 4) holds
    an answer that is no yes or no, to see its row number."""

    def case(folder: Path) -> list[str]:
        import xlsxwriter

        _examples(folder)
        rows = _rows("assessments_long.csv")
        names = _VIETNAMESE if vietnamese else rows[0]
        data = rows[1:]
        if bad_first:
            data[1][3] = "nhiều"
        path = folder / "form.xlsx"
        with xlsxwriter.Workbook(str(path)) as workbook:
            sheet = workbook.add_worksheet("Biểu tự đánh giá")
            sheet.merge_range(0, 5, 0, 7, "Minh chứng")
            first = 1
            if not data_below:
                for c, text in enumerate(names):
                    if 5 <= c <= 7:
                        sheet.write_string(1, c, text)
                    else:
                        sheet.merge_range(0, c, 1, c, text)
                first = 2
            else:
                for c, text in enumerate(names):
                    if not 5 <= c <= 7:
                        sheet.write_string(0, c, text)
            for r, row in enumerate(data, first):
                for c, text in enumerate(row):
                    if text:
                        sheet.write_string(r, c, text)
        return _score(folder, assessments=path)

    return case


def register_two_row_headings(folder: Path) -> list[str]:
    """The register as a workbook whose district and province sit under «Địa bàn» merged across
    D1:E1, ranked by district (which the first row alone did not name)."""
    import xlsxwriter

    _examples(folder)
    rows = _rows("communes.csv")
    path = folder / "danh-sach.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("Danh sách")
        sheet.merge_range(0, 3, 0, 4, "Địa bàn")
        for c, text in enumerate(rows[0]):
            if c in (3, 4):
                sheet.write_string(1, c, text)
            else:
                sheet.merge_range(0, c, 1, c, text)
        for r, row in enumerate(rows[1:], 2):
            for c, text in enumerate(row):
                sheet.write_string(r, c, text)
    args = _score(folder, "--group-by", "district")
    args[args.index("--communes") + 1] = str(path)
    return args


# ---------------------------------------------------------------------------------------------
# Cases of other classes that answered well


def _assessments_is(path: str) -> Case:
    def case(folder: Path) -> list[str]:
        if path == "folder":
            (folder / "danh-gia").mkdir()
            return _path_for("ASSESSMENTS", "danh-gia")(folder)
        return _path_for("ASSESSMENTS", path)(folder)

    return case


def _answered(values: list[str], column: int = 3) -> Case:
    """Commune 00001's first yes/no cells (``có`` or ``không``) of the value column (3) or
    of the N/A column (9: its first cells, empty) replaced by ``values``."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        left = list(values)
        for row in rows[1:]:
            if left and row[0] == "00001" and (row[3] in ("có", "không") if column == 3 else not row[column]):
                row[column] = left.pop(0)
        assert not left
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


def _valued(values: list[str], column: int = 3) -> Case:
    """Commune 00001's first number cells, one an item, of the value (3) or self-score (4)
    column replaced by ``values``."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        seen: set[str] = set()
        left = list(values)
        for row in rows[1:]:
            number = row[column].replace(".", "", 1).isdigit()
            if left and row[0] == "00001" and number and row[1] not in seen and "/" not in row[3]:
                seen.add(row[1])
                row[column] = left.pop(0)
        assert not left
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


def _criteria_changed(old: str, new: str) -> Case:
    def case(folder: Path) -> list[str]:
        text = HA_NOI.read_text(encoding="utf-8")
        assert old in text
        path = folder / "bo-tieu-chi.yaml"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return ["validate", str(path)]

    return case


def two_yaml_documents(folder: Path) -> list[str]:
    """Two criteria sets pasted into one file, ``---`` between them."""
    path = folder / "bo-tieu-chi.yaml"
    hai_phong = (CRITERIA / "hai-phong-2022-commune.yaml").read_text(encoding="utf-8")
    path.write_text(HA_NOI.read_text(encoding="utf-8") + "\n---\n" + hai_phong, encoding="utf-8")
    return ["validate", str(path)]


def annex_as_criteria(folder: Path) -> list[str]:
    """``pari validate phu-luc.xlsx``: the decision's annex in Excel given as the criteria set."""
    shutil.copy(EXAMPLES / "annex" / "phu-luc-mau.xlsx", folder / "phu-luc.xlsx")
    return ["validate", str(folder / "phu-luc.xlsx")]


def decision_pdf_as_criteria(folder: Path) -> list[str]:
    """``--criteria quyet-dinh.pdf``: the decision itself, scanned to a PDF."""
    (folder / "quyet-dinh.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return [*_score(folder), "--criteria", str(folder / "quyet-dinh.pdf")]


def zipped_criteria(folder: Path) -> list[str]:
    """A criteria set sent zipped: still ``compressed-file``, naming what is inside."""
    import zipfile

    with zipfile.ZipFile(folder / "bo-tieu-chi.zip", "w") as archive:
        archive.write(HA_NOI, "ha-noi-2025-commune.yaml")
    return ["validate", str(folder / "bo-tieu-chi.zip")]


def report_name_over_255_bytes(folder: Path) -> list[str]:
    """A report named with 205 Vietnamese characters: fewer than 255, but over 255 bytes in UTF-8."""
    name = ("Báo cáo xếp hạng chỉ số cải cách hành chính các xã phường " * 4)[:200] + ".html"
    assert len(name) < 255 < len(name.encode("utf-8"))
    return [*_score(folder), "--report", str(folder / name)]


def report_of_results(folder: Path) -> list[str]:
    """``pari report`` of a small results folder (as ``--format csv`` writes one)."""
    from hostile_paths import fake_results_folder

    return ["report", str(fake_results_folder(folder)), "-o", "page.html"]


def validate_ha_noi(folder: Path) -> list[str]:
    return ["validate", str(HA_NOI)]


CASES: dict[str, Case] = {
    "url-assessments-drive-link": _path_for("ASSESSMENTS", "https://drive.google.com/file/d/1AbC/view?usp=sharing"),
    "url-register-onedrive": _path_for("--communes", "https://onedrive.live.com/download?resid=ABC&file=xa.xlsx"),
    "url-report-results": url_report_results,
    "url-validate-file-address": url_validate_file_address,
    "unexpanded-output-tilde": _path_for("-o", "~/ket qua.xlsx"),
    "unexpanded-report-tilde": tilde_report,
    "unexpanded-register-userprofile": _path_for("--communes", "%USERPROFILE%\\Desktop\\danh-sach.csv"),
    "unexpanded-template-dollar-home": dollar_home_template,
    "well-folder-really-named-tilde": tilde_folder_exists,
    "well-lock-file-name-not-found": lock_file_name_missing,
    "device-output-dev-full": output_dev_full,
    "dates-time-of-day-evidence": _dated(["04/06/2025 08:30", "2025-06-26 14:05:00", "11/10/2025 8:30 SA"]),
    "dates-time-of-day-cells": dates_with_time_cells,
    "dates-vietnamese-form": _dated(["ngày 04 tháng 6 năm 2025", "Ngày 26 tháng 06, 2025", "ngày 11/10/2025"]),
    "dates-vietnamese-form-value": _signed_on("ngày 04 tháng 6 năm 2025"),
    "dates-words-beside-evidence": _dated(["04/6/2025 (đã ký)", "72/KH-UBND ngày 26/6/2025"]),
    "dates-words-beside-workbook": _dated(["Hà Nội, ngày 04 tháng 6 năm 2025"], workbook=True),
    "dates-words-beside-value": _signed_on("ký ngày 04/06/2025"),
    "well-dates-zone-afternoon": _dated(["2025-06-03T17:00:00Z"]),
    "well-dates-two-dates": _dated(["04/06/2025 - 05/06/2025"]),
    "header-zero-width-criterion": _header("assessments_long", 1, "criterion\u200b_id"),
    "header-soft-hyphen-value": _header("assessments_long", 3, "val\u00adue"),
    "header-word-joiner-register-code": _header("communes", 0, "\u2060code"),
    "header-zero-width-survey-value": _header("survey", 3, "value\u200b"),
    "headings-two-rows": _two_row_headings(),
    "headings-two-rows-vietnamese": _two_row_headings(vietnamese=True),
    "headings-two-rows-row-numbers": _two_row_headings(bad_first=True),
    "headings-two-rows-register": register_two_row_headings,
    "well-merged-heading-over-data": _two_row_headings(data_below=True),
    "memory-limit-300-mb-score": _path_for("-o", "out.xlsx"),
    "memory-limit-300-mb-report": report_of_results,
    "well-memory-limit-validate": validate_ha_noi,
    "answer-with-words-notes": _answered(["có (QĐ 123/QĐ-UBND)", "Không, vì chưa ban hành", "Có.", "Đạt (100%)"]),
    "answer-with-words-tick": _answered(["✓ đã ký"]),
    "well-answer-letters-alone": _answered(["K", "C", "x2"]),
    "well-answer-invisible-character": _answered(["có\u200b"]),
    "well-input-dev-null": _assessments_is("/dev/null"),
    "well-input-folder": _assessments_is("folder"),
    "well-superscript-digits": _valued(["5²", "³"]),
    "well-circled-digits": _valued(["①", "⑫"]),
    "well-unicode-minus": _valued(["−5"]),
    "well-vulgar-fraction-self-score": _valued(["½"], column=4),
    "well-yaml-nan-points": _criteria_changed("max: 1.5", "max: .nan"),
    "well-yaml-python-tag": _criteria_changed("scale: 100", "scale: !!python/object/apply:os.system [echo hi]"),
    "yaml-documents-two-sets-pasted": two_yaml_documents,
    "criteria-is-document-annex": annex_as_criteria,
    "criteria-is-document-pdf-score": decision_pdf_as_criteria,
    "well-criteria-zipped": zipped_criteria,
    "well-output-windows-con": _path_for("-o", "CON"),
    "well-report-name-over-255-bytes": report_name_over_255_bytes,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_FORM = ("form.xlsx", "communes.csv", "survey.csv")

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "url-assessments-drive-link": (2, "path-is-url", ("communes.csv", "survey.csv")),
    "url-register-onedrive": (2, "path-is-url", ("assessments_long.csv", "survey.csv")),
    "url-report-results": (2, "path-is-url", ()),
    "url-validate-file-address": (2, "path-is-url", ("bo tieu chi.yaml",)),
    "unexpanded-output-tilde": (2, "path-not-expanded", _INPUTS),
    "unexpanded-report-tilde": (2, "path-not-expanded", _INPUTS),
    "unexpanded-register-userprofile": (2, "path-not-expanded", ("assessments_long.csv", "survey.csv")),
    "unexpanded-template-dollar-home": (2, "path-not-expanded", ()),
    "well-folder-really-named-tilde": (0, None, ("~/communes.csv", "assessments_long.csv", "survey.csv")),
    "well-lock-file-name-not-found": (1, "file-not-found", ("communes.csv", "survey.csv")),
    "device-output-dev-full": (4, "output-special-file", _INPUTS),
    "dates-time-of-day-evidence": (0, None, _INPUTS),
    "dates-time-of-day-cells": (0, None, _FORM),
    "dates-vietnamese-form": (0, None, _INPUTS),
    "dates-vietnamese-form-value": (0, None, _INPUTS),
    "dates-words-beside-evidence": (1, "implausible-date", _INPUTS),
    "dates-words-beside-workbook": (1, "implausible-date", _FORM),
    "dates-words-beside-value": (1, "implausible-date", _INPUTS),
    "well-dates-zone-afternoon": (1, "bad-value", _INPUTS),
    "well-dates-two-dates": (1, "bad-value", _INPUTS),
    "header-zero-width-criterion": (0, None, _INPUTS),
    "header-soft-hyphen-value": (0, None, _INPUTS),
    "header-word-joiner-register-code": (0, None, _INPUTS),
    "header-zero-width-survey-value": (0, None, _INPUTS),
    "headings-two-rows": (0, None, _FORM),
    "headings-two-rows-vietnamese": (0, None, _FORM),
    "headings-two-rows-row-numbers": (1, "bad-value", _FORM),
    "headings-two-rows-register": (0, None, ("danh-sach.xlsx", "assessments_long.csv", "survey.csv")),
    "well-merged-heading-over-data": (1, "merged-cells", _FORM),
    "memory-limit-300-mb-score": (2, "memory-limit", _INPUTS),
    "memory-limit-300-mb-report": (2, "memory-limit", ("res/summary.csv", "res/about.csv")),
    "well-memory-limit-validate": (0, None, ()),
    "answer-with-words-notes": (1, "answer-with-words", _INPUTS),
    "answer-with-words-tick": (1, "answer-with-words", _INPUTS),
    "well-answer-letters-alone": (1, "bad-value", _INPUTS),
    # Read as the «có» it shows since the review of session 34 (answers fold characters nothing
    # shows and look-alike letters as names do); refused as bad-value, the character shown, before.
    "well-answer-invisible-character": (0, None, _INPUTS),
    "well-input-dev-null": (1, "not-a-file", ("communes.csv", "survey.csv")),
    "well-input-folder": (1, "is-a-directory", ("communes.csv", "survey.csv")),
    "well-superscript-digits": (1, "number-with-words", _INPUTS),
    "well-circled-digits": (1, "bad-value", _INPUTS),
    # Since session 38 «−5» is read as the clerk sees it, -5 (values.as_shown): a count below 0.
    "well-unicode-minus": (1, "negative-value", _INPUTS),
    "well-vulgar-fraction-self-score": (1, "bad-value", _INPUTS),
    "well-yaml-nan-points": (1, "schema:value_error", ("bo-tieu-chi.yaml",)),
    "well-yaml-python-tag": (1, "yaml-tag-refused", ("bo-tieu-chi.yaml",)),
    "yaml-documents-two-sets-pasted": (1, "yaml-documents", ("bo-tieu-chi.yaml",)),
    "criteria-is-document-annex": (1, "criteria-is-document", ("phu-luc.xlsx",)),
    "criteria-is-document-pdf-score": (1, "criteria-is-document", ("quyet-dinh.pdf", *_INPUTS)),
    "well-criteria-zipped": (1, "compressed-file", ("bo-tieu-chi.zip",)),
    "well-output-windows-con": (4, "output-name-not-portable", _INPUTS),
    "well-report-name-over-255-bytes": (4, "output-name-too-long", _INPUTS),
}

#: Names nothing may be written under (the results of a refused run).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "url-assessments-drive-link": ("out.xlsx", "https:"),
    "url-register-onedrive": ("out.xlsx", "https:"),
    "url-report-results": ("page.html", "https:"),
    "unexpanded-output-tilde": ("~",),
    "unexpanded-report-tilde": ("~", "out.xlsx"),
    "unexpanded-register-userprofile": ("out.xlsx",),
    "unexpanded-template-dollar-home": ("$HOME",),
    "device-output-dev-full": ("out.xlsx",),
    "well-output-windows-con": ("CON",),
    "criteria-is-document-pdf-score": ("out.xlsx",),
    "memory-limit-300-mb-score": ("out.xlsx",),
    "memory-limit-300-mb-report": ("page.html",),
}

#: Process limits of a case (``resource.setrlimit`` in the child; benchmarks/hostile.py sets them
#: too). Under 300 MB of address space the example run aborted in the allocator (signal 6), or
#: reported polars' failure as a ``csv-syntax`` error of the register, or an internal error.
RESOURCE_LIMITS: dict[str, dict[int, int]] = {
    "memory-limit-300-mb-score": {resource.RLIMIT_AS: 300 << 20},
    "memory-limit-300-mb-report": {resource.RLIMIT_AS: 300 << 20},
    "well-memory-limit-validate": {resource.RLIMIT_AS: 300 << 20},
}
