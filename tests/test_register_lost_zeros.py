"""A register whose codes lost their leading zeros (saved from Excel with the code column taken
for numbers: ``1`` for ``00001``), against assessments that kept them (session 30, the lead's
register metamorphic campaign).

Before, each of the example's 3,429 rows was ``unknown-commune`` with nothing near, and its hint
("correct the code") sent the clerk to the assessments, which were right. Now each names the
register's code and says it is the register's to correct (``intake.nearest``, ``zeros_register``).
The run still stops: a guessed code never scores.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.intake.nearest import GIVEN, NEAREST, SUGGESTED, nearest_codes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _near(codes: list[str], known: list[str]) -> dict[str, tuple[str, str]]:
    found = nearest_codes(pl.Series(codes, dtype=pl.String), pl.Series(known))
    return {given: (kind, suggested) for given, kind, suggested in found.select(GIVEN, NEAREST, SUGGESTED).rows()}


def test_a_code_whose_register_code_lost_its_zeros_names_it() -> None:
    assert _near(["00001", "00123", "01000"], ["1", "123", "1000", "00004"]) == {
        "00001": ("zeros_register", "1"),
        "00123": ("zeros_register", "123"),
        "01000": ("zeros_register", "1000"),
    }
    # More zeros than a register code that kept its own: that code lost none.
    assert _near(["000000001"], ["00001"]) == {}
    # The other way round is the code's own lost zeros, as before.
    assert _near(["1", "123"], ["00001", "00123"]) == {"1": ("zeros", "00001"), "123": ("zeros", "00123")}


def test_the_run_names_the_registers_code_to_correct_in_both_languages(tmp_path: Path) -> None:
    with open(EXAMPLES / "communes.csv", encoding="utf-8-sig") as given:
        rows = list(csv.reader(given))
    register = tmp_path / "communes.csv"
    with open(register, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([rows[0], *[[str(int(r[0])), *r[1:]] for r in rows[1:]]])
    said = {}
    for lang in ("vi", "en"):
        args = [str(EXAMPLES / "assessments_long.csv"), "--communes", str(register), "--no-survey", "--lang", lang]
        result = CliRunner().invoke(main, ["score", *args, "-o", str(tmp_path / f"r-{lang}.xlsx")])
        assert result.exit_code == 1 and not (tmp_path / f"r-{lang}.xlsx").exists()
        said[lang] = result.output
    assert (
        "commune 00001 is not in the commune register; the register holds 1, a code that lost its leading zeros "
        "(Excel drops them when it takes a code for a number): correct the code in the register to text, with "
        "its leading zeros"
    ) in said["en"]
    assert (
        "xã 00001 không có trong danh sách đơn vị; danh sách có mã 1, mã đã mất các số 0 ở đầu (Excel bỏ chúng "
        "khi coi mã là số): sửa mã trong danh sách đơn vị thành mã dạng văn bản, giữ các số 0 ở đầu"
    ) in said["vi"]


def test_unit_types_as_registers_abbreviate_and_space_them(tmp_path: Path) -> None:
    """«X.», «P.», «TT.» (as registers abbreviate the types), «Thị  trấn» with two spaces and a
    decomposed «phường» are the types they stand for: until session 30 each was
    unknown-unit-type, the unit scored without the items of its type."""
    from pari_index.intake.register import read_register

    register = tmp_path / "communes.csv"
    register.write_text(
        "code,name,type,district,province\n"
        "00001,Xã An,X.,Huyện A,Tỉnh B\n00002,Phường Bình,P.,Huyện A,Tỉnh B\n"
        "00003,Thị trấn Cẩm,TT.,Huyện A,Tỉnh B\n00004,Thị trấn Đông,Thị  trấn,Huyện A,Tỉnh B\n"
        "00005,Phường Én,phu\u031bo\u031b\u0300ng,Huyện A,Tỉnh B\n",
        encoding="utf-8",
    )
    read = read_register(register)
    assert read.frame.sort("code")["unit_type"].to_list() == ["commune", "ward", "township", "township", "ward"]
    assert [p.code for p in read.warnings if p.code.startswith("unit-type") or p.code == "unknown-unit-type"] == []
