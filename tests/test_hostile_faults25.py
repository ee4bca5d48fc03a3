"""What the cases of tests/hostile_faults25.py answer, each a real ``pari`` child (beside a helper
process where the case has one), in both languages; and the watch on input folders on its own:
links watched by what they name, a folder walked only where the command reads it as a folder
(pari_index.system.input_watch.InputFolder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from example_runs import example_evidence
from hostile_faults23 import EXAMPLES
from hostile_faults25 import CASES, NOT_WRITTEN, SAVED, USERS_OWN
from language_leaks import Vocabulary, data_text, vocabulary
from test_hostile_faults23 import _answer, answers_in_its_language

from pari_index.errors import IntakeError
from pari_index.system import input_watch
from pari_index.system.input_watch import InputFolder


@pytest.fixture(scope="module")
def words() -> Vocabulary:
    return vocabulary(data_text())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_answers_its_code_in_its_language(tmp_path: Path, name: str, lang: str, words: Vocabulary) -> None:
    answers_in_its_language(CASES[name], tmp_path, lang, words, NOT_WRITTEN.get(name, ()))
    if name in SAVED:
        assert (tmp_path / SAVED[name]).read_bytes() == USERS_OWN.encode(), "the other program's file was replaced"


def test_an_evidence_link_pointed_elsewhere_is_named(tmp_path: Path) -> None:
    said = _answer(CASES["evidence-link-pointed-elsewhere-during-run"], tmp_path, "en")
    assert said.startswith(
        "error: mc: the folder changed while pari-index read it (1 file(s) in it added, removed or replaced by "
        "another program during the run: d): nothing was written"
    ), said
    assert os.readlink(tmp_path / "mc" / "d") == "b"  # the helper did point it elsewhere


def test_a_note_saved_into_a_results_folder_is_no_change_of_its_tables(tmp_path: Path) -> None:
    said = _answer(CASES["note-saved-into-results-folder-report"], tmp_path, "en")
    assert "Wrote res/report.html." in said and "error:" not in said, said
    assert (tmp_path / "res" / "ghi-chu.docx").exists()  # the helper did save it


# ---------------------------------------------------------------------------------------------
# The watch on its own


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    for name in ("a/x.pdf", "b/y.pdf"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x\n", encoding="utf-8")
    return folder


def _relink(link: Path, target: str) -> None:
    os.symlink(target, link.with_name("new-link"))
    os.replace(link.with_name("new-link"), link)


@pytest.mark.parametrize(
    ("first", "then"),
    [("a", "b"), ("missing", "a"), ("a", "missing"), ("a/x.pdf", "b/y.pdf"), ("../outside", "a")],
)
def test_a_link_pointed_elsewhere_in_a_watched_folder_is_a_change(tmp_path: Path, first: str, then: str) -> None:
    """A link to a folder, to nothing, to a file, or out of the folder, pointed at another: what
    lies under it changed, though no file in the folder did."""
    folder = _folder(tmp_path)
    (tmp_path / "outside").mkdir()
    os.symlink(first, folder / "d")
    with input_watch.watching([InputFolder(folder)]):
        assert input_watch.changed() == []
        _relink(folder / "d", then)
        [problem] = input_watch.changed_problems()
    assert (problem.code, problem.params["names"]) == ("input-folder-changed", "d")


def test_a_link_put_back_as_it_was_is_no_change(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.symlink("a", folder / "d")
    with input_watch.watching([InputFolder(folder)]):
        _relink(folder / "d", "a")  # a new link, naming the same folder
        assert input_watch.changed() == []
        (folder / "a" / "z.pdf").touch()  # under the link: seen where the folder is
        assert input_watch.changed() == [str(folder)]


def test_a_folder_given_where_a_file_is_read_is_not_looked_into(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--communes ~``: the folder is watched as a folder (its reader refuses it), never listed."""
    folder = _folder(tmp_path)

    def listed(path: object) -> None:
        raise AssertionError(f"{path} listed")

    monkeypatch.setattr(input_watch.os, "scandir", listed)
    with input_watch.watching([folder]):
        (folder / "a" / "new.pdf").touch()
        assert input_watch.changed() == []
        os.rename(folder, tmp_path / "gone")
        (tmp_path / "in").write_text("a file now\n", encoding="utf-8")
        assert input_watch.changed() == [str(folder)]


