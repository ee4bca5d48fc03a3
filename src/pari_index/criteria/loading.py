"""Loading criteria sets from YAML, safely, with every problem located by line and column.

The YAML is parsed once into a node tree (which keeps line and column marks) and the data is built
from that same tree, so a pydantic error's ``loc`` can be walked back to the node it came from.

Safety and strictness, beyond PyYAML's safe loader:

* tags that construct Python objects (``!!python/object`` …) are refused, never run;
* alias bombs ("billion laughs") are refused by counting the expanded size before building data;
* duplicate keys are errors (PyYAML silently keeps the last one);
* YAML 1.1 surprises are switched off: only ``true``/``false`` are booleans (``yes``, ``no``, ``on``
  stay text), ``012`` is text rather than the octal 10, and ``1_000`` is text.

Every reader is bounded (docs/limits.md, "Criteria sets"): at most ``MAX_FILE_BYTES`` are read from
any file, device or pipe; the node tree may be at most ``MAX_DEPTH`` deep and hold at most
``MAX_YAML_NODES`` values; a text value may be at most ``MAX_TEXT_CHARS`` long and may not hold
control or bidirectional-override characters; a whole number too long for ``int()`` becomes a
Decimal, so that the points validator reports it as out of range, located, instead of PyYAML failing.
"""

from __future__ import annotations

import codecs
import gc
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pari_index.archives import compressed_file
from pari_index.criteria import lookalikes
from pari_index.criteria.letters_check import damaged_letters
from pari_index.criteria.model import CriteriaSet
from pari_index.criteria.objects import remember_loaded
from pari_index.criteria.todos import todo_problems
from pari_index.errors import (
    CriteriaError,
    Problem,
    broken_link,
    cut_mark,
    near_name,
    quoted,
    shorten_path,
    unreadable_hint,
    visible,
)
from pari_index.input_watch import remember_piped
from pari_index.limits import env_limit
from pari_index.messages import render
from pari_index.messages.catalogue import entry_of
from pari_index.messages.labels import PARAM_WORDS
from pari_index.spelling import spelled_on_disk

#: The most nodes a criteria document may expand to once aliases are followed. Real sets have a
#: few thousand; a billion-laughs document has billions.
MAX_EXPANDED_NODES = 200_000
#: The most distinct YAML values (scalars, lists, mappings) a document may hold. The bundled sets
#: have about 3,000.
MAX_YAML_NODES = 200_000
#: The most bytes read from a criteria file, device or pipe. The bundled sets are about 50 KB.
#: Raised with the environment variable PARI_MAX_CRITERIA_BYTES.
MAX_FILE_BYTES = 1024 * 1024


def _limit(name: str, default: int) -> int:
    return env_limit(name, default)


def max_file_bytes() -> int:
    return _limit("PARI_MAX_CRITERIA_BYTES", MAX_FILE_BYTES)


def max_items() -> int:
    return _limit("PARI_MAX_CRITERIA_ITEMS", MAX_ITEMS)


#: The most areas, criteria and sub-criteria (items with an id) in one set. Real sets have 60 to 200
#: (the bundled ones about 70). Raised with the environment variable PARI_MAX_CRITERIA_ITEMS. Scoring
#: cost grows with items x communes: 500 items score in about 3 s of CPU.
MAX_ITEMS = 500
#: The most inputs declared across a set's items, and the most checklist entries across its rules
#: (raised with PARI_MAX_CRITERIA_INPUTS, PARI_MAX_CRITERIA_CHECKS). Each is within its item's
#: limits (100 an item) but the set's cost grows with the total: loading, compiling and the frame
#: scored carry one column or expression each. 200 items of 100 inputs (a 1 MB set, 20,000
#: inputs) took 7.3 CPU s and 683 MB to score 3 communes, 20,000 checklist entries on one input
#: 4.1 s and 400 MB (limits27). Real sets declare 60 to 150 inputs and about a dozen entries; at
#: 2,000 inputs, 150 communes (a 5 MB file of 300,000 rows) score in 3.8 CPU s and 335 MB.
MAX_INPUTS = 2_000
MAX_CHECKS = 2_000
#: How deeply lists and mappings may nest. A criteria set needs about 12 levels.
MAX_DEPTH = 64
#: The longest text value or key, in characters (titles, notes and guidance are a few hundred).
MAX_TEXT_CHARS = 100_000
#: How many characters of a user's text a message quotes.
QUOTE_CHARS = 60
#: Whole numbers with more digits than this are built as Decimal, not int (Python's int() refuses
#: more than 4,300 digits and is quadratic below that); the validators then refuse them as out of
#: range, with their line.
_INT_DIGITS = 30

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


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int | Decimal:
    text = loader.construct_scalar(node)  # type: ignore[arg-type]
    assert isinstance(text, str)
    # int() would fail past 4,300 digits with no line; a Decimal reaches the range checks.
    return Decimal(text) if len(text) > _INT_DIGITS else int(text)


