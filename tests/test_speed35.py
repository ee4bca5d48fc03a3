"""Direct tests of the steps session 35 made cheaper (benchmarks/README.md, "Issue 15 after the
thirty-fifth session"): each gives what the form it replaced gave."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.errors import UsageError
from pari_index.intake import cell_types
from pari_index.intake.cell_types import parsed_once
from pari_index.intake.copied_rows import RowsSeen
from pari_index.intake.tones import _alike, alike_name
from pari_index.intake.values import parse_boolean, parse_date, parse_exact, parse_points, parse_status


def _seen(parts: list[list[tuple[int, int]]], files: int) -> RowsSeen:
    """A RowsSeen holding ``parts`` (each a list of (file number, row hash), a hash repeated as
    often as its row, as note keeps them) for ``files`` files named f0, f1, ..."""
    frames = [pl.DataFrame(part, schema={"_n": pl.UInt32, "_h": pl.UInt64}, orient="row") for part in parts if part]
    return RowsSeen(files, {f"f{i}": i for i in range(files)}, frames)


def _refused(seen: RowsSeen) -> list[tuple[str, str]] | None:
    """The (copy, file it repeats) pairs check refuses, or None when it refuses nothing."""
    try:
        seen.check()
    except UsageError as exc:
        return [(str(p.params["path"]), str(p.params["other"])) for p in exc.problems]
    return None


def _refused_by_full_comparison(parts: list[list[tuple[int, int]]], files: int) -> list[tuple[str, str]] | None:
    original = RowsSeen.each_has_its_own
    RowsSeen.each_has_its_own = lambda self: False  # type: ignore[method-assign]
    try:
        return _refused(_seen(parts, files))
    finally:
        RowsSeen.each_has_its_own = original  # type: ignore[method-assign]


def test_a_file_whose_rows_another_holds_is_refused_naming_that_file() -> None:
    big = [(0, h) for h in range(200)]
    copy = [(1, h) for h in range(50, 120)]
    assert _refused(_seen([big, copy], 2)) == [("f1", "f0")]


def test_rows_repeated_within_a_file_count_once() -> None:
    # f1 holds f0's two rows, each more often: the same rows, so the second file is the copy.
    seen = _seen([[(0, 1), (0, 1), (0, 1), (0, 2)], [(1, 1), (1, 2), (1, 2)]], 2)
    assert not seen.each_has_its_own()
    assert _refused(seen) == [("f1", "f0")]


def test_files_sharing_their_first_rows_but_not_all_are_not_copies() -> None:
    # The probes (the first 64 rows of each part) are all shared: the whole comparison decides.
    first = [(0, h) for h in range(100)] + [(0, 1000)]
    second = [(1, h) for h in range(100)] + [(1, 2000)]
    seen = _seen([first, second], 2)
    assert not seen.each_has_its_own()
    assert _refused(seen) is None


def test_a_copy_beyond_the_probes_is_still_refused() -> None:
    # f1's first rows are its own copy of f0's, and f0 has a row of its own only after the probes.
    first = [(0, h) for h in range(100)] + [(0, 5000)]
    second = [(1, h) for h in range(100)]
    assert _refused(_seen([first, second], 2)) == [("f1", "f0")]


def test_files_with_rows_of_their_own_are_told_apart_at_once() -> None:
    seen = _seen([[(0, 1), (0, 2)], [(1, 3), (1, 2)], [(2, 4)]], 3)
    assert seen.each_has_its_own()
    assert _refused(seen) is None
    assert seen.parts == []


@settings(max_examples=200)
@given(
    st.integers(min_value=2, max_value=4).flatmap(
        lambda files: st.tuples(
            st.just(files),
            st.lists(
                st.lists(
                    st.tuples(st.integers(0, files - 1), st.integers(0, 40)),
                    min_size=0,
                    max_size=150,
                ),
                min_size=1,
                max_size=4,
            ),
        )
    )
)
def test_check_refuses_what_the_whole_comparison_refuses(case: tuple[int, list[list[tuple[int, int]]]]) -> None:
    files, parts = case
    present = {n for part in parts for n, _ in part}
    if len(present) < files:  # every numbered file has rows (note numbers a file only then)
        parts = [*parts, [(n, 100 + n) for n in range(files) if n not in present]]
    expected = _refused_by_full_comparison(parts, files)
    seen = _seen(parts, files)
    if seen.each_has_its_own():
        assert expected is None
    assert _refused(_seen(parts, files)) == expected


PARSE_TEXTS = [
    "có",
    "không",
    "Có",
    "0,5",
    "1.5",
    "12",
    "04/06/2025",
    "2025-06-04",
    "31/02/2025",
    "kịp thời",
    "không kịp thời",
    "1e3",
    "abc",
    "",
    " 7 ",
    "70%",
    "0,5 điểm",
    "ngày 4 tháng 6 năm 2025",
]
PARSERS = [parse_exact, parse_boolean, parse_date, parse_status, parse_points]


@settings(max_examples=60)
@given(
    st.sampled_from(PARSERS),
    st.lists(st.lists(st.one_of(st.none(), st.sampled_from(PARSE_TEXTS)), max_size=12), min_size=1, max_size=4),
)
def test_parsed_once_gives_each_batch_what_its_parser_gives(
    parser: Callable[[pl.Expr], pl.Expr], batches: list[list[str | None]]
) -> None:
    # Batches one after another, each with texts seen before and new ones: the texts kept from
    # the batches before give each text what parsing it afresh gives.
    for texts in batches:
        frame = pl.DataFrame({"v": texts}, schema={"v": pl.String})
        got = frame.select(parsed_once(frame, "v", parser)).to_series()
        expected = frame.select(parser(pl.col("v"))).to_series()
        assert got.dtype == expected.dtype
        assert got.to_list() == expected.to_list()


def test_parsed_once_keeps_its_texts_up_to_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cell_types, "_PARSED", {})
    monkeypatch.setattr(cell_types, "PARSED_KEPT", 3)
    first = pl.DataFrame({"v": ["1", "2", "2", None]})
    assert first.select(parsed_once(first, "v", parse_exact)).to_series().to_list() == [
        10**14,
        2 * 10**14,
        2 * 10**14,
        None,
    ]
    assert sorted(cell_types._PARSED[parse_exact].get_column("_text").to_list()) == ["1", "2"]
    second = pl.DataFrame({"v": ["3", "4", "1"]})  # 4 texts in all: more than kept
    assert second.select(parsed_once(second, "v", parse_exact)).to_series().to_list() == [
        3 * 10**14,
        4 * 10**14,
        10**14,
    ]
    assert sorted(cell_types._PARSED[parse_exact].get_column("_text").to_list()) == ["1", "2"]


NAMES = [
    "Huyện Ba Vì",
    "huyện  Ba Vì ",
    "HUYỆN BA VÌ",
    "Huyện Ba Vi",
    "TP. Hà Nội",
    "Thành phố Hà Nội",
    "Q.Ba Đình",
    "Thị xã Kỳ Anh",
    "Thị xã Kì Anh",
    "Thuỷ Nguyên",
    "Thủy Nguyên",
    "Ba\u200bVì",
    "",
]


@settings(max_examples=60)
@given(st.lists(st.one_of(st.none(), st.sampled_from(NAMES)), max_size=30))
def test_alike_name_gives_each_name_what_the_expressions_give_it(names: list[str | None]) -> None:
    frame = pl.DataFrame({"n": names}, schema={"n": pl.String})
    got = frame.select(alike_name(pl.col("n")).alias("a"))
    assert got.get_column("a").to_list() == frame.select(_alike(pl.col("n"))).to_series().to_list()
    assert got.schema["a"] == pl.String


def test_alike_name_of_one_name_and_in_a_filter() -> None:
    assert pl.select(alike_name(pl.lit("TP.  Hà Nội"))).item() == "thành phố hà nội"
    frame = pl.DataFrame({"n": ["Huyện Ba Vì", "HUYỆN BA VÌ", "Huyện Ba Vi", None]})
    # («vì» is compared as «vỳ»: i written y where it may be.)
    assert frame.filter(alike_name(pl.col("n")) == "huyện ba vỳ").get_column("n").to_list() == [
        "Huyện Ba Vì",
        "HUYỆN BA VÌ",
    ]
