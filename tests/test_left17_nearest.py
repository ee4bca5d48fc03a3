"""An unknown commune code or item id names the known ones near it ("did you mean").

A code that lost its leading zeros, written in another case or width, pasted with its name, or
one character off is told the register's code it most likely means, in the message of its
``unknown-commune`` (or ``unknown-criterion``) finding, in both languages; a code near nothing
says what it said before. The near codes are found by joins on keys (intake.nearest), never by an
edit distance over every pair: see benchmarks/hostile.py --only near-unknown-communes.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_misc import near_unknown_communes

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.appraisal import read_appraisal
from pari_index.intake.assessments import read_assessments
from pari_index.intake.nearest import GIVEN, NEAREST, SUGGESTED, nearest_codes
from pari_index.messages import localise_findings
from pari_index.messages.rendering import render
from pari_index.outputs.results import read_results

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BUNDLED = Path(__file__).resolve().parent.parent / "criteria" / "ha-noi-2025-commune.yaml"
KNOWN = pl.Series(["00001", "00004", "00123", "00132", "10001", "AB12"])


def _near(codes: list[str], known: pl.Series = KNOWN, items: bool = False) -> dict[str, tuple[str, str]]:
    found = nearest_codes(pl.Series(codes, dtype=pl.String), known, items=items)
    return {given: (kind, suggested) for given, kind, suggested in found.select(GIVEN, NEAREST, SUGGESTED).rows()}


def test_each_kind_of_nearness_names_its_code() -> None:
    codes = ["1", "123", "0123", "ab12", "Ａｂ１２", "00 123", "'00123", "00123 Xã An Bình", "Xã An Bình - 00132"]
    assert _near(codes) == {
        "1": ("zeros", "00001"),
        "123": ("zeros", "00123"),
        "0123": ("zeros", "00123"),
        "ab12": ("same", "AB12"),
        "Ａｂ１２": ("same", "AB12"),
        "00 123": ("same", "00123"),
        "'00123": ("same", "00123"),
        "00123 Xã An Bình": ("pasted", "00123"),
        "Xã An Bình - 00132": ("pasted", "00132"),
    }


def test_one_character_off_names_every_code_so_near_up_to_three() -> None:
    assert _near(["00124", "00213", "0012", "001233", "10002"]) == {
        "00124": ("typo", "00123"),  # one changed
        "00213": ("typo", "00123"),  # two swapped
        "0012": ("typo", "00123, 00132"),  # one missing (not lost zeros: 12 is no code)
        "001233": ("typo", "00123"),  # one extra
        "10002": ("typo", "10001"),  # (00001 and 00004 are two changes away)
    }
    dense = pl.Series([f"{i:05d}" for i in range(10, 19)])
    assert _near(["00019"], dense) == {"00019": ("typo", "00010, 00011, 00012 …")}


def test_what_is_not_near_gets_nothing() -> None:
    # A ward's number in its name is not a code that lost its zeros; more zeros are not fewer;
    # a long code is not looked at one character at a time; nothing near the hostile case's codes.
    assert _near(["Phường 4", "000000001", "X000000001", "99999", "", "12345678901234"]) == {}


def test_item_ids_are_near_when_written_otherwise_not_one_character_off() -> None:
    known = pl.Series(["1.1.1", "1.1.2", "1.10"])
    got = _near(["1.1.1.", "1,1,1", " 1.1.1 Ban hành kế hoạch", "1.1.3", "1.1.10"], known, items=True)
    assert got == {
        "1.1.1.": ("item_same", "1.1.1"),
        "1,1,1": ("item_same", "1.1.1"),
        " 1.1.1 Ban hành kế hoạch": ("item_pasted", "1.1.1"),
    }


def _leaves():  # type: ignore[no-untyped-def]
    return compile_criteria(load_criteria(BUNDLED).criteria, None).leaves


def test_an_assessment_names_the_near_code_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "commune_code,criterion_id,value\n"
        "1,1.1.1,04/06/2025\n"
        "00001 Phường Hồng Cẩm,1.1.1,04/06/2025\n"
        "99999999999999,1.1.1,04/06/2025\n"
        "00004,1.1.1.,04/06/2025\n",
        encoding="utf-8",
    )
    known = pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)["code"]
    # (a form of three columns lacks the evidence and self-score columns: told, not asserted here)
    findings = (
        read_assessments([path], _leaves(), known)
        .findings.sort("row")
        .filter(~pl.col("kind").str.ends_with("-column-absent"))
    )
    assert findings.select("kind", "row").rows() == [
        ("unknown-commune", 2),
        ("unknown-commune", 3),
        ("unknown-commune", 4),
        ("unknown-criterion", 5),
    ]
    assert findings["message"].to_list() == [
        "commune 1 is not in the commune register; the register holds 00001: the code lost its leading zeros"
        " (Excel drops them when it takes a code for a number)",
        "commune 00001 Phường Hồng Cẩm is not in the commune register; the cell holds more than the code: the"
        " register holds 00001; write the code alone",
        "commune 99999999999999 is not in the commune register",
        "criterion 1.1.1. is not a scored item of this criteria set; the set has item 1.1.1 (the same id written"
        " otherwise)",
    ]
    params = [json.loads(p) for p in findings["params"]]
    assert params[0] == {"commune": "1", "row_values": None, "cells": 1, "nearest": "zeros", "suggested": "00001"}
    assert "nearest" not in params[2]  # near nothing: the parameters it had before
    vi = localise_findings(findings, "vi")["message"].to_list()
    assert vi[0] == (
        "xã 1 không có trong danh sách đơn vị; danh sách có mã 00001: mã đã mất các số 0 ở đầu (Excel bỏ chúng"
        " khi coi mã là số)"
    )
    assert vi[2] == "xã 99999999999999 không có trong danh sách đơn vị"
    assert vi[3].endswith("; bộ tiêu chí có tiêu chí 1.1.1 (cùng mã nhưng viết khác)")
    # Read back in English, the sentence is the one written.
    assert localise_findings(findings, "en")["message"].to_list() == findings["message"].to_list()


def test_an_appraisal_names_the_near_code(tmp_path: Path) -> None:
    path = tmp_path / "appraisal.csv"
    path.write_text("commune_code,criterion_id,score,reason\n1,1.1.1,0.5,x\n00001,1.1.1.,0.5,y\n", encoding="utf-8")
    known = pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)["code"]
    found = read_appraisal(path, _leaves(), known).findings.sort("row")
    assert found.select("kind", "row").rows() == [("unknown-commune", 2), ("unknown-criterion", 3)]
    vi = localise_findings(found, "vi")["message"].to_list()
    assert vi[0].endswith("; danh sách có mã 00001: mã đã mất các số 0 ở đầu (Excel bỏ chúng khi coi mã là số)")
    assert vi[1].endswith("; bộ tiêu chí có tiêu chí 1.1.1 (cùng mã nhưng viết khác)")
    assert json.loads(found["params"][0])["suggested"] == "00001"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_many_findings_rendered_by_shape_read_as_each_rendered_alone(tmp_path: Path, lang: str) -> None:
    """The near codes are a parameter inside the words of ``nearest``: findings rendered many at a
    time (one sentence per shape) read exactly as each rendered alone, with and without them."""
    args = near_unknown_communes(tmp_path, size=12_000)
    result = CliRunner().invoke(main, [*args, "--allow-incomplete"])
    assert result.exit_code == 1, result.output
    findings = read_results(tmp_path / "out" / "results.xlsx")["findings"].filter(pl.col("kind") == "unknown-commune")
    assert findings.height > 400  # past the count rendered one by one
    kinds = [json.loads(p).get("nearest") for p in findings["params"]]
    assert {"typo", None} <= set(kinds)
    shown = localise_findings(findings, lang)
    alone = [render("unknown-commune", json.loads(p), lang) for p in findings["params"]]
    assert shown["message"].to_list() == alone
    assert any("00001, 00004" in text for text in alone)
