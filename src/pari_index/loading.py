"""Loading criteria sets from YAML, safely, with every problem located by line and column.

The YAML is parsed once into a node tree (which keeps line and column marks) and the data is built
from that same tree, so a pydantic error's ``loc`` can be walked back to the node it came from.

Safety and strictness, beyond PyYAML's safe loader:

* tags that construct Python objects (``!!python/object`` …) are refused, never run;
* alias bombs ("billion laughs") are refused by counting the expanded size before building data;
* duplicate keys are errors (PyYAML silently keeps the last one);
* YAML 1.1 surprises are switched off: only ``true``/``false`` are booleans (``yes``, ``no``, ``on``
  stay text), ``012`` is text rather than the octal 10, and ``1_000`` is text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import CriteriaError, Problem
from .model import CriteriaSet

#: The most nodes a criteria document may expand to once aliases are followed. Real sets have a
#: few thousand; a billion-laughs document has billions.
MAX_EXPANDED_NODES = 200_000
MAX_FILE_BYTES = 5 * 1024 * 1024

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"


class StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader with YAML 1.2-like scalars and duplicate-key detection."""

    duplicate_keys: list[Problem]


# Keep the safe loader's resolvers for null, dates, merge keys and strings; replace bool, int
# and float with strict patterns so that `yes`, `012`, `1_000` and `.inf` stay text.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL_TAG, _INT_TAG, _FLOAT_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(_BOOL_TAG, _BOOL, list("tTfF"))
StrictLoader.add_implicit_resolver(_INT_TAG, _INT, list("-+0123456789"))
StrictLoader.add_implicit_resolver(_FLOAT_TAG, _FLOAT, list("-+0123456789."))


@dataclass
class ParsedYaml:
    data: Any
    root: yaml.Node | None
    file: str
    #: Duplicate keys found, when parse_yaml was asked to collect rather than raise them.
    duplicates: list[Problem] = field(default_factory=list)


def _expanded_size(root: yaml.Node) -> int:
    """Nodes the document expands to when aliases are followed, stopping early past the limit."""
    memo: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > 200:
            return MAX_EXPANDED_NODES + 1
        key = id(node)
        if key in memo:
            return memo[key]
        memo[key] = MAX_EXPANDED_NODES + 1  # a cycle counts as too big
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k, depth + 1) + size(v, depth + 1)
                if total > MAX_EXPANDED_NODES:
                    break
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item, depth + 1)
                if total > MAX_EXPANDED_NODES:
                    break
        memo[key] = total
        return total

    return size(root, 0)


def _problem(file: str, code: str, message: str, mark: Any = None, hint: str | None = None) -> Problem:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(code=code, message=message, file=file, line=line, column=column, hint=hint)


