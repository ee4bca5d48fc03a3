"""Issue 15: scoring in commune batches gives the same results, to the byte, as scoring at once.

A run scores its communes a batch at a time (``run_score(batch_size=N)``, ``pari score
--batch-size N``); each batch's per-item detail is spilled to disk and streamed into the results.
Whatever the batch size, and however a commune's rows are spread over the file, the CSV and
Parquet results and the report are the same files; every input row is still scored or reported.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import random
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_scoring import CRITERIA, write_example

from pari_index.cli import main
from pari_index.demo import generate
from pari_index.intake import many
from pari_index.intake.assessments import Intake, read_assessments
from pari_index.intake.by_batch import ahead, batches_of
from pari_index.intake.many import FilesAhead
from pari_index.intake.model import LeafTable
from pari_index.intake.sheet import MAX_CELL_CHARS
from pari_index.pipeline import run_score
from pari_index.ranking.ranks import rank
from pari_index.scoring.batches import PER_COMMUNE, DetailStore, IntakeBatches
from pari_index.scoring.run import ScoreResult, score

BUNDLED = Path(__file__).parents[1] / "criteria" / "ha-noi-2025-commune.yaml"
DATE = "2025-12-31"


def shuffled_copy(source: Path, target: Path, seed: int) -> Path:
    """The CSV with its data rows in a random order: each commune's rows spread over the file."""
    header, *rows = source.read_text(encoding="utf-8").splitlines(keepends=True)
    random.Random(seed).shuffle(rows)
    target.write_text(header + "".join(rows), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small synthetic country (with the demo's mistakes: rejected rows, appraisal
    corrections, missing evidence), its assessment rows shuffled."""
    folder = tmp_path_factory.mktemp("batches")
    files = generate(BUNDLED, folder, communes=23, districts=4, seed=15, mistakes=0.1)
    files["assessments_long"] = shuffled_copy(files["assessments_long"], folder / "shuffled.csv", seed=1)
    return files


def run(files: dict[str, Path], out: Path, fmt: str, batch_size: int | None) -> dict[str, bytes]:
    """Score, rank and write ``fmt`` results and the report; every file written, by name."""
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


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_batch_sizes_1_and_3_write_the_unbatched_bytes(national: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    whole = run(national, tmp_path / "whole", fmt, None)
    assert set(whole) == {f"{t}.{fmt}" for t in ("summary", "criteria", "findings", "rows", "about")} | {"report.html"}
    details = pl.read_csv(whole["criteria.csv"]) if fmt == "csv" else pl.read_parquet(whole["criteria.parquet"])
    assert details.height == 23 * 59  # every commune, every item
    for size in (1, 3):
        batched = run(national, tmp_path / f"b{size}", fmt, size)
        assert batched.keys() == whole.keys()
        different = [name for name in whole if batched[name] != whole[name]]
        assert different == [], f"batch size {size}: {different} differ"


def test_the_report_of_a_batched_run_is_not_trivially_equal(national: dict[str, Path], tmp_path: Path) -> None:
    """The comparison above can fail: another date gives another report."""
    whole = run(national, tmp_path / "a", "csv", None)
    run_score(
        assessments=[national["assessments_long"]],
        criteria=BUNDLED,
        communes=national["communes"],
        appraisal=national["appraisal"],
        survey=[national["survey"]],
        output=tmp_path / "b" / "results",
        fmt="csv",
        report=tmp_path / "b" / "report.html",
        date="2024-01-01",
        batch_size=2,
    )
    assert (tmp_path / "b" / "report.html").read_bytes() != whole["report.html"]


def frames(result: ScoreResult) -> dict[str, pl.DataFrame]:
    summary = rank(result.totals, result.scan_details(), result.criteria)
    return {
        "details": result.details,
        "totals": result.totals,
        "findings": result.findings,
        "ledger": result.ledger,
        "summary": summary,
    }


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], dict[str, pl.DataFrame]]:
    """The hand-checked example of test_scoring (every rule kind, an appraisal, evidence, a
    survey) with one rejected row, its rows shuffled, scored at once."""
    folder = tmp_path_factory.mktemp("example")
    paths = write_example(folder)
    with paths["long"].open("a", encoding="utf-8") as f:  # a rejected row of a commune in the middle
        f.write("00103,1.1.3,done,not a number,,,,,\n")
    paths["long"] = shuffled_copy(paths["long"], folder / "shuffled.csv", seed=7)
    return paths, frames(score_example(paths, None))


def score_example(paths: dict[str, Path], batch_size: int | None) -> ScoreResult:
    return score(
        [paths["long"]],
        CRITERIA,
        communes=paths["communes"],
        appraisal=paths["appraisal"],
        survey=[paths["survey"]],
        batch_size=batch_size,
    )


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(min_value=1, max_value=6))
def test_any_batch_size_gives_the_same_frames(
    example: tuple[dict[str, Path], dict[str, pl.DataFrame]], size: int
) -> None:
    paths, whole = example
    batched = frames(score_example(paths, size))
    for name, frame in whole.items():
        assert batched[name].equals(frame), f"{name} differs at batch size {size}"
    # Not vacuous: the example has findings and rows of every status.
    assert whole["findings"].height >= 5
    assert {"scored", "rejected"} <= set(whole["ledger"]["status"].to_list())


def test_every_input_row_is_scored_or_reported_in_batches(tmp_path: Path) -> None:
    """Completeness per batch: a rejected row of a commune in a late batch is still in the rows
    table and the findings, and the run is announced as incomplete."""
    paths = write_example(tmp_path)
    text = paths["long"].read_text(encoding="utf-8")
    paths["long"].write_text(text + "00105,1.1.3,done,not a number,,,,,\n", encoding="utf-8")
    rows_in_file = len(paths["long"].read_text(encoding="utf-8").splitlines()) - 1
    result = score_example(paths, 1)
    assessment_rows = result.ledger.filter(pl.col("file") == str(paths["long"]))
    assert assessment_rows.height == rows_in_file
    last = assessment_rows.filter(pl.col("row") == rows_in_file + 1)
    assert last["status"].to_list() == ["rejected"]
    assert result.findings.filter((pl.col("row") == rows_in_file + 1) & (pl.col("severity") == "error")).height == 1
    assert result.completeness.rows_rejected >= 1
    assert not result.completeness.complete


def test_cli_batch_size_option(national: dict[str, Path], tmp_path: Path) -> None:
    def cli(size: int, out: Path) -> bytes:
        args = [
            "score",
            national["assessments_long"],
            "--criteria",
            BUNDLED,
            "--communes",
            national["communes"],
            "--survey",
            national["survey"],
            "-o",
            out,
            "--format",
            "parquet",
            "--batch-size",
            size,
            "-q",
        ]
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert result.exit_code in (0, 1), result.output
        return b"".join((out / f"{t}.parquet").read_bytes() for t in ("summary", "criteria", "findings", "rows"))

    assert cli(1, tmp_path / "one") == cli(0, tmp_path / "all")
    result = CliRunner().invoke(main, ["score", str(national["assessments_long"]), "--batch-size", "-1"])
    assert result.exit_code == 2
    assert "--batch-size" in result.output


def test_batches_are_consecutive_sorted_codes() -> None:
    codes = pl.Series(["c", "a", "e", "b", "d", "a"])
    assert [b.to_list() for b in batches_of(codes, 2)] == [["a", "b"], ["c", "d"], ["e"]]
    assert [b.to_list() for b in batches_of(codes, None)] == [["a", "b", "c", "d", "e"]]
    assert [b.to_list() for b in batches_of(pl.Series([], dtype=pl.String), 3)] == [[]]


def test_a_spilled_store_reads_back_its_batches_in_order() -> None:
    store = DetailStore(spill=True)
    store.add(pl.DataFrame({"a": [1, 2], "b": ["x", None]}))
    store.add(pl.DataFrame({"a": [3], "b": [None]}, schema={"a": pl.Int64, "b": pl.String}))
    assert store.batches == 2 and store.height == 3
    assert store.collect().to_dict(as_series=False) == {"a": [1, 2, 3], "b": ["x", None, None]}
    assert store.lazy().select(pl.col("a").sum()).collect().item() == 6


# -- the CSV is checked a chunk at a time, never decoded into one string -----------------------

LINE_TEXT = st.text(alphabet=st.sampled_from(list('ab,;"\t Đặcxã\u0303\u0301e\r0')), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE_TEXT, min_size=1, max_size=25), chunk=st.integers(min_value=1, max_value=40))
def test_a_csv_checked_in_chunks_reads_as_checked_whole(
    lines: list[str], chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut into chunks of any size (after line breaks, where NFC never composes), a UTF-8 file
    gives the same sheet and problems as when it is checked in one piece: the NFD letters
    (e + U+0301) are normalised all the same, wherever the cut falls."""
    from pari_index.intake import decoding, tables

    raw = ("code,name\n" + "\n".join(lines) + "\n").encode("utf-8")
    whole = tables.read_csv_bytes(raw, "f.csv")
    with monkeypatch.context() as patch:
        patch.setattr(decoding, "CHECK_CHUNK", chunk)
        pieces = tables.read_csv_bytes(raw, "f.csv")
    assert pieces.problems == whole.problems
    assert [s.frame.to_dicts() for s in pieces.sheets] == [s.frame.to_dicts() for s in whole.sheets]


def test_a_bad_byte_after_the_first_chunk_still_decides_the_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.intake import decoding, tables

    monkeypatch.setattr(decoding, "CHECK_CHUNK", 8)
    raw = b"code,name\n" + "".join(f"{i:05d},Xã Mỹ\n" for i in range(50)).encode() + b"00050,X\xe3\n"
    result = tables.read_csv_bytes(raw, "bad.csv")
    assert [p.code for p in result.problems] == ["undecodable-bytes"]
    # The cell with the bad byte is reported and not read; the other 50 rows are read as they are.
    assert result.sheets[0].frame["name"].to_list() == ["Xã Mỹ"] * 50 + [None]
    nfd = "code,name\n00001,Xa\u0303\n".encode()
    assert tables.read_csv_bytes(nfd, "nfd.csv").sheets[0].frame["name"].to_list() == ["Xã"]


def test_result_tables_keep_the_spilled_detail_alive(tmp_path: Path) -> None:
    """The tables of a batched run read its detail from temporary files: they stay while the
    tables do, even when the scoring result itself is gone."""
    import gc

    from pari_index.outputs.results import result_tables, write_results

    paths = write_example(tmp_path)
    tables = result_tables(score_example(paths, 2))
    gc.collect()
    write_results(tmp_path / "out", tables, "csv")
    assert len((tmp_path / "out" / "criteria.csv").read_text(encoding="utf-8-sig").splitlines()) == 1 + 5 * 14


# -- the intake's per-commune rows are cut by batch and spilled ----------------------------------


@pytest.fixture(scope="module")
def national_intake(national: dict[str, Path]) -> tuple[Intake, pl.Series]:
    """The small country's checked intake (shuffled rows, mistakes) and its register codes."""
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.register import read_register

    compiled = compile_criteria(load_criteria(BUNDLED).criteria, None)
    register = read_register(national["communes"])
    paths = [national["assessments_long"], national["survey"]]
    return read_assessments(paths, compiled.leaves, register.codes), register.frame["code"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(min_value=1, max_value=25))
def test_spilled_intake_batches_are_the_filtered_intake(national_intake: tuple[Intake, pl.Series], size: int) -> None:
    """Each batch read back is the intake's rows of that batch's communes, in the intake's order,
    with the same types (the file as Categorical, exact numbers as Int128); together the batches
    hold every row; the intake is left empty with its columns, and each batch's files go once read."""
    whole, codes = national_intake
    intake = dataclasses.replace(whole)  # IntakeBatches empties the intake it is given
    batches = batches_of(codes, size)
    spilled = IntakeBatches(intake, batches)
    for name in PER_COMMUNE:
        assert getattr(intake, name).height == 0
        assert getattr(intake, name).schema == getattr(whole, name).schema
    assert len(list(spilled._folder.iterdir())) == len(PER_COMMUNE) * len(batches)
    heights = dict.fromkeys(PER_COMMUNE, 0)
    for number, batch in enumerate(batches):
        taken = spilled.take(number)
        for name in PER_COMMUNE:
            expected = getattr(whole, name).filter(pl.col("commune_code").is_in(batch.implode()))
            assert taken[name].equals(expected), f"{name} of batch {number}"
            assert taken[name].schema == expected.schema
            heights[name] += taken[name].height
    assert heights == {name: getattr(whole, name).height for name in PER_COMMUNE}
    assert list(spilled._folder.iterdir()) == []
    # Not vacuous: the intake has rows of each kind, and the exact numbers need Int128.
    assert all(getattr(whole, name).height > 100 for name in PER_COMMUNE)
    assert whole.cells.schema["num"] == pl.Int128 and whole.cells.schema["_file"] == pl.Categorical


def test_rows_of_communes_in_no_batch_are_in_none(national_intake: tuple[Intake, pl.Series]) -> None:
    """As a filter by the batch's codes would: a commune missing from the register (reported by
    the intake's checks) is in no batch's rows."""
    whole, codes = national_intake
    intake = dataclasses.replace(whole)
    kept = codes.sort().slice(0, 10)
    spilled = IntakeBatches(intake, batches_of(kept, 4))
    taken = [spilled.take(number)["cells"] for number in range(3)]
    mine = whole.cells.filter(pl.col("commune_code").is_in(kept.implode()))
    assert sum(frame.height for frame in taken) == mine.height < whole.cells.height


def test_the_intake_ledger_keeps_the_files_row_order(national_intake: tuple[Intake, pl.Series]) -> None:
    """One ledger row per source row, in each file's row order (as the rows table has them)."""
    whole, _ = national_intake
    ledger = whole.ledger
    assert ledger.height > 1000
    for (file,), rows in ledger.group_by("file", maintain_order=True):
        numbers = rows["row"].to_list()
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), file


