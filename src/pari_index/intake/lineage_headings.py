"""The headings of the lineage table's two columns (``--lineage``: last year's code of each unit,
and this year's), in Vietnamese as the provinces' tables of the 2025 arrangement write them and in
English. Read by :mod:`pari_index.ranking.lineage`, and by intake, which tells such a heading row
repeated below the table's own (:mod:`pari_index.intake.grid`)."""

from __future__ import annotations

from pari_index.criteria.group_columns import unit_headings

#: How a merger table names a unit's code: ``Mã ĐVHC`` (đơn vị hành chính), ``Mã xã``, …
_CODE_OF = (
    *unit_headings("mã"),
    "mã",
    "mã xã",
    "mã đơn vị",
    "mã đvhc",
    "mã đvhc cấp xã",
    "mã đơn vị hành chính",
    "mã đơn vị hành chính cấp xã",
)
#: Its two codes: old or before the arrangement (sắp xếp) or merger (sáp nhập), new or after it;
#: each also with «khi» («trước khi sắp xếp») and in brackets («Mã ĐVHC (trước sắp xếp)», «Mã xã
#: (cũ)»: refused as "needs column(s) old_code, new_code" when session 34 added the others).
_EVENTS = ("sắp xếp", "sáp nhập")
_BEFORE = ("cũ", *(f"trước {event}" for event in _EVENTS), *(f"trước khi {event}" for event in _EVENTS))
_AFTER = ("mới", *(f"sau {event}" for event in _EVENTS), *(f"sau khi {event}" for event in _EVENTS))


def _code_headings(whens: tuple[str, ...]) -> list[str]:
    """Every heading of a code (:data:`_CODE_OF`) followed by one of ``whens``, bare or in brackets
    (with a space before them or none: «Mã xã(cũ)»)."""
    forms = [(" ", when) for when in whens] + [(space, f"({when})") for when in whens for space in (" ", "")]
    return [f"{code}{space}{form}" for code in _CODE_OF for space, form in forms]


#: How an English-speaking analyst heads the two codes: «old code», «former code», «previous
#: code», «code (old)», «code before merger», «original commune code», «new code», «current code»,
#: «code after the merger», «successor code». Until session 35 only «old code», «code before»,
#: «previous code» and their new counterparts were read, and a table headed «former code» or «code
#: after merger» was refused, "needs column(s) old_code, new_code".
_EN_OLD = ("old", "former", "previous", "prior", "original", "earlier", "predecessor", "pre merger")
_EN_NEW = ("new", "current", "present", "successor", "resulting", "merged", "post merger")
_EN_CODES = ("code", "commune code", "unit code", "ward code")
_EN_EVENTS = ("merger", "merging", "arrangement", "reorganisation", "reorganization", "restructuring")


def _english_headings(whens: tuple[str, ...], side: str) -> list[str]:
    """Each code heading of :data:`_EN_CODES` with one of ``whens`` before or after it, or with
    ``side`` («before», «after») and an event after it (with «the» or not)."""
    events = [f"{side} {the}{event}" for event in _EN_EVENTS for the in ("", "the ")]
    return [
        *(f"{when} {code}" for when in whens for code in _EN_CODES),
        *(f"{code} {when}" for when in (*whens, side, *events) for code in _EN_CODES),
    ]


#: Headings of the lineage table's two columns, matched as intake.sheet.heading_key matches (without
#: case or marks). The provinces' tables of the 2025 arrangement head them «Mã ĐVHC trước sắp xếp»
#: and «Mã ĐVHC sau sắp xếp»: until session 34 only «mã cũ», «mã mới» and a few others were read,
#: and such a table was refused, "needs column(s) old_code, new_code".
LINEAGE_ALIASES: dict[str, str] = {
    **{k: "old_code" for k in ("old_code", "old", "code before")},
    **{heading: "old_code" for heading in (*_code_headings(_BEFORE), *_english_headings(_EN_OLD, "before"))},
    **{k: "new_code" for k in ("new_code", "new", "code after")},
    **{heading: "new_code" for heading in (*_code_headings(_AFTER), *_english_headings(_EN_NEW, "after"))},
}
