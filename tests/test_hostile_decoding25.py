"""What the cases of tests/hostile_decoding25.py answer: a Parquet file saved from a CSV file whose
stray quote swallowed rows is refused (``rows-in-one-cell``), as a workbook so saved is; an .ods's
codes formatted ``00000``, percentages and dates are read as the sheet shows them, as an .xlsx's
are. The cases run as real child processes with a time-out, in both languages."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding25 import CASES, DAY, EXPECTED, NOT_WRITTEN, ods_code, ods_date, ods_percent, ods_text, write_ods
from sweeps import case_tests, language_tests
from sweeps import sweep_child as _child

from pari_index.intake.parquet_input import read_parquet
from pari_index.intake.xlsx.reading import read_excel

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_a_parquet_file_of_swallowed_rows_names_the_row_and_says_parquet(tmp_path: Path) -> None:
    done = _child([*CASES["rows-in-one-cell-assessments-parquet"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stderr
    said = (
        f"error: {tmp_path}/tu-danh-gia.parquet row 41: the cell in row 41 holds 7 lines that look like rows "
        "of the table (the first: «00001,5.2,trained,121,2,337/BC-UBND,08/01/2025,5_2_BC_337_20… (68 characters)»): "
        "a CSV file with a stray quote was loaded by a data tool (pandas, polars) and saved as Parquet"
    )
    assert said in done.stderr, done.stderr
    assert "then load it and save it as Parquet again" in done.stderr
    assert "[rows-in-one-cell]" in done.stderr and "[file-unread]" in done.stderr


def _parquet(frame: pl.DataFrame) -> io.BytesIO:
    data = io.BytesIO()
    frame.write_parquet(data)
    data.seek(0)
    return data


def test_line_breaks_typed_in_a_parquet_file_s_cells_are_read() -> None:
    frame = pl.DataFrame(
        {
            "commune_code": ["00001", "00001", "00004"],
            "criterion_id": ["1.1.1", "1.1.2", "1.1.1"],
            "explanation": ["Dòng một\nDòng hai, có dấu phẩy", "Biên bản số 12,\n00001 là mã xã", None],
        }
    )
    read = read_parquet(_parquet(frame), "a.parquet")
    assert read.problems == []
    assert read.sheets[0].frame.height == 3


def test_rows_swallowed_in_a_parquet_cell_are_refused_not_read() -> None:
    rows = "\n".join(f"0000{n},1.1.{n},có,1" for n in range(2, 7))
    frame = pl.DataFrame(
        {
            "commune_code": ["00001", "00007", "00008"],
            "criterion_id": ["1.1.1", "1.1.1", "1.1.1"],
            "input": ["", "", ""],
            "explanation": [f"ghi chú\n{rows}\nhết", "", ""],
        }
    )
    read = read_parquet(_parquet(frame), "a.parquet")
    assert read.sheets == []
    assert [(p.code, p.row, p.params["lines"]) for p in read.problems] == [("rows-in-one-cell", 2, 5)]


def _cells(frame: pl.DataFrame) -> list[tuple[str, ...]]:
    """The sheet's cells, without the columns the reading adds (row, file, sheet)."""
    return frame.select(pl.exclude("_row", "_file", "_sheet").cast(pl.String)).rows()


def test_an_ods_reads_codes_percentages_and_dates_as_the_sheet_shows_them(tmp_path: Path) -> None:
    rows = [
        [ods_text("code"), ods_text("note"), ods_text("value"), ods_text("count")],
        [ods_code("00001"), ods_date(DAY), ods_percent("94.3"), ods_code("7", styled=False)],
        [ods_code("00042"), ods_date("2025-12-31T08:30:00"), ods_percent("100"), ods_code("12", styled=False)],
        [ods_text("00043"), ods_text("2025-04-06"), ods_text("0.5"), ods_text("3")],
    ]
    path = write_ods(tmp_path / "a.ods", rows)
    read = read_excel(path, "a.ods")
    assert read.problems == []
    frame = read.sheets[0].frame
    assert _cells(frame) == [
        ("00001", "06/04/2025", "94.3", "7"),
        ("00042", "31/12/2025 08:30:00", "100", "12"),
        # Texts typed so are read as typed (only a cell's type or format changes what it shows).
        ("00043", "2025-04-06", "0.5", "3"),
    ]


