"""`pari explain` as text: one commune's scores, item by item, with the branch wording built by
:mod:`pari_index.scoring.explanations` and the rule in the annex's words (criteria.method)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.method import method_text
from pari_index.criteria.model import CriteriaSet, Leaf, resolve_leaves
from pari_index.criteria.points import SCALE
from pari_index.intake.assessments import CRITERION
from pari_index.messages import format_number, status_text
from pari_index.messages.library_errors import refused
from pari_index.outputs.explain_codes import explained_rows
from pari_index.scoring.explanations import add_explanations

#: What a scored item's explanation is built from (see scoring.explanations.add_explanations).
_EXPLAINED_FROM = ("branch", "inputs", "evidence_status")


def points_text(units: int | None, lang: str) -> str:
    """Points held in units as an explanation shows them: two decimals, or up to four where the
    points have them (an unrounded weighted item, 4,2075), "—" when there are none."""
    if units is None:
        return "—"
    # An explanation must not show points rounded that the set keeps unrounded.
    value = Decimal(units) / SCALE
    return format_number(value, lang, 2) if units % 100 == 0 else format_number(value, lang, 4, trim=True)


def _in_language(rows: pl.DataFrame, leaves: Sequence[Leaf], lang: str) -> pl.DataFrame:
    """The rows with their explanations written in ``lang`` (a run scored in the other language
    keeps its words otherwise); rows that lack what an explanation is built from stay as they are."""
    if rows.height == 0 or not set(_EXPLAINED_FROM) <= set(rows.columns):
        return rows
    if "reason" not in rows.columns:
        reason = pl.col("appraisal_reason") if "appraisal_reason" in rows.columns else pl.lit(None, dtype=pl.String)
        rows = rows.with_columns(reason.cast(pl.String).alias("reason"))
    return add_explanations(rows.drop("explanation", strict=False), leaves, lang)


def explained_in(
    tables: Mapping[str, pl.DataFrame], criteria: CriteriaSet | None, lang: str
) -> Mapping[str, pl.DataFrame]:
    """Results tables whose item explanations are in ``lang``: written again from the rule
    branches when the results were written in another language (their about table says which)
    and the criteria set holds every item; else as they are."""
    details, about = tables.get("criteria"), tables.get("about")
    if criteria is None or details is None or about is None or not {"key", "value"} <= set(about.columns):
        return tables
    written = dict(zip(about["key"].cast(pl.String).to_list(), about["value"].cast(pl.String).to_list(), strict=True))
    if written.get("lang") in (None, lang) or not {CRITERION, *_EXPLAINED_FROM} <= set(details.columns):
        return tables
    leaves = resolve_leaves(criteria)
    if not set(details[CRITERION].cast(pl.String).unique().to_list()) <= {leaf.id for leaf in leaves}:
        return tables
    typed = details.with_columns(pl.col(c).cast(pl.String) for c in (CRITERION, *_EXPLAINED_FROM))
    reworded = _in_language(typed, leaves, lang)
    return {**tables, "criteria": details.with_columns(reworded["explanation"])}


def explain_text(
    details: pl.DataFrame | pl.LazyFrame,
    leaves: Sequence[Leaf],
    commune: str,
    criterion: str | None = None,
    lang: str = "vi",
    source: str = "this result",
) -> str:
    """Plain-text explanation of one commune's scores (every item, or those under the area,
    criterion or item ``criterion``), entirely in ``lang``. ``details`` may be lazy (a batched
    run's): only the commune's rows are read. A commune or item the details do not hold is the
    UsageError of :func:`.explain_codes.explained_rows` (``source`` names the details in it), as
    ``pari explain`` says it: a mistyped code gave an empty text."""
    by_id = {leaf.id: leaf for leaf in leaves}
    # Trimmed as pari explain trims them: a code pasted with a space around it.
    commune, criterion = commune.strip(), criterion.strip() if criterion is not None else None
    # Checked on the two code columns only: a batched run's lazy detail is read for one commune.
    codes = details.select(COMMUNE, CRITERION)
    codes = codes.collect() if isinstance(codes, pl.LazyFrame) else codes
    explained_rows({"criteria": codes}, source, commune, criterion)
    rows = details.filter(pl.col(COMMUNE) == commune)
    rows = rows.collect() if isinstance(rows, pl.LazyFrame) else rows
    if criterion is not None:  # an area or criterion id explains every item under it, as pari explain
        rows = rows.filter((pl.col(CRITERION) == criterion) | pl.col(CRITERION).str.starts_with(criterion + "."))
    unknown = sorted(set(rows[CRITERION].cast(pl.String)) - set(by_id))
    if unknown:  # leaves of another set: a KeyError of the first item, deep in the explanations
        raise refused(ValueError, "library-explain-leaves-lack", items=", ".join(map(repr, unknown[:3])))
    rows = _in_language(rows, leaves, lang)
    vi = lang == "vi"
    labels = (
        ("Tự chấm", "Tính theo quy tắc", "Thẩm định", "Điểm cuối cùng", "Trạng thái", "Tối đa")
        if vi
        else ("Self-score", "Computed", "Appraised", "Final", "Status", "Max")
    )
    lines: list[str] = []
    for row in rows.iter_rows(named=True):
        leaf = by_id[row[CRITERION]]
        lines.append(f"{leaf.id} {leaf.title.shown(lang)} ({labels[5]} {points_text(row['max'], lang)})")
        # The rule in the words of the annex (criteria.method), as the template and report print it.
        method = method_text(leaf, lang).replace("\n", "\n    ")
        lines.append(f"  {'Cách chấm' if vi else 'Method'}: {method}")
        status = status_text(row["status"], lang, say_ok=True)
        lines.append(
            f"  {labels[0]}: {points_text(row['self_score'], lang)} · {labels[1]}: "
            f"{points_text(row['computed_score'], lang)} · {labels[2]}: {points_text(row['appraised_score'], lang)} · "
            f"{labels[3]}: {points_text(row['final_score'], lang)} · {labels[4]}: {status}"
        )
        lines.append(f"  {row['explanation']}")
    return "\n".join(lines)
