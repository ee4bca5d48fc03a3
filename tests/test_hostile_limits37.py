"""What the cases of tests/hostile_limits37.py answer, and that ``pari diff`` matches renumbered
items as it did when every pair's likeness was computed (authoring.diff._match), now computing
difflib's ratio only for the pairs whose bound reaches TITLE_SIMILARITY."""

from __future__ import annotations

import difflib
import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from children import pari_child
from hostile_limits37 import CASES, EXPECTED, LISTINGS, NOT_WRITTEN, renumbered_sets
from hypothesis import given, settings
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.authoring import diff
from pari_index.criteria.loading import load_criteria
from pari_index.errors import IntakeError
from pari_index.outputs.results_checks import (
    ABOUT_MOST_ROWS,
    SPARE_LINES,
    check_about_before_parse,
    check_rows_before_parse,
    written_rows,
)

ROOT = Path(__file__).resolve().parents[1]

SWEPT = {name: case for name, case in CASES.items() if name not in LISTINGS}
(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(SWEPT, EXPECTED, NOT_WRITTEN)
EXPLAIN = {name: case for name, case in SWEPT.items() if name.startswith("explain")}
SCORE = {name: case for name, case in SWEPT.items() if not name.startswith("explain")}
words, test_each_explain_case_says_it_in_its_own_language = language_tests(EXPLAIN, EXPECTED, "explain")
_words, test_each_score_case_says_it_in_its_own_language = language_tests(SCORE, EXPECTED)


def _refused_rows(data: bytes, written: int | None) -> dict[str, object] | None:
    handle = io.BytesIO(data)
    try:
        check_rows_before_parse(Path("kq"), "summary", written, handle)
    except IntakeError as refused:
        (problem,) = refused.problems
        assert problem.code == "results-damaged" and problem.sheet == "summary"
        return problem.params
    assert handle.tell() == 0  # left where polars begins
    return None


def test_a_results_table_past_the_rows_written_is_refused_before_the_parse() -> None:
    """60 rows written: 60 read; line breaks past them, the heading's among them, up to
    SPARE_LINES not counted (15 lines ``0`` more); 16 counted, 76 rows; 40 line breaks in a
    quoted cell end no row; nothing recorded, nothing counted."""
    assert SPARE_LINES == 16
    table = b"commune_code,index\n" + b"00001,80\n" * 60
    assert _refused_rows(table, 60) is None
    assert _refused_rows(table + b"0\n" * 15, 60) is None  # (refused once parsed: check_whole)
    assert _refused_rows(table + b"0\n" * 16, 60) == {
        "results_problem": "rows_changed",
        "table": "summary",
        "found": 76,
        "written": 60,
    }
    quoted = b"commune_code,index\n" + b"00001,80\n" * 59 + b'00002,"8' + b"\n" * 40 + b'0"\n'
    assert _refused_rows(quoted, 60) is None
    assert _refused_rows(table + b"0\n" * 1_000, None) is None


def _refused_about(data: bytes) -> dict[str, object] | None:
    handle = io.BytesIO(data)
    try:
        check_about_before_parse(Path("kq"), handle)
    except IntakeError as refused:
        (problem,) = refused.problems
        assert problem.code == "results-damaged" and problem.sheet == "about"
        return problem.params
    assert handle.tell() == 0
    return None


def test_an_about_table_past_the_rows_pari_ever_writes_is_refused_before_the_parse() -> None:
    """An about table's rows are counted nowhere: ABOUT_MOST_ROWS bounds them (pari writes some
    45). Line breaks up to ABOUT_MOST_ROWS + SPARE_LINES not counted (its heading and 15 rows
    more, in LF or CRLF, with a BOM: parsed); past them, the rows counted: 1,016 refused; quoted
    line breaks and blank lines end no row (session 37's review)."""
    assert ABOUT_MOST_ROWS == 1_000
    about = b"\xef\xbb\xbfkey,value\n" + b"communes,60\n" * 1_000
    assert _refused_about(about) is None
    assert _refused_about(about + b"0\n" * 15) is None
    assert _refused_about(about.replace(b"\n", b"\r\n") + b"0\r\n" * 15) is None
    grown = {"results_problem": "about_grown", "table": "about", "found": 1_016, "most": 1_000}
    assert _refused_about(about + b"0\n" * 16) == grown
    assert _refused_about(about.replace(b"\n", b"\r\n") + b"0\r\n" * 16) == grown
    assert _refused_about(about[: -len(b"communes,60\n")] + b'x,"' + b"\n" * 5_000 + b'"\n' + b"\r\n" * 5_000) is None
    assert _refused_about(about + b"0\n" * 1_000_000) == {**grown, "found": 1_001_000}


def test_the_written_rows_are_those_of_the_about_table() -> None:
    about = {"communes": "60", "scored_items": "59", "findings_rows": "315", "input_rows": " 3908 "}
    assert written_rows(about) == {"summary": 60, "criteria": 3540, "findings": 315, "rows": 3908}
    assert written_rows({"communes": "sáu mươi"}) == {"summary": None, "criteria": None, "findings": None, "rows": None}


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED) and set(LISTINGS) <= set(CASES)


