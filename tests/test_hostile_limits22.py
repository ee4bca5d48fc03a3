"""What the cases of tests/hostile_limits22.py answer: a cache entry whose tables pass a limit of an
input's Parquet file (its bytes, footer, cells, pages or text) is ignored with a note naming the
table and the limit, in the run's language, and computed again: the run's results are those of a
run without cache, exit 0. The cases run as real child processes with a time-out."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case, pari_child
from hostile_limits22 import CASES, EXPECTED, LISTINGS, NOT_WRITTEN, NOTED
from test_hostile_cache import _results, plain  # noqa: F401 (a fixture)

from pari_index.intake.cache import CacheStore, cache_cells
from pari_index.intake.parquet_measure import OverLimit, read_measured


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted([*NOTED, *EXPECTED, *LISTINGS])


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_case_answers_its_code_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if case.endswith("in-a-row"):
        assert "một hàng ghi ô vượt quá cột 16.384" in said, said
    elif case.endswith("past-the-last"):
        assert "trang tính ghi hàng vượt quá hàng 1.048.576" in said, said
    else:
        assert "trang tính ghi hơn 5.000.000 ô, kể cả ô trống" in said, said


def test_a_diff_of_long_renumbered_titles_lists_every_change(tmp_path: Path) -> None:
    done = pari_child(CASES["diff-renumbered-long-titles"](tmp_path), tmp_path, timeout=240)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    # The titles written {vi: …} were drawn afresh (82 items): none is matched, each removed and added.
    assert done.stdout.count(": bỏ\n") == done.stdout.count(": thêm mới\n") == 82
    assert "910.2: thêm mới" in done.stdout and "ghép mục theo tên" not in done.stdout


@pytest.mark.parametrize("case", sorted(NOTED))
def test_an_entry_beyond_a_limit_is_computed_again(tmp_path: Path, case: str, plain: dict[str, bytes]) -> None:  # noqa: F811
    args = CASES[case](tmp_path)
    done = pari_child(args, tmp_path, timeout=240)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "Traceback" not in said
    assert "Cache: ignored" in said and NOTED[case] in said and "the results are unaffected" in said, said
    if case != "cache-cells-of-a-dictionary-string":  # its appraisal was changed after the cache was filled
        assert _results(tmp_path / "out") == plain
    # The entry was discarded and written again: the next run takes it and notes nothing.
    again = pari_child(args, tmp_path, timeout=240)
    assert again.returncode == 0 and "Cache: ignored" not in again.stdout, again.stdout + again.stderr
    assert "60 units reused" in again.stdout


@pytest.mark.parametrize(
    ("case", "words"),
    [
        # The communes' rows are kept per language: the intake's tables are the run's in either.
        ("cache-ledger-of-one-long-string", "ledger.parquet: tệp Parquet khi đọc ra là 150.0"),
        ("cache-sparse-table", "cells.parquet chiếm 3.221.225.472 byte, nhiều hơn 268.435.456 byte bộ nhớ đệm đọc"),
    ],
)
def test_the_note_is_said_in_vietnamese(tmp_path: Path, case: str, words: str) -> None:
    args = CASES[case](tmp_path)
    done = pari_child(["vi" if a == "en" else a for a in args], tmp_path, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Bộ nhớ đệm: bỏ qua" in done.stdout and words in done.stdout, done.stdout


def _parquet(frame: pl.DataFrame, **options: object) -> io.BytesIO:
    buffer = io.BytesIO()
    frame.write_parquet(buffer, **options)  # type: ignore[arg-type]
    buffer.seek(0)
    return buffer


def test_read_measured_names_each_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = pl.DataFrame({"a": ["x"] * 1000, "b": list(range(1000))})
    assert read_measured(_parquet(rows), "t.parquet", 2000).equals(rows)  # type: ignore[union-attr]
    assert read_measured(_parquet(rows), "t.parquet", 2000, decode=False) is None
    with pytest.raises(OverLimit) as cells:
        read_measured(_parquet(rows), "t.parquet", 1999)
    assert cells.value.problem.code == "too-many-cells" and cells.value.problem.params["rows"] == 1000
    long = pl.DataFrame({"a": ["a" * 120_000_000]})
    for decode in (True, False):
        with pytest.raises(OverLimit) as text:
            read_measured(_parquet(long, compression="zstd"), "t.parquet", 10, decode=decode)
        assert text.value.problem.code == "parquet-too-much-text"
    # One string of 30,000 digits named 4,000 times through the dictionary: small pages, but the
    # text once read is 120 MB; measured undecoded too (the cache's deferred tables).
    named = pl.select(pl.repeat("0" * 30_000, 4_000).alias("a"))
    for decode in (True, False):
        with pytest.raises(OverLimit) as text:
            read_measured(_parquet(named), "t.parquet", 10_000, decode=decode)
        assert text.value.problem.params["found"] == 120_000_000
    monkeypatch.setenv("PARI_MAX_PARQUET_FOOTER_BYTES", "10000")
    read_measured(_parquet(rows), "t.parquet", 2000)
    with pytest.raises(OverLimit) as footer:
        read_measured(_parquet(rows, row_group_size=10), "t.parquet", 2000)
    assert footer.value.problem.code == "parquet-footer-too-large" and footer.value.problem.params["found"] > 10_000


def test_cache_cells_grow_with_the_run_s_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache_cells() == 25_000_000
    monkeypatch.setenv("PARI_MAX_ITEM_ROWS", "4_000_000")
    assert cache_cells() == 50_000_000
    monkeypatch.setenv("PARI_MAX_CELLS", "90000000")
    assert cache_cells() == 90_000_000


def test_a_table_over_its_bytes_is_not_read(tmp_path: Path) -> None:
    store = CacheStore(tmp_path / "cache")
    assert store.usable()
    store.save("intake", "0" * 64, {"cells": pl.DataFrame({"a": [1, 2]})})
    table = tmp_path / "cache" / "intake" / ("0" * 64) / "cells.parquet"
    with table.open("r+b") as handle:
        handle.truncate(300 * 1024**2)  # sparse: the manifest's SHA-256 is not even computed
    assert store.load("intake", "0" * 64, ("cells",)) is None
    assert [note.reason for note in store.notes] == [
        "cells.parquet takes 314,572,800 bytes, more than the 268,435,456 the cache reads"
    ]
    assert not table.parent.exists()  # discarded


def test_an_earlier_results_file_beyond_the_limits_is_not_patched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The results folder's earlier Parquet file whose unchanged row groups the writer copies: its
    SHA-256 comes from the cache, so it too is read within a table's bytes and an input's footer."""
    import hashlib

    from pari_index.intake.cache_folder import ParquetReuse
    from pari_index.outputs.files import PARQUET_ROW_GROUP, _patched

    frame = pl.DataFrame({"a": list(range(3 * PARQUET_ROW_GROUP))})
    earlier = tmp_path / "rows.parquet"
    frame.write_parquet(earlier, row_group_size=PARQUET_ROW_GROUP)
    changed = frame.with_columns(pl.when(pl.col("a") == 0).then(-1).otherwise(pl.col("a")).alias("a"))

    def reuse() -> ParquetReuse:
        return ParquetReuse(earlier, hashlib.sha256(earlier.read_bytes()).hexdigest(), frozenset({1, 2}))

    assert _patched(changed, reuse()) is not None  # within the limits: patched
    monkeypatch.setenv("PARI_MAX_PARQUET_FOOTER_BYTES", "100")
    assert _patched(changed, reuse()) is None
    monkeypatch.delenv("PARI_MAX_PARQUET_FOOTER_BYTES")
    monkeypatch.setattr("pari_index.intake.cache.MAX_TABLE_BYTES", 1000)
    assert _patched(changed, reuse()) is None


