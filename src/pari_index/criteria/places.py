"""Where in a criteria file a problem of its structure is, as its author reads the file.

pydantic locates an error by its own path (``areas.9.children.0.children.4.rule.tiers.tiers.2.from``,
positions from 0, its unions' tags); these functions walk that path down the YAML node tree
(:mod:`.yaml_reader`) to the line and column, and name the place from the nearest area or
criterion by its id (``10.1.5 › rule.tiers[3].from``), with the catalogue's sentence where
pydantic's English names its own machinery.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from pydantic import ValidationError

from pari_index.criteria.key_names import nearest_key
from pari_index.criteria.yaml_reader import (
    QUOTE_CHARS,
    ParsedYaml,
    cut_text,
    guillemets,
    located_problem,
    quote,
    split_number,
)
from pari_index.errors import (
    Problem,
)
from pari_index.messages import render


def node_at(root: yaml.Node | None, loc: Sequence[int | str]) -> yaml.Node | None:
    """The deepest YAML node along a pydantic error location.

    Elements that match no key are skipped: pydantic puts the tag of a discriminated union into
    ``loc`` (``('rule', 'tiers', 'tiers', 0)``), and the tag is not a key of the document."""
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    node = value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
    return node


def readable_place(root: yaml.Node | None, loc: Sequence[int | str]) -> str:
    """Where in the document a pydantic error location points, as an author reads the file: from
    the nearest area or criterion by its id, then its keys, a list's entries counted from 1
    (``10.1.5 › rule.tiers[3].from`` for ``areas.9.children.0.children.4.rule.tiers.tiers.2.from``).
    Only the parts found in the document are shown: pydantic's union tags are not keys of it, and
    neither a position from 0 nor a tag would mean anything to the person editing the YAML."""
    node, anchor, keys = root, "", ""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            value = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
            if value is None and part == _scalar_key(node, "kind"):
                # A rule's kind as pydantic's union tag (``rule.yes_no.input``): no key of the document
                # («1.2 › rule.yes_no» named a rule's input until session 39).
                continue
            text = str(part)
            keys += ("." if keys else "") + (text if len(text) <= QUOTE_CHARS else quote(text))
            if value is None:  # a missing or unknown key: named, and the walk ends there
                break
            node = value
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            node_id = _scalar_key(node, "id")
            if node_id is not None and len(node_id) <= QUOTE_CHARS:
                anchor, keys = node_id, ""
            else:
                keys += f"[{part + 1}]"
    if anchor and keys:
        return f"{anchor} › {keys}"
    return anchor or keys


def _scalar_key(node: yaml.Node, key: str) -> str | None:
    """The text of a mapping's scalar ``key``, or None."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.ScalarNode):
                return str(v.value)
    return None


def _key_node(root: yaml.Node | None, loc: Sequence[int | str], key: str) -> yaml.Node | None:
    parent = node_at(root, loc)
    if isinstance(parent, yaml.MappingNode):
        for k, _ in parent.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k
    return None


_HINTS = {
    "extra_forbidden": "remove it, or check its spelling against docs/criteria.md",
    "missing": "add it (see docs/criteria.md for the format)",
    "string_type": 'quote the value, e.g. id: "1.10" (unquoted 1.10 would be the number 1.1)',
    "bool_type": "write true or false (yes/no are read as text)",
    "union_tag_invalid": "kind must be one of the rule kinds listed in docs/criteria.md",
    "int_type": "write a whole number",
}


def _keys_beside(root: yaml.Node | None, loc: Sequence[int | str]) -> list[str]:
    """The keys of the mapping that holds the unknown key ``loc[-1]``. pydantic's ``loc`` may hold
    a rule's kind after its field (``rule``, ``tiers``, the key): that tag is no key of the
    document, and read as one it led into the rule's own ``tiers:`` list, where no keys are (a
    reviewer's find, session 31); so the mapping is the first, leaving out the last part or the
    last two, that holds the key."""
    key = str(loc[-1])
    for parent_loc in (loc[:-1], loc[:-2]):
        parent = node_at(root, parent_loc)
        if isinstance(parent, yaml.MappingNode):
            keys = [k.value for k, _ in parent.value if isinstance(k, yaml.ScalarNode)]
            if key in keys:
                return keys
    return []


def _unknown_key_hint(root: yaml.Node | None, loc: Sequence[int | str]) -> tuple[str | None, str | None]:
    """The hint of an unknown key, and the known key it is nearest (criteria.key_names), if any."""
    siblings = _keys_beside(root, loc)
    near = nearest_key(str(loc[-1]), [s for s in siblings if s != str(loc[-1])])
    if near is None:
        return _HINTS["extra_forbidden"], None
    return f"did you mean {quote(near)}? correct the spelling, or remove the key (format: docs/criteria.md)", near


