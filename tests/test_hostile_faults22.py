"""What the cases of tests/hostile_faults22.py answer (outputs judged where they land, a
demonstration folder's changed files kept, a file output typed as a folder's name refused), and
the pieces under them: ``as_written``, ``names_a_folder``, the marker's digests, and the outputs
put on the disk (``fsync``) before their names are."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_faults22 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.demo import generate
from pari_index.errors import OutputError
from pari_index.outputs import files
from pari_index.outputs.ownership import as_marked
from pari_index.outputs.path_identity import Target, as_written
from pari_index.outputs.path_shapes import names_a_folder, spelled_as_folder
from pari_index.outputs.paths import check_paths

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)
    assert set(NOT_WRITTEN) <= set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if case.endswith("named-as-folder") and EXPECTED[case][0] == 4:
        assert "tên kết thúc bằng «/» như tên một thư mục, nhưng kết quả này là một tệp" in said, said
    if case == "results-csv-named-as-folder":
        assert sorted(os.listdir(tmp_path / "ket-qua.csv")) == [
            "about.csv",
            "criteria.csv",
            "findings.csv",
            "rows.csv",
            "summary.csv",
        ]
    if case == "demo-over-unchanged-set":
        assert not (tmp_path / "demo" / "assessments_wide.csv").exists()  # the earlier set's, removed
        assert "seed=3," in (tmp_path / "demo" / "SYNTHETIC-README.md").read_text(encoding="utf-8")


def test_as_written_drops_the_dot_dots_of_missing_folders_only(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert as_written(tmp_path / "nothere" / ".." / "x.xlsx") == tmp_path / "x.xlsx"
    assert as_written(tmp_path / "a" / "b" / ".." / ".." / "x.xlsx") == tmp_path / "x.xlsx"
    assert as_written(tmp_path / "real" / "gone" / ".." / "x.xlsx") == tmp_path / "real" / "x.xlsx"
    # Folders and links that exist: the system follows their .. (a link's is its target's parent).
    assert as_written(tmp_path / "real" / ".." / "x.xlsx") == tmp_path / "real" / ".." / "x.xlsx"
    assert as_written(tmp_path / "link" / ".." / "x.xlsx") == tmp_path / "link" / ".." / "x.xlsx"
    assert as_written(Path("nothere/../../x.xlsx")) == Path("../x.xlsx")
    assert as_written(Path("x.xlsx")) == Path("x.xlsx")
    assert Target(Path(tmp_path / "no" / ".." / "r.xlsx"), files=(tmp_path / "no" / ".." / "r.csv",)).files == (
        tmp_path / "r.csv",
    )


@pytest.mark.parametrize(
    ("typed", "folder"),
    [("out.xlsx/", True), ("out.xlsx/.", True), ("a/b/", True), ("out.xlsx", False), ("/", False), (".", False)],
)
def test_names_a_folder(typed: str, folder: bool) -> None:
    assert names_a_folder(typed) is folder


def test_a_file_output_typed_as_a_folder_is_refused_and_a_folder_output_is_not(tmp_path: Path) -> None:
    page = Target(tmp_path / "r.html", "--report", suffixes=(".html",))
    with spelled_as_folder([tmp_path / "r.html", tmp_path / "res"]):
        with pytest.raises(OutputError) as raised:
            check_paths([page], [])
        assert [p.code for p in raised.value.problems] == ["output-file-named-as-folder"]
        check_paths([Target(tmp_path / "res", folder=True, suffixes=(".csv",))], [])
    check_paths([page], [])  # the mark ends with the block


def _set_of_both_forms(folder: Path) -> dict[str, Path]:
    return generate(CRITERIA, folder, communes=12, districts=2, forms=("long", "wide"))


def test_the_marker_lists_each_file_s_digest_and_a_change_is_seen(tmp_path: Path) -> None:
    made = _set_of_both_forms(tmp_path)
    readme = made["readme"]
    assert all(as_marked(readme, path) for role, path in made.items() if role != "readme")
    with open(made["survey"], "a", encoding="utf-8") as handle:
        handle.write("00001,9.9.9,x,1\n")
    assert not as_marked(readme, made["survey"])
    assert not as_marked(readme, tmp_path / "notes.txt")  # not listed


def test_a_marker_of_an_earlier_version_judges_by_age(tmp_path: Path) -> None:
    """A README without digests (written before this session): a file listed and no younger than
    it is the set's."""
    made = _set_of_both_forms(tmp_path)
    readme = made["readme"]
    text = readme.read_text(encoding="utf-8")
    old = "\n".join(line.split("; SHA-256")[0] + ")" if "; SHA-256" in line else line for line in text.split("\n"))
    readme.write_text(old, encoding="utf-8")
    assert "SHA-256 " not in old and "- `communes.csv` (communes)" in old
    assert as_marked(readme, made["communes"])
    later = time.time() + 60
    os.utime(made["communes"], (later, later))
    assert not as_marked(readme, made["communes"])


