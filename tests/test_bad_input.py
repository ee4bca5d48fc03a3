"""Bad input, hostile input and nothing lost.

A catalogue of bad inputs, each with the exact problem code and place it must be reported at
(YAML line and column, or file, sheet and row) and, through the CLI, the exit status; security
checks (safe YAML, formula injection, evidence paths, no eval); atomic outputs; and the guarantee
that a results file holds one row per commune of the register and scored item, whatever came in.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.model import Leaf
from pari_index.errors import (
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_STRICT_FINDINGS,
    EXIT_USAGE,
    PariError,
)
from pari_index.intake import tables
from pari_index.intake.assessments import Intake, read_assessments
from pari_index.intake.register import read_register
from pari_index.intake.tables import read_table_file
from pari_index.intake.values import parse_date
from pari_index.outputs import files as outputs
from pari_index.outputs.results import read_results, result_tables, write_results
from pari_index.scoring.run import score

DATA = Path(__file__).parent / "data"
ALL_KINDS = DATA / "all_kinds.yaml"
BASE_YAML = ALL_KINDS.read_text(encoding="utf-8")
KNOWN = ("00001", "00002", "00003")
LONG = "commune_code,criterion_id,input,value\n"
META = "commune_code,criterion_id,input,value,self_score,evidence_date\n"
REGISTER = "code,name,type,district,province\n00001,Phường Nam Sơn,phường,Kiến An,HP\n00002,Xã Mỹ Hiệp,xã,Cao Lãnh,ĐT\n"


@functools.cache
def _leaves() -> tuple[Leaf, ...]:
    return tuple(compile_criteria(load_criteria(ALL_KINDS).criteria).leaves)


def _problems(text: str) -> list[tuple[str, int | None, int | None]]:
    with pytest.raises(PariError) as info:
        load_criteria_text(text, "c.yaml")
    assert all(p.file == "c.yaml" for p in info.value.problems)
    return [(p.code, p.line, p.column) for p in info.value.problems]


def _mutate(old: str, new: str) -> str:
    assert BASE_YAML.count(old) == 1, old
    return BASE_YAML.replace(old, new)


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese systems write it: precomposed base letters, combining tones."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out += (base + "".join(c for c in nfd if c in tones)).encode("cp1258")
    return bytes(out)


# --------------------------------------------------------------------------------------------
# 1. Criteria YAML: (text, expected (code, line, column) of the first problem)

YAML_CASES: list[Any] = [
    pytest.param("id: x\ntitle: y\n  areas: z\n", ("yaml-syntax", 3, 8), id="yaml-bad-indentation-mapping"),
    pytest.param("id: x\nareas:\n  - id: a\n   title: b\n", ("yaml-syntax", 4, 4), id="yaml-bad-indentation-list"),
    pytest.param("id: x\n\ttitle: y\n", ("yaml-syntax", 2, 1), id="yaml-tab-indentation"),
    pytest.param('id: "x\ntitle: y\n', ("yaml-syntax", 3, 1), id="yaml-unclosed-quote"),
    pytest.param("a: [1, 2\n", ("yaml-syntax", 2, 1), id="yaml-unclosed-bracket"),
    pytest.param("a: *nope\n", ("yaml-syntax", 1, 4), id="yaml-undefined-alias"),
    pytest.param("a: !custom 1\n", ("yaml-tag-refused", 1, 4), id="yaml-unknown-tag"),
    pytest.param("", ("empty-file", None, None), id="yaml-empty"),
    pytest.param("# only a comment\n", ("empty-file", None, None), id="yaml-only-comment"),
    pytest.param("- a\n- b\n", ("not-a-mapping", 1, 1), id="yaml-list-not-mapping"),
    pytest.param("hello\n", ("not-a-mapping", 1, 1), id="yaml-scalar-not-mapping"),
    pytest.param(_mutate("scale: 25", "scale: yes"), ("schema:value_error", 10, 8), id="yaml-yes-for-number"),
    pytest.param(_mutate("year: 2024", "year: 012"), ("schema:int_type", 5, 7), id="yaml-octal-012"),
    pytest.param(_mutate('id: "1.2.4"', "id: 1.10"), ("schema:string_type", 98, 17), id="yaml-unquoted-1.10-id"),
    pytest.param(_mutate("max: 0.3", "max: one"), ("schema:value_error", 37, 18), id="yaml-text-points"),
    pytest.param(
        _mutate("scale: 25", "scale: 25\nscael: 25"), ("schema:extra_forbidden", 11, 1), id="yaml-unknown-key"
    ),
    pytest.param(_mutate("scale: 25", "scale: 25\nscale: 26"), ("duplicate-key", 11, 1), id="yaml-duplicate-key"),
    pytest.param(_mutate("scale: 25\n", ""), ("schema:missing", 3, 1), id="yaml-missing-key"),
    pytest.param(
        _mutate("kind: yes_no, input: rules_issued", "kind: yesno, input: rules_issued"),
        ("schema:union_tag_invalid", 97, 19),
        id="yaml-unknown-rule-kind",
    ),
    pytest.param(_mutate('id: "1.2.4"', 'id: "1.2.3"'), ("duplicate-id", 98, 17), id="yaml-duplicate-criterion-id"),
    pytest.param(_mutate("max: 1.7", "max: 1.8"), ("children-sum", 27, 14), id="yaml-children-do-not-add-up"),
]


@pytest.mark.parametrize(("text", "expected"), YAML_CASES)
def test_bad_criteria_yaml(text: str, expected: tuple[str, int | None, int | None]) -> None:
    assert _problems(text)[0] == expected


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/object/apply:subprocess.check_call",
    ],
    ids=["apply-os-system", "new-os-system", "apply-subprocess"],
)
def test_yaml_tags_that_construct_objects_are_refused_and_never_run(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    text = _mutate('notes: "Synthetic test set."', f'notes: {tag} [["touch", "{marker}"]]')
    assert _problems(text) == [("yaml-tag-refused", 9, 8)]
    top = f'{tag} ["touch {marker}"]\n'
    assert _problems(top) == [("yaml-tag-refused", 1, 1)]
    assert not marker.exists()


def test_yaml_python_name_tag_is_refused() -> None:
    assert _problems("a: !!python/name:os.system\n") == [("yaml-tag-refused", 1, 4)]


def test_billion_laughs_is_refused() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    assert _problems("\n".join(lines) + "\n") == [("yaml-alias-bomb", 1, 1)]


def test_self_referencing_alias_is_refused() -> None:
    assert _problems("a: &a [*a]\n")[0][0] in {"yaml-syntax", "yaml-alias-bomb"}


def test_yaml_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(_cp1258('id: "Tỉnh Thử Nghiệm"\n'))
    with pytest.raises(PariError) as info:
        load_criteria(path)
    assert [(p.code, p.file) for p in info.value.problems] == [("not-utf8", str(path))]


# --------------------------------------------------------------------------------------------
# 2. Assessment CSVs: (file text, expected findings as (severity, kind, row, column))


def _intake(path: Path, known: tuple[str, ...] | None = KNOWN) -> Intake:
    return read_assessments([path], _leaves(), pl.Series(known) if known is not None else None)


def _findings(intake: Intake) -> set[tuple[str, str, int | None, str | None]]:
    return {
        (r["severity"], r["kind"], r["row"], r["column"])
        for r in intake.findings.iter_rows(named=True)
        if r["severity"] != "info"
    }


E = "error"
INTAKE_CASES: list[Any] = [
    pytest.param(
        "xa,criterion_id,value\n00001,1.2.3,có\n", {(E, "missing-column", 1, None)}, id="csv-no-commune-column"
    ),
    pytest.param(
        "commune_code,criterion_id,valeur\n00001,1.2.3,có\n",
        {(E, "missing-column", 1, None), (E, "unknown-column", 1, "valeur")},
        id="csv-renamed-value-column",
    ),
    pytest.param(
        "commune_code,criterion_id,value,ghi chép\n00001,1.2.3,có,x\n",
        {(E, "unknown-column", 1, "ghi chép")},
        id="csv-unknown-column",
    ),
    pytest.param(
        "commune_code,criterion_id,value,ghi chú\n00001,1.2.3,có,x\n",
        {("warning", "notes-column", 1, "ghi chú")},
        id="csv-notes-column",
    ),
    pytest.param(
        "commune_code,criterion_id,value,_row\n00001,1.2.3,có,5\n",
        {(E, "reserved-column", 1, "_row")},
        id="column-named-like-an-internal-one",
    ),
    pytest.param(LONG + "00001,9.9,,1\n", {(E, "unknown-criterion", 2, "value")}, id="unknown-criterion"),
    pytest.param(LONG + "00001,1.1,,1\n", {(E, "unknown-criterion", 2, "value")}, id="criterion-1.10-read-as-1.1"),
    pytest.param(LONG + "00001,1,,1\n", {(E, "unknown-criterion", 2, "value")}, id="area-not-a-scored-item"),
    pytest.param(
        LONG + "00001,1.2.3,,có\n00001,1.2.3,,không\n",
        {(E, "conflicting-values", 2, "value"), (E, "conflicting-values", 3, "value")},
        id="same-commune-criterion-conflicting",
    ),
    pytest.param(
        LONG + "00001,1.2.3,,có\n00001,1.2.3,,có\n", {("warning", "duplicate-row", 3, "value")}, id="same-row-twice"
    ),
    pytest.param(LONG + "00009,1.2.3,,có\n", {(E, "unknown-commune", 2, None)}, id="commune-not-in-register"),
    pytest.param(LONG + "1,1.2.3,,có\n", {(E, "unknown-commune", 2, None)}, id="commune-code-lost-leading-zeros"),
    pytest.param(LONG + ",1.2.3,,có\n", {(E, "missing-commune-code", 2, "commune_code")}, id="no-commune-code"),
    pytest.param(LONG + "00001,,,có\n", {(E, "missing-criterion", 2, "criterion_id")}, id="no-criterion-id"),
    pytest.param(LONG + "00001,1.2.1,,bốn\n", {(E, "bad-value", 2, "value")}, id="text-for-a-count"),
    # Words after a number: number-with-words, which says to write the number alone (sweep 18; it was bad-value).
    pytest.param(LONG + "00001,2.1,on_time,12abc\n", {(E, "number-with-words", 2, "value")}, id="text-after-number"),
    pytest.param(LONG + "00001,2.3,,101\n", {(E, "percent-above-100", 2, "value")}, id="percent-above-100"),
    pytest.param(LONG + '00001,2.3,,"100,5"\n', {(E, "percent-above-100", 2, "value")}, id="percent-decimal-comma"),
    pytest.param(LONG + "00001,1.2.1,,-1\n", {(E, "negative-value", 2, "value")}, id="negative-count"),
    pytest.param(LONG + "00001,1.2.1,,2.5\n", {(E, "not-whole", 2, "value")}, id="non-whole-count"),
    # A CSV keeps Excel's error values as text: reported and not read, as a workbook's error cells.
    pytest.param(LONG + "00001,1.2.1,,#N/A\n", {(E, "excel-error-cell", 2, "value")}, id="csv-hash-n-a"),
    pytest.param(LONG + "00001,1.2.1,,#DIV/0!\n", {(E, "excel-error-cell", 2, "value")}, id="csv-div-0"),
    pytest.param(LONG + "00001,1.2.1,,nan\n", {(E, "bad-value", 2, "value")}, id="nan"),
    pytest.param(LONG + "00001,1.2.1,,inf\n", {(E, "bad-value", 2, "value")}, id="inf"),
    pytest.param(LONG + "00001,1.2.1,,1e300\n", {(E, "number-out-of-range", 2, "value")}, id="huge-number"),
    pytest.param(LONG + "00001,1.2.3,,maybe\n", {(E, "bad-value", 2, "value")}, id="bad-boolean"),
    pytest.param(LONG + "00001,1.1.4,,soon\n", {(E, "bad-value", 2, "value")}, id="bad-status"),
    pytest.param(LONG + "00001,1.2.2,,boss\n", {(E, "bad-value", 2, "value")}, id="bad-level"),
    # A day the calendar has not: implausible-date, which says so (sweep 18; it was bad-value).
    pytest.param(LONG + "00001,1.1.1,,31/02/2024\n", {(E, "implausible-date", 2, "value")}, id="impossible-date"),
    pytest.param(LONG + "00001,1.1.3,,5\n", {(E, "input-required", 2, "value")}, id="several-inputs-none-named"),
    pytest.param(LONG + "00001,1.1.3,donee,5\n", {(E, "unknown-input", 2, "value")}, id="unknown-input-name"),
    pytest.param(
        "commune_code,criterion_id,value,n/a\n00001,1.2.3,,có\n", {(E, "na-not-allowed", 2, "n/a")}, id="na-not-allowed"
    ),
    # Self-scores and evidence are kept as columns of their row, not as cells; a misplaced row
    # is still reported once per filled field, at the field's column.
    pytest.param(META + "00001,9.9,,,1,\n", {(E, "unknown-criterion", 2, "self_score")}, id="meta-only-unknown-item"),
    pytest.param(
        META + "00001,9.9,,1,1,10/01/2024\n",
        {(E, "unknown-criterion", 2, c) for c in ("value", "self_score", "evidence_date")},
        id="meta-and-value-unknown-item",
    ),
    pytest.param(
        META + "00009,1.2.3,,,1,10/01/2024\n",
        # One finding for the row, not one per field: the row's commune is the problem.
        {(E, "unknown-commune", 2, None)},
        id="meta-only-unknown-commune",
    ),
    pytest.param(META + ",1.2.3,,,1,\n", {(E, "missing-commune-code", 2, "commune_code")}, id="meta-only-no-commune"),
    pytest.param(META + "00001,1.2.3,,,một,\n", {(E, "bad-value", 2, "self_score")}, id="self-score-in-words"),
    pytest.param(
        META + "00001,1.2.3,,,,31/02/2024\n", {(E, "implausible-date", 2, "evidence_date")}, id="bad-evidence-date"
    ),
]


@pytest.mark.parametrize(("text", "expected"), INTAKE_CASES)
def test_bad_assessment_cells(tmp_path: Path, text: str, expected: set[tuple[str, str, int, str | None]]) -> None:
    path = tmp_path / "long.csv"
    path.write_text(text, encoding="utf-8")
    try:
        intake = _intake(path)
    except PariError as exc:
        # A file that cannot be scored at all (no commune column) may stop the run instead.
        assert {("error", p.code, p.row, p.field) for p in exc.problems} == expected
        assert {p.file for p in exc.problems} == {str(path)}
        return
    assert _findings(intake) == expected
    assert set(intake.findings["file"].drop_nulls()) <= {str(path)}
    # Nothing rejected was scored: no accepted cell comes from a row with an error finding.
    rejected_rows = {r for s, _, r, _ in expected if s == E and r != 1}
    assert not rejected_rows & set(intake.cells["_row"].to_list())
    for row in rejected_rows:
        assert intake.ledger.filter(pl.col("row") == row)["status"].to_list() == ["rejected"]


def test_self_scores_and_evidence_are_checked_per_field(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        META
        + "00001,1.2.3,,có,1,10/01/2024\n"  # row 2: all used
        + "00001,1.2.1,,3,một,\n"  # 3: the count is used, the self-score is not
        + "00001,1.1.3,done,5,1,\n"  # 4 and 5: two self-scores for one item
        + '00001,1.1.3,planned,6,"0,5",\n'
        + "00002,1.2.3,,có,1,\n"  # 6 and 7: the same row twice
        + "00002,1.2.3,,có,1,\n"
        + '00002,1.2.1,,,"0,25",\n',  # 8: a self-score only
        encoding="utf-8",
    )
    intake = _intake(path)
    assert _findings(intake) == {
        (E, "bad-value", 3, "self_score"),
        (E, "conflicting-values", 4, "self_score"),
        (E, "conflicting-values", 5, "self_score"),
        ("warning", "duplicate-row", 7, "value"),
        ("warning", "duplicate-row", 7, "self_score"),
    }
    meta = {(r["commune_code"], r["criterion_id"]): r for r in intake.meta.iter_rows(named=True)}
    assert set(meta) == {("00001", "1.2.3"), ("00002", "1.2.3"), ("00002", "1.2.1")}
    assert (meta["00001", "1.2.3"]["self_score"], meta["00001", "1.2.3"]["evidence_date"]) == (
        10_000,
        dt.date(2024, 1, 10),
    )
    assert meta["00002", "1.2.3"]["self_score"] == 10_000
    assert meta["00002", "1.2.1"]["self_score"] == 2_500
    statuses = dict(intake.ledger.select("row", "status").iter_rows())
    assert statuses == {2: "scored", 3: "partial", 4: "partial", 5: "partial", 6: "scored", 7: "scored", 8: "scored"}


def test_same_row_number_in_two_files_is_counted_once(tmp_path: Path) -> None:
    """(Each file has a row of its own: a file whose every row another holds is a copy, refused
    as input-same-rows, tests/test_hostile_decoding28.py.)"""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(LONG + "00001,1.2.3,,có\n00003,1.2.3,,có\n", encoding="utf-8")
    second.write_text(LONG + "00001,1.2.3,,có\n00002,1.2.3,,có\n", encoding="utf-8")
    intake = read_assessments([first, second], _leaves(), pl.Series(KNOWN))
    assert sorted(intake.cells.select("_file", "_row").rows()) == [(str(first), 2), (str(first), 3), (str(second), 3)]
    assert intake.findings.select("severity", "kind", "file", "row").rows() == [
        ("warning", "duplicate-row", str(second), 2)
    ]
    assert intake.ledger.select("file", "status").rows() == [(str(first), "scored")] * 2 + [(str(second), "scored")] * 2


REVIEWED_CASES: list[Any] = [
    # Found by review: each case once lost a value or a finding.
    pytest.param(
        "commune_code,1.2.3,1.2.3:rules_issued\n00001,có,có\n",
        {("warning", "duplicate-row", 2, "1.2.3:rules_issued")},
        {("00001", "1.2.3", "rules_issued")},
        {2: "scored"},
        id="wide-one-input-in-two-columns",
    ),
    pytest.param(
        "commune_code,criterion_id,input,value,n/a\n00001,1.2.2,n/a,có,có\n",
        {(E, "na-not-allowed", 2, "value"), (E, "na-not-allowed", 2, "n/a")},
        set(),
        {2: "rejected"},
        id="refused-n-a-twice-in-one-row",
    ),
    pytest.param(
        LONG + "00001,1.2.3,,không\n00001,1.2.3,,không\n00001,1.2.1,,bốn\n00001,1.2.1,,bốn\n",
        {("warning", "duplicate-row", 3, "value"), (E, "bad-value", 4, "value"), (E, "bad-value", 5, "value")},
        {("00001", "1.2.3", "rules_issued")},
        {2: "scored", 3: "scored", 4: "rejected", 5: "rejected"},
        id="repeated-unreadable-value-is-an-error-each-time",
    ),
]


@pytest.mark.parametrize(("text", "expected", "cells", "statuses"), REVIEWED_CASES)
def test_reviewed_cell_cases(
    tmp_path: Path,
    text: str,
    expected: set[tuple[str, str, int, str]],
    cells: set[tuple[str, str, str]],
    statuses: dict[int, str],
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    intake = _intake(path)
    assert _findings(intake) == expected
    got = intake.cells.select("commune_code", "criterion_id", "field").rows()
    assert len(got) == len(cells) and set(got) == cells  # one cell per key, none lost
    assert dict(intake.ledger.select("row", "status").iter_rows()) == statuses


def test_self_score_given_as_an_input_row(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(LONG + "00001,1.2.3,,có\n00001,1.2.3,self_score,1\n", encoding="utf-8")
    intake = _intake(path)
    assert _findings(intake) == set()
    assert intake.meta.select("criterion_id", "self_score").rows() == [("1.2.3", 10_000)]
    # Against a self_score column with another value, both are a conflict, each at its column.
    path.write_text(META + '00001,1.2.3,,có,1,\n00001,1.2.3,self_score,"0,5",,\n', encoding="utf-8")
    intake = _intake(path)
    assert _findings(intake) == {(E, "conflicting-values", 2, "self_score"), (E, "conflicting-values", 3, "value")}
    assert intake.meta.height == 0


def test_wide_meta_headers_are_named_as_written(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        "commune_code,1.2.3,1.2.3:self_score,1.2.3 : self_score,1.2.1 :evidence_date\n00001,có,1,0,31/02/2024\n",
        encoding="utf-8",
    )
    intake = _intake(path)
    assert _findings(intake) == {
        (E, "conflicting-values", 2, "1.2.3:self_score"),
        (E, "conflicting-values", 2, "1.2.3 : self_score"),
        (E, "implausible-date", 2, "1.2.1 :evidence_date"),
    }
    assert intake.meta.height == 0


def test_repeated_self_scores_on_the_same_row_number_are_warned(tmp_path: Path) -> None:
    """Self-scores follow the inputs' repeat rule: a copy on the same row number of another file,
    sheet or column is used once and warned about, not merged silently."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    # Each a row of its own: a file whose every row another holds is a copy (input-same-rows).
    first.write_text(META + "00001,1.2.3,,có,1,\n00003,1.2.3,,có,1,\n", encoding="utf-8")
    second.write_text(META + "00001,1.2.3,,có,1,\n00002,1.2.3,,có,1,\n", encoding="utf-8")
    intake = read_assessments([first, second], _leaves(), pl.Series(KNOWN))
    assert intake.findings.select("kind", "file", "row", "column").sort("column").rows() == [
        ("duplicate-row", str(second), 2, "self_score"),
        ("duplicate-row", str(second), 2, "value"),
    ]
    assert sorted(intake.meta.select("commune_code", "criterion_id", "self_score").rows()) == [
        ("00001", "1.2.3", 10_000),
        ("00002", "1.2.3", 10_000),
        ("00003", "1.2.3", 10_000),
    ]

    wide = tmp_path / "wide.csv"
    wide.write_text("commune_code,1.2.3,1.2.3:self_score,1.2.3 : self_score\n00001,có,1,1\n", encoding="utf-8")
    assert _findings(_intake(wide)) == {("warning", "duplicate-row", 2, "1.2.3 : self_score")}

    both = tmp_path / "both.csv"
    both.write_text("commune_code,criterion_id,input,value,self_score\n00001,1.2.3,self_score,1,1\n", encoding="utf-8")
    intake = _intake(both)
    assert len(intake.findings.filter(pl.col("kind") == "duplicate-row")) == 1
    assert intake.meta.select("self_score").item() == 10_000


