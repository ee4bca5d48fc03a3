"""The language of the library's own errors (``pari.set_errors_lang``) and the errors themselves,
built from the catalogue's kinds (pari_index.messages.library_errors).

The facade's functions take ``lang=`` for what they write (findings, results, report, an
explanation), but a caller's mistake in a call (``pari.score(year="2022")``) is raised before any
of that, often by a function without ``lang=``: its language is this one setting. It is English
by default, the text these errors had before they had Vietnamese words, so that callers and
tests matching the English keep working; ``pari.set_errors_lang("vi")`` makes them Vietnamese.
Each error also carries ``kind``, ``params`` and ``words`` (both languages), whatever the setting.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pari_index.messages.library_errors import LIBRARY_ERRORS
from pari_index.messages.words import Words

E = TypeVar("E", bound=Exception)

#: The language of the facade's errors: "en" (the default) or "vi".
_LANGUAGE = {"errors": "en"}


def set_errors_lang(lang: str) -> None:
    """The facade's own errors (TypeError, ValueError of a call's arguments) in ``lang``, "vi" or
    "en", from now on, in every thread. Their exception types stay the same."""
    if lang not in ("vi", "en"):
        raise refused(ValueError, "library-bad-lang", function="set_errors_lang", argument="lang", value=repr(lang))
    _LANGUAGE["errors"] = lang


def errors_lang() -> str:
    """The language of the facade's own errors, as :func:`set_errors_lang` set it ("en" by default)."""
    return _LANGUAGE["errors"]


def refused_words(kind: str, **params: Any) -> Words:
    """The error ``kind`` of the catalogue filled with ``params`` (already written as shown), in
    both languages."""
    message = LIBRARY_ERRORS[kind].message
    return Words(message.vi.format(**params), message.en.format(**params))


def refused_text(kind: str, **params: Any) -> str:
    """The error ``kind`` in the language of :func:`errors_lang`."""
    return refused_words(kind, **params).get(errors_lang())


def refused(error: type[E], kind: str, **params: Any) -> E:
    """An ``error`` (TypeError, ValueError) of the catalogue's ``kind``, to raise: its text in the
    language of :func:`errors_lang`, with ``kind``, ``params`` and ``words`` (both languages) kept
    on it for a caller that shows it in another language."""
    words = refused_words(kind, **params)
    raised = error(words.get(errors_lang()))
    for name, value in (("kind", kind), ("params", params), ("words", words)):
        setattr(raised, name, value)
    return raised
