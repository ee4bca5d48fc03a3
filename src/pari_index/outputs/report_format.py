"""Text and number formatting for the HTML ranking report.

Bidi isolation of input texts, numbers with the report language's decimal mark, sort keys, colours,
heat-map classes, JSON for the page and dates: small pure helpers shared by the view model
(:mod:`pari_index.outputs.report`) and its Jinja2 filters.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

from pari_index.messages import format_date, format_number

#: Heat-map buckets on the share of an area's maximum: (lower bound, CSS class, legend).
HEAT_BUCKETS: tuple[tuple[float, str, str], ...] = (
    (0.9, "h4", "≥ 90 %"),
    (0.8, "h3", "80–<90 %"),
    (0.7, "h2", "70–<80 %"),
    (0.5, "h1", "50–<70 %"),
    (-math.inf, "h0", "< 50 %"),
)

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: A loss in the results' top_lost text: "(−1.25)" (ranking.ranks.MINUS, or a hyphen).
_LOSS = re.compile(r"\((?:\u2212|-)(\d+(?:\.\d+)?)\)")


# --- bidirectional text -----------------------------------------------------------------------
# A name may hold bidi controls: a right-to-left override (U+202E) left open in a commune's name
# turned its code, rank and points round on its line. Every text from the input is shown isolated
# (an HTML <bdi>, an element of its own with dir="auto", or FSI ... PDI where only text may stand:
# attributes, SVG, the page title), and
# its own controls are closed within it, so nothing it holds reaches the text around it.

_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")
_FSI, _PDI, _PDF = "\u2068", "\u2069", "\u202c"
#: Any embedding, override or isolate control: a text without one needs no balancing (most texts;
#: one regular-expression search, where a test per character took seconds on a national report).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


# --- control characters -------------------------------------------------------------------------
# A name may hold control characters (U+0000–U+001F, U+007F–U+009F; the verification reports
# them): in HTML they are parse errors that browsers show as nothing, or drop, so a name with a
# U+0007 looked like the same name without it. They are written as <U+0007>, as the findings and
# the command line write them (pari_index.intake.values.shown). Tab and line feed are whitespace in
# HTML and stay.

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible_controls(text: str) -> str:
    """``text`` with each control character (but tab and line feed) written as ``<U+XXXX>``."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def finalize_controls(value: Any) -> Any:
    """Jinja's ``finalize``: every value a template writes has its control characters made visible
    (escaped afterwards like the rest of the value; in markup, escaped here)."""
    if not isinstance(value, str) or not _CONTROLS.search(value):
        return value
    if isinstance(value, Markup):
        return Markup(_CONTROLS.sub(lambda m: f"&lt;U+{ord(m.group()):04X}&gt;", value))
    return visible_controls(value)


def _balanced(text: str) -> str:
    """``text`` with every embedding, override and isolate it opens closed at its end, and any
    closing control that closes nothing of its own dropped; its control characters made visible
    (:func:`visible_controls`)."""
    text = visible_controls(text)
    if not _BIDI_CONTROLS.search(text):
        return text
    out: list[str] = []
    stack: list[str] = []  # the closers still owed, innermost last
    for c in text:
        if c in _OPENERS or c in _ISOLATE_OPENERS:
            stack.append(_PDF if c in _OPENERS else _PDI)
        elif c == _PDF:
            if not stack or stack[-1] != _PDF:
                continue  # closes nothing opened here: it would close what surrounds the text
            stack.pop()
        elif c == _PDI:
            if _PDI not in stack:
                continue
            while stack and stack.pop() != _PDI:  # a PDI also closes embeddings opened inside
                pass
        out.append(c)
    return "".join(out) + "".join(reversed(stack))


def _balanced_text(value: Any) -> str:
    """An input text with its bidi controls closed, for an element isolated with ``dir="auto"``
    (used where the element holds that text alone, so that it can be found by its text)."""
    return _balanced(_text(value))


def _isolate(value: Any) -> str:
    """Plain text isolated with FSI ... PDI (for attributes, SVG text and titles)."""
    text = _text(value)
    return f"{_FSI}{_balanced(text)}{_PDI}" if text else ""


def _bdi(value: Any) -> Markup:
    """An input text as ``<bdi>``: escaped, its direction its own, its controls closed inside."""
    text = _text(value)
    # Escaped as Markup.format would (markupsafe's escape), and made Markup once: half a million
    # texts in a national report, where the formatter and Markup's own + cost seconds.
    return Markup("".join(("<bdi>", escape(_balanced(text)), "</bdi>"))) if text else Markup("")


