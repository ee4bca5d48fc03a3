"""What the cases of tests/hostile_limits35.py answer, and that a register or lineage table's row
limit, now told from a CSV file's bytes before it is parsed, refuses what the count of the rows
read refused and nothing it took."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
import pytest
from hostile_limits35 import CASES, EXPECTED, NOT_WRITTEN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.errors import IntakeError
from pari_index.intake.appraisal import read_appraisal
from pari_index.intake.csv_input import HEADING_LINES, read_csv_bytes, rows_upper_bound
from pari_index.intake.folding import FOLDED
from pari_index.intake.register import read_register
from pari_index.ranking.lineage import read_lineage
from pari_index.scoring.run import errors_of_no_row

LEAVES = compile_criteria(
    load_criteria(Path(__file__).parent.parent / "criteria" / "ha-noi-2025-commune.yaml").criteria, None
).leaves

#: The parameters a register's or lineage table's row limit adds (since session 36, whose appraisal
#: limit has its own variable and words).
PER_UNIT = {"rows_per": "unit", "limit_name": "PARI_MAX_REGISTER_ROWS"}

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize(
    ("data", "delimiter", "rows"),
    [
        (b"code,name\n00001,A\n00002,B\n", ",", 2),
        (b"code,name\n00001,A\n00002,B", ",", 2),  # no line break after the last row
        (b"code,name\n\n , \n00001,A\n,,\n\t\n00002,B\n , ", ",", 2),  # blank lines: spaces, delimiters
        (b"code;name\n00001;A\n;\n,\n", ";", 2),  # a comma is text under semicolons
        (b'code,name\n00001,"a\nb\n\nc"\n00002,"x ""y""\nz"\n', ",", 2),  # line breaks in quoted cells
        # Quoted empty or blank cells alone (a writer quoting every cell): blank, as the sheet drops
        # them (counted until session 35's review), whatever the separator or line end.
        (b'code,name\n"",""\n"  ",\r\n,"\t"\n""', ",", 0),
        (b'code;name\n"";""\n', ";", 0),
        (b'code\tname\n""\t" "\n', "\t", 0),
        # Spaces of other kinds, bare or quoted: a no-break space, an ideographic space, a thin
        # space (counted until session 35's review; the sheet strips them as any space).
        ('code,name\n\u00a0,\n\u3000 ,\u2009\n"\u00a0","\u3000"\n\u00a0'.encode(), ",", 0),
        ("code,name\n\u00a0x,\n\u200b,\n".encode(), ",", 2),  # (a letter; a zero-width space, no space)
        # Not blank: a quote in a quoted cell (""), a quoted cell holding a quote, a cell beside.
        (b'code,name\n"a "" b",""\n""""\n"",x\n"a,"",b"\n', ",", 4),
        (b'code,name\n",x,"\n",x,"\n', ",", 2),  # (a quoted cell of a delimiter: two rows, not one)
        (b"code,name\r\n00001,A\r\n\r\n00002,B\r\n", ",", 2),
        (b"code\n", ",", 0),
        (b"", ",", 0),
        (b"code,name\n0\n0\n0\n", ",", 3),
    ],
)
def test_rows_counted_from_the_bytes_by_hand(data: bytes, delimiter: str, rows: int) -> None:
    assert rows_upper_bound(data, delimiter) == rows


_CELLS = st.sampled_from(["", " ", "0", "00001", "Xã A", "a\nb", 'nói "có"', "2,5", "\n", "\u00a0", "\u3000 "])


