"""The DuckDB peer: pari's scoring as one SQL script, generated from the criteria set.

    python -m peers.duckdb_peer --criteria SET.yaml --communes communes.csv \
        --assessments assessments_long.csv --survey survey.csv --out DIR [--print-sql]

(run from ``benchmarks/``). It reads the long-form CSV or Parquet files, types every value (decimal
comma, có/không, dd/mm/yyyy, statuses and levels), pivots to one row per commune, evaluates one
SQL ``CASE`` per item (one template per rule kind), applies N/A flags, unit types and the
missing-evidence policy, then totals, index, classes and ranks; it writes ``details.parquet``
and ``totals.parquet`` in units of 1/10,000 (see common.py). What it does not cover is listed in
benchmarks/README.md ("Peers: DuckDB and pandas").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from pari_index.criteria.rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    Deadline,
    Deduction,
    Interval,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    YesNo,
)
from peers.common import (
    FALSE_WORDS,
    SCALE,
    STATUS_WORDS,
    TRUE_WORDS,
    UNIT_TYPES,
    LeafPlan,
    SetPlan,
    load_plan,
    na_policy_reads_flag,
    units,
)

# --------------------------------------------------------------------------------------------
# Small SQL helpers


def q(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def values_table(rows: Sequence[Sequence[object]], names: Sequence[str]) -> str:
    def lit(v: object) -> str:
        if v is None:
            return "NULL"
        if isinstance(v, bool):
            return "TRUE" if v else "FALSE"
        if isinstance(v, int):
            return str(v)
        return q(str(v))

    body = ", ".join("(" + ", ".join(lit(v) for v in row) + ")" for row in rows)
    return f"(VALUES {body}) AS t({', '.join(names)})"


def read_files(paths: Sequence[str]) -> str:
    """A table of every file, as text, columns matched by name (CSV and Parquet may be mixed)."""
    parquet = [p for p in paths if p.endswith(".parquet")]
    csv = [p for p in paths if not p.endswith(".parquet")]
    reads = []
    if csv:
        listed = "[" + ", ".join(q(p) for p in csv) + "]"
        reads.append(f"SELECT * FROM read_csv({listed}, all_varchar = true, header = true, union_by_name = true)")
    if parquet:
        listed = "[" + ", ".join(q(p) for p in parquet) + "]"
        reads.append(f"SELECT * FROM read_parquet({listed}, union_by_name = true)")
    return "(" + " UNION ALL BY NAME ".join(reads) + ")"


MACROS = f"""
-- Numbers typed with a decimal comma or dot and optional thousands separators, as units.
CREATE OR REPLACE MACRO squeeze(v) AS regexp_replace(regexp_replace(v, '[\\s\\x{{00a0}}%]', '', 'g'), '^\\+', '');
CREATE OR REPLACE MACRO plain_number(s) AS CASE
    WHEN contains(s, ',') AND contains(s, '.') AND strpos(s, ',') < strpos(s, '.') THEN replace(s, ',', '')
    WHEN contains(s, ',') AND contains(s, '.') THEN replace(replace(s, '.', ''), ',', '.')
    WHEN length(s) - length(replace(s, ',', '')) > 1 THEN replace(s, ',', '')
    WHEN length(s) - length(replace(s, '.', '')) > 1 THEN replace(s, '.', '')
    ELSE regexp_replace(s, ',', '.') END;
CREATE OR REPLACE MACRO number_or_null(n) AS
  CASE WHEN regexp_full_match(n, '-?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?') THEN TRY_CAST(n AS DOUBLE) END;
CREATE OR REPLACE MACRO units_or_null(f) AS
  CASE WHEN isfinite(f) AND abs(f) < 9e13 THEN CAST(round(f * {SCALE}) AS BIGINT) END;
CREATE OR REPLACE MACRO parse_units(v) AS units_or_null(number_or_null(plain_number(squeeze(v))));
CREATE OR REPLACE MACRO parse_flag(v) AS CASE
  WHEN lower(trim(v)) IN ({", ".join(q(w) for w in TRUE_WORDS)}) THEN TRUE
  WHEN lower(trim(v)) IN ({", ".join(q(w) for w in FALSE_WORDS)}) THEN FALSE END;
