"""The names of a register's columns, and the checks of a list of them to rank within that need
no register: the same for ``pari score --group-by`` (ranking.groups) and for a set's
``ranking.within`` (criteria.validation), so that ``pari validate`` refuses every list ``pari score``
would refuse whatever the register (session 40: ``within: commune_code`` passed validate, and every
score run stopped at ranking, after reading and scoring every file).

Here, in the first stage, rather than in intake.register, which reads the register with these names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pari_index.errors import Problem, UsageError, quoted

#: The words of the kinds of unit, in the order forms list them: a heading names the unit by any
#: of them («Mã xã, phường», «Tên xã/phường/thị trấn»).
_UNIT_WORDS = ("xã", "phường", "thị trấn", "đặc khu")


#: The words of the kinds of district, in the order forms list them («Quận/Huyện/Thị xã»).
_DISTRICT_WORDS = ("quận", "huyện", "thị xã", "thành phố")


def unit_headings(*prefixes: str, words: tuple[str, ...] = _UNIT_WORDS) -> tuple[str, ...]:
    """Each of ``prefixes`` followed by ``words`` (the kinds of unit, or of district), one or more,
    in order («mã xã», «mã xã phường», «mã xã phường thị trấn đặc khu»: written with commas or
    slashes between them, they have the same heading_key); an empty prefix gives the words alone.
    Until session 35 a register or a form headed «Mã xã, phường» (as forms of wards and communes
    together head the code) was refused, "needs column(s) code"."""
    combos = [" ".join(word for bit, word in enumerate(words) if mask >> bit & 1) for mask in range(1, 2 ** len(words))]
    return tuple(f"{prefix} {combo}".strip() for prefix in prefixes for combo in combos)


def district_headings(*prefixes: str) -> tuple[str, ...]:
    """:func:`unit_headings` of the kinds of district («Quận/Huyện/Thị xã», «Huyện, thị xã, thành
    phố», «Mã quận/huyện»), but not «thành phố» alone, which names a province too. Until session 35
    a register so headed had no district column: ``--group-by district`` ranked every unit in one
    group of the province, told only as a warning, exit 0."""
    words = [combo for combo in unit_headings("", words=_DISTRICT_WORDS) if combo != "thành phố"]
    return tuple(f"{prefix} {combo}".strip() for prefix in prefixes for combo in words)


#: A province's headings: «Tỉnh», «Tỉnh/Thành phố» (a city of the centre is a province), with «Tên»
#: before them or not.
_PROVINCE_HEADINGS = tuple(f"{name}{kind}" for name in ("", "tên ") for kind in ("tỉnh", "tỉnh thành phố"))

REGISTER_ALIASES: dict[str, str] = {
    **{k: "code" for k in ("code", "commune_code", "mã", "mã xã", "mã đơn vị", "mã đvhc", "ma", *unit_headings("mã"))},
    **{k: "name" for k in ("name", "commune", "tên", "tên đơn vị", "tên xã", "đơn vị", "ten", *unit_headings("tên"))},
    **{k: "type" for k in ("type", "unit_type", "loại", "loại đơn vị", "loai")},
    # The district and province also by their name («Tên huyện», «Tên quận/huyện», «Tên tỉnh»,
    # «District name»): until session 35's review a register so headed had neither, ranked as one
    # group with --group-by district, told only as group-column-absent, exit 0.
    **{
        k: "district"
        for k in (
            "district",
            "huyện",
            "quận/huyện",
            "quận, huyện",
            "huyen",
            "district name",
            *district_headings("", "tên"),
        )
    },
    **{k: "province" for k in ("province", "tỉnh", "tỉnh/thành phố", "tinh", "province name", *_PROVINCE_HEADINGS)},
    # Optional codes of the district and province: where given, groups are keyed by them.
    **{
        k: "district_code" for k in ("district_code", "mã huyện", "mã quận/huyện", "ma huyen", *district_headings("mã"))
    },
    **{k: "province_code" for k in ("province_code", "mã tỉnh", "mã tỉnh/thành phố", "ma tinh")},
    **{k: "ranked" for k in ("ranked", "xếp hạng", "có xếp hạng")},
}

#: The register's columns: every register has them in a run (filled empty where the file has
#: no heading for one), so a ranking within any of them needs nothing more of the register.
REGISTER_COLUMNS = ("code", "name", "type", "district", "province")

#: The register's columns the run holds under another name (read_register: «type» becomes
#: unit_type, beside the words of the type; «code» is the results' commune_code).
RUN_NAMES = {"type": "unit_type", "code": "commune_code"}


#: The columns the results of a run hold beside the register's (scoring's totals, ranking, the
#: notice), and the patterns of their per-area columns: a register column of one of these names
#: replaced the computed one (a column ``total_points`` of the register was published as the
#: units' total points), was replaced by it without a word (``rank``, ``group``, ``notice``), or
#: ended the run as an internal error (``index``, ``commune_code``). tests/test_hostile_sweep15.py
#: checks them against the summary a run writes.
RESULTS_COLUMNS = frozenset(
    {
        *("notice", "commune_code", "submitted", "survey_given", "survey_rescaled", "items_not_assessed"),
        "items_rejected",
        *("appraised_points", "survey_points", "adjustment_points", "total_points"),
        *("appraised_max", "survey_max", "applicable_max", "index"),
        *("group_key", "group", "group_column", "rank", "group_size", "unranked_reason", "tied", "top_lost"),
        *("class", "class_en", "class_colour", "class_order", "next_class", "gap_to_next_class"),
        *("previous_rank", "previous_index", "rank_change", "index_change", "previous_note"),
    }
)
_AREA_COLUMN = re.compile(r"(rank_)?area_[0-9][0-9A-Za-z.]*")


def results_column(name: str) -> bool:
    """Whether a register column of this name would meet a column of the results (see RESULTS_COLUMNS)."""
    return name in RESULTS_COLUMNS or _AREA_COLUMN.fullmatch(name) is not None


#: Register columns from the top down: a district lies within a province. Grouping by one of them
#: keys the group by the columns above it too, since district names repeat across provinces.
HIERARCHY = ("province", "district")


def run_column(name: str) -> str:
    """The run's name of a register column named by any of its headings (``huyện`` → ``district``,
    ``loại`` → ``unit_type``: the register's «type» is the run's unit_type), else ``name`` itself."""
    alias = REGISTER_ALIASES.get(name.strip().casefold())
    return RUN_NAMES.get(alias, alias) if alias is not None else name


def never_a_group(name: str) -> str:
    """Why no register can give a group column of this name (a ``group_why`` of PARAM_WORDS), or
    "": one of pari-index's own (``_…``), or a column of the results the run computes, by its name
    or a heading of it (``code`` is the results' commune_code). No register lifts these, so
    ``pari validate`` refuses them in a set's ``ranking.within`` as ``pari score`` does."""
    if name.startswith("_"):
        return "internal"
    return "computed" if results_column(run_column(name)) else ""


def requested_columns(group_by: str | Sequence[str], option: str = "--group-by") -> list[str]:
    """``"province,district"``, ``["province", "district"]`` or both mixed, as a list of names;
    ``option`` says where they were given (``--group-by``, or a set's ``ranking.within``)."""
    items = [group_by] if isinstance(group_by, str) else list(group_by)
    names = [part.strip() for item in items for part in str(item).split(",")]
    if not names or any(not n for n in names):
        raise UsageError(
            Problem(
                "empty-group-column",
                f"{option} {quoted(','.join(names))} has an empty column name",
                hint=GROUP_HINTS[option]["empty-group-column"],
                params={"value": quoted(",".join(names)), "option": option},
            )
        )
    return names


#: The hints of a list of group columns refused, by where it was given.
GROUP_HINTS = {
    "--group-by": {
        "empty-group-column": "list register columns separated by commas, e.g. --group-by province,district",
        "repeated-group-column": "name each register column once, from the top down: --group-by province,district",
        "group-columns-order": "list the columns from the top down: --group-by province,district",
    },
    "ranking.within": {
        "empty-group-column": "list register columns separated by commas, e.g. within: province,district",
        "repeated-group-column": "name each register column once, from the top down: within: province,district",
        "group-columns-order": "list the columns from the top down: within: province,district",
    },
}


def check_column_list(columns: Sequence[str], option: str = "--group-by") -> None:
    """Each column named once, and a district after its province (a UsageError otherwise); the
    same check for ``--group-by`` and for a set's ``ranking.within`` (criteria.validation)."""
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        raise UsageError(
            Problem(
                "repeated-group-column",
                f"{option} names {', '.join(repeated)} more than once",
                hint=GROUP_HINTS[option]["repeated-group-column"],
                params={"columns": ", ".join(repeated), "option": option},
            )
        )
    levels = [HIERARCHY.index(c) for c in columns if c in HIERARCHY]
    if levels != sorted(levels):
        raise UsageError(
            Problem(
                "group-columns-order",
                f"{option} {','.join(columns)} lists a district before its province",
                hint=GROUP_HINTS[option]["group-columns-order"],
                params={"columns": ",".join(columns), "option": option},
            )
        )


def usual_columns() -> tuple[str, ...]:
    """The columns every register has in a run, as a register heads them (``type``), but the code,
    which is each unit's own (:func:`never_a_group`)."""
    return tuple(c for c in REGISTER_COLUMNS if not never_a_group(c))
