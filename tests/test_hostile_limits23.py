"""What the cases of tests/hostile_limits23.py answer, and the bounds they check: "did you mean"
(``intake.nearest``) names the same codes when each key of its joins brings at most a few known
codes as when it brought all of them, and a long code cell's runs of digits are looked up without
the cell repeated for each."""

from __future__ import annotations

import random
from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_limits23 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.intake import nearest
from pari_index.intake.nearest import GIVEN, NEAREST, SUGGESTED, nearest_codes


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED) == sorted(SAID)


#: What each case's run must say (beyond its code), in Vietnamese.
SAID = {
    "near-typo-dense-register": (
        "xã 90瀀 không có trong danh sách đơn vị; mã trong danh sách chỉ khác một ký tự: 90一, 90丁, 90丂 …"
    ),
    "near-pasted-runs-long-codes": (
        "1a1a1a1a… không có trong danh sách đơn vị; không dùng 5 giá trị của dòng này [unknown-commune]"
    ),
    # (Refused before the parse since session 35: the file named, no row, as none was read.)
    "register-of-repeated-codes": "communes.csv: 250.060 dòng, nhiều hơn 100.000 dòng được đọc từ danh sách đơn vị",
    "lineage-of-no-units": "lineage.csv: 300.000 dòng, nhiều hơn 100.000 dòng được đọc từ bảng nối mã",
    "report-of-many-findings-a-unit": "Đã ghi: ",
    "register-of-4000-columns": "communes.csv hàng 1: 4.006 cột, nhiều hơn 256 cột được đọc từ danh sách đơn vị",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    assert SAID[case] in said, said[:600]
    if case == "near-pasted-runs-long-codes":
        assert said.count("xã 1a1a1a") == 10, said


def test_a_report_lists_200_findings_a_unit_and_counts_the_rest(tmp_path: Path) -> None:
    """Each unit's details list its first 200 findings (in the results' order) and "… and N more",
    N the unit's other findings in the results, a folded one counted as the findings it folded (its
    size: session 25); the page stays a few megabytes."""
    import re

    answers_its_case(CASES["report-of-many-findings-a-unit"](tmp_path), tmp_path, (1, None, ()))
    page = (tmp_path / "bao-cao.html").read_text(encoding="utf-8")
    findings = pl.read_csv(tmp_path / "ket-qua" / "findings.csv", infer_schema=False)
    totals = findings.group_by("commune_code").len()
    stands_for = pl.when(pl.col("kind") == "findings-folded").then(pl.col("size").cast(pl.Float64)).otherwise(1)
    unlisted = findings.filter(pl.int_range(pl.len()).over("commune_code") >= 200, pl.col("commune_code").is_not_null())
    over = sorted(int(n) for n in unlisted.group_by("commune_code").agg(stands_for.sum())["size"])
    assert unlisted.filter(pl.col("kind") == "findings-folded").height > 0
    assert len(over) > 40 and len(page) < 8_000_000
    more = re.findall(r"<p>… và ([0-9.]+) phát hiện khác \(xem các phát hiện trong tệp kết quả\)</p>", page)
    assert sorted(int(n.replace(".", "")) for n in more) == over
    listed = sum(min(n, 200) for code, n in totals.iter_rows() if code is not None)
    listed += min(findings.filter(pl.col("commune_code").is_null()).height, 200)
    tables = [part.split("</table>")[0] for part in page.split('<table class="findings">')[1:]]
    assert sum(table.count('<tr class="sev-') for table in tables) == listed


def _answers(given: list[str], known: list[str], names: pl.DataFrame | None, items: bool) -> list[tuple[str, ...]]:
    found = nearest_codes(pl.Series(given, dtype=pl.String), pl.Series(known), items=items, names=names)
    return sorted(found.select(GIVEN, NEAREST, SUGGESTED).rows())


@pytest.mark.parametrize("items", [False, True])
def test_near_codes_are_those_of_the_whole_join(monkeypatch: pytest.MonkeyPatch, items: bool) -> None:
    """Codes of a few characters drawn from a small alphabet, so that each given code is near
    many known ones of every kind (the same written otherwise, lost zeros, one character off,
    pasted beside a name, a number with decimals, a name typed as the code)."""
    chance = random.Random(23)
    alphabet = "0012aA .,"

    def code(length: int) -> str:
        return "".join(chance.choice(alphabet) for _ in range(length))

    known = sorted({code(chance.randint(3, 6)).strip() for _ in range(3_000)} - {""})
    given = [code(chance.randint(1, 7)) for _ in range(1_500)]
    given += [f"Xã {chance.choice(known)} {code(2)}" for _ in range(300)]
    given += [f"{chance.choice(known)}.00" for _ in range(100)]
    given = [g for g in given if g not in set(known)]
    names = pl.DataFrame({"code": known, "name": [f"Xã {k[:2]}" for k in known]})
    bounded = _answers(given, known, names, items)
    monkeypatch.setattr(nearest, "PER_KEY", 10**9)
    assert bounded == _answers(given, known, names, items)
    kinds = {kind for _, kind, _ in bounded}
    assert len(kinds) >= (3 if items else 6), kinds
    assert sum(suggested.endswith(" …") for _, _, suggested in bounded) > 100


def test_a_dense_register_brings_a_few_codes_a_key() -> None:
    """3,000 register codes one character from each of 10,000 unknown ones: each named with the
    first three and "…" (the whole join was 30 million pairs)."""
    known = [f"90{chr(0x4E00 + i)}" for i in range(3_000)]
    given = [f"90{chr(0x7000 + i)}" for i in range(10_000)]
    found = nearest_codes(pl.Series(given), pl.Series(known))
    assert found.height == 10_000
    assert set(found[NEAREST]) == {"typo"} and set(found[SUGGESTED]) == {"90一, 90丁, 90丂 …"}


def test_a_long_code_s_runs_of_digits_name_it_once() -> None:
    """A cell of 15,000 runs of digits, one of them a register code: named once, the cell kept."""
    cell = "1a" * 15_000 + " 00004 b"
    found = nearest_codes(pl.Series([cell, "Xã 00001 và 00004"]), pl.Series(["00001", "00004", "1"]))
    assert sorted(found.rows()) == [(cell, "pasted", "00004, 1"), ("Xã 00001 và 00004", "pasted", "00001, 00004")]


def test_a_register_over_the_row_limit_is_refused_at_its_first_row_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example register (60 rows) under PARI_MAX_REGISTER_ROWS=50: refused at row 52 (its
    heading is row 1), in both languages, for ``pari score`` and ``pari template``."""
    from click.testing import CliRunner
    from hostile_sweep8 import _examples, _score

    from pari_index.cli import main

    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    done = CliRunner().invoke(main, [*_score(tmp_path), "--lang", "en"])
    assert done.exit_code == 1, done.output
    assert (
        "communes.csv row 52: 60 rows, more than the 50 read from the register (a row per unit: a country had some "
        "10,600 communes before 2025); the table was not read [too-many-rows]"
    ) in done.output
    assert "set PARI_MAX_REGISTER_ROWS higher" in done.output and not (tmp_path / "out.xlsx").exists()
    register = str(_examples(tmp_path)["communes"])
    done = CliRunner().invoke(main, ["template", "--communes", register, "-o", str(tmp_path / "mau.xlsx")])
    assert done.exit_code == 1 and "60 dòng, nhiều hơn 50 dòng được đọc từ danh sách đơn vị" in done.output
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "60")
    assert CliRunner().invoke(main, _score(tmp_path)).exit_code == 0
    # Its six columns (code, name, type, district, province, note) under a limit of five, in
    # pari score and as a lineage table (refused before its rows are looked at).
    (tmp_path / "out.xlsx").unlink()
    monkeypatch.setenv("PARI_MAX_REGISTER_COLUMNS", "5")
    done = CliRunner().invoke(main, [*_score(tmp_path), "--lang", "en"])
    assert done.exit_code == 1, done.output
    assert "communes.csv row 1: 6 columns, more than the 5 read from the register" in done.output
    assert "[table-too-wide]" in done.output and not (tmp_path / "out.xlsx").exists()
    monkeypatch.setenv("PARI_MAX_REGISTER_COLUMNS", "6")
    assert CliRunner().invoke(main, _score(tmp_path)).exit_code == 0