-- Day first (10/01/2025, 10-01-2025, 10.01.2025) or ISO; the year in four digits, 1900-2100.
CREATE OR REPLACE MACRO day_or_null(s) AS
  CASE WHEN regexp_full_match(s,
         '[0-9]{{1,2}}[/.-][0-9]{{1,2}}[/.-][0-9]{{4}}|[0-9]{{4}}[-/][0-9]{{1,2}}[-/][0-9]{{1,2}}')
       THEN CAST(try_strptime(s, ['%d/%m/%Y', '%Y-%m-%d', '%d-%m-%Y', '%d.%m.%Y', '%Y/%m/%d']) AS DATE) END;
CREATE OR REPLACE MACRO year_checked(d) AS CASE WHEN year(d) BETWEEN 1900 AND 2100 THEN d END;
CREATE OR REPLACE MACRO parse_day(v) AS year_checked(day_or_null(trim(v)));
-- n / d rounded to an integer (d > 0), exactly, in each rounding mode of the criteria format.
CREATE OR REPLACE MACRO div_half_up(n, d) AS
  CASE WHEN n >= 0 THEN (2 * n + d) // (2 * d) ELSE -((2 * (-n) + d) // (2 * d)) END;
CREATE OR REPLACE MACRO div_down(n, d) AS CASE WHEN n >= 0 THEN n // d ELSE -((-n) // d) END;
CREATE OR REPLACE MACRO div_half_even_pos(a, d) AS
  CASE WHEN 2 * (a % d) > d THEN a // d + 1 WHEN 2 * (a % d) < d THEN a // d ELSE a // d + (a // d) % 2 END;
CREATE OR REPLACE MACRO div_half_even(n, d) AS
  CASE WHEN n >= 0 THEN div_half_even_pos(n, d) ELSE -div_half_even_pos(-n, d) END;
