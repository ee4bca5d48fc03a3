"""``pari score`` on the bundled example with one of its files replaced (the survey or the
appraisal), through click's CliRunner: the run several tests make of a changed input; and the
README's inputs (:data:`README_INPUTS`), which several tests run whole."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from click.testing import CliRunner

from pari_index.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: The inputs of the README's main command (both assessment forms, the register, the survey and
#: the appraisal), as ``pari score`` takes them after its name.
README_INPUTS = (
    str(EXAMPLES / "assessments_long.csv"),
    str(EXAMPLES / "assessments_wide.xlsx"),
    "--communes",
    str(EXAMPLES / "communes.csv"),
    "--survey",
    str(EXAMPLES / "survey.csv"),
    "--appraisal",
    str(EXAMPLES / "appraisal.csv"),
)


def score_examples(
    folder: Path, *extra: str, survey: Path | None = None, appraisal: Path | None = None
) -> tuple[int, str, Path]:
    """The example scored in English into ``folder/results.xlsx``, with ``survey`` or
    ``appraisal`` given in place of the example's: the exit status, what it said, the results."""
    out = folder / "results.xlsx"
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--appraisal", str(appraisal or EXAMPLES / "appraisal.csv")]
    args += ["--survey", str(survey or EXAMPLES / "survey.csv"), "-o", str(out), "--lang", "en", *extra]
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    return result.exit_code, result.output, out


def example_evidence(folder: Path, *assessments: Path) -> Path:
    """``folder`` made the evidence folder of ``assessments`` (default: the example's long form): a
    whole small PDF under each name their rows give. An empty folder is no folder of theirs: a run
    whose names are nearly none of them its files' is told so, an error (evidence-names-unmatched)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in assessments or (EXAMPLES / "assessments_long.csv",):
        frame = pl.read_csv(path, infer_schema=False)
        names = [c for c in frame.columns if c == "evidence_file" or c.endswith(":evidence_file")]
        for name in frame.select(pl.concat_list(names).explode().drop_nulls().unique()).to_series().to_list():
            document = folder / name.replace("\\", "/")
            document.parent.mkdir(parents=True, exist_ok=True)
            document.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return folder


def score_beside_examples(folder: Path, *, appraisal: Path) -> tuple[int, str, Path, Path]:
    """The example scored as it is and with ``appraisal`` in place of its own, each in a folder of
    ``folder``: the changed run's exit status and words, then the two results (plain, changed)."""
    plain_dir, changed_dir = folder / "plain", folder / "changed"
    plain_dir.mkdir()
    changed_dir.mkdir()
    code, said, plain = score_examples(plain_dir)
    assert code == 0, said
    changed_code, said, changed = score_examples(changed_dir, appraisal=appraisal)
    return changed_code, said, plain, changed


def score_survey(folder: Path, survey: pl.DataFrame, *extra: str) -> tuple[int, str, Path]:
    """The example scored with ``survey`` (written to ``folder/survey.csv``) as its survey."""
    path = folder / "survey.csv"
    survey.write_csv(path)
    return score_examples(folder, *extra, survey=path)


def one_commune_refused(
    scored: tuple[int, str, Path], survey: pl.DataFrame, clean: dict[str, pl.DataFrame], kind: str, code: str
) -> None:
    """What a survey whose commune ``code`` alone was rewritten must give (``scored``, from
    :func:`score_survey`): each of its rows refused as ``kind``, 0 survey points for it, and every
    other commune's survey points as in the ``clean`` run's results."""
    from pari_index.outputs.results import read_results

    status, output, out = scored
    assert status == 1, output  # results written, with rows rejected
    assert "INCOMPLETE: 6 rows rejected in 1 file" in output
    tables = read_results(out)
    found = tables["findings"].filter(pl.col("kind") == kind)
    rows = survey.with_row_index("row", offset=2).filter(pl.col("commune_code") == code)["row"].to_list()
    assert found.select("severity", "commune_code", "row", "column").rows() == [
        ("error", code, row, "value") for row in rows
    ]
    others = pl.col("commune_code") != code
    kept = ["commune_code", "survey_points"]
    assert tables["summary"].filter(others).select(kept).equals(clean["summary"].filter(others).select(kept))
    assert tables["summary"].filter(pl.col("commune_code") == code)["survey_points"].item() == 0
