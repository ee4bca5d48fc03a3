"""What the cases of tests/hostile_faults36.py answer: the warning of an output too long for
Windows tells the longest path its writer really puts there (a results folder's tables of the run's
format, a demo set's files of its format and forms), of a folder by what writes it and not by its
ending; and the shared functions, tested directly."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from hostile_faults36 import CASES, EXPECTED, NOT_WRITTEN, WRITTEN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests, sweep_child

import pari_index as pari

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
_DEMO = {name: case for name, case in CASES.items() if name.startswith("demo-")}
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in _DEMO}, EXPECTED
)
_, test_the_demo_cases_say_it_in_their_own_language = language_tests(_DEMO, EXPECTED, "demo-data")

LONG = {
    "en": "-o: the files pari writes in it reach a full path of {length} characters: Excel and Explorer on "
    "Windows open at most 259",
    "vi": "-o: các tệp pari ghi vào đó có đường dẫn đầy đủ dài {length} ký tự: Excel và Explorer trên Windows chỉ "
    "mở được đường dẫn dài tối đa 259 ký tự",
}


def _longest_written(folder: Path) -> int:
    return max(len(os.path.realpath(Path(r) / f)) for r, _, fs in os.walk(folder) for f in fs)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_warning_tells_the_longest_path_written_and_only_a_path_over_the_limit(
    tmp_path: Path, case: str, lang: str
) -> None:
    done = sweep_child([*CASES[case](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    name, longest = WRITTEN[case]
    (output,) = [Path(r) / d for r, ds, _ in os.walk(tmp_path) for d in ds if d == name]
    assert _longest_written(output) == longest  # the case is what it says
    warned = said.count("[output-path-too-long-for-windows]")
    assert warned == (longest > 259), said
    if longest > 259:
        assert LONG[lang].format(length=longest) in said, said


def test_each_writer_names_what_it_writes_in_its_folder() -> None:
    from pari_index.cli_params import names_inside

    csv = ("summary.csv", "criteria.csv", "findings.csv", "rows.csv", "about.csv")
    assert names_inside("score", "output", Path("kq"), {"fmt": "csv"}) == csv
    assert names_inside("score", "output", Path("kq"), {"fmt": None}) == csv  # a name without ending: CSV
    assert names_inside("score", "output", Path("kq.parquet"), {"fmt": None}) == tuple(
        n.replace(".csv", ".parquet") for n in csv
    )
    assert names_inside("score", "output", Path("kq.xlsx"), {"fmt": None}) == ()  # a workbook: a file
    assert names_inside("score", "output", Path("kq.2026"), {"fmt": None}) == ()  # refused by the run itself
    assert names_inside("score", "report", Path("bc"), {"fmt": "csv"}) == ()
    assert names_inside("template", "output", Path("mau"), {}) == ()
    long_csv = ("communes.csv", "assessments_long.csv", "survey.csv", "appraisal.csv", "SYNTHETIC-README.md")
    assert names_inside("demo-data", "output", Path("d"), {"fmt": "csv", "forms": ()}) == long_csv
    both = names_inside("demo-data", "output", Path("d"), {"fmt": "xlsx", "forms": ("long", "wide")})
    assert "assessments_wide.xlsx" in both and "assessments_long.xlsx" in both


def test_demo_data_s_path_rule_and_its_length_share_the_writer_s_names() -> None:
    """One list of the set's files (demo.layout.SET_STEMS): what the writer puts in place and
    removes of an earlier set (demo.files), what the path rule judges (cli demo_data) and what the
    length counts."""
    from pari_index.demo import files
    from pari_index.demo.layout import README_NAME, SET_STEMS, set_names

    assert files.SET_STEMS is SET_STEMS
    every = set(set_names("parquet", ("long", "wide")))
    assert every == {f"{stem}.parquet" for stem in SET_STEMS} | {README_NAME}
    assert set_names("csv", ("wide",)) == (
        "communes.csv",
        "assessments_wide.csv",
        "survey.csv",
        "appraisal.csv",
        README_NAME,
    )


@given(
    first=st.integers(min_value=1, max_value=150),
    second=st.integers(min_value=1, max_value=150),
    names=st.lists(st.text(alphabet="abcđếệ\U0001f4c1_.", min_size=1, max_size=30), min_size=1, max_size=6),
)
def test_a_folder_counts_its_longest_name_in_utf16_units(first: int, second: int, names: list[str]) -> None:
    from pari_index.outputs.path_lengths import long_for_windows, windows_length

    path = Path("/" + "x" * first + "/" + "y" * second)  # no name over 255 bytes: none refused
    depth = first + 1 + second
    longest = max(len(n.encode("utf-16-le")) // 2 for n in names)
    assert windows_length(path, names) == 1 + depth + 1 + longest
    assert windows_length(path) == 1 + depth
    told = long_for_windows("-o", path, names)
    assert (told is not None) == (1 + depth + 1 + longest > 259)
    assert long_for_windows("-o", path) is None or 1 + depth > 259


@pytest.fixture(scope="module")
def scored() -> tuple[object, object]:
    """The example province scored and ranked by the library, once for the module."""
    from hostile_faults36 import EXAMPLES

    result = pari.score(
        [EXAMPLES / "assessments_long.csv"], communes=EXAMPLES / "communes.csv", survey=[EXAMPLES / "survey.csv"]
    )
    return result, pari.rank(result)


def _told(record: list[warnings.WarningMessage]) -> list[tuple[str, dict[str, object]]]:

    return [
        (w.message.problem.code, w.message.problem.params) for w in record if isinstance(w.message, pari.PariWarning)
    ]


@pytest.mark.parametrize(
    ("name", "fmt", "longest", "inside"),
    [
        ("kq.xlsx", "xlsx", 263, "file"),
        ("kq", "parquet", 263 + len("/findings.parquet"), "folder"),
        ("kq", "csv", 263 + len("/findings.csv"), "folder"),
        ("ok.xlsx", "xlsx", 259, None),
        ("ok", "csv", 259, None),
    ],
)
def test_the_library_warns_of_results_windows_cannot_open_as_pari_does_and_writes_them(
    tmp_path: Path, scored: tuple[object, object], name: str, fmt: str, longest: int, inside: str | None
) -> None:
    """Until session 36 ``pari.write_results`` (and ``write_report``, ``run_score``) wrote them
    without a word, where ``pari score`` warned."""
    from hostile_faults36 import at_length

    base = tmp_path.resolve()
    length = longest - (len("/findings.csv") if fmt == "csv" else 0) if inside is None else 263
    path = base / at_length(base, length, name)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        written = pari.write_results(path, *scored, fmt=fmt)  # type: ignore[arg-type]
    told = _told(record)
    if inside is None:
        assert told == []
    else:
        assert told == [
            (
                "output-path-too-long-for-windows",
                {"option": "path", "length": longest, "limit": 259, "long_inside": inside},
            )
        ]
        assert all(w.filename == __file__ for w in record)  # the caller's line, not the library's
    assert written and all(p.exists() for p in written)


def test_the_library_warns_of_a_report_and_a_run_windows_cannot_open(
    tmp_path: Path, scored: tuple[object, object]
) -> None:
    from hostile_faults36 import EXAMPLES, at_length

    base = tmp_path.resolve()
    page = base / at_length(base, 270, "bao-cao.html")
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        pari.write_report(page, *scored)  # type: ignore[arg-type]
        pari.run_score(
            assessments=[EXAMPLES / "assessments_long.csv"],
            communes=EXAMPLES / "communes.csv",
            survey=[EXAMPLES / "survey.csv"],
            output=page.with_name("kq"),
            fmt="parquet",
        )
    assert [(code, params["option"], params["length"]) for code, params in _told(record)] == [
        ("output-path-too-long-for-windows", "path", 270),
        ("output-path-too-long-for-windows", "output", 270 - len("bao-cao.html") + len("kq/findings.parquet")),
    ]
    assert page.exists() and (page.with_name("kq") / "summary.parquet").exists()


@pytest.mark.parametrize("lock", ["~$ket-qua.xlsx", ".~lock.ket-qua.xlsx#", None])
def test_the_library_warns_of_results_read_while_open_in_excel(
    tmp_path: Path, scored: tuple[object, object], lock: str | None
) -> None:
    """``pari report`` and ``pari explain`` warn of it (session 35); ``pari.read_results`` said nothing."""

    pari.write_results(tmp_path / "ket-qua.xlsx", *scored)  # type: ignore[arg-type]
    if lock is not None:
        (tmp_path / lock).write_bytes(b"\x0bclerk\x00" + bytes(40))
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        tables = pari.read_results(tmp_path / "ket-qua.xlsx")
    assert tables["summary"].height == 60
    told = _told(record)
    assert [code for code, _ in told] == (["input-open-in-office"] if lock else [])
    if lock is not None:
        (message,) = [w.message for w in record]
        assert lock in str(message) and "last saved" in str(message)
        assert lock in message.problem.render("vi") and "bản đã lưu gần nhất" in message.problem.render("vi")


def _example(folder: Path) -> list[str]:
    from hostile_faults36 import _inputs

    return ["score", *_inputs(folder), "-o", "ket-qua.xlsx", "--cache", "c", "--lang", "en"]


UNWRITTEN = {
    "en": "Cache: could not write into c ({reason}); this run's results are complete, the next run "
    "computes again what was not kept.",
    "vi": "Bộ nhớ đệm: không ghi được vào c ({reason}); kết quả của lần chạy này vẫn đầy đủ, lần chạy sau sẽ tính "
    "lại phần không lưu được.",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("number", ["ENOSPC", "EDQUOT", "EROFS", "EIO"])
def test_a_cache_that_cannot_be_written_mid_run_is_told_once_and_the_results_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: str, lang: str
) -> None:
    """A disk full (or a quota, a disk turned read-only, a failing one) while the cache's entries
    are written: until session 36 "Cache: ignored c/intake/<64 hex> (No space left on device); it was
    computed again" and the same of c/communes/…, of entries never read. Now one line of the folder,
    saying what happened; the results written as without a cache, no temporary left behind."""
    import errno

    from sweeps import run_in_process

    from pari_index.messages.command_line import os_reason_vi

    monkeypatch.chdir(tmp_path)
    args = _example(tmp_path)
    args[-1] = lang
    code = getattr(errno, number)
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if "/.tmp-" in str(self):  # the cache's entry under way (intake.cache.CacheStore.save)
            raise OSError(code, os.strerror(code), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    status, said = run_in_process(*args)
    assert status == 0, said
    reason = os.strerror(code) if lang == "en" else f"{os_reason_vi(os.strerror(code))}"
    assert said.count(UNWRITTEN[lang].format(reason=reason)) == 1, said
    assert said.count("Cache:" if lang == "en" else "Bộ nhớ đệm:") == 1, said
    assert (tmp_path / "ket-qua.xlsx").is_file()
    assert not [p for p in (tmp_path / "c").rglob("*") if p.name.startswith(".tmp-")]
    monkeypatch.setattr(Path, "write_bytes", real)
    status, said = run_in_process(*args)  # room again: the next run keeps its entries
    assert status == 0 and "Cache" not in said.replace("Cache: 0 units", ""), said
    assert len(list((tmp_path / "c" / "communes").iterdir())) == 1


def test_a_cache_made_read_only_between_runs_is_told_once_as_not_written(tmp_path: Path) -> None:
    """As an ordinary user: a cache filled by a run, then made read-only (a shared folder whose
    rights changed), then a run with one commune changed: one line, the results written."""
    from children import pari_child

    args = _example(tmp_path)
    assert pari_child(args, tmp_path).returncode == 0
    for path in [tmp_path / "c", *(tmp_path / "c").rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    rows = (tmp_path / "assessments_long.csv").read_text(encoding="utf-8-sig").splitlines()
    rows[1] = rows[1].replace(",1,", ",0,", 1)  # commune 00001's first item, self-scored 0
    (tmp_path / "assessments_long.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "ket-qua.xlsx").unlink()
    try:
        done = pari_child(args, tmp_path, ordinary_user=True)
    finally:
        for path in [tmp_path / "c", *(tmp_path / "c").rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert said.count(UNWRITTEN["en"].format(reason="Permission denied")) == 1, said
    assert said.count("Cache: ignored") == 0, said
    assert (tmp_path / "ket-qua.xlsx").is_file()


def _one_file_a_commune(folder: Path) -> list[str]:
    """The example's assessments as one file a commune (48 files), as a province collects them."""
    from hostile_faults36 import EXAMPLES

    lines = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig").splitlines()
    by: dict[str, list[str]] = {}
    for line in lines[1:]:
        by.setdefault(line.split(",")[0], []).append(line)
    for code, rows in by.items():
        (folder / f"xa-{code}.csv").write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    return sorted(p.name for p in folder.glob("xa-*.csv"))