def test_wide_self_score_columns_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        "commune_code,1.2.3,1.2.3:self_score,1.2.1:self_score,1.2.1:evidence_date\n"
        "00001,có,1,hai,10/01/2024\n"
        "00002,không,0,,\n",
        encoding="utf-8",
    )
    intake = _intake(path)
    assert _findings(intake) == {(E, "bad-value", 2, "1.2.1:self_score")}
    meta = {(r["commune_code"], r["criterion_id"]): r for r in intake.meta.iter_rows(named=True)}
    assert {k: (v["self_score"], v["evidence_date"]) for k, v in meta.items()} == {
        ("00001", "1.2.3"): (10_000, None),
        ("00001", "1.2.1"): (None, dt.date(2024, 1, 10)),
        ("00002", "1.2.3"): (0, None),
    }
    assert dict(intake.ledger.select("row", "status").iter_rows()) == {2: "partial", 3: "scored"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(
            "commune_code,criterion_id,value,Value\n00001,1.2.3,có,x\n", "duplicate-column", id="duplicate-column"
        ),
        pytest.param(LONG + '00001,1.2.3,,"có\n', "csv-syntax", id="csv-unclosed-quote"),
        pytest.param(LONG + "00001,1.2.3,,có,extra,more\n", "csv-syntax", id="csv-ragged-row"),
    ],
)
def test_unreadable_csv_is_refused(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "long.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PariError) as info:
        _intake(path)
    assert [(p.code, p.file) for p in info.value.problems] == [(code, str(path))]


# --------------------------------------------------------------------------------------------
# 3. Files: empty, binary, folders, missing, too large, encodings


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        pytest.param("a.csv", b"", "empty-file", id="empty-file"),
        pytest.param("a.csv", b" \r\n\n", "empty-file", id="whitespace-only-file"),
        pytest.param("a.csv", bytes(range(256)) * 8, "binary-file", id="binary-named-csv"),
        pytest.param("a.csv", b"PK\x03\x04" + bytes(60), "not-a-spreadsheet", id="broken-zip-named-csv"),
        pytest.param("a.xlsx", b"commune_code,value\n1,2\n", "workbook-is-text", id="csv-named-xlsx"),
        pytest.param("a.parquet", b"PAR1 not really", "not-parquet", id="broken-parquet"),
    ],
)
def test_unreadable_files_are_reported(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = read_table_file(path)
    assert result.sheets == []
    assert [(p.code, p.file) for p in result.problems] == [(code, str(path))]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for path, code in ((tmp_path / "nope.csv", "file-not-found"), (tmp_path, "is-a-directory")):
        with pytest.raises(PariError) as info:
            read_table_file(path)
        assert [(p.code, p.file) for p in info.value.problems] == [(code, str(path))]
        assert info.value.exit_code == EXIT_INVALID_INPUT


def test_large_file_is_read_and_oversized_file_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 200_000
    path = tmp_path / "big.csv"
    # Every row its own (a value of its own): 195,000 rows repeating others are past
    # PARI_MAX_REPEATED_ROWS since session 38 (tests/test_hostile_repeats38.py).
    pl.DataFrame(
        {
            "commune_code": [f"{i % 1000:05d}" for i in range(n)],
            "criterion_id": ["1.2.1"] * n,
            "value": [str(i) for i in range(n)],
        }
    ).write_csv(path)
    frame = read_table_file(path).sheets[0].frame
    assert frame.height == n
    assert frame["_row"].to_list()[-1] == n + 1
    monkeypatch.setattr(tables, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(PariError) as info:
        read_table_file(path)
    assert [p.code for p in info.value.problems] == ["file-too-large"]
    assert "1,000 bytes" in info.value.problems[0].message


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf8"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), id="utf8-bom"),
        pytest.param(lambda t: t.replace(",", ";").encode("utf-8"), id="semicolons"),
        pytest.param(lambda t: t.replace(",", "\t").encode("utf-8"), id="tabs"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf16-bom"),
        pytest.param(lambda t: t.encode("utf-16-le"), id="utf16-le-no-bom"),
        pytest.param(_cp1258, id="windows-1258"),
        pytest.param(lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), id="nfd-utf8"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    ],
)
def test_csv_encodings_join_on_nfc_names(tmp_path: Path, encode: Callable[[str], bytes]) -> None:
    text = "code,name,type,district\n00002,Xã Mỹ Hiệp,xã,Huyện Cao Lãnh\n00003,Thị trấn Ứng Hòa,thị trấn,Ứng Hòa\n"
    path = tmp_path / "communes.csv"
    raw = encode(text)
    path.write_bytes(raw)
    register = read_register(path)
    # A file that is neither UTF-8 nor marked by a byte-order mark is read, and the guess announced.
    try:
        raw.decode("utf-8")
        guessed = False
    except UnicodeDecodeError:
        guessed = not raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert [(p.code, p.severity) for p in register.problems] == ([("encoding-fallback", "warning")] if guessed else [])
    assert register.frame.select("code", "name", "unit_type", "district").rows() == [
        ("00002", "Xã Mỹ Hiệp", "commune", "Huyện Cao Lãnh"),
        ("00003", "Thị trấn Ứng Hòa", "township", "Ứng Hòa"),
    ]
    # NFD and NFC spellings of the same name join.
    nfc = pl.DataFrame({"name": [unicodedata.normalize("NFC", "Xã Mỹ Hiệp")]})
    assert register.frame.join(nfc, on="name").height == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(REGISTER + "00001,Trùng,xã,,\n", {("duplicate-commune", 4)}, id="reg-dup"),
        pytest.param(REGISTER + ",Không mã,xã,,\n", {("missing-code", 4)}, id="reg-missing-code"),
        pytest.param(REGISTER + "00004,,xã,,\n", {("missing-name", 4)}, id="reg-missing-name"),
        pytest.param(REGISTER + "00004,X,làng,,\n", {("unknown-unit-type", 4)}, id="reg-unknown-unit-type"),
        pytest.param("ma_so,ten\n00001,A\n", {("missing-column", 1)}, id="reg-renamed-columns"),
    ],
)
def test_bad_register(tmp_path: Path, text: str, expected: set[tuple[str, int]]) -> None:
    path = tmp_path / "communes.csv"
    path.write_text(text, encoding="utf-8")
    try:
        register = read_register(path)
        # Rows left out are problems; rows kept but suspicious (no name, unknown type) warnings.
        problems = register.problems + register.warnings
    except PariError as exc:
        problems = exc.problems
    assert {(p.code, p.row) for p in problems} == expected
    assert {p.file for p in problems} == {str(path)}


