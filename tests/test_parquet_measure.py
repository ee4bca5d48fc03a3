"""intake.parquet_measure: the bytes a Parquet file's pages inflate to (read from each page's
header, the footer's totals not trusted), the text it reads as, and the refusals over their
limits, for an input and for a results folder's table."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest

from pari_index.errors import IntakeError
from pari_index.intake.parquet_input import read_parquet
from pari_index.intake.parquet_measure import (
    MAX_PARQUET_TEXT_BYTES,
    TEXT_RATIO,
    Unreadable,
    inflated_bytes,
    text_bytes,
    text_limit,
)
from pari_index.outputs.results import _parquet_table


def _written(frame: pl.DataFrame, **options: object) -> io.BytesIO:
    data = io.BytesIO()
    frame.write_parquet(data, **options)  # type: ignore[arg-type]
    data.seek(0)
    return data


def test_the_pages_of_one_long_string_are_measured_at_their_inflated_size() -> None:
    data = _written(pl.DataFrame({"x": ["a" * 3_000_000]}), compression="zstd")
    assert len(data.getbuffer()) < 2_000
    assert 3_000_000 <= inflated_bytes(data) < 3_000_100


def test_every_row_group_and_the_dictionary_pages_are_counted() -> None:
    frame = pl.DataFrame({"code": [f"{i:05d}" for i in range(1_000)], "n": list(range(1_000))})
    one = inflated_bytes(_written(frame))
    many = inflated_bytes(_written(frame, row_group_size=10))
    assert one > 1_000 * 8 and many > one


def test_a_file_that_is_not_parquet_is_unreadable() -> None:
    with pytest.raises(Unreadable):
        inflated_bytes(io.BytesIO(b"PAR1" + b"\x00" * 20 + b"PAR1"))
    cut = _written(pl.DataFrame({"x": [1, 2, 3]})).getvalue()
    footer = int.from_bytes(cut[-8:-4], "little")
    with pytest.raises(Unreadable):  # the footer's first half, its length set to match
        half = footer // 2
        inflated_bytes(
            io.BytesIO(
                cut[: -8 - footer] + cut[-8 - footer : -8 - footer + half] + half.to_bytes(4, "little") + b"PAR1"
            )
        )


def test_text_is_counted_at_every_row_that_names_a_dictionary_string() -> None:
    frame = pl.select(code=pl.repeat("x" * 1_000, 10_000), n=pl.repeat(1, 10_000))
    assert text_bytes(frame) == 10_000_000


def test_the_text_limit_is_the_larger_of_its_floor_and_the_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    assert text_limit(1_000) == MAX_PARQUET_TEXT_BYTES
    assert text_limit(10 * MAX_PARQUET_TEXT_BYTES) == TEXT_RATIO * 10 * MAX_PARQUET_TEXT_BYTES
    monkeypatch.setenv("PARI_MAX_PARQUET_TEXT_BYTES", "1_000")
    assert text_limit(10) == 1_000


def test_an_input_of_a_string_named_by_many_rows_is_refused_before_its_text_is_worked_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARI_MAX_PARQUET_TEXT_BYTES", "1_000_000")
    frame = pl.select(commune_code=pl.repeat("0" * 1_000, 2_000), criterion_id=pl.repeat("1.1.1", 2_000))
    result = read_parquet(_written(frame), "a.parquet")
    assert [(p.code, p.file, p.params["found"]) for p in result.problems] == [
        ("parquet-too-much-text", "a.parquet", 2_000 * 1_005)
    ]
    assert result.sheets == []


def test_an_input_whose_page_inflates_past_the_limit_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARI_MAX_PARQUET_TEXT_BYTES", "1_000_000")
    result = read_parquet(_written(pl.DataFrame({"commune_code": ["a" * 2_000_000]}), compression="zstd"), "a.parquet")
    assert [p.code for p in result.problems] == ["parquet-too-much-text"]
    assert result.problems[0].params["found"] >= 2_000_000


def test_an_input_of_a_footer_over_its_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARI_MAX_PARQUET_FOOTER_BYTES", "10_000")
    frame = pl.DataFrame({"commune_code": [f"{i:05d}" for i in range(500)]})
    result = read_parquet(_written(frame, row_group_size=1, statistics=False), "a.parquet")
    assert [p.code for p in result.problems] == ["parquet-footer-too-large"]
    ordinary = read_parquet(_written(frame), "a.parquet")
    assert ordinary.problems == [] and ordinary.sheets[0].frame.height == 500


def test_a_results_table_is_measured_as_an_input_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARI_MAX_PARQUET_TEXT_BYTES", "1_000_000")
    table = tmp_path / "summary.parquet"
    pl.select(commune_code=pl.repeat("0" * 1_000, 2_000)).write_parquet(table)
    with table.open("rb") as handle, pytest.raises(IntakeError) as refused:
        _parquet_table(handle, table, "summary")
    assert [(p.code, p.sheet) for p in refused.value.problems] == [("parquet-too-much-text", "summary")]
    pl.select(commune_code=pl.repeat("00001", 2_000)).write_parquet(table)
    with table.open("rb") as handle:
        assert _parquet_table(handle, table, "summary").height == 2_000