def _ods_row_to(tmp_path: Path, tail: str) -> Path:
    from hostile_sweep9 import ods_cell, ods_row, write_ods

    header = ods_row([ods_cell("commune_code"), ods_cell("note")])
    return write_ods(tmp_path / "a.ods", header + f"<table:table-row>{ods_cell('00001')}{tail}</table:table-row>")


def test_an_ods_row_may_reach_the_last_column_but_not_pass_it(tmp_path: Path) -> None:
    from pari_index.intake.xlsx import read_excel
    from pari_index.intake.xlsx.limits import XlsxLimits, _Refused
    from pari_index.intake.xlsx.package import _prescan

    # As LibreOffice ends a row: its empty cells repeated up to column 16,384 (or, as another
    # writer might, past it: calamine cuts the run there, once).
    edge = '<table:table-cell table:number-columns-repeated="16383"/>'
    for tail in (edge, '<table:table-cell table:number-columns-repeated="20000"/>'):
        assert read_excel(_ods_row_to(tmp_path, tail), "a.ods").problems == []
    for past in (edge + "<table:table-cell/>", edge + '<table:table-cell office:value-type="string"/>'):
        with pytest.raises(_Refused) as refused:
            _prescan(_ods_row_to(tmp_path, past), "a.ods", XlsxLimits.from_env())
        problem = refused.value.problem
        assert (problem.code, problem.params["sheet_size"], problem.row) == ("sheet-too-large", "past_edge", 2)