# --------------------------------------------------------------------------------------------
# 4. Excel workbooks written with openpyxl

Build = Callable[[openpyxl.Workbook, Any], None]


def _error_cells(wb: openpyxl.Workbook, ws: Any) -> None:
    ws.append(["00001", "1.2.1", None, None])
    ws.append(["00001", "1.2.2", None, None])
    for ref, code in (("D2", "#N/A"), ("D3", "#DIV/0!")):
        ws[ref].value = code
        ws[ref].data_type = "e"


def _formulas(wb: openpyxl.Workbook, ws: Any) -> None:
    ws.append(["00001", "1.2.1", None, "=1+2"])
    ws.append(["00001", "1.2.3", None, '=IF(TRUE,"có","không")'])


def _merged(wb: openpyxl.Workbook, ws: Any) -> None:
    ws.append(["00001", "1.2.1", None, "3"])
    ws.append([None, "1.2.3", None, "có"])
    ws.merge_cells("A2:A3")


def _empty_extra_sheet(wb: openpyxl.Workbook, ws: Any) -> None:
    wb.create_sheet("trống")
    ws.append(["00001", "1.2.1", None, "3"])


def _hidden(wb: openpyxl.Workbook, ws: Any) -> None:
    ws.append(["00001", "1.2.1", None, "3"])
    hidden = wb.create_sheet("ẩn")
    hidden.append(["commune_code", "criterion_id", "input", "value"])
    hidden.append(["00002", "1.2.1", None, "4"])
    hidden.sheet_state = "hidden"


