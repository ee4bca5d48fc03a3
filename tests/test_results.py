"""Results workbooks: a ranking sheet per group, and reading results back with their types."""

from __future__ import annotations

from pathlib import Path

import fastexcel
import polars as pl
import pytest

from pari_index.outputs.results import group_sheets, read_results, result_tables, write_results
from pari_index.ranking.ranks import rank
from pari_index.scoring.run import score

DATA = Path(__file__).parent / "data"


def _summary(groups: list[str | None]) -> pl.DataFrame:
    n = len(groups)
    return pl.DataFrame(
        {
            "commune_code": [f"{i:05d}" for i in range(n)],
            "name": [f"Xã {i}" for i in range(n)],
            "group": groups,
            "rank": [n - i for i in range(n)],
            "index": [float(i) for i in range(n)],
        }
    )


def test_one_sheet_per_group_sorted_by_rank_with_excel_safe_names() -> None:
    sheets = group_sheets(_summary(["Huyện A/B", "Huyện A/B", "Quận [1]", None]))
    assert list(sheets) == ["XH Huyện A B", "XH Quận 1", "XH —"]
    assert sheets["XH Huyện A B"]["rank"].to_list() == [3, 4]
    assert sheets["XH Huyện A B"]["commune_code"].to_list() == ["00001", "00000"]
    assert all(len(name) <= 31 for name in sheets)


def test_long_group_names_stay_unique_within_31_characters() -> None:
    long = "Huyện Có Một Cái Tên Rất Dài Để Thử Nghiệm"
    sheets = group_sheets(_summary([long + " Một", long + " Hai"]))
    assert len(sheets) == 2 and all(len(name) <= 31 for name in sheets)
    assert len({name.casefold() for name in sheets}) == 2


def test_no_group_sheets_above_the_limit() -> None:
    assert group_sheets(_summary([f"H{i}" for i in range(5)]), limit=4) == {}


def test_workbook_has_the_tables_and_the_group_sheets(tmp_path: Path) -> None:
    (tmp_path / "communes.csv").write_text(
        "code,name,type,district\n00001,Phường A,phường,Kiến An\n00002,Xã B,xã,Cao Lãnh\n", encoding="utf-8"
    )
    (tmp_path / "long.csv").write_text(
        "commune_code,criterion_id,value\n00001,1.2.3,có\n00002,1.2.3,không\n", encoding="utf-8"
    )
    result = score([tmp_path / "long.csv"], DATA / "all_kinds.yaml", communes=tmp_path / "communes.csv", no_survey=True)
    summary = rank(result.totals, result.details, result.criteria)
    out = tmp_path / "results.xlsx"
    write_results(out, result_tables(result, summary))
    names = fastexcel.read_excel(str(out)).sheet_names
    # The summary is sorted by group, so the group sheets come in that order too.
    assert names == ["Tổng hợp", "Tiêu chí", "Phát hiện", "Dòng đầu vào", "Thông tin", "XH Cao Lãnh", "XH Kiến An"]
    back = read_results(out)
    assert back["summary"]["commune_code"].to_list() == ["00002", "00001"]
    assert back["summary"].schema["rank"] == pl.Int64
    assert back["criteria"].height == 2 * 14


def test_a_table_too_big_for_a_sheet_goes_to_csv_beside_the_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national run has about a million item rows, close to an XLSX sheet's limit: the workbook
    keeps the summaries and says where the detail went, instead of failing or truncating."""
    import pari_index.outputs.results as results

    (tmp_path / "communes.csv").write_text(
        "code,name,type,district\n00001,Phường A,phường,Kiến An\n00002,Xã B,xã,Cao Lãnh\n00003,Xã C,xã,Cao Lãnh\n",
        encoding="utf-8",
    )
    (tmp_path / "long.csv").write_text(
        "commune_code,criterion_id,value\n00001,1.2.3,có\n00002,1.2.3,không\n00003,1.2.3,có\n", encoding="utf-8"
    )
    result = score([tmp_path / "long.csv"], DATA / "all_kinds.yaml", communes=tmp_path / "communes.csv", no_survey=True)
    tables = result_tables(result, rank(result.totals, result.details, result.criteria))
    # The criteria table (3 x 14 rows) is the only one longer than the limit.
    in_memory = tables.as_dict()  # the criteria table may be lazy (a batched run's detail)
    limit = max(frame.height for name, frame in in_memory.items() if name != "criteria")
    assert in_memory["criteria"].height > limit
    monkeypatch.setattr(results, "XLSX_MAX_ROWS", limit)
    out = tmp_path / "results.xlsx"
    written = write_results(out, tables)
    side = tmp_path / "results.criteria.csv"
    assert written == [out, side]
    note = pl.read_excel(out, sheet_name="Tiêu chí")
    assert note["Ghi chú"].to_list() == [
        "42 dòng, nhiều hơn một trang tính XLSX chứa được; toàn bộ bảng nằm trong results.criteria.csv"
    ]
    # The CSV file holds the sheet's table in the sheet's words.
    assert pl.read_csv(side, infer_schema=False).columns[:2] == ["Mã đơn vị", "Mã tiêu chí"]
    back = read_results(out)  # reads the overflow back through the about sheet
    assert back["criteria"].height == 3 * 14
    assert back["criteria"]["commune_code"].to_list()[:1] == ["00001"]