"""


def div_round(plan: SetPlan, n: str, d: str | int) -> str:
    return f"div_{plan.mode}(({n}), ({d}))"


# --------------------------------------------------------------------------------------------
# One expression per rule kind


def _pts(value: object, default: int) -> int:
    return default if value is None else units(value) or 0  # type: ignore[arg-type]


def _interval(value: str, tier: Interval, scale_value: str = "", scale_edge: str = "") -> str:
    """``value`` within the tier's edges; for a rate the two sides are scaled so that the
    comparison stays in integers (num * 100 * SCALE against edge * den)."""
    parts = []
    for edge, op in ((tier.from_, ">="), (tier.above, ">"), (tier.to, "<="), (tier.below, "<")):
        if edge is not None:
            e = units(edge)
            parts.append(f"{value}{scale_value} {op} {e}{scale_edge}")
    return " AND ".join(parts) or "TRUE"


def _ladder(cases: list[tuple[str, int]], otherwise: int) -> str:
    body = " ".join(f"WHEN {c} THEN {p}" for c, p in cases)
    return f"CASE {body} ELSE {otherwise} END"


def _rate(leaf: LeafPlan, rule: Tiers | Proportional) -> tuple[str, str, int]:
    assert rule.rate is not None
    num = "CAST(" + ident(leaf.key(rule.rate.numerator)) + " AS HUGEINT)"
    den = "CAST(" + ident(leaf.key(rule.rate.denominator)) + " AS HUGEINT)"
    no_den = leaf.max_units if rule.when_no_denominator == "full_points" else 0
    return num, den, no_den


def _count(leaf: LeafPlan, name: str) -> str:
    """A count input in units; a boolean counts as one."""
    col = ident(leaf.key(name))
    if leaf.inputs[name].kind == "boolean":
        return f"(CASE WHEN {col} THEN {SCALE} ELSE 0 END)"
    return col


def rule_sql(leaf: LeafPlan, plan: SetPlan) -> str:
    """Points (units) of one item before N/A handling: the rule kind's template, filled in."""
    rule, top = leaf.rule, leaf.max_units
    name = getattr(rule, "input", None)  # the rule's single input, when it has one
    v = ident(leaf.key(name)) if name else ""
    match rule:
        case YesNo():
            return f"CASE WHEN {v} IS NULL THEN 0 WHEN {v} THEN {_pts(rule.yes, top)} ELSE {_pts(rule.no, 0)} END"
        case Timeliness():
            statuses = [("on_time", _pts(rule.on_time, top)), ("late", _pts(rule.late, 0))]
            statuses.append(("not_done", _pts(rule.not_done, 0)))
            return _ladder([(f"{v} = {q(s)}", p) for s, p in statuses], 0)
        case Deadline():
            late_ok = "TRUE" if rule.late_until is None else f"{v} <= DATE {q(rule.late_until.isoformat())}"
            return (
                f"CASE WHEN {v} IS NULL THEN {_pts(rule.not_done, 0)} "
                f"WHEN {v} <= DATE {q(rule.deadline.isoformat())} THEN {_pts(rule.on_time, top)} "
                f"WHEN {late_ok} THEN {_pts(rule.late, 0)} ELSE {_pts(rule.not_done, 0)} END"
            )
        case Tiers() if rule.rate is not None:
            num, den, no_den = _rate(leaf, rule)
            ladder = _ladder([(_interval(num, t, f" * {100 * SCALE}", f" * {den}"), units(t.points) or 0)
                              for t in rule.tiers], 0)  # fmt: skip
            return f"CASE WHEN {num} IS NULL OR {den} IS NULL THEN 0 WHEN {den} = 0 THEN {no_den} ELSE {ladder} END"
        case Tiers():
            ladder = _ladder([(_interval(v, t), units(t.points) or 0) for t in rule.tiers], 0)
            return f"CASE WHEN {v} IS NULL THEN 0 ELSE {ladder} END"
        case Proportional():
            cap = top if rule.cap is None else units(rule.cap)
            floor = units(rule.floor)
            if rule.rate is not None:
                num, den, no_den = _rate(leaf, rule)
                scaled = div_round(plan, f"{top} * LEAST(GREATEST({num}, 0), {den})", f"{den} * {plan.step}")
                points = f"LEAST(GREATEST({scaled} * {plan.step}, {floor}), {cap})"
                return (
                    f"CASE WHEN {num} IS NULL OR {den} IS NULL THEN 0 WHEN {den} <= 0 THEN {no_den} ELSE {points} END"
                )
            hundred = 100 * SCALE
            scaled = div_round(
                plan, f"{top} * LEAST(GREATEST(CAST({v} AS HUGEINT), 0), {hundred})", hundred * plan.step
            )
            return f"CASE WHEN {v} IS NULL THEN 0 ELSE LEAST(GREATEST({scaled} * {plan.step}, {floor}), {cap}) END"
        case Checklist():
            terms = " + ".join(
                f"CASE WHEN {ident(leaf.key(i.input))} THEN {units(i.points)} ELSE 0 END" for i in rule.items
            )
            return f"LEAST({terms}, {top})"
        case CountTiers():
            ladder = _ladder([(f"{v} >= {t.at_least * SCALE}", units(t.points) or 0) for t in rule.tiers], 0)
            return f"CASE WHEN {v} IS NULL THEN 0 ELSE {ladder} END"
        case Choice():
            ladder = _ladder([(f"{v} = {q(value)}", p) for value, p in leaf.level_units.items()], 0)
            return f"CASE WHEN {v} IS NULL THEN 0 ELSE {ladder} END"
        case Deduction():
            n = _count(leaf, rule.input)
            start = _pts(rule.start, top)
            points = f"GREATEST({start} - {n} * {units(rule.per)} // {SCALE}, {leaf.floor_units})"
            return f"CASE WHEN {v} IS NULL THEN 0 ELSE {points} END"
        case Bonus() | Penalty():
            n = _count(leaf, rule.input)
            sign = "" if isinstance(rule, Bonus) else "-"
            return f"CASE WHEN {v} IS NULL THEN 0 ELSE {sign}LEAST({n} * {units(rule.per)} // {SCALE}, {top}) END"
    raise NotImplementedError(f"rule kind {rule.kind}")


