"""`pari explain` as text: one commune's scores, item by item, with the branch wording built by
:mod:`pari_index.scoring.explanations` and the rule in the annex's words (criteria.method)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.method import method_text
from pari_index.criteria.model import Leaf
from pari_index.criteria.points import SCALE
from pari_index.intake.assessments import CRITERION


def _fmt(units: int | None, lang: str) -> str:
    if units is None:
        return "—"
    # Two decimals, or up to four where the points have them (an unrounded weighted item, 4.2075):
    # an explanation must not show points rounded that the set keeps unrounded.
    text = f"{Decimal(units) / SCALE:.2f}" if units % 100 == 0 else f"{Decimal(units) / SCALE:.4f}".rstrip("0")
    return text.replace(".", ",") if lang == "vi" else text


def explain_text(
    details: pl.DataFrame, leaves: Sequence[Leaf], commune: str, criterion: str | None = None, lang: str = "vi"
) -> str:
    """Plain-text explanation of one commune's scores (all items, or one)."""
    by_id = {leaf.id: leaf for leaf in leaves}
    rows = details.filter(pl.col(COMMUNE) == commune)
    if criterion is not None:
        rows = rows.filter(pl.col(CRITERION) == criterion)
    vi = lang == "vi"
    labels = (
        ("Tự chấm", "Tính theo quy tắc", "Thẩm định", "Điểm cuối cùng", "Trạng thái", "Tối đa")
        if vi
        else ("Self-score", "Computed", "Appraised", "Final", "Status", "Max")
    )
    lines: list[str] = []
    for row in rows.iter_rows(named=True):
        leaf = by_id[row[CRITERION]]
        lines.append(f"{leaf.id} {leaf.title.get(lang)} ({labels[5]} {_fmt(row['max'], lang)})")
        # The rule in the words of the annex (criteria.method), as the template and report print it.
        method = method_text(leaf, lang).replace("\n", "\n    ")
        lines.append(f"  {'Cách chấm' if vi else 'Method'}: {method}")
        lines.append(
            f"  {labels[0]}: {_fmt(row['self_score'], lang)} · {labels[1]}: {_fmt(row['computed_score'], lang)} · "
            f"{labels[2]}: {_fmt(row['appraised_score'], lang)} · {labels[3]}: {_fmt(row['final_score'], lang)} · "
            f"{labels[4]}: {row['status']}"
        )
        lines.append(f"  {row['explanation']}")
    return "\n".join(lines)
