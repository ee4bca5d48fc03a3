"""A lineage row whose old code is not in last year's results is a warning at its row.

Such a row links nothing of last year to its unit: most often a typing slip in the old code. It
was said only inside the unit's ``previous_note`` ("no result", or "not in last year's results"),
which nobody reads as a problem of the lineage file. Now it is a ``lineage-old-code-missing``
warning naming the file, the row and both codes, in the run's language, as
``lineage-unknown-code`` is for a new code of no unit (a row that is both is told once, as that).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_paths import fake_results_folder
from hostile_sweep8 import _score

from pari_index.cli import main
from pari_index.outputs.results import read_results
from pari_index.ranking.lineage import read_lineage

#: Last year's results (hostile_paths' fake folder) hold 00001 and 00002. Rows: a change of
#: code found; a typo of an old code (letter O); a merger of a found and a missing code; a row
#: whose new code is no unit (told as lineage-unknown-code only).
ROWS = ["old_code,new_code", "00002,00004", "00O01,00007", "00001,00010", "00099,00010", "00055,0013"]
MISSING = [(3, "00O01", "00007"), (5, "00099", "00010")]


def _run(tmp_path: Path, lang: str) -> tuple[str, dict[str, pl.DataFrame]]:
    lineage = tmp_path / "lineage.csv"
    lineage.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    args = _score(tmp_path, "--lineage", str(lineage), "--previous", str(fake_results_folder(tmp_path)))
    done = CliRunner().invoke(main, [*[a for a in args if a != "-q"], "--lang", lang])
    assert done.exit_code == 0, done.output
    return done.output, read_results(tmp_path / "out.xlsx")


@pytest.mark.parametrize(
    ("lang", "said", "hint"),
    [
        (
            "en",
            "the old code {old} is not in last year's results; the row links nothing of last year to {new}",
            "check the old code against last year's results (a typing slip?), or delete the row if the unit had "
            "no result last year",
        ),
        (
            "vi",
            "mã cũ {old} không có trong kết quả năm trước; dòng này không nối được kết quả nào của năm trước với {new}",
            "đối chiếu mã cũ với kết quả năm trước (gõ nhầm?), hoặc xoá dòng nếu năm trước đơn vị không có kết quả",
        ),
    ],
)
def test_each_old_code_missing_from_last_year_is_a_warning_at_its_row(
    tmp_path: Path, lang: str, said: str, hint: str
) -> None:
    _, tables = _run(tmp_path, lang)
    findings = tables["findings"]
    found = findings.filter(pl.col("kind") == "lineage-old-code-missing")
    lineage = str(tmp_path / "lineage.csv")
    assert found.select("severity", "file", "row", "message", "hint").rows() == [
        ("warning", lineage, row, said.format(old=old, new=new), hint) for row, old, new in MISSING
    ]
    # The row of a new code of no unit is told once, as that.
    unknown = findings.filter(pl.col("kind") == "lineage-unknown-code")
    assert unknown["row"].to_list() == [6]
    # The notes still say it, where the units are.
    summary = tables["summary"].filter(pl.col("commune_code").is_in(["00007", "00010"])).sort("commune_code")
    notes = summary["previous_note"].to_list()
    if lang == "en":
        assert notes == ["code changed from 00O01; not in last year's results", notes[1]]
        assert notes[1].startswith("merged from: 00001 (1/2, 80.50 %), 00099 (no result)")


def test_the_console_counts_them_by_their_title(tmp_path: Path) -> None:
    """Warnings are counted by kind on the console (the findings sheet names each row)."""
    output, _ = _run(tmp_path, "en")
    assert "Lineage code not in last year's results 2, Lineage code of no unit 1" in output, output


def test_a_library_caller_gets_the_warnings_from_read_lineage(tmp_path: Path) -> None:
    lineage = tmp_path / "lineage.csv"
    lineage.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    previous = read_results(fake_results_folder(tmp_path))
    told: list = []
    frame = read_lineage(lineage, told, ["00004", "00007", "00010"], previous)
    assert [(p.code, p.row, p.field, p.severity) for p in told] == [
        ("lineage-unknown-code", 6, "new_code", "warning"),
        ("lineage-old-code-missing", 3, "old_code", "warning"),
        ("lineage-old-code-missing", 5, "old_code", "warning"),
    ]
    assert frame.height == 5  # every row kept: a warning, not a refusal
    # Without last year's results nothing is said of old codes (as before).
    told.clear()
    read_lineage(lineage, told, ["00004", "00007", "00010"])
    assert [p.code for p in told] == ["lineage-unknown-code"]


def test_the_column_is_named_as_the_file_heads_it(tmp_path: Path) -> None:
    """A lineage file headed in Vietnamese: its findings name «mã cũ» and «mã mới», never the
    ids old_code and new_code (an English id on a Vietnamese page, found by the language scan)."""
    lineage = tmp_path / "lineage.csv"
    lineage.write_text("\n".join(["mã cũ,mã mới", *ROWS[1:]]) + "\n", encoding="utf-8")
    told: list = []
    read_lineage(lineage, told, ["00004", "00007", "00010"], read_results(fake_results_folder(tmp_path)))
    assert [(p.code, p.field) for p in told] == [
        ("lineage-unknown-code", "mã mới"),
        ("lineage-old-code-missing", "mã cũ"),
        ("lineage-old-code-missing", "mã cũ"),
    ]
