"""Intake: the same data in long and wide form, CSV and XLSX, several encodings and delimiters,
must give identical results; codes keep their zeros, ids stay text, Vietnamese text is NFC.

The data is the hand-computed example of test_scoring.py (five communes on all_kinds.yaml), so
every form is also checked against the numbers worked out there.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from test_scoring import APPRAISAL, CRITERIA, DATA, EXPECTED_TOTALS, LONG, REGISTER, SURVEY, pts

from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.intake.assessments import read_assessments
from pari_index.intake.register import read_register
from pari_index.scoring.run import ScoreResult, score

META = ("self_score", "evidence_number", "evidence_date", "explanation", "n/a")
COMPARED = [
    "commune_code",
    "criterion_id",
    "self_score",
    "computed_score",
    "appraised_score",
    "final_score",
    "counted_max",
    "status",
    "branch",
    "evidence_status",
    "evidence_number",
    "evidence_date",
]


def long_rows() -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(LONG)))
    return rows[0], rows[1:]


def wide_rows() -> tuple[list[str], list[list[str]]]:
    """The long example pivoted by hand: one row per commune, ``1.1.2:tasks``-style columns."""
    header, rows = long_rows()
    col = {name: i for i, name in enumerate(header)}
    columns: list[str] = []
    values: dict[str, dict[str, str]] = {}
    for row in rows:
        commune, criterion, input_name = row[col["commune_code"]], row[col["criterion_id"]], row[col["input"]]
        cells = {f"{criterion}:{input_name}" if input_name else criterion: row[col["value"]]}
        cells |= {f"{criterion}:{meta}": row[col[meta]] for meta in META}
        for name, value in cells.items():
            if value:
                values.setdefault(commune, {})[name] = value
                if name not in columns:
                    columns.append(name)
    return ["commune_code", *columns], [[c] + [v.get(name, "") for name in columns] for c, v in values.items()]


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def typed(column: str, text: str) -> object:
    """A cell as a person would type it in Excel: numbers as numbers, dates as dates; codes,
    ids and answers stay text."""
    if column in ("commune_code", "criterion_id", "input", "code") or not text:
        return text or None
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    if m := re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text):
        return dt.datetime(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return dt.datetime(int(m[1]), int(m[2]), int(m[3]))
    return text


def write_xlsx(path: Path, header: list[str], rows: list[list[str]], sheet: str = "Dữ liệu") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append([typed(header[i], v) for i, v in enumerate(row)])
    wb.save(path)
    return path


def run(folder: Path, assessment: Path, *, register: Path | None = None) -> ScoreResult:
    (folder / "survey.csv").write_text(SURVEY, encoding="utf-8")
    (folder / "appraisal.csv").write_text(APPRAISAL, encoding="utf-8")
    if register is None:
        register = folder / "communes.csv"
        register.write_text(REGISTER, encoding="utf-8")
    return score(
        [assessment], CRITERIA, communes=register, appraisal=folder / "appraisal.csv", survey=[folder / "survey.csv"]
    )


def same_results(a: ScoreResult, b: ScoreResult, *, with_explanations: bool = True) -> None:
    columns = [*COMPARED, "explanation"] if with_explanations else COMPARED
    assert a.details.select(columns).equals(b.details.select(columns))
    assert a.totals.equals(b.totals)
    assert a.findings.filter(pl.col("file").is_null()).equals(b.findings.filter(pl.col("file").is_null()))
    assert a.findings.filter(pl.col("severity") == "error").height == 0
    assert b.findings.filter(pl.col("severity") == "error").height == 0


def index_of(result: ScoreResult) -> dict[str, int]:
    return dict(result.totals.select("commune_code", "index").iter_rows())


HAND_INDEX = {code: pts(values[5]) for code, values in EXPECTED_TOTALS.items()}


@pytest.fixture(scope="module")
def long_csv_result(tmp_path_factory: pytest.TempPathFactory) -> ScoreResult:
    folder = tmp_path_factory.mktemp("long")
    return run(folder, write_csv(folder / "long.csv", *long_rows()))


def test_long_csv_gives_the_hand_computed_index(long_csv_result: ScoreResult) -> None:
    assert index_of(long_csv_result) == HAND_INDEX


def test_wide_form_gives_identical_results(tmp_path: Path, long_csv_result: ScoreResult) -> None:
    """The wide assessment is read in the same run as the long survey file."""
    header, rows = wide_rows()
    assert "1.1.2:tasks" in header and "1.1.1" in header and "1.1.1:self_score" in header and "1.2.4:n/a" in header
    assert len(rows) == 5
    wide = run(tmp_path, write_csv(tmp_path / "wide.csv", header, rows))
    same_results(long_csv_result, wide)
    # Every non-empty cell of the wide file is accounted for by its row.
    assert wide.ledger.filter(pl.col("file").str.ends_with("wide.csv"))["status"].to_list() == ["scored"] * 5


@pytest.mark.parametrize("form", ["long", "wide"])
def test_xlsx_with_typed_cells_gives_identical_results(tmp_path: Path, long_csv_result: ScoreResult, form: str) -> None:
    header, rows = long_rows() if form == "long" else wide_rows()
    result = run(tmp_path, write_xlsx(tmp_path / f"{form}.xlsx", header, rows))
    # Inputs are echoed as read (55.5 from a number cell, 55,5 from text): compare all else.
    same_results(long_csv_result, result, with_explanations=False)
    assert set(result.ledger.filter(pl.col("file").str.ends_with(".xlsx"))["sheet"]) == {"Dữ liệu"}


def test_register_and_assessments_as_xlsx_keep_leading_zeros(tmp_path: Path, long_csv_result: ScoreResult) -> None:
    reg_rows = list(csv.reader(io.StringIO(REGISTER)))
    register = write_xlsx(tmp_path / "communes.xlsx", reg_rows[0], reg_rows[1:])
    result = run(tmp_path, write_xlsx(tmp_path / "long.xlsx", *long_rows()), register=register)
    assert result.totals["commune_code"].to_list() == ["00101", "00102", "00103", "00104", "00105"]
    same_results(long_csv_result, result, with_explanations=False)


def test_semicolon_csv_with_decimal_commas(tmp_path: Path, long_csv_result: ScoreResult) -> None:
    header, rows = long_rows()
    path = write_csv(tmp_path / "semicolon.csv", header, rows, delimiter=";")
    assert '"55,5"' not in path.read_text(encoding="utf-8")  # the comma needs no quotes here
    same_results(long_csv_result, run(tmp_path, path))


def test_utf16_csv_is_decoded(tmp_path: Path, long_csv_result: ScoreResult) -> None:
    header, rows = long_rows()
    text = write_csv(tmp_path / "tmp.csv", header, rows, delimiter="\t").read_text(encoding="utf-8")
    path = tmp_path / "utf16.csv"
    path.write_bytes(text.encode("utf-16"))  # with BOM, as Excel's "Unicode Text" saves it
    same_results(long_csv_result, run(tmp_path, path))


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_form(text: str) -> str:
    """Text as Windows-1258 stores it: base letters precomposed (ă, ê, ơ, ...), tone marks as
    separate combining characters after them."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS)) + tones)
    return "".join(out)


