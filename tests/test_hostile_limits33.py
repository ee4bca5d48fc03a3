"""What the cases of tests/hostile_limits33.py answer, and that the ways they are now made cheap
give what the old ways gave: a text folded with its Latin marks taken off at once is the text
folded a character at a time; the files of an evidence folder are keyed once for a near name and
for the files no row names, with the same near names; ``validate_files`` keeps no set's node tree."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

import pytest
from children import pari_child
from criteria_text import BASE
from hostile_limits33 import CASES, COPY, EXPECTED, LONG_SAYING, MORE_FILES, NAMED, NOT_WRITTEN, SETS
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.criteria.loading import load_criteria, validate_files
from pari_index.intake import evidence_files
from pari_index.intake.evidence_files import EvidenceFolder, FolderIndex, name_key, name_skeleton
from pari_index.intake.tones import ALIKE_TABLE, folded, y_for_i_bare

SAID_BRIEFLY = {name: case for name, case in CASES.items() if name not in LONG_SAYING}
(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(
    SAID_BRIEFLY, EXPECTED, NOT_WRITTEN
)
words, test_each_case_says_it_in_its_own_language = language_tests(SAID_BRIEFLY, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED) and set(LONG_SAYING) <= set(CASES)


def test_the_many_files_are_told_and_the_copy_near_its_file(tmp_path: Path) -> None:
    """The run keys the folder's 150,000 files once and still tells what it told: the row's copy
    not found, near the folder's file; the files no row names, the first hundred one by one and
    the rest counted."""
    done = pari_child(CASES["evidence-folder-of-many-files"](tmp_path), tmp_path, timeout=300)
    assert done.returncode == 0, (done.stdout + done.stderr)[:2_000]
    with (tmp_path / "ket-qua" / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        found = list(csv.DictReader(handle))
    kinds = [row["kind"] for row in found]
    not_found = [row for row in found if row["kind"] == "evidence-file_not_found"]
    assert len(not_found) == 1 and COPY in not_found[0]["message"] and NAMED in not_found[0]["message"]
    assert kinds.count("evidence-file-unused") == 100
    (more,) = [json.loads(row["params"]) for row in found if row["kind"] == "evidence-files-unused"]
    # The folder's own copy of NAMED is named by no row now: one more than the files added.
    assert more["count"] == MORE_FILES + 1 - 100


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_validate_gives_every_verdict(tmp_path: Path, lang: str) -> None:
    """Each of 2,000 sets has its line, in the order given and the language asked, once the node
    trees are let go (the case the sweep cannot take: it says more than 20,000 characters)."""
    args = CASES["validate-of-many-sets"](tmp_path)
    done = pari_child([*args, "--lang", lang], tmp_path, timeout=300)
    assert done.returncode == 0 and not done.stderr, done.stderr[:2_000]
    lines = done.stdout.splitlines()
    assert len(lines) == SETS
    valid = {"vi": ": hợp lệ — test-base-", "en": ": ok — test-base-"}[lang]
    assert all(line.endswith(f"bo-{n:04d}.yaml{valid}{n}", 0, line.index(",")) for n, line in enumerate(lines))


def test_validate_files_keeps_no_node_tree(tmp_path: Path) -> None:
    """The sets are kept until every verdict is given, their document's node tree is not; the rest
    of what a set holds is what load_criteria gives."""
    paths = []
    for number in range(3):
        path = tmp_path / f"bo-{number}.yaml"
        path.write_text(BASE.replace("id: test-base", f"id: test-base-{number}"), encoding="utf-8")
        paths.append(path)
    broken = tmp_path / "hong.yaml"
    broken.write_text("id: [", encoding="utf-8")
    checked = validate_files([*paths, broken])
    assert [name for name, _ in checked] == [str(p) for p in (*paths, broken)]
    for (_, result), path in zip(checked[:3], paths, strict=True):
        assert not isinstance(result, Exception) and result.root is None
        loaded = load_criteria(path)
        assert loaded.root is not None
        assert (result.criteria, result.warnings, result.file) == (loaded.criteria, loaded.warnings, loaded.file)
    assert isinstance(checked[3][1], Exception)


# --- the text folded as before ---------------------------------------------------------------


def _folded_a_character_at_a_time(text: str) -> str:
    """tones.folded as it was until session 33, with the look-alike letters and the characters
    nothing shows that it reads since the review of session 34 (tones.alike_letters)."""
    decomposed = unicodedata.normalize("NFD", text.translate({**ALIKE_TABLE, 0xAD: None}).lower())
    bare = "".join(
        char for char in decomposed if unicodedata.category(char)[0] != "M" and unicodedata.category(char) != "Cf"
    )
    return y_for_i_bare(" ".join(bare.replace("đ", "d").split()))


# Vietnamese in both forms, other scripts' marks (Greek, Cyrillic, Devanagari, Hebrew, Arabic,
# combining marks for symbols) and letters around U+0370 where the fast path stops.
_LETTERS = "aAiIkKyYđĐÐνΗо\u200b\u00ad _-.()\t\u00a0ếỆươ\u0301\u0323\u0300\u036f\u0370ͅά\u0483ि\u05b0\u064b\u20d7İﬁß1"


@given(st.text(alphabet=_LETTERS, max_size=40) | st.text(max_size=20))
def test_folded_is_as_a_character_at_a_time(text: str) -> None:
    assert folded(text) == _folded_a_character_at_a_time(text)


# --- the folder keyed once, with the same near names -----------------------------------------


def _unused_as_before(index: FolderIndex, names: list[str]) -> list[tuple[str, str | None]]:
    """EvidenceFolder.unused as it was until session 33 (each file keyed again)."""
    named = {name_key(n): n for n in names}
    files = {name_key(f): f for f in index.files}
    unused = [f for key, f in files.items() if key not in named]
    near_named: dict[str, set[str]] = {}
    for key, name in named.items():
        if key not in files:
            near_named.setdefault(name_skeleton(name), set()).add(name)
    near_named.pop("", None)
    return [(f, min(near_named.get(name_skeleton(f), {""})) or None) for f in unused]


_FILES = ("KH 72.pdf", "kh 72.PDF", "Kế hoạch 5.docx", "a/KH 9.pdf", "b/Báo cáo.pdf", "__.pdf", "Copy of QĐ 1.pdf")
_NAMES = ("KH 72 (1).pdf", "Ke hoach 5.pdf", "a/KH 9.pdf", "Báo cáo - Copy.pdf", "QĐ 1.pdf", "x.pdf", "_.pdf")


@given(st.lists(st.sampled_from(_FILES), unique=True), st.lists(st.sampled_from(_NAMES)))
def test_unused_files_have_the_near_names_they_had(files: list[str], names: list[str]) -> None:
    index = FolderIndex(tuple(files), False)
    folder = EvidenceFolder(Path("/nowhere"))
    folder._listed["index"] = index
    assert folder.unused(names) == (_unused_as_before(index, names), False)


def test_a_folder_is_keyed_once_and_only_for_a_name_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    keyed: list[str] = []

    def counted(name: str) -> str:
        keyed.append(name)
        return name_skeleton(name)

    monkeypatch.setattr(evidence_files, "name_skeleton", counted)
    files = tuple(f"KH {n}.pdf" for n in range(50))
    folder = EvidenceFolder(Path("/nowhere"))
    folder._listed["index"] = FolderIndex(files, False)
    assert [near for _, near in folder.unused(["KH 1.pdf"])[0]] == [None] * 49
    assert keyed == []  # every name a file's: no file is near a name not found
    index = folder.index()
    assert index.near("KH 7 (1).pdf") == "KH 7.pdf"
    unused = folder.unused(["KH 1.pdf", "KH 7 (1).pdf"])[0]
    assert dict(unused)["KH 7.pdf"] == "KH 7 (1).pdf"
    assert sorted(k for k in keyed if k in files) == sorted(files)  # each file keyed once for both