def _numbers_typed(wb: openpyxl.Workbook, ws: Any) -> None:
    ws.append(["00001", "1.2.1", None, 3])
    ws.append(["00001", 1.1, "done", 5.0])  # 1.10 typed as a number in Excel
    ws.append([1, "1.2.3", None, True])  # 00001 typed as a number


def _offset_table(wb: openpyxl.Workbook, ws: Any) -> None:
    ws.delete_rows(1)
    ws["B3"], ws["C3"], ws["D3"] = "commune_code", "criterion_id", "value"
    ws["B4"], ws["C4"], ws["D4"] = "00001", "1.2.1", "x"


XLSX_CASES: list[Any] = [
    pytest.param(
        _error_cells,
        {(E, "excel-error-cell", "data", 2, "value"), (E, "excel-error-cell", "data", 3, "value")},
        [],
        id="xlsx-error-cells",
    ),
    pytest.param(
        _formulas,
        {(E, "formula-without-value", "data", 2, "value"), (E, "formula-without-value", "data", 3, "value")},
        [],
        id="xlsx-formula-without-cached-value",
    ),
    pytest.param(
        _merged,
        {(E, "merged-cells", "data", 2, None), (E, "missing-commune-code", "data", 3, "commune_code")},
        [2],
        id="xlsx-merged-cells",
    ),
    pytest.param(_empty_extra_sheet, set(), [2], id="xlsx-empty-extra-sheet"),
    pytest.param(_hidden, {(E, "hidden-sheet", "ẩn", None, None)}, [2], id="xlsx-hidden-sheet"),
    pytest.param(
        _numbers_typed,
        {(E, "unknown-criterion", "data", 3, "value"), (E, "unknown-commune", "data", 4, None)},
        [2],
        id="xlsx-ids-typed-as-numbers",
    ),
    pytest.param(_offset_table, {(E, "bad-value", "data", 4, "value")}, [], id="xlsx-table-not-in-row-1"),
]


