"""``pari criteria import``: a draft criteria set from an annex table.

The hierarchy comes from the numbering (1, 1.1, 1.1.1; Roman numerals for areas; a), b) under a
numbered item), the maxima from the points column, the rules from the method column
(:mod:`.recognise`), the evidence from its column. What the export's cover sheets hold (decision,
scale, parts, classes, provenance) is taken from them when present.

Nothing is guessed: every cell that cannot be read becomes a ``todo:`` in the draft that quotes the
cell and its row, and ``pari validate`` refuses the draft until each one is resolved.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pari_index.authoring.cover import Cover, read_cover, scale_of
from pari_index.authoring.notes import Note, note
from pari_index.authoring.parse import BULLETS, parse_number, plain_text, points_in_thousands
from pari_index.authoring.recognise import read_method
from pari_index.authoring.workbook_in import AnnexBook, AnnexRow, read_annex
from pari_index.criteria.file_text import max_file_bytes
from pari_index.criteria.loading import max_items
from pari_index.errors import CriteriaError, Problem, shown_path
from pari_index.messages.criteria_words import rule_kind_text
from pari_index.outputs.workbook import CUT_MARKS

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_ADJUSTMENT_TITLE = re.compile(r"điểm\s+thưởng|điểm\s+trừ|cộng\s+điểm|thưởng,\s*phạt", re.IGNORECASE)
_SURVEY_TITLE = re.compile(r"hài\s+lòng|điều\s+tra\s+xã\s+hội\s+học|khảo\s+sát", re.IGNORECASE)
# A run of spaces is entered at its first space only (?<!\s), and taken whole (\s*+): tried from
# every space, 30,000 spaces in an evidence cell took seconds (tests/hostile_faults12.py).
_FIELD_WORD = r"(?:số|ngày|tệp|number|date|file)"
_REQUIRES = re.compile(rf"(?<!\s)\s*+\(({_FIELD_WORD}(?:\s*,\s*{_FIELD_WORD})*)\)\s*$")
_FIELD = {"số": "number", "ngày": "date", "tệp": "file", "number": "number", "date": "date", "file": "file"}
QUOTE = 160
#: Input labels the reader gives when the method does not name what is measured: the item's title
#: says it better.
PLACEHOLDER_LABELS = {"Giá trị", "Số lần"}


@dataclass
class Draft:
    """A drafted set: the document to write as YAML, and what was recognised or left to do."""

    document: dict[str, Any]
    todos: list[str] = field(default_factory=list)  # every note, for the console
    set_todos: list[str] = field(default_factory=list)  # notes about the set as a whole
    kinds: dict[str, str] = field(default_factory=dict)  # leaf id -> rule kind recognised
    problems: list[Problem] = field(default_factory=list)  # from reading the workbook


def quoted(text: str) -> str:
    one_line = " ⏎ ".join(part.strip() for part in text.splitlines() if part.strip())
    return "«" + (one_line if len(one_line) <= QUOTE else one_line[:QUOTE] + "…") + "»"


def number_text(written: str | None) -> str:
    """An STT cell as its number reads: compatibility forms folded (Word's «Ⅱ» is II, a CJK
    input method's «１．２» is 1.2) and invisible characters (a zero-width space pasted from a
    web page) dropped, then the spaces and the closing dot around it."""
    folded = unicodedata.normalize("NFKC", written or "")
    return "".join(c for c in folded if unicodedata.category(c) != "Cf").strip().rstrip(".").strip()


def roman(text: str) -> int | None:
    if not re.fullmatch(r"[IVXL]+", text):
        return None
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN[char]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


class _Tree:
    """Rows placed in the hierarchy by their numbers."""

    def __init__(self, book: AnnexBook, draft: Draft, lang: str) -> None:
        self.book, self.draft, self.lang = book, draft, lang
        self.areas: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}
        self.rows: dict[str, AnnexRow] = {}
        self.roman = any(roman(number_text(r.number)) for r in book.rows)
        self.area: str | None = None
        self.last_numbered: str | None = None
        self.loose: list[str] = []  # notes about rows that are no item

    def todo(self, row: AnnexRow, column: str, text: str | None, reason: Note, loose: bool = False) -> str:
        header = self.book.columns.get(column, column)
        cell = Note("cell", {"row": row.row, "column": header, "quote": quoted(text or ""), "reason": reason})
        written = cell.text(self.lang)
        (self.loose if loose else self.draft.todos).append(written)
        return written

    def node_id(self, row: AnnexRow) -> str | None:
        number = number_text(row.number)
        as_roman = roman(number)
        if as_roman is not None:
            self.area = str(as_roman)
            return self.area
        # A number with letters after its first dot («1.b», «2.1.a») is an id as `pari criteria
        # export` writes it: until session 40 such a row was «unreadable number», left out of the
        # draft, and a valid set with letter ids did not come back from its own annex.
        if re.fullmatch(r"\d+(\.[0-9A-Za-z]+)*", number):
            return f"{self.area}.{number}" if self.roman and self.area else number
        letter = re.fullmatch(r"([a-zđ])\)?", number)
        if letter and self.last_numbered:
            return f"{self.last_numbered}.{letter.group(1).replace('đ', 'dd')}"
        return None

    def place(self, row: AnnexRow) -> None:
        node_id = self.node_id(row)
        if node_id is None:
            if row.number or not re.match(r"(?i)^(tổng|total)", row.title or ""):
                self.todo(row, "number", row.number or row.title, Note("number"), loose=True)
            return
        if node_id in self.by_id:
            self.todo(row, "number", row.number, note("number-twice", id=node_id), loose=True)
            return
        if not re.fullmatch(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*", node_id):
            self.todo(row, "number", row.number, Note("number"), loose=True)
            return
        node: dict[str, Any] = {"id": node_id, "title": row.title or ""}
        if not row.title:
            node["todo"] = self.todo(row, "title", row.title, Note("no-title"))
        elif row.title.endswith(tuple(CUT_MARKS.values())):  # cut by an annex's writer (export.long_cells)
            node["todo"] = self.todo(row, "title", row.title[-200:], Note("cut-cell"))
        parent_id = node_id.rsplit(".", 1)[0] if "." in node_id else None
        if parent_id is None:
            self.areas.append(node)
        elif parent_id in self.by_id:
            self.by_id[parent_id].setdefault("children", []).append(node)
        else:
            node["todo"] = self.todo(row, "number", row.number, note("no-parent", id=parent_id))
            self.areas.append(node)
        if not re.fullmatch(r"[a-z]|dd", node_id.rsplit(".", 1)[-1]):
            self.last_numbered = node_id
        self.by_id[node_id] = node
        self.rows[node_id] = row


#: The unit after a maximum («2 điểm», «1đ.», «3 points»), at the very end of the stripped text.
_UNIT_AT_END = re.compile(r"(?i)(?:điểm|đ|points?)\.?$")


def _without_unit(text: str) -> str:
    """``text`` without the unit at its end nor the spaces before it. The unit is looked for
    alone and the spaces stripped after: a pattern beginning with the spaces (``\\s*điểm$``) was
    tried at each of them, and a points cell of 16,000 spaces and line breaks between two letters
    took 25 CPU s in ``pari criteria import`` (quadratic; limits31)."""
    text = text.strip()
    unit = _UNIT_AT_END.search(text)
    return text if unit is None else text[: unit.start()].rstrip()


def points_of(text: str | None) -> Decimal | None:
    if text is None:
        return None
    return parse_number(_without_unit(plain_text(text)))


#: A line that is a list: it starts with a bullet or a number («- …», «1) …»); only such a line is
#: split at «; - », «; 2) » («Báo cáo theo các biểu: 1) Biểu 01; 2) Biểu 02» is one document).
_LIST_MARK = re.compile(r"\s*(?:[" + re.escape(BULLETS) + r"]|\d{1,2}[.)])\s")
_LISTED_ON_ONE_LINE = re.compile(r"\s*;\s*(?=[" + re.escape(BULLETS) + r"]\s|\d{1,2}[.)]\s)")


def evidence_of(text: str | None) -> list[dict[str, Any]]:
    """One document per line, with "(số, ngày, tệp)" naming what it must show."""
    documents: list[dict[str, Any]] = []
    # Documents listed on one line, each after a bullet or a number («- Quyết định; - Báo cáo»,
    # «1) Kế hoạch; 2) Báo cáo»), are one per line as printed: until session 30 they were one
    # document, so a form asked for one where the decision requires two.
    lines = [
        _LISTED_ON_ONE_LINE.sub("\n", line) if _LIST_MARK.match(line) else line
        for line in plain_text(text or "").split("\n")
    ]
    for line in "\n".join(lines).split("\n"):
        label = re.sub(r"^\d{1,2}[.)]\s+", "", line.strip().lstrip(BULLETS).strip()).rstrip(".;").strip()
        if not label:
            continue
        spec: dict[str, Any] = {"id": f"doc_{len(documents) + 1}"}
        fields = _REQUIRES.search(label)
        if fields:
            label = label[: fields.start()].strip()
            spec["requires"] = [_FIELD[f.strip()] for f in fields.group(1).split(",")]
        spec["label"] = label
        documents.append(spec)
    return documents


def _title_as_label(spec: dict[str, Any], title: str | dict[str, str]) -> None:
    """The item's title as an input's label. A title the provenance sheet gives in both languages
    (``{vi, en}``) is the label and its ``label_en``: the whole mapping as the label made a draft
    that pari validate refused with "label: Input should be a valid string" (session 30)."""
    if isinstance(title, dict):
        spec["label"] = title["vi"]
        if title.get("en"):
            spec["label_en"] = title["en"]
    else:
        spec["label"] = title


class _Filler:
    """Maxima, parts, rules and evidence of the placed items."""

    def __init__(self, tree: _Tree, cover: Cover) -> None:
        self.tree, self.cover = tree, cover

    def part_of(self, node: dict[str, Any], depth: int) -> str | None:
        info = self.cover.items.get(node["id"])
        if info is not None and info.part is not None:
            return info.part.value
        if depth == 0 and not self.cover.items:
            if _ADJUSTMENT_TITLE.search(node["title"]):
                return "adjustment"
            if _SURVEY_TITLE.search(node["title"]):
                return "survey"
        return None

    def fill(self, node: dict[str, Any], part: str, depth: int = 0) -> dict[str, Any]:
        row = self.tree.rows[node["id"]]
        own_part = self.part_of(node, depth)
        part = own_part or part
        maximum = points_of(row.points)
        thousands = points_in_thousands(_without_unit(row.points)) if row.points else None
        out: dict[str, Any] = {"id": node["id"], "title": node["title"], "max": None if thousands else maximum}
        if thousands:
            out["todo"] = self.tree.todo(row, "points", row.points, note("points-thousands", **thousands))
        elif row.points and maximum is None:
            out["todo"] = self.tree.todo(row, "points", row.points, Note("bad-max"))
        if own_part:
            out["part"] = own_part
        self.provenance(out)
        if "children" in node:
            out["children"] = [self.fill(child, part, depth + 1) for child in node["children"]]
            if maximum is None and "todo" not in out:
                out["max"] = sum((c["max"] for c in out["children"] if isinstance(c["max"], Decimal)), Decimal(0))
        else:
            self.leaf(out, row, part)
        if "todo" in node:
            out["todo"] = node["todo"]
        return out

    def provenance(self, out: dict[str, Any]) -> None:
        info = self.cover.items.get(out["id"])
        if info is None:
            return
        if info.title_en:
            out["title"] = {"vi": out["title"], "en": info.title_en}
        for key in ("provenance", "source", "guidance", "printed_mismatch"):
            value = getattr(info, key)
            if value is not None:
                out[key] = value.value if key == "provenance" else value

    def leaf(self, out: dict[str, Any], row: AnnexRow, part: str) -> None:
        reading = read_method(row.method or "", out["max"], adjustment=part == "adjustment")
        if out["max"] is None and "cap" in reading.extras and "todo" not in out:
            out["max"] = reading.extras["cap"]  # no points printed: the cap is the maximum
        elif out["max"] is None and "todo" not in out:
            out["todo"] = self.tree.todo(row, "points", row.points, Note("no-max"))
        if reading.rule is None:
            reason = note("method", reason=reading.todo or Note("empty"))
            written = self.tree.todo(row, "method", row.method, reason)
            out["todo"] = [out["todo"], written] if "todo" in out else written
        else:
            for spec in reading.inputs.values():
                if spec.get("label") in PLACEHOLDER_LABELS:
                    _title_as_label(spec, out["title"])
            out["inputs"] = reading.inputs
            out["rule"] = reading.rule
            self.tree.draft.kinds[out["id"]] = str(reading.rule["kind"])
        out["evidence"] = evidence_of(row.evidence)
        for key in ("applies_to", "not_applicable", "floor"):
            if key in reading.extras:
                out[key] = reading.extras[key]


def _particulars(cover: Cover, areas: list[dict[str, Any]], file: str, draft: Draft, lang: str) -> dict[str, Any]:
    """The set's particulars: from the cover sheet, or placeholders with a todo each."""
    totals = scale_of(areas)
    if cover.particulars:
        head = dict(cover.particulars)
    else:
        stem = re.sub(r"[^a-z0-9]+", "-", Path(file).stem.lower()).strip("-") or "draft"
        head = {
            "id": stem if stem[0].isalnum() else f"draft-{stem}",
            "title": None,
            "year": None,
            "province": None,
            "issuer": None,
            "decision": {"number": None, "date": None},
            "scale": sum(totals.values(), Decimal(0)),
            "parts": {"appraised": totals.get("appraised", Decimal(0)), "survey": totals.get("survey", Decimal(0))},
            "ranking": {"within": None},
        }
        draft.set_todos.append(Note("no-cover").text(lang))
    if cover.classes:
        head["classes"] = cover.classes
    else:
        head["classes"] = None
        draft.set_todos.append(Note("no-classes").text(lang))
    return head


