"""What the cases of tests/hostile_faults37.py answer (a real ``pari`` beside a helper that saves
the assessments as pari reads them), and the shared functions fixed, tested directly: the watch
on inputs judging a file by its bytes, a library call's own error before its warning, and a
cache that uses only its user's entries and never writes through a planted link."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import warnings
from pathlib import Path

import pytest
from children import answers_its_case, pari_child
from hostile_faults37 import BESIDE, CASES, EXAMPLES, EXPECTED, NOT_WRITTEN, saver
from hypothesis import given, settings
from hypothesis import strategies as st

import pari_index as pari
from pari_index.system import input_watch


def test_every_case_has_its_expectation_and_its_helper() -> None:
    assert sorted(CASES) == sorted(EXPECTED) == sorted(BESIDE)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_beside_its_helper(tmp_path: Path, case: str, lang: str) -> None:
    """The assessments touched, saved again with the same bytes, or rewritten in place with other
    bytes of the same size, the moment pari opens the survey's pipe: until session 37 the first
    two were ``input-changed`` (exit 1, nothing written). Now written (exit 0); the third is still
    ``input-changed``, nothing written."""
    args = CASES[case](tmp_path)
    helper = subprocess.Popen(saver(BESIDE[case]), cwd=tmp_path)
    try:
        if lang == "vi":  # the sweeps' checks, in the default language
            said = answers_its_case(args, tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
        else:
            done = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
            said = done.stdout + done.stderr
            assert done.returncode == EXPECTED[case][0], said
            assert "Traceback" not in said and "lỗi" not in said, said
    finally:
        try:
            helper.wait(timeout=30)
        except subprocess.TimeoutExpired:
            helper.kill()
            helper.wait()
    assert helper.returncode == 0
    if EXPECTED[case][0] == 0:
        assert (tmp_path / "kq.xlsx").is_file(), said
        assert "[input-changed]" not in said, said
    else:
        start = "error: assessments_long.csv: the file changed" if lang == "en" else "lỗi: assessments_long.csv: "
        assert start in said, said
    assert not [p for p in tmp_path.iterdir() if "pari-tmp" in p.name]


def _touch(path: Path, seconds: int = 1) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def _same_size_other_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-2] = ord("0") if data[-2] != ord("0") else ord("1")
    with open(path, "r+b") as handle:  # in place: the same inode, the same size
        handle.write(data)


@pytest.mark.parametrize(
    ("change", "told"),
    [
        (lambda p: _touch(p), False),
        (lambda p: os.replace(_copy_of(p), p), False),  # the same bytes put in place by a rename
        (lambda p: p.write_bytes(p.read_bytes()), False),  # rewritten in place with the same bytes
        (_same_size_other_bytes, True),
        (lambda p: p.write_bytes(p.read_bytes() + b"\n"), True),
        (lambda p: p.unlink(), True),
    ],
    ids=["touched", "renamed-same", "rewritten-same", "same-size-other", "grown", "deleted"],
)
def test_the_watch_judges_a_file_by_its_bytes(tmp_path: Path, change: object, told: bool) -> None:
    watched = tmp_path / "communes.csv"
    watched.write_bytes(b"ma_xa,ten\n00001,Xa Mot\n00002,Xa Hai\n")
    with input_watch.watching([watched]):
        change(watched)  # type: ignore[operator]
        assert (input_watch.changed() == [str(watched)]) is told
        if told:
            with pytest.raises(pari.PariError) as raised:
                input_watch.check_unchanged()
            assert [p.code for p in raised.value.problems] == ["input-changed"]
        else:
            input_watch.check_unchanged()


def _copy_of(path: Path) -> Path:
    other = path.with_name(".saving")
    other.write_bytes(path.read_bytes())
    return other


def test_a_rewrite_within_a_coarse_clock_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FAT disk (2 s steps) or a share that keeps whole seconds: a rewrite of the same size
    in the same step leaves the identity as it was (the system's times cut to 2 s here, change time
    too). Until session 37 the watch saw nothing; now the bytes tell it."""
    watched = tmp_path / "assessments.csv"
    watched.write_bytes(b"ma_xa,tieu_chi,diem\n00001,1.1.1,1\n")
    real = os.stat

    def coarse(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real(path, *args, **kwargs)  # type: ignore[arg-type]
        fields = list(found)
        step = 2_000_000_000
        return os.stat_result(
            (*fields[:7], 0, 0, 0),
            {"st_mtime_ns": 0, "st_ctime_ns": 0, "st_atime_ns": found.st_atime_ns - found.st_atime_ns % step},
        )

    monkeypatch.setattr(os, "stat", coarse)
    with input_watch.watching([watched]):
        before = input_watch.identity(watched)
        _same_size_other_bytes(watched)
        assert input_watch.identity(watched) == before  # the identity cannot tell it
        assert input_watch.changed() == [str(watched)]


def test_the_run_s_digests_take_the_watch_s_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run's inputs are read once to be hashed, not once by the watch and once more by
    intake.file_digests."""
    from pari_index.intake import file_digests

    watched = tmp_path / "communes.csv"
    data = b"ma_xa\n1\n" * 1000
    watched.write_bytes(data)
    with input_watch.watching([watched]), file_digests.inputs_of_run([watched]):
        assert file_digests._run == {}  # not hashed a second time beside the watch
        assert file_digests.sha256(watched) == hashlib.sha256(data).hexdigest()


@settings(max_examples=30, deadline=None)
@given(data=st.binary(min_size=1, max_size=300), at=st.integers(min_value=0, max_value=299), byte=st.integers(0, 255))
def test_same_bytes_are_unchanged_and_any_other_byte_is_a_change(data: bytes, at: int, byte: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(data)
        with input_watch.watching([path]):
            edited = bytearray(data)
            edited[at % len(data)] = byte
            with open(path, "r+b") as handle:
                handle.write(edited)
            assert (input_watch.changed() != []) is (bytes(edited) != data)


# ---------------------------------------------------------------------------------------------
# The library: the call's own error before its warning


@pytest.fixture(scope="module")
def scored() -> tuple[object, object]:
    result = pari.score(
        [EXAMPLES / "assessments_long.csv"], communes=EXAMPLES / "communes.csv", survey=[EXAMPLES / "survey.csv"]
    )
    return result, pari.rank(result)


def _long_folder(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / ("a" * 150)
    folder.mkdir()
    return folder, "b" * (270 - len(str(folder)) - len(".xlsx"))


def test_under_warnings_as_errors_a_call_s_own_error_comes_first(tmp_path: Path, scored: tuple[object, object]) -> None:
    """Until session 37 each raised ``PariWarning: output-path-too-long-for-windows``."""
    folder, stem = _long_folder(tmp_path)
    (folder / f"{stem}.xlsx").write_bytes(b"the office's budget")
    calls = {
        "file-not-found": lambda: pari.run_score(
            assessments=[tmp_path / "missing.csv"], communes=EXAMPLES / "communes.csv", output=folder / stem
        ),
        "output-not-pari": lambda: pari.write_results(folder / f"{stem}.xlsx", *scored),  # type: ignore[arg-type]
        "output-suffix": lambda: pari.write_report(folder / f"{stem}.txt", *scored),  # type: ignore[arg-type]
    }
    for code, call in calls.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(pari.PariError) as raised:
                call()
        assert [p.code for p in raised.value.problems] == [code]
    assert sorted(p.name for p in folder.iterdir()) == [f"{stem}.xlsx"]
    assert (folder / f"{stem}.xlsx").read_bytes() == b"the office's budget"


def test_without_warnings_as_errors_the_call_warns_and_raises(tmp_path: Path, scored: tuple[object, object]) -> None:
    folder, stem = _long_folder(tmp_path)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        with pytest.raises(pari.PariError) as raised:
            pari.write_report(folder / f"{stem}.txt", *scored)  # type: ignore[arg-type]
    assert [p.code for p in raised.value.problems] == ["output-suffix"]
    assert [w.message.problem.code for w in record if isinstance(w.message, pari.PariWarning)] == [
        "output-path-too-long-for-windows"
    ]
    assert all(w.filename == __file__ for w in record)


def test_under_warnings_as_errors_the_warning_still_comes_before_any_byte(
    tmp_path: Path, scored: tuple[object, object]
) -> None:
    folder, stem = _long_folder(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(pari.PariWarning):
            pari.write_results(folder / f"{stem}.xlsx", *scored)  # type: ignore[arg-type]
        with pytest.raises(pari.PariWarning):
            pari.write_report(folder / f"{stem}.html", *scored)  # type: ignore[arg-type]
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# The cache: another user's entries, and its tag never written through a link


def _score_with_cache(folder: Path, lang: str = "en") -> tuple[int, str]:
    from sweeps import run_in_process

    return run_in_process(
        "score",
        str(EXAMPLES / "assessments_long.csv"),
        "--communes",
        str(EXAMPLES / "communes.csv"),
        "--survey",
        str(EXAMPLES / "survey.csv"),
        "-o",
        str(folder / "kq"),
        "--format",
        "csv",
        "--cache",
        str(folder / "c"),
        "-q",
        "--lang",
        lang,
    )


def _forge(entry: Path, owner: int | None) -> None:
    """Commune 00001's total and index raised in the entry's totals, its manifest made to match."""
    import polars as pl

    totals = pl.read_parquet(entry / "totals.parquet")
    first = pl.col("commune_code") == "00001"
    totals = totals.with_columns(
        pl.when(first).then(pl.lit(990000, pl.Int64)).otherwise(pl.col("total_points")).alias("total_points"),
        pl.when(first).then(pl.lit(999900, pl.Int64)).otherwise(pl.col("index")).alias("index"),
    )
    buffer = io.BytesIO()
    totals.write_parquet(buffer)
    (entry / "totals.parquet").write_bytes(buffer.getvalue())
    manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"]["totals"] = hashlib.sha256(buffer.getvalue()).hexdigest()
    (entry / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    if owner is not None:
        for path in [entry, *entry.iterdir()]:
            os.chown(path, owner, owner)
    else:
        entry.chmod(0o777)  # open to others' writing


def _first_commune(folder: Path) -> tuple[str, str]:
    import polars as pl

    summary = pl.read_csv(folder / "kq" / "summary.csv", infer_schema=False)
    row = summary.filter(pl.col("commune_code") == "00001").row(0, named=True)
    return row["total_points"], row["rank"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="chown to another user needs root")
@pytest.mark.parametrize("owner", [1000, None], ids=["another-user", "open-to-others"])
def test_an_entry_planted_by_another_user_does_not_change_the_ranking(tmp_path: Path, owner: int | None) -> None:
    """Until session 37: exit 0, "60 units reused", commune 00001 first with 99.0 (it has 80.85, 27th)."""
    status, said = _score_with_cache(tmp_path)
    assert status == 0, said
    honest = _first_commune(tmp_path)
    assert honest == ("80.85", "27")
    (entry,) = (tmp_path / "c" / "communes").iterdir()
    _forge(entry, owner)
    status, said = _score_with_cache(tmp_path)
    assert status == 0, said
    assert _first_commune(tmp_path) == honest
    assert f"Cache: ignored {tmp_path / 'c' / 'communes' / entry.name} (written by another user" in said, said
    assert "60 units reused" not in said


def test_the_reason_is_told_in_vietnamese() -> None:
    from pari_index.intake.cache_folder import OTHER_USERS
    from pari_index.messages.command_line import cache_reason_vi

    assert cache_reason_vi(OTHER_USERS) == (
        "do một người dùng khác ghi, hoặc người khác ghi vào được: không dùng, dù trong đó có gì"
    )


def test_the_tag_is_never_written_through_a_planted_link(tmp_path: Path) -> None:
    """Until session 37 the tag's text replaced the user's file a link ``.CACHEDIR.TAG.<pid>``
    led to."""
    from pari_index.intake.cache_folder import TAG, claim

    victim = tmp_path / "ghi-chu.txt"
    victim.write_text("the user's own notes\n", encoding="utf-8")
    cache = tmp_path / "c"
    cache.mkdir()
    for pid in {os.getpid(), *range(os.getpid() - 5, os.getpid() + 5)}:
        (cache / f".{TAG}.{pid}").symlink_to(victim)
    claim(cache)
    assert victim.read_text(encoding="utf-8") == "the user's own notes\n"
    assert (cache / TAG).read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    assert not (cache / TAG).is_symlink()


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("keep", [0, 1, 200, -1], ids=["empty", "one-byte", "cut", "last-byte-gone"])
def test_a_manifest_cut_short_is_told_in_the_run_s_language(tmp_path: Path, keep: int, lang: str) -> None:
    """A disk full, a power cut before the system wrote the manifest out, a copy of the cache
    stopped halfway: until session 37 told in the JSON parser's English ("Unterminated string
    starting at: line 10 column 13 (char 452)") whatever the language. The entry is never read as
    data: computed again, the same results."""
    status, said = _score_with_cache(tmp_path, lang)
    assert status == 0, said
    honest = (tmp_path / "kq" / "summary.csv").read_bytes()
    (entry,) = (tmp_path / "c" / "intake").iterdir()
    manifest = entry / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:keep])
    status, said = _score_with_cache(tmp_path, lang)
    assert status == 0, said
    reason = "manifest.json is cut short or damaged" if lang == "en" else "manifest.json bị cắt cụt hoặc hỏng"
    start = "Cache: ignored " if lang == "en" else "Bộ nhớ đệm: bỏ qua "
    assert f"{start}{entry} ({reason})" in said, said
    assert "Unterminated" not in said and "Expecting" not in said
    assert (tmp_path / "kq" / "summary.csv").read_bytes() == honest