def leaf_sql(leaf: LeafPlan, plan: SetPlan) -> str:
    """The item's struct: its id, its points (NULL when excluded as not applicable) and whether it
    was counted in full as not applicable (no evidence is then required)."""
    conditions = []
    if na_policy_reads_flag(leaf):
        conditions.append(f"coalesce({ident(leaf.na_key)}, FALSE)")
    wrong_type = "FALSE"
    if leaf.applies_to is not None:
        wrong_type = f"NOT coalesce(unit_type IN ({', '.join(q(t) for t in sorted(leaf.applies_to))}), FALSE)"
        conditions.append(wrong_type)
    flagged = " OR ".join(conditions) or "FALSE"
    points = rule_sql(leaf, plan)
    if leaf.not_applicable == "full_points":
        expr, na = f"CASE WHEN {flagged} THEN {leaf.max_units} ELSE {points} END", flagged
    elif leaf.not_applicable == "exclude":
        expr, na = f"CASE WHEN {flagged} THEN NULL ELSE {points} END", flagged
    else:
        expr, na = f"CASE WHEN {wrong_type} THEN NULL ELSE {points} END", wrong_type
    return f"{{'criterion_id': {q(leaf.id)}, 'points': CAST({expr} AS BIGINT), 'na': ({na})}}"


# --------------------------------------------------------------------------------------------
# The script


def _fields(plan: SetPlan) -> list[tuple[int, str, str, str, int | None, int | None, bool]]:
    """Every input of every item, and the N/A flag of items that allow one, numbered: the key
    the pivot filters on (an integer compares faster than two texts)."""
    fields: list[tuple[int, str, str, str, int | None, int | None, bool]] = []
    for leaf in plan.leaves:
        for name, spec in leaf.inputs.items():
            key = len(fields)
            fields.append((key, leaf.id, name, spec.kind, spec.min_units, spec.max_units, name == leaf.default_input))
        if na_policy_reads_flag(leaf):
            fields.append((len(fields), leaf.id, "n/a", "boolean", None, None, False))
    return fields


def _lookup_tables(plan: SetPlan) -> list[str]:
    fields = _fields(plan)
    levels = []
    for leaf in plan.leaves:
        for word, value in leaf.levels.items():
            levels.append((leaf.id, word, value))
    leaves = [
        (
            leaf.id, leaf.area, leaf.part, leaf.max_units, leaf.evidence_required, leaf.needs_number,
            leaf.needs_date, leaf.needs_file, leaf.zero_without_evidence,
        )
        for leaf in plan.leaves
    ]  # fmt: skip
    return [
        "CREATE TEMP TABLE fields AS SELECT * FROM "
        + values_table(fields, ["k", "criterion_id", "input", "kind", "lo", "hi", "is_default"]),
        "CREATE TEMP TABLE levels AS SELECT * FROM " + values_table(levels, ["criterion_id", "word", "level"]),
        "CREATE TEMP TABLE statuses AS SELECT * FROM " + values_table(list(STATUS_WORDS.items()), ["word", "status"]),
        "CREATE TEMP TABLE unit_types AS SELECT * FROM "
        + values_table(list(UNIT_TYPES.items()), ["word", "unit_type"]),
        "CREATE TEMP TABLE leaves AS SELECT * FROM "
        + values_table(
            leaves,
            ["criterion_id", "area", "part", "max", "required", "need_number", "need_date", "need_file", "zero"],
        ),
        "CREATE TEMP TABLE caps AS SELECT * FROM "
        + values_table(list(plan.adjustment_caps.items()) or [("", 0)], ["area", "cap"]),
    ]