StrictLoader.add_constructor(_INT_TAG, _construct_int)


def _guillemets(listed: str) -> str:
    """pydantic's list of allowed values ('yes_no', 'tiers') quoted as a message quotes («yes_no»)."""
    return re.sub(r"'([^']*)'", r"«\1»", listed)


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A user's text quoted as officials read it («…», errors.quoted, never Python's repr), cut to
    a readable length (a 1 MB key is not echoed whole)."""
    if len(text) <= limit:
        return quoted(text)
    return quoted(text[:limit]) + cut_mark(len(text))


#: Characters no criteria text may hold: C0 and C1 controls other than tab and line breaks, and the
#: invisible bidirectional controls that reorder what is shown (U+202E shows "1.2" as "2.1").
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built.

    Composing and constructing create one object per YAML value and no garbage; with the collector
    on, its repeated passes over every live node made a 1 MB document take 5 times longer."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class ParsedYaml:
    data: Any
    root: yaml.Node | None
    file: str
    #: Duplicate keys and text problems found, when parse_yaml was asked to collect rather than
    #: raise them.
    duplicates: list[Problem] = field(default_factory=list)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


@dataclass
class _Shape:
    """What one walk of the node tree learns: each distinct node's height and expanded size (aliases
    followed, capped just past the limit), and the problems that do not stop the load."""

    heights: dict[int, int] = field(default_factory=dict)
    sizes: dict[int, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _walk(root: yaml.Node, file: str) -> _Shape:
    """One iterative post-order walk of the distinct nodes (no recursion, so depth cannot crash it).

    Raises on a loop through an alias and past ``MAX_YAML_NODES``; collects duplicate keys and text
    problems; leaves depth and alias expansion to the caller, which reads them off the result."""
    shape = _Shape()
    heights, sizes = shape.heights, shape.sizes
    open_nodes: set[int] = set()  # on the path being walked: meeting one again is a loop
    stack: list[tuple[yaml.Node, list[yaml.Node] | None]] = [(root, None)]
    cap = MAX_EXPANDED_NODES + 1
    while stack:
        node, kids = stack.pop()
        key = id(node)
        if kids is not None:  # all children done
            open_nodes.discard(key)
            heights[key] = 1 + max((heights[id(k)] for k in kids), default=0)
            sizes[key] = min(cap, 1 + sum(sizes[id(k)] for k in kids))
            continue
        if key in heights:
            continue
        if key in open_nodes:
            raise CriteriaError(
                _problem(
                    file,
                    "yaml-alias-bomb",
                    "an alias (*name) is used inside the value its anchor (&name) names, so the value "
                    "would contain itself without end",
                    node.start_mark,
                    "write the value out instead of the alias",
                    {"expansion": "self"},
                )
            )
        if len(heights) + len(open_nodes) >= MAX_YAML_NODES:
            raise CriteriaError(
                _problem(
                    file,
                    "yaml-too-large",
                    f"the document holds more than {MAX_YAML_NODES:,} values (a criteria set has a few thousand)",
                    node.start_mark,
                    "split the set, or check that this is a criteria file",
                    {"limit": MAX_YAML_NODES},
                )
            )
        if isinstance(node, yaml.ScalarNode):
            heights[key] = sizes[key] = 1
            problem = _text_problem(node, file)
            if problem is not None:
                shape.problems.append(problem)
            continue
        if isinstance(node, yaml.MappingNode):
            shape.problems += _duplicate_keys(node, file)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            shape.problems += _lookalikes(node, file)
        open_nodes.add(key)
        children = _children(node)
        stack.append((node, children))
        stack.extend((child, None) for child in reversed(children))
    return shape


def _check_shape(root: yaml.Node, file: str) -> list[Problem]:
    """Refuse a document too deep, too large, looping or expanding through its aliases, before
    anything recursive (construction, pydantic) walks it; return the problems that do not stop it."""
    shape = _walk(root, file)
    if shape.heights[id(root)] > MAX_DEPTH:
        # Follow the deepest branch down to the first node past the limit, to name its line.
        node = root
        for _ in range(MAX_DEPTH):
            node = max(_children(node), key=lambda c: shape.heights[id(c)])
        raise CriteriaError(
            _problem(
                file,
                "yaml-too-deep",
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep here (a criteria set needs about 12)",
                node.start_mark,
                "check the brackets and indentation above this line",
                {"limit": MAX_DEPTH},
            )
        )
    if shape.sizes[id(root)] > MAX_EXPANDED_NODES:
        raise CriteriaError(
            _problem(
                file,
                "yaml-alias-bomb",
                f"the document expands to more than {MAX_EXPANDED_NODES:,} nodes through "
                "aliases (&anchor / *alias); refused rather than expanded",
                root.start_mark,
                "write the items out, or use far fewer nested aliases",
                {"limit": MAX_EXPANDED_NODES},
            )
        )
    return shape.problems


def _text_problem(node: yaml.ScalarNode, file: str) -> Problem | None:
    """A text value too long, or holding a control or bidirectional-override character."""
    text = node.value
    if len(text) > MAX_TEXT_CHARS:
        return _problem(
            file,
            "yaml-text-too-long",
            f"a text of {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} allowed: {quote(text)}",
            node.start_mark,
            "shorten it; long guidance belongs in a document the set links to",
            {"chars": len(text), "limit": MAX_TEXT_CHARS, "text": quote(text)},
        )
    bad = _CONTROL.search(text)
    if bad is None:
        return None
    char = bad.group()
    name = unicodedata.name(char, "control character")
    return _problem(
        file,
        "control-character",
        f"the text {quote(text)} holds the invisible character U+{ord(char):04X} ({name}); "
        "criteria text may not hold control or direction-changing characters",
        node.start_mark,
        "retype the text without it (it often comes in with copy and paste)",
        {"what": "criteria_text", "text": quote(text)},
    )


def _lookalike_in(node: yaml.ScalarNode, file: str, key: bool = False) -> Problem | None:
    """lookalike-character for a key, or a code-like value, holding a look-alike (a zero-width
    space in ``max``: "missing key max" otherwise), or a value opened by a curly quote."""
    text = node.value
    at = lookalikes.in_key(text) if key else lookalikes.in_value(text, not node.style)  # libyaml: ""
    if at is None:
        return None
    char = text[at]
    kind = lookalikes.kind_of(char) or "quote"
    mark = node.start_mark
    # The column of the character itself when the scalar sits on one line (past its opening quote).
    column = mark.column + 1 + at + (1 if node.style in ("'", '"') else 0)
    return _lookalike_problem(file, kind, char, mark.line + 1, column)


def _problem(
    file: str, code: str, message: str, mark: Any = None, hint: str | None = None, params: dict[str, Any] | None = None
) -> Problem:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(code=code, message=message, file=file, line=line, column=column, hint=hint, params=params)


def _lookalikes(node: yaml.MappingNode | yaml.SequenceNode, file: str) -> list[Problem]:
    """lookalike-character for each key, and each code-like value, of a mapping or list."""
    if isinstance(node, yaml.MappingNode):
        pairs = [(key, True) for key, _ in node.value] + [(value, False) for _, value in node.value]
    else:
        pairs = [(item, False) for item in node.value]
    found = (_lookalike_in(part, file, key) for part, key in pairs if isinstance(part, yaml.ScalarNode))
    return [problem for problem in found if problem is not None]


def _duplicate_keys(node: yaml.MappingNode, file: str) -> list[Problem]:
    problems: list[Problem] = []
    first_seen: dict[str, yaml.Node] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value in first_seen:
            earlier = first_seen[key.value].start_mark.line + 1
            problems.append(
                _problem(
                    file,
                    "duplicate-key",
                    f"key {quote(key.value)} appears twice in this mapping (first on line "
                    f"{earlier}); YAML would silently keep only the last one",
                    key.start_mark,
                    "remove or rename one of the two",
                    {"key": quote(key.value), "first_line": str(earlier)},
                )
            )
        else:
            first_seen[key.value] = key
    return problems


def _raise_lookalike(loader: StrictLoader, exc: yaml.MarkedYAMLError, file: str) -> None:
    """Raise lookalike-character when a look-alike stands near a YAML syntax error: on the error's
    line, the two before it, or from the line its context (a mapping, a list) began on."""
    text = getattr(loader, "_pari_text", None)
    mark = exc.problem_mark
    if not isinstance(text, str) or mark is None:
        return
    first = mark.line - 2
    if exc.context_mark is not None:
        first = min(first, exc.context_mark.line)
    found = lookalikes.near_error(text, first, mark.line)
    if found is not None:
        raise CriteriaError(_lookalike_problem(file, found.kind, found.char, found.line, found.column)) from None


def _lookalike_problem(file: str, kind: str, char: str, line: int | None, column: int | None) -> Problem:
    params = {"lookalike": kind, "codepoint": f"U+{ord(char):04X}"}
    entry = entry_of("lookalike-character")
    assert entry is not None and entry.hint is not None
    message = entry.message.en.format(codepoint=params["codepoint"], lookalike=PARAM_WORDS["lookalike"][kind].en)
    hint = entry.hint.en
    return Problem("lookalike-character", message, file=file, line=line, column=column, hint=hint, params=params)


def _reader_place(loader: StrictLoader, exc: yaml.YAMLError) -> tuple[int | None, int | None]:
    """The line and column of a character the YAML reader refuses (a NUL, a control character):
    its error has only a position in the text, and the hint says "on this line"."""
    position = getattr(exc, "position", None)
    text = getattr(loader, "_pari_text", None)
    if not isinstance(position, int) or not isinstance(text, str) or position > len(text):
        return None, None
    return text.count("\n", 0, position) + 1, position - text.rfind("\n", 0, position)


def _compose(loader: StrictLoader, file: str) -> yaml.Node:
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        problem = str(exc.problem or exc)
        if exc.context and exc.problem and exc.context_mark is not None:
            # "found duplicate anchor; first occurrence" (context) ... "second occurrence" (problem)
            problem = f"{exc.context} on line {exc.context_mark.line + 1}; {exc.problem} here"
        code, hint = "yaml-syntax", "check indentation and quoting on this line and the one before"
        # PyYAML's English reason, translated when told in Vietnamese (messages.yaml_words).
        params: dict[str, Any] | None = {"yaml_reason": _cut(problem)}
        message = f"not valid YAML: {_cut(problem)}"
        if "nesting depth" in problem:  # libyaml's own limit, 1,000 levels
            code, hint, params = (
                "yaml-too-deep",
                "check the brackets and indentation before this place",
                {"limit": 1000},
            )
        elif "expected a single document" in str(exc.context or ""):
            # A line ``---`` (or ``...``) and more after it: two sets pasted into one file. It was
            # yaml-syntax with the hint about indentation and quoting, which is not what is wrong.
            code, hint, params = "yaml-documents", "keep one criteria set in each file: split the file at this line", {}
            message = "a second YAML document begins here (after a line ---): a file holds one criteria set"
        else:
            # A no-break space, a full-width colon, Word's "–" pasted in: PyYAML's reason names
            # a ":" or an indentation the author can see; the character is the thing to retype.
            _raise_lookalike(loader, exc, file)
        raise CriteriaError(_problem(file, code, message, exc.problem_mark, hint, params)) from None
    except yaml.YAMLError as exc:
        # (The reason without PyYAML's place: "in '<unicode string>', position 3" names no file.)
        params = {"yaml_reason": _cut(str(exc).split("\n")[0])}
        line, column = _reader_place(loader, exc)
        raise CriteriaError(
            Problem(
                "yaml-syntax",
                f"not valid YAML: {params['yaml_reason']}",
                file=file,
                line=line,
                column=column,
                params=params,
            )
        ) from None
    except RecursionError:
        # Only PyYAML's pure-Python composer recurses (libyaml stops at 1,000 levels itself).
        raise CriteriaError(
            Problem(
                "yaml-too-deep",
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                file=file,
                params={"limit": MAX_DEPTH},
            )
        ) from None
    if not isinstance(root, yaml.Node):
        raise CriteriaError(
            Problem(
                "empty-file",
                "the file is empty",
                file=file,
                hint="start from docs/criteria.md",
                params={"empty": "file", "empty_hint": "criteria"},
            )
        )
    return root


def _construct(loader: StrictLoader, root: yaml.Node, file: str) -> Any:
    try:
        return loader.construct_document(root)
    except yaml.constructor.ConstructorError as exc:
        reason = _cut(str(exc.problem))
        if "constructor for the tag" not in reason:
            # A list or mapping as a key, a merge (<<) of a scalar, an !!omap of lists: no tag to
            # remove, as yaml-tag-refused's hint said.
            hint = "write each key as plain text, and merge (<<) only mappings"
            params = {"yaml_reason": reason}
            message = f"cannot be built: {reason}"
            raise CriteriaError(_problem(file, "yaml-structure", message, exc.problem_mark, hint, params)) from None
        tag_hint = None
        if "python" in str(exc.problem):
            tag_hint = "criteria files may not contain tags that construct objects; remove the tag"
        raise CriteriaError(
            _problem(
                file, "yaml-tag-refused", f"refused: {reason}", exc.problem_mark, tag_hint, {"yaml_reason": reason}
            )
        ) from None
    except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
        mark = _bad_scalar(loader, root).start_mark
        raise CriteriaError(_problem(file, "yaml-value", f"a value cannot be read: {_cut(str(exc))}", mark)) from None


def _bad_scalar(loader: StrictLoader, root: yaml.Node) -> yaml.Node:
    """The first scalar PyYAML cannot build (an impossible date such as 2024-02-30), to name its
    line: construction errors carry no place. Only called once construction has failed."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            # A failed construction leaves the constructor's bookkeeping behind: start clean.
            loader.constructed_objects, loader.recursive_objects, loader.state_generators = {}, {}, []
            try:
                loader.construct_object(node, deep=True)
            except (ValueError, TypeError, OverflowError, ArithmeticError, yaml.YAMLError):
                return node
        else:
            stack.extend(reversed(_children(node)))
    return root


