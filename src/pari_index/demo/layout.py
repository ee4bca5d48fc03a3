"""The shape of the synthetic files: formats, forms, columns, the mark that says they are synthetic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pari_index.criteria.compiling import COMMUNE

#: The year of made-up data for a criteria set that has no year of its own.
DEMO_YEAR = 2025

Format = Literal["csv", "xlsx", "parquet"]
Form = Literal["long", "wide"]

SYNTHETIC_NOTE = "dữ liệu mô phỏng / synthetic"
README_NAME = "SYNTHETIC-README.md"
#: The files of a set, by role (with the register, ``communes``), each ``STEM.FORMAT``.
SET_STEMS = ("communes", "assessments_long", "assessments_wide", "survey", "appraisal")


def set_names(fmt: str, forms: Sequence[str] = ("long",)) -> tuple[str, ...]:
    """The names a set of ``fmt`` in ``forms`` may write into its folder (demo.files; the survey
    and each form's file only when they have rows): what the folder's longest path is counted
    from (outputs.path_lengths)."""
    skipped = {f"assessments_{form}" for form in ("long", "wide") if form not in forms}
    return (*(f"{stem}.{fmt}" for stem in SET_STEMS if stem not in skipped), README_NAME)


LONG_COLUMNS = (
    COMMUNE,
    "criterion_id",
    "input",
    "value",
    "self_score",
    "evidence_number",
    "evidence_date",
    "evidence_file",
    "explanation",
    "n/a",
)
SURVEY_COLUMNS = (COMMUNE, "criterion_id", "input", "value")
APPRAISAL_COLUMNS = (
    COMMUNE,
    "criterion_id",
    "input",
    "value",
    "score",
    "evidence_accepted",
    "reason",
    "appraiser",
)
REGISTER_COLUMNS = ("code", "name", "type", "district", "province", "note")


#: The wide form's meta columns of an item, in the order of ``metas`` in _commune_rows.
WIDE_META = ("self_score", "evidence_number", "evidence_date", "evidence_file", "explanation", "n/a")