def _intake_sql(communes: str, inputs: Sequence[str], plan: SetPlan, has_ranked: bool) -> list[str]:
    group = ident(plan.group_column)
    ranked = "coalesce(lower(r.ranked) NOT IN ('no', 'không', 'false', '0', 'n'), TRUE)" if has_ranked else "TRUE"
    return [
        f"""CREATE TEMP TABLE reg AS
            SELECT r.code AS commune_code, u.unit_type, CAST(r.{group} AS VARCHAR) AS grp, {ranked} AS ranked
            FROM {read_files([communes])} r LEFT JOIN unit_types u ON u.word = lower(trim(r.type))""",
        f"CREATE TEMP TABLE raw AS SELECT * FROM {read_files(list(inputs))} "
        "WHERE commune_code IN (SELECT commune_code FROM reg)",
        # Each value under its input (the item's only input when the column is empty), N/A flags as
        # an input of their own; a key given twice with different texts is a conflict: not used.
        """CREATE TEMP TABLE cells AS
           WITH given AS (
             SELECT commune_code, criterion_id, coalesce(raw.input, d.input) AS input, value
             FROM raw LEFT JOIN (SELECT criterion_id, input FROM fields WHERE is_default) d USING (criterion_id)
             WHERE value IS NOT NULL
             UNION ALL
             SELECT commune_code, criterion_id, 'n/a', "n/a" FROM raw WHERE "n/a" IS NOT NULL),
           one AS (SELECT commune_code, f.k, f.kind, f.lo, f.hi, f.criterion_id, min(value) AS value
                   FROM given JOIN fields f USING (criterion_id, input)
                   GROUP BY ALL HAVING min(value) = max(value)),
           -- Each distinct text parsed once, each parser on its own rows only (a national file repeats a
           -- few thousand texts 500,000 times; in one CASE, DuckDB ran the number parser ten times slower).
           texts AS (SELECT DISTINCT kind, value FROM one WHERE kind <> 'level'),
           parsed AS (
             SELECT kind, value, parse_units(value) AS num, NULL::BOOLEAN AS flag, NULL::DATE AS day,
                    NULL::VARCHAR AS text FROM texts WHERE kind IN ('number', 'count', 'percent')
             UNION ALL SELECT kind, value, NULL, parse_flag(value), NULL, NULL FROM texts WHERE kind = 'boolean'
             UNION ALL SELECT kind, value, NULL, NULL, parse_day(value), NULL FROM texts WHERE kind = 'date'
             UNION ALL SELECT kind, value, NULL, NULL, NULL, s.status
               FROM texts LEFT JOIN statuses s ON s.word = lower(trim(value)) WHERE kind = 'status')
           SELECT one.commune_code, one.k, one.kind, one.lo, one.hi, p.num, p.flag, p.day, p.text
           FROM one JOIN parsed p USING (kind, value)
           UNION ALL SELECT commune_code, k, kind, lo, hi, NULL, NULL, NULL, l.level
             FROM one LEFT JOIN levels l ON l.criterion_id = one.criterion_id AND l.word = lower(trim(value))
             WHERE kind = 'level'""",
        # Values the intake refuses (negative, a percent above 100, a count not whole, outside the
        # declared bounds) are not used.
        f"""CREATE TEMP TABLE accepted AS SELECT * FROM cells WHERE
           CASE WHEN kind IN ('number', 'count', 'percent') THEN num IS NOT NULL AND num >= 0
                     AND (kind <> 'percent' OR num <= {100 * SCALE}) AND (kind <> 'count' OR num % {SCALE} = 0)
                     AND (lo IS NULL OR num >= lo) AND (hi IS NULL OR num <= hi)
                WHEN kind = 'boolean' THEN flag IS NOT NULL WHEN kind = 'date' THEN day IS NOT NULL
                ELSE text IS NOT NULL END""",
        # Evidence per commune and item: any row of the item may carry it.
        """CREATE TEMP TABLE evidence AS
           WITH days AS (SELECT v, parse_day(v) AS day FROM (SELECT DISTINCT evidence_date AS v FROM raw))
           SELECT commune_code, criterion_id, bool_or(evidence_number IS NOT NULL) AS has_number,
                  bool_or(days.day IS NOT NULL) AS has_date, bool_or(evidence_file IS NOT NULL) AS has_file
           FROM raw LEFT JOIN days ON days.v = raw.evidence_date GROUP BY ALL""",
    ]


