"""An assessments file holding rows of two criteria sets (or two years), pasted one below the
other, is said once (``pasted-sets``) at the file, instead of about a thousand
``conflicting-values`` lines (sweep 17); the conflicts stay in the findings sheet."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_sweep8 import EXAMPLES, _examples, _score

from pari_index.cli import main
from pari_index.intake.pasted_sets import MIN_KEYS, pasted_sets_findings
from pari_index.intake.schema import FINDING_SCHEMA
from pari_index.outputs.results import read_results

HAI_PHONG = EXAMPLES / "hai-phong-2022" / "assessments_long.csv"


def _pasted(folder: Path, lines: int | None) -> list[str]:
    files = _examples(folder)
    other = HAI_PHONG.read_text(encoding="utf-8-sig").split("\n", 1)[1].splitlines()[:lines]
    text = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig").rstrip("\n")
    files["assessments_long"].write_text(text + "\n" + "\n".join(other) + "\n", encoding="utf-8")
    return _score(folder, "--lang", "en")


@pytest.mark.parametrize("lines", [12, None], ids=["12-rows", "whole-file"])
def test_two_sets_in_one_file_are_said_once(tmp_path: Path, lines: int | None) -> None:
    result = CliRunner().invoke(main, _pasted(tmp_path, lines))
    assert result.exit_code == 1, result.output
    printed = re.findall(r"\[([a-z-]+)\]$", result.output, re.M)
    assert printed[0] == "pasted-sets" and printed.count("pasted-sets") == 1
    assert "conflicting-values" not in printed
    assert re.search(
        r"assessments_long\.csv: from row 3,431 on, the file repeats [\d,]+ \(commune, item\)", result.output
    )
    kinds = read_results(tmp_path / "out.xlsx")["findings"]["kind"].to_list()
    assert kinds.count("pasted-sets") == 1
    assert kinds.count("conflicting-values") >= 30  # every conflict kept, one a value


def test_the_vietnamese_words(tmp_path: Path) -> None:
    args = [a for a in _pasted(tmp_path, 12) if a not in ("--lang", "en")]
    result = CliRunner().invoke(main, args)
    assert "từ hàng 3.431 trở đi" in result.output and "[pasted-sets]" in result.output


def _conflicts(rows: list[tuple[int, int]]) -> pl.DataFrame:
    """conflicting-values findings of f.csv: each (first, second) row pair one key's."""
    found = [
        {"severity": "error", "kind": "conflicting-values", "file": "f.csv", "row": row, "commune_code": f"{i:05d}"}
        | {"criterion_id": "1.1", "column": "value"}
        for i, pair in enumerate(rows)
        for row in pair
    ]
    return pl.DataFrame(found, schema=FINDING_SCHEMA)


def test_conflicts_in_two_blocks_only() -> None:
    two_blocks = [(2 + i, 100 + i) for i in range(MIN_KEYS)]
    assert pasted_sets_findings(_conflicts(two_blocks))["kind"].to_list() == ["pasted-sets"]
    # Repeats scattered through the file (a typing mistake here and there) are not two blocks.
    scattered = [(2 + 10 * i, 7 + 10 * i) for i in range(MIN_KEYS)]
    assert pasted_sets_findings(_conflicts(scattered)).is_empty()
    # Fewer conflicting keys than MIN_KEYS are each said on their own.
    assert pasted_sets_findings(_conflicts(two_blocks[:-1])).is_empty()
