"""Direct tests of the steps session 35 made cheaper (benchmarks/README.md, "Issue 15 after the
thirty-fifth session"): each gives what the form it replaced gave."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.errors import UsageError
from pari_index.intake.copied_rows import RowsSeen


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
