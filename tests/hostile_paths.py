"""Hostile cases for paths and outputs (issue 12, classes 1 and 3): outputs that would destroy an
input, write failures of the operating system, and damaged or crafted results folders.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name). ``benchmarks/hostile.py`` runs every case as a subprocess; tests/test_hostile_paths.py
checks the exact codes.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl

EXAMPLES = Path(__file__).parents[1] / "examples"


def _copy(folder: Path, *names: str) -> list[Path]:
    copies = []
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
        copies.append(folder / name)
    return copies


def _criteria(folder: Path) -> Path:
    from pari_index.criteria.loading import default_criteria_path

    shutil.copy(default_criteria_path(), folder / "c.yaml")
    return folder / "c.yaml"


def _summary_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "commune_code": ["00001", "00002"],
            "name": ["Xã A", "Xã B"],
            "group": ["H", "H"],
            "total_points": ["80.5", "70.25"],
            "index": ["80.5", "70.25"],
            "rank": ["1", "2"],
            "group_size": ["2", "2"],
        }
    )


def fake_results_folder(folder: Path, summary: pl.DataFrame | None = None) -> Path:
    """A small results folder (summary and about) as ``pari score --format csv`` writes one."""
    res = folder / "res"
    res.mkdir()
    (summary if summary is not None else _summary_frame()).write_csv(res / "summary.csv")
    pl.DataFrame({"key": ["criteria_id", "ranked_within"], "value": ["x", "district"]}).write_csv(res / "about.csv")
    return res


def fake_results_workbook(folder: Path, about: dict[str, str], summary: pl.DataFrame | None = None) -> Path:
    """A results workbook whose about sheet says what the caller wants (e.g. a crafted overflow)."""
    import xlsxwriter

    path = folder / "results.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        (summary if summary is not None else _summary_frame()).write_excel(workbook=workbook, worksheet="summary")
        pl.DataFrame({"key": list(about), "value": list(about.values())}).write_excel(
            workbook=workbook, worksheet="about"
        )
    return path


# ---------------------------------------------------------------------------------------------
# Class 1: outputs that would destroy an input


def output_folder_holds_input(folder: Path) -> list[str]:
    res = fake_results_folder(folder)
    return ["score", "--no-survey", str(res / "summary.csv"), "-o", str(res), "--format", "csv"]


def report_same_as_output(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    return ["score", "--no-survey", str(a), "-o", str(folder / "same.xlsx"), "--report", str(folder / "same.xlsx")]


def template_over_register(folder: Path) -> list[str]:
    register = folder / "reg.xlsx"
    pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False).write_excel(register)
    return ["template", "--communes", str(register), "-o", str(register)]


def template_over_criteria(folder: Path) -> list[str]:
    c = _criteria(folder)
    return ["template", "--criteria", str(c), "-o", str(c)]


def report_into_results_table(folder: Path) -> list[str]:
    res = fake_results_folder(folder)
    return ["report", str(res), "-o", str(res / "summary.csv")]


def output_hardlinked_to_input(folder: Path) -> list[str]:
    c = _criteria(folder)
    os.link(c, folder / "form.xlsx")
    return ["template", "--criteria", str(c), "-o", str(folder / "form.xlsx")]


def output_through_symlinked_folder(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    (folder / "link").symlink_to(folder)
    return [
        "score",
        "--no-survey",
        str(a),
        "-o",
        str(folder / "link" / "sub" / ".." / "assessments_long.csv"),
        "--format",
        "csv",
    ]


def previous_replaced_by_output(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    res = fake_results_folder(folder)
    return ["score", "--no-survey", str(a), "--previous", str(res), "-o", str(res), "--format", "csv"]


def report_over_previous_table(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    res = fake_results_folder(folder)
    return [
        "score",
        "--no-survey",
        str(a),
        "--previous",
        str(res),
        "-o",
        str(folder / "r.xlsx"),
        "--report",
        str(res / "about.csv"),
    ]


def demo_data_over_criteria(folder: Path) -> list[str]:
    c = _criteria(folder)
    return ["demo-data", "--criteria", str(c), "-o", str(folder)]


# ---------------------------------------------------------------------------------------------
# Class 3: write failures of the operating system


def output_folder_is_a_file(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    (folder / "res").write_text("not a folder", encoding="utf-8")
    return ["score", "--no-survey", str(a), "-o", str(folder / "res"), "--format", "csv"]


def output_workbook_is_a_folder(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    (folder / "out.xlsx").mkdir()
    return ["score", "--no-survey", str(a), "-o", str(folder / "out.xlsx")]


def output_name_too_long(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    return ["score", "--no-survey", str(a), "-o", str(folder / ("x" * 300 + ".xlsx"))]


def output_folder_name_too_long(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    return ["score", "--no-survey", str(a), "-o", str(folder / ("r" * 300)), "--format", "parquet"]


def read_only_output_folder(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    return ["score", "--no-survey", str(a), "-o", str(locked / "results.xlsx")]


def output_under_a_file(folder: Path) -> list[str]:
    (folder / "plain").write_text("x", encoding="utf-8")
    return ["template", "-o", str(folder / "plain" / "form.xlsx")]


def output_folder_not_results(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    home = folder / "home"
    home.mkdir()
    (home / "thesis.docx").write_bytes(b"years of work")
    (home / ".bashrc").write_text("alias x=y", encoding="utf-8")
    return ["score", "--no-survey", str(a), "-o", str(home), "--format", "csv"]


def output_is_a_device(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    return ["score", "--no-survey", str(a), "-o", str(folder / "out.xlsx"), "--report", "/dev/null"]


def output_is_a_fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.xlsx")
    return ["template", "-o", str(folder / "pipe.xlsx")]


def stale_temporaries(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    (folder / ".res.pari-tmp-999999999").mkdir()
    (folder / ".res.pari-tmp-999999999" / "summary.csv").write_text("half", encoding="utf-8")
    (folder / ".r.xlsx.pari-tmp-999999999-abc.tmp").write_text("half", encoding="utf-8")
    return [
        "score",
        "--no-survey",
        str(a),
        "-o",
        str(folder / "res"),
        "--format",
        "csv",
        "--report",
        str(folder / "r.xlsx.html"),
    ]


# ---------------------------------------------------------------------------------------------
# Class 3: damaged or crafted results given to report, explain and --previous


def overflow_to_etc_passwd(folder: Path) -> list[str]:
    path = fake_results_workbook(folder, {"overflow_criteria": "/etc/passwd"})
    return ["report", str(path), "-o", str(folder / "r.html")]


def overflow_to_parent(folder: Path) -> list[str]:
    path = fake_results_workbook(folder, {"overflow_rows": "../results.rows.csv"})
    return ["explain", "00001", "--results", str(path)]


def overflow_link_out(folder: Path) -> list[str]:
    (folder / "results.criteria.csv").symlink_to("/etc/passwd")
    path = fake_results_workbook(folder, {"overflow_criteria": "results.criteria.csv"})
    return ["report", str(path), "-o", str(folder / "r.html")]


def garbage_summary_report(folder: Path) -> list[str]:
    summary = _summary_frame().with_columns(pl.lit("garbage").alias("index"))
    res = fake_results_folder(folder, summary)
    return ["report", str(res), "-o", str(folder / "r.html")]


def summary_without_codes_previous(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    res = fake_results_folder(folder, _summary_frame().drop("commune_code"))
    return ["score", "--no-survey", str(a), "--previous", str(res), "-o", str(folder / "out.xlsx")]


def summary_not_csv_explain(folder: Path) -> list[str]:
    res = folder / "res"
    res.mkdir()
    (res / "summary.parquet").write_bytes(b"PAR1 this is not parquet PAR1")
    return ["explain", "00001", "--results", str(res)]


def summary_binary_report(folder: Path) -> list[str]:
    res = folder / "res"
    res.mkdir()
    (res / "summary.csv").write_bytes(bytes(range(256)) * 40)
    return ["report", str(res), "-o", str(folder / "r.html")]


def summary_link_out_report(folder: Path) -> list[str]:
    res = fake_results_folder(folder)
    (folder / "elsewhere.csv").write_text("commune_code,index\n00001,1\n", encoding="utf-8")
    (res / "summary.csv").unlink()
    (res / "summary.csv").symlink_to(folder / "elsewhere.csv")
    return ["report", str(res), "-o", str(folder / "r.html")]


def summary_list_column_previous(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    res = folder / "res"
    res.mkdir()
    pl.DataFrame({"commune_code": ["00001"], "rank": [[1, 2]]}).write_parquet(res / "summary.parquet")
    return ["score", "--no-survey", str(a), "--previous", str(res), "-o", str(folder / "out.xlsx")]


# ---------------------------------------------------------------------------------------------
# Class 2: formula injection in headers


def formula_in_register_header(folder: Path) -> list[str]:
    (a,) = _copy(folder, "assessments_long.csv")
    register = pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)
    register = register.with_columns(pl.lit("x").alias('=HYPERLINK("http://evil","click")'))
    register.write_csv(folder / "communes.csv")
    return [
        "score",
        "--no-survey",
        str(a),
        "--communes",
        str(folder / "communes.csv"),
        "-o",
        str(folder / "res"),
        "--format",
        "csv",
    ]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "paths-output-folder-holds-input": output_folder_holds_input,
    "paths-report-same-as-output": report_same_as_output,
    "paths-template-over-register": template_over_register,
    "paths-template-over-criteria": template_over_criteria,
    "paths-report-into-results-table": report_into_results_table,
    "paths-output-hardlinked-to-input": output_hardlinked_to_input,
    "paths-output-through-symlinked-folder": output_through_symlinked_folder,
    "paths-previous-replaced-by-output": previous_replaced_by_output,
    "paths-report-over-previous-table": report_over_previous_table,
    "paths-demo-data-over-criteria": demo_data_over_criteria,
    "paths-output-folder-is-a-file": output_folder_is_a_file,
    "paths-output-workbook-is-a-folder": output_workbook_is_a_folder,
    "paths-output-name-too-long": output_name_too_long,
    "paths-output-folder-name-too-long": output_folder_name_too_long,
    "paths-read-only-output-folder": read_only_output_folder,
    "paths-output-under-a-file": output_under_a_file,
    "paths-output-folder-not-results": output_folder_not_results,
    "paths-output-is-a-device": output_is_a_device,
    "paths-output-is-a-fifo": output_is_a_fifo,
    "paths-stale-temporaries": stale_temporaries,
    "paths-overflow-to-etc-passwd": overflow_to_etc_passwd,
    "paths-overflow-to-parent": overflow_to_parent,
    "paths-overflow-link-out": overflow_link_out,
    "paths-garbage-summary-report": garbage_summary_report,
    "paths-summary-without-codes-previous": summary_without_codes_previous,
    "paths-summary-not-parquet-explain": summary_not_csv_explain,
    "paths-summary-binary-report": summary_binary_report,
    "paths-summary-link-out-report": summary_link_out_report,
    "paths-summary-list-column-previous": summary_list_column_previous,
    "paths-formula-in-register-header": formula_in_register_header,
}
