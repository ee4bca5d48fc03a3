"""What the cases of tests/hostile_limits32.py answer, and that a table's headings, however long,
never go whole into a polars plan of an expression a column, nor are matched a character at a
time again and again: the headings keyed once and the note in brackets found from the end give
what the old ways gave, and the summary's digest is the same."""

from __future__ import annotations

import csv
import hashlib
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from children import pari_child
from hostile_limits32 import CASES, EXPECTED, LONG_SAYING, NOT_WRITTEN, long_headings
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index import errors
from pari_index.intake import sheet as sheet_module
from pari_index.intake.appraisal import APPRAISAL_ALIASES
from pari_index.intake.appraisal_columns import unread_columns
from pari_index.intake.sheet import FILE, ROW, SHEET, heading_key, without_unit
from pari_index.intake.tables import HEADING, read_with_columns
from pari_index.intake.tones import y_for_i_bare
from pari_index.outputs import results_digest
from pari_index.outputs.files import neutralise_formulas
from pari_index.outputs.workbook import _sheet_rows, _widths

SAID_BRIEFLY = {name: case for name, case in CASES.items() if name not in LONG_SAYING}
(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(
    SAID_BRIEFLY, EXPECTED, NOT_WRITTEN
)
words, test_each_case_says_it_in_its_own_language = language_tests(SAID_BRIEFLY, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED) and set(LONG_SAYING) <= set(CASES)


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("survey-of-2000-long-headings", 2_000),
        ("headings-of-many-brackets", 150),
        ("workbook-of-1900-long-headings", 1_900),
    ],
)
def test_each_long_heading_is_told_in_the_findings(tmp_path: Path, name: str, columns: int) -> None:
    """The cases whose console says more than a sweep allows: every column not read is a finding
    of the results, and the console says the first of them."""
    done = pari_child(CASES[name](tmp_path), tmp_path, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == EXPECTED[name][0], said[:2_000]
    assert "Traceback" not in said and "[unknown-column]" in said, said[:2_000]
    with (tmp_path / "ket-qua" / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        found = list(csv.DictReader(handle))
    listed = [row for row in found if row["kind"] == "unknown-column"]
    folded = [json.loads(row["params"]) for row in found if row["kind"] == "findings-folded"]
    # Past 1,000 of a kind in one file the rest are one finding that counts them (intake.folding).
    assert len(listed) + sum(p["count"] for p in folded if p["folded_kind"] == "unknown-column") == columns
    assert len(listed) == min(columns, 1_000)


# --- the headings matched as before ---------------------------------------------------------------


def _key_a_character_at_a_time(name: str) -> str:
    """sheet.heading_key as it was until session 32 (with session 35's numbering and punctuation)."""
    text = unicodedata.normalize("NFD", name.casefold().replace("đ", "d"))
    bare = "".join(c for c in text if not unicodedata.combining(c))
    words = sheet_module._NOT_WORD.sub(" ", sheet_module._NUMBERED.sub("", bare))
    return y_for_i_bare(" ".join(words.split()))


_LETTERS = "aAiIyYđĐßx _-\t\u00a0\u3000ếỆươ\u0301\u0323\u0300ﬁİ(1.)*:"


@given(st.text(alphabet=_LETTERS, max_size=30))
def test_a_heading_s_key_is_the_one_keyed_a_character_at_a_time(name: str) -> None:
    assert heading_key(name) == _key_a_character_at_a_time(name)


@given(st.text(alphabet=" \t\n\u3000a(b)[]（）x\u0301", max_size=30))
def test_a_heading_s_note_in_brackets_is_what_the_pattern_took_off(column: str) -> None:
    assert without_unit(column) == sheet_module._UNIT_AFTER.sub("", column)


def test_the_notes_in_brackets_of_the_officials_headings() -> None:
    assert without_unit("Điểm tự chấm (điểm)") == "Điểm tự chấm"
    assert without_unit("Giá trị [số liệu]  ") == "Giá trị"
    assert without_unit("Value (%) (x)") == "Value (%)"
    assert without_unit("Ghi chú (nếu (có))") == "Ghi chú (nếu (có))"
    assert without_unit("a0 " + "( " * 15_000) == "a0 " + "( " * 15_000


def _shown_a_character_at_a_time(text: str) -> str:
    """errors.visible as it was until session 32, past its fast path."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in errors._UNSEEN else c for c in text)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_a_quoted_text_shows_what_it_showed_a_character_at_a_time(text: str) -> None:
    assert errors.visible(text) == _shown_a_character_at_a_time(text)


# --- no plan over a frame of long headings --------------------------------------------------------


@pytest.fixture
def planned_names(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The characters of the column names of every data frame made lazy (each eager polars call
    with expressions makes its frame lazy: the plan copies those names for each expression)."""
    sizes: list[int] = []
    lazy = pl.DataFrame.lazy

    def recorded(frame: pl.DataFrame) -> pl.LazyFrame:
        sizes.append(sum(map(len, frame.columns)))
        return lazy(frame)

    monkeypatch.setattr(pl.DataFrame, "lazy", recorded)
    yield sizes


#: Headings of 1,000 letters each, 300 of them: 300,000 characters of names in all.
HEADINGS = long_headings(300, 1_000)


def _one_heading_at_most(sizes: list[int]) -> bool:
    return bool(sizes) and max(sizes) < 3 * 1_000 + 200


def test_an_appraisal_s_columns_not_read_are_looked_at_one_by_one(tmp_path: Path, planned_names: list[int]) -> None:
    path = tmp_path / "tham-dinh.csv"
    rows = [["commune_code", "criterion_id", "score", *HEADINGS], ["00001", "1.1.1", "1", "x", *[""] * 299]]
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    frame, problems = read_with_columns(path, APPRAISAL_ALIASES, ["commune_code"], "appraisal", "")
    assert problems == [] and frame[HEADING + HEADINGS[0]].to_list() == [HEADINGS[0]]
    planned_names.clear()
    told = unread_columns(frame, APPRAISAL_ALIASES.values())
    assert [p.code for p in told] == ["unknown-column"] and HEADINGS[0][:100] in told[0].message
    assert _one_heading_at_most(planned_names), max(planned_names)


def _summary() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "code": ["00001", "00002", None],
            "branch": ["level:2", "=SUM(A1)", "x"],
            "index": [1.5, 2.25, None],
            **{heading: ["=1+1", "\r\n-2", None] for heading in HEADINGS},
            "=cmd": ["+a", "b", "c"],
        }
    )