def test_a_diff_of_two_renumbered_sets_lists_every_item_moved(tmp_path: Path) -> None:
    """The listing of ``pari diff`` (a real child) and its table (``-o``): each of the 445 items
    moved, none removed nor added, no word of comparisons cut, the sets kept (at f7922a5: 116
    removed and as many added, and the cut said)."""
    case = "diff-of-two-renumbered-sets-of-445-items"
    args = CASES[case](tmp_path)
    status, _code, kept = EXPECTED[case]
    before = {name: (tmp_path / name).read_bytes() for name in kept}
    done = pari_child([*args, "-o", str(tmp_path / "bang.csv")], tmp_path, timeout=240)
    assert done.returncode == status and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.count(": chuyển chỗ / đổi số\n") == 445, done.stdout[-2000:]
    assert ": bỏ\n" not in done.stdout and ": thêm mới\n" not in done.stdout
    assert "ghép mục theo tên" not in done.stdout
    assert all((tmp_path / name).read_bytes() == data for name, data in before.items())
    table = (tmp_path / "bang.csv").read_text(encoding="utf-8-sig")
    assert table.count("chuyển chỗ / đổi số") == 445 and "thêm mới" not in table


def _ratio(a: Any, b: Any) -> float:
    x, y = a.title.vi[: diff.TITLE_CHARS], b.title.vi[: diff.TITLE_CHARS]
    return 1.0 if x == y else difflib.SequenceMatcher(None, x, y).ratio()


def _every_pair(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """The matching of f7922a5 with every pair's ratio computed (no bound, no budget)."""
    pairs = {i: i for i in old if i in new}
    fresh = [j for j in new if j not in old]
    stale = [k for k in old if k not in new]
    for i in [i for i in pairs if _ratio(old[i], new[i]) < diff.UNRELATED]:
        best = max(fresh, key=lambda j: _ratio(old[i], new[j]), default=None)
        if best is not None and _ratio(old[i], new[best]) >= diff.TITLE_SIMILARITY:
            pairs[i] = best
            fresh.remove(best)
            continue
        back = max(stale, key=lambda k: _ratio(old[k], new[i]), default=None)
        if back is not None and _ratio(old[back], new[i]) >= diff.TITLE_SIMILARITY:
            del pairs[i]
            pairs[back] = i
            stale.remove(back)
    free = [j for j in new if j not in pairs.values()]
    for i in [i for i in old if i not in pairs]:
        best_score, best_id = max(((_ratio(old[i], new[j]), j) for j in free), default=(0.0, ""))
        if best_score >= diff.TITLE_SIMILARITY and old[i].is_leaf == new[best_id].is_leaf:
            pairs[i] = best_id
            free.remove(best_id)
    return pairs


def _nodes(path: Path) -> dict[str, Any]:
    return {n.id: n for n in load_criteria(path).criteria.nodes()}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ha-noi-2025-commune.yaml", "hai-phong-2022-commune.yaml"),
        ("hai-phong-2022-commune.yaml", "ha-noi-2025-commune.yaml"),
    ],
)
def test_the_bundled_sets_are_matched_as_when_every_pair_was_compared(old: str, new: str) -> None:
    a, b = _nodes(ROOT / "criteria" / old), _nodes(ROOT / "criteria" / new)
    similar = diff._Similarity()
    assert diff._match(a, b, similar) == _every_pair(a, b)
    assert not similar.cut


