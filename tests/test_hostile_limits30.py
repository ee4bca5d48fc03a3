"""What the cases of tests/hostile_limits30.py answer, and the folding of a lineage table's
warnings and of findings each of its own message."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from hostile_limits30 import CASES, EXPECTED, NOT_WRITTEN, lineage_of_unknown_old_codes
from sweeps import case_tests, language_tests, run_in_process

from pari_index.intake.findings import empty_findings
from pari_index.intake.folding import FOLDED, fold_findings

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def _lineage_findings(tmp_path: Path, lang: str) -> pl.DataFrame:
    """The findings of the lineage table of 12 rows of unknown old codes, folded past 5 of a kind."""
    args = lineage_of_unknown_old_codes(tmp_path, 12)
    args[args.index("-o") + 1] = str(tmp_path / "ket-qua")
    status, output = run_in_process(*args, "--format", "csv", "--lang", lang)
    # No old code is last year's: the table links nothing, an error (session 33), results written.
    assert status == 1 and "[lineage-links-nothing]" in output, output
    findings = pl.read_csv(tmp_path / "ket-qua" / "findings.csv", infer_schema=False)
    return findings.filter(pl.col("file").str.ends_with("lineage.csv"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_lineage_table_s_warnings_are_folded_naming_their_rows_in_the_file(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each kind of the lineage's warnings is listed 5 times, then one folded finding counts the 7
    others and names their rows (7 to 13: the header is row 1); it sends the reader to the file,
    never to the input rows table, which holds no row of the lineage table."""
    monkeypatch.setenv("PARI_MAX_FINDINGS_OF_A_KIND", "5")
    found = _lineage_findings(tmp_path, lang)
    for kind in ("lineage-old-code-missing", "lineage-own-results-passed-over"):
        listed = found.filter(pl.col("kind") == kind)
        assert listed["row"].to_list() == ["2", "3", "4", "5", "6"]
        folded = found.filter(
            (pl.col("kind") == FOLDED) & (pl.col("params").str.json_path_match("$.folded_kind") == kind)
        )
        assert folded.height == 1
        params = json.loads(folded["params"].item())
        assert (params["count"], params["rows"], params["rows_listed"]) == (7, "7–13", "file")
        message = folded["message"].item()
        assert ("xem chúng trong chính tệp" if lang == "vi" else "see them in the file itself") in message
        assert ("bảng dòng đầu vào ghi đủ" if lang == "vi" else "gives every row's reasons") not in message


def test_the_fold_keeps_the_first_finding_of_each_message_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """The texts of the findings folded away (for the rows table): the first finding of each
    distinct message, in the findings' order, whether each message is its own or shared."""
    rows = [f"x{i % 3}" if i % 2 else f"own {i}" for i in range(12)]
    findings = pl.concat(
        [
            empty_findings(),
            pl.DataFrame(
                {
                    "severity": "error",
                    "kind": "bad-value",
                    "commune_code": "00001",
                    "file": "a.csv",
                    "row": list(range(2, 14)),
                    "message": rows,
                    "hint": "h",
                    "params": [json.dumps({"value": m}) for m in rows],
                }
            ),
        ],
        how="diagonal_relaxed",
    )
    monkeypatch.setenv("PARI_MAX_FINDINGS_OF_A_KIND", "2")
    kept, texts = fold_findings(findings)
    folded_away = rows[2:]
    expected = list(dict.fromkeys(folded_away))
    assert texts["message"].to_list() == expected
    assert texts["params"].to_list() == [json.dumps({"value": m}) for m in expected]
    assert kept.height == 3 and kept["kind"].to_list()[-1] == FOLDED
    assert json.loads(kept["params"][-1])["count"] == 10
    assert "rows_listed" not in json.loads(kept["params"][-1])  # an input's rows: the rows table's words


