"""Hostile cases of the twentieth session's sweep: an appraisal score outside the points its item
can give (``5`` for an item of at most 2, ``-1`` where the floor is 0, ``1`` for a penalty) was the
item's final score as written, so a commune's index could pass 100 %, with no finding: now
``appraisal-score-out-of-range``, the row rejected and the score not used; a score written ``50%`` was read
as 50 points: now ``bad-score``. A survey whose percentages are fractions of one (``0.961`` for
96.1 %: cells Excel holds as fractions, exported as plain numbers) gave every commune about a
hundredth of its survey points, with no finding: now ``percent-as-fraction`` at each cell (the
lead's check, which this sweep's warning met at the merge), and a survey that gives nothing stops
the run. ``150%`` above 100 was said "150% % is above 100 %": now "150 %". Units whose
register leaves empty the column they are ranked within were ranked among themselves without a
word: now the warning ``group-value-empty``. A council's score for an item that does not apply to the unit (3.5.1, of
communes, given to a ward) was shown as its appraised score and its row counted as applied, the
score not used: now the warning ``appraisal-on-excluded-item``. A lineage row whose new code had
results of its own last year (``00002,00001``), or whose old code is still scored this year
(``00004,00007``), made a comparison with last year that passed over or counted twice a unit's own
results, without a word: now the warnings ``lineage-own-results-passed-over`` and
``lineage-old-code-still-a-unit``, naming the row. A date input ten years early (``04/06/2015``
for 2025, a slip in the year) met its deadline and scored in full: now the warning
``date-far-from-year`` at its cell (a plan signed late in the year before says nothing).

Cases of other classes tried this session that already answered well are kept so that they stay
so (``well-``): an .xlsx whose zip has data descriptors or a ZIP64 directory, an .xls and an .ods
named .xlsx, a register named decomposed (NFD) on disk and typed composed, an appraisal of a unit
that sent nothing, a penalty's appraised score below 0, one percentage of a survey written 0,85
among the others out of 100.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep20.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import html
import io
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from biff_writers import write_xls_table
from hostile_sweep8 import EXAMPLES, _examples, _rows, _score
from hostile_sweep14 import _csv

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")


# ---------------------------------------------------------------------------------------------
# The appraisal council's score for an item, outside what the item can give


def _appraisal_score(criterion: str, score: str) -> Case:
    """The example run with an appraisal whose first row gives ``criterion`` the score ``score``
    (and no evidence decision)."""

    def case(folder: Path) -> list[str]:
        _examples(folder)
        rows = _rows("appraisal.csv")
        rows[1][1], rows[1][4], rows[1][5] = criterion, score, ""
        (folder / "appraisal.csv").write_text(_csv(rows), encoding="utf-8")
        return _score(folder, "--appraisal", str(folder / "appraisal.csv"))

    return case


def appraisal_of_unit_that_sent_nothing(folder: Path) -> list[str]:
    """A score given by the council to an item of 00145, which sent no self-assessment: applied
    and said (appraisal-correction), the unit still "sent nothing"."""
    _examples(folder)
    rows = _rows("appraisal.csv")
    rows.append(["00145", "1.5", "", "", "1", "", "Hội đồng chấm lại", "Lê Minh Mai"])
    (folder / "appraisal.csv").write_text(_csv(rows), encoding="utf-8")
    return _score(folder, "--appraisal", str(folder / "appraisal.csv"))


# ---------------------------------------------------------------------------------------------
# Percentages written as fractions of one


def _survey(change: Callable[[list[list[str]]], None]) -> Case:
    def case(folder: Path) -> list[str]:
        _examples(folder)
        rows = _rows("survey.csv")
        change(rows)
        (folder / "survey.csv").write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


def _as_fractions(rows: list[list[str]]) -> None:
    """Every survey percentage as a fraction of one (96,1 written 0.961)."""
    for row in rows[1:]:
        if row[3]:
            row[3] = str(round(float(row[3].replace(",", ".")) / 100, 4))


def _one_fraction(rows: list[list[str]]) -> None:
    rows[1][3] = "0,85"


def _above_100_with_sign(rows: list[list[str]]) -> None:
    rows[1][3] = "150%"


# ---------------------------------------------------------------------------------------------
# Spreadsheets in packages of other forms (all read)


def _rezipped(folder: Path, force_zip64: bool) -> list[str]:
    """The example wide workbook written again entry by entry: to a stream that cannot seek (every
    entry with a data descriptor after its data), or with ZIP64 records."""
    _examples(folder)
    with zipfile.ZipFile(EXAMPLES / "assessments_wide.xlsx") as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    if force_zip64:
        with zipfile.ZipFile(folder / "form.xlsx", "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts:
                with package.open(name, "w", force_zip64=True) as entry:
                    entry.write(data)
    else:
        stream = _Unseekable()
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts:
                with package.open(name, "w") as entry:
                    entry.write(data)
        (folder / "form.xlsx").write_bytes(bytes(stream.written))
    return _score(folder, assessments=folder / "form.xlsx")


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it writes a data descriptor after each entry."""

    def __init__(self) -> None:
        self.written = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.written += data
        return len(data)

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return len(self.written)