@pytest.mark.parametrize(("build", "expected", "scored_rows"), XLSX_CASES)
def test_bad_workbooks(
    tmp_path: Path, build: Build, expected: set[tuple[str, str, str, int | None, str | None]], scored_rows: list[int]
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "data"
    ws.append(["commune_code", "criterion_id", "input", "value"])
    build(wb, ws)
    path = tmp_path / "long.xlsx"
    wb.save(path)
    intake = _intake(path)
    got = {
        (r["severity"], r["kind"], r["sheet"], r["row"], r["column"])
        for r in intake.findings.iter_rows(named=True)
        if r["severity"] != "info"
    }
    assert got == expected
    assert sorted(intake.cells["_row"].to_list()) == scored_rows
    # Error cells and unsaved formulas are reported, never scored as something.
    assert intake.cells.filter(pl.col("value").str.starts_with("#")).height == 0


def test_workbook_with_only_an_empty_sheet(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(PariError) as info:
        _intake(path)
    assert [(p.code, p.file) for p in info.value.problems] == [("empty-file", str(path))]


# --------------------------------------------------------------------------------------------
# 5. Dates in every common form


DATE_FORMS = ["2024-01-10", "10/01/2024", "10-01-2024", "10.01.2024", "45301", "45301.0", "2024-01-10 00:00:00"]


@pytest.mark.parametrize("text", DATE_FORMS)
def test_date_forms(tmp_path: Path, text: str) -> None:
    assert pl.select(parse_date(pl.lit(text))).item() == dt.date(2024, 1, 10)
    path = tmp_path / "long.csv"
    path.write_text(LONG + f"00001,1.1.1,,{text}\n", encoding="utf-8")
    intake = _intake(path)
    assert _findings(intake) == set()
    assert intake.cells["day"].to_list() == [dt.date(2024, 1, 10)]


@pytest.mark.parametrize("text", ["31/02/2024", "2024-02-30", "10/13/2024", "hôm qua", "0"])
def test_impossible_dates_are_not_read(text: str) -> None:
    assert pl.select(parse_date(pl.lit(text))).item() is None


# --------------------------------------------------------------------------------------------
# 6. Through the command line: exit statuses and located messages


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    (tmp_path / "communes.csv").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "long.csv").write_text(LONG + "00001,1.2.3,,có\n00002,1.2.1,,3\n", encoding="utf-8")
    return tmp_path


#: Commands whose English messages the tests below read (errors speak Vietnamese by default).
ENGLISH_COMMANDS = {"score", "validate", "explain", "template", "report"}


def _pari(*args: str | Path) -> tuple[int, str]:
    english = ["--lang", "en"] if args and str(args[0]) in ENGLISH_COMMANDS else []
    result = CliRunner().invoke(main, [*(str(a) for a in args), *english])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _score(
    toy: Path, *extra: str | Path, long: str | Path = "long.csv", out: str | Path = "out.xlsx"
) -> tuple[int, str]:
    return _pari(
        "score",
        toy / long,
        "--criteria",
        ALL_KINDS,
        "--communes",
        toy / "communes.csv",
        "-o",
        toy / out,
        "-q",
        "--no-survey",  # the toy set's survey item is not what these tests are about
        *extra,
    )


def test_cli_clean_run_exits_0(toy: Path) -> None:
    code, _ = _score(toy)
    assert code == EXIT_OK


def test_cli_rejected_rows_exit_1_after_writing(toy: Path) -> None:
    # A good row too: a file of which nothing is used stops the run (tests/test_completeness.py).
    (toy / "long.csv").write_text(LONG + "00001,1.2.1,,-3\n00002,1.2.1,,3\n", encoding="utf-8")
    code, output = _score(toy, "--lang", "en")
    assert code == EXIT_INVALID_INPUT
    assert f"{toy / 'long.csv'} row 2 column «value»: -3 is negative" in output
    assert "[negative-value]" in output
    assert (toy / "out.xlsx").exists()


def test_cli_strict_exits_3(toy: Path) -> None:
    (toy / "long.csv").write_text(LONG + "00009,1.2.1,,3\n00001,1.2.1,,3\n", encoding="utf-8")
    code, output = _score(toy, "--strict")
    assert code == EXIT_STRICT_FINDINGS
    assert "[unknown-commune]" in output and "[strict]" in output


def test_cli_bad_yaml_exits_1_with_line(toy: Path) -> None:
    bad = toy / "bad.yaml"
    bad.write_text(_mutate("scale: 25", "scale: 25\nscale: 26"), encoding="utf-8")
    code, output = _pari("score", toy / "long.csv", "--criteria", bad, "-o", toy / "out.xlsx", "-q")
    assert code == EXIT_INVALID_INPUT
    assert f"{bad}:11:1: key «scale» appears twice" in output
    assert not (toy / "out.xlsx").exists()


def test_cli_yaml_object_tag_exits_1_and_runs_nothing(toy: Path) -> None:
    marker = toy / "pwned"
    bad = toy / "bad.yaml"
    bad.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    code, output = _pari("validate", bad)
    assert code == EXIT_INVALID_INPUT
    assert f"{bad}:1:1:" in output and "[yaml-tag-refused]" in output
    assert not marker.exists()


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        pytest.param(("nope.csv",), EXIT_INVALID_INPUT, "nope.csv: file not found [file-not-found]", id="cli-missing"),
        pytest.param(("sub",), EXIT_INVALID_INPUT, "sub: this is a folder, not a file [is-a-directory]", id="cli-dir"),
    ],
)
def test_cli_missing_file_or_folder(toy: Path, args: tuple[str, ...], code: int, text: str) -> None:
    (toy / "sub").mkdir()
    got, output = _score(toy, long=args[0])
    assert got == code
    assert str(toy / text) in output


