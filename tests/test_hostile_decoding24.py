"""What the cases of tests/hostile_decoding24.py answer: a workbook saved from a CSV file whose stray
quote swallowed rows is refused (``rows-in-one-cell``), naming the row, the lines and the first of
them; line breaks typed in a workbook's cells are read; a date typed into a workbook's column of
text reaches the outputs day first (``06/04/2025``), not as ``2025-04-06 00:00:00``. The cases run
as real child processes with a time-out, in both languages."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_decoding24 import CASES, EXPECTED, NOT_WRITTEN
from sweeps import case_tests, language_tests
from sweeps import sweep_child as _child

from pari_index.intake.xlsx.reading import _dates_as_shown, _rows_in_one_cell

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_a_workbook_of_swallowed_rows_names_the_row_and_the_first_line(tmp_path: Path) -> None:
    done = _child([*CASES["rows-in-one-cell-assessments-workbook"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stderr
    said = (
        f"error: {tmp_path}/tu-danh-gia.xlsx [data] row 41: the cell in row 41 holds 7 lines that look like rows "
        "of the table (the first: «00001,5.2,trained,121,2,337/BC-UBND,08/01/2025,5_2_BC_337_20… (68 characters)»)"
    )
    assert said in done.stderr, done.stderr
    assert "[rows-in-one-cell]" in done.stderr and "[file-unread]" in done.stderr


def test_a_semicolon_register_s_swallowed_units_are_named_in_vietnamese(tmp_path: Path) -> None:
    done = _child(CASES["rows-in-one-cell-semicolon-register-workbook"](tmp_path), tmp_path)
    assert done.returncode == 1, done.stderr
    assert "[data] hàng 11: ô ở hàng 11 chứa 5 dòng trông như các hàng của bảng (dòng đầu: «00031;" in done.stderr
    assert "gợi ý: mở tệp CSV gốc bằng trình soạn thảo văn bản" in done.stderr


def test_dates_typed_in_text_columns_reach_the_outputs_day_first(tmp_path: Path) -> None:
    done = _child(CASES["well-workbook-dates-typed-in-text-columns"](tmp_path), tmp_path)
    assert done.returncode == 0, done.stderr
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    # The text cells (a date column's cells are dates of the workbook, not texts).
    texts = [value for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row]
    texts = [value for value in texts if isinstance(value, str)]
    book.close()
    assert not [text for text in texts if "2025-04-06" in text], [text for text in texts if "2025-04-06" in text]
    # Three districts and three notes in the summary, three evidence numbers among the items'.
    assert texts.count("06/04/2025") >= 9, [t for t in texts if "2025" in t and "/" in t][:20]


def test_a_date_cell_reads_as_excel_shows_it() -> None:
    grid = pl.DataFrame(
        {
            "a": ["code", "2025-04-06 00:00:00", "2025-12-31 08:30:00", "2025-04-06", "note 2025-04-06 00:00:00"],
            "b": ["x", "y", None, "1900-01-01 00:00:00", "z"],
            "c": ["1", "2", "3", "4", "5"],
        }
    )
    shown = _dates_as_shown(grid)
    kept = "note 2025-04-06 00:00:00"
    assert shown["a"].to_list() == ["code", "06/04/2025", "31/12/2025 08:30:00", "2025-04-06", kept]
    assert shown["b"].to_list() == ["x", "y", None, "01/01/1900", "z"]
    assert shown["c"].to_list() == grid["c"].to_list()


def _grid(first_cell_lines: list[str]) -> pl.DataFrame:
    rows = [
        ["commune_code", "criterion_id", "value", "explanation"],
        ["00001", "1.1", "1", "\n".join(first_cell_lines)],
        ["00002", "1.1", "1", "ok"],
    ]
    return pl.DataFrame({f"column_{n}": [row[n] for row in rows] for n in range(4)})


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_lines_of_rows_in_a_cell_are_rows_in_one_cell(delimiter: str) -> None:
    row = delimiter.join(["00003", "1.2", "5", ""])
    found = _rows_in_one_cell(_grid(["start", row, row]), "f.xlsx", "data", 1)
    assert found is not None
    assert (found.code, found.row, found.params["lines"]) == ("rows-in-one-cell", 2, 2)


@pytest.mark.parametrize(
    "lines",
    [
        ["Đã họp ngày 5/6", "Biên bản số 12, ký ngày 6/6, lưu tại", "00001 là mã xã, đã đối chiếu"],
        ["dòng một", "00001,1.1"],  # a code and one comma: fewer than a row's
        ["dòng một", "xã A, xã B, xã C, xã D"],  # commas, but no code first
    ],
)
def test_line_breaks_typed_in_a_cell_are_no_rows(lines: list[str]) -> None:
    assert _rows_in_one_cell(_grid(lines), "f.xlsx", "data", 1) is None


def _findings(folder: Path) -> pl.DataFrame:
    import openpyxl

    book = openpyxl.load_workbook(folder / "out.xlsx", read_only=True)
    rows = [tuple(row) for row in book["Findings"].iter_rows(values_only=True)]
    book.close()
    return pl.DataFrame([list(map(str, row)) for row in rows[1:]], schema=[str(c) for c in rows[0]], orient="row")


@pytest.mark.parametrize(
    ("case", "code", "said"),
    [
        (
            "letters-misread-some-register",
            "letters-misread-some",
            "9 words hold letters read in another code page and saved so (1 % of the words with letters outside "
            "ASCII; e.g. «PhÆ°á»<U+009D>ng» («Phường»), «Há»“ng» («Hồng»), «Cáº©m» («Cẩm»), what they were in "
            "brackets): too few to refuse the file",
        ),
        (
            "letters-misread-some-register-workbook",
            "letters-misread-some",
            "9 words hold letters read in another code page and saved so (1 % of the words",
        ),
        (
            "letters-lost-some-register",
            "letters-lost-some",
            "6 words hold a ? where a letter was (1 % of the words with letters outside ASCII; e.g. «Ph??ng» «H?ng» "
            "«C?m» «L?c»): too few to refuse the file",
        ),
    ],
)
def test_a_few_damaged_names_are_named_in_a_warning(tmp_path: Path, case: str, code: str, said: str) -> None:
    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    found = _findings(tmp_path)
    code_column = next(c for c in found.columns if found[c].str.contains(code, literal=True).any())
    ours = found.filter(pl.col(code_column) == code)
    assert ours.height == 1, found
    assert any(said in value for value in ours.row(0)), ours.row(0)
    assert "letters-misread" not in set(found[code_column]) and "letters-lost" not in set(found[code_column])


def _texts_as_written() -> list[str]:
    """Every example input, criteria set and word of the demonstration data, as people write them."""
    from hostile_sweep8 import EXAMPLES

    from pari_index.demo import words as demo_words

    root = EXAMPLES.parent
    paths = [*sorted(EXAMPLES.rglob("*.csv")), *sorted((root / "criteria").glob("*.yaml"))]
    texts = [path.read_text(encoding="utf-8-sig") for path in paths]
    for value in vars(demo_words).values():
        if isinstance(value, tuple):
            texts.append(" ".join(str(item) for item in value))
    return texts


def test_text_as_people_write_it_shows_no_damaged_word() -> None:
    """No false alarm: not one word of the examples, the criteria sets or the demonstration data's
    vocabulary (names, reasons, explanations) is taken for misread or lost, file by file."""
    from pari_index.letters.lost_letters import weigh_lost
    from pari_index.letters.misread_letters import weigh_misread

    texts = _texts_as_written()
    assert len(texts) > 10
    for text in texts:
        assert weigh_misread([text]) is None, text[:200]
        assert weigh_lost([text]) is None, text[:200]


def test_one_misread_name_among_many_is_a_warning_and_many_are_refused() -> None:
    from hostile_decoding23 import misread

    from pari_index.letters.misread_letters import letters_damaged

    good = "Phường Hồng Cẩm, Xã Tân Lộc, có, không\n" * 50
    one = letters_damaged([good + misread("Phường Quý Yên", "cp1252")], "f.csv")
    assert [(p.code, p.severity, p.params["words"]) for p in one] == [("letters-misread-some", "warning", 3)]
    many = letters_damaged([misread(good, "cp1252")], "f.csv")
    assert [(p.code, p.severity) for p in many] == [("letters-misread", "error")]
    assert letters_damaged([good], "f.csv") == []


def test_codes_padded_by_their_format_are_read_as_shown(tmp_path: Path) -> None:
    from hostile_decoding24 import _padded_workbook
    from hostile_sweep8 import _rows

    from pari_index.intake.tables import read_table_file

    path = _padded_workbook("communes.csv", tmp_path / "don-vi.xlsx")
    [sheet] = read_table_file(path).sheets
    assert sheet.frame["code"].to_list() == [row[0] for row in _rows("communes.csv")[1:]]


def test_only_a_format_of_zeros_pads() -> None:
    from pari_index.intake.xlsx.package import _style_formats

    styles = (
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="4">'
        b'<numFmt numFmtId="164" formatCode="00000"/><numFmt numFmtId="165" formatCode="0.00"/>'
        b'<numFmt numFmtId="166" formatCode="000000"/><numFmt numFmtId="167" formatCode="0"/></numFmts>'
        b'<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>'
        b'<xf numFmtId="167"/></cellXfs></styleSheet>'
    )
    assert _style_formats(styles)[1] == {1: 5, 3: 6}


def test_a_text_cell_in_a_format_of_zeros_is_read_as_typed(tmp_path: Path) -> None:
    """Excel applies a number format to numbers only: the text «1» in a column formatted 00000 shows
    1, and is read so (as the number 7 beside it is read 00007)."""
    import openpyxl

    from pari_index.intake.tables import read_table_file

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["code", "name"])
    sheet.append(["1", "Xã A"])
    sheet.append([7, "Xã B"])
    for row in (2, 3):
        sheet.cell(row, 1).number_format = "00000"
    book.save(tmp_path / "t.xlsx")
    [read] = read_table_file(tmp_path / "t.xlsx").sheets
    assert read.frame["code"].to_list() == ["1", "00007"]
