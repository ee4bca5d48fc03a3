"""The key a criteria author meant, for an unknown key («guidence» for «guidance»).

pydantic says only that a key is not allowed, not which keys are: an author who typed
``guidence:`` or ``missing_evidance:`` was told to check the spelling against docs/criteria.md, a
page of some sixty keys. The keys the format knows are read off the criteria models, and the
mapping's other keys say which model it is: the nearest key of the models that hold the most of
them is offered, never applied (the author decides).
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Collection
from functools import cache

from pydantic import BaseModel

#: How alike a key must be to be offered (difflib's ratio): «guidence» and «guidance» are 0.88,
#: «lable» and «label» 0.8, but «guidence» and «evidence» 0.75, «hướng_dẫn» and any key below 0.5.
CLOSE_ENOUGH = 0.8


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
    """The known key nearest ``key`` in a mapping that also holds ``siblings``, or None.

    The mapping's kind is the model, or models, holding the most of its other keys (another
    misspelt key among them does not send the guess to every model); a mapping none of whose keys
    is known gets no guess. A key the mapping already has is never offered (following the hint
    would write it twice)."""
    models = _keys_by_model()
    held = [len(keys & set(siblings)) for keys in models]
    most = max(held, default=0)
    if most == 0:
        return None
    fitting = [keys for keys, count in zip(models, held, strict=True) if count == most]
    known = sorted(set().union(*fitting) - {key} - set(siblings))
    near = difflib.get_close_matches(key, known, n=1, cutoff=CLOSE_ENOUGH)
    return near[0] if near else None
