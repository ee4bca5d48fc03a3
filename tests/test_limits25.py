"""Session 25's resource-limit fixes (helper limits25), as unit tests: what the console and the
report count as "… and N more" when findings were folded (intake.folding)."""

from __future__ import annotations

import json

import polars as pl
import pytest

from pari_index.intake.folding import FOLDED
from pari_index.intake.schema import FINDING_SCHEMA


def _findings(plain: int, folded_at: int, folded: int, code: str | None = "00001") -> pl.DataFrame:
    """``plain`` bad-value findings of unit ``code`` in a.csv, with one folded finding standing for
    ``folded`` more put at ``folded_at``."""
    rows = [
        {
            "severity": "error",
            "kind": "bad-value",
            "commune_code": code,
            "criterion_id": "1.1.1",
            "file": "a.csv",
            "sheet": None,
            "row": row + 2,
            "column": "1.1.1",
            "message": "x? is not a number",
            "hint": "correct the cell",
            "size": None,
            "params": json.dumps({"value": "x?", "expected": "count"}),
        }
        for row in range(plain)
    ]
    params = {"columns_folded": "1.1.1", "count": folded, "folded_kind": "bad-value", "keep": 1000, "rows": "2–9"}
    rows.insert(
        folded_at,
        {
            **rows[0],
            "kind": FOLDED,
            "criterion_id": None,
            "message": f"{folded} more findings not listed",
            "hint": None,
            "size": float(folded),
            "params": json.dumps(params),
        },
    )
    return pl.DataFrame(rows, schema=FINDING_SCHEMA)


@pytest.mark.parametrize(("lang", "said"), [("en", "… and 5,002 more"), ("vi", "… và 5.002 vấn đề khác")])
def test_the_console_s_more_line_counts_a_folded_finding_as_the_findings_it_folded(lang: str, said: str) -> None:
    """53 findings, the 52nd folding 5,000: 50 are printed and the last line says 5,002 more (it
    said 3, as if the folded one were one finding, while the summary line said 5,052 errors)."""
    from pari_index.pipeline import findings_as_problems

    problems = findings_as_problems(_findings(52, 51, 5_000), lang=lang, fmt="csv")
    assert len(problems) == 51
    assert problems[-1].code == "more"
    assert problems[-1].params is not None and problems[-1].params["count"] == 5_002
    assert problems[-1].message.startswith(said)


def test_a_folded_finding_that_is_printed_is_not_counted_again() -> None:
    from pari_index.pipeline import findings_as_problems

    problems = findings_as_problems(_findings(52, 10, 5_000), lang="en", fmt="csv")
    assert problems[-1].params is not None and problems[-1].params["count"] == 3


@pytest.mark.parametrize("code", ["00001", None])
def test_the_report_s_more_line_counts_a_folded_finding_as_the_findings_it_folded(code: str | None) -> None:
    """A unit's details (and the general findings) list 200 findings and count the rest as the
    findings they stand for: 205 listed or not, one of them folding 7,000, are 200 listed and
    7,005 more (it said 6)."""
    from pari_index.outputs.report_format import Formatter
    from pari_index.outputs.report_items import findings_of as report_findings

    found = report_findings(_findings(205, 203, 7_000, code), Formatter("en", 2), 1, None)
    if code is None:
        assert (len(found.general), found.general_more) == (200, 7_005)
    else:
        assert (len(found.by_commune[code]), found.unit_more[code]) == (200, 7_005)


def test_the_report_counts_nothing_more_when_every_finding_is_listed() -> None:
    from pari_index.outputs.report_format import Formatter
    from pari_index.outputs.report_items import findings_of as report_findings

    found = report_findings(_findings(150, 3, 7_000), Formatter("en", 2), 1, None)
    assert (len(found.by_commune["00001"]), found.unit_more) == (151, {})


def test_a_wide_frame_s_cells_and_meta_rows_keep_their_order_and_sources() -> None:
    """forms._wide_cells, since only numbers and the values go through its unpivot and pivot: the
    cells in the order of their columns then rows, each item's field its own or its default input;
    the meta rows in the order their first cell is met so (1.1.2 of row 3, whose evidence number
    comes first, before 1.1.2 of row 2); a meta column with no cell is not one of those read, so
    the next column of the same item and field is the "wide" one (as the pivot of the text gave)."""
    from types import SimpleNamespace

    from pari_index.intake.forms import _wide_cells

    table = SimpleNamespace(
        default_input=pl.DataFrame(
            {"criterion_id": ["1.1.1", "1.1.2", "1.1.3"], "default_field": ["signed_on", None, None]}
        ),
        # Each item's inputs (read since session 31 to tell a heading such as «self score» from an input).
        fields=pl.DataFrame({"criterion_id": ["1.1.1", "1.1.3"], "field": ["signed_on", "done"]}),
    )
    frame = pl.DataFrame(
        {
            "_row": [2, 3],
            "commune_code": ["a", "b"],
            "1.1.1": ["1", None],
            "1.1.1:self_score": [None, None],
            "1.1.1 : self_score": ["0.5", None],
            "1.1.2:evidence_number": [None, "12"],
            "1.1.3:done": ["x", "y"],
            "1.1.2:self_score": ["1", "0"],
            "_file": ["f.csv", "f.csv"],
            "_sheet": [None, None],
        },
        schema_overrides={"_sheet": pl.String, "1.1.1:self_score": pl.String},
    )
    columns = [c for c in frame.columns if c[0].isdigit()]
    cells, meta_rows, names = _wide_cells(frame, table, columns)  # type: ignore[arg-type]
    assert cells.rows() == [
        ("a", "1.1.1", "signed_on", "1", "f.csv", None, 2, "1.1.1"),
        ("a", "1.1.3", "done", "x", "f.csv", None, 2, "1.1.3:done"),
        ("b", "1.1.3", "done", "y", "f.csv", None, 3, "1.1.3:done"),
    ]
    assert meta_rows.select(
        "commune_code", "criterion_id", "_row", "_source", "self_score", "evidence_number"
    ).rows() == [
        ("a", "1.1.1", 2, "wide", "0.5", None),
        ("b", "1.1.2", 3, "wide", "0", "12"),
        ("a", "1.1.2", 2, "wide", "1", None),
    ]
    assert names == [
        ("1.1.1 : self_score", "1.1.1", "self_score", "wide"),
        ("1.1.2:evidence_number", "1.1.2", "evidence_number", "wide"),
        ("1.1.2:self_score", "1.1.2", "self_score", "wide"),
    ]
    both = frame.with_columns(pl.lit("2").alias("1.1.1:self_score"))
    _, meta_rows, names = _wide_cells(both, table, columns)  # type: ignore[arg-type]
    assert [n[3] for n in names][:2] == ["wide", "wide:1"]
    assert meta_rows.filter(pl.col("criterion_id") == "1.1.1").select("_row", "_source", "self_score").rows() == [
        (2, "wide", "2"),
        (3, "wide", "2"),
        (2, "wide:1", "0.5"),
    ]