def test_a_summary_of_long_headings_is_neutralised_series_by_series(planned_names: list[int]) -> None:
    frame = _summary()
    eager = neutralise_formulas(frame)
    assert _one_heading_at_most(planned_names) or planned_names == [], planned_names[:5]
    assert eager.equals(neutralise_formulas(frame.lazy()).collect())
    assert eager[HEADINGS[0]].to_list() == ["'=1+1", "'\r\n-2", None] and "'=cmd" in eager.columns


def _digest_by_names(frame: pl.DataFrame) -> str:
    """results_digest.table_digest as it was until session 32: a plan over the frame's own names."""
    digest = hashlib.sha256()
    digest.update(("\x1f".join(results_digest._header(n) for n in frame.columns) + "\x1e").encode("utf-8"))
    for chunk in results_digest._chunks(frame):
        rewrite = results_digest._rewritten(chunk)
        cells = [results_digest._canonical(n, d, n in rewrite or d != pl.String) for n, d in chunk.schema.items()]
        row = pl.concat_str(cells, separator="\x1f") + pl.lit("\x1e")
        digest.update(chunk.select(row.str.join("")).item().encode("utf-8"))
    return digest.hexdigest()


def test_a_summary_of_long_headings_is_digested_as_before_under_short_names(planned_names: list[int]) -> None:
    frame = neutralise_formulas(_summary())
    planned_names.clear()
    digest = results_digest.table_digest(frame)
    assert _one_heading_at_most(planned_names), max(planned_names)
    assert digest == _digest_by_names(frame) == results_digest.table_digest(frame.lazy())


def test_a_summary_of_long_headings_is_written_to_a_sheet_under_short_names(planned_names: list[int]) -> None:
    frame = neutralise_formulas(_summary())
    planned_names.clear()
    rows = b"".join(_sheet_rows(frame))
    widths = _widths(frame)
    assert _one_heading_at_most(planned_names), max(planned_names)
    assert rows.count(b"<row ") == 3 and b"&#13;" in rows and widths.count("<col ") == frame.width


def test_the_places_of_an_appraisal_are_its_own_columns() -> None:
    """unread_columns builds a frame of the places and the column: they are the stacked frame's."""
    frame = pl.DataFrame({FILE: ["f"], SHEET: [None], ROW: [2], "ghi": ["x"], HEADING + "ghi": ["Ghi"]})
    told = unread_columns(frame, [])
    assert [(p.code, p.file, p.field) for p in told] == [("unknown-column", "f", "Ghi")]


@pytest.mark.parametrize("kept", ["_heading_key", "_without_unit"])
def test_the_headings_kept_keyed_hold_a_bounded_number_of_letters(monkeypatch: pytest.MonkeyPatch, kept: str) -> None:
    """Keyed headings were kept by count (lru_cache, 65,536 of any length, for good): 250 headings
    of 19,000 letters kept 29 MB after the run, and a program of the library's reading such files
    one after another would have kept up to 3.7 GB. Now at most so many letters (here 100,000 for
    the test's sake), the answers the same."""
    keyed = getattr(sheet_module, kept)
    monkeypatch.setattr(keyed, "most", 100_000)
    monkeypatch.setattr(keyed, "kept", {})
    monkeypatch.setattr(keyed, "letters", 0)
    headings = [f"{i} Tên đơn vị " + "ộ" * 30_000 + " (%)" for i in range(20)]
    answers = [keyed(h) for h in headings] + [keyed(h) for h in headings]
    assert answers[:20] == answers[20:] == [keyed.function(h) for h in headings]
    assert 0 < keyed.letters <= 100_000 and sum(map(len, keyed.kept)) == keyed.letters
