"""Loading criteria sets: a file's text read (:mod:`.file_text`), parsed safely (:mod:`.yaml_reader`),
typed by the model with every problem located (:mod:`.places`), checked for consistency
(:mod:`.validation`) and its letters (:mod:`.letters_check`); the bundled sets.

Every problem is reported with its line and column, all at once (docs/criteria.md). The set's
size is bounded: ``MAX_ITEMS`` items, ``MAX_INPUTS`` inputs and ``MAX_CHECKS`` checklist entries in
all (docs/limits.md, "Criteria sets").
"""

from __future__ import annotations

import contextlib
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pari_index.criteria.file_text import read_text_and_sha256
from pari_index.criteria.letters_check import damaged_letters
from pari_index.criteria.model import CriteriaSet
from pari_index.criteria.objects import remember_file, remember_loaded
from pari_index.criteria.places import node_at, pydantic_problems
from pari_index.criteria.todos import todo_problems
from pari_index.criteria.yaml_reader import ParsedYaml, gc_paused, located_problem, parse_yaml
from pari_index.errors import (
    CriteriaError,
    Problem,
)
from pari_index.system.limits import env_limit
from pari_index.system.spelling import spelled_on_disk


def max_items() -> int:
    return env_limit("PARI_MAX_CRITERIA_ITEMS", MAX_ITEMS)


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
                located_problem(
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
            raise CriteriaError(parsed.duplicates + damaged + pydantic_problems(exc, parsed)) from None
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
        "too-many-inputs": env_limit("PARI_MAX_CRITERIA_INPUTS", MAX_INPUTS),
        "too-many-checks": env_limit("PARI_MAX_CRITERIA_CHECKS", MAX_CHECKS),
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


def load_criteria(path: str | Path | None = None) -> LoadedCriteria:
    """Load a criteria set from a YAML file, or the bundled default when ``path`` is None."""
    # A name typed composed is found where the disk names it decomposed (pari_index.system.spelling).
    target = spelled_on_disk(path) if path is not None else default_criteria_path()
    text, sha256 = read_text_and_sha256(target)
    loaded = load_criteria_text(unicodedata.normalize("NFC", text), str(path) if path is not None else target.name)
    # Not a pipe, which cannot be read again to be checked (nor a file gone since: its content then).
    with contextlib.suppress(OSError):
        if stat.S_ISREG(target.stat().st_mode):
            remember_file(loaded.criteria, str(target), sha256)
    return loaded


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
    """Each file's set or why it is none, kept until the verdicts are given (``pari validate``
    gives none for a file changed while the others were read). Each set is kept without its
    document's node tree (``root`` None): the places of its problems are known by then, and the
    trees of the sets given were kept all at once, 1.3 MB for a set of 40 KB (400 copies of a
    bundled set took 580 MB, 2,000 of them 2.6 GB and 88 CPU s, the collector going over them
    all again and again; session 33)."""
    results: list[tuple[str, LoadedCriteria | CriteriaError]] = []
    for path in paths:
        try:
            results.append((str(path), replace(load_criteria(path), root=None)))
        except CriteriaError as exc:
            results.append((str(path), exc))
    return results