def _delete(path: Path) -> None:
    path.unlink()


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _halve(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _replace(path: Path) -> None:
    """Replaced by another file of the same size (a synchronisation putting a colleague's copy in place)."""
    data = path.read_bytes()
    other = path.with_name(".sync-tmp")
    other.write_bytes(data.replace(b",1,", b",0,", 1))
    os.replace(other, path)


@pytest.mark.parametrize("change", [_delete, _empty, _halve, _replace], ids=lambda f: f.__name__.strip("_"))
def test_a_file_that_changes_between_listing_and_reading_is_told_as_changed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: object
) -> None:
    """A folder of one-commune files, the fifth deleted, emptied, cut short or replaced by another
    program after the run began and before it was read (fault injected as the reader reaches it):
    until session 36 a deleted one was "file not found … check the path" and an emptied one "the
    file is empty … export the sheet again", of files that were there, whole, when the run began.
    Now ``input-changed`` first (the reader's words after it), exit 1, nothing written."""
    from hostile_faults36 import _inputs
    from sweeps import run_in_process

    import pari_index.intake.many as many

    monkeypatch.chdir(tmp_path)
    _inputs(tmp_path)
    files = _one_file_a_commune(tmp_path)
    real = many._small
    changed: list[str] = []

    def reading(index: int, path: str | Path) -> object:
        if index == 4 and not changed:
            changed.append(str(path))
            change(Path(path))  # type: ignore[operator]
        return real(index, path)

    monkeypatch.setattr(many, "_small", reading)
    args = ["score", *files, "--communes", "communes.csv", "--survey", "survey.csv", "-o", "kq.xlsx", "--lang", "en"]
    status, said = run_in_process(*args)
    assert changed == [files[4]]
    assert status == 1, said
    errors = [line for line in said.splitlines() if line.startswith("error: ")]
    assert errors[0].startswith(f"error: {files[4]}: the file changed while pari-index read it"), said
    assert errors[0].endswith("[input-changed]")
    assert not (tmp_path / "kq.xlsx").exists()


def test_the_library_tells_a_file_deleted_mid_call_as_changed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pari_index.intake.many as many
    from pari_index.errors import IntakeError

    monkeypatch.chdir(tmp_path)
    files = _one_file_a_commune(tmp_path)
    real = many._small

    def reading(index: int, path: str | Path) -> object:
        if index == 4 and Path(path).exists():
            Path(path).unlink()
        return real(index, path)

    monkeypatch.setattr(many, "_small", reading)
    with pytest.raises(IntakeError) as raised:
        pari.score(files)
    codes = [p.code for p in raised.value.problems]
    assert codes[0] == "input-changed" and raised.value.problems[0].file == files[4], codes
    assert "file-not-found" in codes
