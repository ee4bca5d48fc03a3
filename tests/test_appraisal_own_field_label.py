"""An appraisal input named as the commune's own field is refused (appraisal-input-own-field,
session 32), but not where the name is one of the item's inputs (review of session 32): with a set
whose input 1.1.3 tasks_done is labelled «Giải trình» (the heading of the commune's explanation),
the council's «00001, 1.1.3, Giải trình, 179» was refused as "the commune's own explanation", exit
1, while the same name in the commune's long form is that input (intake.cell_checks). Now it is the
input, as there; «Điểm tự chấm» is still refused. Through the real command."""

from __future__ import annotations

import csv
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import EXAMPLES, _rows
from sweeps import sweep_child

_CRITERIA = Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml"


def _set_with_label(folder: Path) -> Path:
    text = _CRITERIA.read_text(encoding="utf-8")
    old = 'label: "Số nhiệm vụ hoàn thành"'
    assert text.count(old) == 1
    path = folder / "bo-tieu-chi.yaml"
    path.write_text(text.replace(old, 'label: "Giải trình"'), encoding="utf-8")
    return path


def test_an_item_s_input_labelled_as_an_own_field_is_that_input(tmp_path: Path) -> None:
    header = _rows("appraisal.csv")[0]
    reason = "Hội đồng đối chiếu lại hồ sơ"
    rows = [
        ["00001", "1.1.3", "Giải trình", "179", "", "", reason, "Lê Minh Mai"],
        ["00004", "1.1.3", "Điểm tự chấm", "0,5", "", "", reason, "Lê Minh Mai"],
    ]
    appraisal = tmp_path / "tham-dinh.csv"
    _write(appraisal, [header, *rows])
    args = [
        "score",
        str(EXAMPLES / "assessments_long.csv"),
        "--communes",
        str(EXAMPLES / "communes.csv"),
        "--survey",
        str(EXAMPLES / "survey.csv"),
        "--criteria",
        str(_set_with_label(tmp_path)),
        "--appraisal",
        str(appraisal),
        "-o",
        str(tmp_path / "results"),
        "--format",
        "csv",
        "--lang",
        "en",
        "-q",
    ]
    done = sweep_child(args, tmp_path)
    with (tmp_path / "results" / "findings.csv").open(encoding="utf-8-sig") as handle:
        found = [(r["kind"], r["row"]) for r in csv.DictReader(handle) if r["file"] == str(appraisal)]
    # Only the self-score row is refused (exit 1); the labelled input is corrected.
    assert found == [("appraisal-input-own-field", "3")], done.stdout + done.stderr
    assert done.returncode == 1
    with (tmp_path / "results" / "criteria.csv").open(encoding="utf-8-sig") as handle:
        item = next(r for r in csv.DictReader(handle) if (r["commune_code"], r["criterion_id"]) == ("00001", "1.1.3"))
    assert (item["computed_score"], item["appraised_score"], item["inputs"]) == (
        "0.0",
        "1.0",
        "tasks_done=179; tasks_planned=179",
    )