def _wide_sql(plan: SetPlan) -> str:
    """One row per commune of the register, one typed column per input and N/A flag (max of a
    CASE: three times faster here than DuckDB's filtered aggregates or PIVOT)."""
    columns = []
    keys_of = {(f[1], f[2]): f[0] for f in _fields(plan)}
    typed = {"number": "num", "count": "num", "percent": "num", "boolean": "flag", "date": "day"}
    for leaf in plan.leaves:
        keys = [(name, typed.get(spec.kind, "text")) for name, spec in leaf.inputs.items()]
        if na_policy_reads_flag(leaf):
            keys.append(("n/a", "flag"))
        for name, value in keys:
            columns.append(f"max(CASE WHEN k = {keys_of[(leaf.id, name)]} THEN {value} END) AS {ident(leaf.key(name))}")
    return f"""CREATE TEMP TABLE wide AS
        WITH w AS (SELECT commune_code, {", ".join(columns)} FROM accepted GROUP BY commune_code)
        SELECT reg.commune_code, reg.unit_type, w.* EXCLUDE (commune_code) FROM reg LEFT JOIN w USING (commune_code)"""


def _details_sql(plan: SetPlan) -> str:
    structs = ", ".join(leaf_sql(leaf, plan) for leaf in plan.leaves)
    return f"""CREATE TEMP TABLE details AS
        WITH items AS (SELECT commune_code, unnest([{structs}], recursive := true) FROM wide)
        SELECT i.commune_code, i.criterion_id, l.area, l.part,
               CASE WHEN i.points IS NULL THEN NULL
                    WHEN l.required AND NOT i.na AND l.zero AND NOT (
                         (NOT l.need_number OR coalesce(e.has_number, FALSE))
                     AND (NOT l.need_date OR coalesce(e.has_date, FALSE))
                     AND (NOT l.need_file OR coalesce(e.has_file, FALSE))) THEN 0
                    ELSE i.points END AS points,
               CASE WHEN i.points IS NULL OR l.part = 'adjustment' THEN 0 ELSE l.max END AS counted_max
        FROM items i JOIN leaves l USING (criterion_id)
        LEFT JOIN evidence e USING (commune_code, criterion_id)"""


def _class_sql(plan: SetPlan) -> str:
    whens = []
    for band in plan.bands:
        edges = ((band.from_units, ">="), (band.above_units, ">"), (band.to_units, "<="), (band.below_units, "<"))
        conds = [f"t.idx {op} {edge}" for edge, op in edges if edge is not None]
        whens.append(f"WHEN {' AND '.join(conds) or 'TRUE'} THEN {q(band.name)}")
    return f"CASE WHEN t.idx IS NULL THEN NULL {' '.join(whens)} END"


