"""A criteria set given as a Python object, checked as its file would be.

``pari.score(files, criteria)`` takes a :class:`CriteriaSet` as well as a path. A set made by
:func:`pari_index.criteria.loading.load_criteria` has passed every check of the format; a set an
analyst built or changed in Python has not: ``CriteriaSet.model_validate(data)`` runs pydantic's
checks only (class bands that overlap, points above an item's maximum, a maximum that is not the
children's sum all pass), and ``model_copy(update=...)`` and ``model_construct(...)`` run none.
Such a set was scored and ranked without a word (a class band of 50–95 over one from 60 ranked
every commune in the first class).

A set the loader made (or one checked here before) is known by its identity and its content's
fingerprint: the model is frozen, but its lists are not (``crit.classes[1] = ...`` changes a loaded
set in place), so identity alone let an edited set through. Any other is written out as the YAML
it stands for and loaded from that text, so that it meets the same checks, in the same words, as
the file would.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import os
import weakref
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from pari_index.criteria.model import CriteriaSet
from pari_index.errors import CriteriaError, quoted

#: The sets checked already (made by the loader, or checked here): by identity, each with the
#: fingerprint of its content when it was checked and the set to score in its place (None: the
#: set itself, made by the loader; else the one its YAML loaded as: a set made by
#: ``model_construct`` holds plain dicts, which scoring cannot use).
_CHECKED: dict[int, tuple[weakref.ref[CriteriaSet], str, CriteriaSet | None]] = {}


def _fingerprint(criteria: CriteriaSet) -> str:
    # Under 1 ms for the Hà Nội set, against about 70 ms to write and load it again.
    return hashlib.sha256(criteria.model_dump_json(warnings=False).encode()).hexdigest()


#: The file each set the loader read from a file came from, with the SHA-256 of the bytes read
#: (by identity, as _CHECKED): pari.score(files, pari.load_criteria(path)) records that file's
#: hash, as pari score --criteria path does, not the hash of the set's content.
_READ_FROM: dict[int, tuple[str, str]] = {}


def remember_loaded(criteria: CriteriaSet, loaded_as: CriteriaSet | None = None) -> None:
    """Note ``criteria`` as checked, with its content as it is now, and the set to score in its
    place (``loaded_as``; None: ``criteria`` itself)."""
    key = id(criteria)

    def forget(_gone: object) -> None:
        _CHECKED.pop(key, None)
        _READ_FROM.pop(key, None)

    gone = weakref.ref(criteria, forget)
    _CHECKED[key] = (gone, _fingerprint(criteria), loaded_as)
    _READ_FROM.pop(key, None)  # an id reused by a set not read from a file


def remember_file(criteria: CriteriaSet, file: str, sha256: str) -> None:
    """Note that ``criteria`` (just loaded: :func:`remember_loaded`) was read from ``file``, whose
    bytes had the SHA-256 ``sha256``."""
    _READ_FROM[id(criteria)] = (file, sha256)


def sha256_read(criteria: CriteriaSet, file: str | Path) -> str | None:
    """The SHA-256 of the bytes ``criteria`` was loaded from, when it was loaded from ``file`` (the
    same file, however named) and is unchanged since; else None. What a results file records of
    the set: the file may have been edited between the run and the writing of its results (the
    library scores, then writes later), and its hash then would not be of the set scored."""
    from pari_index.system.spelling import spelled_on_disk

    read = _READ_FROM.get(id(criteria))
    if read is None or _checked_as_it_is(criteria) is not criteria:
        return None
    with contextlib.suppress(OSError):
        if read[0] == str(file) or os.path.samefile(spelled_on_disk(read[0]), spelled_on_disk(file)):
            return read[1]
    return None


def file_of(criteria: CriteriaSet) -> str | None:
    """The file ``criteria`` was loaded from, when it is that file's set as loaded and the file
    still holds the bytes it was read from (else None: the set edited, or the file changed since,
    is recorded by its content's hash)."""
    from pari_index.system.spelling import spelled_on_disk

    read = _READ_FROM.get(id(criteria))
    if read is None or _checked_as_it_is(criteria) is not criteria:
        return None
    file, sha256 = read
    path = spelled_on_disk(file)
    # Only a regular file is hashed again (a pipe or a folder now at the name is not the file read).
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return file if digest.hexdigest() == sha256 else None


def _checked_as_it_is(criteria: CriteriaSet) -> CriteriaSet | None:
    """The set to score for ``criteria`` when it was checked and has not changed since, else None."""
    known = _CHECKED.get(id(criteria))
    if known is None or known[0]() is not criteria or known[1] != _fingerprint(criteria):
        return None
    return known[2] if known[2] is not None else criteria


class _SetDumper(yaml.SafeDumper):
    """Writes a set's Python values as the YAML that reads back to them: a Decimal as the number
    it is (never in exponent form, which the loader would read as text), an enum by its value,
    every text quoted (PyYAML's YAML 1.1 writes ``1.5e3`` plain, which the strict reader takes
    for a number: a class named so was refused as "not a string")."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value, "f")
    return dumper.represent_scalar("tag:yaml.org,2002:" + ("float" if "." in text else "int"), text)


def _enum(dumper: yaml.SafeDumper, value: enum.Enum) -> yaml.Node:
    return dumper.represent_data(value.value)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


_SetDumper.add_representer(Decimal, _decimal)
_SetDumper.add_multi_representer(enum.Enum, _enum)
_SetDumper.add_representer(str, _text)


def object_label(criteria: Any) -> str:
    """How messages name a set given as an object: there is no file to name."""
    set_id = getattr(criteria, "id", None)
    return (
        f"CriteriaSet {quoted(set_id)} (given as an object)"
        if isinstance(set_id, str)
        else "CriteriaSet (given as an object)"
    )


def checked_criteria(criteria: CriteriaSet) -> CriteriaSet:
    """``criteria`` when the loader made it; otherwise the set it stands for, loaded from its YAML
    so that every check of a criteria file runs. Raises :class:`CriteriaError` with every problem,
    each named by its place in the set (``classes[2].from``, ``1.1.3 › rule.tiers[2]``): the lines
    are those of the written YAML, which the analyst never saw, and are dropped."""
    from pari_index.criteria.loading import load_criteria_text

    if (already := _checked_as_it_is(criteria)) is not None:
        return already
    label = object_label(criteria)
    # Only what was set: the keys an author wrote (defaults come back the same from the loader).
    data = criteria.model_dump(by_alias=True, exclude_unset=True, warnings=False)
    text = yaml.dump(data, Dumper=_SetDumper, allow_unicode=True, sort_keys=False)
    try:
        loaded = load_criteria_text(text, label).criteria
    except CriteriaError as error:
        raise CriteriaError(
            [dataclasses.replace(problem, line=None, column=None) for problem in error.problems]
        ) from None
    remember_loaded(criteria, loaded)  # the same object unchanged is not written and loaded again
    return loaded