def test_an_ods_sheet_may_end_at_its_last_row_but_write_none_past_it(tmp_path: Path) -> None:
    from hostile_sweep9 import ods_cell, ods_row, write_ods

    from pari_index.intake.xlsx.limits import XlsxLimits, _Refused
    from pari_index.intake.xlsx.package import _prescan

    def empty_rows(count: int) -> str:
        return f'<table:table-row table:number-rows-repeated="{count}"><table:table-cell/></table:table-row>'

    # write_ods ends the sheet with 1,048,000 empty rows: here they end at row 1,048,576 exactly,
    # then one past it (calamine cuts that run, once).
    rows = ods_row([ods_cell("commune_code")]) + ods_row([ods_cell("00001")])
    for count in (574, 575):
        _prescan(write_ods(tmp_path / "a.ods", rows + empty_rows(count)), "a.ods", XlsxLimits.from_env())
    with pytest.raises(_Refused) as refused:  # its 1,048,000 empty rows begin past the last row
        _prescan(write_ods(tmp_path / "b.ods", rows + empty_rows(1_048_574)), "b.ods", XlsxLimits.from_env())
    problem = refused.value.problem
    assert (problem.params, problem.row) == ({"sheet_size": "rows_past_edge", "limit": 1_048_576}, 1_048_576)


def test_an_ods_sheet_writes_at_most_the_cells_limit_empty_ones_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pari_index.intake.xlsx.limits import XlsxLimits, _Refused
    from pari_index.intake.xlsx.package import _prescan

    monkeypatch.setenv("PARI_MAX_XLSX_CELLS", "1000")
    _prescan(_ods_row_to(tmp_path, "<table:table-cell/>" * 990), "a.ods", XlsxLimits.from_env())
    with pytest.raises(_Refused) as refused:
        _prescan(_ods_row_to(tmp_path, "<table:table-cell/>" * 1000), "a.ods", XlsxLimits.from_env())
    assert refused.value.problem.params == {"sheet_size": "elements", "limit": 1000}


def test_a_diff_past_its_comparisons_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.authoring import diff
    from pari_index.criteria.loading import load_criteria, load_criteria_text

    bundled = Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml"
    text = bundled.read_text(encoding="utf-8")
    old = load_criteria(bundled).criteria
    new_text = text.replace('id: "1.1.1"', 'id: "1.1.9"').replace('id: "1.1.2"', 'id: "1.1.8"')
    # 1.1.1's title changed a little (matched by likeness), 1.1.2's kept (matched as it is).
    new_text = new_text.replace("Ban hành Kế hoạch CCHC năm của", "Ban hành Kế hoạch CCHC hằng năm của")
    new = load_criteria_text(new_text, "moi.yaml").criteria
    moved = [c for c in diff.diff_sets(old, new, "en") if c.what == "moved"]
    assert [c.item for c in moved] == ["1.1.1 → 1.1.9", "1.1.2 → 1.1.8"]
    monkeypatch.setattr(diff, "MAX_COMPARISONS", 0)
    changes = diff.diff_sets(old, new, "en")
    assert [c.item for c in changes if c.what == "moved"] == ["1.1.2 → 1.1.8"]
    assert {(c.item, c.what) for c in changes} >= {("1.1.1", "removed"), ("1.1.9", "added")}
    cut = [c for c in changes if c.what == "matching"]
    assert len(cut) == 1 and cut[0].new.startswith("the titles of 0 pairs of items were compared")
    vi = [c for c in diff.diff_sets(old, new, "vi") if c.what == "matching"]
    assert vi[0].new.startswith("đã so sánh tên của 0 cặp mục")