def test_an_evidence_folder_is_listed_once_for_all_the_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name not found as written is looked for as Windows reads it, which lists its folder: once
    for the run, not once for each batch of communes (a folder of 200,000 files listed for each of
    ten batches took 2 CPU s); a file is still found as Windows reads it in a later batch."""
    import pari_index.system.spelling as spelling
    from pari_index.intake.evidence_files import EvidenceFolder

    evidence = tmp_path / "minh-chung"
    evidence.mkdir()
    for name in ("KH 72.pdf", "BC 15.pdf"):
        (evidence / name).write_bytes(b"%PDF-1.4\n%%EOF\n")
    listed: list[Path] = []
    listing = spelling._listing

    def counted(folder: Path, key: object) -> dict[str, str]:
        listed.append(folder)
        return listing(folder, key)  # type: ignore[arg-type]

    monkeypatch.setattr(spelling, "_listing", counted)
    folder = EvidenceFolder.checked(evidence)
    first = folder.states(["kh 72.PDF", "thiếu 1.pdf"])
    second = folder.states(["bc 15.PDF", "thiếu 2.pdf"])
    assert (first["kh 72.PDF"][0], first["thiếu 1.pdf"][0]) == ("ok", "file_not_found")
    assert (second["bc 15.PDF"][0], second["thiếu 2.pdf"][0]) == ("ok", "file_not_found")
    assert listed == [evidence.resolve()]


# ---------------------------------------------------------------------------------------------
# An .ods's runs of plain cells with content, counted at once


def _ods_scan(tmp_path: Path, rows: str, cells: int | None, walked: bool) -> tuple[dict[str, object] | str, int]:
    """What the scan of an .ods of one sheet ``data`` holding ``rows`` found (the cells limit
    ``cells``), or the code and message of its refusal, and the runs of plain cells matched at
    once; ``walked``: every cell walked one by one, as before session 30."""
    import dataclasses
    import zipfile

    from hostile_sweep9 import write_ods

    import pari_index.intake.xlsx.ods_scan as ods_scan
    from pari_index.intake.xlsx.budget import _Budget
    from pari_index.intake.xlsx.limits import XlsxLimits, _Refused

    limits = XlsxLimits.from_env()
    if cells is not None:
        limits = dataclasses.replace(limits, cells=cells)
    pattern, plain_run = ods_scan._FAST_TAG, ods_scan._OdsScan._plain_run
    runs: list[int] = []

    def counted(scan: ods_scan._OdsScan, *args: object) -> None:
        runs.append(1)
        plain_run(scan, *args)  # type: ignore[arg-type]

    ods_scan._OdsScan._plain_run = counted  # type: ignore[method-assign]
    if walked:
        ods_scan._FAST_TAG = ods_scan._CONTENT_TAG
    try:
        with zipfile.ZipFile(write_ods(tmp_path / "t.ods", rows)) as package:
            found = ods_scan._scan_ods(package, package.getinfo("content.xml"), _Budget("t.ods", limits))
            return dict(found), len(runs)
    except _Refused as refused:
        return f"{refused.problem.code} {refused.problem.row} {refused.problem.message}", len(runs)
    finally:
        ods_scan._FAST_TAG, ods_scan._OdsScan._plain_run = pattern, plain_run  # type: ignore[method-assign]


def _cell(text: str, kind: str = "string") -> str:
    typed = f'office:value-type="{kind}" calcext:value-type="{kind}"'
    return f"<table:table-cell {typed}><text:p>{text}</text:p></table:table-cell>"


_PLAIN_ROWS = {
    "plain rows": "".join(f"<table:table-row>{_cell('a') * 10}</table:table-row>" for _ in range(500)),
    "runs among other cells": "".join(
        "<table:table-row>"
        + _cell("x") * 3
        + '<table:table-cell table:number-columns-repeated="3"/>'
        + _cell("y") * 2
        + '<table:table-cell office:value-type="float" office:value="3"/>'
        + _cell('a<text:s text:c="4"/>b') * 2
        + _cell("<text:span>z</text:span>") * 4
        + '<table:table-cell office:value-type="string" table:number-columns-repeated="2">'
        + "<text:p>r</text:p></table:table-cell>"
        + "</table:table-row>"
        for _ in range(300)
    ),
    "a repeated row of a run": '<table:table-row table:number-rows-repeated="40">'
    + _cell("a") * 5
    + "</table:table-row>",
    "rows reaching the last column": "".join(
        f'<table:table-row><table:table-cell table:number-columns-repeated="{16_380 - i}"/>{_cell("a") * 8}'
        "</table:table-row>"
        for i in range(6)
    ),
    "a run crossing a check of the sheet": "".join(
        f"<table:table-row>{_cell('a') * 4099}</table:table-row>" for _ in range(2)
    ),
    "two sheets": _cell("a") * 3
    + '</table:table><table:table table:name="hai"><table:table-row>'
    + _cell("b") * 6
    + "</table:table-row>",
}


@pytest.mark.parametrize("rows", sorted(_PLAIN_ROWS))
@pytest.mark.parametrize("cells", [None, 2_500])
def test_runs_of_plain_cells_are_found_as_the_walk_finds_them(tmp_path: Path, rows: str, cells: int | None) -> None:
    """Each sheet's used range, counts, hidden parts and the rest, or the refusal (the cells limit
    of 2,500 passed inside a run; a cell past the last column), are the walk's, cell by cell."""
    fast, runs = _ods_scan(tmp_path, _PLAIN_ROWS[rows], cells, walked=False)
    walked, none = _ods_scan(tmp_path, _PLAIN_ROWS[rows], cells, walked=True)
    assert fast == walked
    assert runs > 0 and none == 0  # the runs were matched at once, and not by the walk
    if rows == "plain rows" and cells is None:
        assert isinstance(fast, dict) and fast["data"].filled == 5_000  # type: ignore[attr-defined]