def test_a_bundled_set_renumbered_is_matched_item_for_item() -> None:
    """Every id of the Hà Nội set given another number (``1.2`` → ``91.2``): each item is found
    again by its title, as when every pair was compared."""
    a = _nodes(ROOT / "criteria" / "ha-noi-2025-commune.yaml")
    b = {f"9{i}": n for i, n in a.items()}
    pairs = diff._match(a, b, diff._Similarity())
    assert pairs == _every_pair(a, b)
    assert sum(1 for i, j in pairs.items() if j == f"9{i}") >= len(a) - 5


def test_two_renumbered_sets_of_445_items_are_matched_without_running_out_of_comparisons(tmp_path: Path) -> None:
    """The case's sets: at f7922a5 the diff spent MAX_COMPARISONS and listed 116 items as removed
    and added again; now each is matched to its renumbered self, no pair's ratio computed twice
    and far fewer than the budget."""
    old_path, new_path = renumbered_sets(tmp_path)
    old, new = load_criteria(old_path).criteria, load_criteria(new_path).criteria
    changes = diff.diff_sets(old, new, "en")
    assert {c.what for c in changes} <= {"moved", "title"}
    moved = [c.item for c in changes if c.what == "moved"]
    assert len(moved) == 445
    assert all(
        f"{int(i.split('.')[0]) + 5}{i[i.index('.') :] if '.' in i else ''}" == j
        for i, j in (m.split(" → ") for m in moved)
    )
    similar = diff._Similarity()
    diff._match({n.id: n for n in old.nodes()}, {n.id: n for n in new.nodes()}, similar)
    assert 0 < similar.compared < diff.MAX_COMPARISONS // 10 and not similar.cut


def _titled(titles: list[str], start: int) -> dict[str, Any]:
    return {
        str(start + k): SimpleNamespace(title=SimpleNamespace(vi=t), is_leaf=k % 4 != 0) for k, t in enumerate(titles)
    }


TITLES = st.lists(st.text(alphabet="aăbcđ ", min_size=0, max_size=14), min_size=0, max_size=12)


@settings(deadline=None)
@given(TITLES, TITLES, st.integers(0, 6))
def test_any_titles_are_matched_as_when_every_pair_was_compared(a: list[str], b: list[str], shift: int) -> None:
    """Titles of a few letters (so that many pairs lie near TITLE_SIMILARITY and UNRELATED), the
    new ids overlapping the old by ``shift``: the same pairs as every pair's ratio chooses."""
    old, new = _titled(a, 0), _titled(b, len(a) - shift)
    assert diff._match(old, new, diff._Similarity()) == _every_pair(old, new)


@pytest.mark.parametrize(
    ("x", "y"), [("", ""), ("abc", ""), ("aab", "abb"), ("Xã phường", "phường xã"), ("ơơơ ư", "ơ ư ư")]
)
def test_the_bound_is_difflib_s_quick_ratio(x: str, y: str) -> None:
    """Exactly difflib's quick_ratio when the lengths allow the pair (real_quick_ratio at least
    UNRELATED), 0 otherwise; never below the ratio."""
    bound = diff._Similarity()._bound(x, y)
    matcher = difflib.SequenceMatcher(None, x, y)
    if matcher.real_quick_ratio() >= diff.UNRELATED:
        assert bound == matcher.quick_ratio() >= matcher.ratio()
    else:
        assert bound == 0.0