def test_an_ods_column_formatted_00000_pads_its_numbers_and_only_its_own(tmp_path: Path) -> None:
    rows = [
        [ods_text("code"), ods_text("count")],
        [ods_code("00001", styled=False), ods_code("7", styled=False)],
        [ods_code("00120", styled=False), ods_code("30", styled=False)],
    ]
    columns = '<table:table-column table:default-cell-style-name="ce1"/><table:table-column/>'
    read = read_excel(write_ods(tmp_path / "a.ods", rows, columns), "a.ods")
    assert read.problems == []
    assert _cells(read.sheets[0].frame) == [("00001", "7"), ("00120", "30")]


def test_an_ods_table_away_from_the_corner_is_placed_right(tmp_path: Path) -> None:
    """A table beginning at C3 (two empty rows and columns before it): calamine's grid begins at its
    first cell with content, and the cells noted by the scan are placed against it."""
    empty = '<table:table-cell table:number-columns-repeated="2"/>'
    rows = [
        [],
        [],
        [empty, ods_text("code"), ods_text("value")],
        [empty, ods_code("00001"), ods_percent("50")],
    ]
    read = read_excel(write_ods(tmp_path / "a.ods", rows), "a.ods")
    assert read.problems == []
    assert _cells(read.sheets[0].frame) == [("00001", "50")]


@pytest.mark.parametrize(
    ("case", "said"),
    [
        (
            "legacy-font-some-register",
            "7 words look typed with a legacy Vietnamese font (TCVN3/ABC or VNI) (1 % of the words with letters "
            "outside ASCII; e.g. «Phô¬ng» «H«ng» «T©n»): too few to refuse the file",
        ),
        (
            "legacy-font-some-register-workbook",
            "words look typed with a legacy Vietnamese font (TCVN3/ABC or VNI)",
        ),
    ],
)
def test_a_few_names_in_a_legacy_font_are_named_in_a_warning(tmp_path: Path, case: str, said: str) -> None:
    from test_hostile_decoding24 import _findings

    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    found = _findings(tmp_path)
    code_column = next(c for c in found.columns if found[c].str.contains("legacy-font-some", literal=True).any())
    ours = found.filter(pl.col(code_column) == "legacy-font-some")
    assert ours.height == 1, found
    assert any(said in value for value in ours.row(0)), ours.row(0)
    assert not {"legacy-font", "legacy-encoding", "letters-misread-some"} & set(found[code_column])


def test_words_in_a_legacy_font_are_told_from_signs_quotes_and_misread_words() -> None:
    from hostile_decoding23 import misread
    from hostile_sweep16 import _tcvn3, _vni

    from pari_index.letters.misread_letters import letters_damaged, weigh_legacy

    good = "Phường Hồng Cẩm, Xã Tân Lộc, có, không, «trích yếu» 2×3 m² 5 µg\n" * 50
    tcvn3 = letters_damaged([good + _tcvn3("Phường Quý Yên, Hà Nội")], "f.csv")
    assert [(p.code, p.severity, p.params["words"]) for p in tcvn3] == [("legacy-font-some", "warning", 4)]
    vni = weigh_legacy([good + _vni("Phường Hồng Cẩm")])
    assert vni is not None and vni.words == 3 and vni.examples == "«Phöôøng» «Hoâøng» «Caâûm»"
    # One word so (``Hoøa``: its ``Xaõ Taân`` are Vietnamese letters as written) is too few to tell.
    assert weigh_legacy([good + _vni("Xã Tân Hòa")]) is None
    # Text as it should be, signs after digits or at a word's edges, one foreign name: nothing.
    assert letters_damaged([good + "Ông François Dupont"], "f.csv") == []
    # Words misread in a code page are that finding's, not this one's.
    misread_only = letters_damaged([good + misread("Phường Quý Yên", "cp1252")], "f.csv")
    assert [p.code for p in misread_only] == ["letters-misread-some"]


def test_error_values_in_a_parquet_file_are_reported_and_not_read() -> None:
    frame = pl.DataFrame(
        {
            "commune_code": ["00001", "00001", "00004"],
            "criterion_id": ["1.1.1", "1.1.2", "1.1.1"],
            "evidence_file": ["#REF!", "Err:502", "#REF! trong tệp cũ.pdf"],
        }
    )
    read = read_parquet(_parquet(frame), "a.parquet")
    assert [(p.code, p.row, p.field) for p in read.problems] == [
        ("excel-error-cell", 2, "evidence_file"),
        ("excel-error-cell", 3, "evidence_file"),
    ]
    assert read.sheets[0].frame["evidence_file"].to_list() == [None, None, "#REF! trong tệp cũ.pdf"]