def _choices(err: Mapping[str, Any]) -> dict[str, str]:
    """What was written and the values the format takes, for an unknown rule kind or a value
    outside a list (pydantic's words are English: the Vietnamese message names them too)."""
    ctx = err.get("ctx") or {}
    if err["type"] == "union_tag_invalid" and "expected_tags" in ctx:
        return {"value": quote(str(ctx.get("tag", ""))), "allowed": cut_text(guillemets(str(ctx["expected_tags"])))}
    if err["type"] == "enum" and "expected" in ctx:
        allowed = guillemets(str(ctx["expected"])).replace(" or ", ", ")
        return {"value": quote(str(err.get("input", ""))), "allowed": cut_text(allowed)}
    if err["type"] == "string_pattern_mismatch":
        of = _PATTERNS.get(str(ctx.get("pattern", "")), "")
        return {"value": quote(cut_text(str(err.get("input", "")))), "pattern_of": of}
    if err["type"] == "too_short" and "min_length" in ctx:
        return {"min_length": str(ctx["min_length"]), "actual_length": str(ctx.get("actual_length", 0))}
    return {}


#: The patterns of the criteria format's texts (model.Node.id, CriteriaSet.id, rules.InputName,
#: model.Band.colour) by the words that say them (PARAM_WORDS ``pattern_of``).
_PATTERNS = {
    r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$": "node_id",
    r"^[a-z0-9][a-z0-9_-]*$": "set_id",
    r"^[A-Za-z_][A-Za-z0-9_]*$": "input_name",
    r"^#[0-9a-fA-F]{6}$": "colour",
}


#: A number as Vietnamese text writes it: a decimal comma, and thousands dots before it (``1,5``,
#: ``1.234,5``). In YAML it is text, or inside ``{ }`` the comma splits it into two entries.
_DECIMAL_COMMA = re.compile(r"^[-+]?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),[0-9]+$")


def _decimal_comma(file: str, node: yaml.Node | None, parent: yaml.Node | None) -> Problem | None:
    """A number written with a decimal comma where the format wants a number, or None. ``node``
    is the node pydantic refused; ``parent`` its mapping, for the two halves of a number that a
    flow mapping's comma split (``{points: 0,5}`` reads as ``points: 0`` and a key ``5``)."""
    written = None
    if isinstance(node, yaml.ScalarNode) and not node.style and _DECIMAL_COMMA.match(node.value):
        written, mark, reading = node.value, node.start_mark, "text"
    elif isinstance(parent, yaml.MappingNode) and parent.flow_style and isinstance(node, yaml.ScalarNode):
        for (_, before), (key, after) in zip(parent.value, parent.value[1:], strict=False):
            if node in (before, key) and split_number(before, key, after):
                written, mark, reading = f"{before.value},{key.value}", before.start_mark, "split"
    if written is None:
        return None
    suggestion = written.replace(".", "").replace(",", ".")
    return located_problem(
        file,
        "yaml-decimal-comma",
        f"{quote(written)} is a number written with a decimal comma, as Vietnamese text writes it; YAML takes "
        "only a decimal dot: "
        + (
            "YAML reads it as text, not a number"
            if reading == "text"
            else "in a mapping written on one line the comma separates entries, so YAML read the digits after it "
            "as a new key"
        )
        + f"; write {suggestion}",
        mark,
        "write numbers with a decimal dot and no thousands separator (1.5 for 1,5)",
        {"value": quote(written), "suggestion": suggestion, "comma_reading": reading},
    )


def pydantic_problems(exc: ValidationError, parsed: ParsedYaml) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        kind = err["type"]
        node = None
        if kind in ("extra_forbidden", "invalid_key") and loc:
            node = _key_node(parsed.root, loc[:-1], str(loc[-1]))
        if node is None:
            node = node_at(parsed.root, loc)
        comma = _decimal_comma(parsed.file, node, node_at(parsed.root, loc[:-1]) if loc else None)
        if comma is not None:
            if comma not in problems:
                problems.append(comma)
            continue
        # Keys are the user's text: a 1 MB key is cut, not echoed.
        where = readable_place(parsed.root, loc) or "(document)"
        message = cut_text(err["msg"])
        if kind == "extra_forbidden":
            message = f"unknown key {quote(str(loc[-1]))}"
            hint, near = _unknown_key_hint(parsed.root, loc)
        elif kind == "missing":
            message = f"missing required key {quote(str(loc[-1]))}"
        elif isinstance(err.get("input"), bool) and kind != "bool_type":
            message += " (got a YAML boolean: true/false)"
        if kind != "extra_forbidden":
            hint, near = _HINTS.get(kind), None
        # The path in the document and the key are the file's own words: either language shows them.
        params = {"where": where, "key": quote(str(loc[-1])) if loc else "", **_choices(err)}
        if near is not None:
            params |= {"key_hint": "near", "near": quote(near)}
        if kind == "value_error":  # a validator's own sentence, told in Vietnamese by messages.value_reasons
            params["value_reason"] = message.removeprefix("Value error, ")
            message = params["value_reason"]
        mark = node.start_mark if node else None
        text = f"{where}: {message}"
        if "allowed" in params or "pattern_of" in params or "min_length" in params:
            # pydantic's English for these names its own machinery ("Input tag … found using
            # 'kind'"): the catalogue's sentence says what was written and what the format takes.
            text = render(f"schema:{kind}", params, "en")
        problems.append(located_problem(parsed.file, f"schema:{kind}", text, mark, hint, params))
    return problems
