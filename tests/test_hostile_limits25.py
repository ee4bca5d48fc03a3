"""What the cases of tests/hostile_limits25.py answer: a report repeats a set's titles cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from children import answers_its_case
from hostile_limits25 import CASES, EXPECTED, LONG_TITLED, LONG_TITLES
from language_leaks import data_text, leaks, visible_text, vocabulary

from pari_index.outputs.report_items import MAX_REPEATED_TITLE_CHARS


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize(("lang", "length"), [("vi", "(99.000 ký tự)"), ("en", "(99,000 characters)")])
def test_a_report_gives_a_long_title_whole_once_and_cut_where_it_repeats_it(
    tmp_path: Path, lang: str, length: str
) -> None:
    """Five items titled with 99,000 characters: the method section gives each whole, once; each
    unit's items give its first 500 characters and its length, in the report's language. The page
    was 65 MB (48 units × the titles), now about 2 MB."""
    args = [*CASES["report-of-long-item-titles"](tmp_path), "--lang", lang]
    said = answers_its_case(args, tmp_path, EXPECTED["report-of-long-item-titles"])
    page = (tmp_path / "bao-cao.html").read_text(encoding="utf-8")
    title = LONG_TITLES[lang]
    assert page.count(title) == LONG_TITLED  # the five items' (one title), each once
    cut = f"{title[:MAX_REPEATED_TITLE_CHARS]}… {length}"
    # Each of the 48 submitting units lists the five items, cut (and maybe its largest losses).
    assert page.count(cut) >= 48 * LONG_TITLED
    assert len(page) < 4_000_000
    assert sum(page.count(t) for t in LONG_TITLES.values() if t != title) == 0
    assert leaks(said, lang, vocabulary(data_text()), "score") == [], said
    assert leaks(visible_text(page[:200_000]), lang, vocabulary(data_text()), "report") == []
