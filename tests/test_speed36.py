"""Direct tests of the scoring and writing steps session 36 made cheaper (benchmarks/README.md,
"Issue 15 after the thirty-sixth session"): each gives what the form it replaced gave."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.scoring.items import _locate

_FINDING = {
    "severity": pl.String,
    "kind": pl.String,
    "commune_code": pl.String,
    "criterion_id": pl.String,
    "file": pl.String,
    "sheet": pl.String,
    "row": pl.Int64,
    "column": pl.String,
    "message": pl.String,
}
_PLACE = {
    "commune_code": pl.String,
    "criterion_id": pl.String,
    "place": pl.String,
    "file": pl.String,
    "sheet": pl.String,
    "row": pl.Int64,
    "column": pl.String,
}
_CELL = {
    "commune_code": pl.String,
    "criterion_id": pl.String,
    "field": pl.String,
    "_file": pl.Categorical,
    "_sheet": pl.String,
    "_row": pl.Int64,
}


class _Intake:
    """The two frames :func:`_locate` reads of an intake."""

    def __init__(self, cells: pl.DataFrame, places: pl.DataFrame) -> None:
        self.cells, self.places = cells, places


def _locate_before(findings: pl.DataFrame, intake: _Intake) -> pl.DataFrame:
    """``_locate`` as it was at 071b56d (every wanted item's cells and places looked up)."""
    key = ["commune_code", "criterion_id"]
    place = pl.when(pl.col("kind") == "self-score-differs").then(pl.lit("self_score")).otherwise(pl.lit("evidence"))
    wanted = findings.filter(
        (pl.col("kind") == "self-score-differs") | pl.col("kind").str.starts_with("evidence-")
    ).select(key)
    if wanted.height == 0:
        return findings
    item_rows = (
        intake.cells.select(*key, "_file", "_sheet", "_row")
        .join(wanted.unique(), on=key, how="semi")
        .unique(subset=key, keep="first", maintain_order=True)
        .select(*key, pl.col("_file").cast(pl.String), "_sheet", "_row")
    )
    places = intake.places.join(wanted.unique(), on=key, how="semi").rename(
        {"file": "_pfile", "sheet": "_psheet", "row": "_prow", "column": "_pcolumn"}
    )
    located = (
        findings.with_columns(place.alias("place"))
        .join(places, on=[*key, "place"], how="left", maintain_order="left")
        .join(item_rows, on=key, how="left", maintain_order="left")
    )
    is_ours = ((pl.col("kind") == "self-score-differs") | pl.col("kind").str.starts_with("evidence-")) & pl.col(
        "file"
    ).is_null()
    from_place = pl.col("_prow").is_not_null()
    return located.with_columns(
        pl.when(is_ours).then(pl.coalesce("_pfile", "_file")).otherwise(pl.col("file")).alias("file"),
        pl.when(is_ours)
        .then(pl.coalesce("_psheet", pl.when(~from_place).then("_sheet")))
        .otherwise(pl.col("sheet"))
        .alias("sheet"),
        pl.when(is_ours).then(pl.coalesce("_prow", "_row")).otherwise(pl.col("row")).alias("row"),
        pl.when(is_ours).then(pl.col("_pcolumn")).otherwise(pl.col("column")).alias("column"),
    ).select(findings.columns)


def _finding(kind: str, commune: str, item: str, file: str | None = None, row: int | None = None) -> dict:
    return {
        "severity": "warning",
        "kind": kind,
        "commune_code": commune,
        "criterion_id": item,
        "file": file,
        "sheet": None if file is None else "S",
        "row": row,
        "column": None if file is None else "C",
        "message": "m",
    }


_CELLS = pl.DataFrame(
    [
        ("001", "1.1", "a", "a.csv", "Sheet1", 5),
        ("001", "1.2", "a", "a.csv", "Sheet1", 9),
        ("002", "1.1", "a", "b.csv", None, 3),
    ],
    schema=_CELL,
    orient="row",
)
_PLACES = pl.DataFrame(
    [
        ("001", "1.1", "self_score", "a.csv", "Sheet1", 5, "Tự chấm"),
        ("001", "1.1", "evidence", "a.csv", "Sheet1", 5, "Minh chứng"),
        # A place of no file (never made by intake; the item's file then stands in for it).
        ("002", "1.1", "self_score", None, "S2", 7, "Tự chấm"),
    ],
    schema=_PLACE,
    orient="row",
)


def test_locate_places_each_finding_as_before() -> None:
    findings = pl.DataFrame(
        [
            _finding("self-score-differs", "001", "1.1"),  # its place: row 5, "Tự chấm"
            _finding("evidence-missing", "001", "1.2"),  # no place: the item's row 9, no column
            _finding("evidence-missing", "001", "1.1", file="x.csv", row=40),  # located already
            _finding("self-score-differs", "002", "1.1"),  # a place without a file: b.csv, row 7
            _finding("not-assessed", "001", "1.1"),  # not ours
            _finding("evidence-missing", "003", "9.9"),  # nothing anywhere
        ],
        schema=_FINDING,
        orient="row",
    )
    intake = _Intake(_CELLS, _PLACES)
    located = _locate(findings, intake)  # type: ignore[arg-type]
    assert located.equals(_locate_before(findings, intake))
    assert located.select("file", "sheet", "row", "column").rows() == [
        ("a.csv", "Sheet1", 5, "Tự chấm"),
        ("a.csv", "Sheet1", 9, None),
        ("x.csv", "S", 40, "C"),
        ("b.csv", "S2", 7, "Tự chấm"),
        (None, None, None, None),
        (None, None, None, None),
    ]


def test_locate_takes_an_items_first_row_when_it_has_several() -> None:
    # An item of two inputs, on rows 4 and 9 of its file: its evidence finding names row 4.
    cells = pl.DataFrame(
        [("001", "2.1", "a", "a.csv", "S", 4), ("001", "2.1", "b", "a.csv", "S", 9)], schema=_CELL, orient="row"
    )
    findings = pl.DataFrame([_finding("evidence-missing", "001", "2.1")], schema=_FINDING, orient="row")
    located = _locate(findings, _Intake(cells, _PLACES.clear()))  # type: ignore[arg-type]
    assert located.select("file", "row").rows() == [("a.csv", 4)]


def test_locate_without_findings_to_place_returns_them_as_they_are() -> None:
    findings = pl.DataFrame([_finding("not-assessed", "001", "1.1")], schema=_FINDING, orient="row")
    assert _locate(findings, _Intake(_CELLS, _PLACES)).equals(findings)  # type: ignore[arg-type]


_KINDS = st.sampled_from(["self-score-differs", "evidence-missing", "evidence-explained", "not-assessed"])
_COMMUNES = st.sampled_from(["001", "002", "003"])
_ITEMS = st.sampled_from(["1.1", "1.2", "2.1"])


@settings(deadline=None)
@given(
    findings=st.lists(
        st.tuples(_KINDS, _COMMUNES, _ITEMS, st.sampled_from([None, "x.csv"]), st.integers(2, 9)), max_size=12
    ),
    places=st.lists(
        st.tuples(
            _COMMUNES,
            _ITEMS,
            st.sampled_from(["self_score", "evidence"]),
            st.sampled_from([None, "p.csv"]),
            st.integers(2, 9),
        ),
        max_size=8,
        unique_by=lambda p: p[:3],
    ),
    cells=st.lists(st.tuples(_COMMUNES, _ITEMS, st.integers(2, 9)), max_size=8, unique_by=lambda c: c[:2]),
)
def test_locate_agrees_with_the_form_it_replaced(
    findings: list[tuple[str, str, str, str | None, int]],
    places: list[tuple[str, str, str, str | None, int]],
    cells: list[tuple[str, str, int]],
) -> None:
    found = pl.DataFrame(
        [_finding(k, c, i, f, r if f else None) for k, c, i, f, r in findings], schema=_FINDING, orient="row"
    )
    intake = _Intake(
        pl.DataFrame([(c, i, "a", "c.csv", "S", r) for c, i, r in cells], schema=_CELL, orient="row"),
        pl.DataFrame([(c, i, p, f, "P", r, "col") for c, i, p, f, r in places], schema=_PLACE, orient="row"),
    )
    assert _locate(found, intake).equals(_locate_before(found, intake))  # type: ignore[arg-type]


def _areas_before(details: pl.DataFrame) -> pl.DataFrame | None:
    """``ranks._applicable_areas`` as it was at 071b56d."""
    applicable = details.group_by("commune_code").agg(
        pl.col("area_id").filter(pl.col("status") != "excluded").unique().alias("_areas")
    )
    return applicable if applicable.height else None


def _top_lost_before(details: pl.DataFrame, count: int = 3) -> pl.DataFrame:
    """``ranks.top_lost`` as it was at 071b56d (the texts joined inside the aggregation)."""
    from pari_index.ranking.ranks import MINUS, _points_text, item_losses
    from pari_index.textexpr import format_text

    text = format_text("{} ({})", pl.col("criterion_id"), pl.lit(MINUS) + _points_text(pl.col("loss")))
    return (
        item_losses(details)
        .filter(pl.col("loss") >= pl.col("loss").top_k(count).min().over("commune_code"))
        .sort(["commune_code", "loss", "order"], descending=[False, True, False])
        .group_by("commune_code", maintain_order=True)
        .agg(text.head(count).str.join(", ").alias("top_lost"))
        .collect()
        .cast({"commune_code": pl.String, "top_lost": pl.String})
    )


_DETAIL = {
    "commune_code": pl.String,
    "criterion_id": pl.String,
    "area_id": pl.String,
    "max": pl.Int64,
    "final_score": pl.Int64,
    "status": pl.String,
    "part": pl.String,
}


def _ranked_areas(areas: pl.DataFrame | None, communes: list[str], area_ids: list[str]) -> set[tuple[str, str]]:
    """The (commune, area) pairs ranking counts as applying (ranks.rank's ``area_applies``)."""
    if areas is None:
        return {(c, a) for c in communes for a in area_ids}
    frame = pl.DataFrame({"commune_code": communes}).join(areas, on="commune_code", how="left")
    return {
        (c, a)
        for a in area_ids
        for c, applies in frame.select(
            "commune_code", pl.col("_areas").list.contains(a).fill_null(False).alias("x")
        ).iter_rows()
        if applies
    }


_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["001", "002", "003"]),
        st.sampled_from(["1.1", "1.2", "2.1", "3.1"]),
        st.integers(0, 20_000),
        st.sampled_from(["ok", "excluded", "appraised"]),
        st.sampled_from(["appraised", "survey", "adjustment"]),
    ),
    max_size=14,
)


