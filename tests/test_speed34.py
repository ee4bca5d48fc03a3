"""Direct tests of the steps session 34 made cheaper (benchmarks/README.md, "Issue 15 after the
thirty-fourth session"): each gives what the per-row form it replaced gave."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from pari_index.criteria.points import EXACT_SCALE
from pari_index.intake import value_checks
from pari_index.intake.meta import _no_documents
from pari_index.intake.schema import COMMUNE, CRITERION, META_ROW_SCHEMA
from pari_index.intake.sheet import FILE, SHEET
from pari_index.intake.tables import ROW
from pari_index.intake.values import no_document

TEXTS = ["không có", "Không  có.", " K ", "kc", "172/KH-UBND", "1_1_1_KH_172_2025.pdf", "n/a", "0", "-", "có", None]


def _meta_rows(numbers: list[str | None], files: list[str | None]) -> pl.DataFrame:
    height = len(numbers)
    columns: dict[str, list[object]] = {name: [None] * height for name in META_ROW_SCHEMA}
    columns.update(
        {
            COMMUNE: [f"{i % 3:05d}" for i in range(height)],
            CRITERION: ["1.1"] * height,
            FILE: ["a.csv"] * height,
            SHEET: [None] * height,
            ROW: list(range(2, height + 2)),
            "evidence_number": numbers,
            "evidence_file": files,
        }
    )
    return pl.DataFrame(columns, schema=META_ROW_SCHEMA)


@given(st.lists(st.tuples(st.sampled_from(TEXTS), st.sampled_from(TEXTS)), min_size=1, max_size=30))
def test_no_documents_nulls_exactly_the_cells_the_words_name(pairs: list[tuple[str | None, str | None]]) -> None:
    numbers, files = [p[0] for p in pairs], [p[1] for p in pairs]
    rows = _meta_rows(numbers, files)
    findings: list[pl.DataFrame] = []
    out = _no_documents(rows, {}, findings)
    for name, given_texts in (("evidence_number", numbers), ("evidence_file", files)):
        said = pl.Series(given_texts, dtype=pl.String).to_frame(name).select(no_document(pl.col(name)).fill_null(False))
        expected = [None if hit else text for text, hit in zip(given_texts, said.to_series(), strict=True)]
        assert out.get_column(name).to_list() == expected
    hits = sum(text is not None and bool(no_document_text(text)) for text in [*numbers, *files])
    assert sum(frame.height for frame in findings) == hits


def no_document_text(text: str) -> bool:
    return bool(pl.select(no_document(pl.lit(text))).item())


def test_no_documents_of_a_clean_batch_adds_nothing() -> None:
    rows = _meta_rows(["172/KH-UBND", "172/KH-UBND", None], ["x.pdf", None, "y.pdf"])
    findings: list[pl.DataFrame] = []
    assert _no_documents(rows, {}, findings).equals(rows)
    assert findings == []


def _percent_cells(units: dict[str, list[int]]) -> pl.DataFrame:
    """Bare percentage cells (no % sign) of each unit: its values in whole percent units."""
    codes = [code for code, values in units.items() for _ in values]
    nums = [value for values in units.values() for value in values]
    return pl.DataFrame(
        {
            FILE: ["a.csv"] * len(codes),
            SHEET: [None] * len(codes),
            COMMUNE: codes,
            "kind": ["percent"] * len(codes),
            "value": [str(n) for n in nums],
            "num": pl.Series(nums, dtype=pl.Int128),
        },
        schema_overrides={SHEET: pl.String},
    )


def _window_form(cells: pl.DataFrame, top: int, telling: pl.Expr) -> list[bool]:
    """The windows over every cell, as before session 34."""
    bare = value_checks._bare_percent(pl.lit(True))
    unit = [FILE, SHEET, COMMUNE]
    within = ~(bare & (pl.col("num") > top)).any().over(unit)
    looks = (bare.sum().over(unit) >= value_checks.PERCENTAGES_AT_LEAST) & telling.any().over(unit) & within
    return cells.select(looks.fill_null(False)).to_series().to_list()


def test_unit_percentages_none_when_no_unit_is_flagged_though_a_cell_is_telling() -> None:
    half = EXACT_SCALE // 2
    # 00001 has a fraction but only two percentages; 00002 three but one above 1: no unit is such.
    cells = _percent_cells({"00001": [half, EXACT_SCALE], "00002": [half, EXACT_SCALE, 90 * EXACT_SCALE]})
    num = pl.col("num")
    bare = value_checks._bare_percent(pl.lit(True))
    telling = bare & (num > 0) & (num < EXACT_SCALE)
    assert cells.select(telling.any()).item()
    assert value_checks._unit_percentages_within(cells, bare, EXACT_SCALE, telling) is None
    assert not any(_window_form(cells, EXACT_SCALE, telling))


def test_unit_percentages_flags_exactly_the_units_the_windows_flag() -> None:
    half = EXACT_SCALE // 2
    cells = _percent_cells(
        {"00001": [half, EXACT_SCALE, 0], "00002": [half, EXACT_SCALE, 90 * EXACT_SCALE], "00003": [half] * 4}
    )
    num = pl.col("num")
    bare = value_checks._bare_percent(pl.lit(True))
    telling = bare & (num > 0) & (num < EXACT_SCALE)
    looks = value_checks._unit_percentages_within(cells, bare, EXACT_SCALE, telling)
    assert looks is not None
    flagged = cells.select(looks.fill_null(False)).to_series().to_list()
    assert flagged == _window_form(cells, EXACT_SCALE, telling)
    assert flagged == [True] * 3 + [False] * 3 + [True] * 4