def test_a_deferred_ledger_is_the_ledger_made_at_once(
    national: dict[str, Path], national_intake: tuple[Intake, pl.Series]
) -> None:
    """A run makes the intake's ledger after its batches (``read_assessments(defer_ledger=True)``,
    ``Intake.finish_ledger``): made then, after the batches have emptied the intake's cells, meta
    rows and places, it is the ledger made at once, row for row and type for type."""
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.register import read_register

    whole, codes = national_intake
    compiled = compile_criteria(load_criteria(BUNDLED).criteria, None)
    paths = [national["assessments_long"], national["survey"]]
    deferred = read_assessments(paths, compiled.leaves, read_register(national["communes"]).codes, defer_ledger=True)
    assert deferred.ledger.height == 0 and deferred.ledger.schema == whole.ledger.schema
    IntakeBatches(deferred, batches_of(codes, 7))  # empties the intake, as a batched run does
    ledger = deferred.finish_ledger()
    assert ledger.equals(whole.ledger)
    assert ledger.schema == whole.ledger.schema
    assert deferred.pending_ledger is None and deferred.finish_ledger() is ledger
    # Not vacuous: a ledger whose used rows were not found (wrong keys) would say "empty".
    assert whole.ledger.height > 1000 and set(whole.ledger["status"].to_list()) == {"scored"}


