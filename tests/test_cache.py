"""pari score --cache: a run with the cache writes the very same bytes as a run without it.

Cold (empty cache), warm (nothing changed), after the appraisal council corrects some communes,
after some communes' assessment rows change and after the criteria file changes, each compared
byte for byte with a run without cache on the same inputs, in every output format and the report.
Then a cache that is damaged in every way we could think of: the run still writes the right
results and says on the console what it ignored, never a traceback. No timing is asserted here
(benchmarks/rescore.py measures the speed).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.demo import generate

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
COMMUNES = 60


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic set of 60 communes, long and wide forms, with survey and appraisal files."""
    folder = tmp_path_factory.mktemp("cache-data")
    generate(CRITERIA, folder, communes=COMMUNES, districts=4, seed=11, forms=("long", "wide"), fmt="csv")
    shutil.copy(CRITERIA, folder / "criteria.yaml")
    return folder


def _inputs(folder: Path) -> list[str]:
    return [
        str(folder / "assessments_long.csv"),
        str(folder / "assessments_wide.csv"),
        "--survey",
        str(folder / "survey.csv"),
        "--communes",
        str(folder / "communes.csv"),
        "--appraisal",
        str(folder / "appraisal.csv"),
        "--criteria",
        str(folder / "criteria.yaml"),
    ]


def _score(folder: Path, out: Path, fmt: str, cache: Path | None) -> str:
    """One pari score run (English console); returns the console text."""
    target = out / "results.xlsx" if fmt == "xlsx" else out / "results"
    args = ["score", *_inputs(folder), "-o", str(target), "--report", str(out / "report.html"), "--lang", "en", "-q"]
    args += [] if fmt == "xlsx" else ["--format", fmt]
    args += ["--cache", str(cache)] if cache is not None else []
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _files(out: Path) -> dict[str, bytes]:
    """Every file's bytes; a workbook's, member by member (its zip headers hold the time of writing,
    which differs between any two runs, cached or not)."""
    found = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        name = str(path.relative_to(out))
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as workbook:
                found.update({f"{name}/{m}": workbook.read(m) for m in workbook.namelist()})
            found[f"{name}/(members)"] = "\n".join(zipfile.ZipFile(path).namelist()).encode()
        else:
            found[name] = path.read_bytes()
    return found


def _same_as_without_cache(folder: Path, work: Path, fmt: str, cache: Path, name: str) -> str:
    """Runs with and without the cache; asserts identical files; returns the cached run's console."""
    plain, cached = work / f"{name}-plain", work / f"{name}-cached"
    _score(folder, plain, fmt, None)
    text = _score(folder, cached, fmt, cache)
    expected, got = _files(plain), _files(cached)
    assert sorted(got) == sorted(expected)
    different = [n for n in expected if expected[n] != got[n]]
    assert not different, f"{name}: {different} differ from a run without cache"
    return text


def _reuse(text: str) -> tuple[int, int]:
    """(reused, scored again) from the console; (0, all) when nothing was reused."""
    found = re.search(r"Cache: (\d+) units reused from an earlier run, (\d+) scored again", text)
    return (int(found[1]), int(found[2])) if found else (0, COMMUNES)


def _change_assessments(folder: Path, codes: list[str]) -> None:
    """A different value in the first numeric input row of each of ``codes``."""
    path = folder / "assessments_long.csv"
    frame = pl.read_csv(path, infer_schema=False)
    first = frame.with_row_index("_i").filter(
        pl.col("commune_code").is_in(codes) & pl.col("value").str.contains(r"^\d+$")
    )
    rows = first.group_by("commune_code").agg(pl.col("_i").min())["_i"]
    changed = frame.with_row_index("_i").with_columns(
        pl.when(pl.col("_i").is_in(rows.implode()))
        .then((pl.col("value").cast(pl.Int64) + 7).cast(pl.String))
        .otherwise(pl.col("value"))
        .alias("value")
    )
    changed.drop("_i").write_csv(path, include_bom=True)


def _change_appraisal(folder: Path, codes: list[str]) -> None:
    """The council's reason rewritten for every decision about ``codes`` (and one new correction)."""
    path = folder / "appraisal.csv"
    frame = pl.read_csv(path, infer_schema=False)
    frame = frame.with_columns(
        pl.when(pl.col("commune_code").is_in(codes))
        .then(pl.lit("Hội đồng thẩm định lại"))
        .otherwise(pl.col("reason"))
        .alias("reason")
    )
    extra = {c: None for c in frame.columns} | {
        "commune_code": codes[0],
        "criterion_id": "1.1.1",
        "score": "0",
        "reason": "Không đạt",
        "appraiser": "Hội đồng",
    }
    pl.concat([frame, pl.DataFrame([extra], schema=frame.schema)]).write_csv(path, include_bom=True)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_cached_runs_write_the_same_bytes_as_runs_without_cache(data: Path, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache = tmp_path / "cache"
    assert _reuse(_same_as_without_cache(folder, tmp_path, fmt, cache, "cold")) == (0, COMMUNES)
    assert _reuse(_same_as_without_cache(folder, tmp_path, fmt, cache, "warm")) == (COMMUNES, 0)

    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()
    _change_appraisal(folder, codes[3:6])
    assert _reuse(_same_as_without_cache(folder, tmp_path, fmt, cache, "appraisal")) == (COMMUNES - 3, 3)

    _change_assessments(folder, codes[10:12])
    assert _reuse(_same_as_without_cache(folder, tmp_path, fmt, cache, "assessments")) == (COMMUNES - 2, 2)

    # Another criteria set (its English title changed): nothing of the earlier runs is used.
    text = (folder / "criteria.yaml").read_text(encoding="utf-8")
    (folder / "criteria.yaml").write_text(text.replace('en: "PAR index', 'en: "The PAR index', 1), encoding="utf-8")
    assert _reuse(_same_as_without_cache(folder, tmp_path, fmt, cache, "criteria")) == (0, COMMUNES)
    assert _reuse(_same_as_without_cache(folder, tmp_path, fmt, cache, "criteria-warm")) == (COMMUNES, 0)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _unreadable(path: Path) -> None:
    path.chmod(0)


def _manifest_garbage(path: Path) -> None:
    (path.parent / "manifest.json").write_text("{not json", encoding="utf-8")


def _foreign_manifest(path: Path) -> None:
    manifest = path.parent / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"format": 1', '"format": 99'), encoding="utf-8")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "garbage": _garbage,
    "unreadable": _unreadable,
    "manifest-garbage": _manifest_garbage,
    "foreign-manifest": _foreign_manifest,
}


