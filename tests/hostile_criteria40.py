"""Hostile criteria sets of the fortieth session's helper criteria40 (validate and score agree).

Found by running the real ``pari`` (main at 81e533d) on files made for it:

- ``ranking: {within: commune_code}`` (or ``code``, ``_x``, ``district,province``, ``province,tỉnh``,
  ``province,``): ``pari validate`` said «hợp lệ», exit 0; ``pari score`` read and scored every file,
  then stopped at ranking with ``unknown-group-column`` (or the list's refusal), exit 2, naming
  ``--group-by``, which nobody gave, and not the set's line. The register-free checks of a list of
  group columns now live in criteria.group_columns, one check for ``--group-by`` and the set:
  validate and score refuse such a set when it is read, at its line, exit 1.
- ``within: no`` (any column a register may lack): validate said «hợp lệ» with no word, score
  refused it unless the register has that column. Now a warning (``within-not-usual``).
- A choice whose best level gives 6 of its ``max: 8`` (or tiers whose best tier is below the
  maximum): validate said «hợp lệ» with no word (a checklist gets ``checklist-short``); no unit
  can reach the maximum, which still counts in the index. Now ``outcomes-short``.
- Rate tiers written as fractions (``from: 0.5`` for 50 %): validate said «hợp lệ», and score gave
  every unit at 1 % or more the top tier. Now ``tier-edges-fractions``.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_criteria40.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_criteria import small_set

Case = Callable[[Path], list[str]]

#: The tiers and the yes/no leaf of tests/hostile_criteria.small_set.
_TIERS = """            - {above: 90, points: 2}
            - {from: 70, to: 90, points: 1}
            - {below: 70, points: 0}"""
_YES_NO = "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}"


def _validate(folder: Path, text: str) -> list[str]:
    (folder / "bo.yaml").write_text(text, encoding="utf-8")
    return ["validate", "bo.yaml"]


def _within(value: str) -> Case:
    def case(folder: Path) -> list[str]:
        return _validate(folder, small_set().replace("within: district", f'within: "{value}"'))

    return case


def choice_short(folder: Path) -> list[str]:
    """Leaf 1.2 (max 8) a choice of levels giving 6 and 0 points."""
    levels = (
        "inputs: {head: {type: level}}\n        rule:\n          kind: choice\n          input: head\n"
        "          levels:\n            - {value: a, label: Đạt, points: 6}\n"
        "            - {value: b, label: Chưa đạt, points: 0}"
    )
    return _validate(folder, small_set().replace(_YES_NO, levels))


def tiers_short(folder: Path) -> list[str]:
    """Leaf 1.1 (max 2) whose best tier gives 1.5."""
    return _validate(folder, small_set().replace("{above: 90, points: 2}", "{above: 90, points: 1.5}"))


FRACTION_TIERS = "            - {from: 0.5, points: 2}\n            - {below: 0.5, points: 0}"


def tiers_as_fractions(folder: Path) -> list[str]:
    return _validate(folder, small_set().replace(_TIERS, FRACTION_TIERS))


def _register_and_answers(folder: Path, answers: list[tuple[str, str, str]]) -> None:
    """communes.csv of units 00001 and 00002, and long.csv: each (done, planned, ok) in turn."""
    register = ["code,name,type,district,province"]
    rows = ["commune_code,criterion_id,input,value"]
    for n, (done, planned, ok) in enumerate(answers, start=1):
        register.append(f"{n:05d},Xã {n},xã,Huyện B,Tỉnh C")
        rows += [f"{n:05d},1.1,done,{done}", f"{n:05d},1.1,planned,{planned}", f"{n:05d},1.2,ok,{ok}"]
    (folder / "communes.csv").write_text("\n".join(register) + "\n", encoding="utf-8")
    (folder / "long.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


SCORE = ["score", "--criteria", "bo.yaml", "--communes", "communes.csv", "-o", "out", "--format", "csv", "long.csv"]


def scored_within_commune_code(folder: Path) -> list[str]:
    """A set ranking within commune_code, scored: refused when the set is read, before any file."""
    (folder / "bo.yaml").write_text(small_set().replace("within: district", "within: commune_code"), encoding="utf-8")
    _register_and_answers(folder, [("9", "10", "có")])
    return SCORE


#: Two units of small_set: 9 of 10 done (90 %, not above 90: tier 1, 1 point) and «có» (8 points),
#: 9/10 of the scale, index 90.00, «Tốt» (from 90); 0 of 0 planned (no denominator: 0 points) and
#: «không» (0), index 0.00, «Kém».
EXACT = [("9", "10", "có"), ("0", "0", "không")]


def scored_exactly(folder: Path) -> list[str]:
    (folder / "bo.yaml").write_text(small_set(), encoding="utf-8")
    _register_and_answers(folder, EXACT)
    return SCORE


def scored_fraction_tiers(folder: Path) -> list[str]:
    """The tiers of tiers_as_fractions, scored: 1 of 100 done is 1 %, at or above 0.5: 2 points."""
    (folder / "bo.yaml").write_text(small_set().replace(_TIERS, FRACTION_TIERS), encoding="utf-8")
    _register_and_answers(folder, [("1", "100", "không")])
    return SCORE


CASES: dict[str, Case] = {
    "within-commune-code": _within("commune_code"),
    "within-code": _within("code"),
    "within-internal": _within("_group"),
    "within-district-first": _within("district,province"),
    "within-province-twice": _within("province,tỉnh"),
    "within-empty-name": _within("province,"),
    "within-no": _within("no"),
    "choice-short": choice_short,
    "tiers-short": tiers_short,
    "tiers-as-fractions": tiers_as_fractions,
    "id-with-a-trailing-dot": lambda folder: _validate(folder, small_set().replace('id: "1.2"', 'id: "1.2."')),
    "set-without-areas": lambda folder: _validate(folder, small_set().split("areas:")[0] + "areas: []\n"),
    "scored-within-commune-code": scored_within_commune_code,
    "scored-exactly": scored_exactly,
    "scored-fraction-tiers": scored_fraction_tiers,
}

_COMPUTED_VI = (
    "đó là tên một cột của kết quả do lần chấm tính ra; cột cùng tên trong danh sách đơn vị (nếu có) bị bỏ qua, "
    "nên không xếp hạng theo nó được: đổi tên cột đó, ví dụ sang tên tiếng Việt [within-never-a-column]"
)
_COMPUTED_EN = (
    "it is the name of a column of the results, which the run computes; a register column of that name (if any) "
    "is left out (register-column-reserved), so units cannot be grouped by it: rename that column, for example to "
    "its Vietnamese name [within-never-a-column]"
)

#: The error each refused set gets from ``pari validate`` (Vietnamese, English): all at line 9, column 19.
REFUSED = {
    "within-commune-code": (
        f"lỗi: bo.yaml:9:19: ranking.within «commune_code» không dùng để xếp hạng được: {_COMPUTED_VI}",
        f"error: bo.yaml:9:19: ranking.within «commune_code» cannot group a ranking: {_COMPUTED_EN}",
    ),
    "within-code": (
        f"lỗi: bo.yaml:9:19: ranking.within «code» không dùng để xếp hạng được: {_COMPUTED_VI}",
        f"error: bo.yaml:9:19: ranking.within «code» cannot group a ranking: {_COMPUTED_EN}",
    ),
    "within-internal": (
        "lỗi: bo.yaml:9:19: ranking.within «_group» không dùng để xếp hạng được: tên bắt đầu bằng _ là tên "
        "pari-index dùng cho riêng mình; cột "
        "cùng tên trong danh sách đơn vị (nếu có) không được đọc: đổi tên cột đó [within-never-a-column]",
        "error: bo.yaml:9:19: ranking.within «_group» cannot group a ranking: names beginning with _ are "
        "pari-index's own; a register "
        "column of that name (if any) is not read (reserved-column): rename that column [within-never-a-column]",
    ),
    "within-district-first": (
        "lỗi: bo.yaml:9:19: ranking.within district,province liệt kê cấp huyện trước cấp tỉnh [group-columns-order]",
        "error: bo.yaml:9:19: ranking.within district,province lists a district before its province "
        "[group-columns-order]",
    ),
    "within-province-twice": (
        "lỗi: bo.yaml:9:19: ranking.within nêu province hơn một lần [repeated-group-column]",
        "error: bo.yaml:9:19: ranking.within names province more than once [repeated-group-column]",
    ),
    "within-empty-name": (
        "lỗi: bo.yaml:9:19: ranking.within «province,» có một tên cột trống [empty-group-column]",
        "error: bo.yaml:9:19: ranking.within «province,» has an empty column name [empty-group-column]",
    ),
}

#: pydantic's words for these were the regular expression in English ("String should match pattern
#: '^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*$'", "List should have at least 1 item after validation, not 0"), and
#: in Vietnamese only «cấu trúc không đúng định dạng bộ tiêu chí».
REFUSED |= {
    "id-with-a-trailing-dot": (
        "lỗi: bo.yaml:30:13: 1.2. › id: «1.2.» viết sai dạng: mã tiêu chí là các số hoặc chữ cái không dấu nối nhau "
        "bằng một dấu chấm, không có dấu chấm ở đầu hay cuối, không có dấu cách: «1.1», «2.3.a» "
        "[schema:string_pattern_mismatch]",
        "error: bo.yaml:30:13: 1.2. › id: «1.2.» is not written as the format takes: an item's id is digits or "
        "letters without marks joined by single dots, with no dot at its start or end and no spaces: «1.1», «2.3.a» "
        "[schema:string_pattern_mismatch]",
    ),
    "set-without-areas": (
        "lỗi: bo.yaml:14:8: areas: danh sách quá ngắn (có 0, cần ít nhất 1) [schema:too_short]",
        "error: bo.yaml:14:8: areas: the list is too short (it has 0, and needs at least 1) [schema:too_short]",
    ),
}

#: The warning each set that still validates gets (Vietnamese, English).
TOLD = {
    "within-no": (
        "cảnh báo: bo.yaml:9:19: ranking.within «no» không phải cột danh sách đơn vị nào cũng có (name, type, "
        "district, province): pari score chỉ xếp hạng được khi danh sách đơn vị (--communes) có cột «no», nếu không "
        "sẽ dừng và báo danh sách thiếu cột đó [within-not-usual]",
        "warning: bo.yaml:9:19: ranking.within «no» is not a column every register has (name, type, district, "
        "province): pari score ranks only with a register (--communes) that has a column «no», and otherwise stops, "
        "saying the register lacks it [within-not-usual]",
    ),
    "choice-short": (
        "cảnh báo: bo.yaml:35:11: tiêu chí 1.2: quy tắc cho nhiều nhất 6 điểm (levels[0]), thấp hơn điểm tối đa 8: "
        "không đơn vị nào đạt được điểm tối đa [outcomes-short]",
        "warning: bo.yaml:35:11: criterion 1.2: the most its rule gives is 6 points (levels[0]), below its maximum 8: "
        "no unit can reach the maximum [outcomes-short]",
    ),
    "tiers-short": (
        "cảnh báo: bo.yaml:24:11: tiêu chí 1.1: quy tắc cho nhiều nhất 1,5 điểm (tiers[0]), thấp hơn điểm tối đa 2: "
        "không đơn vị nào đạt được điểm tối đa [outcomes-short]",
        "warning: bo.yaml:24:11: criterion 1.1: the most its rule gives is 1.5 points (tiers[0]), below its maximum "
        "2: no unit can reach the maximum [outcomes-short]",
    ),
    "tiers-as-fractions": (
        "cảnh báo: bo.yaml:27:13: tiêu chí 1.1: mọi ngưỡng của các bậc (0.5) đều không quá 1, nhưng giá trị là tỷ lệ "
        "phần trăm trên 100: 0.5 là nửa phần trăm, không phải 50 % [tier-edges-fractions]",
        "warning: bo.yaml:27:13: criterion 1.1: every tier edge (0.5) is 1 or less, but the value is a percent out "
        "of 100: 0.5 is half of one percent, not 50 % [tier-edges-fractions]",
    ),
}


def round_trip_sets() -> dict[str, str]:
    """Valid sets whose annex must give them back (export -> import -> the same scoring): letter ids
    (on 81e533d «1.b» came back as «unreadable number», the row left out), fraction tiers, a choice
    by fraction, a checklist past its maximum, deductions below 0, a partial yes/no."""
    base = small_set()
    return {
        "letter-ids": base.replace('id: "1.2"', 'id: "1.b"').replace('id: "1.1"', 'id: "1.a"'),
        "fraction-tiers": base.replace(_TIERS, FRACTION_TIERS),
        "choice-fraction": base.replace(
            _YES_NO,
            "inputs: {head: {type: level}}\n        rule:\n          kind: choice\n          input: head\n"
            "          levels:\n            - {value: a, label: A, points: 8}\n"
            "            - {value: b, label: B, fraction: 0.333}\n            - {value: c, label: C, points: 0}",
        ),
        "checklist-past-max": base.replace(
            _YES_NO,
            "inputs: {a: {type: boolean}, b: {type: boolean}}\n"
            "        rule: {kind: checklist, items: [{input: a, points: 5}, {input: b, points: 5}]}",
        ),
        "deduction-below-zero": base.replace(
            _YES_NO,
            "floor: -2\n        inputs: {n: {type: count}}\n        rule: {kind: deduction, input: n, per: 0.25}",
        ),
        "partial-yes-no": base.replace(
            "rule: {kind: yes_no, input: ok}", "rule: {kind: yes_no, input: ok, yes: 8, no: 1.5}"
        ),
    }
