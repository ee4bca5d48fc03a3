"""What the cases of tests/hostile_faults23.py answer, each a real ``pari`` child (beside a helper
process, or without root's power over file permissions, as the case says), in both languages;
and the guards they exercise, each on its own: the watch on inputs (pari_index.system.input_watch), the
cache that stores nothing from a changed input, an output that is never put in place then, and
an existing file that cannot be read, which is nobody's to replace."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from unittest import mock

import children
import polars as pl
import pytest
from children import pari_child
from hostile_faults23 import CASES, NOT_WRITTEN, Fault
from language_leaks import Vocabulary, data_text, leaks, vocabulary

from pari_index.errors import IntakeError
from pari_index.intake.cache import CacheStore
from pari_index.outputs.files import placed_together, write_text
from pari_index.outputs.ownership import unreadable_file
from pari_index.system import input_watch

#: The system's own words for an error, which a Vietnamese message gives in brackets after its own
#: (messages.command_line.os_reason_vi): not a leak.
SYSTEM_WORDS = re.compile(r"\((" + "|".join(re.escape(os.strerror(n)) for n in range(1, 134)) + r")\)")


@pytest.fixture(scope="module")
def words() -> Vocabulary:
    return vocabulary(data_text())


def _answer(case: Fault, folder: Path, lang: str) -> str:
    """Run the case in ``folder`` and check what every sweep checks; returns what pari said."""
    args = [*case.make(folder), "--lang", lang]
    status, code, kept = case.expected
    before = {name: (folder / name).read_bytes() for name in kept}
    helper = subprocess.Popen(case.beside, cwd=folder) if case.beside else None
    powers = [*children.WITHOUT_ROOT_POWERS]
    if case.not_owner:
        powers[1] += ",-fowner,-chown"
    try:
        with mock.patch.object(children, "WITHOUT_ROOT_POWERS", powers):
            done = pari_child(args, folder, timeout=120, ordinary_user=case.ordinary_user)
    finally:
        if helper is not None:
            try:
                helper.wait(timeout=30)
            except subprocess.TimeoutExpired:
                helper.kill()
                helper.wait()
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert "Traceback" not in said and "lỗi nội bộ" not in said and "internal error" not in said, said
    assert code is None or f"[{code}]" in said, said
    for name, data in before.items():
        assert (folder / name).read_bytes() == data, f"{name} changed"
    assert not [p for p in folder.rglob("*") if "pari-tmp" in p.name or "pari-old" in p.name]
    return said


def answers_in_its_language(
    case: Fault, folder: Path, lang: str, words: Vocabulary, not_written: tuple[str, ...] | list[str] = ()
) -> str:
    """A faults case run in ``lang`` (:func:`_answer`): an error said in that language (unless the
    case expects none), no word of the other language but the system's own (``(Permission
    denied)``), and none of ``not_written`` left behind. Returns what it said. Shared by the faults
    sessions' modules, which add their own checks."""
    said = _answer(case, folder, lang)
    assert ("lỗi: " if lang == "vi" else "error: ") in said or case.expected[1] is None, said
    assert leaks(SYSTEM_WORDS.sub(" ", said), lang, words, "score") == [], said
    for written in not_written:
        assert not os.path.lexists(folder / written), written
    return said


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_answers_its_code_in_its_language(tmp_path: Path, name: str, lang: str, words: Vocabulary) -> None:
    answers_in_its_language(CASES[name], tmp_path, lang, words, NOT_WRITTEN.get(name, ()))


AGAIN = ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q"]


