"""What a message says of a value in the message's own words: the length of a value cut short, and
the type of a column that is not one value per cell.

Before (found by running every hostile case in Vietnamese and scanning the output with
tests/language_leaks.py): a criteria set with a 1 MB key said "«kkk…»… (1,000,000 characters)" in
its Vietnamese message, and a Parquet table with a list column "cột «x» chứa kiểu List(String)",
polars' English name of the type."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_criteria import long_id, long_key

from pari_index.cli import main
from pari_index.errors import Problem, cut_mark, in_language, shorten
from pari_index.messages.labels import dtype_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def test_a_cut_value_says_its_length_in_the_output_s_language() -> None:
    text = shorten("k" * 1_234_567, 10)
    assert text == "kkkkkkkkkk… (1,234,567 characters)" and text.endswith(cut_mark(1_234_567))
    assert in_language(text, "vi") == "kkkkkkkkkk… (1.234.567 ký tự)"
    assert in_language(text, "en") == text
    # A user's own words "(12 characters)" without the cut's ellipsis are not ours to reword.
    assert in_language("tên (12 characters)", "vi") == "tên (12 characters)"


def test_a_problem_quoting_a_long_value_renders_its_length_in_vietnamese() -> None:
    value = shorten("x" * 5000, 20)
    problem = Problem(
        "bad-value",
        f"{value} is not a number",
        file="a.csv",
        row=2,
        field=shorten("cột " * 100, 20),
        params={"value": value, "expected": "number"},
    )
    vi, en = problem.render("vi"), problem.render("en")
    assert "(5.000 ký tự)" in vi and "(400 ký tự)" in vi and "characters" not in vi
    assert "(5,000 characters)" in en and "(400 characters)" in en


@pytest.mark.parametrize("case", [long_key, long_id], ids=["key", "id"])
def test_a_criteria_set_with_a_megabyte_text_says_its_length_in_vietnamese(tmp_path: Path, case) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, case(tmp_path))
    assert result.exit_code == 1
    assert re.search(r"\(1\.000\.00[02] ký tự\)", result.output), result.output[:2000]
    assert "characters" not in result.output


@pytest.mark.parametrize(
    ("dtype", "vi", "en"),
    [
        (pl.List(pl.String), "danh sách", "lists"),
        (pl.Array(pl.Int64, 2), "danh sách", "lists"),
        (pl.Struct({"a": pl.Int64}), "bản ghi lồng nhau", "nested records"),
        (pl.Int64, "Int64", "Int64"),
    ],
)
def test_a_column_type_is_named_in_words(dtype: pl.DataType, vi: str, en: str) -> None:
    assert (dtype_words(str(dtype), "vi"), dtype_words(str(dtype), "en")) == (vi, en)


def test_a_parquet_list_column_is_named_in_the_run_s_language(tmp_path: Path) -> None:
    frame = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False).head(5)
    frame.with_columns(pl.col("value").map_elements(lambda v: [v], return_dtype=pl.List(pl.String))).write_parquet(
        tmp_path / "long.parquet"
    )
    for lang, words, english in (("vi", "chứa kiểu danh sách", "List("), ("en", "holds lists", None)):
        args = [str(tmp_path / "long.parquet"), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey"]
        result = CliRunner().invoke(main, ["score", *args, "-o", str(tmp_path / f"{lang}.xlsx"), "--lang", lang])
        assert "[unsupported-column-type]" in result.output and words in result.output, result.output
        assert english is None or english not in result.output
