"""outputs.row_chunks: a table's rows cut by their number and by the bytes of their text, for the
workbook's sheets and the results' digests; what is made of the chunks does not depend on where
they are cut."""

from __future__ import annotations

import zipfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.outputs import results_digest, workbook
from pari_index.outputs.row_chunks import row_chunks, text_bytes


def test_chunks_hold_their_rows_and_bytes_and_at_least_one_row() -> None:
    frame = pl.DataFrame({"text": ["ab", "cde", None, "x" * 10, "f"], "n": [1, 2, 3, 4, 5]})
    assert text_bytes(frame).to_list() == [2, 3, 0, 10, 1]
    assert list(row_chunks(frame, 100, 5)) == [(0, 3), (3, 1), (4, 1)]  # the 10-byte row alone
    assert list(row_chunks(frame, 2, 100)) == [(0, 2), (2, 2), (4, 1)]
    assert list(row_chunks(pl.DataFrame({"n": [1, 2, 3]}), 2, 1)) == [(0, 2), (2, 1)]
    assert list(row_chunks(pl.DataFrame({"text": []}, schema={"text": pl.String}), 2, 1)) == []


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(st.one_of(st.none(), st.text(max_size=30)), max_size=40),
    rows=st.integers(1, 50),
    max_bytes=st.integers(1, 200),
)
def test_a_digest_does_not_depend_on_where_the_chunks_are_cut(
    texts: list[str | None], rows: int, max_bytes: int
) -> None:
    frame = pl.DataFrame({"text": texts, "n": list(range(len(texts)))}, schema={"text": pl.String, "n": pl.Int64})
    whole = results_digest.table_digest(frame)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(results_digest, "_CHUNK", rows)
        patched.setattr(results_digest, "_CHUNK_BYTES", max_bytes)
        assert results_digest.table_digest(frame) == whole


def test_a_sheet_is_the_same_xml_in_chunks_of_a_few_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pl.DataFrame({"code": [f"{i:05d}" for i in range(300)], "message": ["x" * (i % 50) for i in range(300)]})
    workbook.write_workbook(tmp_path / "one.xlsx", {"findings": frame})
    monkeypatch.setattr(workbook, "CHUNK_BYTES", 100)
    workbook.write_workbook(tmp_path / "many.xlsx", {"findings": frame})
    with zipfile.ZipFile(tmp_path / "one.xlsx") as one, zipfile.ZipFile(tmp_path / "many.xlsx") as many:
        assert one.namelist() == many.namelist()
        for name in one.namelist():
            assert one.read(name) == many.read(name), name