def test_the_library_s_set_keeps_a_file_of_the_user_s_under_an_earlier_set_s_name(tmp_path: Path) -> None:
    """generate() itself (no path rule before it) removes an earlier set's wide form only as written."""
    made = _set_of_both_forms(tmp_path)
    made["assessments_wide"].write_text("code,name\n1,mine\n", encoding="utf-8")
    generate(CRITERIA, tmp_path, communes=12, districts=2, seed=5)
    assert made["assessments_wide"].read_text(encoding="utf-8") == "code,name\n1,mine\n"


def test_an_output_is_on_the_disk_before_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync of the written file before the rename, of its folder after."""
    synced: list[tuple[str, bool]] = []
    real = os.fsync

    def record(fd: int) -> None:
        path = os.readlink(f"/proc/self/fd/{fd}")
        synced.append((path, (tmp_path / "out.csv").exists()))
        real(fd)

    monkeypatch.setattr(os, "fsync", record)
    files.write_csv(tmp_path / "out.csv", pl.DataFrame({"a": [1]}))
    [(temporary, placed_then), (folder, placed_after)] = synced
    assert ".out.csv.pari-tmp-" in temporary and not placed_then
    assert (folder, placed_after) == (str(tmp_path), True)


def test_a_write_the_disk_fails_to_store_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network share or a failing disk reports the error at fsync (EIO, or ENOSPC over quota):
    the new file is not put in place, the previous one stays, and nothing temporary is left."""
    (tmp_path / "out.csv").write_text("old", encoding="utf-8")

    def failing(_fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(OutputError) as raised:
        files.write_csv(tmp_path / "out.csv", pl.DataFrame({"a": [1]}))
    [problem] = raised.value.problems
    assert (problem.code, problem.params["reason"]) == ("output-unwritable", "Input/output error")
    assert os.listdir(tmp_path) == ["out.csv"] and (tmp_path / "out.csv").read_text(encoding="utf-8") == "old"


def test_the_library_refuses_a_file_output_typed_as_a_folder(tmp_path: Path) -> None:
    """``pari.write_report("r.html/", …)`` wrote a page named r.html, as the command did."""
    import pari_index as pari

    data = ROOT / "examples" / "hai-phong-2022"
    result = pari.score(
        [data / "assessments_long.csv"],
        pari.load_criteria(ROOT / "criteria" / "hai-phong-2022-commune.yaml"),
        communes=data / "communes.csv",
        survey=[data / "survey.csv"],
    )
    for write, name in ((pari.write_report, "r.html"), (pari.write_results, "r.xlsx")):
        with pytest.raises(OutputError) as raised:
            write(f"{tmp_path}/{name}/", result)
        assert [p.code for p in raised.value.problems] == ["output-file-named-as-folder"]
    assert os.listdir(tmp_path) == []
    pari.write_results(f"{tmp_path}/r.xlsx", result)  # the same name without the ending
    assert os.listdir(tmp_path) == ["r.xlsx"]


def test_a_path_with_windows_separators_is_named_with_this_system_s(tmp_path: Path) -> None:
    from pari_index.errors import near_name, windows_separators

    (tmp_path / "a b").mkdir()
    (tmp_path / "a b" / "x.csv").write_text("x", encoding="utf-8")
    typed = f"{tmp_path}/a b\\x.csv"
    assert windows_separators(typed) == f"{tmp_path}/a b/x.csv"
    assert windows_separators(f"{tmp_path}/a b\\y.csv") is None  # names nothing either
    assert windows_separators(f"{tmp_path}/a b/x.csv") is None  # no backslash
    problem = near_name(typed)
    assert problem is not None and problem.code == "input-backslash"
    assert problem.params == {"path": f"«{tmp_path}/a b/x.csv»"}


def test_a_disk_that_cannot_sync_is_written_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(_fd: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "fsync", unsupported)
    files.write_csv(tmp_path / "out.csv", pl.DataFrame({"a": [1]}))
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig") == "a\n1\n"
