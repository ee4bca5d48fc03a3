"""The inputs text of scored items, built per cell (scoring.explanations.input_texts), against the
way it was built before: each item's cells joined into ``name=value; ...`` and that text split and
relabelled again (``reference_inputs`` below, kept as the specification, and labelled_inputs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.loading import DEFAULT_CRITERIA, bundled_criteria_dir, load_criteria
from pari_index.criteria.model import Leaf
from pari_index.intake.assessments import CRITERION, FIELD
from pari_index.intake.values import number_as_read
from pari_index.scoring.explanations import LABELLED, input_texts, labelled_inputs
from pari_index.textexpr import format_text

LEAVES = list(load_criteria(bundled_criteria_dir() / DEFAULT_CRITERIA).criteria.leaves())
SEVERAL = [leaf for leaf in LEAVES if len(leaf.inputs) > 1]
CODES = ["00001", "00004", "00010"]
SCHEMA = {
    COMMUNE: pl.String,
    CRITERION: pl.String,
    FIELD: pl.String,
    "value": pl.String,
    "kind": pl.String,
    "num": pl.Int128,
    "day": pl.Date,
}


def reference_inputs(cells: pl.DataFrame, leaves: Sequence[Leaf]) -> pl.DataFrame:
    """The inputs text as scoring.run built it before input_texts (the specification)."""
    several_inputs = [leaf.id for leaf in leaves if len(leaf.inputs) > 1]
    pairs = cells.filter(~pl.col("kind").str.starts_with("meta:")).select(
        COMMUNE,
        CRITERION,
        format_text(
            "{}={}",
            pl.col(FIELD),
            pl.when(pl.col("kind") == "date")
            .then(pl.col("day").dt.strftime("%d/%m/%Y"))
            .when(pl.col("kind").is_in(["number", "count", "percent"]) & pl.col("num").is_not_null())
            .then(number_as_read(pl.col("value"), pl.col("num")))
            .otherwise(pl.col("value")),
        ).alias("inputs"),
    )
    grouped = pl.col(CRITERION).is_in(several_inputs)
    several = (
        pairs.filter(grouped)
        .sort(COMMUNE, CRITERION, "inputs")
        .group_by(COMMUNE, CRITERION, maintain_order=True)
        .agg(pl.col("inputs").str.join("; "))
    )
    return pl.concat([pairs.filter(~grouped), several])


def item_key(frame: pl.DataFrame) -> pl.DataFrame:
    """A key per commune and item, as scoring.items._item_keys gives (any one-to-one key will do)."""
    items = {leaf.id: i for i, leaf in enumerate(LEAVES)}
    return frame.with_columns(
        (
            pl.col(COMMUNE).replace_strict({c: i for i, c in enumerate(CODES)}, return_dtype=pl.UInt64) * len(items)
            + pl.col(CRITERION).replace_strict(items, return_dtype=pl.UInt64)
        ).alias("_k")
    )


def compare(cells: pl.DataFrame, lang: str) -> None:
    want = labelled_inputs(reference_inputs(cells, LEAVES), LEAVES, lang, into=LABELLED)
    got = input_texts(cells, LEAVES, lang, item_key)
    want_rows = sorted(item_key(want).select("_k", "inputs", LABELLED).rows())
    assert sorted(got.select("_k", "inputs", LABELLED).rows()) == want_rows


# Values as cells may hold them: plain, decimals with either mark, long numbers (shown as read
# when more than 15 significant digits), and the awkward texts that the split at "; " and "="
# would not give back (a value with "; ", "=" or a line break).
VALUES = st.one_of(
    st.sampled_from(["63", "92.5", "92,5", "-1.25", "có", "không", "đúng hạn", "70.000000000000014", "1,2,3"]),
    st.sampled_from(["a; b", "x=y", "dòng 1\ndòng 2", "a;", " b", "; ", "=", "", "1.5; 2,5", "0001234567890123456.7"]),
    st.text(alphabet="0123456789.,;= -\nabcđ", max_size=24),
)
KINDS = st.sampled_from(["number", "count", "percent", "boolean", "status", "level", "date", "meta:n/a"])


@st.composite
def cell_frames(draw: st.DrawFn) -> pl.DataFrame:
    rows = []
    for code in CODES:
        for leaf in draw(st.lists(st.sampled_from(SEVERAL + LEAVES[:6]), max_size=6, unique_by=lambda x: x.id)):
            names = draw(st.lists(st.sampled_from(sorted(leaf.inputs)), min_size=1, unique=True))
            for name in names:
                rows.append(
                    {
                        COMMUNE: code,
                        CRITERION: leaf.id,
                        FIELD: name,
                        "value": draw(VALUES),
                        "kind": draw(KINDS),
                        "num": draw(st.one_of(st.none(), st.integers(-(10**20), 10**20))),
                        "day": draw(st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))),
                    }
                )
    return pl.DataFrame(rows, schema=SCHEMA)


@given(cells=cell_frames(), lang=st.sampled_from(["vi", "en"]))
def test_same_texts_as_joining_then_splitting(cells: pl.DataFrame, lang: str) -> None:
    compare(cells, lang)


def test_hand_written_cells() -> None:
    """Item 1.1.3 (two counts) and 1.1.1 (a date); a value with "; " is relabelled the old way."""
    rows = [
        ("00001", "1.1.3", "tasks_planned", "179", "count", 179 * 10**14, None),
        ("00001", "1.1.3", "tasks_done", "34", "count", 34 * 10**14, None),
        ("00001", "1.1.1", "signed_on", "2025-06-04 00:00:00", "date", None, dt.date(2025, 6, 4)),
        ("00004", "1.1.3", "tasks_done", "3.5", "count", None, None),
        ("00004", "1.1.3", "tasks_planned", "a; b=c", "count", None, None),
        ("00010", "1.1.3", "tasks_done", "70.000000000000014", "number", 70 * 10**14, None),
    ]
    cells = pl.DataFrame(rows, schema=SCHEMA, orient="row")
    got = {r["_k"]: r for r in input_texts(cells, LEAVES, "vi", item_key).to_dicts()}
    items = {COMMUNE: ["00001", "00001", "00004", "00010"], CRITERION: ["1.1.3", "1.1.1", "1.1.3", "1.1.3"]}
    keys = item_key(pl.DataFrame(items))
    k = keys["_k"].to_list()
    assert got[k[0]]["inputs"] == "tasks_done=34; tasks_planned=179"
    assert got[k[0]][LABELLED] == "Số nhiệm vụ hoàn thành=34; Số nhiệm vụ trong kế hoạch=179"
    assert got[k[1]]["inputs"] == "signed_on=04/06/2025"
    # The awkward value is split at its own "; " by the old rewriting, which is kept for it.
    assert got[k[2]]["inputs"] == "tasks_done=3.5; tasks_planned=a; b=c"
    assert got[k[2]][LABELLED] == "Số nhiệm vụ hoàn thành=3,5; Số nhiệm vụ trong kế hoạch=a; b=c"
    assert got[k[3]]["inputs"] == "tasks_done=70"
    compare(cells, "vi")
    compare(cells, "en")
    # A name with "=" or "; " (not one the bundled set declares) is rewritten the old way too.
    odd = [
        ("00010", "1.3.2", "fixed=x", "1.5", "count", None, None),
        ("00010", "1.3.2", "a; b", "2", "count", None, None),
    ]
    compare(pl.concat([cells, pl.DataFrame(odd, schema=SCHEMA, orient="row")]), "vi")


def test_a_choice_is_shown_by_its_level_s_label() -> None:
    """Item 7.5 (a choice: full, partial, none): the explanation shows the level's label whether
    the cell held its code (in any case) or its label; an answer that is no level is kept."""
    rows = [
        ("00001", "7.5", "iso", "full", "level", None, None),
        ("00004", "7.5", "iso", " PARTIAL ", "level", None, None),
        ("00010", "7.5", "iso", "Không áp dụng", "level", None, None),
        ("00001", "8.4.2", "ntm_level", "bogus", "level", None, None),
    ]
    cells = pl.DataFrame(rows, schema=SCHEMA, orient="row")
    items = {COMMUNE: ["00001", "00004", "00010", "00001"], CRITERION: ["7.5", "7.5", "7.5", "8.4.2"]}
    k = item_key(pl.DataFrame(items))["_k"].to_list()
    levels = {
        "vi": ("Mức độ áp dụng", "Duy trì, cải tiến đầy đủ", "Áp dụng chưa đầy đủ", "Không áp dụng"),
        "en": ("Extent applied", "Maintained and improved in full", "Applied in part", "Not applied"),
    }
    for lang, (label, full, partial, none) in levels.items():
        got = {r["_k"]: r for r in input_texts(cells, LEAVES, lang, item_key).to_dicts()}
        # In English the set's English labels (label_en) of the input and of its levels; a set
        # without them shows the Vietnamese marked " (vi)" (tests/test_labels17.py).
        assert got[k[0]][LABELLED] == f"{label}={full}"
        assert got[k[1]][LABELLED] == f"{label}={partial}"
        assert got[k[2]][LABELLED] == f"{label}={none}"
        ntm = "Mức đạt chuẩn nông thôn mới" if lang == "vi" else "New-rural standard reached"
        assert got[k[3]][LABELLED] == f"{ntm}=bogus"
        # The data column keeps the cells as they were written.
        assert got[k[0]]["inputs"] == "iso=full"
        compare(cells, lang)