def _check_item_count(book: AnnexBook) -> None:
    """An annex with more numbered rows than a set may have items (``max_items``, the limit
    ``pari validate`` and scoring hold a set to) is refused before it is drafted: a 1.6 MB annex of
    60,000 rows took 40 s and 880 MB, most of it writing a draft that validation then refused."""
    limit = max_items()
    numbered = [row for row in book.rows if row.number]
    if len(numbered) <= limit:
        return
    raise CriteriaError(
        Problem(
            "too-many-items",
            f"the set has more than {limit:,} areas, criteria and sub-criteria (real sets have 60 to 200); this is"
            " the first one past the limit",
            file=book.file,
            sheet=book.sheet,
            row=numbered[limit].row,
            hint="split the set, or raise the limit with PARI_MAX_CRITERIA_ITEMS (docs/limits.md)",
            params={"limit": limit},
        )
    )


def _check_annex_text(book: AnnexBook) -> None:
    """An annex whose table holds more text than a criteria file may (``max_file_bytes``, the
    limit ``pari validate`` and scoring read a set within) is refused before any method is read:
    its draft carries the titles, the evidence and each method it cannot read as written, and
    recognising a method costs in its length. A 0.1 MB annex of 490 items whose
    methods were 32,000 characters each (repeated, so the workbook's shared strings shrank them)
    took 12 CPU s, 800 clauses a method recognised and a 22 MB draft written by PyYAML; 150,000
    note rows under 445 items (2 MB) 8 CPU s and a draft of 14 MB, each refused by validate."""
    limit = max_file_bytes()
    size = 0
    for row in book.rows:
        for text in (row.number, row.title, row.points, row.method, row.evidence):
            size += len(text.encode("utf-8", "surrogatepass")) if text else 0
        if size > limit:
            raise CriteriaError(
                Problem(
                    "annex-too-large",
                    f"the annex's table holds more than {limit:,} bytes of text by this row, more than a criteria "
                    "file may hold (real annexes hold about 50 KB); no draft was written",
                    file=book.file,
                    sheet=book.sheet,
                    row=row.row,
                    hint="check that this is the decision's annex table (delete notes or rows below it), or raise "
                    "the limit with PARI_MAX_CRITERIA_BYTES (docs/limits.md)",
                    params={"limit": limit},
                )
            )


