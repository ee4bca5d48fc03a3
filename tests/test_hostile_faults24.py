"""What the cases of tests/hostile_faults24.py answer, each a real ``pari`` child beside a helper
process that changes an input while it is read, in both languages; and the watch on input
folders on its own (pari_index.system.input_watch.folder_view)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hostile_faults23 import EXAMPLES, _without_first_unit
from hostile_faults24 import CASES, NOT_PRINTED, NOT_WRITTEN, SAVED, USERS_OWN
from language_leaks import Vocabulary, data_text, vocabulary
from test_hostile_faults23 import _answer, answers_in_its_language

from pari_index.errors import IntakeError, OutputError
from pari_index.outputs.files import placed_together, write_text
from pari_index.system import input_watch
from pari_index.system.input_watch import InputFolder


@pytest.fixture(scope="module")
def words() -> Vocabulary:
    return vocabulary(data_text())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_answers_its_code_in_its_language(tmp_path: Path, name: str, lang: str, words: Vocabulary) -> None:
    said = answers_in_its_language(CASES[name], tmp_path, lang, words, NOT_WRITTEN.get(name, ()))
    for printed in NOT_PRINTED.get(name, ()):
        assert printed not in said, said
    if name in SAVED:
        assert (tmp_path / SAVED[name]).read_bytes() == USERS_OWN.encode(), "the other program's file was replaced"


def test_a_file_saved_under_the_output_s_name_is_kept_and_named(tmp_path: Path) -> None:
    said = _answer(CASES["output-saved-by-another-program-results-table"], tmp_path, "en")
    assert said.startswith(
        "error: res/summary.csv: another program wrote this file while pari-index ran (it was not there, or not "
        "as it is now, when the run began): it was not replaced, and nothing was written [output-changed]"
    ), said
    assert "hint: see whose file it is" in said and said.count("[output-changed]") == 1, said


def test_a_changed_results_folder_is_named_with_its_files(tmp_path: Path) -> None:
    said = _answer(CASES["results-folder-changed-while-read-report"], tmp_path, "en")
    assert said.startswith(
        "error: res: the folder changed while pari-index read it (5 file(s) in it added, removed or replaced by "
        "another program during the run: about.csv, criteria.csv, findings.csv, …): nothing was written"
    ), said
    assert sorted(os.listdir(tmp_path / "res")) == [
        "about.csv",
        "criteria.csv",
        "findings.csv",
        "rows.csv",
        "summary.csv",
    ]


def test_a_filled_evidence_folder_is_named_in_vietnamese(tmp_path: Path) -> None:
    said = _answer(CASES["evidence-folder-filled-while-read"], tmp_path, "vi")
    assert said.startswith(
        "lỗi: minh-chung: thư mục đã thay đổi trong lúc pari-index đọc (1 tệp trong đó bị một chương trình khác "
        "thêm, xoá hoặc thay thế trong lượt chạy: 1_1_1_KH_72_2025.pdf): không ghi gì"
    ), said


def test_lock_files_of_opened_evidence_are_no_change(tmp_path: Path) -> None:
    said = _answer(CASES["evidence-folder-opened-while-read"], tmp_path, "en")
    assert "Written: out.xlsx" in said and "error:" not in said, said
    assert (tmp_path / "minh-chung" / "Thumbs.db").exists()  # the helper did open them


def test_validate_says_nothing_of_a_set_replaced_while_read(tmp_path: Path) -> None:
    said = _answer(CASES["criteria-changed-while-read-validate"], tmp_path, "en")
    assert said.startswith("error: a.yaml: the file changed while pari-index read it"), said
    assert "ok —" not in said and "set.fifo" not in said, said


# ---------------------------------------------------------------------------------------------
# The watch on a folder on its own


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.csv", "b.csv", "sub/c.pdf"):
        (folder / name).write_text("x\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("change", "entries"),
    [
        (lambda f: (f / "new.pdf").touch(), ["new.pdf"]),
        (lambda f: (f / "sub" / "new.pdf").touch(), ["sub/new.pdf"]),
        (lambda f: (f / "a.csv").unlink(), ["a.csv"]),
        (lambda f: (f / "b.csv").write_text("y\n", encoding="utf-8"), ["b.csv"]),
        (lambda f: os.replace(f / "a.csv", f / "b.csv"), ["a.csv", "b.csv"]),
        (lambda f: (f / "sub" / "c.pdf").rename(f / "sub" / "d.pdf"), ["sub/c.pdf", "sub/d.pdf"]),
        (lambda f: (f / "sub2").mkdir(), ["sub2/"]),
    ],
)
def test_a_file_added_removed_or_replaced_in_a_watched_folder_is_a_change(
    tmp_path: Path, change: object, entries: list[str]
) -> None:
    folder = _folder(tmp_path)
    with input_watch.watching([InputFolder(folder)]):
        assert input_watch.changed() == []
        change(folder)  # type: ignore[operator]
        assert input_watch.changed() == [str(folder)]
        with pytest.raises(IntakeError) as refused:
            input_watch.check_unchanged()
    [problem] = refused.value.problems
    assert (problem.code, problem.file, refused.value.exit_code) == ("input-folder-changed", str(folder), 1)
    assert problem.params["count"] == len(entries) and problem.params["names"] == ", ".join(entries)
    assert input_watch.changed() == []


def test_a_folder_replaced_or_removed_names_what_it_held(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with input_watch.watching([InputFolder(folder)]):
        os.rename(folder, tmp_path / "gone")
        [problem] = input_watch.changed_problems()
        assert problem.params == {"count": 4, "names": "a.csv, b.csv, sub/, …"}
        (tmp_path / "in").write_text("a file now\n", encoding="utf-8")
        assert input_watch.changed() == [str(folder)]


def test_the_command_s_own_outputs_in_a_watched_folder_are_no_change(tmp_path: Path) -> None:
    """``pari report res -o res/report.html``: the report's temporary and the report itself,
    written into the input folder, are the command's own."""
    folder = _folder(tmp_path)
    report, earlier = folder / "report.html", folder / "sub" / "page.html"
    with input_watch.watching([InputFolder(folder)], besides=[report, earlier, None]):
        with placed_together():
            write_text(report, "<html>new</html>")
            write_text(earlier, "<html>new</html>")
            (folder / f".report.html.pari-tmp-{os.getpid()}-x.tmp").touch()  # as a temporary is named
            assert input_watch.changed() == []
        assert report.exists() and earlier.exists()
        (folder / f".report.html.pari-tmp-{os.getpid()}-x.tmp").unlink()
        assert input_watch.changed() == []
        (folder / "page.html").touch()  # not the command's
        assert input_watch.changed() == [str(folder)]


