"""The shape of the synthetic files: formats, forms, columns, the mark that says they are synthetic."""

from __future__ import annotations

from typing import Literal

from pari_index.criteria.compiling import COMMUNE

#: The year of made-up data for a criteria set that has no year of its own.
DEMO_YEAR = 2025

Format = Literal["csv", "xlsx", "parquet"]
Form = Literal["long", "wide"]

SYNTHETIC_NOTE = "dữ liệu mô phỏng / synthetic"
README_NAME = "SYNTHETIC-README.md"

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
