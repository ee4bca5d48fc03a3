"""``pari.rank`` gives the lineage's warnings, as ``pari score`` does.

The facade read the lineage table without the run's codes and last year's results, and dropped
the warnings of reading it: a row whose new code is no unit of the run (``lineage-unknown-code``)
and one whose old code is not in last year's results (``lineage-old-code-missing``) were printed
by ``pari score`` and absent from a library caller's run. Now both read it through one function
(``ranking.lineage.lineage_of_run``), which adds the warnings to ``result.findings`` (where every
stage's findings are, and what ``pari.findings``, the results and the report read); ranking twice
tells them once.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_paths import fake_results_folder

import pari_index as pari
from pari_index.cli import main
from pari_index.outputs.results import read_results

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
#: Last year's results (hostile_paths' fake folder) hold 00001 and 00002: a change of code found,
#: an old code not in them (letter O), and a new code of no unit.
ROWS = ["old_code,new_code", "00002,00004", "00O01,00007", "00055,0013"]
EXPECTED = [("lineage-old-code-missing", 3), ("lineage-unknown-code", 4)]


def _lineage(tmp_path: Path) -> Path:
    path = tmp_path / "lineage.csv"
    path.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return path


def _told(findings: pl.DataFrame, lineage: Path) -> list[tuple[str, str, int]]:
    of_lineage = findings.filter(pl.col("file") == str(lineage))
    return of_lineage.select("severity", "kind", "row").sort("row").rows()


def test_the_facade_gives_the_lineage_warnings_the_command_prints(tmp_path: Path) -> None:
    lineage, previous = _lineage(tmp_path), fake_results_folder(tmp_path)
    result = pari.score(
        [EXAMPLES / "assessments_long.csv"],
        pari.load_criteria(CRITERIA),
        communes=EXAMPLES / "communes.csv",
        survey=[EXAMPLES / "survey.csv"],
    )
    before = result.findings.height
    ranked = pari.rank(result, previous=previous, lineage=lineage)
    assert _told(result.findings, lineage) == [("warning", kind, row) for kind, row in EXPECTED]
    assert result.findings.height == before + 2
    # Ranked again (another grouping): told once. The results are written from the latest ranking
    # (since session 39 an earlier one is refused: the findings describe the latest).
    by_district = pari.rank(result, previous=previous, lineage=lineage, group_by="district")
    assert result.findings.height == before + 2
    with pytest.raises(ValueError, match=r"differ from what pari\.rank\(result\) gave last"):
        pari.write_results(tmp_path / "earlier", result, ranked, fmt="csv")
    assert not (tmp_path / "earlier").exists()
    ranked = by_district
    english = pari.findings(result, lang="en").filter(pl.col("kind") == "lineage-unknown-code")
    assert english["message"].to_list() == [
        "the new code 0013 is no unit of this run; the register holds 00013: the code lost its leading zeros (Excel "
        "drops them when it takes a code for a number); the row links nothing and was not used"
    ]
    # The command tells the same rows, and the results a library caller writes carry them.
    written = pari.write_results(tmp_path / "lib", result, ranked, fmt="csv")
    assert written
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--survey", str(EXAMPLES / "survey.csv"), "--criteria", str(CRITERIA), "--previous", str(previous)]
    args += ["--lineage", str(lineage), "--format", "csv", "-o", str(tmp_path / "cli")]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    for folder in ("cli", "lib"):
        assert _told(read_results(tmp_path / folder)["findings"], lineage) == _told(result.findings, lineage)
