"""`pari criteria export`, and the round trip export -> import on both bundled sets.

The round trip must give a set that scores exactly like the original (authoring/compare.py: the
same leaves, maxima, parts, rules, evidence, policies and classes; input names and evidence ids,
which an annex does not print, are compared by position)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from processes import run_process as run_pari

from pari_index.authoring.compare import semantic_differences
from pari_index.authoring.draft_yaml import draft_yaml
from pari_index.authoring.export import export_annex
from pari_index.authoring.importing import import_annex
from pari_index.cli import main
from pari_index.criteria.loading import bundled_criteria, load_criteria, load_criteria_text

ROOT = Path(__file__).resolve().parents[1]
SETS = bundled_criteria()


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    return run_pari(*args, timeout=120)


def test_both_bundled_sets_are_tested() -> None:
    assert sorted(p.name for p in SETS) == ["ha-noi-2025-commune.yaml", "hai-phong-2022-commune.yaml"]


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_round_trip_keeps_the_scoring_semantics(path: Path, tmp_path: Path) -> None:
    original = load_criteria(path).criteria
    annex = tmp_path / "annex.xlsx"
    export_annex(original, annex)
    draft = import_annex(annex)
    assert draft.todos == [] and draft.problems == []
    again = load_criteria_text(draft_yaml(draft.document, annex.name), "draft.yaml").criteria
    assert semantic_differences(original, again) == []
    # Titles in both languages, provenance and sources come back too.
    assert [(n.id, n.title, n.provenance, n.source) for n in again.nodes()] == [
        (n.id, n.title, n.provenance or _inherited(original, n.id), n.source) for n in original.nodes()
    ]


def _inherited(criteria, node_id):  # type: ignore[no-untyped-def]
    """The provenance an item has once its ancestors' and the set default are applied."""

    def visit(nodes, inherited):  # type: ignore[no-untyped-def]
        for node in nodes:
            here = node.provenance or inherited
            if node.id == node_id:
                return here
            found = visit(node.children or [], here)
            if found is not None:
                return found
        return None

    return visit(criteria.areas, criteria.defaults.provenance)


def test_the_comparison_sees_a_change(tmp_path: Path) -> None:
    """The round-trip check is not blind: one changed edge and one changed evidence field show."""
    path = ROOT / "criteria" / "hai-phong-2022-commune.yaml"
    text = path.read_text(encoding="utf-8")
    changed = text.replace("- {from: 80, below: 100, points: 0.5}", "- {from: 85, below: 100, points: 0.5}", 1)
    changed = changed.replace("- {below: 80, points: 0}", "- {below: 85, points: 0}", 1)
    changed = changed.replace("requires: [number, date, file]", "requires: [number, date]", 1)
    assert changed.count("from: 85, below: 100") == 1
    differences = semantic_differences(load_criteria(path).criteria, load_criteria_text(changed, "c.yaml").criteria)
    assert [d.split(":")[0] for d in differences] == ["1.1.1.evidence", "1.1.3.rule"]