def test_cli_usage_errors_exit_2(toy: Path) -> None:
    assert _pari("score", "--criteria", ALL_KINDS, "-o", toy / "out.xlsx")[0] == EXIT_USAGE
    code, output = _score(toy, out="out.txt")
    assert code == EXIT_USAGE and "[output-type-unknown]" in output
    assert _pari("score", toy / "long.csv", "-o", toy / "o.xlsx", "--no-such-option")[0] == EXIT_USAGE


def test_cli_output_equal_to_input_is_refused(toy: Path) -> None:
    workbook = toy / "long.xlsx"
    pl.read_csv(toy / "long.csv", infer_schema=False).write_excel(workbook)
    before = workbook.read_bytes()
    code, output = _score(toy, long="long.xlsx", out="long.xlsx")
    assert code == EXIT_OUTPUT
    assert "[output-is-input]" in output
    assert workbook.read_bytes() == before
    # Also when the two paths are spelled differently.
    code, _ = _score(toy, long="long.xlsx", out=toy / "sub" / ".." / "long.xlsx")
    assert code == EXIT_OUTPUT
    assert workbook.read_bytes() == before


def test_cli_unwritable_output_folder_exits_4(toy: Path) -> None:
    (toy / "a-file").write_text("x", encoding="utf-8")
    code, output = _score(toy, out=toy / "a-file" / "out.xlsx")
    assert code == EXIT_OUTPUT
    assert "[output-folder-is-file]" in output
    # The refusal names the file in the way, in the run's words (the Vietnamese once lost its reason).
    args = ["score", toy / "long.csv", "--criteria", ALL_KINDS, "--communes", toy / "communes.csv", "-q"]
    vi = CliRunner().invoke(main, [*map(str, args), "-o", str(toy / "a-file" / "out.xlsx")])
    assert f"{toy / 'a-file'} là một tệp, nên không tạo được thư mục" in vi.output, vi.output
    assert "—" not in vi.output