def test_an_input_replaced_while_read_leaves_the_cache_without_the_entry(tmp_path: Path) -> None:
    said = _answer(CASES["input-replaced-while-read-cached"], tmp_path, "en")
    assert "assessments_long.csv: the file changed while pari-index read it" in said, said
    assert not list((tmp_path / "cache").glob("*/*/manifest.json")) and not list((tmp_path / "cache").glob("*/*"))
    # The file now in place, scored again with the same cache: its own rows, not those read before.
    os.remove(tmp_path / "survey.fifo")
    done = pari_child(
        [*AGAIN, "--format", "csv", "-o", "res", "--cache", "cache"],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    about = dict(pl.read_csv(tmp_path / "res" / "about.csv").iter_rows())
    assert about["input_rows"] == "3777"  # the file without unit 00001 (the example has 3,849)


def test_a_results_folder_that_cannot_be_searched_is_named(tmp_path: Path) -> None:
    said = _answer(CASES["unsearchable-results-folder-explain"], tmp_path, "en")
    assert said.startswith("error: res: cannot read the file: Permission denied [file-unreadable]"), said


def test_a_results_table_that_cannot_be_read_is_named_with_the_system_s_reason(tmp_path: Path) -> None:
    said = _answer(CASES["unreadable-results-table-report"], tmp_path, "en")
    assert said.startswith("error: res/summary.csv: cannot read the file: Permission denied [file-unreadable]"), said
    assert "hint: give yourself permission to read it (ls -l shows who may)" in said and "not-results" not in said


def test_a_read_only_results_folder_is_named_as_given_in_the_run_s_language(tmp_path: Path) -> None:
    said = _answer(CASES["read-only-results-folder"], tmp_path, "vi")
    assert said.startswith("lỗi: res: không ghi được: không có quyền truy cập (Permission denied) [output-unwritable]")


def test_another_user_s_file_in_a_shared_folder_is_said_so(tmp_path: Path) -> None:
    said = _answer(CASES["shared-folder-results-of-another-user"], tmp_path, "en")
    assert "chung/out.xlsx: cannot write the file: Operation not permitted [output-unwritable]" in said
    assert "a shared folder where the file is another user's" in said


def test_the_message_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    said = _answer(CASES["input-replaced-while-read-register"], tmp_path, "vi")
    assert (
        "lỗi: communes.csv: tệp đã thay đổi trong lúc pari-index đọc (bị một chương trình khác ghi, thay thế hoặc "
        "xoá trong lượt chạy): không ghi gì, các kết quả đã có được giữ nguyên [input-changed]"
    ) in said
    assert "gợi ý: chạy lại khi tệp không còn đang được ghi" in said


def test_a_write_only_file_is_refused_in_either_language(tmp_path: Path) -> None:
    said = {}
    for lang in ("vi", "en"):
        (tmp_path / lang).mkdir()
        said[lang] = _answer(CASES["write-only-user-workbook"], tmp_path / lang, lang)
    assert (
        "-o sẽ thay thế budget.xlsx, một tệp không đọc được (không có quyền truy cập (Permission denied))" in said["vi"]
    )
    assert "-o would replace budget.xlsx, which cannot be read (Permission denied): whether pari-index" in said["en"]


# ---------------------------------------------------------------------------------------------
# The guards on their own


def test_a_watched_file_written_replaced_or_deleted_is_changed(tmp_path: Path) -> None:
    kept, written, replaced, deleted = (tmp_path / f"{n}.csv" for n in ("kept", "written", "replaced", "deleted"))
    for path in (kept, written, replaced, deleted):
        path.write_text("a,b\n1,2\n", encoding="utf-8")
    # (The folder holding them is watched too when given: tests/test_hostile_faults24.py.)
    with input_watch.watching([kept, written, replaced, deleted, None, tmp_path / "none.csv"]):
        assert input_watch.changed() == []
        input_watch.check_unchanged()
        with written.open("a", encoding="utf-8") as handle:
            handle.write("3,4\n")
        # Another file of the same size, other bytes (the same bytes put in place are no change
        # since session 37: tests/test_hostile_faults37.py).
        (tmp_path / "other.csv").write_text("a,b\n5,6\n", encoding="utf-8")
        os.replace(tmp_path / "other.csv", replaced)
        deleted.unlink()
        assert input_watch.changed() == [str(written), str(replaced), str(deleted)]
        with pytest.raises(IntakeError) as refused:
            input_watch.check_unchanged()
        assert refused.value.exit_code == 1
        assert [(p.code, p.file) for p in refused.value.problems] == [
            ("input-changed", str(written)),
            ("input-changed", str(replaced)),
            ("input-changed", str(deleted)),
        ]
    assert input_watch.changed() == []  # the watch ends with its block


def test_a_file_watched_again_keeps_its_first_identity(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a\n", encoding="utf-8")
    with input_watch.watching([path]):
        path.write_text("a\nb\n", encoding="utf-8")
        with input_watch.watching([path]):  # the pipeline's watch inside the command's
            assert input_watch.changed() == [str(path)]
        assert input_watch.changed() == [str(path)]  # the inner block did not end the outer watch


def test_no_output_is_put_in_place_from_a_changed_input(tmp_path: Path) -> None:
    source, out, report = tmp_path / "in.csv", tmp_path / "out.html", tmp_path / "report.html"
    source.write_text("a\n", encoding="utf-8")
    out.write_text("earlier", encoding="utf-8")
    with input_watch.watching([source]):
        source.write_text("b\n", encoding="utf-8")
        with pytest.raises(IntakeError):
            write_text(out, "new")  # put in place at once
        with pytest.raises(IntakeError), placed_together():
            write_text(out, "new")
            write_text(report, "new")
    assert out.read_text(encoding="utf-8") == "earlier" and not report.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.html"]


def test_the_cache_stores_nothing_once_an_input_changed(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("a\n", encoding="utf-8")
    store = CacheStore(tmp_path / "cache")
    assert store.usable()
    table = {"t": pl.DataFrame({"x": [1]})}
    with input_watch.watching([source]):
        store.save("intake", "k1", table)
        source.write_text("b\n", encoding="utf-8")
        store.save("intake", "k2", table)
    assert sorted(p.name for p in (tmp_path / "cache" / "intake").iterdir()) == ["k1"]


def test_an_unreadable_file_is_told_and_others_are_not(tmp_path: Path) -> None:
    empty, text = tmp_path / "empty.xlsx", tmp_path / "text.csv"
    empty.touch()
    text.write_text("a\n", encoding="utf-8")
    assert unreadable_file(empty) is None and unreadable_file(text) is None
    assert unreadable_file(tmp_path) is None and unreadable_file(tmp_path / "none.xlsx") is None
    # (A file this process cannot open is met in the cases above, run without root's powers.)