# -- the intake read and checked by batch ---------------------------------------------------------


def messy_copy(source: Path, target: Path, codes: list[str], seed: int) -> Path:
    """Rows of ``source`` (a long file) copied with mistakes: verbatim repeats (another file),
    changed values and self-scores (conflicts), unknown, empty and invisible-character commune
    codes, an unknown item with a self-score, unreadable self-scores and dates, self-scores in
    the value column, n/a marks."""
    header, *rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8-sig"))))
    rng = random.Random(seed)
    out = []
    for cells in rng.sample(rows, 60):
        change = rng.randrange(9)
        if rng.random() < 0.2:
            cells[9] = "có"  # an n/a mark
        if change == 0:
            cells[2], cells[3] = "self_score", rng.choice(["1", "2"])  # a self-score in the value column
        elif change == 1:
            cells[3] = "abc"
        elif change == 2:
            cells[4] = "0,12345" if rng.random() < 0.5 else "7"
        elif change == 3:
            cells[0] = "99999"
        elif change == 4:
            cells[0] = ""
        elif change == 5:
            cells[0] = cells[0][:2] + "\u200b" + cells[0][2:]
        elif change == 6:
            cells[1], cells[4] = "9.9.9", "1"
        elif change == 7:
            cells[6] = "31/02/2025"
        elif change == 8:
            cells[0] = rng.choice(codes)
        out.append(cells)
    rng.shuffle(out)
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *out])
    return target


