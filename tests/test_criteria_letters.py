"""A criteria set whose Vietnamese letters were damaged is refused at its first damaged text
(criteria-letters-damaged), in the words of the damage.

Before session 27 each of these sets loaded without a word (``pari validate``: valid). Scoring the
example with it gave exit 1 and about 110 ``bad-value`` errors blaming the assessments file
(«Đạt chuẩn tối thiểu không phải là một trong các mức…», the hint listing the garbled labels),
and the results showed the garbled titles; the criteria file was never named."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_csv import tcvn3_bytes, vni_bytes

from pari_index.criteria.loading import load_criteria_text
from pari_index.errors import CriteriaError, Problem

HA_NOI = Path(__file__).parent.parent / "criteria" / "ha-noi-2025-commune.yaml"
TEXT = HA_NOI.read_text(encoding="utf-8")
#: The first quoted text with a letter outside ASCII, past the comments (the set's title in Vietnamese).
FIRST_LINE = next(
    i
    for i, line in enumerate(TEXT.splitlines(), 1)
    if not line.lstrip().startswith("#") and re.search(r'"[^"]*[^\x00-\x7f]', line)
)


def _tcvn3(text: str) -> str:
    return tcvn3_bytes(text).decode("latin-1")


def _vni(text: str) -> str:
    return vni_bytes(text).decode("cp1252", errors="replace")


def _lost(text: str) -> str:  # Notepad's «ANSI» on an English Windows
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _misread(text: str) -> str:  # UTF-8 opened as Windows-1252 and saved as UTF-8
    return text.encode("utf-8").decode("cp1252", errors="replace")


def _quoted_texts(change: Callable[[str], str], text: str = TEXT) -> str:
    """Every quoted text of the set changed (ids and keys are ASCII: they stay)."""

    def one(match: re.Match[str]) -> str:
        return '"' + change(match.group(1)).replace("\\", "\\\\").replace('"', "'") + '"'

    return re.sub(r'"([^"\n]*)"', one, text)


def _refusal(text: str) -> Problem:
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(text, "set.yaml")
    found = [p for p in info.value.problems if p.code == "criteria-letters-damaged"]
    assert len(found) == 1, info.value.problems
    return found[0]


@pytest.mark.parametrize(
    ("change", "damage", "vi", "en"),
    [
        (_tcvn3, "legacy", "được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI)", "legacy Vietnamese font"),
        (_vni, "legacy", "được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI)", "legacy Vietnamese font"),
        (_lost, "lost", "có dấu ? thay cho một chữ cái", "hold a ? where a letter was"),
        (_misread, "misread", "bị đọc theo một bảng mã khác", "read in another code page"),
    ],
    ids=["tcvn3", "vni", "question-marks", "misread-code-page"],
)
def test_a_set_whose_text_was_damaged_is_refused_at_its_first_text(
    change: Callable[[str], str], damage: str, vi: str, en: str
) -> None:
    problem = _refusal(_quoted_texts(change))
    assert problem.params is not None and problem.params["letters_damage"] == damage
    assert problem.params["words"] > 100
    assert problem.line == FIRST_LINE
    assert vi in problem.render("vi") and "bộ tiêu chí không được dùng" in problem.render("vi")
    assert en in problem.render("en") and "the set was not used" in problem.render("en")
    assert "Unikey" in problem.render("vi") and "Unikey" in problem.render("en")


def test_one_level_label_pasted_from_a_tcvn3_document_is_refused_at_its_line() -> None:
    """Two of its words show the font (``hoÆc``, ``tÞch``): a label is short, and a set's every
    label counts, so a few words are refused, not only a share of the file's."""
    label = 'label: "Bí thư Đảng uỷ hoặc Chủ tịch UBND"'
    line = next(i for i, text in enumerate(TEXT.splitlines(), 1) if label in text)
    problem = _refusal(TEXT.replace(label, f'label: "{_tcvn3("Bí thư Đảng uỷ hoặc Chủ tịch UBND")}"', 1))
    assert problem.line == line
    assert problem.params is not None and problem.params["letters_damage"] == "legacy"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_text_written_as_it_should_be_is_not_refused(form: str) -> None:
    """The bundled sets, composed or decomposed, and a set whose every title is without marks."""
    for path in sorted((HA_NOI.parent).glob("*.yaml")):
        load_criteria_text(unicodedata.normalize(form, path.read_text(encoding="utf-8")), path.name)
    plain = _quoted_texts(lambda t: "".join(c for c in unicodedata.normalize("NFD", t) if c.isascii()))
    load_criteria_text(plain, "set.yaml")


def test_pari_validate_names_the_criteria_file_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bộ tiêu chí.yaml"
    path.write_text(_quoted_texts(_tcvn3), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pari_index", "validate", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    assert f"{path}:{FIRST_LINE}:" in done.stdout + done.stderr
    assert "[criteria-letters-damaged]" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
