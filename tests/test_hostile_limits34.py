"""What the cases of tests/hostile_limits34.py answer, that the appraisal's input rows table,
now matched on one number a row, is the table the old join on file and sheet names gave, and that
a table's heading columns, now categorical, still name each row's heading."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hostile_limits34 import CASES, EXPECTED, NOT_WRITTEN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.intake.appraisal import APPRAISAL_ALIASES, _appraisal_ledger
from pari_index.intake.findings import row_findings
from pari_index.intake.tables import FILE, HEADING, ROW, SHEET, read_with_columns

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


def _ledger_as_before(source_rows: pl.DataFrame, all_findings: pl.DataFrame) -> pl.DataFrame:
    """appraisal._appraisal_ledger as it was until session 34 (joined on the names' texts)."""
    errors = all_findings.filter(pl.col("row").is_not_null() & (pl.col("severity") == "error")).select(
        pl.col("file").alias(FILE), pl.col("sheet").alias(SHEET), pl.col("row").alias(ROW), "message"
    )
    alone = pl.struct(FILE, SHEET, ROW).is_unique()
    reasons = pl.concat(
        [
            errors.filter(alone).rename({"message": "reasons"}),
            errors.filter(~alone)
            .group_by(FILE, SHEET, ROW)
            .agg(pl.col("message").unique().sort().str.join("; ").alias("reasons")),
        ]
    )
    return (
        source_rows.join(reasons, on=[FILE, SHEET, ROW], how="left", nulls_equal=True)
        .sort(FILE, SHEET, ROW, nulls_last=True)
        .select(
            pl.col(FILE).alias("file"),
            pl.col(SHEET).alias("sheet"),
            pl.col(ROW).alias("row"),
            pl.when(pl.col("reasons").is_null()).then(pl.lit("applied")).otherwise(pl.lit("rejected")).alias("status"),
            "reasons",
        )
    )


_SOURCE_SCHEMA = {FILE: pl.String, SHEET: pl.String, ROW: pl.Int64}
_FINDINGS_SCHEMA = {"file": pl.String, "sheet": pl.String, "row": pl.Int64, "severity": pl.String, "message": pl.String}


def _frames(
    places: list[tuple[str, str | None]], rows: list[tuple[int, int]], found: list[tuple[int, int | None, str, str]]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Source rows (a place and a row number each, no place and row twice) and findings (a place,
    a row or none, a severity, a message); a finding's place may be one no source row is in."""
    seen = dict.fromkeys((places[p % len(places)], r) for p, r in rows)
    source = pl.DataFrame([(f, s, r) for (f, s), r in seen], schema=_SOURCE_SCHEMA, orient="row")
    findings = pl.DataFrame(
        [(*places[p % len(places)], r, severity, message) for p, r, severity, message in found],
        schema=_FINDINGS_SCHEMA,
        orient="row",
    )
    return source, findings


_PLACES = st.lists(
    st.tuples(st.sampled_from(["a.csv", "b.xlsx", "đ.csv"]), st.sampled_from([None, "Sheet1", "Trang 2", ""])),
    min_size=1,
    max_size=4,
    unique=True,
)
_ROWS = st.lists(st.tuples(st.integers(0, 5), st.integers(1, 12)), max_size=30)
_FOUND = st.lists(
    st.tuples(
        st.integers(0, 5),
        st.none() | st.integers(1, 14),
        st.sampled_from(["error", "warning"]),
        st.sampled_from(["cần lý do", "mã không có", "b; a", "a"]),
    ),
    max_size=30,
)


@given(_PLACES, _ROWS, _FOUND)
def test_the_ledger_is_the_one_the_join_on_names_gave(
    places: list[tuple[str, str | None]], rows: list[tuple[int, int]], found: list[tuple[int, int | None, str, str]]
) -> None:
    source, findings = _frames(places, rows, found)
    assert _appraisal_ledger(source, findings).equals(_ledger_as_before(source, findings))


def test_the_ledger_by_hand() -> None:
    """Two sheets of one workbook and a CSV file: each row's own errors, its several ones joined in
    their sorted order, a warning and a finding of no row left out, and a finding of a sheet no
    row is in (left out for its columns) in no row."""
    source = pl.DataFrame(
        [("b.xlsx", "Trang 2", 3), ("a.csv", None, 2), ("b.xlsx", "Sheet1", 2), ("a.csv", None, 3)],
        schema=_SOURCE_SCHEMA,
        orient="row",
    )
    findings = pl.DataFrame(
        [
            ("a.csv", None, 3, "error", "z"),
            ("a.csv", None, 3, "error", "m"),
            ("a.csv", None, 3, "error", "z"),
            ("b.xlsx", "Sheet1", 2, "warning", "w"),
            ("b.xlsx", "Trang 2", 3, "error", "cần lý do"),
            ("b.xlsx", "Trang 2", None, "error", "cả trang"),
            ("b.xlsx", "Trang 9", 3, "error", "trang không đọc"),
        ],
        schema=_FINDINGS_SCHEMA,
        orient="row",
    )
    ledger = _appraisal_ledger(source, findings)
    assert ledger.rows() == [
        ("a.csv", None, 2, "applied", None),
        ("a.csv", None, 3, "rejected", "m; z"),
        ("b.xlsx", "Sheet1", 2, "applied", None),
        ("b.xlsx", "Trang 2", 3, "rejected", "cần lý do"),
    ]
    assert _appraisal_ledger(source, findings.clear())["status"].to_list() == ["applied"] * 4


def test_a_heading_column_is_its_heading_on_every_row_in_4_bytes(tmp_path: Path) -> None:
    """read_with_columns' heading columns are categorical (4 bytes a row, not 16) and still give
    each row the heading its file writes; a finding naming the column names that heading."""
    path = tmp_path / "tham-dinh.csv"
    path.write_text("Mã xã,criterion_id,Lý do\n00001,1.1.1,\n00002,1.1.2,có\n", encoding="utf-8")
    frame, problems = read_with_columns(
        path, APPRAISAL_ALIASES, ("commune_code", "criterion_id", "reason"), "appraisal", "y"
    )
    assert problems == []
    headings = {c: frame.schema[c] for c in frame.columns if c.startswith(HEADING)}
    assert headings and all(dtype == pl.Categorical for dtype in headings.values())
    assert frame.get_column(HEADING + "reason").to_list() == ["Lý do", "Lý do"]
    assert frame.get_column(HEADING + "commune_code").to_list() == ["Mã xã", "Mã xã"]
    found = row_findings(frame, pl.col("reason").is_null(), "missing-reason", pl.lit("m"), "h", field="reason")
    assert found.select("row", "column").rows() == [(2, "Lý do")]
    assert found.schema["column"] == pl.String
