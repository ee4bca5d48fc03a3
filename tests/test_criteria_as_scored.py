"""A batched run writing Parquet has its criteria table encoded as the batches are scored
(pari_index.outputs.parquet_patch.GroupsAsScored, fed by the detail store's writer thread):
the very bytes of the table written whole from the spilled detail, or, when that cannot be
done, the table written whole as before. CSV, workbooks and library runs make none."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_batches import BUNDLED, DATE, shuffled_copy
from test_parquet_patch import _table

from pari_index.demo import generate
from pari_index.outputs.parquet_patch import GroupsAsScored, encode_alone
from pari_index.outputs.results import criteria_shown
from pari_index.pipeline import run_score
from pari_index.scoring import batches
from pari_index.scoring.batches import DetailStore

GROUP = 400


def _shown(frame: pl.DataFrame) -> pl.DataFrame:
    """A batch as written: one column changed, as display_frame changes the points."""
    return frame.with_columns((pl.col("points") / 100).round(4))


def _fed(frame: pl.DataFrame, sizes: list[int]) -> bytes | None:
    made = GroupsAsScored(_shown, GROUP)
    start = 0
    for size in sizes:
        made.add(frame.slice(start, size))
        start += size
    made.add(frame.slice(start))
    return made.parquet()


@settings(max_examples=30, deadline=None)
@given(
    height=st.integers(1, 5 * GROUP + 7),
    sizes=st.lists(st.integers(0, 2 * GROUP + 3), max_size=8),
)
def test_groups_made_batch_by_batch_are_the_table_written_whole(height: int, sizes: list[int]) -> None:
    frame = _table(height)
    assert _fed(frame, sizes) == encode_alone(_shown(frame), GROUP)


def test_batches_ending_on_group_boundaries_and_across_them() -> None:
    frame = _table(3 * GROUP + 1)
    whole = encode_alone(_shown(frame), GROUP)
    # Exactly a group, a group and a row, a row short of a group, then the one row left.
    assert _fed(frame, [GROUP, GROUP + 1, GROUP - 1]) == whole
    assert _fed(frame, [1] * 5 + [3 * GROUP - 5]) == whole
    got = _fed(frame, [GROUP, 2 * GROUP])
    assert got == whole
    assert pl.read_parquet(got).height == 3 * GROUP + 1


def test_nothing_or_categories_give_none() -> None:
    assert GroupsAsScored(_shown, GROUP).parquet() is None  # no row: written as before
    empty = GroupsAsScored(_shown, GROUP)
    empty.add(_table(0))
    assert empty.parquet() is None
    kinds = _table(GROUP + 3).with_columns(pl.col("criterion_id").cast(pl.Categorical))
    made = GroupsAsScored(lambda f: f, GROUP)
    made.add(kinds)
    assert made.parquet() is None


def test_a_batch_that_cannot_be_added_gives_none_and_is_not_half_kept() -> None:
    made = GroupsAsScored(_shown, GROUP)
    made.add(_table(GROUP + 10))
    made.add(_table(GROUP).drop("flag"))  # another schema: the carried rows cannot be joined
    made.add(_table(GROUP))
    assert made.parquet() is None
    assert made.parquet() is None  # and taken once


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("as-scored")
    files = generate(BUNDLED, folder, communes=23, districts=4, seed=36, mistakes=0.1)
    files["assessments_long"] = shuffled_copy(files["assessments_long"], folder / "shuffled.csv", seed=2)
    return files


def _run(files: dict[str, Path], out: Path, fmt: str, batch_size: int | None) -> dict[str, bytes]:
    run_score(
        assessments=[files["assessments_long"]],
        criteria=BUNDLED,
        communes=files["communes"],
        appraisal=files["appraisal"],
        survey=[files["survey"]],
        output=out / "results",
        fmt=fmt,
        report=out / "report.html",
        date=DATE,
        batch_size=batch_size,
    )
    written = {p.name: p.read_bytes() for p in (out / "results").iterdir()}
    written["report.html"] = (out / "report.html").read_bytes()
    return written


class _Spy:
    """Every GroupsAsScored made, and what each gave."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, broken: bool = False) -> None:
        self.made: list[GroupsAsScored] = []
        self.gave: list[bytes | None] = []
        real_init, real_parquet = GroupsAsScored.__init__, GroupsAsScored.parquet
        spy = self

        def init(self: GroupsAsScored, *args: object) -> None:
            real_init(self, *args)  # type: ignore[arg-type]
            spy.made.append(self)

        def parquet(self: GroupsAsScored) -> bytes | None:
            got = None if broken else real_parquet(self)
            spy.gave.append(got)
            return got

        monkeypatch.setattr(GroupsAsScored, "__init__", init)
        monkeypatch.setattr(GroupsAsScored, "parquet", parquet)


def test_a_batched_parquet_run_writes_the_bytes_made_as_scored(
    country: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _run(country, tmp_path / "whole", "parquet", None)
    spy = _Spy(monkeypatch)
    batched = _run(country, tmp_path / "b4", "parquet", 4)
    assert len(spy.made) == 1 and len(spy.gave) == 1
    assert spy.gave[0] == whole["criteria.parquet"]  # made as scored, and the very bytes
    assert batched == whole  # every table and the report
    assert batches.AS_SCORED.get() is None  # set for the run only


def test_when_the_bytes_cannot_be_made_the_table_is_written_whole(
    country: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _run(country, tmp_path / "whole", "parquet", None)
    spy = _Spy(monkeypatch, broken=True)
    assert _run(country, tmp_path / "b5", "parquet", 5) == whole
    assert spy.gave == [None]


def test_csv_results_and_unbatched_runs_make_none(
    country: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch)
    _run(country, tmp_path / "csv", "csv", 4)
    _run(country, tmp_path / "whole", "parquet", None)  # one batch: nothing spilled
    assert spy.made == []


def test_a_store_outside_pari_score_makes_none() -> None:
    store = DetailStore(spill=True)
    store.add(_table(10))
    store.add(_table(10))
    assert store.as_scored_parquet() is None
    assert store.lazy().collect().height == 20


def test_criteria_shown_is_the_tables_decimals() -> None:
    frame = pl.DataFrame({"max": [12_345, None], "final_score": [10_000, 5], "status": ["ok", "x"]})
    assert criteria_shown(frame).to_dict(as_series=False) == {
        "max": [1.2345, None],
        "final_score": [1.0, 0.0005],
        "status": ["ok", "x"],
    }


def test_a_full_disk_writing_the_bytes_made_keeps_the_previous_results(
    country: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from pari_index.errors import OutputError

    before = _run(country, tmp_path, "parquet", None)
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:  # type: ignore[override]
        if data[:4] == b"PAR1" and "criteria" in self.name and "pari-tmp" in self.name:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    spy = _Spy(monkeypatch)
    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(OutputError) as info:
        _run(country, tmp_path, "parquet", 4)
    assert [p.code for p in info.value.problems] == ["output-unwritable"]
    assert "criteria.parquet" in (info.value.problems[0].file or "")
    assert spy.gave and spy.gave[0] is not None  # it was the bytes made as scored that failed
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in (tmp_path / "results").iterdir()}
    after["report.html"] = (tmp_path / "report.html").read_bytes()
    assert after == before  # the previous set and its report, as they were
