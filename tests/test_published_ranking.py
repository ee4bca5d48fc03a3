"""Reproduce published ranking tables row by row (see /work/research/published-ranking.md).

1. Tây Ninh, Chỉ số CCHC 2023 of the 19 provincial departments, published by Quyết định
   2729/QĐ-UBND of 25/12/2023 (UBND tỉnh Tây Ninh); table "Tây Ninh công bố Chỉ số cải cách hành
   chính đối với các sở, ban, ngành và UBND huyện, thị xã, thành phố năm 2023", Cổng thông tin
   điện tử tỉnh Tây Ninh, 25/12/2023,
   https://tayninh.gov.vn/vi/news/thong-tin-cai-cach-hanh-chinh/tay-ninh-cong-bo-chi-so-cai-cach-hanh-chinh-doi-voi-cac-so-ban-nganh-va-ubnd-huyen-thi-xa-thanh-pho-nam-2023-46741.html
   Units were scored out of 100, 96.5 or 71.5 points; the published "tỷ lệ đạt" is points ÷
   maximum, rounded half up to 2 places, and the rank follows that percentage, not the points
   (Sở Ngoại vụ, 61.00 points of 71.5, ranks 13th, above Sở Công Thương with 84.75 of 100).
2. MoHA PAR INDEX 2023 of the 17 ministries and ministry-level agencies, announced on 17/4/2024;
   "PAR INDEX 2023: Chi tiết bảng xếp hạng của các bộ, cơ quan ngang bộ", chinhphu.vn
   (xaydungchinhsach), 17/04/2024,
   https://xaydungchinhsach.chinhphu.vn/chi-tiet-bang-xep-hang-par-index-2023-cua-cac-bo-co-quan-ngang-bo-119240417175319406.htm
   Appraisal 68.50 + survey 31.50 = 100. The printed parts do not always add up to the printed
   total (9 of 17 rows differ by 0.01), so the published total is the input here.
"""

from __future__ import annotations

import textwrap
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import polars as pl
from ranking_helpers import DATA, write_csv

from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.points import to_units
from pari_index.ranking.ranks import rank
from pari_index.scoring.run import score

# STT (rank), unit, maximum, appraised points, published percentage, published class.
TAY_NINH_2023 = [
    (1, "Văn phòng UBND tỉnh", "71.5", "69.25", "96.85", "Tốt"),
    (2, "Thanh tra tỉnh", "71.5", "69.00", "96.50", "Tốt"),
    (3, "Sở Thông tin và Truyền thông", "100", "94.43", "94.43", "Tốt"),
    (4, "Sở Tài chính", "96.5", "91.00", "94.30", "Tốt"),
    (5, "Sở Tư pháp", "100", "94.00", "94.00", "Tốt"),
    (6, "Sở Nội vụ", "96.5", "90.32", "93.60", "Tốt"),
    (7, "Sở Giáo dục và Đào tạo", "100", "90.00", "90.00", "Tốt"),
    (8, "Sở Khoa học và Công nghệ", "100", "87.43", "87.43", "Tốt"),
    (9, "Sở Lao động - Thương binh và Xã hội", "100", "86.84", "86.84", "Tốt"),
    (10, "Sở Văn hóa, Thể thao và Du lịch", "96.5", "83.59", "86.62", "Tốt"),
    (11, "Sở Nông nghiệp và Phát triển nông thôn", "100", "86.25", "86.25", "Tốt"),
    (12, "Ban Quản lý Khu kinh tế tỉnh", "100", "86.05", "86.05", "Tốt"),
    (13, "Sở Ngoại vụ", "71.5", "61.00", "85.31", "Tốt"),
    (14, "Sở Công Thương", "100", "84.75", "84.75", "Tốt"),
    (15, "Sở Xây dựng", "100", "83.78", "83.78", "Tốt"),
    (16, "Sở Giao thông vận tải", "100", "82.38", "82.38", "Tốt"),
    (17, "Sở Kế hoạch và Đầu tư", "96.5", "78.84", "81.70", "Tốt"),
    (18, "Sở Tài nguyên và Môi trường", "100", "78.49", "78.49", "Khá"),
    (19, "Sở Y Tế", "100", "49.07", "49.07", "Kém"),
]