def xlsx_data_descriptors(folder: Path) -> list[str]:
    return _rezipped(folder, force_zip64=False)


def xlsx_zip64(folder: Path) -> list[str]:
    return _rezipped(folder, force_zip64=True)


def xls_named_xlsx(folder: Path) -> list[str]:
    """The example rows in a BIFF .xls saved under an .xlsx name."""
    _examples(folder)
    write_xls_table(folder / "form.xlsx", _rows("assessments_long.csv"))
    return _score(folder, assessments=folder / "form.xlsx")


def ods_named_xlsx(folder: Path) -> list[str]:
    """Fifty example rows in an OpenDocument spreadsheet saved under an .xlsx name."""
    _examples(folder)
    rows = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{html.escape(c)}</text:p></table:table-cell>'
            for c in row
        )
        + "</table:table-row>"
        for row in _rows("assessments_long.csv")[:50]
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="data">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(folder / "form.xlsx", "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
    return _score(folder, assessments=folder / "form.xlsx")


def register_named_decomposed(folder: Path) -> list[str]:
    """The register saved as ``Danh sách xã.csv`` decomposed (NFD, as a Mac writes it), typed
    composed (NFC)."""
    files = _examples(folder)
    shutil.copy(files["communes"], folder / unicodedata.normalize("NFD", "Danh sách xã.csv"))
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / unicodedata.normalize("NFC", "Danh sách xã.csv"))
    return args


# ---------------------------------------------------------------------------------------------
# A register that leaves empty the column units are ranked within


def register_district_empty(folder: Path) -> list[str]:
    """The register with the district of its first three units left empty, ranked by district:
    the three were ranked 1, 2 and 3 "of 3" among themselves, without a word."""
    files = _examples(folder)
    rows = _rows("communes.csv")
    for row in rows[1:4]:
        row[3] = ""
    files["communes"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder, "--group-by", "district")


# ---------------------------------------------------------------------------------------------
# A lineage table that contradicts the codes of this year or last year


def _lineage(rows: list[str]) -> Case:
    """The example run ranked against last year's results of 00001, 00002 and 00004 (a results
    folder), with a lineage table of ``rows``."""

    def case(folder: Path) -> list[str]:
        import polars as pl
        from hostile_paths import fake_results_folder

        _examples(folder)
        summary = pl.DataFrame(
            {
                "commune_code": ["00001", "00002", "00004"],
                "name": ["Xã A", "Xã B", "Xã C"],
                "group": ["H", "H", "H"],
                "total_points": ["80.5", "70.25", "60"],
                "index": ["80.5", "70.25", "60"],
                "rank": ["1", "2", "3"],
                "group_size": ["3", "3", "3"],
            }
        )
        previous = fake_results_folder(folder, summary)
        (folder / "lineage.csv").write_text("\n".join(["old_code,new_code", *rows]) + "\n", encoding="utf-8")
        return _score(folder, "--previous", str(previous), "--lineage", str(folder / "lineage.csv"))

    return case


# ---------------------------------------------------------------------------------------------
# A date input of another decade (a slip in the year)


def _plan_signed_on(day: str) -> Case:
    """The example run with 00001's plan (1.1.1) signed on ``day``, its evidence dated the same."""

    def case(folder: Path) -> list[str]:
        _examples(folder)
        rows = _rows("assessments_long.csv")
        for row in rows[1:]:
            if row[0] == "00001" and row[1] == "1.1.1":
                row[3] = row[6] = day
        (folder / "assessments_long.csv").write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