@given(st.lists(st.lists(_CELLS, min_size=1, max_size=4), max_size=25), st.sampled_from([",", ";"]))
def test_the_bytes_count_the_rows_the_sheet_has(body: list[list[str]], delimiter: str) -> None:
    """A CSV file written by Python's csv module (quoted where a cell needs it, Excel's way) with
    rows of text, blank rows and cells holding line breaks: the rows counted from its bytes are the
    rows of the sheet read from it, but for blank rows with a line break in a cell (quoted, which
    the sheet drops and the count keeps). Rows of a quoted empty cell alone (``""``) were kept by
    the count too until session 35's review."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerows([["code", "name", "type", "note"], *body])
    data = out.getvalue().encode("utf-8")
    result = read_csv_bytes(data, "a.csv")
    sheet_rows = sum(sheet.frame.height for sheet in result.sheets)
    if result.sheets:  # (none: every row blank, or polars refused the file)
        alone_quoted = sum(1 for row in body if all(not c.strip() for c in row) and "\n" in "".join(row))
        assert sheet_rows <= rows_upper_bound(data, delimiter) <= sheet_rows + alone_quoted


def _register(path: Path, rows: int, *, blank: int = 0, title: bool = False) -> Path:
    lines = ["Danh sách đơn vị,,\n"] if title else []
    lines += ["code,name,type\n", *(f"{i:05d},Xã {i},xã\n" for i in range(rows)), ",,\n" * blank]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _refused(read: object, path: Path) -> list[tuple[str, str | None, int | None, dict[str, object] | None]]:
    with pytest.raises(IntakeError) as caught:
        read(path)  # type: ignore[operator]
    return [(p.code, p.file, p.row, p.params) for p in caught.value.problems]


def test_far_past_the_limit_is_refused_before_the_parse_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the limit by more than a heading's lines: refused from the bytes (no row is known, so
    none is named); within that margin, refused once read, at the first row past the limit, as
    before; the same finding for the lineage table."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    far = _register(tmp_path / "xa.csv", 50 + HEADING_LINES + 1)
    assert _refused(read_register, far) == [
        (
            "too-many-rows",
            str(far),
            None,
            {"rows": 50 + HEADING_LINES + 1, "limit": 50, "rows_table": "register", **PER_UNIT},
        )
    ]
    near = _register(tmp_path / "gan.csv", 50 + HEADING_LINES)
    assert _refused(read_register, near) == [
        (
            "too-many-rows",
            str(near),
            52,
            {"rows": 50 + HEADING_LINES, "limit": 50, "rows_table": "register", **PER_UNIT},
        )
    ]
    lineage = tmp_path / "noi-ma.csv"
    lineage.write_text("old_code,new_code\n" + "0\n" * 100, encoding="utf-8")
    assert _refused(read_lineage, lineage) == [
        ("too-many-rows", str(lineage), None, {"rows": 100, "limit": 50, "rows_table": "lineage", **PER_UNIT})
    ]


def test_blank_lines_and_a_title_within_the_limit_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A register of 50 units (the limit) under a title, with 5,000 blank lines after them (Excel's
    formatted rows saved as CSV): more lines than the limit, fewer rows; read whole, every unit."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    register = read_register(_register(tmp_path / "xa.csv", 50, blank=5_000, title=True))
    assert register.frame.height == 50
    assert [problem.code for problem in register.problems] == ["title-row"]  # (told, a warning)


def test_quoted_empty_rows_within_the_limit_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A register of 50 units (the limit), every cell quoted, with 30 rows of empty cells after
    them as a writer that quotes every cell writes them (``"","",""``, pandas' QUOTE_ALL, R's
    write.csv) and 15 of no-break and ideographic spaces, CRLF or semicolons: read whole. Until
    session 35's review refused before the parse, ``too-many-rows`` «95 rows», when it had been
    read whole before (sheets drop blank rows)."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    for sep, end in ((",", "\n"), (",", "\r\n"), (";", "\n")):
        units = "".join(f'"{i:05d}"{sep}"Xã {i}"{sep}"xã"{end}' for i in range(50))
        empty = f'""{sep}""{sep}""{end}' * 15 + f'" "{sep}""{sep}"\t"{end}' * 15 + f"\u00a0{sep}\u3000{sep}{end}" * 15
        path = tmp_path / "xa.csv"
        path.write_text(f'"code"{sep}"name"{sep}"type"{end}{units}{empty}', encoding="utf-8")
        register = read_register(path)
        assert (register.frame.height, register.problems) == (50, [])


_PLACES = st.tuples(
    st.sampled_from(["a.csv", "b.xlsx"]), st.sampled_from([None, "Trang 1"]), st.none() | st.integers(1, 6)
)


@given(st.lists(_PLACES, max_size=20), st.lists(_PLACES, max_size=8))
def test_the_errors_of_no_row_are_those_the_whole_ledger_gave(
    ledger_places: list[tuple[str, str | None, int | None]], error_places: list[tuple[str, str | None, int | None]]
) -> None:
    """run.errors_of_no_row, which takes the ledger's rows at the errors' places first, counts
    what the anti-join against the whole ledger's unique places counted (nulls as values)."""
    schema = {"file": pl.String, "sheet": pl.String, "row": pl.Int64}
    ledger = pl.DataFrame(ledger_places, schema=schema, orient="row")
    errors = pl.DataFrame(error_places, schema=schema, orient="row").with_columns(severity=pl.lit("error"))
    place = ["file", "sheet", "row"]
    before = errors.join(ledger.select(place).unique(), on=place, how="anti", nulls_equal=True).height
    assert errors_of_no_row(errors, ledger) == before


def test_the_appraisal_s_findings_are_folded_as_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An appraisal of 10 rows without a reason, with PARI_MAX_FINDINGS_OF_A_KIND=3: the rows
    table rejects all 10 with their reason, the findings are the first 3 and one counting the 7
    others (rows 5-11), and the texts folded away are kept for the results' language."""
    monkeypatch.setenv("PARI_MAX_FINDINGS_OF_A_KIND", "3")
    path = tmp_path / "tham-dinh.csv"
    path.write_text("commune_code,criterion_id,score,reason\n" + "00001,1.1.1,0,\n" * 10, encoding="utf-8")
    appraisal = read_appraisal(path, LEAVES, pl.Series(["00001"]))
    assert appraisal.ledger["status"].to_list() == ["rejected"] * 10
    assert appraisal.findings["kind"].to_list() == ["missing-reason"] * 3 + [FOLDED]
    assert appraisal.findings["row"].to_list() == [2, 3, 4, 5]
    assert json.loads(appraisal.findings["params"][3])["count"] == 7
    assert appraisal.folded_texts is not None
    assert appraisal.folded_texts["kind"].to_list() == ["missing-reason"]


def test_a_parquet_register_is_counted_by_its_rows_of_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Parquet register of 50 units (the limit) and 5,000 rows without text (nulls, spaces) is
    read whole; one of 51 units is refused before it is read, naming the file and its 51 rows."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    blank = [(None, " ")] * 5_000
    within = tmp_path / "xa.parquet"
    units = [(f"{i:05d}", f"Xã {i}") for i in range(50)]
    pl.DataFrame(units + blank, schema=["code", "name"], orient="row").write_parquet(within)
    assert read_register(within).frame.height == 50
    past = tmp_path / "qua.parquet"
    pl.DataFrame([*units, ("00051", "Xã 51"), *blank], schema=["code", "name"], orient="row").write_parquet(past)
    assert _refused(read_register, past) == [
        ("too-many-rows", str(past), None, {"rows": 51, "limit": 50, "rows_table": "register", **PER_UNIT})
    ]
