"""A criteria set's YAML parsed safely into data and the node tree it came from.

The YAML is parsed once into a node tree (which keeps line and column marks) and the data is built
from that same tree, so a pydantic error's ``loc`` can be walked back to the node it came from
(:mod:`.places`).

Safety and strictness, beyond PyYAML's safe loader:

* tags that construct Python objects (``!!python/object`` …) are refused, never run;
* alias bombs ("billion laughs") are refused by counting the expanded size before building data;
* duplicate keys are errors (PyYAML silently keeps the last one);
* YAML 1.1 surprises are switched off: only ``true``/``false`` are booleans (``yes``, ``no``, ``on``
  stay text), ``012`` is text rather than the octal 10, and ``1_000`` is text.

The node tree may be at most ``MAX_DEPTH`` deep and hold at most ``MAX_YAML_NODES`` values; a text
value may be at most ``MAX_TEXT_CHARS`` long and may not hold control or bidirectional-override
characters; a whole number too long for ``int()`` becomes a Decimal, so that the points validator
reports it as out of range, located, instead of PyYAML failing (docs/limits.md, "Criteria sets").
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from pari_index.criteria import lookalikes
from pari_index.errors import (
    CriteriaError,
    Problem,
    cut_mark,
    quoted,
)
from pari_index.messages.catalogue import entry_of
from pari_index.messages.labels import PARAM_WORDS

#: The most nodes a criteria document may expand to once aliases are followed. Real sets have a
#: few thousand; a billion-laughs document has billions.
MAX_EXPANDED_NODES = 200_000
#: The most distinct YAML values (scalars, lists, mappings) a document may hold. The bundled sets
#: have about 3,000.
MAX_YAML_NODES = 200_000
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
_DIGITS = re.compile(r"^[0-9]+$")
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


def guillemets(listed: str) -> str:
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
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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
                located_problem(
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
                located_problem(
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
            shape.problems += _duplicate_keys(node, file) + _keys_not_text(node, file)
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
            located_problem(
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
            located_problem(
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
        return located_problem(
            file,
            "yaml-text-too-long",
            f"a text of {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} allowed: {quote(text)}",
            node.start_mark,
            "shorten it; long guidance belongs in a document the set links to",
            {"chars": len(text), "limit": MAX_TEXT_CHARS, "text": quote(text)},
        )
    bad = CONTROL.search(text)
    if bad is None:
        return None
    char = bad.group()
    name = unicodedata.name(char, "control character")
    return located_problem(
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


def located_problem(
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
                located_problem(
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


#: What each implicit tag of a plain key reads it as (yaml-key-not-text's {key_read_as}).
_NOT_TEXT_KEYS = {
    _BOOL_TAG: "bool",
    _INT_TAG: "int",
    _FLOAT_TAG: "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"


def _keys_not_text(node: yaml.MappingNode, file: str) -> list[Problem]:
    """yaml-key-not-text for each plain key YAML reads as a boolean, a number, a date or null
    (``true:``, ``1:``, ``~:``), placed at the key and said as written. Every key of the format is
    a name: such a key was told by pydantic's Python value of it, «1.2 › None: Keys should be
    strings», «1.2 › inputs.1» for ``true:`` (True == 1), with a hint about quoting an id (session
    39). The key is then built as its text, so the rest of the file is checked as usual and the
    key is told once."""
    problems: list[Problem] = []
    before: yaml.Node | None = None  # the value of the entry before
    for key, value in node.value:
        read_as = _NOT_TEXT_KEYS.get(key.tag) if isinstance(key, yaml.ScalarNode) else None
        # The digits after a decimal comma that split a flow mapping's number ({points: 0,5}) are
        # told once, as that number (places._decimal_comma's yaml-decimal-comma).
        split = before is not None and node.flow_style and split_number(before, key, value)
        before = value
        if read_as is None or split:
            continue
        shown = quote(key.value) if key.value else "«~»"
        problems.append(
            located_problem(
                file,
                "yaml-key-not-text",
                f"YAML reads the key {shown} as {PARAM_WORDS['key_read_as'][read_as].get('en')}, not as a name; "
                "every key of a criteria set is a name",
                key.start_mark,
                'put the key in double quotes (e.g. "true": or "1":), or rename it with letters',
                {"key": shown, "key_read_as": read_as},
            )
        )
        key.tag = _STR_TAG
    return problems


def split_number(before: yaml.Node, key: yaml.Node, after: yaml.Node) -> bool:
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
        params: dict[str, Any] | None = {"yaml_reason": cut_text(problem)}
        message = f"not valid YAML: {cut_text(problem)}"
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
        raise CriteriaError(located_problem(file, code, message, exc.problem_mark, hint, params)) from None
    except yaml.YAMLError as exc:
        # (The reason without PyYAML's place: "in '<unicode string>', position 3" names no file.)
        params = {"yaml_reason": cut_text(str(exc).split("\n")[0])}
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
        reason = cut_text(str(exc.problem))
        if "constructor for the tag" not in reason:
            # A list or mapping as a key, a merge (<<) of a scalar, an !!omap of lists: no tag to
            # remove, as yaml-tag-refused's hint said.
            hint = "write each key as plain text, and merge (<<) only mappings"
            params = {"yaml_reason": reason}
            message = f"cannot be built: {reason}"
            raise CriteriaError(
                located_problem(file, "yaml-structure", message, exc.problem_mark, hint, params)
            ) from None
        tag_hint = None
        if "python" in str(exc.problem):
            tag_hint = "criteria files may not contain tags that construct objects; remove the tag"
        raise CriteriaError(
            located_problem(
                file, "yaml-tag-refused", f"refused: {reason}", exc.problem_mark, tag_hint, {"yaml_reason": reason}
            )
        ) from None
    except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
        mark = _bad_scalar(loader, root).start_mark
        raise CriteriaError(
            located_problem(file, "yaml-value", f"a value cannot be read: {cut_text(str(exc))}", mark)
        ) from None


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


def cut_text(text: str, limit: int = 300) -> str:
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