def test_outputs_in_new_folders_of_a_watched_folder_are_no_change(tmp_path: Path) -> None:
    """The folders the command makes on the way to its outputs, and its outputs named through a
    link to the watched folder, are the command's own; a folder it did not make is a change."""
    folder = _folder(tmp_path)
    (tmp_path / "link").symlink_to(folder)
    page, cache = folder / "new" / "deeper" / "page.html", tmp_path / "link" / "cache"
    with input_watch.watching([InputFolder(folder)], besides=[page, cache]):
        write_text(page, "<html>new</html>")
        (cache / "intake").mkdir(parents=True)
        assert input_watch.changed() == []
        (folder / "new" / "other.pdf").touch()
        assert input_watch.changed() == [str(folder)]


def test_what_office_programs_leave_in_a_folder_is_no_change(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with input_watch.watching([InputFolder(folder)]):
        for name in ("~$a.docx", "sub/.~lock.c.pdf#", ".DS_Store", "sub/thumbs.db", "Desktop.ini"):
            (folder / name).write_bytes(b"x")
        assert input_watch.changed() == []
        (folder / "sub" / "~a.docx").touch()  # not a lock file's name
        assert input_watch.changed() == [str(folder)]


def test_a_folder_past_the_entries_looked_at_is_not_walked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past FOLDER_ENTRIES a folder is walked once, up to them, and then watched through the files
    read from it alone (tests/test_hostile_faults25.py): which entries a cut walk reaches shifts
    with any file added before its cut (``--evidence-dir /`` was "changed" by the other programs'
    files in /tmp), and each check walked it again (session 26)."""
    folder = _folder(tmp_path)
    monkeypatch.setattr(input_watch, "FOLDER_ENTRIES", 2)
    view = input_watch.folder_view(folder)
    assert view == input_watch.folder_view(folder) and len(view) == 2
    assert list(input_watch.folder_view(tmp_path)) == ["in/", "in/a.csv"]
    listed: list[str] = []
    scandir = os.scandir

    def counted(path: str) -> object:
        listed.append(path)
        return scandir(path)

    with input_watch.watching([InputFolder(folder)]):
        monkeypatch.setattr(input_watch.os, "scandir", counted)
        (folder / "a.csv").write_text("changed\n", encoding="utf-8")  # among the first looked at, not read
        (folder / "0.csv").touch()  # before the cut: the entries past it shift
        assert input_watch.changed() == [] and listed == []


def test_a_folder_that_cannot_be_listed_is_no_change(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with input_watch.watching([InputFolder(folder), InputFolder(tmp_path / "absent")]):
        assert input_watch.changed() == []
    assert input_watch.folder_view(tmp_path / "absent") == {}


# ---------------------------------------------------------------------------------------------
# Outputs written by another program, on their own


def test_an_output_saved_by_another_program_is_not_replaced(tmp_path: Path) -> None:
    out, page = tmp_path / "out.html", tmp_path / "page.html"
    with input_watch.watching([]):
        input_watch.note_outputs([out, page])
        out.write_text("the user's own\n", encoding="utf-8")  # saved meanwhile
        with pytest.raises(OutputError) as refused, placed_together():
            write_text(page, "<html>new</html>")
            write_text(out, "<html>new</html>")
        assert [(p.code, p.file) for p in refused.value.problems] == [("output-changed", str(out))]
        assert refused.value.exit_code == 4
        assert out.read_text(encoding="utf-8") == "the user's own\n" and not page.exists()
        with pytest.raises(OutputError):
            write_text(page, "<html>new</html>")  # put in place at once: refused too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]  # no temporary left


def test_the_command_s_own_outputs_are_no_change(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "out.html"
    with input_watch.watching([]):
        input_watch.note_outputs([out, tmp_path / "a"])
        write_text(out, "<html>first</html>")  # the folders made for it, the file placed
        with input_watch.watching([]):  # the pipeline's watch inside the command's
            input_watch.note_outputs([out])  # noted again: the first state stays
        write_text(out, "<html>second</html>")
        input_watch.check_unchanged()
        out.write_text("edited by hand\n", encoding="utf-8")
        with pytest.raises(OutputError):
            input_watch.check_unchanged()
    input_watch.check_unchanged()  # forgotten with the command's watch
    input_watch.note_outputs([out])  # outside a command: not noted
    out.unlink()
    input_watch.check_unchanged()


def test_an_input_that_changed_is_told_before_an_output_that_did(tmp_path: Path) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("a\n", encoding="utf-8")
    with input_watch.watching([source]):
        input_watch.note_outputs([out])
        source.write_text("b\n", encoding="utf-8")
        out.write_text("c\n", encoding="utf-8")
        with pytest.raises(IntakeError) as refused:
            input_watch.check_unchanged()
    assert [p.code for p in refused.value.problems] == ["input-changed"]


def _saving_while_read(pipe: Path, saved: Path, data: bytes, content: bytes = USERS_OWN.encode()) -> threading.Thread:
    """A thread that, once the pipe is opened for reading, saves ``content`` as ``saved``
    (another program's file) and then writes ``data`` into the pipe."""

    def save() -> None:
        with pipe.open("wb") as writer:
            saved.write_bytes(content)
            writer.write(data)

    thread = threading.Thread(target=save, daemon=True)
    thread.start()
    return thread


def test_the_facade_keeps_a_file_saved_under_its_output_s_name(tmp_path: Path) -> None:
    """pari.run_score as ``pari score``: its outputs noted when checked, looked at again before
    they are put in place (the facade's watch, pari_index.api)."""
    import pari_index as pari

    os.mkfifo(tmp_path / "survey.fifo")
    out = tmp_path / "out.xlsx"
    saving = _saving_while_read(tmp_path / "survey.fifo", out, (EXAMPLES / "survey.csv").read_bytes())
    with pytest.raises(OutputError) as refused:
        pari.run_score(
            assessments=[EXAMPLES / "assessments_long.csv"],
            communes=EXAMPLES / "communes.csv",
            survey=[tmp_path / "survey.fifo"],
            output=out,
        )
    saving.join(timeout=60)
    assert [(p.code, p.file) for p in refused.value.problems] == [("output-changed", str(out))]
    assert out.read_bytes() == USERS_OWN.encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "survey.fifo"]


def test_the_facade_gives_no_result_from_a_changed_input(tmp_path: Path) -> None:
    """pari.score (nothing written) refuses as ``pari explain`` does: the register replaced by one
    without unit 00001 while the survey was read (scored without the watch: 00001 unregistered)."""
    import pari_index as pari

    for name in ("assessments_long.csv", "communes.csv"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    os.mkfifo(tmp_path / "survey.fifo")
    register = tmp_path / "communes.csv"
    other = _without_first_unit("communes.csv")
    saving = _saving_while_read(tmp_path / "survey.fifo", register, (EXAMPLES / "survey.csv").read_bytes(), other)
    with pytest.raises(IntakeError) as refused:
        pari.score([tmp_path / "assessments_long.csv"], communes=register, survey=[tmp_path / "survey.fifo"])
    saving.join(timeout=60)
    assert [(p.code, p.file) for p in refused.value.problems] == [("input-changed", str(register))]


@pytest.mark.parametrize("command", ["report", "explain"])
def test_the_csv_files_beside_a_results_workbook_are_watched(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook's long sheets overflow to CSV files beside it (res.rows.csv), which ``pari
    report`` and ``pari explain`` read with it: one replaced while the set is read is told."""
    from click.testing import CliRunner
    from hostile_faults24 import _two_runs

    from pari_index.cli import main

    _two_runs(tmp_path, suffix=".xlsx")
    beside = tmp_path / "res.rows.csv"
    beside.write_text("commune_code\n00001\n", encoding="utf-8")
    saving = _saving_while_read(tmp_path / "set.fifo", beside, (tmp_path / "set.yaml").read_bytes())
    args = ["--results", "res.xlsx"] if command == "explain" else ["res.xlsx", "-o", "page.html"]
    monkeypatch.chdir(tmp_path)
    explained = ["00001"] if command == "explain" else []
    done = CliRunner().invoke(main, [command, *explained, *args, "--criteria", "set.fifo", "--lang", "en"])
    saving.join(timeout=60)
    assert done.exit_code == 1, done.output
    assert done.output.startswith("error: res.rows.csv: the file changed while pari-index read it"), done.output
    assert not (tmp_path / "page.html").exists() and "(00001)" not in done.output


def test_another_run_s_output_written_meanwhile_may_be_replaced(tmp_path: Path) -> None:
    """Two runs writing the same report at once: the one that ends last replaces the other's page
    (an output of pari-index), as before; a page of the user's is kept (output-changed)."""
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.path_names import PAGE_SUFFIXES
    from pari_index.outputs.paths import check_paths

    page = tmp_path / "report.html"
    with input_watch.watching([]):
        check_paths([Target(page, "--report", suffixes=PAGE_SUFFIXES)], [])
        page.write_bytes((EXAMPLES / "report.html").read_bytes())  # another run's, meanwhile
        input_watch.check_unchanged()
        page.write_text("<html>the office's own page</html>", encoding="utf-8")
        with pytest.raises(OutputError) as refused:
            input_watch.check_unchanged()
    assert [(p.code, p.file) for p in refused.value.problems] == [("output-changed", str(page))]