def test_windows_1258_csv_is_decoded_to_nfc(tmp_path: Path, long_csv_result: ScoreResult) -> None:
    assert "Xa\u0303".encode("cp1258") == b"Xa\xde"
    header, rows = long_rows()
    text = write_csv(tmp_path / "tmp.csv", header, rows).read_text(encoding="utf-8")
    raw = cp1258_form(text).encode("cp1258")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assessment = tmp_path / "cp1258.csv"
    assessment.write_bytes(raw)
    register = tmp_path / "communes_cp1258.csv"
    register.write_bytes(cp1258_form(REGISTER).encode("cp1258"))
    result = run(tmp_path, assessment, register=register)
    same_results(long_csv_result, result)
    names = result.totals["name"].to_list()
    assert names[1] == "Xã Hai" and unicodedata.is_normalized("NFC", names[1])
    assert names[3] == "Đặc khu Bốn"


def test_nfd_text_joins_with_nfc(tmp_path: Path, long_csv_result: ScoreResult) -> None:
    """Headers, answers ("có", "trễ hạn"), level labels and names typed on a system that writes
    decomposed Unicode (macOS) are read as NFC."""
    header, rows = long_rows()
    text = write_csv(tmp_path / "tmp.csv", header, rows).read_text(encoding="utf-8")
    text = text.replace("commune_code,criterion_id", "Mã xã,Tiêu chí", 1)
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text and "co\u0301" in nfd
    path = tmp_path / "nfd.csv"
    path.write_text(nfd, encoding="utf-8")
    register = tmp_path / "communes_nfd.csv"
    register.write_text(unicodedata.normalize("NFD", REGISTER.replace("code,name,type", "mã,tên,loại")), "utf-8")
    result = run(tmp_path, path, register=register)
    same_results(long_csv_result, result)
    assert result.totals["unit_type"].to_list() == ["ward", "commune", "township", "special_zone", "ward"]
    assert result.totals["name"][0] == "Phường Một"


