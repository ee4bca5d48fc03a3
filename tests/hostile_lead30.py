"""Hostile cases of the thirtieth session's lead: an annex typed another way, and a register that
lost its codes' zeros.

An annex metamorphic campaign (session 30) exported each bundled set as its annex, rewrote its
scoring methods the ways a province's typist writes them and imported each rewrite
(``pari criteria import``), comparing the draft with the set (authoring.compare); a review of the
fix then tried a few hundred more phrasings against the code before it. Read as another rule
without a todo, before:

- the example annex with its colons and semicolons full-width («Đạt： 2 điểm； không đạt： 0
  điểm», as an East Asian input method types them): a yes/no giving 0 points when done;
- a deduction with «đ» for «điểm» («Có văn bản phê bình của UBND tỉnh: trừ 1 đ»): a yes/no
  *giving* 1 point to a commune the province reprimanded;
- clauses ended by full stops («Đạt: 2 điểm. Không đạt: 0 điểm.»): a yes/no giving 0;
- the words of a method joined by no-break spaces, or the method on one line with «;»: a rate of
  two counts read as one percent input, its policy for no denominator lost;
- «… không tính điểm. Chỉ áp dụng đối với: phường.» on one line: the item applied to every unit.

And, told in no way: the English reading copy ``criteria export --lang en`` writes (every item
drafted «method not recognised», exit 0: now ``annex-english-copy``, exit 1), a second annex
sheet («Phụ lục II», passed over: now ``annex-sheet-not-read``).

A register campaign (18 rewrites of the example register) found one more: a register saved from
Excel with its codes as numbers (``1`` for ``00001``) made each of the example's 3,429 rows
«not in the register» with nothing near, the hint sending the clerk to the assessments, which
were right. Each now names the register's code to correct (``zeros_register``).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead30.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]
ANNEX = EXAMPLES / "annex" / "phu-luc-mau.xlsx"


def _annex(folder: Path, name: str, method: Callable[[str], str]) -> Path:
    """The example annex with each scoring method rewritten by ``method``, saved in ``folder``."""
    book = openpyxl.load_workbook(ANNEX)
    for row in book.worksheets[0].iter_rows():
        if isinstance(row[3].value, str):
            row[3].value = method(row[3].value)
    path = folder / name
    book.save(path)
    return path


def import_an_annex_typed_with_full_width_punctuation(folder: Path) -> list[str]:
    annex = _annex(folder, "phu-luc.xlsx", lambda text: text.replace(":", "：").replace(";", "；"))
    return ["criteria", "import", str(annex), "-o", str(folder / "du-thao.yaml")]


def import_an_annex_with_short_units_and_full_stops(folder: Path) -> list[str]:
    def typed(text: str) -> str:
        return text.replace(" điểm;", " đ.").replace("trừ 1 điểm", "trừ 1 đ")

    annex = _annex(folder, "phu-luc.xlsx", typed)
    return ["criteria", "import", str(annex), "-o", str(folder / "du-thao.yaml")]


def import_the_english_reading_copy(folder: Path) -> list[str]:
    copy = folder / "annex-en.xlsx"
    from pari_index.authoring.export import export_annex
    from pari_index.criteria.loading import load_criteria

    export_annex(load_criteria(EXAMPLES.parent / "criteria" / "ha-noi-2025-commune.yaml").criteria, copy, "en")
    return ["criteria", "import", str(copy), "-o", str(folder / "du-thao.yaml")]


def import_an_annex_with_a_second_annex_sheet(folder: Path) -> list[str]:
    book = openpyxl.load_workbook(ANNEX)
    book.copy_worksheet(book.worksheets[0]).title = "Phụ lục II"
    path = folder / "hai-phu-luc.xlsx"
    book.save(path)
    return ["criteria", "import", str(path), "-o", str(folder / "du-thao.yaml")]


def score_with_a_register_that_lost_its_zeros(folder: Path) -> list[str]:
    args = _score(folder)
    with open(folder / "communes.csv", encoding="utf-8-sig") as given:
        rows = list(csv.reader(given))
    with open(folder / "communes.csv", "w", encoding="utf-8", newline="") as saved:
        csv.writer(saved).writerows([rows[0], *[[str(int(row[0])), *row[1:]] for row in rows[1:]]])
    return args


CASES: dict[str, Case] = {
    "import-an-annex-typed-with-full-width-punctuation": import_an_annex_typed_with_full_width_punctuation,
    "import-an-annex-with-short-units-and-full-stops": import_an_annex_with_short_units_and_full_stops,
    "import-the-english-reading-copy": import_the_english_reading_copy,
    "import-an-annex-with-a-second-annex-sheet": import_an_annex_with_a_second_annex_sheet,
    "score-with-a-register-that-lost-its-zeros": score_with_a_register_that_lost_its_zeros,
}

#: An annex read as another typist writes it drafts what the example drafts (exit 0); a second
#: annex sheet is a warning (exit 0); the English reading copy is refused (exit 1, nothing
#: written); the register's lost zeros stop the run at its assessments' rows (exit 1).
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "import-an-annex-typed-with-full-width-punctuation": (0, None, ("phu-luc.xlsx",)),
    "import-an-annex-with-short-units-and-full-stops": (0, None, ("phu-luc.xlsx",)),
    "import-the-english-reading-copy": (1, "annex-english-copy", ("annex-en.xlsx",)),
    "import-an-annex-with-a-second-annex-sheet": (0, None, ("hai-phu-luc.xlsx",)),
    "score-with-a-register-that-lost-its-zeros": (1, "unknown-commune", ("communes.csv",)),
}
