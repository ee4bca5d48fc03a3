"""Outputs meant to be worked on (a draft set, an annex, a table of changes, a fill-in form) are not
replaced once someone has worked on them: ``output-edited``, exit 4, the file as it was.

Before: ``pari criteria import annex.xlsx -o draft.yaml`` run again replaced a draft whose
``todo:`` notes had been resolved by hand, and ``pari criteria export`` an annex corrected and saved
in Excel, without a word (both were recognised as pari-index's own outputs by their header or
sheets alone). A draft's header now records the SHA-256 of what follows it; a workbook saved by
another program says so in its core properties (as a filled form already did)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.outputs.ownership import edited_output, foreign_file, written_by_pari

ROOT = Path(__file__).resolve().parents[1]
ANNEX = ROOT / "examples" / "annex" / "phu-luc-mau.xlsx"
HA_NOI = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
HAI_PHONG = ROOT / "criteria" / "hai-phong-2022-commune.yaml"


def _run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def _import(tmp_path: Path, *extra: str) -> Path:
    annex = tmp_path / "annex.xlsx"
    if not annex.exists():
        shutil.copyfile(ANNEX, annex)
    draft = tmp_path / "draft.yaml"
    code, output = _run("criteria", "import", annex, "-o", draft, *extra)
    assert code == 0, output
    return draft


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_draft_records_the_sha256_of_what_follows_its_header(tmp_path: Path, lang: str) -> None:
    text = _import(tmp_path, "--lang", lang).read_text(encoding="utf-8")
    head = text.split("\n", 3)
    digest = hashlib.sha256(head[3].encode("utf-8")).hexdigest()
    assert head[2].startswith("# SHA-256") and digest in head[2]
    assert yaml.safe_load(text)["todo"]  # the header is comments: the draft reads as before


def test_a_draft_as_written_is_replaced_by_a_new_import(tmp_path: Path) -> None:
    draft = _import(tmp_path)
    assert written_by_pari(draft) and not edited_output(draft)
    _import(tmp_path)  # exit 0, asserted there


def test_a_draft_saved_with_windows_line_ends_is_still_as_written(tmp_path: Path) -> None:
    draft = _import(tmp_path)
    draft.write_bytes(draft.read_bytes().replace(b"\n", b"\r\n"))
    assert written_by_pari(draft) and not edited_output(draft)


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("\ntodo:", "\ntodo :", 1),  # a note resolved by hand
        lambda text: text + "\n# ghi chú của Sở Nội vụ\n",  # a comment added at the end
        lambda text: re.sub(r"[0-9a-f]{64}", "0" * 64, text, count=1),  # the digest typed over
    ],
    ids=["todo-resolved", "comment-added", "digest-typed-over"],
)
def test_a_draft_someone_worked_on_is_not_replaced(tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    draft = _import(tmp_path)
    draft.write_text(edit(draft.read_text(encoding="utf-8")), encoding="utf-8")
    before = draft.read_bytes()
    assert edited_output(draft) and foreign_file(draft)
    for lang, words in (("vi", "đã có người sửa"), ("en", "someone has worked on since")):
        code, output = _run("criteria", "import", tmp_path / "annex.xlsx", "-o", draft, "--lang", lang)
        assert code == 4 and "[output-edited]" in output and words in output, output
    assert draft.read_bytes() == before


def test_a_draft_of_an_earlier_version_without_the_line_is_replaced(tmp_path: Path) -> None:
    draft = _import(tmp_path)
    lines = draft.read_text(encoding="utf-8").split("\n", 3)
    draft.write_text("\n".join([lines[0], lines[1], lines[3]]), encoding="utf-8")
    assert written_by_pari(draft) and not edited_output(draft)
    _import(tmp_path)


def test_an_annex_named_across_lines_keeps_the_header_three_comment_lines(tmp_path: Path) -> None:
    """A line break in the annex's name ended the header's comment and began YAML (the next part
    of the name read as the set's first value)."""
    annex = tmp_path / "phụ lục\nbản 2.xlsx"
    shutil.copyfile(ANNEX, annex)
    draft = tmp_path / "draft.yaml"
    assert _run("criteria", "import", annex, "-o", draft)[0] == 0
    text = draft.read_text(encoding="utf-8")
    assert text.split("\n")[0].endswith("phụ lục\\nbản 2.xlsx.")
    assert all(line.startswith("# ") for line in text.split("\n")[:3])
    assert yaml.safe_load(text)["todo"] and not edited_output(draft)


def _saved_by_excel(book_path: Path) -> None:
    """Open and save as an office program does: the core properties then name who saved it."""
    book = openpyxl.load_workbook(book_path)
    book.properties.lastModifiedBy = "Sở Nội vụ"
    book.save(book_path)


@pytest.mark.parametrize(
    "command",
    [
        ["criteria", "export", str(HA_NOI), "-o", "{out}"],
        ["diff", str(HA_NOI), str(HAI_PHONG), "-o", "{out}"],
        ["template", "-o", "{out}"],
    ],
    ids=["annex", "changes", "form"],
)
def test_a_workbook_saved_since_by_another_program_is_not_replaced(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "book.xlsx"
    args = [part.replace("{out}", str(out)) for part in command]
    assert _run(*args)[0] == 0
    assert _run(*args)[0] == 0  # as written: replaced
    _saved_by_excel(out)
    before = out.read_bytes()
    code, output = _run(*args)
    assert code == 4 and "[output-edited]" in output, output
    assert out.read_bytes() == before


def test_results_saved_again_by_excel_are_replaced_by_a_new_run(tmp_path: Path) -> None:
    """Results are remade by running again, and Excel offers to save any workbook it recalculated."""
    examples = ROOT / "examples"
    out = tmp_path / "results.xlsx"
    args = [examples / "assessments_long.csv", "--communes", examples / "communes.csv", "--no-survey", "-o", out]
    assert _run("score", *args)[0] in (0, 1)
    _saved_by_excel(out)
    assert written_by_pari(out) and not edited_output(out)
    code, output = _run("score", *args)
    assert code in (0, 1) and "[output-" not in output, output


def test_a_user_s_own_file_is_still_not_pari_s(tmp_path: Path) -> None:
    own = tmp_path / "draft.yaml"
    own.write_text("# ghi chú\nid: x\n", encoding="utf-8")
    assert foreign_file(own) and not edited_output(own)
    code, output = _run("criteria", "import", ANNEX, "-o", own)
    assert code == 4 and "[output-not-pari]" in output