def spoil_meta(path: Path, seed: int) -> Path:
    """Some self-scores and evidence dates of ``path`` (a long file) made unreadable, in place."""
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rng = random.Random(seed)
    for cells in rng.sample([r for r in rows if r[4]], 12):
        cells[4] = rng.choice(["abc", "0,123456", "1e400"])
    for cells in rng.sample([r for r in rows if r[6]], 12):
        cells[6] = rng.choice(["31/02/2025", "15/12/25", "hôm qua"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])
    return path


def with_maxima(path: Path, leaves: Any, seed: int) -> Path:
    """``path`` (a long file) with the form's «Điểm tối đa» column, in place: each row's item's
    maximum in the set, as a clerk types it (0,5), and another version's in some rows
    (``form-other-version``, one finding for the file however many ranges it is read in)."""
    maxima = {leaf.id: float(leaf.max) for leaf in leaves}
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rng = random.Random(seed)
    for cells in rows:
        given = maxima.get(cells[1])
        if given is not None and rng.random() < 0.05:
            given += 1
        cells.append("" if given is None else f"{given:g}".replace(".", ","))
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([[*header, "Điểm tối đa"], *rows])
    return path


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Any]:
    """Long and wide files, the long rows shuffled, and a file of mistakes; the set's leaves and
    the register."""
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.register import read_register

    folder = tmp_path_factory.mktemp("messy")
    files = generate(BUNDLED, folder, communes=14, districts=3, seed=4, forms=("long", "wide"), mistakes=0.3)
    register = read_register(files["communes"])
    codes = register.frame["code"].to_list()
    long = spoil_meta(shuffled_copy(files["assessments_long"], folder / "shuffled.csv", seed=2), seed=3)
    extra = messy_copy(files["assessments_long"], folder / "mistakes.csv", codes, seed=5)
    again = messy_copy(files["assessments_long"], folder / "more-mistakes.csv", codes, seed=6)
    paths = [long, files["assessments_wide"], extra, files["survey"], again]
    compiled = compile_criteria(load_criteria(BUNDLED).criteria, None)
    with_maxima(long, compiled.leaves, seed=7)
    return paths, (compiled.leaves, register)


def same_intake_by_batch(
    paths: list[Path],
    leaves: Any,
    register: Any,
    size: int,
    chunk: int | None,
    monkeypatch: pytest.MonkeyPatch,
    ahead: Sequence[str] = (),
) -> Intake:
    """The whole intake of ``paths``, checked to be the intake read by batches of ``size``. With
    ``chunk``, the checks cut the cells into slices of communes of that many cells
    (CHUNK_CELLS), long files are made cells 37 rows at a time and the raw rows are spilled every
    100 rows. With ``ahead``, the batches are checked ahead (``gave_any(ahead)``) until one gives
    one of those items, before any is taken."""
    from pari_index.intake import by_batch, cell_checks
    from pari_index.intake.by_batch import read_assessments_by_batch
    from pari_index.intake.evaluation_input import wrong_unit_findings

    if chunk is not None:
        monkeypatch.setattr(cell_checks, "CHUNK_CELLS", chunk)
        monkeypatch.setattr(by_batch, "SLICE_ROWS", 37)
        monkeypatch.setattr(by_batch, "FLUSH_ROWS", 100)
    whole = read_assessments(paths, leaves, register.codes)
    wrong_unit = wrong_unit_findings(whole, leaves, register.frame)
    batches = batches_of(register.frame["code"], size)
    batched = read_assessments_by_batch(paths, leaves, register.frame.select("code", "unit_type"), batches)
    if ahead:
        given = set(whole.cells["criterion_id"]) | set(whole.meta["criterion_id"])
        assert batched.gave_any(ahead) == bool(given.intersection(ahead))
    for number, batch in enumerate(batches):
        taken = batched.take(number)
        for name in PER_COMMUNE:
            expected = getattr(whole, name).filter(pl.col("commune_code").is_in(batch.implode()))
            assert taken[name].equals(expected), f"{name} of batch {number}"
            assert taken[name].schema == expected.schema
        # Its communes' findings, in some order (the run only asks which communes they name).
        mine = pl.concat([whole.findings, wrong_unit]).filter(pl.col("commune_code").is_in(batch.implode()))
        assert sorted(map(str, taken["findings"].rows())) == sorted(map(str, mine.rows())), f"findings of {number}"
    batched.finish()
    assert batched.intake.findings.equals(pl.concat([whole.findings, wrong_unit]))
    assert batched.intake.finish_ledger().equals(whole.ledger)
    assert batched.wrong_unit.equals(wrong_unit)
    assert batched.items == set(whole.cells["criterion_id"]) | set(whole.meta["criterion_id"])
    for name in PER_COMMUNE:
        assert getattr(batched.intake, name).schema == getattr(whole, name).schema
    return whole


