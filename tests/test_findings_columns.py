"""Findings built as columns give what one Problem (or one render) per row gave: the appraisal's
row findings (intake.findings.row_findings) and the localised messages (messages.localise_findings)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.errors import Problem
from pari_index.intake.findings import json_params, problems_to_findings, row_findings, shown_text
from pari_index.intake.tables import FILE, ROW, SHEET, row_problems
from pari_index.intake.values import shown
from pari_index.messages import localise_findings, params_json, render
from pari_index.messages.findings_table import per_distinct
from pari_index.messages.rendering import parse_params

# Text as a council's file may hold it: plain codes, quotes, backslashes, control, bidi and
# zero-width characters, Vietnamese letters, braces, long runs.
ODD = ['"', "\\", "\x01", "\t", "\n", "\u200b", "\u202e", "\u00a0", "é", "ệ", "{", "}", "'", "\x7f", "\u2028"]
texts = st.one_of(
    st.text(alphabet=st.sampled_from([*"X0123456789.", *ODD]), max_size=12),
    st.text(max_size=8),
    st.builds(lambda n, c: c * n, st.integers(75, 700), st.sampled_from(["Y", "é", "\u200b"])),
)


def _frame(values: list[str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "code": values,
            FILE: ["a.csv"] * len(values),
            SHEET: [None] * len(values),
            ROW: list(range(2, len(values) + 2)),
        },
        schema={"code": pl.String, FILE: pl.String, SHEET: pl.String, ROW: pl.Int64},
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(texts, st.none()), max_size=30))
def test_row_findings_are_the_findings_of_one_problem_per_row(values: list[str | None]) -> None:
    frame = _frame(values)
    wanted = problems_to_findings(
        row_problems(
            frame,
            pl.col("code").is_not_null() & (pl.col("code") != "X0"),
            "unknown-commune",
            lambda r: f"commune {shown(r['code'])} is not in the register; value {r['code']!r}",
            "correct the code",
            field="code",
            params=lambda r: {"commune": shown(r["code"]), "value": repr(r["code"])},
        )
    )
    commune, written = shown_text(pl.col("code")), per_distinct(pl.col("code"), repr)
    got = row_findings(
        frame,
        pl.col("code").is_not_null() & (pl.col("code") != "X0"),
        "unknown-commune",
        pl.format("commune {} is not in the register; value {}", commune, written),
        "correct the code",
        "code",
        {"commune": commune, "value": written},
    )
    assert got.to_dicts() == wanted.to_dicts()


def test_row_findings_cut_long_messages_as_a_problem_does() -> None:
    frame = _frame(["Z" * 900])
    got = row_findings(
        frame, pl.lit(True), "bad-score", pl.format("score {} is bad", per_distinct(pl.col("code"), repr))
    )
    assert got["message"].to_list() == [Problem("bad-score", f"score {'Z' * 900!r} is bad").message]
    assert got["message"][0].endswith("… (915 characters)")


@given(st.dictionaries(st.sampled_from(["commune", "criterion", "a_b", "value"]), texts, min_size=1))
def test_json_params_writes_what_params_json_writes(params: dict[str, str]) -> None:
    got = pl.select(json_params(**{k: pl.lit(v, dtype=pl.String) for k, v in params.items()})).item()
    assert got == params_json(params)
    assert json.loads(got) == params


# Params of a finding as a table may hold them: exact text parameters, numbers, nulls, a key
# missing or too many, another JSON layout, not JSON at all.
ODD_PARAMS = ['{"commune": 5}', '{"commune": 1.5}', '{"commune": null}', "{}", "[1]", "not json", "", None]
params_texts = st.one_of(
    st.builds(lambda c, k: params_json({"commune": c, "criterion": k}), texts, texts),
    st.builds(lambda c: params_json({"commune": c}), texts),
    st.builds(lambda c: json.dumps({"commune": c}, separators=(",", ":"), ensure_ascii=True), texts),
    st.sampled_from(ODD_PARAMS),
    st.builds(lambda c: params_json({"commune": c, "extra": "x"}), texts),
)
kinds = st.sampled_from(
    ["unknown-commune", "conflicting-appraisal", "unknown-criterion", "missing-reason", "no-such-kind", None]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(kinds, params_texts, st.sampled_from([None, "own words"]), st.sampled_from([None, "en", "vi"])),
        max_size=25,
    ),
    st.sampled_from(["vi", "en"]),
)
def test_localised_messages_are_those_rendered_one_by_one(
    rows: list[tuple[str | None, str | None, str | None, str | None]], lang: str
) -> None:
    findings = pl.DataFrame(
        rows, schema={"kind": pl.String, "params": pl.String, "message": pl.String, "lang": pl.String}, orient="row"
    )
    got = localise_findings(findings, lang)
    wanted = [
        render(kind or "", parse_params(params), lang, message=message, written=written or "en")
        for kind, params, message, written in rows
    ]
    assert got["message"].to_list() == wanted
    assert got["lang"].to_list() == [lang] * len(rows)


def test_localised_messages_of_params_that_are_not_plain_text() -> None:
    """Numbers (shown with the language's decimal mark), nulls, other JSON layouts, another
    kind's parameters: each as render gives it, beside plain ones."""
    rows = [
        (kind, params, message, "en")
        for kind in ("unknown-commune", "conflicting-appraisal", None)
        for params in [*ODD_PARAMS, '{"commune":"A"}', '{"commune": "A", "extra": "x"}', params_json({"commune": "B"})]
        for message in (None, "own words")
    ]
    findings = pl.DataFrame(
        rows, schema={"kind": pl.String, "params": pl.String, "message": pl.String, "lang": pl.String}, orient="row"
    )
    for lang in ("vi", "en"):
        wanted = [render(k or "", parse_params(p), lang, message=m, written=w) for k, p, m, w in rows]
        assert localise_findings(findings, lang)["message"].to_list() == wanted
    assert "xã 1,5 không có trong danh sách đơn vị" in localise_findings(findings, "vi")["message"].to_list()


def test_appraisal_rows_without_a_commune_or_criterion_are_reported(tmp_path: Path) -> None:
    """Such a row used to be "applied" in the rows table and used nowhere: dropped without a word."""
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import default_criteria_path, load_criteria
    from pari_index.intake.appraisal import read_appraisal

    path = tmp_path / "appraisal.csv"
    rows = [",1.1.1,0.5,r", "00001,,0.5,r", ",,0.5,r", "00001,1.1.1,0.5,r", ",1.1.1,,r"]
    path.write_text("commune_code,criterion_id,score,reason\n" + "\n".join(rows) + "\n", encoding="utf-8")
    leaves = compile_criteria(load_criteria(default_criteria_path()).criteria).leaves
    appraisal = read_appraisal(path, leaves, pl.Series(["00001"]))
    found = appraisal.findings.select("kind", "row", "column").rows()
    assert found == [
        ("missing-commune-code", 2, "commune_code"),
        ("missing-commune-code", 4, "commune_code"),
        ("missing-commune-code", 6, "commune_code"),
        ("missing-criterion", 3, "criterion_id"),
        ("missing-criterion", 4, "criterion_id"),
    ]
    assert appraisal.ledger.filter(pl.col("status") == "applied")["row"].to_list() == [5]
    assert appraisal.decisions.select("commune_code", "criterion_id", "score_override").rows() == [
        ("00001", "1.1.1", 5_000)
    ]