# Maxima of the modelled areas of tests/data/tay_ninh_2023_departments.yaml: area 1 (71.5)
# always applies; area 3 (25) to units scored out of 96.5 and 100; area 2 (3.5) only out of 100.
AREAS = (("1.1", Decimal("71.5")), ("2.1", Decimal("3.5")), ("3.1", Decimal("25")))
APPLIES = {"71.5": {"1.1"}, "96.5": {"1.1", "3.1"}, "100": {"1.1", "2.1", "3.1"}}


def _inputs(maximum: str, points: str) -> list[object]:
    """Spread the points over the applicable items (area 1 first), each item as a count out of
    its maximum × 100, so that item points = count / 100 exactly; other items not applicable."""
    left = Decimal(points)
    cells: list[object] = []
    for item, item_max in AREAS:
        if item in APPLIES[maximum]:
            got = min(left, item_max)
            left -= got
            cells += [int(got * 100), int(item_max * 100), None]
        else:
            cells += [None, None, "có"]
    assert left == 0
    return cells


def test_published_percentage_is_points_over_maximum_half_up() -> None:
    for _, _, maximum, points, percent, _ in TAY_NINH_2023:
        ratio = (Decimal(points) / Decimal(maximum) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert ratio == Decimal(percent)


def test_tay_ninh_2023_departments_every_row(tmp_path: Path) -> None:
    codes = [f"TN{stt:02d}" for stt, *_ in TAY_NINH_2023]
    # Register in alphabetical order, not in published order.
    register_rows = sorted(
        ((code, name, "Tây Ninh") for code, (_, name, *_) in zip(codes, TAY_NINH_2023, strict=True)),
        key=lambda r: r[1],
    )
    communes = write_csv(tmp_path / "units.csv", ["code", "name", "province"], register_rows)
    header = ["commune_code"]
    for item, _ in AREAS:
        header += [f"{item}:got", f"{item}:of", f"{item}:n/a"]
    assessments = write_csv(
        tmp_path / "assessments.csv",
        header,
        [
            [code, *_inputs(maximum, points)]
            for code, (_, _, maximum, points, *_) in zip(codes, TAY_NINH_2023, strict=True)
        ],
    )
    loaded = load_criteria(DATA / "tay_ninh_2023_departments.yaml")
    result = score([assessments], loaded, communes=communes)
    assert result.findings.filter(pl.col("severity") == "error").height == 0
    ranked = rank(result.totals, result.details, result.criteria)

    assert ranked["commune_code"].to_list() == codes  # sorted by rank = published order
    for row, (stt, name, maximum, points, percent, klass) in zip(
        ranked.iter_rows(named=True), TAY_NINH_2023, strict=True
    ):
        assert row["name"] == name
        assert row["applicable_max"] == to_units(maximum), name
        assert row["total_points"] == to_units(points), name
        assert row["index"] == to_units(percent), name
        assert row["rank"] == stt, name
        assert row["group_size"] == 19
        assert row["tied"] is False
        assert row["class"] == klass, name


# Rank, unit, appraisal (68.50), survey (31.50), published total = PAR INDEX 2023 (%).
MOHA_2023 = [
    (1, "Bộ Tư pháp", "61.86", "28.10", "89.95"),
    (2, "Ngân hàng Nhà nước Việt Nam", "62.67", "27.21", "89.89"),
    (3, "Bộ Tài chính", "61.52", "27.66", "89.18"),
    (4, "Bộ Nội vụ", "60.65", "26.38", "87.04"),
    (5, "Bộ Tài nguyên và Môi trường", "61.15", "25.85", "87.01"),
    (6, "Bộ Nông nghiệp và Phát triển Nông thôn", "60.25", "26.17", "86.41"),
    (7, "Bộ Xây dựng", "61.18", "25.10", "86.28"),
    (8, "Bộ Giao thông vận tải", "60.27", "25.91", "86.18"),
    (9, "Bộ Thông tin và Truyền thông", "60.50", "25.33", "85.83"),
    (10, "Bộ Lao động - Thương binh và Xã hội", "60.99", "24.81", "85.81"),
    (11, "Bộ Văn hóa, Thể thao và Du lịch", "58.10", "25.47", "83.56"),
    (12, "Bộ Giáo dục và Đào tạo", "55.46", "25.07", "80.53"),
    (13, "Bộ Khoa học và Công nghệ", "56.49", "23.88", "80.38"),
    (14, "Bộ Kế hoạch và Đầu tư", "54.59", "25.48", "80.07"),
    (15, "Bộ Y Tế", "55.81", "23.99", "79.80"),
    (16, "Bộ Ngoại giao", "52.12", "26.35", "78.48"),
    (17, "Bộ Công Thương", "54.21", "23.82", "78.03"),
]

MOHA_SET = textwrap.dedent(
    """\
    id: test-moha-2023-ministries
    title: "PAR INDEX 2023 các bộ, cơ quan ngang bộ (mô phỏng)"
    year: 2023
    province: "Toàn quốc"
    issuer: "Bộ Nội vụ"
    decision: {number: "876/QĐ-BNV", date: 2022-11-10}
    scale: 100
    parts: {appraised: 68.5, survey: 31.5}
    ranking: {within: province}
    # The 2023 report only groups ministries above and below 80 %.
    classes:
      - {name: "Trên 80%", from: 80}
      - {name: "Dưới 80%", below: 80}
    areas:
      - {id: "1", title: "Điểm thẩm định", max: 68.5,
         inputs: {p: {type: percent}}, rule: {kind: proportional, input: p}}
      - {id: "2", title: "Điều tra xã hội học", max: 31.5, part: survey,
         inputs: {p: {type: percent}}, rule: {kind: proportional, input: p}}
    """
)


def test_moha_par_index_2023_ministries_every_row() -> None:
    criteria = load_criteria_text(MOHA_SET).criteria
    # Two special agencies are scored but not ranked (domain primer §5): added as unranked rows.
    rows = [(f"B{r:02d}", name, a, s, total, True) for r, name, a, s, total in MOHA_2023]
    rows += [("X01", "Cơ quan đặc thù 1 (synthetic, not ranked)", "60.00", "25.00", "85.00", False)]
    rows += [("X02", "Cơ quan đặc thù 2 (synthetic, not ranked)", "64.00", "27.00", "91.00", False)]
    totals = pl.DataFrame(
        {
            "commune_code": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "province": ["Bộ, cơ quan ngang bộ"] * len(rows),
            "ranked": [r[5] for r in rows],
            "appraised_points": [to_units(r[2]) for r in rows],
            "survey_points": [to_units(r[3]) for r in rows],
            "total_points": [to_units(r[4]) for r in rows],
            "applicable_max": [1_000_000] * len(rows),
            "index": [to_units(r[4]) for r in rows],  # maximum 100: total = index
        }
    )
    shuffled = totals.sample(fraction=1.0, shuffle=True, seed=2023)
    ranked = rank(shuffled, pl.DataFrame(), criteria)
    assert ranked["commune_code"].to_list() == [f"B{r:02d}" for r in range(1, 18)] + ["X02", "X01"]
    for row, (published_rank, name, *_) in zip(ranked.head(17).iter_rows(named=True), MOHA_2023, strict=True):
        assert (row["name"], row["rank"], row["group_size"], row["tied"]) == (name, published_rank, 17, False)
    assert ranked.tail(2)["rank"].to_list() == [None, None]
    # "trên 80%": 14 units (ranks 1-14); "dưới 80%": Bộ Y tế, Bộ Ngoại giao, Bộ Công Thương.
    ministries = ranked.head(17)
    assert ministries["class"].to_list() == ["Trên 80%"] * 14 + ["Dưới 80%"] * 3
    # Mean of the 17 printed indices: 84.3782… → 84.38 ("Trung bình").
    mean = sum(Decimal(r[4]) for r in MOHA_2023) / 17
    assert mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == Decimal("84.38")