def _cut(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_yaml(text: str, file: str, *, collect_duplicates: bool = False) -> ParsedYaml:
    """Parse YAML text safely into data plus the node tree, or raise CriteriaError.

    Duplicate keys and text that breaks the text rules (too long, control characters) raise,
    unless ``collect_duplicates`` asks for them on the result so that the caller can report them
    together with every other problem of the file."""
    loader = StrictLoader(text)
    loader._pari_text = text  # to place a reader error (_reader_place)
    try:
        with gc_paused():
            root = _compose(loader, file)
            collected = _check_shape(root, file)
            data = _construct(loader, root, file)
        if collected and not collect_duplicates:
            raise CriteriaError(collected)
        return ParsedYaml(data=data, root=root, file=file, duplicates=collected)
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


def _choices(err: Mapping[str, Any]) -> dict[str, str]:
    """What was written and the values the format takes, for an unknown rule kind or a value
    outside a list (pydantic's words are English: the Vietnamese message names them too)."""
    ctx = err.get("ctx") or {}
    if err["type"] == "union_tag_invalid" and "expected_tags" in ctx:
        return {"value": quote(str(ctx.get("tag", ""))), "allowed": _cut(_guillemets(str(ctx["expected_tags"])))}
    if err["type"] == "enum" and "expected" in ctx:
        allowed = _guillemets(str(ctx["expected"])).replace(" or ", ", ")
        return {"value": quote(str(err.get("input", ""))), "allowed": _cut(allowed)}
    return {}


#: A number as Vietnamese text writes it: a decimal comma, and thousands dots before it (``1,5``,
#: ``1.234,5``). In YAML it is text, or inside ``{ }`` the comma splits it into two entries.
_DECIMAL_COMMA = re.compile(r"^[-+]?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),[0-9]+$")
_DIGITS = re.compile(r"^[0-9]+$")


def _decimal_comma(file: str, node: yaml.Node | None, parent: yaml.Node | None) -> Problem | None:
    """A number written with a decimal comma where the format wants a number, or None. ``node``
    is the node pydantic refused; ``parent`` its mapping, for the two halves of a number that a
    flow mapping's comma split (``{points: 0,5}`` reads as ``points: 0`` and a key ``5``)."""
    written = None
    if isinstance(node, yaml.ScalarNode) and not node.style and _DECIMAL_COMMA.match(node.value):
        written, mark, reading = node.value, node.start_mark, "text"
    elif isinstance(parent, yaml.MappingNode) and parent.flow_style and isinstance(node, yaml.ScalarNode):
        for (_, before), (key, after) in zip(parent.value, parent.value[1:], strict=False):
            if node in (before, key) and _split_number(before, key, after):
                written, mark, reading = f"{before.value},{key.value}", before.start_mark, "split"
    if written is None:
        return None
    suggestion = written.replace(".", "").replace(",", ".")
    return _problem(
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


def _split_number(before: yaml.Node, key: yaml.Node, after: yaml.Node) -> bool:
    """Whether a flow mapping's ``before`` value and the ``key`` after it (with no value, ``after``)
    are one number cut by its decimal comma: digits, a comma, digits, nothing between."""
    return (
        isinstance(before, yaml.ScalarNode)
        and isinstance(key, yaml.ScalarNode)
        and isinstance(after, yaml.ScalarNode)
        and not before.style
        and not key.style
        and after.value == ""
        and re.match(r"^[-+]?[0-9]+$", before.value) is not None
        and _DIGITS.match(key.value) is not None
        and key.start_mark.line == before.end_mark.line
        and key.start_mark.column == before.end_mark.column + 1
    )


def _pydantic_problems(exc: ValidationError, parsed: ParsedYaml) -> list[Problem]:
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
        message = _cut(err["msg"])
        if kind == "extra_forbidden":
            message = f"unknown key {quote(str(loc[-1]))}"
        elif kind == "missing":
            message = f"missing required key {quote(str(loc[-1]))}"
        elif isinstance(err.get("input"), bool) and kind != "bool_type":
            message += " (got a YAML boolean: true/false)"
        hint = _HINTS.get(kind)
        # The path in the document and the key are the file's own words: either language shows them.
        params = {"where": where, "key": quote(str(loc[-1])) if loc else "", **_choices(err)}
        if kind == "value_error":  # a validator's own sentence, told in Vietnamese by messages.value_reasons
            params["value_reason"] = message.removeprefix("Value error, ")
            message = params["value_reason"]
        mark = node.start_mark if node else None
        text = f"{where}: {message}"
        if "allowed" in params:
            # pydantic's English for these names its own machinery ("Input tag … found using
            # 'kind'"): the catalogue's sentence says what was written and what the format takes.
            text = render(f"schema:{kind}", params, "en")
        problems.append(_problem(parsed.file, f"schema:{kind}", text, mark, hint, params))
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
    from pari_index.criteria.validation import validate_criteria

    # The collector paused throughout: pydantic and validation build one object per value, and
    # its passes over them made a 5,000-item set ten times slower (docs/limits.md).
    with gc_paused():
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
        _check_item_count(parsed)
        # A draft from `pari criteria import` is refused, with every todo listed, until resolved.
        todos = todo_problems(parsed.root, file)
        if todos:
            raise CriteriaError(parsed.duplicates + todos)
        damaged = damaged_letters(parsed.root, file)
        try:
            criteria = CriteriaSet.model_validate(parsed.data)
        except ValidationError as exc:
            raise CriteriaError(parsed.duplicates + damaged + _pydantic_problems(exc, parsed)) from None
        errors, warnings = validate_criteria(criteria, lambda loc: _locate(parsed, loc))
    if parsed.duplicates or damaged or errors:
        raise CriteriaError(parsed.duplicates + damaged + errors)
    remember_loaded(criteria)  # checked: pari.score need not check it again (criteria.objects)
    return LoadedCriteria(criteria=criteria, file=file, root=parsed.root, warnings=warnings)


def _item_sizes(item: Any) -> tuple[int, int]:
    """The inputs an item declares and the entries of its checklist, as written (0 for anything
    not of the expected shape: typing reports it)."""
    if not isinstance(item, dict):
        return 0, 0
    inputs, rule = item.get("inputs"), item.get("rule")
    checks = rule.get("items") if isinstance(rule, dict) and rule.get("kind") == "checklist" else None
    return (len(inputs) if isinstance(inputs, dict) else 0), (len(checks) if isinstance(checks, list) else 0)


def _over_total(parsed: ParsedYaml, loc: tuple[int | str, ...], code: str, limit: int) -> CriteriaError:
    """``code`` (too-many-inputs, too-many-checks) at the item of ``loc``, the first whose inputs or
    entries take the set's total past ``limit``."""
    file, line, column = _locate(parsed, loc)
    what, variable = (
        ("inputs across its items (real sets have 60 to 150)", "PARI_MAX_CRITERIA_INPUTS")
        if code == "too-many-inputs"
        else ("checklist entries across its rules (real sets have about a dozen)", "PARI_MAX_CRITERIA_CHECKS")
    )
    problem = Problem(
        code,
        f"the set has more than {limit:,} {what}; this item takes it past the limit",
        file=file,
        line=line,
        column=column,
        hint=f"split the set, or raise the limit with {variable} (docs/limits.md)",
        params={"limit": limit},
    )
    return CriteriaError(problem)


def _check_item_count(parsed: ParsedYaml) -> None:
    """Refuse a set with more than ``MAX_ITEMS`` areas, criteria and leaves, or more than
    ``MAX_INPUTS`` inputs or ``MAX_CHECKS`` checklist entries across them, before typing it. The
    items are walked in the file's order (a stack of their lists' iterators), so that the item
    named is the first past the limit as the file reads."""
    count = 0
    limit = max_items()
    totals = {"too-many-inputs": 0, "too-many-checks": 0}
    limits = {
        "too-many-inputs": _limit("PARI_MAX_CRITERIA_INPUTS", MAX_INPUTS),
        "too-many-checks": _limit("PARI_MAX_CRITERIA_CHECKS", MAX_CHECKS),
    }
    areas = parsed.data.get("areas")
    stack: list[tuple[Iterator[tuple[int, Any]], tuple[int | str, ...]]] = []
    if isinstance(areas, list):
        stack.append((enumerate(areas), ("areas",)))
    while stack:
        items, loc = stack[-1]
        step = next(items, None)
        if step is None:
            stack.pop()
            continue
        i, item = step
        count += 1
        for code, size in zip(totals, _item_sizes(item), strict=True):
            totals[code] += size
            if totals[code] > limits[code]:
                raise _over_total(parsed, (*loc, i), code, limits[code])
        if count > limit:
            file, line, column = _locate(parsed, (*loc, i))
            raise CriteriaError(
                Problem(
                    "too-many-items",
                    f"the set has more than {limit:,} areas, criteria and sub-criteria "
                    "(real sets have 60 to 200); this is the first one past the limit",
                    file=file,
                    line=line,
                    column=column,
                    hint="split the set, or raise the limit with PARI_MAX_CRITERIA_ITEMS (docs/limits.md)",
                    params={"limit": limit},
                )
            )
        if isinstance(item, dict) and isinstance(item.get("children"), list):
            stack.append((enumerate(item["children"]), (*loc, i, "children")))


def _locate(parsed: ParsedYaml, loc: Sequence[int | str]) -> tuple[str, int | None, int | None]:
    node = node_at(parsed.root, loc)
    if node is None:
        return parsed.file, None, None
    return parsed.file, node.start_mark.line + 1, node.start_mark.column + 1


def _path_label(path: Path) -> str:
    """The path as shown in a problem: control characters shown as <U+XXXX> (errors.visible, as
    every place shows them), a very long one cut."""
    text = str(path)
    if _CONTROL.search(text):
        text = visible(text)
    return shorten_path(text)


def _read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file or a pipe, read in chunks.

    st_size cannot bound a read: it is 0 for /proc files, pipes and devices. The file is opened
    without blocking, so that a pipe nobody writes to reads as empty instead of waiting."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise _NotAFile(mode)
        if stat.S_ISFIFO(mode):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while total < limit:
            chunk = handle.read(min(1 << 16, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
        if stat.S_ISFIFO(mode):
            remember_piped(path, data)  # its digest, for a check that cannot read the pipe again
        return data


class _NotAFile(Exception):
    def __init__(self, mode: int) -> None:
        self.mode = mode


def _file_kind(mode: int) -> str:
    """What :func:`_kind_of` says, as a key of messages.PARAM_WORDS["file_kind"]."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "socket" if stat.S_ISSOCK(mode) else "other"


def _kind_of(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _link_or(path: Path, label: str, error: type[CriteriaError]) -> CriteriaError | None:
    """The error of a criteria file that is a symbolic link to no file (errors.broken_link)."""
    link = broken_link(path, label)
    return error(link) if link is not None else None


def read_text_file(path: Path, error: type[CriteriaError] = CriteriaError) -> str:
    """The text of a criteria file, read within ``MAX_FILE_BYTES``; every failure a problem."""
    label = _path_label(path)
    limit = max_file_bytes()

    def fail(code: str, message: str, hint: str | None = None, params: dict[str, Any] | None = None) -> CriteriaError:
        return error(Problem(code, message, file=label, hint=hint, params=params))

    def too_large(size: int | None) -> CriteriaError:
        got = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
        message = (
            f"{got}: a criteria set may be at most {limit:,} bytes (the bundled sets are about 50 KB); "
            "is this the right file? (PARI_MAX_CRITERIA_BYTES raises the limit)"
        )
        params = {"file_size": "criteria" if size is not None else "criteria_read", "size": size, "limit": limit}
        hint = "give the right file, or raise PARI_MAX_CRITERIA_BYTES"
        return fail("file-too-large", message, hint, {**params, "size_hint": "criteria"})

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise fail("is-a-directory", "this is a folder, not a file")
        if stat.S_ISREG(mode) and path.stat().st_size > limit:
            raise too_large(path.stat().st_size)
        raw = _read_bounded(path, limit + 1)
    except FileNotFoundError:
        near = near_name(path, label)
        raise _link_or(path, label, error) or (
            error(near) if near else fail("file-not-found", "file not found")
        ) from None
    except IsADirectoryError:
        raise fail("is-a-directory", "this is a folder, not a file") from None
    except _NotAFile as exc:
        raise fail(
            "not-a-regular-file",
            f"this is {_kind_of(exc.mode)}, not a file; a criteria set is read from a file",
            "give the path of the criteria YAML file",
            {"file_kind": _file_kind(exc.mode)},
        ) from None
    except OSError as exc:  # EACCES, ELOOP, ENAMETOOLONG, EIO, ...
        linked = _link_or(path, label, error)
        if linked is not None:
            raise linked from None
        reason = exc.strerror or type(exc).__name__
        key, hint = unreadable_hint(exc)
        raise fail(
            "file-unreadable", f"cannot read the file: {reason}", hint, {"reason": reason, "unreadable_hint": key}
        ) from None
    except ValueError:  # a NUL byte in the path
        raise fail(
            "file-unreadable",
            "cannot read the file: the path holds a NUL character",
            "check the path",
            {"path_refusal": "nul"},
        ) from None
    if len(raw) > limit:
        raise too_large(None)
    return _criteria_text(raw, label, error)


def _criteria_text(raw: bytes, label: str, error: type[CriteriaError]) -> str:
    """The text of a criteria file's bytes (``label``: its name as told): an office document or
    PDF, a compressed file and bytes that are not UTF-8 are each an ``error`` saying which."""
    document = _document(raw, label)
    if document is not None:
        raise error(document)
    try:
        return _yaml_text(raw)
    except UnicodeDecodeError as exc:
        compressed = compressed_file(raw, label)
        if compressed is not None:  # a set sent zipped or gzipped: not "not UTF-8 (byte 1)"
            raise error(compressed) from None
        # Located by line and column, as every other problem of a set is: a byte offset alone
        # sent the author counting bytes in an editor that shows lines.
        raise error(
            Problem(
                "not-utf8",
                f"not UTF-8 text (byte {exc.start})",
                file=label,
                line=raw.count(b"\n", 0, exc.start) + 1,
                column=exc.start - raw.rfind(b"\n", 0, exc.start),
                hint="save the file as UTF-8",
                params={"byte": str(exc.start)},
            )
        ) from None


#: How office documents and PDFs begin: a zip package (.xlsx, .docx, .ods, .odt), an OLE2
#: compound file (.xls, .doc), a PDF, an RTF file.
_DOCUMENT_HEADS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF", b"{\\rtf")


def _document(raw: bytes, label: str) -> Problem | None:
    """A criteria file that is an office document or a PDF (the decision's annex in Excel, the
    decision in Word or as a PDF), or an archive (``compressed-file``): it was "not UTF-8 text
    (byte 10)", "save the file as UTF-8", which no such file can be, or a YAML error of an RTF."""
    if not raw.startswith(_DOCUMENT_HEADS):
        return None
    return compressed_file(raw, label) or Problem(
        "criteria-is-document",
        "this is a workbook, a Word document or a PDF, not a criteria set written in YAML",
        file=label,
        hint="a criteria set is a YAML file (docs/criteria.md); a decision's annex in Excel becomes one with "
        "pari criteria import ANNEX.xlsx -o SET.yaml",
    )


def _yaml_text(raw: bytes) -> str:
    """The text of a criteria file: UTF-8 (a byte-order mark dropped), or UTF-32 or UTF-16 when
    it says so by its byte-order mark or, without one, by the zero bytes beside its first
    character, as the YAML specification detects them (5.2, "Character Encodings"; Notepad's
    "Unicode" saves UTF-16). Anything else is UnicodeDecodeError."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return raw.decode("utf-32")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for pattern, codec in _ZEROS_BESIDE_FIRST:
        if len(raw) >= 4 and all((b == 0) == (z == "0") for b, z in zip(raw[:4], pattern, strict=True)):
            return raw.decode(codec)
    if len(raw) >= 2 and raw[0] != 0 and raw[1] == 0:
        return raw.decode("utf-16-le")
    if len(raw) >= 2 and raw[0] == 0 and raw[1] != 0:
        return raw.decode("utf-16-be")
    return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")


#: The YAML specification's table of the zero bytes beside a first ASCII character (x): UTF-32.
_ZEROS_BESIDE_FIRST = (("000x", "utf-32-be"), ("x000", "utf-32-le"))


def load_criteria(path: str | Path | None = None) -> LoadedCriteria:
    """Load a criteria set from a YAML file, or the bundled default when ``path`` is None."""
    # A name typed composed is found where the disk names it decomposed (pari_index.spelling).
    target = spelled_on_disk(path) if path is not None else default_criteria_path()
    text = unicodedata.normalize("NFC", read_text_file(target))
    return load_criteria_text(text, str(path) if path is not None else target.name)


def bundled_criteria_dir() -> Path:
    """Where the bundled criteria sets are: inside the installed wheel, or criteria/ in a checkout."""
    packaged = Path(str(resources.files("pari_index"))) / "criteria_sets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "criteria"


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
