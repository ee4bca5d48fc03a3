"""The JSON Schema of the criteria format, for editors that check YAML as it is typed."""

from __future__ import annotations

from typing import Any

from pari_index.criteria.model import CriteriaSet
from pari_index.messages.schema import SCHEMA_DESCRIPTION, SCHEMA_DESCRIPTIONS_VI, SCHEMA_TITLE

SCHEMA_ID = "https://pari-index.example/schema/criteria.json"


def criteria_json_schema(lang: str = "en") -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a criteria set, generated from the pydantic models; its
    descriptions in ``lang`` (the models' docstrings in English, messages.schema in Vietnamese)."""
    schema = CriteriaSet.model_json_schema(by_alias=True)
    body = {k: v for k, v in schema.items() if k != "title"}
    if lang == "vi":
        body = _in_vietnamese(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": SCHEMA_TITLE.get(lang),
        "description": SCHEMA_DESCRIPTION.get(lang),
        **body,
    }


def _in_vietnamese(body: dict[str, Any]) -> dict[str, Any]:
    """The schema with Vietnamese descriptions, and without the titles pydantic makes of the keys and
    class names ("Late Until", "Deadline"): English words an editor would show beside the Vietnamese
    descriptions, and no more than the key itself."""

    def untitled(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: untitled(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
        if isinstance(node, list):
            return [untitled(v) for v in node]
        return node

    definitions = {
        name: {**definition, "description": SCHEMA_DESCRIPTIONS_VI[name]} if "description" in definition else definition
        for name, definition in body.get("$defs", {}).items()
    }
    plain: dict[str, Any] = untitled({**body, "$defs": definitions})
    return plain
