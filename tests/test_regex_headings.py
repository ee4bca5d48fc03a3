"""A heading polars would read as a regular expression (``^…$``) is an ordinary heading.

polars' ``pl.col("^a$")`` selects by pattern; a user's heading handed to it selected the wrong
columns (or none, and every row was dropped as blank, silently) or raised on an invalid pattern.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.intake.many import MIN_FILES, read_many_tables
from pari_index.intake.tables import read_table_file

PATTERN_HEADINGS = ["^a$", "^{$", "^.*$", "^(x$", "^$"]


@pytest.mark.parametrize("heading", PATTERN_HEADINGS)
def test_a_pattern_heading_keeps_its_rows(tmp_path: Path, heading: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"{heading}\n1\n2\n", encoding="utf-8")
    sheet = read_table_file(path).sheets[0]
    assert sheet.frame.columns[1] == heading
    assert sheet.frame[heading].to_list() == ["1", "2"]
    assert sheet.frame["_row"].to_list() == [2, 3]


@pytest.mark.parametrize("heading", PATTERN_HEADINGS)
def test_many_small_files_with_a_pattern_heading(tmp_path: Path, heading: str) -> None:
    paths = []
    for i in range(MIN_FILES):
        path = tmp_path / f"f{i}.csv"
        path.write_text(f"code,{heading}\n{i:05d},v{i}\n", encoding="utf-8")
        paths.append(path)
    result = read_many_tables(paths)
    values = [sheet.frame[heading].to_list() for sheet in result.sheets]
    assert values == [[f"v{i}"] for i in range(MIN_FILES)]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="^$.*{}()[]ab", min_size=1, max_size=6))
def test_any_heading_of_pattern_characters_is_kept_as_written(
    tmp_path_factory: pytest.TempPathFactory, body: str
) -> None:
    heading = f"^{body}$"
    path = tmp_path_factory.mktemp("h") / "t.csv"
    path.write_text(f'"{heading}"\nx\n', encoding="utf-8")
    sheet = read_table_file(path).sheets[0]
    assert sheet.frame[heading].to_list() == ["x"]