CASES: dict[str, Case] = {
    "appraisal-score-above-maximum": _appraisal_score("7.2.1", "5"),
    "appraisal-score-below-floor": _appraisal_score("7.2.1", "-1"),
    "appraisal-score-penalty-above-zero": _appraisal_score("9.3", "1"),
    "appraisal-score-penalty-below-maximum": _appraisal_score("9.3", "-5"),
    "appraisal-score-percent": _appraisal_score("7.2.1", "50%"),
    "well-appraisal-score-penalty": _appraisal_score("9.4", "-0,5"),
    "well-appraisal-of-unit-that-sent-nothing": appraisal_of_unit_that_sent_nothing,
    "appraisal-score-on-excluded-item": _appraisal_score("3.5.1", "0,5"),
    "survey-percent-as-fraction": _survey(_as_fractions),
    "survey-one-fraction": _survey(_one_fraction),
    "percent-above-100-with-its-sign": _survey(_above_100_with_sign),
    "well-xlsx-data-descriptors": xlsx_data_descriptors,
    "well-xlsx-zip64": xlsx_zip64,
    "well-xls-named-xlsx": xls_named_xlsx,
    "well-ods-named-xlsx": ods_named_xlsx,
    "well-register-named-decomposed": register_named_decomposed,
    "register-district-empty": register_district_empty,
    "date-slip-of-ten-years": _plan_signed_on("04/06/2015"),
    "well-date-of-last-year": _plan_signed_on("28/12/2024"),
    # 00002 (gone) merged into 00001, which had results of its own; 00004 (still scored) as 00007.
    "lineage-contradicts-codes": _lineage(["00002,00001", "00004,00007"]),
    "well-lineage-merger-and-split-listed": _lineage(["00002,00001", "00001,00001", "00004,00004", "00004,00007"]),
}

_APPRAISAL = (*_INPUTS, "appraisal.csv")

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "appraisal-score-above-maximum": (1, "appraisal-score-out-of-range", _APPRAISAL),
    "appraisal-score-below-floor": (1, "appraisal-score-out-of-range", _APPRAISAL),
    "appraisal-score-penalty-above-zero": (1, "appraisal-score-out-of-range", _APPRAISAL),
    "appraisal-score-penalty-below-maximum": (1, "appraisal-score-out-of-range", _APPRAISAL),
    "appraisal-score-percent": (1, "bad-score", _APPRAISAL),
    "well-appraisal-score-penalty": (0, None, _APPRAISAL),
    "well-appraisal-of-unit-that-sent-nothing": (0, None, _APPRAISAL),
    # A warning (the score of an item that does not apply to a ward is not used), in the findings.
    "appraisal-score-on-excluded-item": (0, None, _APPRAISAL),
    # Every survey cell refused (percent-as-fraction): a survey that gives nothing stops the run.
    "survey-percent-as-fraction": (1, "survey-missing", _INPUTS),
    # One satisfaction rate written 0,85 among the unit's others out of 100: kept as 0,85 % without
    # a word until session 31, now with a warning (percent-fraction-among-percentages).
    "survey-one-fraction": (0, None, _INPUTS),
    "percent-above-100-with-its-sign": (1, "percent-above-100", _INPUTS),
    "well-xlsx-data-descriptors": (0, None, ("form.xlsx", "communes.csv", "survey.csv")),
    "well-xlsx-zip64": (0, None, ("form.xlsx", "communes.csv", "survey.csv")),
    "well-xls-named-xlsx": (0, None, ("form.xlsx", "communes.csv", "survey.csv")),
    "well-ods-named-xlsx": (0, None, ("form.xlsx", "communes.csv", "survey.csv")),
    "well-register-named-decomposed": (0, None, _INPUTS),
    # A warning, read from the findings by tests/test_hostile_sweep20.py.
    "register-district-empty": (0, None, _INPUTS),
    "date-slip-of-ten-years": (0, None, _INPUTS),
    "well-date-of-last-year": (0, None, _INPUTS),
    # Warnings, read from the findings by tests/test_hostile_sweep20.py.
    "lineage-contradicts-codes": (0, None, (*_INPUTS, "lineage.csv", "res/summary.csv")),
    "well-lineage-merger-and-split-listed": (0, None, (*_INPUTS, "lineage.csv")),
}
