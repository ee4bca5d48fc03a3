"""``pari score`` writing Parquet, with neither a report nor a cache, spills no per-item detail
(session 37): its criteria table is encoded as the batches are scored
(parquet_patch.GroupsAsScored), ranking's facts are made from each batch in memory
(scoring.batches.FACTS_OF) and the unused-evidence check gathers each batch's names as it is
scored; nothing reads the detail back. Every file is the same to the byte as an unbatched run's
(which holds its one batch in memory), with an evidence folder and last year's results too; a
library run, a CSV run, a run with a report or a cache still spill (their readers need it)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from test_batches import BUNDLED, DATE, shuffled_copy

from pari_index.cli import main
from pari_index.demo import generate
from pari_index.pipeline import DETAIL_READ_AFTER, run_score
from pari_index.ranking.ranks import CommuneFacts, commune_facts
from pari_index.scoring import batches
from pari_index.scoring.batches import FACTS_OF, KEPT, DetailNotKept, DetailStore


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("unkept")
    files = generate(BUNDLED, folder, communes=23, districts=4, seed=37, mistakes=0.1)
    files["assessments_long"] = shuffled_copy(files["assessments_long"], folder / "shuffled.csv", seed=3)
    # An evidence folder with some of the names the rows give, and two files no row names.
    names = pl.read_csv(files["assessments_long"], infer_schema=False).get_column("evidence_file")
    evidence = folder / "evidence"
    evidence.mkdir()
    for name in [*names.drop_nulls().unique().sort().head(12).to_list(), "extra-1.pdf", "KH 99 (1).pdf"]:
        (evidence / name).write_bytes(b"%PDF-1.4\n")
    files["evidence"] = evidence
    return files


class _Spills:
    """How many detail batches were spilled to files."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files = 0
        real = batches._write_detail

        def counted(frame: pl.DataFrame, file: Path) -> None:
            self.files += 1
            real(frame, file)

        monkeypatch.setattr(batches, "_write_detail", counted)