def test_ids_1_1_and_1_10_are_different_items(tmp_path: Path) -> None:
    criteria = DATA / "ids_1_10.yaml"
    register = tmp_path / "communes.csv"
    register.write_text("code,name,type\n001,Xã A,xã\n002,Xã B,xã\n", encoding="utf-8")
    long = tmp_path / "long.csv"
    long.write_text(
        "commune_code,criterion_id,value\n001,1.1,có\n001,1.10,1\n002,1.10,2\n002,1.1,không\n", encoding="utf-8"
    )
    wide = tmp_path / "wide.csv"
    wide.write_text("commune_code,1.10,1.1\n001,1,có\n002,2,không\n", encoding="utf-8")
    results = [score([path], criteria, communes=register) for path in (long, wide)]
    for result in results:
        got = {(r["commune_code"], r["criterion_id"]): r["final_score"] for r in result.details.iter_rows(named=True)}
        # 001: 1.1 yes = 1, 1.10 one inspection = 1; 002: 1.1 no = 0, 1.10 two = 2.
        assert got == {
            ("001", "1.1"): pts("1"),
            ("001", "1.10"): pts("1"),
            ("002", "1.1"): 0,
            ("002", "1.10"): pts("2"),
        }
        assert result.findings.filter(pl.col("severity") == "error").height == 0
    # "1.1" and "1.10" in the same file, and 1.100 (not an item) rejected by name.
    bad = tmp_path / "bad.csv"
    bad.write_text("commune_code,criterion_id,value\n001,1.100,2\n", encoding="utf-8")
    result = score([bad], criteria, communes=register)
    assert result.findings.filter(pl.col("kind") == "unknown-criterion")["criterion_id"].to_list() == ["1.100"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-20", dt.date(2024, 1, 20)),
        ("20/01/2024", dt.date(2024, 1, 20)),
        ("10/01/2024", dt.date(2024, 1, 10)),  # day first: 10 January
        ("45311", dt.date(2024, 1, 20)),  # Excel serial number
        ("45311.0", dt.date(2024, 1, 20)),
    ],
)
def test_dates_iso_day_first_and_excel_serial(tmp_path: Path, text: str, expected: dt.date) -> None:
    leaves = resolve_leaves(load_criteria(CRITERIA).criteria)
    path = tmp_path / "dates.csv"
    path.write_text(f"commune_code,criterion_id,value\n00101,1.1.1,{text}\n", encoding="utf-8")
    intake = read_assessments([path], leaves)
    assert intake.cells["day"].to_list() == [expected]
    # A form of three columns lacks the evidence and self-score columns (told as such): nothing else.
    assert set(intake.findings["kind"]) <= {"evidence-column-absent", "self-score-column-absent"}


def test_xlsx_date_cell_and_decimal_comma_text(tmp_path: Path) -> None:
    leaves = resolve_leaves(load_criteria(CRITERIA).criteria)
    path = write_xlsx(
        tmp_path / "cells.xlsx",
        ["commune_code", "criterion_id", "input", "value"],
        [["00101", "1.1.1", "", "15/02/2024"], ["00101", "2.3", "", "55,5"], ["00101", "2.1", "on_time", "241"]],
    )
    wb = openpyxl.load_workbook(path)
    assert isinstance(wb.active["D2"].value, dt.datetime)  # type: ignore[index]
    # A text cell keeps its decimal comma; write one explicitly.
    wb.active["D3"].value = "55,5"  # type: ignore[index]
    wb.save(path)
    intake = read_assessments([path], leaves)
    cells = {r["criterion_id"]: r for r in intake.cells.iter_rows(named=True)}
    assert cells["1.1.1"]["day"] == dt.date(2024, 2, 15)
    # Intake holds numbers exactly, in counts of 1/10**14 (values.parse_exact).
    assert cells["2.3"]["num"] == 555 * 10**13
    assert cells["2.1"]["num"] == 241 * 10**14
    assert intake.cells["commune_code"].unique().to_list() == ["00101"]


