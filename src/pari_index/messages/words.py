"""One text in both languages (:class:`Words`), a finding kind's words (:class:`Entry`) and the
shorthands the catalogue's tables are written with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One text in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Entry:
    """A finding kind: its title, its message (a template with named parameters) and its hint."""

    title: Words
    message: Words
    hint: Words | None = None


def entry(title_vi: str, title_en: str, msg_vi: str, msg_en: str, hint_vi: str = "", hint_en: str = "") -> Entry:
    return Entry(Words(title_vi, title_en), Words(msg_vi, msg_en), Words(hint_vi, hint_en) if hint_vi else None)


def plain_entry(title_vi: str, title_en: str, hint_vi: str, hint_en: str) -> Entry:
    """A kind whose message is its title (the place and the hint say the rest)."""
    return entry(title_vi, title_en, title_vi, title_en, hint_vi, hint_en)
