"""pari score --cache: a run with the cache writes the very same bytes as a run without it.

Cold (empty cache), warm (nothing changed), after the appraisal council corrects some communes,
after some communes' assessment rows change and after the criteria file changes, each compared
byte for byte with a run without cache on the same inputs, in every output format and the report.
Then a cache that is damaged in every way we could think of: the run still writes the right
results and says on the console what it ignored, never a traceback. No timing is asserted here
(benchmarks/rescore.py measures the speed).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl
import pytest
from children import pari_child
from click.testing import CliRunner
from example_runs import example_evidence

from pari_index.cli import main
from pari_index.demo import generate

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
COMMUNES = 60


@pytest.fixture(scope="module", autouse=True)
def _one_run_date() -> Iterator[None]:
    """Every run of the module dated the same day: a run without cache is remembered
    (:func:`_without_cache`) and compared with runs made minutes later, which could fall on the
    next day and write another run date."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
        yield


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


def _score(
    folder: Path, out: Path, fmt: str, cache: Path | None, ordinary_user: bool = False, child: bool = False
) -> str:
    """One pari score run (English console); returns the console text. ``ordinary_user``: run
    as a child for which file permissions hold (the tests run as root on CI); ``child``: as a
    child all the same (see :func:`_as_child`)."""
    target = out / "results.xlsx" if fmt == "xlsx" else out / "results"
    args = ["score", *_inputs(folder), "-o", str(target), "--report", str(out / "report.html"), "--lang", "en", "-q"]
    args += [] if fmt == "xlsx" else ["--format", fmt]
    args += ["--cache", str(cache)] if cache is not None else []
    if ordinary_user or child:
        done = pari_child(args, folder, ordinary_user=ordinary_user)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr
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


#: What a run without cache wrote, by the inputs' paths and bytes and the format: scoring the same
#: inputs without cache again gives the same files (what this module checks the cache against),
#: so each is scored once per test module and worker, not once per comparison.
_WITHOUT_CACHE: dict[tuple[object, ...], dict[str, bytes]] = {}


def _without_cache(folder: Path, plain: Path, fmt: str) -> dict[str, bytes]:
    """The files of a run without cache on ``folder``'s inputs (scored into ``plain`` the first
    time these inputs, byte for byte, are asked for)."""
    inputs = [Path(arg) for arg in _inputs(folder) if not arg.startswith("--")]
    key = (fmt, *((str(path), hashlib.sha256(path.read_bytes()).hexdigest()) for path in inputs))
    if key not in _WITHOUT_CACHE:
        _score(folder, plain, fmt, None)
        _WITHOUT_CACHE[key] = _files(plain)
    return _WITHOUT_CACHE[key]


def _same_as_without_cache(
    folder: Path, work: Path, fmt: str, cache: Path, name: str, ordinary_user: bool = False, child: bool = False
) -> str:
    """Runs with and without the cache (:func:`_without_cache`); asserts identical files; returns
    the cached run's console (``ordinary_user``, ``child``: that run as :func:`_score` says)."""
    plain, cached = work / f"{name}-plain", work / f"{name}-cached"
    text = _score(folder, cached, fmt, cache, ordinary_user, child)
    expected, got = _without_cache(folder, plain, fmt), _files(cached)
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


def _as_child(damage: str) -> bool:
    """Whether every run that reads or writes the cache of a ``damage`` case runs as a child.

    An unreadable entry is read by a child (:func:`_score`'s ``ordinary_user``), and an entry is
    used only by the code that wrote it (intake.cache.code_fingerprint, of the package's source).
    A child fingerprints the source as it is when it starts; this process did so once, when a
    test of its session first used a cache (the function is cached), up to the length of the
    whole suite before. A file of the package edited, or checked out, meanwhile (the suite takes
    50 minutes; its author keeps working) made the child's entries "written by another version"
    for this process's runs and this process's for the child: the ``[unreadable]`` cases failed
    (``Cache: ignored … (written by another version or for other inputs)`` in the run after), and
    only they. Every run of such a case on the cache is a child: all of them take the source as it
    is during the case's own seconds."""
    return damage == "unreadable"