def test_the_annex_layout(tmp_path: Path) -> None:
    criteria = load_criteria(ROOT / "criteria" / "hai-phong-2022-commune.yaml").criteria
    annex = tmp_path / "annex.xlsx"
    rows = export_annex(criteria, annex)
    assert rows == sum(1 for _ in criteria.nodes())
    book = openpyxl.load_workbook(annex)
    assert book.sheetnames == ["Phụ lục", "Thông tin bộ", "Xếp loại", "Nguồn gốc"]
    sheet = book["Phụ lục"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == [
        "STT",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Phương pháp chấm điểm",
        "Tài liệu kiểm chứng",
    ]
    assert values[1] == ["1", "Công tác chỉ đạo, điều hành cải cách hành chính", "13", None, None]
    assert values[2][:3] == ["1.1", "Kế hoạch cải cách hành chính năm", "7,5"]
    assert values[3] == [
        "1.1.1",
        "Ban hành Kế hoạch CCHC năm (tính theo ngày ký số)",
        "0,2",
        "Hoàn thành đến hết ngày 31/01/2022: 0,2 điểm; sau ngày 31/01/2022: 0 điểm; không thực hiện: 0 điểm",
        "– Kế hoạch CCHC năm của UBND cấp xã (bản ký số) (số, ngày, tệp)",
    ]
    assert values[-1] == [None, "Tổng điểm", "100", None, None]
    cover = {row[0].value: row[2].value for row in book["Thông tin bộ"].iter_rows(min_row=2)}
    assert cover["decision.number"] == "3793/QĐ-UBND"
    assert (cover["parts.appraised"], cover["parts.survey"], cover["total.appraised"], cover["total.survey"]) == (
        "65",
        "35",
        "65",
        "35",
    )
    classes = [[c.value for c in row] for row in book["Xếp loại"].iter_rows(min_row=2, max_row=2)]
    assert classes == [["Xuất sắc", "Excellent", "90", None, None, None, "#1a7f37", "từ 90% trở lên"]]
    provenance = {row[0].value: row[4].value for row in book["Nguồn gốc"].iter_rows(min_row=2)}
    assert (provenance["1.1.1"], provenance["1.1.4"]) == ("trích dẫn quyết định", "mô hình hoá")


def test_english_reading_copy(tmp_path: Path) -> None:
    criteria = load_criteria(ROOT / "criteria" / "hai-phong-2022-commune.yaml").criteria
    annex = tmp_path / "annex-en.xlsx"
    export_annex(criteria, annex, "en")
    sheet = openpyxl.load_workbook(annex)["Annex"]
    row = [cell.value for cell in next(sheet.iter_rows(min_row=5, max_row=5))]
    assert row == [
        "1.1.2",
        "Content of the annual reform plan meets the requirements",
        "0.3",
        # The set's conditions and documents by their English labels (label_en); a set without
        # them shows the Vietnamese marked "(vi)" (tests/test_labels17.py).
        "Points for each condition met:\n– Condition 1 (wording not verified): 0.1 points\n"
        "– Condition 2 (wording not verified): 0.1 points\n"
        "– Condition 3 (wording not verified): 0.1 points",
        "– Annual reform plan",
    ]


def test_cli_export_then_import_then_validate(tmp_path: Path) -> None:
    annex, draft = tmp_path / "annex.xlsx", tmp_path / "draft.yaml"
    path = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
    result = CliRunner().invoke(main, ["criteria", "export", str(path), "-o", str(annex)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Đã ghi {annex}: 82 tiêu chí của ha-noi-2025-commune (5666/QĐ-UBND).\n"
    result = CliRunner().invoke(main, ["criteria", "import", str(annex), "-o", str(draft), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(f"Wrote {draft}: 82 items, 59 rules recognised (bonus: 2, ")
    result = CliRunner().invoke(main, ["validate", str(draft)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["diff", str(path), str(draft), "--lang", "en"])
    assert (result.exit_code, result.output) == (0, "The two sets score alike.\n")


def test_cli_as_a_process_and_refusals(tmp_path: Path) -> None:
    path = ROOT / "criteria" / "hai-phong-2022-commune.yaml"
    annex = tmp_path / "annex.xlsx"
    done = run_process("criteria", "export", str(path), "-o", str(annex))
    assert done.returncode == 0, done.stderr
    done = run_process("criteria", "import", str(annex), "-o", str(tmp_path / "draft.yml"))
    assert done.returncode == 0, done.stderr
    assert "Không có todo" in done.stdout
    # An output that is an input is refused (exit 4), and the input is left as it was.
    link = tmp_path / "same.xlsx"
    link.symlink_to(annex)
    before = annex.read_bytes()
    done = run_process("criteria", "import", str(link), "-o", str(tmp_path / "x.yaml"))
    assert done.returncode == 0
    yaml_link = tmp_path / "set.xlsx"
    yaml_link.symlink_to(path)
    done = run_process("criteria", "export", str(path), "-o", str(yaml_link))
    assert done.returncode == 4 and "Traceback" not in done.stderr
    assert annex.read_bytes() == before
    # The wrong kind of output file is a usage error.
    done = run_process("criteria", "import", str(annex), "-o", str(tmp_path / "draft.xlsx"))
    assert done.returncode == 2 and "tên tệp phải kết thúc bằng .yaml / .yml [output-suffix]" in done.stderr
    done = run_process("criteria", "import", str(annex), "-o", str(tmp_path / "draft.xlsx"), "--lang", "en")
    assert done.returncode == 2 and "must end in .yaml or .yml" in done.stderr


def test_the_criteria_group_takes_the_language_as_pari_does(tmp_path: Path) -> None:
    """``pari criteria --lang en import …`` means ``pari --lang en criteria import …`` (it was
    "No such option '--lang'"); a command's own --lang still wins; and click's own errors speak it."""
    path = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
    annex, draft = tmp_path / "annex.xlsx", tmp_path / "draft.yaml"
    result = CliRunner().invoke(
        main, ["criteria", "--lang", "en", "export", str(path), "-o", str(annex), "--lang", "vi"]
    )
    assert (result.exit_code, result.output) == (
        0,
        f"Đã ghi {annex}: 82 tiêu chí của ha-noi-2025-commune (5666/QĐ-UBND).\n",
    )
    result = CliRunner().invoke(main, ["criteria", "--lang", "en", "import", str(annex), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {draft}: 82 items, 59 rules recognised"), result.output
    done = run_process("criteria", "--lang", "en", "import")
    assert done.returncode == 2 and "Error: Missing argument 'ANNEX.xlsx'." in done.stderr, done.stderr
    done = run_process("criteria", "--lang", "en", "--help")
    page = " ".join(done.stdout.split())  # (the help is wrapped to the terminal's width)
    assert done.returncode == 0 and "Language of the help, and the default of its commands' --lang" in page
    done = run_process("criteria", "--help")
    assert "Ngôn ngữ của trợ giúp và mặc định của --lang ở các lệnh bên dưới" in " ".join(done.stdout.split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_english_reading_copy_is_refused_as_such(tmp_path: Path, lang: str) -> None:
    """The annex ``export --lang en`` writes is a reading copy: its methods are English. Imported,
    every item was drafted with «method not recognised» (0 rules recognised, 59 todos, exit 0). Now
    it is refused at once as what it is (exit 1), and nothing is written."""
    annex, draft = tmp_path / "en.xlsx", tmp_path / "draft.yaml"
    path = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
    assert run_process("criteria", "export", str(path), "-o", str(annex), "--lang", "en").returncode == 0
    done = run_process("criteria", "import", str(annex), "-o", str(draft), "--lang", lang)
    assert done.returncode == 1 and "[annex-english-copy]" in done.stderr and "Traceback" not in done.stderr
    said = {
        "vi": "gợi ý: nhập phụ lục tiếng Việt (pari criteria export không có --lang en ghi phụ lục ấy)",
        "en": "hint: import the Vietnamese annex (pari criteria export without --lang en writes it)",
    }
    assert said[lang] in done.stderr, done.stderr
    assert not draft.exists()


def test_round_trip_keeps_a_declared_range(tmp_path: Path) -> None:
    """The composite index's 0-10 sub-scores come back as ranges of a number, not as percents."""
    original = load_criteria(Path(__file__).parent / "data" / "composite_index_10.yaml").criteria
    annex = tmp_path / "annex.xlsx"
    export_annex(original, annex)
    draft = import_annex(annex)
    assert draft.todos == [] and draft.problems == []
    again = load_criteria_text(draft_yaml(draft.document, annex.name), "draft.yaml").criteria
    assert semantic_differences(original, again) == []
    leaf = next(again.leaves())
    assert leaf.rule.range is not None and (leaf.rule.range.from_, leaf.rule.range.to) == (0, 10)  # type: ignore[union-attr]
