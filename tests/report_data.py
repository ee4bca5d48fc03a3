"""Results tables for the report tests.

``scored_tables`` runs the real scorer on a small set of inputs (three communes in two districts) and
adds placeholder ranking columns computed here, in the test data only (ranking is built elsewhere).
``synthetic_tables`` makes tables of any size with chosen names (hostile ones included).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pari_index.outputs.results import read_results, result_tables, write_results
from pari_index.scoring.run import score

DATA = Path(__file__).parent / "data"

LONG = """commune_code,criterion_id,input,value,self_score,evidence_number,evidence_date,explanation
00001,1.1.1,,10/02/2024,1,12/KH-UBND,10/02/2024,
00001,1.1.2,tasks,có,,,,
00001,1.1.2,budget,không,,,,
00001,1.1.2,outputs,x,0.2,,,
00001,1.1.3,done,90,,,,
00001,1.1.3,planned,100,1,,,
00001,2.1,on_time,241,,,,
00001,2.1,received,263,,,,
00001,2.3,,"55,5",,,,
00002,1.1.1,,,,,,Chưa ký số
00002,1.1.3,done,abc,,,,
00002,9.9,,1,,,,
00004,1.2.3,,có,,,,
00003,1.2.3,,có,,,,
00003,1.2.3,,không,,,,
"""
COMMUNES = """code,name,type,district,province
00001,Phường Nam Sơn,phường,Kiến An,Hải Phòng
00002,Xã Mỹ Hiệp,xã,Cao Lãnh,Đồng Tháp
00003,Thị trấn A,thị trấn,Kiến An,Hải Phòng
"""
APPRAISAL = """commune_code,criterion_id,input,value,score,evidence_accepted,reason,appraiser
00001,1.1.3,done,80,,,Kế hoạch chỉ hoàn thành 80 nhiệm vụ,Nguyễn Văn A
00002,1.1.1,,,,có,Giải trình hợp lý,Trần B
"""
SURVEY = """commune_code,criterion_id,value
00001,3.1,85
00002,3.1,"92,5"
"""

CLASSES = (
    ("Tốt", "Good", "#2e7d32", 90.0),
    ("Khá", "Fair", "#9ccc65", 70.0),
    ("Trung bình", "Average", "#ffb300", 50.0),
    ("Kém", "Poor", "#c62828", -1.0),
)


def add_ranking(summary: pl.DataFrame, previous: bool = True) -> pl.DataFrame:
    """Placeholder ranking columns (rank per district, competition ties) for the tests only."""
    s = summary.with_columns(
        pl.col("district").alias("group"),
        pl.col("index").rank("min", descending=True).over("district").cast(pl.Int64).alias("rank"),
        pl.len().over("district").cast(pl.Int64).alias("group_size"),
        (pl.len().over("district", "index") > 1).alias("tied"),
    )
    for name, i in (("class", 0), ("class_en", 1), ("class_colour", 2)):
        expr = pl.lit(CLASSES[-1][i])
        for band in reversed(CLASSES[:-1]):
            expr = pl.when(pl.col("index") >= band[3]).then(pl.lit(band[i])).otherwise(expr)
        s = s.with_columns(expr.alias(name))
    order = pl.lit(len(CLASSES) - 1)
    for k, band in reversed(list(enumerate(CLASSES[:-1]))):
        order = pl.when(pl.col("index") >= band[3]).then(pl.lit(k)).otherwise(order)
    s = s.with_columns(order.alias("class_order"))
    for area in [c for c in summary.columns if c.startswith("area_")]:
        s = s.with_columns(
            pl.col(area).rank("min", descending=True).over("district").cast(pl.Int64).alias(f"rank_{area}")
        )
    if previous:
        s = s.with_columns((pl.col("rank") % 2 + 1).alias("previous_rank"))
        s = s.with_columns((pl.col("previous_rank") - pl.col("rank")).alias("rank_change"))
    return s


def scored_tables(tmp: Path, previous: bool = True) -> dict[str, pl.DataFrame]:
    """Score the small inputs for real, write and read back the results, add placeholder ranks."""
    files = {"long.csv": LONG, "communes.csv": COMMUNES, "appraisal.csv": APPRAISAL, "survey.csv": SURVEY}
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")
    result = score(
        [tmp / "long.csv"],
        DATA / "all_kinds.yaml",
        communes=tmp / "communes.csv",
        appraisal=tmp / "appraisal.csv",
        survey=[tmp / "survey.csv"],
    )
    write_results(tmp / "results", result_tables(result), fmt="parquet")
    tables = read_results(tmp / "results")
    tables["summary"] = add_ranking(tables["summary"], previous)
    return tables


def synthetic_tables(names: list[str], districts: int = 2, items: int = 4) -> dict[str, pl.DataFrame]:
    """One commune per name, spread over ``districts``, with ``items`` scored items each."""
    n = len(names)
    codes = [f"{i + 1:05d}" for i in range(n)]
    totals = [round(95.0 - 7.3 * i, 2) for i in range(n)]
    summary = pl.DataFrame(
        {
            "commune_code": codes,
            "name": names,
            "unit_type": ["commune"] * n,
            "district": [f"Huyện {i % districts + 1}" for i in range(n)],
            "province": ["Tỉnh Thử"] * n,
            "ranked": [True] * n,
            "appraised_points": totals,
            "survey_points": [0.0] * n,
            "adjustment_points": [0.0] * n,
            "total_points": totals,
            "applicable_max": [100.0] * n,
            "index": totals,
            "area_1": [round(t / 2, 2) for t in totals],
            "area_2": [round(t / 2, 2) for t in totals],
        }
    )
    rows: dict[str, list[object]] = {
        k: []
        for k in (
            "commune_code",
            "criterion_id",
            "area_id",
            "part",
            "max",
            "self_score",
            "appraised_score",
            "final_score",
            "counted_max",
            "status",
            "explanation",
            "appraisal_reason",
        )
    }
    for code, name, total in zip(codes, names, totals, strict=True):
        for j in range(items):
            rows["commune_code"].append(code)
            rows["criterion_id"].append(f"{j % 2 + 1}.{j // 2 + 1}")
            rows["area_id"].append(str(j % 2 + 1))
            rows["part"].append("appraised")
            rows["max"].append(100 / items)
            rows["self_score"].append(None)
            rows["appraised_score"].append(None)
            rows["final_score"].append(round(total / items, 2))
            rows["counted_max"].append(100 / items)
            rows["status"].append("ok")
            rows["explanation"].append(f"giải thích cho {name}")
            rows["appraisal_reason"].append(name if j == 0 else None)
    findings = pl.DataFrame(
        {
            "severity": ["warning"] * n,
            "kind": ["self-score-differs"] * n,
            "commune_code": codes,
            "criterion_id": ["1.1"] * n,
            "message": [f"tên {name}" for name in names],
            "hint": [name for name in names],
        }
    )
    about = pl.DataFrame(
        {
            "key": ["criteria_title", "year", "decision", "decision_date", "ranked_within"],
            "value": [names[0], "2024", "0001/QĐ-UBND", "2024-01-15", "district"],
        }
    )
    return {
        "summary": add_ranking(summary, previous=False),
        "criteria": pl.DataFrame(rows),
        "findings": findings,
        "about": about,
    }


def national_tables(n: int, districts: int, one_group: bool, items: int = 2) -> dict[str, pl.DataFrame]:
    """``n`` communes "Xã Thử 00000" ... in ``districts`` districts (Huyện 000 ...), ranked within
    one national group (``one_group``: each commune's district a column of its own) or within
    their districts. The index is spread over 0-100 out of name order: ranks and names disagree."""
    i = pl.int_range(n, eager=True)
    index = ((i * 7919) % n * 10_000 // n / 100).alias("index")
    summary = pl.DataFrame(
        {
            "commune_code": i.map_elements(lambda k: f"{k:05d}", return_dtype=pl.String),
            "name": i.map_elements(lambda k: f"Xã Thử {k:05d}", return_dtype=pl.String),
            "unit_type": ["commune"] * n,
            "district": (i % districts).map_elements(lambda d: f"Huyện {d:03d}", return_dtype=pl.String),
            "province": ["Tỉnh Thử"] * n,
            "ranked": [True] * n,
        }
    ).with_columns(
        index.alias("total_points"),
        index,
        (index / 2).round(2).alias("area_1"),
        (index / 2).round(2).alias("area_2"),
        ((i % 5 - 2) * 0.25).alias("index_change"),
    )
    within = "province" if one_group else "district"
    s = summary.with_columns(
        pl.col(within).alias("group"),
        pl.col("index").rank("min", descending=True).over(within).cast(pl.Int64).alias("rank"),
        pl.len().over(within).cast(pl.Int64).alias("group_size"),
        (pl.len().over(within, "index") > 1).alias("tied"),
    )
    for name, k in (("class", 0), ("class_en", 1), ("class_colour", 2)):
        expr = pl.lit(CLASSES[-1][k])
        for band in reversed(CLASSES[:-1]):
            expr = pl.when(pl.col("index") >= band[3]).then(pl.lit(band[k])).otherwise(expr)
        s = s.with_columns(expr.alias(name))
    order = pl.lit(len(CLASSES) - 1)
    for k, band in reversed(list(enumerate(CLASSES[:-1]))):
        order = pl.when(pl.col("index") >= band[3]).then(pl.lit(k)).otherwise(order)
    s = s.with_columns(order.alias("class_order"))
    criteria = (
        s.select("commune_code", "name", "total_points")
        .join(pl.DataFrame({"j": list(range(items))}), how="cross")
        .select(
            "commune_code",
            (pl.col("j") % 2 + 1).cast(pl.String).alias("area_id"),
            pl.format("{}.{}", pl.col("j") % 2 + 1, pl.col("j") // 2 + 1).alias("criterion_id"),
            pl.lit("appraised").alias("part"),
            pl.lit(100 / items).alias("max"),
            (pl.col("total_points") / items).round(2).alias("final_score"),
            pl.lit(100 / items).alias("counted_max"),
            pl.lit("ok").alias("status"),
            pl.format("giải thích cho {}", pl.col("name")).alias("explanation"),
        )
    )
    about = pl.DataFrame(
        {
            "key": ["criteria_title", "year", "decision", "decision_date", "ranked_within"],
            "value": ["Bộ thử toàn quốc", "2024", "0001/QĐ-UBND", "2024-01-15", within],
        }
    )
    return {"summary": s, "criteria": criteria, "findings": pl.DataFrame(), "about": about}