@pytest.mark.parametrize("kind", ["intake", "communes"])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_ignored_said_and_written_again(data: Path, tmp_path: Path, kind: str, damage: str) -> None:
    cache = tmp_path / "cache"
    _score(data, tmp_path / "first", "parquet", cache, child=_as_child(damage))
    victims = sorted((cache / kind).glob("*/*.parquet"))
    assert victims
    for victim in victims:
        DAMAGE[damage](victim)
    text = _same_as_without_cache(data, tmp_path, "parquet", cache, "damaged", damage == "unreadable")
    assert "Cache: ignored" in text and f"{kind}" in text
    assert "it was computed again, the results are unaffected" in text
    assert "Traceback" not in text
    # Written again: the next run uses it and says nothing is wrong.
    again = _same_as_without_cache(data, tmp_path, "parquet", cache, "again", child=_as_child(damage))
    assert "Cache: ignored" not in again
    assert _reuse(again) == (COMMUNES, 0)


def test_a_cache_file_that_cannot_be_read_is_said(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a file without read permission answers (also when the tests run as root)."""
    cache = tmp_path / "cache"
    _score(data, tmp_path / "first", "parquet", cache)
    from pari_index.intake import cache as intake_cache

    read_regular = intake_cache.read_regular

    def denied(path: Path, limit: int | None = None, most: int | None = None) -> bytes:
        if path.suffix == ".parquet" and cache in path.parents:
            raise PermissionError(13, "Permission denied", str(path))
        return read_regular(path, limit, most)

    # The cache reads its files through cache_folder.read_regular (regular files only).
    monkeypatch.setattr(intake_cache, "read_regular", denied)
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
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        text = _same_as_without_cache(data, tmp_path, "parquet", cache, "readonly", ordinary_user=True)
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


def _rename_commune(folder: Path, code: str) -> None:
    """A commune renamed in the register (its register row changes, nothing else)."""
    path = folder / "communes.csv"
    frame = pl.read_csv(path, infer_schema=False)
    frame = frame.with_columns(
        pl.when(pl.col("code") == code).then(pl.lit("Xã Đổi Tên")).otherwise(pl.col("name")).alias("name")
    )
    frame.write_csv(path, include_bom=True)


def _change_survey(folder: Path, code: str) -> None:
    """Another satisfaction figure for the commune ``code`` in the survey file."""
    path = folder / "survey.csv"
    frame = pl.read_csv(path, infer_schema=False)
    first = frame.with_row_index("_i").filter(pl.col("commune_code") == code)["_i"][0]
    frame = frame.with_row_index("_i").with_columns(
        pl.when(pl.col("_i") == first).then(pl.lit("12,5")).otherwise(pl.col("value")).alias("value")
    )
    frame.drop("_i").write_csv(path, include_bom=True)


def _appraised(folder: Path, codes: list[str]) -> list[str]:
    """Those of ``codes`` the appraisal file has rows for (a changed reason changes only them)."""
    rows = pl.read_csv(folder / "appraisal.csv", infer_schema=False)["commune_code"]
    return [code for code in codes if code in set(rows.to_list())]


def test_runs_after_register_survey_and_repeated_changes_write_the_same_bytes(data: Path, tmp_path: Path) -> None:
    """Changes kept over the whole entry, run after run, until a quarter of the communes changed:
    then the whole entry is written again. Each run is compared with a run without cache."""
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache = tmp_path / "cache"
    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()
    assert _reuse(_same_as_without_cache(folder, tmp_path, "csv", cache, "cold")) == (0, COMMUNES)

    _rename_commune(folder, codes[7])
    assert _reuse(_same_as_without_cache(folder, tmp_path, "csv", cache, "register")) == (COMMUNES - 1, 1)
    assert len(list((cache / "communes-changes").iterdir())) == 1  # only the changes were written

    _change_survey(folder, codes[30])
    assert _reuse(_same_as_without_cache(folder, tmp_path, "parquet", cache, "survey")) == (COMMUNES - 1, 1)

    _change_appraisal(folder, codes[40:43])  # the changes now hold 1 + 1 + 2 communes
    council = _appraised(folder, codes[40:43])
    assert len(council) == 2
    assert _reuse(_same_as_without_cache(folder, tmp_path, "parquet", cache, "appraisal")) == (COMMUNES - 2, 2)
    changed = pl.read_parquet(next((cache / "communes-changes").glob("*/changed.parquet")))
    assert sorted(changed["commune_code"].to_list()) == sorted([codes[7], codes[30], *council])

    _change_appraisal(folder, codes[44:60])  # with these, over a quarter changed: the whole entry again
    council = _appraised(folder, codes[44:60])
    assert 4 + len(council) > COMMUNES // 4
    assert _reuse(_same_as_without_cache(folder, tmp_path, "parquet", cache, "many")) == (
        COMMUNES - len(council),
        len(council),
    )
    assert list((cache / "communes-changes").iterdir()) == []
    assert _reuse(_same_as_without_cache(folder, tmp_path, "parquet", cache, "warm")) == (COMMUNES, 0)


def _with_changes_entry(data: Path, tmp_path: Path, child: bool = False) -> tuple[Path, Path, list[str]]:
    """A copy of the data and a cache holding a whole entry and an entry of changes over it
    (written by children with ``child``: see :func:`_as_child`)."""
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache = tmp_path / "cache"
    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()
    _score(folder, tmp_path / "first", "parquet", cache, child=child)
    _change_appraisal(folder, codes[3:6])
    _score(folder, tmp_path / "second", "parquet", cache, child=child)
    return folder, cache, codes


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_of_changes_is_ignored_said_and_written_again(data: Path, tmp_path: Path, damage: str) -> None:
    folder, cache, codes = _with_changes_entry(data, tmp_path, child=_as_child(damage))
    victims = sorted((cache / "communes-changes").glob("*/*.parquet"))
    assert victims
    for victim in victims:
        DAMAGE[damage](victim)
    _change_appraisal(folder, codes[20:22])
    text = _same_as_without_cache(folder, tmp_path, "parquet", cache, "damaged", damage == "unreadable")
    assert "Cache: ignored" in text and "communes-changes" in text and "Traceback" not in text
    # Without the changes, the communes changed since the whole entry are scored again.
    changed = len(_appraised(folder, [*codes[3:6], *codes[20:22]]))
    assert _reuse(text) == (COMMUNES - changed, changed)
    again = _same_as_without_cache(folder, tmp_path, "parquet", cache, "again", child=_as_child(damage))
    assert "Cache: ignored" not in again and _reuse(again) == (COMMUNES, 0)


def test_changes_over_a_whole_entry_written_since_are_not_used(data: Path, tmp_path: Path) -> None:
    """Two runs sharing a cache: one writes changes over the whole entry it read while the other
    writes a new whole entry. The changes are kept under a key made of the whole entry they were
    written over, so they are not found over the other one."""
    folder, cache, codes = _with_changes_entry(data, tmp_path)
    (changes,) = (cache / "communes-changes").iterdir()
    aside = tmp_path / "aside"
    shutil.copytree(changes, aside)
    _change_appraisal(folder, codes[10:30])  # a third of the communes: a whole entry is written
    _score(folder, tmp_path / "third", "parquet", cache)
    assert list((cache / "communes-changes").iterdir()) == []
    shutil.copytree(aside, changes)  # the other run's changes land after it
    text = _same_as_without_cache(folder, tmp_path, "parquet", cache, "stale")
    assert "Cache: ignored" not in text
    assert _reuse(text) == (COMMUNES, 0)
    # The stale changes would have put the first appraisal's rows back: they were not used, and
    # a change since is still seen.
    _change_appraisal(folder, codes[40:42])
    changed = len(_appraised(folder, codes[40:42]))
    assert _reuse(_same_as_without_cache(folder, tmp_path, "parquet", cache, "later")) == (
        COMMUNES - changed,
        changed,
    )


def test_two_runs_at_once_share_the_cache(data: Path, tmp_path: Path) -> None:
    """Two pari processes scoring with the same cache at the same time (one cold, then both after
    a change) each write what a run without cache writes; so does the run after them."""
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache = tmp_path / "cache"
    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()

    def together(name: str) -> None:
        outs = [tmp_path / f"{name}-{i}" for i in (1, 2)]
        base = [sys.executable, "-m", "pari_index.cli", "score", *_inputs(folder), "--format", "parquet"]
        base += ["--lang", "en", "-q", "--cache", str(cache)]
        cmds = [[*base, "-o", str(out / "results"), "--report", str(out / "report.html")] for out in outs]
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for cmd in cmds]
        results = [proc.communicate() for proc in procs]
        for proc, (out, err) in zip(procs, results, strict=True):
            assert proc.returncode == 0, err
            assert "Traceback" not in out + err
        _score(folder, tmp_path / f"{name}-plain", "parquet", None)
        expected = _files(tmp_path / f"{name}-plain")
        for out in outs:
            assert _files(out) == expected

    together("cold")
    _change_appraisal(folder, codes[3:6])
    together("changed")
    after = _same_as_without_cache(folder, tmp_path, "parquet", cache, "after")
    assert "Traceback" not in after


def _inodes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_results_whose_bytes_would_not_change_are_kept_not_written_again(data: Path, tmp_path: Path, fmt: str) -> None:
    """Re-scoring into the same results folder: a table whose file already holds what would be
    written is carried over (the same file, same inode), anything else is written; the folder
    always ends with the bytes of a run without cache. A file changed by hand is written again."""
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache, same = tmp_path / "cache", tmp_path / "same"
    (same / "results").parent.mkdir()

    def rescore(name: str) -> dict[str, int]:
        before = _inodes(same / "results") if (same / "results").exists() else {}
        _score(folder, same, fmt, cache)
        plain = tmp_path / f"{name}-plain"
        _score(folder, plain, fmt, None)
        assert _files(same / "results") == _files(plain / "results"), name
        after = _inodes(same / "results")
        return {file: inode for file, inode in after.items() if before.get(file) == inode}

    assert rescore("cold") == {}
    tables = {f"{name}.{fmt}" for name in ("summary", "criteria", "findings", "rows", "about")}
    if fmt == "parquet":  # a Parquet folder's about is written every run: it records the others' SHA-256
        tables.remove("about.parquet")
    assert set(rescore("warm")) == tables  # nothing changed: every table kept

    # Edited as a table still (one row dropped): an output of pari-index's, so it is replaced (a
    # file under a table's name that is no longer one is a user's, refused: test_output_matrix).
    rows = same / "results" / f"rows.{fmt}"
    edited = (pl.read_csv if fmt == "csv" else pl.read_parquet)(rows).head(-1)
    edited.write_csv(rows) if fmt == "csv" else edited.write_parquet(rows)
    assert set(rescore("edited")) == tables - {f"rows.{fmt}"}

    # A link with the very bytes in place of a table is not kept (a link in the new folder would
    # point out of it): the table is written as a file again.
    summary = same / "results" / f"summary.{fmt}"
    (tmp_path / "elsewhere").write_bytes(summary.read_bytes())
    summary.unlink()
    summary.symlink_to(tmp_path / "elsewhere")
    assert set(rescore("linked")) == tables - {f"summary.{fmt}"}
    assert not summary.is_symlink()

    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()
    _change_appraisal(folder, codes[3:6])
    kept = rescore("appraisal")
    # The council's decisions change the per-item rows, the findings and the appraisal's file hash.
    assert not {f"criteria.{fmt}", f"findings.{fmt}", f"about.{fmt}"} & set(kept)


def test_a_table_digest_tells_apart_what_its_file_would() -> None:
    from pari_index.scoring.cache import frame_digest

    frame = pl.DataFrame({"a": ["x", "y"], "b": [0.0, 1.5]})
    assert frame_digest(frame) == frame_digest(pl.concat([frame.head(1), frame.tail(1)], rechunk=False))
    assert frame_digest(frame) != frame_digest(frame.with_columns(pl.Series("b", [-0.0, 1.5])))
    assert frame_digest(frame) != frame_digest(frame.reverse())
    assert frame_digest(frame) != frame_digest(frame.rename({"b": "c"}))
    assert frame_digest(frame) != frame_digest(frame.with_columns(pl.col("b").cast(pl.Float32)))
    assert frame_digest(pl.DataFrame({"a": ["xy", "z"], "b": ["", "w"]})) != frame_digest(
        pl.DataFrame({"a": ["x", "z"], "b": ["y", "w"]})
    )
    assert frame_digest(frame.lazy()) is None


def test_row_group_digests_change_with_their_rows_and_make_the_table_digest() -> None:
    """A table of several row groups: a changed value changes its group's digest (only) and the
    table's; the same rows however chunked give the same digests; a group is told apart from the
    same rows elsewhere (its number is in its digest)."""
    from pari_index.scoring.cache import table_digests

    frame = pl.DataFrame({"a": [str(i % 7) for i in range(10)], "b": [float(i % 7) for i in range(10)]})
    whole, groups = table_digests(frame, 4)
    assert len(groups) == 3 and len(set(groups)) == 3
    pieces = pl.concat([frame.slice(0, 3), frame.slice(3, 5), frame.slice(8, 2)], rechunk=False)
    assert table_digests(pieces, 4) == (whole, groups)
    changed = frame.with_columns(pl.when(pl.int_range(10) == 5).then(-1.0).otherwise(pl.col("b")).alias("b"))
    whole2, groups2 = table_digests(changed, 4)
    assert whole2 != whole and [g == h for g, h in zip(groups, groups2, strict=True)] == [True, False, True]
    # One group at most: no group digests, the whole digest as frame_digest gives it.
    assert table_digests(frame, 20) == (table_digests(frame, None)[0], [])


def test_a_table_of_which_some_row_groups_changed_is_patched_to_the_same_bytes(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-scoring into the same results folder after the council corrects a few communes: the
    Parquet tables whose rows changed in some row groups only are made from the earlier file's
    other row groups (outputs.parquet_patch), and are the bytes of a run without cache. Row groups
    of 500 rows here (65,536 in use), so that the 60 communes' tables have several."""
    from pari_index.outputs import files, parquet_patch

    monkeypatch.setattr(files, "PARQUET_ROW_GROUP", 500)
    patched: list[int] = []
    original = parquet_patch.patched_parquet

    def spy(old: bytes, frame: pl.DataFrame, unchanged: set[int], group_rows: int) -> bytes | None:
        out = original(old, frame, unchanged, group_rows)
        patched.append(len(unchanged) if out is not None else -1)
        return out

    monkeypatch.setattr(parquet_patch, "patched_parquet", spy)
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache, same = tmp_path / "cache", tmp_path / "same"

    def rescore(name: str) -> None:
        _score(folder, same, "parquet", cache)
        _score(folder, tmp_path / f"{name}-plain", "parquet", None)
        assert _files(same / "results") == _files(tmp_path / f"{name}-plain" / "results"), name

    rescore("cold")
    rescore("warm")
    assert patched == []  # nothing to patch: every table kept whole
    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()
    groups = -(-COMMUNES * 59 // 500)  # the criteria table's row groups
    _change_appraisal(folder, codes[3:6])  # the criteria table's first row group only
    rescore("appraisal")
    assert groups - 1 in patched  # the criteria table: every other group copied
    patched.clear()
    _change_appraisal(folder, codes[30:32])
    rescore("appraisal-again")
    assert groups - 1 in patched
    patched.clear()
    # The earlier file changed by hand (valid Parquet, another table): its SHA-256 is not the one
    # recorded, so it is not patched from but written whole.
    criteria = same / "results" / "criteria.parquet"
    pl.read_parquet(criteria).head(10).write_parquet(criteria)
    _change_appraisal(folder, codes[50:52])
    rescore("edited")
    assert groups - 1 not in patched


def test_with_an_evidence_folder_the_rows_read_beside_the_intake_are_not_used(data: Path, tmp_path: Path) -> None:
    """With --evidence-dir no commune's rows are reused (the files may change on disk): the rows
    read beside the intake are left unused, the results are those of a run without cache, and a
    damaged entry among them is still said once."""
    evidence = example_evidence(tmp_path / "evidence", data / "assessments_long.csv", data / "assessments_wide.csv")
    cache = tmp_path / "cache"

    def run(out: Path, cached: bool) -> str:
        args = ["score", *_inputs(data), "-o", str(out), "--format", "parquet", "--lang", "en", "-q"]
        args += ["--evidence-dir", str(evidence)] + (["--cache", str(cache)] if cached else [])
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    _score(data, tmp_path / "fill", "parquet", cache)  # fills the communes' rows without evidence
    (entry,) = (cache / "communes").iterdir()
    _truncate(entry / "details.parquet")
    text = run(tmp_path / "cached", True)
    run(tmp_path / "plain", False)
    assert _files(tmp_path / "cached") == _files(tmp_path / "plain")
    assert _reuse(text) == (0, COMMUNES)
    assert text.count("Cache: ignored") == 1 and "details.parquet" in text


def _retype_commune(folder: Path, code: str) -> None:
    """A commune's type changed in the register (a ward becomes a commune, or back)."""
    path = folder / "communes.csv"
    frame = pl.read_csv(path, infer_schema=False)
    flipped = pl.when(pl.col("type") == "phường").then(pl.lit("xã")).otherwise(pl.lit("phường"))
    frame.with_columns(pl.when(pl.col("code") == code).then(flipped).otherwise(pl.col("type")).alias("type")).write_csv(
        path, include_bom=True
    )


def _wrong_unit_warnings(out: Path) -> int:
    findings = pl.read_parquet(out / "results" / "findings.parquet")
    return findings.filter(pl.col("kind") == "not-applicable-to-unit").height


def test_what_is_derived_from_the_intake_is_kept_with_it(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-score whose assessment files did not change takes the not-applicable-to-unit
    warnings, the items given and the communes that sent anything from the intake's entry,
    not from the whole intake again (the run's own functions fail here if called); a change of
    a unit's type derives them again. The files are a run without cache's either way."""
    import pari_index.scoring.run as run

    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache = tmp_path / "cache"
    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()
    _score(folder, tmp_path / "first", "parquet", cache)

    def derived_again(*_args: object) -> pl.DataFrame:
        raise AssertionError("derived from the whole intake again")

    _change_appraisal(folder, codes[3:6])
    _score(folder, tmp_path / "plain", "parquet", None)
    import pari_index.intake.inputs as intake_inputs

    with monkeypatch.context() as patched:
        patched.setattr(intake_inputs, "wrong_unit_findings", derived_again)
        patched.setattr(run, "submitted_items", derived_again)
        _score(folder, tmp_path / "cached", "parquet", cache)
    assert _files(tmp_path / "cached") == _files(tmp_path / "plain")

    _retype_commune(folder, codes[0])
    _score(folder, tmp_path / "retyped-plain", "parquet", None)
    _score(folder, tmp_path / "retyped-cached", "parquet", cache)
    assert _files(tmp_path / "retyped-cached") == _files(tmp_path / "retyped-plain")
    assert _wrong_unit_warnings(tmp_path / "retyped-plain") > _wrong_unit_warnings(tmp_path / "plain")


def test_the_communes_rows_are_read_while_the_intake_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading of the communes' rows started beside the intake is still going on when the
    intake's reading starts (it was once joined first, in a ``with`` block)."""
    import threading

    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.scoring import cache as scoring_cache

    release = threading.Event()

    def slow_load(*_args: object) -> None:
        release.wait(timeout=30)

    monkeypatch.setattr(scoring_cache.CachedRows, "load", slow_load)
    run_cache = scoring_cache.RunCache(tmp_path / "cache", lang="en")
    run_cache._prefetch(compile_criteria(load_criteria(CRITERIA).criteria, None))
    assert run_cache._prefetched is not None
    reading = run_cache._prefetched[1]
    assert not reading.done()
    release.set()
    assert reading.result(timeout=30) is None


def test_input_digests_once_per_run_and_never_stale(tmp_path: Path) -> None:
    """The inputs of a run are hashed once (pari_index.file_digests): the digest is the file's
    SHA-256, a file changed since it was hashed is hashed again, and nothing is remembered after
    the run (a file rewritten within one clock tick could keep its identity)."""
    import hashlib

    from pari_index.intake import file_digests

    first, other = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"x" * 3_000_000)
    other.write_bytes(b"y")
    with file_digests.inputs_of_run([first, None, first, other]):
        assert file_digests.sha256(first) == hashlib.sha256(b"x" * 3_000_000).hexdigest()
        first.write_bytes(b"changed")
        assert file_digests.sha256(first) == hashlib.sha256(b"changed").hexdigest()
        assert file_digests.sha256(other) == hashlib.sha256(b"y").hexdigest()
        assert file_digests.sha256(tmp_path) is None  # a folder: never cached
        assert file_digests.sha256(tmp_path / "missing.csv") is None
        remembered = dict(file_digests._run)
        assert set(remembered) == {str(first), str(other)}
    assert file_digests._run == {}
    # Outside a run, a file is hashed as it is now, even when its identity is unchanged.
    with file_digests.inputs_of_run([other]):
        file_digests.sha256(other)
        identity = os.stat(other)
    other.write_bytes(b"z")
    os.utime(other, ns=(identity.st_atime_ns, identity.st_mtime_ns))
    assert file_digests.sha256(other) == hashlib.sha256(b"z").hexdigest()


def test_ranking_facts_kept_per_commune_are_those_of_all_rows(data: Path) -> None:
    """What ranking takes from each commune's rows (applicable areas, largest losses) is each
    commune's own: made from any split of the communes and put together, it is what ranking
    computes from all rows (the re-score keeps it with each commune's rows); a part without
    them (an entry written without) gives none, and ranking computes them."""
    from pari_index.ranking.ranks import commune_facts
    from pari_index.scoring.cache import RankingFacts, _merged_facts
    from pari_index.scoring.run import score

    result = score(
        [str(data / "assessments_long.csv")],
        str(data / "criteria.yaml"),
        communes=str(data / "communes.csv"),
        survey=[str(data / "survey.csv")],
        appraisal=str(data / "appraisal.csv"),
    )
    details, totals = result.scan_details().collect(), result.totals
    whole = RankingFacts(*commune_facts(details, totals))
    codes = totals["commune_code"].sort()
    assert whole.areas is not None and whole.lost.height > 10  # the case is not empty
    for split in (codes.gather_every(3), codes.head(1), codes.tail(25)):
        rest = codes.filter(~codes.is_in(split.implode()))
        parts: list[tuple[RankingFacts | None, pl.Series]] = [
            (RankingFacts(*commune_facts(details.filter(pl.col("commune_code").is_in(c.implode())), totals)), c)
            for c in (rest, split)
        ]
        merged = _merged_facts(parts)
        assert merged is not None and merged.areas is not None
        assert merged.lost.sort("commune_code").equals(whole.lost.sort("commune_code"))
        as_sets = [
            f.sort("commune_code").with_columns(pl.col("_areas").list.sort()) for f in (merged.areas, whole.areas)
        ]
        assert as_sets[0].equals(as_sets[1])
        assert _merged_facts([parts[0], (None, split)]) is None


def test_a_rescore_decodes_only_the_rescored_communes_intake_rows(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the council's corrections, the cached intake's cells, meta rows and places are
    decoded for the communes scored again only (never whole), and the files are a run without
    cache's; a cached intake's tables read whole or in part give the same rows."""
    import pari_index.intake.cache as intake_cache

    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    cache = tmp_path / "cache"
    codes = pl.read_csv(folder / "communes.csv", infer_schema=False)["code"].to_list()
    _score(folder, tmp_path / "first", "parquet", cache)
    _change_appraisal(folder, codes[7:9])
    _score(folder, tmp_path / "plain", "parquet", None)

    def whole(_data: bytes) -> pl.DataFrame:
        raise AssertionError("a table of the cached intake decoded whole")

    with monkeypatch.context() as patched:
        patched.setattr(intake_cache, "_read_whole", whole)
        text = _score(folder, tmp_path / "cached", "parquet", cache)
    scored = re.search(r"(\d+) scored again", text)
    assert scored is not None and 1 <= int(scored.group(1)) <= 2
    assert _files(tmp_path / "cached") == _files(tmp_path / "plain")

    entry = next((cache / "intake").iterdir())
    raw = {name: (entry / f"{name}.parquet").read_bytes() for name in intake_cache.CachedIntake.DEFERRED}
    frames = {name: pl.read_parquet(entry / f"{name}.parquet") for name in ("findings", "ledger")}
    intake = intake_cache.CachedIntake.of(frames, raw)
    some = pl.Series([*codes[2:5], "no-such-code"])
    for name in intake_cache.CachedIntake.DEFERRED:
        part = intake.rows_of(name, some)
        assert intake.decoded(name) is None and part.height > 0
        full = getattr(intake, name)
        assert intake.decoded(name) is full and full.equals(pl.read_parquet(entry / f"{name}.parquet"))
        assert part.equals(full.filter(pl.col("commune_code").is_in(some.implode())))
        assert intake.rows_of(name, some).equals(part)


def test_the_appraisal_is_read_once_beside_the_cached_intake(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a cache, the appraisal file is read in a thread while the intake is (once: the run
    takes that reading), and its problems are said as without cache."""
    import threading

    import pari_index.intake.inputs as intake_inputs
    import pari_index.scoring.cache as scoring_cache

    readers: list[str] = []
    read = scoring_cache.read_appraisal

    def counted(*args: object, **kwargs: object) -> object:
        readers.append(threading.current_thread().name)
        return read(*args, **kwargs)  # type: ignore[arg-type]

    def not_here(*_args: object) -> None:
        raise AssertionError("the appraisal read again by the run")

    monkeypatch.setattr(scoring_cache, "read_appraisal", counted)
    monkeypatch.setattr(intake_inputs, "read_appraisal", not_here)
    _score(data, tmp_path / "first", "parquet", tmp_path / "cache")
    assert len(readers) == 1 and readers[0] != threading.current_thread().name

    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    (folder / "appraisal.csv").write_text("commune_code,criterion_id\n", encoding="utf-8")
    monkeypatch.undo()
    said = []
    for cache in ([], ["--cache", str(tmp_path / "cache")]):
        args = ["score", *_inputs(folder), "-o", str(tmp_path / "out"), "--format", "parquet", "--lang", "en"]
        result = CliRunner().invoke(main, [*args, *cache], catch_exceptions=False)
        said.append((result.exit_code, result.output))
    assert said[0] == said[1] and said[0][0] == 1 and "appraisal.csv" in said[0][1], said