def _score(files: dict[str, Path], out: Path, batch_size: int, *more: str) -> dict[str, bytes]:
    argv = [
        "--lang",
        "en",
        "score",
        str(files["assessments_long"]),
        "--criteria",
        str(BUNDLED),
        "--communes",
        str(files["communes"]),
        "--appraisal",
        str(files["appraisal"]),
        "--survey",
        str(files["survey"]),
        "--evidence-dir",
        str(files["evidence"]),
        "--date",
        DATE,
        "--batch-size",
        str(batch_size),
        "-q",
        "-o",
        str(out),
        *more,
    ]
    done = CliRunner().invoke(main, argv)
    # 1: most names the rows give are not in the folder (evidence-names-unmatched, an error)
    assert done.exit_code == 1, done.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_pari_score_to_parquet_spills_nothing_and_writes_the_same_bytes(
    country: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _score(country, tmp_path / "whole", 0, "--format", "parquet")
    spills = _Spills(monkeypatch)
    for size in (4, 7):
        assert _score(country, tmp_path / f"b{size}", size, "--format", "parquet") == whole
    assert spills.files == 0
    findings = pl.read_parquet(tmp_path / "b4" / "findings.parquet")
    kinds = findings.get_column("kind").to_list()
    assert kinds.count("evidence-file-unused") == 2 and "evidence-names-unmatched" in kinds  # per batch
    # Against last year's results (ranking's change reads only the facts and totals).
    again = _score(country, tmp_path / "p0", 0, "--format", "parquet", "--previous", str(tmp_path / "whole"))
    assert _score(country, tmp_path / "p4", 4, "--format", "parquet", "--previous", str(tmp_path / "whole")) == again
    assert spills.files == 0
    assert DETAIL_READ_AFTER.get() is True and KEPT.get() is True  # set for the command only


def test_csv_results_and_a_report_still_spill_and_give_the_same_bytes(
    country: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _score(country, tmp_path / "whole", 0, "--format", "csv")
    spills = _Spills(monkeypatch)
    assert _score(country, tmp_path / "b4", 4, "--format", "csv") == whole
    assert spills.files == 6  # 23 communes in batches of 4: the CSV writer reads the spill
    report = ["--format", "parquet", "--report"]
    with_report = _score(country, tmp_path / "r0", 0, *report, str(tmp_path / "r0.html"))
    assert _score(country, tmp_path / "r4", 4, *report, str(tmp_path / "r4.html")) == with_report
    assert (tmp_path / "r0.html").read_bytes() == (tmp_path / "r4.html").read_bytes()
    assert spills.files == 12


def test_a_library_run_keeps_its_detail_readable(country: dict[str, Path], tmp_path: Path) -> None:
    args = {
        "assessments": [country["assessments_long"]],
        "criteria": BUNDLED,
        "communes": country["communes"],
        "survey": [country["survey"]],
        "date": DATE,
        "fmt": "parquet",
    }
    whole = run_score(**args, output=tmp_path / "whole", batch_size=None).result.details  # type: ignore[arg-type]
    batched = run_score(**args, output=tmp_path / "b4", batch_size=4).result  # type: ignore[arg-type]
    assert batched.details.equals(whole)
    assert batched.scan_details().select(pl.len()).collect().item() == whole.height


def _facts_sorted(areas: pl.DataFrame | None, lost: pl.DataFrame) -> tuple[object, object]:
    code = "commune_code"
    shown = None if areas is None else areas.with_columns(pl.col("_areas").list.sort()).sort(code).rows()
    return shown, lost.sort(code).rows()


def test_facts_made_batch_by_batch_are_those_of_the_whole_detail(country: dict[str, Path], tmp_path: Path) -> None:
    args = {"criteria": BUNDLED, "communes": country["communes"], "survey": [country["survey"]], "date": DATE}
    result = run_score(
        assessments=[country["assessments_long"]],
        output=tmp_path / "whole",
        fmt="parquet",
        batch_size=None,
        **args,  # type: ignore[arg-type]
    ).result
    details, totals = result.details, result.totals
    whole = CommuneFacts.of(details, totals)
    codes = details.get_column("commune_code").unique(maintain_order=True).to_list()
    for size in (1, 5, 23):
        facts_token, kept_token = FACTS_OF.set(commune_facts), KEPT.set(False)
        try:
            store = DetailStore(spill=True)
        finally:
            KEPT.reset(kept_token)
            FACTS_OF.reset(facts_token)
        for start in range(0, len(codes), size):
            part = pl.col("commune_code").is_in(codes[start : start + size])
            store.add(details.filter(part), totals.filter(part))
        made = store.facts()
        assert made is not None
        assert _facts_sorted(*made) == _facts_sorted(whole.areas, whole.lost)
        assert store.batches == -(-len(codes) // size) and store.height == details.height


def test_a_store_that_kept_nothing_refuses_to_be_read() -> None:
    tokens = FACTS_OF.set(commune_facts), KEPT.set(False), batches.AS_SCORED.set(lambda: _Nothing())
    try:
        store = DetailStore(spill=True)
    finally:
        batches.AS_SCORED.reset(tokens[2])
        KEPT.reset(tokens[1])
        FACTS_OF.reset(tokens[0])
    frame = pl.DataFrame({"commune_code": ["1", "2"], "max": [10_000, 5_000]})
    store.add(frame, pl.DataFrame({"commune_code": ["1", "2"]}))
    assert store.lazy().collect_schema().names() == ["commune_code", "max"]  # planned on, not read
    with pytest.raises(DetailNotKept):
        store.lazy().collect()
    with pytest.raises(DetailNotKept):
        store.collect()
    with pytest.raises(DetailNotKept):  # without its totals ranking would have nothing to read
        store.add(frame)


class _Nothing:
    def add(self, frame: pl.DataFrame) -> None:
        pass

    def parquet(self) -> bytes | None:
        return None