def _totals_sql(plan: SetPlan) -> str:
    step = plan.step
    rescale = "FALSE"
    if plan.survey_optional and plan.has_survey:
        rescale = "NOT coalesce(s.survey_given, FALSE)"
    survey_ids = ", ".join(q(leaf.id) for leaf in plan.leaves if leaf.part == "survey") or "''"
    order = ", ".join(["t.idx DESC", *(f"t.{c} DESC" for c in plan.tie_break)])
    rank_fn = "dense_rank" if plan.ties == "dense" else "rank"
    return f"""CREATE TEMP TABLE totals AS
      WITH parts AS (
        SELECT commune_code,
               coalesce(sum(points) FILTER (WHERE part = 'appraised'), 0) AS appraised_points,
               coalesce(sum(points) FILTER (WHERE part = 'survey'), 0) AS survey_points,
               coalesce(sum(counted_max) FILTER (WHERE part = 'appraised'), 0) AS appraised_max,
               coalesce(sum(counted_max) FILTER (WHERE part = 'survey'), 0) AS survey_max
        FROM details GROUP BY commune_code),
      adjust AS (
        SELECT commune_code, sum(greatest(least(net, cap), -cap)) AS adjustment_points FROM (
          SELECT commune_code, area, coalesce(sum(points), 0) AS net FROM details WHERE part = 'adjustment' GROUP BY ALL
        ) JOIN caps USING (area) GROUP BY commune_code),
      surveyed AS (
        SELECT commune_code, TRUE AS survey_given FROM raw WHERE criterion_id IN ({survey_ids}) GROUP BY commune_code),
      sums AS (
        SELECT p.*, coalesce(a.adjustment_points, 0) AS adjustment_points, {rescale} AS rescaled
        FROM parts p LEFT JOIN adjust a USING (commune_code) LEFT JOIN surveyed s USING (commune_code)),
      t AS (
        SELECT commune_code, appraised_points, survey_points, adjustment_points,
               appraised_points + survey_points + adjustment_points AS total,
               CASE WHEN rescaled THEN appraised_max ELSE appraised_max + survey_max END AS applicable_max,
               CASE WHEN rescaled THEN appraised_points + adjustment_points
                    ELSE appraised_points + survey_points + adjustment_points END AS achieved
        FROM sums),
      t2 AS (
        SELECT t.*, CASE WHEN applicable_max > 0 THEN
                 {div_round(plan, f"CAST(achieved AS HUGEINT) * {100 * 10**plan.places}", "applicable_max")} * {step}
               END AS idx
        FROM t)
      SELECT t.commune_code, t.appraised_points, t.survey_points, t.adjustment_points,
             {div_round(plan, "t.total", str(step))} * {step} AS total_points, t.applicable_max,
             CAST(t.idx AS BIGINT) AS "index", {_class_sql(plan)} AS class,
             CASE WHEN reg.ranked AND t.idx IS NOT NULL THEN
               {rank_fn}() OVER (PARTITION BY reg.grp, (reg.ranked AND t.idx IS NOT NULL) ORDER BY {order}) END AS rank
      FROM t2 t JOIN reg USING (commune_code)"""


def script(plan: SetPlan, communes: str, inputs: Sequence[str], has_ranked: bool = False) -> list[str]:
    """Every statement of the peer, in order."""
    return [
        MACROS,
        *_lookup_tables(plan),
        *_intake_sql(communes, inputs, plan, has_ranked),
        _wide_sql(plan),
        _details_sql(plan),
        _totals_sql(plan),
    ]


def run(criteria: str, communes: str, inputs: Sequence[str], out: str | Path) -> dict[str, float]:
    """Score the files and write ``details.parquet`` and ``totals.parquet`` into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    plan = load_plan(criteria)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    t = time.perf_counter()
    header = con.execute(f"DESCRIBE SELECT * FROM {read_files([communes])}").fetchall()
    has_ranked = "ranked" in {row[0] for row in header}
    for statement in script(plan, communes, inputs, has_ranked):
        con.execute(statement)
    con.execute(
        f"COPY (SELECT commune_code, criterion_id, points FROM details ORDER BY commune_code, criterion_id) "
        f"TO {q(str(out / 'details.parquet'))} (FORMAT parquet)"
    )
    con.execute(
        f"COPY (SELECT * FROM totals ORDER BY commune_code) TO {q(str(out / 'totals.parquet'))} (FORMAT parquet)"
    )
    return {"elapsed": time.perf_counter() - t}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--criteria", required=True)
    parser.add_argument("--communes", required=True)
    parser.add_argument("--assessments", nargs="+", required=True)
    parser.add_argument("--survey", nargs="*", default=[])
    parser.add_argument("--out", required=True)
    parser.add_argument("--print-sql", action="store_true", help="print the generated SQL and stop")
    args = parser.parse_args(argv)
    if args.print_sql:
        plan = load_plan(args.criteria)
        print(";\n\n".join(script(plan, args.communes, [*args.assessments, *args.survey])) + ";")
        return 0
    result = run(args.criteria, args.communes, [*args.assessments, *args.survey], args.out)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