def test_an_ods_s_error_cells_are_reported_and_not_read_as_0_or_empty(tmp_path: Path) -> None:
    from hostile_decoding25 import ods_error

    repeated = ods_error("Err:502", "0").replace(
        "<table:table-cell ", '<table:table-cell table:number-columns-repeated="2" '
    )
    rows = [
        [ods_text("code"), ods_text("a"), ods_text("b")],
        [ods_text("00001"), ods_error("#DIV/0!", "0"), ods_error("#N/A", None)],
        [ods_text("00004"), repeated],
        [ods_text("00007"), ods_text("0"), ods_text("")],
    ]
    read = read_excel(write_ods(tmp_path / "a.ods", rows), "a.ods")
    assert [(p.code, p.row, p.field, p.params["code"]) for p in read.problems] == [
        ("excel-error-cell", 2, "a", "#DIV/0!"),
        ("excel-error-cell", 2, "b", "#N/A"),
        ("excel-error-cell", 3, "a", "Err:502"),
        ("excel-error-cell", 3, "b", "Err:502"),
    ]
    assert _cells(read.sheets[0].frame) == [("00001", None, None), ("00004", None, None), ("00007", "0", None)]


def _spanned(cell: str, rows: int = 1, columns: int = 1) -> str:
    return cell.replace(
        "<table:table-cell ",
        f'<table:table-cell table:number-rows-spanned="{rows}" table:number-columns-spanned="{columns}" ',
    )


def test_an_ods_s_merged_cells_are_reported_and_its_headings_over_two_rows_joined(tmp_path: Path) -> None:
    covered = "<table:covered-table-cell/>"
    rows = [
        [
            _spanned(ods_text("commune_code"), rows=2),
            _spanned(ods_text("criterion_id"), rows=2),
            _spanned(ods_text("Minh chứng"), columns=2),
            covered,
        ],
        [covered, covered, ods_text("evidence_number"), ods_text("evidence_file")],
        [_spanned(ods_text("00001"), rows=2), ods_text("1.1.1"), ods_text("72/KH-UBND"), ods_text("a.pdf")],
        [covered, ods_text("1.1.2"), ods_text("54/KH-UBND"), ods_text("b.pdf")],
    ]
    read = read_excel(write_ods(tmp_path / "a.ods", rows), "a.ods")
    assert [(p.code, p.row, p.params["cells"]) for p in read.problems] == [("merged-cells", 3, "A3:A4")]
    frame = read.sheets[0].frame
    assert frame.columns[1:5] == ["commune_code", "criterion_id", "evidence_number", "evidence_file"]
    assert _cells(frame) == [("00001", "1.1.1", "72/KH-UBND", "a.pdf"), (None, "1.1.2", "54/KH-UBND", "b.pdf")]


def _ods_number(value: str) -> str:
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}" calcext:value-type="float">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def test_an_ods_s_numbers_are_read_as_stored_not_rounded_to_nine_decimals(tmp_path: Path) -> None:
    """calamine writes an .ods number as text of at most 9 decimals: 69.9999999999999 read "70" and
    1E-20 "0" (left by decoding25, as session 24 fixed it for .xlsx). The scan now marks such a
    sheet to be read again as floats; a date's or a text's value attribute does not."""
    rows = [[ods_text("a"), ods_text("b")], [_ods_number("69.9999999999999"), _ods_number("1E-20")]]
    rows += [[_ods_number("0.123456789012345"), _ods_number("2.5")], [ods_date(DAY), ods_text("1.0000000000001")]]
    path = write_ods(tmp_path / "so-lieu.ods", rows)
    (sheet,) = read_excel(path.read_bytes(), str(path)).sheets
    assert sheet.frame.select("a", "b").rows() == [
        ("69.9999999999999", "1e-20"),
        ("0.123456789012345", "2.5"),
        (sheet.frame["a"][2], "1.0000000000001"),
    ]
    plain = write_ods(tmp_path / "thuong.ods", [[ods_text("a")], [ods_date(DAY)], [_ods_number("2.5")]])
    (sheet,) = read_excel(plain.read_bytes(), str(plain)).sheets
    assert sheet.frame["a"].to_list()[1] == "2.5"