def _details(rows: list[tuple[str, str, int, str, str]]) -> pl.DataFrame:
    """A detail table sorted by commune and item, as a run's is."""
    return pl.DataFrame(
        [(c, i, i.split(".")[0], 20_000, score, status, part) for c, i, score, status, part in rows],
        schema=_DETAIL,
        orient="row",
    ).sort("commune_code", "criterion_id", maintain_order=True)


@settings(deadline=None)
@given(rows=_ROWS)
def test_applicable_areas_rank_as_before(rows: list[tuple[str, str, int, str, str]]) -> None:
    from pari_index.ranking.ranks import _applicable_areas

    details = _details(rows)
    communes, areas = ["001", "002", "003"], ["1", "2", "3"]
    for frame in (details, details.lazy()):
        now = _applicable_areas(frame)
        assert _ranked_areas(now, communes, areas) == _ranked_areas(_areas_before(details), communes, areas)
        assert (now is None) == (details.height == 0)


def test_applicable_areas_of_a_run_with_every_item_excluded_keep_each_commune() -> None:
    from pari_index.ranking.ranks import _applicable_areas

    details = _details([("001", "1.1", 0, "excluded", "appraised"), ("002", "2.1", 0, "excluded", "appraised")])
    areas = _applicable_areas(details)
    assert areas is not None
    assert sorted(areas.rows()) == [("001", []), ("002", [])]


@settings(deadline=None)
@given(rows=_ROWS)
def test_top_lost_as_before(rows: list[tuple[str, str, int, str, str]]) -> None:
    from pari_index.ranking.ranks import top_lost

    details = _details(rows)
    assert top_lost(details).equals(_top_lost_before(details))
    assert top_lost(details.lazy()).equals(_top_lost_before(details))


def test_top_lost_by_hand() -> None:
    from pari_index.ranking.ranks import top_lost

    details = _details(
        [
            ("001", "1.1", 10_000, "ok", "appraised"),  # lost 1.00
            ("001", "1.2", 5_000, "ok", "appraised"),  # lost 1.50
            ("001", "2.1", 10_000, "ok", "appraised"),  # lost 1.00, after 1.1 in the set
            ("001", "3.1", 0, "excluded", "appraised"),  # not a loss
            ("002", "1.1", 20_000, "ok", "appraised"),  # nothing lost
        ]
    )
    assert top_lost(details).rows() == [("001", "1.2 (−1.50), 1.1 (−1.00), 2.1 (−1.00)")]
