"""Hostile cases of the ninth session's sweep: the whole class of Windows device names, merged
ranges that hide no value, the CSV files a results workbook writes beside itself, and the files a
spreadsheet export or an office's own habits produce.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep9.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import XLSX_ROWS, _example_csv, _example_rows_xml, _score


def template_conin(folder: Path) -> list[str]:
    """``CONIN$`` is the console's input on Windows: a file of that name cannot be made there."""
    return ["template", "-o", str(folder / "CONIN$.xlsx")]


def score_conout_folder(folder: Path) -> list[str]:
    """``conout$ .d`` (another case, a space before the extension) as a folder the run would create
    for its results."""
    return _score(folder, out="conout$ .d/out.xlsx")


def xlsx_merged_beside_and_below(folder: Path) -> list[str]:
    """200,000 merged ranges below the table and 1,000 beside it (empty cells on the table's rows):
    none hides a value. They gave 1,000 error findings (and one counting the rest) although every
    row was read."""
    from hostile_xlsx import sheet_xml, write_package

    below = "".join(f'<mergeCell ref="F{r}:G{r}"/>' for r in range(XLSX_ROWS + 1, XLSX_ROWS + 200_001))
    beside = "".join(f'<mergeCell ref="K{r}:L{r}"/>' for r in range(1, 1001))
    after = f'<mergeCells count="201000">{below}{beside}</mergeCells>'
    path = write_package(folder / "merged.xlsx", sheet_xml(_example_rows_xml(), after=after))
    _example_csv(folder)
    return _score(folder, assessments=path)


def overflow_csv_of_user(folder: Path) -> list[str]:
    """``-o out.xlsx`` beside the user's own ``out.criteria.csv``: a run whose criteria table
    overflows a sheet writes that file, and it was replaced unchecked."""
    (folder / "out.criteria.csv").write_text("tiêu chí,ghi chú\n1.1.1,của tôi\n", encoding="utf-8")
    return _score(folder)


def _named_evidence(folder: Path, form: str) -> Path:
    """The example assessments with every evidence file named "Kế hoạch …" in a folder "Hồ sơ",
    and that folder of files named in ``form`` (NFC as typed on Windows, NFD as unpacked from a
    Mac's zip); returns the evidence folder."""
    import unicodedata

    from hostile_sweep8 import _csv_text, _rows

    rows = _rows("assessments_long.csv")
    evidence = folder / unicodedata.normalize(form, "minh chứng")
    (evidence / unicodedata.normalize(form, "Hồ sơ")).mkdir(parents=True)
    for row in rows[1:]:
        if row[7]:
            row[7] = f"Hồ sơ/Kế hoạch {row[7]}"
            (evidence / unicodedata.normalize(form, row[7])).write_bytes(b"%PDF-1.4\n")
    (folder / "assessments_long.csv").write_text(_csv_text(rows, ","), encoding="utf-8")
    return evidence


def evidence_names_decomposed(folder: Path) -> list[str]:
    """Evidence files named with Vietnamese letters, decomposed on disk: every one was "not found"
    (2,006 findings for the example files, and each item scored 0 under missing_evidence: zero)."""
    evidence = _named_evidence(folder, "NFD")
    return _score(folder, "--evidence-dir", str(evidence))


def instructions_sheet_decomposed(folder: Path) -> list[str]:
    """A filled-in form whose instructions sheet is named "Hướng dẫn" decomposed (NFD) and another
    "Hướng dẫn " with a space after it: each was read as a table of assessments and refused
    (missing-column, exit 1) instead of being passed over as instructions."""
    import unicodedata

    import openpyxl
    from hostile_sweep8 import _rows

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = unicodedata.normalize("NFD", "Hướng dẫn")
    first.append(["Điền mỗi dòng một tiêu chí"])
    book.create_sheet("hướng dẫn ").append(["Cột value: giá trị"])
    data = book.create_sheet("data")
    for row in _rows("assessments_long.csv")[:XLSX_ROWS]:
        data.append(row)
    book.save(folder / "form.xlsx")
    _example_csv(folder)
    return _score(folder, assessments=folder / "form.xlsx")


def xlsx_declared_strings(folder: Path) -> list[str]:
    """A 1 KB workbook whose sharedStrings.xml declares ``uniqueCount="4000000000"`` and holds one
    string: calamine reserved room for all of them first (96 GB) and aborted, exit -6 with a Rust
    backtrace."""
    from hostile_xlsx import MAIN_NS, header_row, sheet_xml, write_package

    shared = f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="4000000000"><si><t>x</t></si></sst>'
    path = write_package(folder / "strings.xlsx", sheet_xml(header_row()), shared_strings=shared)
    return _score(folder, assessments=path)


Case = Callable[[Path], list[str]]

CASES: dict[str, Case] = {
    "owner-device-conin": template_conin,
    "owner-device-conout-folder": score_conout_folder,
    "owner-overflow-csv-of-user": overflow_csv_of_user,
    "xlsx-merged-beside-and-below": xlsx_merged_beside_and_below,
    "evidence-names-decomposed": evidence_names_decomposed,
    "xlsx-instructions-sheet-decomposed": instructions_sheet_decomposed,
    "xlsx-declared-4e9-strings": xlsx_declared_strings,
}

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "owner-device-conin": (4, "output-name-not-portable", ()),
    "owner-device-conout-folder": (4, "output-name-not-portable", ()),
    "owner-overflow-csv-of-user": (4, "output-not-pari", ("out.criteria.csv",)),
    "xlsx-merged-beside-and-below": (0, None, ()),
    "evidence-names-decomposed": (0, None, ()),
    "xlsx-instructions-sheet-decomposed": (0, None, ()),
    "xlsx-declared-4e9-strings": (1, "too-many-strings", ()),
}
