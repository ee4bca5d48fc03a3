"""The key a criteria author meant, for an unknown key («guidence» for «guidance»).

pydantic says only that a key is not allowed, not which keys are: an author who typed
``guidence:`` or ``missing_evidance:`` was told to check the spelling against docs/criteria.md, a
page of some sixty keys. The keys the format knows are read off the criteria models, and the
mapping's other keys say which model it is: the nearest key of the models that hold all of them
(of every model, when none does) is offered, never applied (the author decides).
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Collection
from functools import cache

from pydantic import BaseModel

#: How alike a key must be to be offered (difflib's ratio): «guidence» and «guidance» are 0.88,
#: «lable» and «label» 0.8, «hướng_dẫn» and any key below 0.5.
CLOSE_ENOUGH = 0.75


@cache
def _keys_by_model() -> tuple[frozenset[str], ...]:
    """The keys of each model a criteria set is made of (a field's YAML name: its alias if any)."""
    from pari_index.criteria.model import CriteriaSet

    seen: dict[type[BaseModel], frozenset[str]] = {}

    def walk(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in seen:
                return
            seen[annotation] = frozenset(f.alias or name for name, f in annotation.model_fields.items())
            for field in annotation.model_fields.values():
                walk(field.annotation)
            return
        for argument in typing.get_args(annotation):
            walk(argument)

    walk(CriteriaSet)
    return tuple(seen.values())


def nearest_key(key: str, siblings: Collection[str]) -> str | None:
    """The known key nearest ``key`` in a mapping that also holds ``siblings``, or None."""
    models = _keys_by_model()
    fitting = [keys for keys in models if set(siblings) <= keys] or list(models)
    known = sorted(set().union(*fitting) - {key})
    near = difflib.get_close_matches(key, known, n=1, cutoff=CLOSE_ENOUGH)
    return near[0] if near else None