@pytest.mark.parametrize("kind", ["intake", "communes"])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_ignored_said_and_written_again(data: Path, tmp_path: Path, kind: str, damage: str) -> None:
    if damage == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads any file")
    cache = tmp_path / "cache"
    _score(data, tmp_path / "first", "parquet", cache)
    victims = sorted((cache / kind).glob("*/*.parquet"))
    assert victims
    for victim in victims:
        DAMAGE[damage](victim)
    text = _same_as_without_cache(data, tmp_path, "parquet", cache, "damaged")
    assert "Cache: ignored" in text and f"{kind}" in text
    assert "it was computed again, the results are unaffected" in text
    assert "Traceback" not in text
    # Written again: the next run uses it and says nothing is wrong.
    again = _same_as_without_cache(data, tmp_path, "parquet", cache, "again")
    assert "Cache: ignored" not in again
    assert _reuse(again) == (COMMUNES, 0)


def test_a_cache_file_that_cannot_be_read_is_said(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a file without read permission answers (also when the tests run as root)."""
    cache = tmp_path / "cache"
    _score(data, tmp_path / "first", "parquet", cache)
    read_bytes = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.suffix == ".parquet" and cache in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    text = _same_as_without_cache(data, tmp_path, "parquet", cache, "denied")
    assert "Cache: ignored" in text and "(Permission denied)" in text


def test_a_cache_that_is_a_file_is_left_alone(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.write_bytes(b"my notes")
    text = _same_as_without_cache(data, tmp_path, "csv", cache, "file")
    assert f"Cache: ignored {cache} (not a folder)" in text
    assert cache.read_bytes() == b"my notes"


def test_a_cache_note_of_ours_reads_in_vietnamese() -> None:
    from pari_index.intake.cache import CacheNote

    note = CacheNote("/x/cache", "not a folder", "không phải thư mục")
    assert note.text("vi") == (
        "Bộ nhớ đệm: bỏ qua /x/cache (không phải thư mục); phần này được tính lại, kết quả không đổi."
    )
    assert "(not a folder)" in note.text("en")


def test_an_unwritable_cache_is_said_and_the_run_goes_on(data: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        text = _same_as_without_cache(data, tmp_path, "parquet", cache, "readonly")
    finally:
        cache.chmod(0o700)
    assert "Cache: ignored" in text and "Permission denied" in text
    assert list(cache.iterdir()) == []


def test_an_interrupted_write_leaves_no_entry(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run interrupted while writing an entry (here: before the rename) leaves no entry; a run
    killed outright leaves a ``.tmp-`` folder, which no run takes for an entry."""
    cache = tmp_path / "cache"

    def killed(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "rename", killed)
    result = CliRunner().invoke(main, ["score", *_inputs(data), "-o", str(tmp_path / "r"), "--cache", str(cache)])
    assert result.exit_code != 0  # interrupted
    monkeypatch.undo()
    assert list(cache.glob("*/*")) == []  # the temporary folder removed on the way out, no entry
    text = _same_as_without_cache(data, tmp_path, "parquet", cache, "after-kill")
    assert "Cache: ignored" not in text


def test_the_installed_command_reports_a_damaged_cache_in_vietnamese(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = [*_inputs(data), "-o", str(tmp_path / "r"), "--format", "parquet", "--cache", str(cache), "-q"]
    cmd = [sys.executable, "-m", "pari_index.cli", "score", *args]
    subprocess.run(cmd, check=True, capture_output=True)
    for victim in (cache / "communes").glob("*/details.parquet"):
        _garbage(victim)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "Bộ nhớ đệm: bỏ qua" in proc.stdout and "kết quả không đổi" in proc.stdout


def test_a_parquet_table_has_the_same_bytes_however_its_rows_sit_in_memory(tmp_path: Path) -> None:
    """A table taken from the cache sits in memory in other chunks than one computed afresh;
    the file must not show it (before the fix, 300,000 rows came out in a different number of
    row groups, so a national warm run's rows.parquet differed from a cold run's)."""
    from pari_index.outputs.files import write_parquet

    n = 300_000
    whole = pl.DataFrame({"file": [f"row {i} of a commune" for i in range(n)], "row": list(range(n))})
    pieces = pl.concat([whole.slice(i, 1_000) for i in range(0, n, 1_000)], rechunk=False)
    assert whole.n_chunks() == 1 and pieces.n_chunks() == 300
    write_parquet(tmp_path / "whole.parquet", whole)
    write_parquet(tmp_path / "pieces.parquet", pieces)
    write_parquet(tmp_path / "lazy.parquet", pieces.lazy())
    assert (tmp_path / "whole.parquet").read_bytes() == (tmp_path / "pieces.parquet").read_bytes()
    assert (tmp_path / "whole.parquet").read_bytes() == (tmp_path / "lazy.parquet").read_bytes()
