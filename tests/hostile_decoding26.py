"""Hostile cases of the twenty-sixth session's helper decoding26: cells read as something else
than what the user saw, and parts of a file not used without a word.

- An OpenDocument register whose codes are numbers formatted ``00000`` by their row's default cell
  style (``table:default-cell-style-name`` on ``table:table-row``), and a survey whose codes are
  formatted so by a named style of styles.xml (the cells' automatic style a child of it): session 25
  read an .ods's format from a cell's own style or its column's only, and these codes read 1, 4, 7 …
  Measured before the fix: both runs exited 1, every row of the survey (the register's codes read
  1, 4, 7 …) or of the .ods survey (``commune 1 is not in the commune register``) ``unknown-commune``.

- An .ods survey whose error cell (a rate whose formula failed, ``#DIV/0!``) begins exactly where
  content.xml is read in two parts (every 4 MiB): the cell's shown text was in the second part and
  the finding named ``#ERROR``, a code no spreadsheet shows. Now the text is looked for in the next
  part.

- Column headings that differ from a known one only by the kind of separator or by Vietnamese
  marks: ``Commune code``, ``Criterion<NBSP>ID`` (the English ids as people write them), ``Ma xa``,
  ``Loai don vi``, ``Diem tham dinh`` (typed without Vietnamese input). Measured before the fix:
  the assessments and survey headed with spaces were refused (exit 1, ``missing-column`` saying
  "no column commune code …; found commune code, …"), the files headed without marks too (exit 1),
  and a register whose type column was headed ``Unit type`` was read with no types (exit 0, one
  ``register-without-types`` warning, 46 of the 60 communes' totals changed: five items excluded for
  every unit).

- An appraisal file with the council's reasons but none of the columns of corrections (``value``,
  ``score``, ``evidence_accepted``): 59 ``appraisal-no-correction`` errors, one a row, and no word
  that the file lacks the columns. Now ``appraisal-corrections-absent`` says it once.

- A results folder's ``summary.csv`` given to ``--previous`` (or to ``pari report``, ``explain
  --results``) instead of the folder, and a CSV table of another kind: "cannot read the results
  workbook (CalamineError …)", naming a library, and for pari's own table the hint "give a results
  file written by pari score". Now the folder to give is named.

- Input names typed in capitals (``DEADLINES``) or with spaces for underscores (``done on time``):
  measured before the fix, 2,581 ``unknown-input`` errors on the example (exit 1, 1,016 rows
  rejected and 1,565 partly used), while headings so written were read. Now an input name is matched without case
  or separators, as headings are; the commune's own fields named as inputs (``Self Score``) are
  still told (``unknown-input``), since those rows are taken apart before.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding26.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_decoding25 import _ODS_NS, _ODS_STYLES, ods_code, ods_error, ods_text
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: A named cell style «Mã đơn vị» of styles.xml, its data style padding to five digits.
NAMED_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODS_NS} office:version="1.3">'
    "<office:styles>"
    '<number:number-style style:name="N99"><number:number number:decimal-places="0" '
    'number:min-decimal-places="0" number:min-integer-digits="5"/></number:number-style>'
    '<style:style style:name="Default" style:family="table-cell"/>'
    '<style:style style:name="Mã đơn vị" style:family="table-cell" style:parent-style-name="Default" '
    'style:data-style-name="N99"/>'
    "</office:styles></office:document-styles>"
)
#: content.xml's automatic style of the codes: a child of «Mã đơn vị», with no data style of its own.
CHILD_STYLE = '<style:style style:name="ce9" style:family="table-cell" style:parent-style-name="Mã đơn vị"/>'


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def write_ods_rows(path: Path, rows: list[str], styles_xml: str = "", automatic: str = "") -> Path:
    """An .ods of one sheet «data» whose rows are written whole (``<table:table-row …>…``), with
    decoding25's automatic styles (and ``automatic`` beside them) and, given ``styles_xml``, a
    styles.xml, as LibreOffice writes both."""
    styles = _ODS_STYLES.replace("</office:automatic-styles>", f"{automatic}</office:automatic-styles>")
    edge = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.3">'
        f'{styles}<office:body><office:spreadsheet><table:table table:name="data">{"".join(rows)}{edge}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", _MANIFEST)
        package.writestr("content.xml", content)
        if styles_xml:
            package.writestr("styles.xml", styles_xml)
    return path


def _row(cells: list[str], attrs: str = "") -> str:
    return f"<table:table-row{attrs}>{''.join(cells)}</table:table-row>"


def ods_register_codes_by_row_style(folder: Path) -> list[str]:
    """The register as an .ods whose every row says its default cell style pads numbers to five
    digits (``<table:table-row table:default-cell-style-name="ce1">``), the codes' cells without a
    style of their own: LibreOffice shows 00001, 00004 …"""
    header, *rows = _rows("communes.csv")
    sheet = [_row([ods_text(name) for name in header])]
    padded = ' table:default-cell-style-name="ce1"'
    sheet += [_row([ods_code(row[0], styled=False), *(ods_text(text) for text in row[1:])], padded) for row in rows]
    args = _score(folder)
    args[args.index("--communes") + 1] = str(write_ods_rows(folder / "don-vi.ods", sheet))
    return args


def ods_survey_codes_by_named_style(folder: Path) -> list[str]:
    """The survey as an .ods whose codes' cells have an automatic style (``ce9``) that names no
    format of its own but inherits the named style «Mã đơn vị» of styles.xml, formatted 00000."""
    header, *rows = _rows("survey.csv")
    sheet = [_row([ods_text(name) for name in header])]
    for row in rows:
        code = ods_code(row[0], styled=False).replace("<table:table-cell ", '<table:table-cell table:style-name="ce9" ')
        sheet.append(_row([code, *(ods_text(text) for text in row[1:])]))
    path = write_ods_rows(folder / "khao-sat.ods", sheet, NAMED_STYLES, CHILD_STYLE)
    args = _score(folder)
    args[args.index("--survey") + 1] = str(path)
    return args


def ods_error_text_in_the_next_part(folder: Path) -> list[str]:
    """The survey as an .ods whose first rate is a formula that failed (#DIV/0!), its cell's start
    tag ending exactly at 4 MiB of content.xml, where the scan's second part begins: column styles
    nobody uses (a sheet's many formatted columns) fill the automatic styles before it."""
    from pari_index.intake.xlsx.limits import _CHUNK

    header, *rows = _rows("survey.csv")
    cells = [[ods_text(text) for text in row] for row in rows]
    cells[0][3] = ods_error("#DIV/0!", "0")
    sheet = [_row([ods_text(name) for name in header]), *(_row(row) for row in cells)]
    end = b'calcext:value-type="error">'
    with zipfile.ZipFile(write_ods_rows(folder / "khao-sat.ods", sheet)) as package:
        room = _CHUNK - package.read("content.xml").index(end) - len(end)
    style = '<style:style style:name="co{}" style:family="table-column"/>'
    filler, number = [], 0
    while room - sum(map(len, filler)) > 200:
        filler.append(style.format(number))
        number += 1
    filler.append(style.format("x" * (room - sum(map(len, filler)) - len(style.format("")))))
    path = write_ods_rows(folder / "khao-sat.ods", sheet, automatic="".join(filler))
    with zipfile.ZipFile(path) as package:
        assert package.read("content.xml")[:_CHUNK].endswith(end)
    args = _score(folder)
    args[args.index("--survey") + 1] = str(path)
    return args


def _headings(folder: Path, name: str, renamed: dict[str, str]) -> Path:
    """The example file ``name`` copied into ``folder`` with its headings ``renamed``."""
    header, *rows = _rows(name)
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([[renamed.get(h, h) for h in header], *rows])
    return path


def headings_with_spaces(folder: Path) -> list[str]:
    """The assessments and the survey headed as people write the English ids, with spaces
    (``commune code``, ``criterion id``, ``self score``) and a non-breaking space from a web page."""
    spaced = {"commune_code": "Commune code", "criterion_id": "Criterion\u00a0ID", "self_score": "Self score"}
    spaced |= {"evidence_file": "evidence-file"}
    _headings(folder, "assessments_long.csv", spaced)
    _headings(folder, "survey.csv", spaced)
    return _score(folder)


#: Headings typed without Vietnamese input (no marks), in every file of a run.
WITHOUT_MARKS = {
    "assessments_long.csv": {"commune_code": "Ma xa", "criterion_id": "Ma tieu chi", "value": "Gia tri"},
    "communes.csv": {"code": "Ma xa", "name": "Ten don vi", "type": "Loai don vi", "district": "Quan/Huyen"},
    "appraisal.csv": {"commune_code": "Ma xa", "criterion_id": "Tieu chi", "score": "Diem tham dinh"},
}


def headings_without_marks(folder: Path) -> list[str]:
    """Every file headed in Vietnamese typed without marks (``Ma xa``, ``Loai don vi``)."""
    for name, renamed in WITHOUT_MARKS.items():
        _headings(folder, name, renamed)
    return [*_score(folder), "--appraisal", str(folder / "appraisal.csv")]


def register_unit_type(folder: Path) -> list[str]:
    """The register's type column headed ``unit type`` (the results' own name, ``unit_type``, with a
    space): read as a note, the register had no types, and items for some unit types were excluded
    for every unit (46 of 60 communes' totals changed) under one warning, exit 0."""
    _headings(folder, "communes.csv", {"type": "Unit type"})
    return _score(folder)


def appraisal_without_correction_columns(folder: Path) -> list[str]:
    """The example appraisal file saved with the columns of its reasons alone (commune, item,
    reason, appraiser: the council's points and decisions left in another sheet): its 59 rows were
    told one by one that they correct nothing, never that the file has no column of corrections."""
    header, *rows = _rows("appraisal.csv")
    kept = [header.index(name) for name in ("commune_code", "criterion_id", "reason", "appraiser")]
    path = folder / "appraisal.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([[row[i] for i in kept] for row in [header, *rows]])
    return [*_score(folder), "--appraisal", str(path)]


def previous_summary_of_a_results_folder(folder: Path) -> list[str]:
    """Last year's results written with ``--format csv`` (a folder), and the folder's summary.csv
    given to ``--previous`` instead of the folder: told "cannot read the results workbook (lỗi
    CalamineError của thư viện đọc bảng tính)", hint "give a results file written by pari score"."""
    last = folder / "nam-truoc"
    last.mkdir()
    (last / "about.csv").write_text("key,value\npari_version,0.26\n", encoding="utf-8")
    (last / "summary.csv").write_text("commune_code,rank,index\n00001,1,94.3\n", encoding="utf-8")
    return [*_score(folder), "--previous", str(last / "summary.csv")]


def input_names_in_capitals(folder: Path) -> list[str]:
    """The assessments with their input names typed in capitals (``DEADLINES``, ``TASKS_DONE``),
    and with spaces for underscores on a commune's rows (``done on time``)."""
    header, *rows = _rows("assessments_long.csv")
    column = header.index("input")
    for row in rows:
        row[column] = row[column].replace("_", " ") if row[0] == "00004" else row[column].upper()
    path = folder / "tu-danh-gia.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return _score(folder, assessments=path)


CASES: dict[str, Case] = {
    "well-ods-codes-row-style": ods_register_codes_by_row_style,
    "well-ods-codes-named-style": ods_survey_codes_by_named_style,
    "excel-error-cell-ods-next-part": ods_error_text_in_the_next_part,
    "well-headings-with-spaces": headings_with_spaces,
    "well-headings-without-marks": headings_without_marks,
    "well-register-unit-type": register_unit_type,
    "appraisal-corrections-absent": appraisal_without_correction_columns,
    "not-results-summary-of-a-folder": previous_summary_of_a_results_folder,
    "well-input-names-in-capitals": input_names_in_capitals,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "well-ods-codes-row-style": (0, None, (*_INPUTS, "don-vi.ods")),
    "well-ods-codes-named-style": (0, None, (*_INPUTS, "khao-sat.ods")),
    "excel-error-cell-ods-next-part": (1, "excel-error-cell", (*_INPUTS, "khao-sat.ods")),
    "well-headings-with-spaces": (0, None, _INPUTS),
    "well-headings-without-marks": (0, None, (*_INPUTS, "appraisal.csv")),
    # Exit 0 before too: tests/test_hostile_decoding26.py looks for the types in the results.
    "well-register-unit-type": (0, None, _INPUTS),
    "appraisal-corrections-absent": (1, "appraisal-corrections-absent", (*_INPUTS, "appraisal.csv")),
    "not-results-summary-of-a-folder": (1, "not-results", (*_INPUTS, "nam-truoc/summary.csv", "nam-truoc/about.csv")),
    "well-input-names-in-capitals": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"not-results-summary-of-a-folder": ("out.xlsx",)}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