def test_cli_excel_error_cells_are_listed(toy: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "data"
    ws.append(["commune_code", "criterion_id", "input", "value"])
    _error_cells(wb, ws)
    wb.save(toy / "long.xlsx")
    code, output = _score(toy, long="long.xlsx")
    assert code == EXIT_INVALID_INPUT
    assert f"{toy / 'long.xlsx'} [data] row 2 column «value»: the cell holds the Excel error #N/A" in output


# --------------------------------------------------------------------------------------------
# 7. Security


#: The last one loses its tab when read (cells are stripped) and is still neutralised.
DANGEROUS_NAMES = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\t=1+1"]


def _injection_result(tmp_path: Path) -> Any:
    register = pl.DataFrame(
        {
            "code": [f"{i:05d}" for i in range(1, len(DANGEROUS_NAMES) + 1)],
            "name": DANGEROUS_NAMES,
            "type": ["xã"] * len(DANGEROUS_NAMES),
            "district": ["=1+1"] * len(DANGEROUS_NAMES),
        }
    )
    register.write_csv(tmp_path / "communes.csv")
    (tmp_path / "long.csv").write_text(LONG + "00001,1.2.3,,có\n", encoding="utf-8")
    return score([tmp_path / "long.csv"], ALL_KINDS, communes=tmp_path / "communes.csv", no_survey=True)


def test_formula_injection_is_neutralised_in_xlsx(tmp_path: Path) -> None:
    result = _injection_result(tmp_path)
    write_results(tmp_path / "out.xlsx", result_tables(result), "xlsx")
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    sheet = wb["Tổng hợp"]  # the summary, in the run's language (Vietnamese by default)
    header = [c.value for c in sheet[1]]
    names = [row[header.index("Tên đơn vị")] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in names] == ["'" + n.strip() for n in DANGEROUS_NAMES]
    assert {c.data_type for c in names} == {"s"}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


def test_formula_injection_is_neutralised_in_csv(tmp_path: Path) -> None:
    result = _injection_result(tmp_path)
    write_results(tmp_path / "out", result_tables(result), "csv")
    text = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == ["'" + n.strip() for n in DANGEROUS_NAMES]
    assert {r["district"] for r in rows} == {"'=1+1"}
    for line in text.splitlines()[1:]:
        for field in next(csv.reader([line])):
            assert not field.startswith(("=", "+", "@", "\t", "\r")) or field == "", field


@pytest.mark.parametrize(
    ("evidence_file", "status"),
    [
        pytest.param("../../etc/passwd", "outside_evidence_dir", id="dotdot"),
        pytest.param("/etc/passwd", "outside_evidence_dir", id="absolute"),
        pytest.param("link-out", "outside_evidence_dir", id="symlink-out"),
        pytest.param("sub/../plan.pdf", "present", id="inside"),
        pytest.param("missing.pdf", "file_not_found", id="not-found"),
    ],
)
def test_evidence_paths_cannot_leave_the_evidence_folder(tmp_path: Path, evidence_file: str, status: str) -> None:
    evidence = tmp_path / "evidence"
    (evidence / "sub").mkdir(parents=True)
    (evidence / "plan.pdf").write_bytes(b"%PDF\n%%EOF\n")
    (evidence / "link-out").symlink_to("/etc/passwd")
    (tmp_path / "communes.csv").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "long.csv").write_text(
        "commune_code,criterion_id,value,evidence_number,evidence_date,evidence_file\n"
        f"00001,1.1.1,10/01/2024,12/KH-UBND,10/01/2024,{evidence_file}\n",
        encoding="utf-8",
    )
    result = score(
        [tmp_path / "long.csv"], ALL_KINDS, communes=tmp_path / "communes.csv", evidence_dir=evidence, no_survey=True
    )
    row = result.details.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.1"))
    assert row["evidence_status"].to_list() == [status]