def import_annex(path: Path, file: str | None = None, lang: str = "vi") -> Draft:
    """Draft a criteria set from the annex workbook at ``path``; its todo notes in ``lang``."""
    label = file or str(path)
    book = read_annex(path, label)
    _check_item_count(book)
    _check_annex_text(book)
    draft = Draft(document={}, problems=list(book.problems))
    tree = _Tree(book, draft, lang)
    for row in book.rows:
        tree.place(row)
    cover = read_cover(book)
    filler = _Filler(tree, cover)
    areas = [filler.fill(area, "appraised") for area in tree.areas]
    document = _particulars(cover, areas, label, draft, lang)
    document["areas"] = areas
    draft.set_todos += tree.loose
    draft.todos += draft.set_todos
    draft.document = {"todo": list(draft.set_todos), **document} if draft.set_todos else document
    return draft


SUMMARY = {
    "vi": {
        "wrote": "Đã ghi {path}: {items} mục, {rules} quy tắc nhận ra ({kinds}).",
        "todo": "{n} mục cần xử lý (todo:), pari validate sẽ từ chối bản dự thảo đến khi giải quyết hết:",
        "clean": "Không có todo: chạy pari validate {path} để kiểm tra bản dự thảo.",
    },
    "en": {
        "wrote": "Wrote {path}: {items} items, {rules} rules recognised ({kinds}).",
        "todo": "{n} todo notes; pari validate refuses the draft until each is resolved:",
        "clean": "No todo notes: run pari validate {path} to check the draft.",
    },
}


def import_summary(draft: Draft, path: Path, lang: str = "vi") -> str:
    """What the import did, for the console: items, rules recognised by kind, every todo."""
    words = SUMMARY.get(lang, SUMMARY["vi"])
    counts: dict[str, int] = {}
    for kind in draft.kinds.values():
        counts[kind] = counts.get(kind, 0) + 1
    kinds = ", ".join(f"{rule_kind_text(kind, lang)}: {n}" for kind, n in sorted(counts.items())) or "-"
    items = sum(1 for _ in _walk(draft.document.get("areas") or []))
    lines = [words["wrote"].format(path=shown_path(path), items=items, rules=len(draft.kinds), kinds=kinds)]
    if draft.todos:
        lines.append(words["todo"].format(n=len(draft.todos)))
        lines += [f"  - {note}" for note in draft.todos]
    else:
        lines.append(words["clean"].format(path=shown_path(path)))
    return "\n".join(lines)


def _walk(nodes: list[dict[str, Any]]) -> Any:
    for node in nodes:
        yield node
        yield from _walk(node.get("children") or [])


__all__ = ["Draft", "evidence_of", "import_annex", "import_summary", "points_of", "roman"]