@pytest.mark.parametrize("chunk", [None, 150])
@pytest.mark.parametrize("size", [1, 3, 6])
def test_the_intake_checked_by_batch_is_the_whole_intake(
    messy: tuple[list[Path], Any], size: int, chunk: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read and checked a batch of communes at a time, the intake has the whole intake's findings
    in the same order, the same ledger, the same not-applicable-to-unit warnings, and each batch's
    cells, meta and places are the whole intake's of its communes, in order and type for type;
    also when the checks cut the cells into slices of communes and the files are read in slices
    of rows (``chunk``, see same_intake_by_batch)."""
    paths, (leaves, register) = messy
    whole = same_intake_by_batch(paths, leaves, register, size, chunk, monkeypatch)
    # Not vacuous: findings of many kinds (cells and meta rows), in an order no sort of their
    # columns gives, and repeats, conflicts and unknown communes among them.
    kinds = whole.findings["kind"].to_list()
    assert {"duplicate-row", "conflicting-values", "unknown-commune", "missing-commune-code"} <= set(kinds)
    assert {"control-character", "unknown-criterion", "bad-value", "implausible-date"} <= set(kinds)
    assert kinds != sorted(kinds) and whole.findings.height > 40
    # The long file's rows of another version's maxima: one warning, at the first (read in slices).
    assert kinds.count("form-other-version") == 1
    assert set(whole.ledger["status"].to_list()) >= {"scored", "rejected", "partial"}


def test_an_intake_with_no_row_outside_the_batches_is_checked_by_batch(
    messy: tuple[list[Path], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the files of mistakes every row's commune is in a batch: the batch of the others
    is empty, also when the checks cut the cells into slices."""
    paths, (leaves, register) = messy
    whole = same_intake_by_batch([paths[0], paths[1], paths[3]], leaves, register, 4, 150, monkeypatch)
    assert whole.cells.height > 1000


@pytest.mark.parametrize("ahead", ["survey", "none"])
def test_batches_checked_ahead_are_kept_until_taken(
    messy: tuple[list[Path], Any], ahead: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked whether the intake gave any survey item before any batch is scored, the intake
    checks batches ahead until one did (or all, for an item no one gave, and is then finished);
    each batch taken afterwards, held or spilled, is the whole intake's, and so are the findings,
    ledger and warnings."""
    from pari_index.criteria.model import Part

    paths, (leaves, register) = messy
    wanted = [leaf.id for leaf in leaves if leaf.part is Part.survey] if ahead == "survey" else ["no-such-item"]
    assert wanted
    same_intake_by_batch(paths, leaves, register, 2, 150, monkeypatch, ahead=wanted)


def test_a_batched_run_reads_its_intake_by_batch(national: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """``score`` with batches and a register checks the intake by batch (and not the whole intake
    at once); unbatched, or without a register, it reads the whole intake."""
    import pari_index.intake.inputs as intake_inputs

    calls: list[str] = []
    by_batch, whole = intake_inputs.read_assessments_by_batch, intake_inputs.read_assessments
    monkeypatch.setattr(
        intake_inputs, "read_assessments_by_batch", lambda *a, **k: calls.append("batch") or by_batch(*a, **k)
    )
    monkeypatch.setattr(intake_inputs, "read_assessments", lambda *a, **k: calls.append("whole") or whole(*a, **k))
    args = ([national["assessments_long"]], BUNDLED)
    options = {"appraisal": national["appraisal"], "survey": [national["survey"]]}
    score(*args, communes=national["communes"], batch_size=5, **options)
    score(*args, communes=national["communes"], batch_size=None, **options)
    score(*args, batch_size=5, **options)
    assert calls == ["batch", "whole", "whole"]


def survey_variant(files: dict[str, Path], folder: Path, variant: str) -> Path:
    """The survey file of ``files`` with every value unreadable ("spoiled"), or with the rows of
    the last two communes (in code order) alone ("last")."""
    header, *rows = list(csv.reader(io.StringIO(files["survey"].read_text(encoding="utf-8-sig"))))
    if variant == "spoiled":
        rows = [[*cells[:-1], "not a number"] for cells in rows]
    else:
        last = sorted({cells[0] for cells in rows})[-2:]
        rows = [cells for cells in rows if cells[0] in last]
    target = folder / f"survey-{variant}.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])
    return target


def outcome(files: dict[str, Path], survey: list[Path], batch_size: int | None, **options: Any) -> Any:
    """What ``score`` gives: its frames and completeness, or the error's type and problems."""
    from pari_index.errors import PariError

    try:
        result = score(
            [files["assessments_long"]],
            BUNDLED,
            communes=files["communes"],
            survey=survey,
            batch_size=batch_size,
            **options,
        )
    except PariError as error:
        return type(error).__name__, [p.render() for p in error.problems]
    return {name: frame.rows() for name, frame in frames(result).items()}, result.completeness.facts()


@pytest.mark.parametrize(
    ("survey", "options", "expected"),
    [
        ("none", {}, "UsageError"),
        ("spoiled", {}, "IntakeError"),
        ("none", {"no_survey": True}, "skipped"),
        ("last", {}, "given"),
        ("none", {"evidence_dir": "no-such-folder"}, "IntakeError"),
        ("last", {"evidence_dir": "no-such-folder"}, "IntakeError"),
    ],
)
def test_a_batched_run_decides_the_survey_as_an_unbatched_one(
    national: dict[str, Path], tmp_path: Path, survey: str, options: dict[str, Any], expected: str
) -> None:
    """The survey check of a run read by batch (which checks batches ahead until one gave a
    survey item) gives the unbatched run's error or its results (an unusable evidence folder is
    refused first, by the intake, before any file is read: since session 29):
    no survey file, one whose every value is rejected, --no-survey, survey results for the last
    communes alone (every batch checked ahead of its scoring)."""
    given = [] if survey == "none" else [survey_variant(national, tmp_path, survey)]
    whole = outcome(national, given, None, **options)
    assert whole[0] == expected or whole[1]["survey"] == expected
    for size in (2, 5):
        assert outcome(national, given, size, **options) == whole, f"batch size {size}"


def test_the_next_batch_is_checked_in_the_background_and_its_error_raised_when_taken(
    messy: tuple[list[Path], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a batch is taken, the next one is checked in a background thread, before the run asks
    for it (while it scores the one taken), and in batch order; a check that fails there raises
    its error from the take that asks for that batch, not lost with the thread."""
    import threading

    from pari_index.intake import by_batch

    paths, (leaves, register) = messy
    batches = batches_of(register.frame["code"], 3)
    checked: list[tuple[int, bool]] = []
    real = by_batch._check_batch

    def spy(number: int, *args: Any) -> dict[str, pl.DataFrame]:
        checked.append((number, threading.current_thread() is threading.main_thread()))
        if number == 2:
            raise RuntimeError("the check of batch 2 failed")
        return real(number, *args)

    monkeypatch.setattr(by_batch, "_check_batch", spy)
    batched = by_batch.read_assessments_by_batch(paths, leaves, register.frame.select("code", "unit_type"), batches)
    assert checked == [(0, True)]
    assert batched.take(0)["cells"].height > 0
    assert batched.take(1)["cells"].height > 0
    with pytest.raises(RuntimeError, match="the check of batch 2 failed"):
        batched.take(2)
    assert checked == [(0, True), (1, False), (2, False)]


def _read_ahead_threads() -> int:
    return sum(thread.name == "pari read ahead" for thread in threading.enumerate())


def test_items_made_ahead_come_in_order_and_an_error_where_it_happened() -> None:
    """``by_batch.ahead`` (the intake parses the next range while it spills the last): every item
    in order; an error making them raised after the items made before it; the thread gone after."""
    made: list[int] = []

    def items(fail_at: int | None) -> Iterator[int]:
        for number in range(6):
            if number == fail_at:
                raise ValueError(f"item {number}")
            made.append(number)
            yield number

    assert list(ahead(items(None))) == [0, 1, 2, 3, 4, 5]
    made.clear()
    for item in ahead(items(None)):
        time.sleep(0.1)  # time enough for the thread to make more, were it allowed to
        assert len(made) <= item + 2, f"{len(made)} made while the caller works on item {item}"
    got: list[int] = []
    with pytest.raises(ValueError, match="item 3"):
        for item in ahead(items(3)):
            got.append(item)
    assert got == [0, 1, 2]
    assert _read_ahead_threads() == 0


def test_a_caller_that_stops_early_stops_the_reading_ahead() -> None:
    """The caller fails half way (an error, or Ctrl-C): the thread stops at once, one item ahead at
    most, and is gone before the error goes on (nothing reads on after the run ended)."""
    made: list[int] = []

    def items() -> Iterator[int]:
        for number in range(1000):
            made.append(number)
            yield number

    with pytest.raises(KeyboardInterrupt):
        for item in ahead(items()):
            if item == 2:
                raise KeyboardInterrupt
    assert _read_ahead_threads() == 0
    assert len(made) <= 5

    def two_then(end: BaseException | None) -> Iterator[int]:
        yield from (0, 1)
        if end is not None:
            raise end

    # The caller stops at the first item while the last waits in the queue, and the thread has
    # its end (or its error) to hand over: it must not wait for room forever.
    for end in (None, ValueError("after the last")):
        stopped = threading.Thread(target=lambda end=end: next(iter(ahead(two_then(end)))), daemon=True)
        stopped.start()
        stopped.join(timeout=10)
        assert not stopped.is_alive() and _read_ahead_threads() == 0


def test_files_read_ahead_are_those_read_then_and_their_error_comes_where_they_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``FilesAhead`` (a batched run's files read while its criteria set loads): the same sheets
    and problems as reading them then; what reading raised is raised by ``result``, in the run's
    thread; it answers only for the files it was begun with."""
    good = tmp_path / "a.csv"
    good.write_text("commune_code,criterion_id,input,value\n00001,1.1,x,1\n", encoding="utf-8")
    bad = tmp_path / "b.csv"
    bad.write_bytes(b"\x00\x01binary")
    ahead = FilesAhead([good, bad], ranged=True)
    got, now = ahead.result([good, bad]), many.read_many_tables([good, bad], ranged=True)
    assert got.problems == now.problems and [p.code for p in got.problems] == ["binary-file"]
    assert [s.frame.equals(t.frame) for s, t in zip(got.sheets, now.sheets, strict=True)] == [True]
    with pytest.raises(AssertionError, match="other files"):
        FilesAhead([good], ranged=True).result([bad])

    def fails(paths: Sequence[Path], *, ranged: bool = False, stop: object = None) -> None:
        raise MemoryError("no room")

    monkeypatch.setattr(many, "read_many_tables", fails)
    failing = FilesAhead([good], ranged=True)
    with pytest.raises(MemoryError, match="no room"):
        failing.result([good])


def test_a_batch_of_detail_written_in_the_background_raises_where_the_run_goes_on() -> None:
    """The detail store writes each spilled batch in a thread while the next is scored: the
    batches come back in order, and a write that failed raises at the next ``add`` or when the
    detail is read, never silently leaves a batch out."""
    store = DetailStore(spill=True)
    for start in range(0, 9, 3):
        store.add(pl.DataFrame({"commune_code": [f"{i:05d}" for i in range(start, start + 3)], "x": [1, 2, 3]}))
    assert store.collect()["commune_code"].to_list() == [f"{i:05d}" for i in range(9)]
    failing = DetailStore(spill=True)
    failing.add(pl.DataFrame({"x": [object()]}, schema={"x": pl.Object}))  # Parquet cannot hold it
    with pytest.raises(pl.exceptions.PolarsError):
        failing.lazy()
    again = DetailStore(spill=True)
    again.add(pl.DataFrame({"x": [object()]}, schema={"x": pl.Object}))
    with pytest.raises(pl.exceptions.PolarsError):
        again.add(pl.DataFrame({"x": [object()]}, schema={"x": pl.Object}))


@pytest.mark.parametrize("ranged_bytes", [0, 20_000, 2**30])
def test_files_read_ahead_for_a_run_of_one_batch_are_the_files_read_then(
    messy: tuple[list[Path], Any],
    ranged_bytes: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run of one batch reads its files whole: those read ahead (some by range, when larger than
    ``ranged_bytes``) are then read whole, in their places, their problems where reading them then
    puts them; the intake made of them is the same, findings, ledger and all."""
    from pari_index.intake import csv_input

    paths, (leaves, register) = messy
    monkeypatch.setattr(csv_input, "RANGED_BYTES", ranged_bytes)
    monkeypatch.setattr(csv_input, "RANGE_BYTES", 700)

    # Their rows are paths[0]'s of other units (codes 8… and 9…): a file whose every row another file
    # holds, or that holds another's every row, is a copy, refused (input-same-rows) read ahead or not.
    def others(first: bytes) -> bytes:
        return paths[0].read_bytes().replace(b"\n0", b"\n" + first)

    spoilt = paths[0].parent / "spoilt.csv"  # a file polars refuses: its error located, in its place
    spoilt.write_bytes(others(b"8") + b'00001,1.1.1,x,"a"b,,,,,,\n')
    # A file polars reads (by range, when large enough) whose reading finds a problem: a cell too long.
    long_cell = paths[0].parent / "long-cell.csv"
    long_cell.write_bytes(others(b"9") + b"00001,1.1.1,x," + b"y" * (MAX_CELL_CHARS + 1) + b",,,,,,\n")
    chosen = [paths[0], long_cell, spoilt, *paths[1:]]
    got, now = FilesAhead(chosen, ranged=True).result(chosen, ranged=False), many.read_many_tables(chosen)
    assert got.problems == now.problems
    assert {str(spoilt), str(long_cell)} <= {p.file for p in got.problems}
    assert [(s.file, s.name, s.original_headers, s.ranges) for s in got.sheets] == [
        (s.file, s.name, s.original_headers, s.ranges) for s in now.sheets
    ]
    assert all(s.frame.equals(t.frame) for s, t in zip(got.sheets, now.sheets, strict=True))
    codes = register.frame["code"]
    ahead = read_assessments(chosen, leaves, codes, defer_ledger=True, ahead=FilesAhead(chosen, ranged=True))
    then = read_assessments(chosen, leaves, codes, defer_ledger=True)
    for name in ("cells", "meta", "places", "findings"):
        assert getattr(ahead, name).equals(getattr(then, name)), name
    assert ahead.finish_ledger().equals(then.finish_ledger())


def test_a_detail_store_read_keeps_no_thread() -> None:
    """Once the detail is read, the store's writer thread is gone (a library user keeping many
    results keeps no threads); a batch added after that starts one again, in order. Only this
    store's threads are looked at: a store of an earlier test in the same worker may keep its
    own until it is collected (the fresh-clone CI of 05483fe failed on that)."""
    before = set(threading.enumerate())

    def own_writers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name.startswith("pari detail") and t not in before]

    store = DetailStore(spill=True)
    store.add(pl.DataFrame({"x": [1]}))
    assert own_writers()
    assert store.collect()["x"].to_list() == [1]
    assert not own_writers()
    store.add(pl.DataFrame({"x": [2]}))
    assert own_writers()
    assert store.collect()["x"].to_list() == [1, 2]
    assert not own_writers()


def test_a_failed_write_of_the_last_batch_fails_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The detail of each batch is written in a thread: an error writing the last one (a full
    disk) is raised by score itself, as it was when written in the run's thread, not left for
    whoever reads the detail later (or lost)."""
    from pari_index.scoring import batches as batch_module

    data = generate(BUNDLED, tmp_path / "data", communes=12, districts=2, seed=3)
    writes: list[Path] = []
    real = batch_module._write_detail

    def full_at_third(frame: pl.DataFrame, file: Path) -> None:
        writes.append(file)
        if len(writes) == 3:
            raise OSError(28, "No space left on device", str(file))
        real(frame, file)

    monkeypatch.setattr(batch_module, "_write_detail", full_at_third)
    with pytest.raises(OSError, match="No space left"):
        score([data["assessments_long"]], BUNDLED, communes=data["communes"], survey=[data["survey"]], batch_size=5)
    assert len(writes) == 3  # 12 communes in batches of 5: the third is the last


def test_ctrl_c_while_the_files_are_read_ahead_is_heard_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a batched run waits for its files (read in a thread) stops it at once: the
    run waits for them in its own thread, where the interrupt is heard, not in the thread that
    makes cells (whose end the run would have had to wait for, the whole read long). Judged by
    whether the reading was still going on when the interrupt came out, not by a time (a timed
    bound failed once on a machine loaded 10): the reader returns only once released."""
    import signal

    release, reading, returned = threading.Event(), threading.Event(), threading.Event()

    def slow(paths: Sequence[Path], *, ranged: bool = False, stop: object = None) -> many.ReadResult:
        reading.set()
        release.wait(30)
        returned.set()
        return many.ReadResult([], [])

    monkeypatch.setattr(many, "read_many_tables", slow)
    table = _leaf_table()  # before the reading starts: only the wait for the files is left to run
    main_thread = threading.main_thread().ident
    assert main_thread is not None and threading.current_thread() is threading.main_thread()

    def ctrl_c() -> None:
        # A real SIGINT to the run's thread (as Ctrl-C), which wakes a wait as _thread.interrupt_main
        # does not; sent once the reader is under way, and a little later, when the run waits for it.
        if reading.wait(120) and not release.wait(0.3):
            signal.pthread_kill(main_thread, signal.SIGINT)

    sender = threading.Thread(target=ctrl_c, daemon=True)
    files = FilesAhead([tmp_path / "a.csv"], ranged=True)
    sender.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            _spill_groups_of([tmp_path / "a.csv"], files, table)
        assert not returned.is_set(), "the run waited for the reading to end before it heard Ctrl-C"
    finally:
        release.set()
        sender.join()


def _leaf_table() -> LeafTable:
    from pari_index.criteria.loading import load_criteria
    from pari_index.criteria.model import resolve_leaves

    return LeafTable.build(resolve_leaves(load_criteria(BUNDLED).criteria))


def _spill_groups_of(paths: list[Path], files: FilesAhead, table: LeafTable) -> None:
    from pari_index.intake import by_batch

    by_batch._spill_groups(paths, table, {"00001": 0}, by_batch._Spill("pari-test-"), files)


def test_a_run_that_fails_before_it_needs_its_files_stops_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run whose criteria set fails to load stops the reading of its files at the next file
    (a library user calling score again and again keeps no readers going)."""
    from pari_index.errors import CriteriaError

    read: list[str] = []
    real = many.read_table_file

    def slowly(path: str | Path, *, ranged: bool = False) -> many.ReadResult:
        read.append(str(path))
        time.sleep(0.2)
        return real(path, ranged=ranged)

    monkeypatch.setattr(many, "read_table_file", slowly)
    paths = []
    for i in range(10):
        path = tmp_path / f"{i}.csv"
        path.write_text("commune_code,criterion_id,input,value\n00001,1.1.1,x,1\n", encoding="utf-8")
        paths.append(path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    with pytest.raises(CriteriaError):
        score(paths, bad)
    time.sleep(1)
    assert len(read) <= 3, read
    assert not any(t.name == "pari read files" for t in threading.enumerate())
