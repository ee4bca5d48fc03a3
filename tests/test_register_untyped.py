"""A register whose units have no type (``missing-unit-type``, ``register-without-types``).

The Hà Nội set limits items to some unit types (``applies_to``); for a unit of no type they are
excluded, its values for them not scored. A register with an empty type column, or none, was
scored that way without a word (the ranking changed: 00124 from 94,3 to 93,55 points). Now each
untyped row, or once the register that types no unit, gets a warning naming those items.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.outputs.results import read_results

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REGISTER = pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)
ITEMS = "3.5.1, 3.5.2, 8.4.1, 8.4.2, 8.4.3"
KINDS = ("missing-unit-type", "register-without-types")


def _score(folder: Path, register: pl.DataFrame, *extra: str) -> tuple[int, str, dict[str, pl.DataFrame]]:
    path = folder / "communes.csv"
    register.write_csv(path)
    out = folder / "results.xlsx"
    args = [
        "score",
        str(EXAMPLES / "assessments_long.csv"),
        "--communes",
        str(path),
        "--survey",
        str(EXAMPLES / "survey.csv"),
        "-o",
        str(out),
        "--lang",
        "en",
        *extra,
    ]
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    return result.exit_code, result.output, read_results(out)


def _told(tables: dict[str, pl.DataFrame]) -> list[tuple[object, ...]]:
    findings = tables["findings"].filter(pl.col("kind").is_in(KINDS))
    return findings.select("severity", "kind", "row", "column", "message").rows()


@pytest.mark.parametrize("batch", ["0", "1"])
def test_each_row_without_a_type_is_told(tmp_path: Path, batch: str) -> None:
    blank = pl.int_range(pl.len()).is_in([2, 40])
    register = REGISTER.with_columns(pl.when(blank).then(None).otherwise(pl.col("type")).alias("type"))
    code, output, tables = _score(tmp_path, register, "--batch-size", batch)
    assert code == 0, output
    message = f"the unit has no type: items {ITEMS} apply only to some unit types and are excluded for it"
    # Each names the type its name begins with (session 31), which is not taken: the items stay excluded.
    named = [REGISTER["name"][i].split()[0].lower() for i in (2, 40)]
    said = [f"; its name begins with the type {word}: if it is one, write {word} in the type column" for word in named]
    assert _told(tables) == [
        ("warning", "missing-unit-type", 4, "type", message + said[0]),
        ("warning", "missing-unit-type", 42, "type", message + said[1]),
    ]


@pytest.mark.parametrize("how", ["empty", "dropped"])
def test_a_register_of_no_types_is_told_once(tmp_path: Path, how: str) -> None:
    register = REGISTER.with_columns(pl.lit(None, pl.String).alias("type")) if how == "empty" else REGISTER.drop("type")
    code, output, tables = _score(tmp_path, register)
    assert code == 0, output
    assert "Register without unit types 1" in output
    assert _told(tables) == [
        (
            "warning",
            "register-without-types",
            None,
            None,
            f"the register gives no unit's type (its type column is missing or empty): items {ITEMS} apply only to"
            " some unit types and are excluded for every unit",
        )
    ]


def test_unknown_types_keep_their_own_warning_and_a_typed_register_none(tmp_path: Path) -> None:
    """A type the register cannot read has ``unknown-unit-type`` (not told twice); the example
    register, every unit typed, has neither warning."""
    register = REGISTER.with_columns(pl.lit("huyện").alias("type"))
    (tmp_path / "unknown").mkdir()
    code, output, tables = _score(tmp_path / "unknown", register)
    assert code == 0, output
    assert _told(tables) == []
    assert tables["findings"].filter(pl.col("kind") == "unknown-unit-type").height == REGISTER.height
    (tmp_path / "typed").mkdir()
    code, output, tables = _score(tmp_path / "typed", REGISTER)
    assert code == 0 and _told(tables) == []


def test_a_type_that_differs_from_the_name_is_told_at_its_row(tmp_path: Path) -> None:
    """Every unit typed xã: the 21 named Phường and the Đặc khu are told (``unit-type-differs-from-name``),
    the Xã are not; the example register, whose types agree with its names, has none."""
    register = REGISTER.with_columns(pl.lit("xã").alias("type"))
    code, output, tables = _score(tmp_path, register)
    assert code == 0, output
    found = tables["findings"].filter(pl.col("kind") == "unit-type-differs-from-name")
    named = REGISTER.with_row_index("row", offset=2).filter(~pl.col("name").str.starts_with("Xã "))
    assert found.select("severity", "row", "column").rows() == [("warning", row, "type") for row in named["row"]]
    assert found.height == 22
    assert found["message"][0] == (
        "the unit is named «Phường Hồng Cẩm», but its type is «xã»: the items limited to some unit types are chosen"
        " by the type"
    )
    (tmp_path / "example").mkdir()
    code, output, tables = _score(tmp_path / "example", REGISTER)
    assert "unit-type-differs-from-name" not in tables["findings"]["kind"].to_list()