def test_register_codes_keep_leading_zeros_and_types(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text(REGISTER, encoding="utf-8")
    register = read_register(path)
    assert register.codes.to_list() == ["00101", "00102", "00103", "00104", "00105"]
    assert register.frame["unit_type"].to_list() == ["ward", "commune", "township", "special_zone", "ward"]


def test_checking_large_inputs_in_slices_of_communes_changes_nothing(
    tmp_path: Path, long_csv_result: ScoreResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inputs above CHUNK_CELLS are checked a slice of communes at a time (to bound memory);
    the results, findings and ledger must be those of a single pass."""
    import pari_index.intake.cell_checks as cell_checks

    header, rows = long_rows()
    # A conflicting duplicate, so that duplicate detection is exercised across the slicing.
    rows = [*rows, [*rows[0][:3], "không" if rows[0][3] == "có" else "có", *rows[0][4:]]]
    (tmp_path / "one").mkdir()
    (tmp_path / "many").mkdir()
    single = run(tmp_path / "one", write_csv(tmp_path / "one" / "long.csv", header, rows))
    monkeypatch.setattr(cell_checks, "CHUNK_CELLS", 7)
    sliced = run(tmp_path / "many", write_csv(tmp_path / "many" / "long.csv", header, rows))
    assert sliced.details.select(COMPARED).equals(single.details.select(COMPARED))
    assert sliced.totals.equals(single.totals)

    def located(result: ScoreResult) -> list[tuple[object, ...]]:
        frame = result.findings.with_columns(pl.col("file").str.extract(r"([^/]+)$"))
        return sorted(frame.select("kind", "commune_code", "criterion_id", "file", "row").rows(), key=repr)

    assert located(sliced) == located(single)
    assert any(kind == "conflicting-values" for kind, *_ in located(sliced))
    assert sliced.ledger.select("row", "status").sort("row").equals(single.ledger.select("row", "status").sort("row"))


def test_percent_formatted_cells_are_read_as_shown(tmp_path: Path) -> None:
    """Typing 94,3% in Excel stores 0.943 with a percent format; the clerk sees and means 94,3."""
    from pari_index.intake.tables import read_table_file

    path = tmp_path / "percent.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(["commune_code", "criterion_id", "value"])
    ws.append(["00101", "3.1", 0.943])
    ws["C2"].number_format = "0.0%"
    ws.append(["00102", "3.1", 1])
    ws["C3"].number_format = "0%"
    ws.append(["00103", "3.1", 85])  # an ordinary number stays as it is
    ws.append(["00104", "3.1", 0.5])
    ws["C5"].number_format = '0.00" điểm"'  # not a percentage
    wb.save(path)
    frame = read_table_file(path).sheets[0].frame
    assert frame["value"].to_list() == ["94.3", "100", "85", "0.5"]


def test_semicolon_csv_with_long_lines_and_commas_in_text() -> None:
    """Lines of ~8 KB: the delimiter is sniffed on whole lines, not on the file's first 64 KB cut
    through the middle of a line (which once made the sniffer give up and pick the comma)."""
    from pari_index.intake.tables import read_csv_bytes

    columns = [f"1.{k}:explanation" for k in range(200)]
    header = ";".join(["commune_code", *columns])
    rows = [
        ";".join([f"{i:05d}"] + ["giải trình, có, xong" * (1 + (i + k) % 3) for k in range(200)]) for i in range(40)
    ]
    result = read_csv_bytes((header + "\n" + "\n".join(rows) + "\n").encode("utf-8"), "wide.csv")
    assert result.problems == []
    assert [sheet.frame.select(pl.exclude("^_.*$")).shape for sheet in result.sheets] == [(40, 201)]