def test_a_results_folder_is_watched_by_the_tables_read_from_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "summary.csv").write_text("a\n", encoding="utf-8")
    tables = ("summary.csv", "summary.parquet", "rows.csv")
    with input_watch.watching([InputFolder(folder, tables)]):
        (folder / "ghi-chu.docx").touch()
        (folder / "a" / "x.pdf").unlink()
        assert input_watch.changed() == []
        (folder / "summary.parquet").touch()  # read before summary.csv
        (folder / "summary.csv").write_text("b\n", encoding="utf-8")
        with pytest.raises(IntakeError) as refused:
            input_watch.check_unchanged()
    assert refused.value.problems[0].params["names"] == "summary.csv, summary.parquet"


def test_a_results_table_linked_elsewhere_is_a_change(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "summary.csv").write_text("a\n", encoding="utf-8")
    os.symlink("summary.csv", folder / "rows.csv")
    assert input_watch.named_view(folder, ("rows.csv", "about.csv")) == {
        "rows.csv": ("summary.csv", input_watch.identity(folder / "summary.csv"))
    }
    with input_watch.watching([InputFolder(folder, ("rows.csv",))]):
        _relink(folder / "rows.csv", "a/x.pdf")
        assert input_watch.changed() == [str(folder)]


@pytest.mark.parametrize(
    "args",
    [
        ["score", "assessments_long.csv", "--communes", "big", "--survey", "survey.csv", "-q", "-o", "out.xlsx"],
        ["score", "big", "--communes", "communes.csv", "--survey", "survey.csv", "-q", "-o", "out.xlsx"],
        ["score", "assessments_long.csv", "--survey", "survey.csv", "-q", "--previous", "big", "-o", "out.xlsx"],
        ["report", "big", "-o", "page.html"],
        ["explain", "00001", "--results", "big"],
    ],
)
def test_a_folder_given_where_a_file_is_read_is_refused_unwalked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """Every command: a folder given for a file, or for results, is refused by its reader without
    the watch walking it (200,000 entries were looked at first)."""
    from click.testing import CliRunner

    from pari_index.cli import main

    for name in ("assessments_long.csv", "communes.csv", "survey.csv"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    (tmp_path / "big" / "sub").mkdir(parents=True)

    def walked(root: object, besides: object = None) -> None:
        raise AssertionError(f"{root} walked")

    monkeypatch.setattr(input_watch, "folder_view", walked)
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert done.exit_code == 1, done.output
    assert "[is-a-directory]" in done.output or "[not-results]" in done.output, done.output
    assert done.output.startswith("error: big:"), done.output


def test_the_evidence_folder_is_walked_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The facade as the command: ``evidence_dir`` is a folder the run reads whole."""
    import pari_index as pari

    (tmp_path / "mc" / "sub").mkdir(parents=True)
    seen: list[str] = []
    view = input_watch.folder_view

    def walked(root: str, besides: frozenset[str] = frozenset()) -> input_watch.FolderView:
        seen.append(os.path.basename(root))
        return view(root, besides)

    monkeypatch.setattr(input_watch, "folder_view", walked)
    pari.score(
        [EXAMPLES / "assessments_long.csv"],
        communes=EXAMPLES / "communes.csv",
        survey=[EXAMPLES / "survey.csv"],
        evidence_dir=tmp_path / "mc",
    )
    assert seen and set(seen) == {"mc"}


# ---------------------------------------------------------------------------------------------
# A folder too large to be walked whole


def test_files_read_from_a_folder_past_the_entries_looked_at_are_watched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(input_watch, "FOLDER_ENTRIES", 2)  # "a/" and "b/": no file looked at
    with input_watch.watching([InputFolder(folder)]):
        (folder / "a" / "x.pdf").write_text("changed before it was read\n", encoding="utf-8")
        input_watch.watch_within(folder, ["a/x.pdf", "b/y.pdf", "b/missing.pdf"])
        input_watch.watch_within(folder, ["a/x.pdf"])  # read again: as first read
        assert input_watch.changed() == []
        (folder / "b" / "y.pdf").write_text("replaced\n", encoding="utf-8")
        (folder / "b" / "missing.pdf").touch()
        [problem] = input_watch.changed_problems()
    assert problem.params == {"count": 2, "names": "b/missing.pdf, b/y.pdf"}
    input_watch.watch_within(folder, ["b/y.pdf"])  # outside its watch: nothing kept
    assert input_watch.changed() == []


def test_files_read_from_a_folder_that_cannot_be_listed_are_watched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder of mode 0311 (its files reached by name; root lists it all the same, so the
    system's refusal is made here): nothing below it is seen by the walk, the files read are."""
    folder = _folder(tmp_path)
    scandir = os.scandir

    def refused(path: str) -> object:
        if os.path.basename(path) == "b":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(input_watch.os, "scandir", refused)
    with input_watch.watching([InputFolder(folder)]):
        input_watch.watch_within(folder, ["b/y.pdf"])
        (folder / "b" / "new.pdf").touch()  # not read: unseen
        assert input_watch.changed() == []
        (folder / "b" / "y.pdf").write_text("replaced\n", encoding="utf-8")
        [problem] = input_watch.changed_problems()
    assert problem.params["names"] == "b/y.pdf"


def test_files_read_from_a_folder_walked_whole_are_not_watched_again(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with input_watch.watching([InputFolder(folder)]):
        input_watch.watch_within(folder, ["a/x.pdf"])
        assert input_watch._within == {}


def test_an_evidence_file_replaced_after_it_was_checked_in_a_large_folder_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run (pari.run_score) over an evidence folder past the entries looked at: an evidence
    file replaced once the run had found it is ``input-folder-changed``, nothing written."""
    import pari_index as pari
    from pari_index.intake import evidence_files as evidence_checks

    evidence = tmp_path / "mc"
    evidence.mkdir()
    for name in ("1_1_1_KH_72_2025.pdf", "1_1_2_KH_54_2025.pdf"):
        (evidence / name).write_bytes(b"%PDF-1.4\n\n%%EOF\n")
    monkeypatch.setattr(input_watch, "FOLDER_ENTRIES", 1)
    checked = evidence_checks.watch_within

    def then_replaced(folder: Path, names: list[str]) -> None:
        checked(folder, names)
        (evidence / "1_1_2_KH_54_2025.pdf").write_bytes(b"%PDF-1.7 another plan\n\n%%EOF\n")

    monkeypatch.setattr(evidence_checks, "watch_within", then_replaced)
    out = tmp_path / "out.xlsx"
    with pytest.raises(IntakeError) as refused:
        pari.run_score(
            assessments=[EXAMPLES / "assessments_long.csv"],
            communes=EXAMPLES / "communes.csv",
            survey=[EXAMPLES / "survey.csv"],
            evidence_dir=evidence,
            output=out,
        )
    [problem] = refused.value.problems
    assert (problem.code, problem.params["names"]) == ("input-folder-changed", "1_1_2_KH_54_2025.pdf")
    assert not out.exists()


# ---------------------------------------------------------------------------------------------
# Names through a link and ".."


def test_a_name_through_a_link_and_dotdot_is_made_absolute_as_the_system_reads_it(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    os.symlink("d/sub", tmp_path / "link")
    os.symlink("d", tmp_path / "last")
    base = str(tmp_path)
    assert input_watch.absolute(tmp_path / "link" / ".." / "communes.csv") == f"{base}/d/communes.csv"
    assert input_watch.absolute(tmp_path / "link" / "..") == f"{base}/d"
    assert input_watch.absolute(tmp_path / "d" / "sub" / ".." / "last") == f"{base}/d/last"  # its last part kept
    assert input_watch.absolute(tmp_path / "last") == f"{base}/last"  # a link stays the link
    assert input_watch.absolute(tmp_path / "x" / "." / "y.csv") == f"{base}/x/y.csv"
    assert input_watch.absolute("bad\x00/../name") == "bad\x00/../name"


def test_the_digest_of_an_input_named_through_a_link_and_dotdot_is_the_file_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    from pari_index.intake import file_digests

    (tmp_path / "d" / "sub").mkdir(parents=True)
    os.symlink("d/sub", tmp_path / "link")
    (tmp_path / "d" / "communes.csv").write_text("read\n", encoding="utf-8")
    (tmp_path / "communes.csv").write_text("beside the link\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    read = hashlib.sha256(b"read\n").hexdigest()
    assert file_digests.sha256("link/../communes.csv") == read
    with file_digests.inputs_of_run(["link/../communes.csv"]):
        assert file_digests.sha256("link/../communes.csv") == read


def test_an_output_named_through_a_link_and_dotdot_is_noted_where_it_is_written(tmp_path: Path) -> None:
    from pari_index.errors import OutputError

    (tmp_path / "d" / "sub").mkdir(parents=True)
    os.symlink("d/sub", tmp_path / "link")
    with input_watch.watching([]):
        input_watch.note_outputs([tmp_path / "link" / ".." / "out.xlsx"])
        (tmp_path / "out.xlsx").write_bytes(b"beside the link: no output")
        input_watch.check_unchanged()
        (tmp_path / "d" / "out.xlsx").write_bytes(b"the user's own")
        with pytest.raises(OutputError):
            input_watch.check_unchanged()


# ---------------------------------------------------------------------------------------------
# The cache folder's name


@pytest.mark.parametrize(("cache", "refused"), [("CON", True), ("a/aux.d/b", True), ("c ", True), ("cache", False)])
def test_a_cache_folder_the_run_would_create_is_named_as_an_output_s_folders(
    tmp_path: Path, cache: str, refused: bool
) -> None:
    from pari_index.errors import OutputError
    from pari_index.outputs.paths import check_cache_folder

    if refused:
        with pytest.raises(OutputError) as error:
            check_cache_folder(tmp_path / cache, [])
        [problem] = error.value.problems
        found = (problem.code, problem.params["option"], error.value.exit_code)
        assert found == ("output-name-not-portable", "--cache", 4)
    else:
        check_cache_folder(tmp_path / cache, [])


def test_an_existing_cache_folder_is_the_user_s_own_name(tmp_path: Path) -> None:
    from pari_index.outputs.paths import check_cache_folder

    (tmp_path / "CON").mkdir()  # made by an earlier run, or by hand: left to the user
    check_cache_folder(tmp_path / "CON", [])


# ---------------------------------------------------------------------------------------------
# The run's own spills


def test_a_run_s_own_spills_in_the_evidence_folder_are_no_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TMPDIR inside the evidence folder, a run in batches: its spill folders (pari-detail-PID-…)
    made it refuse itself, "7 file(s) … added by another program"."""
    import tempfile

    from click.testing import CliRunner

    from pari_index.cli import main

    for name in ("assessments_long.csv", "communes.csv", "survey.csv"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    example_evidence(tmp_path / "mc")
    (tmp_path / "mc" / "tmp").mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "mc" / "tmp"))
    monkeypatch.chdir(tmp_path)
    args = ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q"]
    done = CliRunner().invoke(main, [*args, "--evidence-dir", "mc", "--batch-size", "10", "-o", "out.xlsx"])
    assert done.exit_code == 0 and "[input-folder-changed]" not in done.output, done.output
    assert (tmp_path / "out.xlsx").exists()


def test_the_watch_knows_the_spill_folders_names() -> None:
    from pari_index.system.temporaries import SPILL_NAME

    for name in ("pari-detail-1234-ab_cd9ef", "pari-raw-x1y2z3w4", "pari-intake-7-abcdefgh"):
        assert SPILL_NAME.match(name) and input_watch._SPILL.fullmatch(name), name
    assert not input_watch._SPILL.fullmatch("pari-detail-1234-ab_cd9ef.pdf")
