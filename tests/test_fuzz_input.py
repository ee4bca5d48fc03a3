"""Fuzzing the readers: arbitrary bytes, structured junk and random cells may only ever give a
PariError (located problems) or a result, never another exception. Example counts come from the
hypothesis profiles in conftest.py."""

from __future__ import annotations

import csv
import functools
import io
import tempfile
from pathlib import Path
from typing import Any

import polars as pl
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.model import Leaf
from pari_index.errors import PariError
from pari_index.intake.assessments import read_assessments
from pari_index.intake.tables import read_table_file
from pari_index.scoring.run import score

ALL_KINDS = Path(__file__).parent / "data" / "all_kinds.yaml"
BASE = yaml.safe_load(ALL_KINDS.read_text(encoding="utf-8"))
COMMUNES = ("00001", "00002", "00003")
REGISTER = "code,name,type,district\n00001,Phường A,phường,X\n00002,Xã B,xã,X\n00003,Thị trấn C,thị trấn,Y\n"
fuzz = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@functools.cache
def _leaves() -> tuple[Leaf, ...]:
    return tuple(compile_criteria(load_criteria(ALL_KINDS).criteria).leaves)


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["yes", "no", "012", "1.10", "1e3", "2024-02-30", "~", "&a", "*a", "!!str", "max", "kind"])
)
junk = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=40,
)


def _criteria_or_problem(text: str) -> None:
    try:
        load_criteria_text(text, "fuzz.yaml")
    except PariError as exc:
        assert exc.problems
        assert all(p.code and p.message for p in exc.problems)


@fuzz
@given(st.binary(max_size=2000))
def test_criteria_from_arbitrary_bytes(raw: bytes) -> None:
    _criteria_or_problem(raw.decode("utf-8", errors="replace"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.yaml"
        path.write_bytes(raw)
        try:
            load_criteria(path)
        except PariError as exc:
            assert exc.problems


@fuzz
@given(junk)
def test_criteria_from_structured_junk(data: Any) -> None:
    _criteria_or_problem(yaml.safe_dump(data, allow_unicode=True))


def _replace_at(data: Any, path: list[int], value: Any) -> Any:
    """A copy of ``data`` with the node reached by following ``path`` (indices modulo the number
    of children) replaced by ``value``."""
    if not path or not isinstance(data, dict | list) or not data:
        return value
    if isinstance(data, dict):
        keys = list(data)
        key = keys[path[0] % len(keys)]
        return {**data, key: _replace_at(data[key], path[1:], value)}
    i = path[0] % len(data)
    return [*data[:i], _replace_at(data[i], path[1:], value), *data[i + 1 :]]


@fuzz
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=8), junk)
def test_criteria_with_a_subtree_replaced_by_junk(path: list[int], value: Any) -> None:
    _criteria_or_problem(yaml.safe_dump(_replace_at(BASE, path, value), allow_unicode=True))


def _read_any(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(raw)
        try:
            read_table_file(path)
        except PariError as exc:
            assert exc.problems
        try:
            intake = read_assessments([path], _leaves(), pl.Series(COMMUNES))
        except PariError as exc:
            assert exc.problems
        else:
            # Every accepted cell comes from a row of the file, and every finding names the file
            # or a commune.
            assert set(intake.cells["_file"].to_list()) <= {str(path)}
            assert set(intake.ledger["status"].to_list()) <= {"scored", "rejected", "empty"}


@fuzz
@given(st.binary(max_size=3000), st.sampled_from([".csv", ".txt", ".xlsx", ".parquet"]))
def test_tables_from_arbitrary_bytes(raw: bytes, suffix: str) -> None:
    _read_any(raw, suffix)


headers = st.sampled_from(
    ["commune_code", "criterion_id", "input", "value", "self_score", "n/a", "evidence_date", "mã xã", "1.2.1", "", "x"]
)
cells = st.text(max_size=12) | st.sampled_from(["00001", "1.2.1", "1.1.3", "done", "có", "#N/A", "=1+2", "1,5"])


@fuzz
@given(
    st.lists(headers, min_size=1, max_size=6),
    st.lists(st.lists(cells, max_size=7), max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]),
)
def test_tables_from_random_text_grids(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    _read_any(buffer.getvalue().encode(encoding, errors="replace"), ".csv")


row = st.tuples(
    st.sampled_from([*COMMUNES, "00009", "", "1"]),
    st.sampled_from([leaf.id for leaf in _leaves()] + ["1.1", "9.9", ""]),
    st.sampled_from(["", "done", "planned", "tasks", "budget", "on_time", "received", "bogus"]),
    st.text(max_size=10)
    | st.integers(min_value=-5, max_value=500).map(str)
    | st.floats(allow_nan=True, allow_infinity=True).map(str)
    | st.sampled_from(["có", "không", "đúng hạn", "chairman", "10/01/2024", "45301", "#DIV/0!", "=A1", "1,5"]),
)


@fuzz
@given(st.lists(row, max_size=25))
def test_scoring_random_cells_keeps_every_commune_and_item(rows: list[tuple[str, str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "communes.csv").write_text(REGISTER, encoding="utf-8")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["commune_code", "criterion_id", "input", "value"])
        writer.writerows(rows)
        (base / "long.csv").write_text(buffer.getvalue(), encoding="utf-8")
        try:
            result = score([base / "long.csv"], ALL_KINDS, communes=base / "communes.csv")
        except PariError as exc:
            assert exc.problems
            return
    leaf_ids = {leaf.id for leaf in _leaves()}
    pairs = list(zip(result.details["commune_code"], result.details["criterion_id"], strict=True))
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == {(c, i) for c in COMMUNES for i in leaf_ids}
    assert result.details["status"].null_count() == 0
    assert sorted(result.totals["commune_code"].to_list()) == list(COMMUNES)
    # Every input row is in the ledger once.
    ledger = result.ledger.filter(pl.col("input") == "assessment")
    assert ledger["row"].n_unique() == ledger.height
