"""What a run could not use: the completeness facts of a scoring run (:class:`Completeness`) and
the notices every output prints from them (:func:`notices`), in Vietnamese or English."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import polars as pl

from pari_index.criteria.units import UnitNames
from pari_index.errors import Problem, shown_path
from pari_index.messages.numbers import format_number
from pari_index.messages.results_words import SHEETS

if TYPE_CHECKING:
    from pari_index.scoring.run import ScoreResult


SurveyState = Literal["given", "optional_missing", "skipped", "no_part"]


@dataclass
class Completeness:
    """What a run could not use, so that an incomplete ranking never looks complete.

    ``unread`` lists the problems of input files of which nothing was used (``pari score`` stops
    before writing unless ``--allow-incomplete``); the counts feed the "incomplete" banner of the
    summary and about sheets and of the report (see :func:`notices`)."""

    survey: SurveyState = "no_part"
    survey_part: str = "0"
    communes_without_survey: int = 0
    rows_rejected: int = 0
    rows_partial: int = 0
    files_with_rejected_rows: int = 0
    unread_files: list[str] = field(default_factory=list)
    unread: list[Problem] = field(default_factory=list)
    not_submitted: int = 0
    allowed_incomplete: bool = False
    #: Errors of input files that no row carries (a sheet, column or table not read: run._parts_unread),
    #: and the findings of :data:`WHOLE_PART_KINDS`, each a whole input not used.
    parts_unread: int = 0

    @property
    def complete(self) -> bool:
        return not (
            self.rows_rejected
            or self.rows_partial
            or self.unread_files
            or self.parts_unread
            or self.survey == "skipped"
            or self.communes_without_survey
            or self.not_submitted
        )

    def facts(self) -> dict[str, str]:
        """The counts as about-sheet entries (read back by the report); counts of 0 are left out."""
        counts = {
            "communes_without_survey": self.communes_without_survey,
            "rows_rejected": self.rows_rejected,
            "rows_partial": self.rows_partial,
            "files_with_rejected_rows": self.files_with_rejected_rows,
            "communes_not_submitted": self.not_submitted,
            "parts_unread": self.parts_unread,
        }
        return {
            "complete": "yes" if self.complete else "no",
            "survey": self.survey,
            "survey_part": self.survey_part,
            **{key: str(n) for key, n in counts.items() if n},
            **({"files_left_out": "; ".join(self.unread_files)} if self.unread_files else {}),
        }


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


#: Findings each of which is a whole input, or a whole column of one, that the run could not use:
#: the evidence folder's names nearly none of them its files' (scoring.evidence), a lineage table
#: that links nothing, last year's results that compare nothing (ranking). Each is one part not read.
WHOLE_PART_KINDS = ("evidence-names-unmatched", "lineage-links-nothing", "previous-compares-nothing")


def whole_parts(findings: pl.DataFrame) -> int:
    """How many of ``findings`` are each a whole part of the inputs not used (:data:`WHOLE_PART_KINDS`)."""
    return findings.filter(pl.col("kind").is_in(WHOLE_PART_KINDS)).height


def replace_findings(result: ScoreResult, earlier: pl.Expr, found: pl.DataFrame | None) -> None:
    """``result``'s findings without those ``earlier`` selects, with ``found`` (if any) in their place, and
    its count of parts not read following the whole parts dropped and added. Ranking adds its
    findings after the run was counted, and the library may rank one result twice (or again after
    the file was corrected): each part is counted once, and no longer once it is read."""
    before = whole_parts(result.findings)
    kept = result.findings.filter(~earlier.fill_null(False))
    result.findings = kept if found is None else pl.concat([kept, found], how="diagonal_relaxed")
    result.completeness.parts_unread += whole_parts(result.findings) - before


def _rows_notice(rejected: int, partial: int, files: int, vi: bool, n: Callable[[int], str]) -> str:
    """The banner's sentence of rows not used whole: rejected rows, rows only partly used, or
    both, in ``files`` files. Until session 38 the partial rows were an afterthought of the
    rejected ones, so a run with none rejected read «INCOMPLETE: 0 rows rejected in 1 file (5
    more rows only partly used)»: what was wrong came second, after a count of nothing."""
    if vi:
        told = [f"{n(rejected)} dòng bị loại"] if rejected else []
        told += [f"{n(partial)} dòng chỉ dùng được một phần"] if partial else []
        return (
            f"CHƯA ĐẦY ĐỦ: {' và '.join(told)} trong {n(files)} tệp; "
            f"xem trang {SHEETS['findings'].vi} và {SHEETS['rows'].vi}."
        )
    said = [f"{n(rejected)} {_plural(rejected, 'row')} rejected"] if rejected else []
    said += [f"{n(partial)} {_plural(partial, 'row')} only partly used"] if partial else []
    return (
        f"INCOMPLETE: {' and '.join(said)} in {n(files)} {_plural(files, 'file')}; "
        f"see the {SHEETS['findings'].en} and {SHEETS['rows'].en} sheets."
    )


def notices(facts: Mapping[str, str], lang: str = "vi") -> list[str]:
    """The completeness banner as sentences in ``lang`` (vi or en), from :meth:`Completeness.facts`
    (or an about sheet read back): empty for a complete run. The units are named by the level in
    ``facts`` (the about sheet's ``level_*`` rows; communes when there are none)."""
    vi = lang != "en"
    names = UnitNames.from_about({k: str(v) for k, v in facts.items() if k.startswith("level")})
    unit = names.vi  # "xã", "tỉnh": also the noun counted ("3 xã", "3 tỉnh")

    def units(n: int) -> str:
        return names.en if n == 1 else names.en_plural

    def num(key: str) -> int:
        text = str(facts.get(key) or "0").strip()
        return int(text) if text.isdigit() else 0

    def n(count: int) -> str:  # «2.354» / «2,354», as the summary's other counts (until session 35 «2354»)
        return format_number(count, "vi" if vi else "en")

    out: list[str] = []
    rejected, partial, files = num("rows_rejected"), num("rows_partial"), num("files_with_rejected_rows")
    if rejected or partial:
        out.append(_rows_notice(rejected, partial, files, vi, n))
    parts = num("parts_unread")
    if parts:
        out.append(
            f"CHƯA ĐẦY ĐỦ: {n(parts)} phần của tệp đầu vào (trang tính, cột hoặc bảng) không được đọc; xem trang "
            f"{SHEETS['findings'].vi}."
            if vi
            else f"INCOMPLETE: {n(parts)} {_plural(parts, 'part')} of the input files (sheets, columns or tables) "
            f"could not be read; see the {SHEETS['findings'].en} sheet."
        )
    # Shown (errors.shown_path): a name holding a line feed broke the banner in two lines.
    left_out = shown_path(facts.get("files_left_out") or "")
    if left_out:
        out.append(
            f"CHƯA ĐẦY ĐỦ: không đọc được tệp {left_out}; tệp này bị bỏ qua (--allow-incomplete)."
            if vi
            else f"INCOMPLETE: {left_out} could not be read and was left out (--allow-incomplete)."
        )
    survey = str(facts.get("survey") or "")
    part = str(facts.get("survey_part") or "")
    if survey == "skipped":
        out.append(
            f"KHÔNG CÓ ĐIỀU TRA (--no-survey): phần điều tra ({part} điểm) không được chấm, "
            f"mọi {unit} được 0 điểm phần này."
            if vi
            else f"NO SURVEY (--no-survey): the survey part ({part} points) is not scored; every {names.en} has 0 "
            "for it."
        )
    elif survey == "optional_missing":
        out.append(
            "Không có kết quả điều tra: bộ tiêu chí cho phép, chỉ số tính lại trên phần thẩm định."
            if vi
            else "No survey results: the criteria set allows it; the index is re-scaled on the appraised part."
        )
    without = num("communes_without_survey")
    if without:
        out.append(
            f"CHƯA ĐẦY ĐỦ: {n(without)} {unit} không có kết quả điều tra."
            if vi
            else f"INCOMPLETE: {n(without)} {units(without)} without survey results."
        )
    silent = num("communes_not_submitted")
    if silent:
        out.append(
            f"{n(silent)} {unit} không nộp tự đánh giá (đánh dấu “không nộp” trong bảng xếp hạng)."
            if vi
            else f"{n(silent)} {units(silent)} sent no self-assessment (marked “sent nothing” in the ranking)."
        )
    return out


__all__ = ["WHOLE_PART_KINDS", "Completeness", "SurveyState", "notices", "replace_findings", "whole_parts"]