def _find_duplicates(node: yaml.Node, file: str, seen: set[int] | None = None) -> list[Problem]:
    seen = set() if seen is None else seen
    if id(node) in seen:
        return []
    seen.add(id(node))
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[str, yaml.Node] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in first_seen:
                    earlier = first_seen[key.value].start_mark.line + 1
                    problems.append(
                        _problem(
                            file,
                            "duplicate-key",
                            f"key {key.value!r} appears twice in this mapping (first on line "
                            f"{earlier}); YAML would silently keep only the last one",
                            key.start_mark,
                            "remove or rename one of the two",
                        )
                    )
                else:
                    first_seen[key.value] = key
            problems += _find_duplicates(value, file, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _find_duplicates(item, file, seen)
    return problems


def parse_yaml(text: str, file: str, *, collect_duplicates: bool = False) -> ParsedYaml:
    """Parse YAML text safely into data plus the node tree, or raise CriteriaError.

    Duplicate keys raise, unless ``collect_duplicates`` asks for them on the result so that the
    caller can report them together with every other problem of the file."""
    loader = StrictLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise CriteriaError(
                _problem(
                    file,
                    "yaml-syntax",
                    f"not valid YAML: {exc.problem or exc}",
                    exc.problem_mark,
                    "check indentation and quoting on this line and the one before",
                )
            ) from None
        except yaml.YAMLError as exc:
            raise CriteriaError(Problem("yaml-syntax", f"not valid YAML: {exc}", file=file)) from None
        if root is None:
            raise CriteriaError(
                Problem("empty-file", "the file is empty", file=file, hint="start from docs/criteria.md")
            )
        if _expanded_size(root) > MAX_EXPANDED_NODES:
            raise CriteriaError(
                _problem(
                    file,
                    "yaml-alias-bomb",
                    f"the document expands to more than {MAX_EXPANDED_NODES:,} nodes through "
                    "aliases (&anchor / *alias); refused rather than expanded",
                    root.start_mark,
                    "write the items out, or use far fewer nested aliases",
                )
            )
        duplicates = _find_duplicates(root, file)
        try:
            data = loader.construct_document(root)
        except yaml.constructor.ConstructorError as exc:
            tag_hint = None
            if "python" in str(exc.problem):
                tag_hint = "criteria files may not contain tags that construct objects; remove the tag"
            raise CriteriaError(
                _problem(
                    file,
                    "yaml-tag-refused",
                    f"refused: {exc.problem}",
                    exc.problem_mark,
                    tag_hint,
                )
            ) from None
        except (ValueError, TypeError, OverflowError) as exc:
            raise CriteriaError(
                _problem(file, "yaml-value", f"a value cannot be read: {exc}", root.start_mark)
            ) from None
        if duplicates and not collect_duplicates:
            raise CriteriaError(duplicates)
        return ParsedYaml(data=data, root=root, file=file, duplicates=duplicates)
    finally:
        loader.dispose()


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


def _pydantic_problems(exc: ValidationError, parsed: ParsedYaml) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        kind = err["type"]
        node = None
        if kind == "extra_forbidden" and loc:
            node = _key_node(parsed.root, loc[:-1], str(loc[-1]))
        if node is None:
            node = node_at(parsed.root, loc)
        where = ".".join(str(p) for p in loc) or "(document)"
        message = err["msg"]
        if kind == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
        elif kind == "missing":
            message = f"missing required key {loc[-1]!r}"
        elif isinstance(err.get("input"), bool) and kind != "bool_type":
            message += " (got a YAML boolean: true/false)"
        hint = _HINTS.get(kind)
        problems.append(
            _problem(parsed.file, f"schema:{kind}", f"{where}: {message}", node.start_mark if node else None, hint)
        )
    return problems


@dataclass
class LoadedCriteria:
    criteria: CriteriaSet
    file: str
    root: yaml.Node | None
    warnings: list[Problem]


def load_criteria_text(text: str, file: str = "<criteria>") -> LoadedCriteria:
    """Parse, type-check and validate a criteria set from YAML text.

    Raises CriteriaError with every problem found; warnings (e.g. a printed maximum kept on purpose)
    come back on the result."""
    from .validation import validate_criteria

    parsed = parse_yaml(text, file, collect_duplicates=True)
    if not isinstance(parsed.data, dict):
        raise CriteriaError(
            _problem(
                file,
                "not-a-mapping",
                "a criteria set must be a YAML mapping (id:, title:, areas: ...)",
                parsed.root.start_mark if parsed.root else None,
            )
        )
    try:
        criteria = CriteriaSet.model_validate(parsed.data)
    except ValidationError as exc:
        raise CriteriaError(parsed.duplicates + _pydantic_problems(exc, parsed)) from None
    errors, warnings = validate_criteria(criteria, lambda loc: _locate(parsed, loc))
    if parsed.duplicates or errors:
        raise CriteriaError(parsed.duplicates + errors)
    return LoadedCriteria(criteria=criteria, file=file, root=parsed.root, warnings=warnings)


def _locate(parsed: ParsedYaml, loc: Sequence[int | str]) -> tuple[str, int | None, int | None]:
    node = node_at(parsed.root, loc)
    if node is None:
        return parsed.file, None, None
    return parsed.file, node.start_mark.line + 1, node.start_mark.column + 1


def read_text_file(path: Path, error: type[CriteriaError] = CriteriaError) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise error(Problem("file-not-found", "file not found", file=str(path))) from None
    except OSError as exc:
        raise error(Problem("file-unreadable", f"cannot read the file: {exc.strerror}", file=str(path))) from None
    if path.is_dir():
        raise error(Problem("is-a-directory", "this is a folder, not a file", file=str(path)))
    if size > MAX_FILE_BYTES:
        raise error(Problem("file-too-large", f"{size:,} bytes is far larger than any criteria set", file=str(path)))
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(
            Problem(
                "not-utf8",
                f"not UTF-8 text (byte {exc.start})",
                file=str(path),
                hint="save the file as UTF-8",
            )
        ) from None


def load_criteria(path: str | Path | None = None) -> LoadedCriteria:
    """Load a criteria set from a YAML file, or the bundled default when ``path`` is None."""
    target = Path(path) if path is not None else default_criteria_path()
    import unicodedata

    text = unicodedata.normalize("NFC", read_text_file(target))
    return load_criteria_text(text, str(path) if path is not None else target.name)


def bundled_criteria_dir() -> Path:
    """Where the bundled criteria sets are: inside the installed wheel, or criteria/ in a checkout."""
    packaged = Path(str(resources.files("pari_index"))) / "criteria_sets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "criteria"


DEFAULT_CRITERIA = "ha-noi-2025-commune.yaml"


def default_criteria_path() -> Path:
    return bundled_criteria_dir() / DEFAULT_CRITERIA


def bundled_criteria() -> list[Path]:
    return sorted(bundled_criteria_dir().glob("*.yaml"))


def validate_files(paths: Iterable[str | Path]) -> list[tuple[str, LoadedCriteria | CriteriaError]]:
    results: list[tuple[str, LoadedCriteria | CriteriaError]] = []
    for path in paths:
        try:
            results.append((str(path), load_criteria(path)))
        except CriteriaError as exc:
            results.append((str(path), exc))
    return results