def html_value(value: Any) -> str:
    """What ``{{ value }}`` writes in the report's templates (its controls made visible by
    :func:`finalize_controls`, then escaped as markupsafe escapes), as plain text: for rows built
    in Python, where the templates' per-value Markup objects were a fifth of a national report's
    time."""
    value = finalize_controls(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    text = str(value)
    if not _ESCAPED.search(text):
        return text
    return (
        text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")
    )


_ESCAPED = re.compile("[&<>'\"]")


@functools.lru_cache(maxsize=4096)
def _isolated_attribute(title: str) -> str:
    return html_value(_isolate(title))


def profile_area_rows(areas: Sequence[Any]) -> Markup:
    """The rows of a commune's profile table (report_method.ProfileArea), as the template wrote
    them one value at a time: a national report has about 95,000 of them."""
    rows = []
    for a in areas:
        side = f" {html_value(a.side)}" if a.side else ""
        rows.append(
            f'<tr><th scope="row"><abbr title="{_isolated_attribute(a.title)}">{html_value(a.short)}</abbr></th>'
            f'<td class="num">{html_value(a.points)}</td><td class="num">{html_value(a.median)}</td>'
            f'<td class="num{side}">{html_value(a.diff)}</td></tr>\n'
        )
    return Markup("".join(rows))


def finding_rows(findings: Sequence[Any]) -> Markup:
    """The rows of a findings table (report.Finding), as the template wrote them one value at a
    time: a national report has about 60,000 of them."""
    rows = []
    for f in findings:
        cells = "<td>".join(html_value(_bdi(v)) for v in (f.title, f.criterion, f.message, f.hint, f.where))
        rows.append(
            f'<tr class="sev-{html_value(f.severity)}" data-kind="{html_value(f.kind)}">'
            f"<td>{html_value(f.severity_label)}<td>{cells}\n"
        )
    return Markup("".join(rows))


# --- formatting -------------------------------------------------------------------------------


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if math.isnan(value) else float(value)
    try:
        out = float(str(value).replace(",", "."))
    except ValueError:
        return None
    return None if math.isnan(out) else out


class Formatter:
    """Numbers of the report, all through messages.format_number: "1.234,5" and "−0,25" in
    Vietnamese, "1,234.5" and "−0.25" in English."""

    def __init__(self, lang: str, places: int, column_places: Callable[[str], int] | None = None) -> None:
        self.lang = lang
        self.comma = lang == "vi"
        self.places = places
        # Places per results column under a rounding policy per level (None: all at ``places``).
        self.column_places = column_places

    def column(self, value: Any, column: str) -> str:
        """A value of a results column at that column's places: the index at the index's places
        even when the items are not rounded."""
        return self.fixed(value, self.column_places(column) if self.column_places else None)

    def fixed(self, value: Any, places: int | None = None) -> str:
        """A decimal with a fixed number of places (totals, indices): 83,21."""
        x = _num(value)
        if x is None:
            return "–"
        return format_number(x, self.lang, self.places if places is None else places)

    def short(self, value: Any) -> str:
        """Item points with up to four places, trailing zeros dropped: 0,5 · 3,67 · 1."""
        x = _num(value)
        if x is None:
            return "–"
        return format_number(x, self.lang, 4, trim=True)

    def count(self, n: int) -> str:
        return format_number(n, self.lang)

    def losses(self, text: str) -> str:
        """The "most points lost" text of the results ("2.1 (−1.25), 1.1.4 (−1.00)", written with
        a decimal point whatever the language) with its points as the report's language writes
        them; the criterion ids stay as they are."""
        return _LOSS.sub(lambda m: f"({format_number(-float(m.group(1)), self.lang, 2)})", text)


def _sort_value(value: Any) -> str:
    x = _num(value)
    return "" if x is None else repr(round(x, 6))


def _fold(text: str) -> str:
    """A sort key for Vietnamese names that does not depend on the machine's locale."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_MARKS = re.compile("[\u0300-\u036f]")


def search_fold(text: str) -> str:
    """What the filter compares: ``text`` without accents (NFD, U+0300–U+036F dropped, đ → d) and
    lower-cased, exactly as the report's script folds what is typed (its ``fold``), so that the
    page can match a query against these strings as they are, without folding them again."""
    bare = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return bare.replace("đ", "d").replace("Đ", "d").lower()


def _colour(value: Any) -> str | None:
    return value if isinstance(value, str) and _COLOUR.match(value) else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _basename(path: str) -> str:
    """The file name only: the report names a file, not the folders of the machine that scored."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _heat(points: float | None, maximum: float | None) -> str:
    if points is None or not maximum or maximum <= 0:
        return ""
    share = points / maximum
    for bound, css, _ in HEAT_BUCKETS:
        if share >= bound:
            return css
    return "h0"  # pragma: no cover - the last bound is -inf


def _safe_json(data: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block: nothing in it can end the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _display_date(value: str | None, lang: str) -> str:
    """ISO dates as people write them (messages.format_date: 15/01/2024, 15 Jan 2024)."""
    return format_date(value, lang)