def test_no_eval_or_exec_in_the_source() -> None:
    source = Path(__file__).parents[1] / "src" / "pari_index"
    offenders = [
        f"{path.name}:{n}"
        for path in sorted(source.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\b(eval|exec)\s*\(", line)
    ]
    assert offenders == []


def test_yaml_is_only_loaded_safely() -> None:
    source = Path(__file__).parents[1] / "src" / "pari_index"
    unsafe = re.compile(r"yaml\.(load|load_all|unsafe_load|full_load)\s*\(|yaml\.(Unsafe|Full)?Loader\b|UnsafeLoader")
    offenders = [
        f"{path.name}:{n}"
        for path in sorted(source.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if unsafe.search(line)
    ]
    assert offenders == []


# --------------------------------------------------------------------------------------------
# 8. Atomic outputs


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_interrupted_csv_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.csv"
    target.write_text("previous results\n", encoding="utf-8")

    def half_then_fail(self: pl.DataFrame, file: Any, **_: Any) -> None:
        Path(file).write_text("commune_code,na", encoding="utf-8")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(pl.DataFrame, "write_csv", half_then_fail)
    with pytest.raises(RuntimeError, match="interrupted"):
        outputs.write_csv(target, pl.DataFrame({"a": [1]}))
    assert target.read_text(encoding="utf-8") == "previous results\n"
    assert _leftovers(tmp_path) == []


def test_interrupted_xlsx_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "results.xlsx"
    target.write_bytes(b"previous workbook")
    calls = 0
    from pari_index.outputs import workbook

    real = workbook._write_sheet

    def second_sheet_fails(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        real(*args, **kwargs)

    monkeypatch.setattr(workbook, "_write_sheet", second_sheet_fails)
    with pytest.raises(PariError) as info:
        outputs.write_xlsx(target, {"a": pl.DataFrame({"x": [1]}), "b": pl.DataFrame({"y": [2]})})
    assert info.value.exit_code == EXIT_OUTPUT
    assert [p.code for p in info.value.problems] == ["output-unwritable"]
    assert target.read_bytes() == b"previous workbook"
    assert _leftovers(tmp_path) == []


def test_interrupted_rename_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def no_rename(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(PariError) as info:
        outputs.write_text(target, "new")
    assert info.value.exit_code == EXIT_OUTPUT
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


# --------------------------------------------------------------------------------------------
# 9. Nothing lost: one row per commune of the register and scored item, with a status


def test_every_commune_and_item_has_a_row_even_with_nothing_or_garbage(tmp_path: Path) -> None:
    (tmp_path / "communes.csv").write_text(
        REGISTER + "00003,Thị trấn A,thị trấn,Kiến An,HP\n00004,Xã Trống,xã,Kiến An,HP\n", encoding="utf-8"
    )
    (tmp_path / "long.csv").write_text(
        LONG
        + "00001,1.2.3,,có\n"  # fine
        + "00002,1.2.1,,#N/A\n00002,2.3,,999\n00002,9.9,,x\n00002,1.1.3,,5\n"  # only garbage
        + "00003,1.2.3,,có\n00003,1.2.3,,không\n",  # only a conflict; 00004 sent nothing
        encoding="utf-8",
    )
    result = score([tmp_path / "long.csv"], ALL_KINDS, communes=tmp_path / "communes.csv", no_survey=True)
    leaf_ids = [leaf.id for leaf in _leaves()]
    codes = ["00001", "00002", "00003", "00004"]
    expected = {(c, i) for c in codes for i in leaf_ids}
    for fmt, path in (("xlsx", tmp_path / "out.xlsx"), ("csv", tmp_path / "out"), ("parquet", tmp_path / "pq")):
        write_results(path, result_tables(result), fmt)  # type: ignore[arg-type]
        back = read_results(path)
        criteria = back["criteria"].with_columns(
            pl.col("commune_code").cast(pl.String).str.zfill(5), pl.col("criterion_id").cast(pl.String)
        )
        pairs = list(zip(criteria["commune_code"], criteria["criterion_id"], strict=True))
        assert len(pairs) == len(set(pairs)) == len(expected), fmt
        assert set(pairs) == expected, fmt
        assert criteria["status"].null_count() == 0, fmt
        summary_codes = back["summary"]["commune_code"].cast(pl.String).str.zfill(5).to_list()
        assert sorted(summary_codes) == codes, fmt
    statuses = result.details.group_by("commune_code").agg(pl.col("status").unique())
    assert "not_assessed" in statuses.filter(pl.col("commune_code") == "00004")["status"].item().to_list()
    # Every input row is accounted for.
    ledger = result.ledger.filter(pl.col("input") == "assessment")
    assert ledger.height == 7
    assert ledger.filter(pl.col("status") == "rejected")["row"].sort().to_list() == [3, 4, 5, 6, 7, 8]


def test_formulas_saved_with_their_results_are_read(tmp_path: Path) -> None:
    """A workbook saved by Excel keeps each formula's result: that result is read; a cached error
    result is reported like any error cell."""
    import xlsxwriter

    path = tmp_path / "saved.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        sheet.write_row(0, 0, ["commune_code", "criterion_id", "input", "value"])
        sheet.write_row(1, 0, ["00001", "1.2.1", ""])
        sheet.write_formula(1, 3, "=1+2", None, 3)
        sheet.write_row(2, 0, ["00001", "2.3", ""])
        sheet.write_formula(2, 3, "=1/0", None, "#DIV/0!")
    intake = _intake(path)
    # xlsxwriter asks for the formulas to be calculated on opening (fullCalcOnLoad), as Excel
    # never does on saving: the results are read as stored, and that is told (session 38).
    told = {(E, "excel-error-cell", 3, "value"), ("warning", "formula-result-not-calculated", 2, "value")}
    assert _findings(intake) == told
    assert intake.cells.select("criterion_id", "value").rows() == [("1.2.1", "3")]


def test_register_keeps_the_first_of_a_repeated_code_and_units_with_warnings(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text(REGISTER + "00001,Trùng,xã,,\n00009,,làng,,\n", encoding="utf-8")
    register = read_register(path)
    kept = dict(register.frame.select("code", "name").rows())
    assert kept["00001"] != "Trùng"  # the first row of 00001 counts
    assert kept["00009"] == "00009"  # no name: the code stands in, with a warning
    assert register.frame.filter(pl.col("code") == "00009")["unit_type"].to_list() == [None]
    assert register.rows is not None
    assert register.rows["status"].to_list().count("rejected") == 1


def test_register_codes_that_differ_only_by_leading_zeros_or_width_are_named(tmp_path: Path) -> None:
    """Excel retypes 00001 as 1: as text two units, the second sending nothing. Both are kept (a
    code is the user's), with a warning on the later row naming the earlier."""
    path = tmp_path / "communes.csv"
    path.write_text(
        "code,name,type\n00001,A,xã\n1,B,xã\n\uff10\uff10\uff10\uff102,C,xã\n00002,D,xã\n00010,E,xã\n10,F,xã\n100,G,xã\n",
        encoding="utf-8",
    )
    register = read_register(path)
    assert register.frame["code"].len() == 7
    found = [(w.code, w.row, w.params) for w in register.warnings]
    assert found == [
        ("look-alike-code", 3, {"code": "«1»", "first": "«00001»", "first_row": 2}),
        ("look-alike-code", 5, {"code": "«00002»", "first": "«\uff10\uff10\uff10\uff102»", "first_row": 4}),
        ("look-alike-code", 7, {"code": "«10»", "first": "«00010»", "first_row": 6}),
    ]
    from pari_index.messages import render

    problem = register.warnings[0]
    assert render(problem.code, problem.params, "vi", message=problem.message) == (
        "mã «1» chỉ khác mã «00001» (hàng 2) ở các số 0 đứng đầu hoặc chữ số toàn độ rộng; "
        "hai mã được giữ là hai đơn vị"
    )


def test_outputs_get_ordinary_file_permissions(tmp_path: Path) -> None:
    from pari_index.outputs.files import write_text

    umask = os.umask(0o022)
    try:
        write_text(tmp_path / "report.html", "<p>x</p>")
    finally:
        os.umask(umask)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o644


def test_an_os_error_no_reader_located_is_exit_1_with_the_path_not_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's last line of defence: an OSError from the user's file system is not exit 70."""
    import errno

    from pari_index.criteria import loading

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ELOOP, "Too many levels of symbolic links", "loop/criteria.yaml")

    monkeypatch.setattr(loading, "load_criteria", refuse)
    result = CliRunner().invoke(main, ["template", "-o", "form.xlsx"])
    assert result.exit_code == 1
    assert "Too many levels of symbolic links" in result.output
    assert "loop/criteria.yaml" in result.output
    assert "[os-error]" in result.output
