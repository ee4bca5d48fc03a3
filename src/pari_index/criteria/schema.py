"""The JSON Schema of the criteria format, for editors that check YAML as it is typed."""

from __future__ import annotations

from typing import Any

from pari_index.criteria.model import CriteriaSet

SCHEMA_ID = "https://pari-index.example/schema/criteria.json"


def criteria_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a criteria set, generated from the pydantic models."""
    schema = CriteriaSet.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "pari-index criteria set",
        "description": "A commune-level PAR index criteria set (docs/criteria.md).",
        **{k: v for k, v in schema.items() if k != "title"},
    }
