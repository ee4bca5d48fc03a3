"""The commune register: which units exist, their type and the groups they are ranked within.

Codes are text (leading zeros kept) and are what everything joins on: names are not unique, even
within one province over time. Columns are read under English or Vietnamese headings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from pari_index.criteria.group_columns import REGISTER_ALIASES, REGISTER_COLUMNS, RUN_NAMES, results_column
from pari_index.errors import IntakeError, Problem, quoted
from pari_index.intake.nearest import FLOAT_CODE
from pari_index.intake.sheet import CITY_HEADINGS
from pari_index.intake.tables import (
    FILE,
    HEADING,
    ROW,
    SHEET,
    check_table_size,
    read_with_columns,
    row_problems,
    table_rows_limit,
    table_without_rows,
)
from pari_index.intake.tones import alike_letters, alike_name
from pari_index.intake.values import (
    CODE_AS_DATE,
    CODE_AS_SCIENTIFIC_HINT,
    CODE_FORBIDDEN,
    parse_boolean,
    scientific_lost,
    scientific_number,
    shown,
)


def register_heading(column: str, headings: Mapping[str, str] | None = None) -> str:
    """The run's column ``column`` as the register heads it, for a finding's place and words: the
    file's own heading when ``headings`` (Register.headings) has it («Huyện» for ``district``),
    else the register's name of the column (``unit_type``: ``type``). The run's own name is no
    heading the user wrote: a register headed «Huyện» was told «1 đơn vị … không có «district»»
    at the column «district» until session 39."""
    name = next((heading for heading, run_name in RUN_NAMES.items() if run_name == column), column)
    return (headings or {}).get(name) or name


def _file_headings(frame: pl.DataFrame) -> dict[str, str]:
    """Each register column's heading as the file writes it (the first sheet that heads it), from
    the heading columns read_with_columns adds (``_h:district`` → «Huyện»)."""
    headings = {}
    for column in frame.columns:
        if column.startswith(HEADING):
            written = frame[column].cast(pl.String).drop_nulls()
            if written.len():
                headings[column.removeprefix(HEADING)] = str(written[0])
    return headings


#: Unit-type words (lower case) to the criteria format's unit types.
UNIT_TYPES: dict[str, str] = {
    "xã": "commune",
    "xa": "commune",
    "commune": "commune",
    "phường": "ward",
    "phuong": "ward",
    "ward": "ward",
    "thị trấn": "township",
    "thi tran": "township",
    "township": "township",
    "đặc khu": "special_zone",
    "dac khu": "special_zone",
    "special_zone": "special_zone",
    "special zone": "special_zone",
    # As registers abbreviate them (and names: «P. Hồng Cẩm», «TT. Trâu Quỳ»); until session 30 each
    # was unknown-unit-type, and the unit was scored without the items of its type.
    "x.": "commune",
    "p.": "ward",
    "tt.": "township",
    "tt": "township",
    # Session 31: «ĐK» (đặc khu) was unknown-unit-type, where «TT» was read.
    "đk": "special_zone",
    "đk.": "special_zone",
    "dk": "special_zone",
}
#: Each type by the register's word for it (a finding names the type to write so).
TYPE_WORDS = {"commune": "xã", "ward": "phường", "township": "thị trấn", "special_zone": "đặc khu"}


def _reserved_column(file: str, column: str) -> Problem:
    return Problem(
        "register-column-reserved",
        f"the register's column {quoted(column)} has the name of a column of the results; it was left out",
        file=file,
        field=column,
        hint="rename the column (for example to its Vietnamese name) to keep it in the results or group by it",
        severity="warning",
        params={"column": quoted(column)},
    )


@dataclass
class Register:
    """One row per unit: code, name, unit_type, district, province, ranked, plus any other columns
    of the file (usable with ``--group-by``)."""

    frame: pl.DataFrame
    problems: list[Problem]  # rows left out
    source: str | None = None
    warnings: list[Problem] = field(default_factory=list)  # rows kept, but check them
    rows: pl.DataFrame | None = None  # every row of the file: registered or rejected
    #: The register's columns (REGISTER_COLUMNS) the file has no heading for, filled empty: a
    #: ranking within one of them is told as such (ranking.empty_groups), not unit by unit.
    absent: tuple[str, ...] = ()
    #: Each column's heading as the file writes it (``district`` → «Huyện»): the findings of the
    #: ranking name a register column so (register_heading).
    headings: dict[str, str] = field(default_factory=dict)

    @property
    def codes(self) -> pl.Series:
        return self.frame["code"]


def read_register(path: str | Path) -> Register:
    """Read and check a commune register. Rows without a code and repeated codes are reported and
    left out (the first row of a code counts); a missing name or an unknown type is reported and the
    unit kept; a file without the required columns is an error. The rows of a sheet without them
    are rejected in ``rows``, its missing-column their reason: until session 38 a register's notes
    sheet was told as a part not read and its rows were in no status of the input rows table."""
    unread: list[pl.DataFrame] = []
    frame, problems = read_with_columns(
        path,
        REGISTER_ALIASES,
        ("code", "name"),
        "register",
        "name the columns code, name, type, district, province (or mã, tên, loại, huyện, tỉnh)",
        table_rows_limit("register"),
        beside={"district": ("province", CITY_HEADINGS)},
        unread=unread,
    )
    check_table_size(frame, path, "register")
    absent = tuple(column for column in REGISTER_COLUMNS if column not in frame.columns)
    frame = _typed_units(frame).with_row_index("_i")  # rows can come from several sheets: _row alone is not unique
    no_code = pl.col("code").is_null()
    # A code with a control, bidi or invisible character looks like another code (or reverses the
    # text around it) and matches no assessment as typed: refused, never cleaned silently.
    bad_code = pl.col("code").str.contains(CODE_FORBIDDEN).fill_null(False)
    # A code typed into a column Excel formatted as dates is a day, not the code: refused too.
    date_code = pl.col("code").str.contains(CODE_AS_DATE).fill_null(False) & ~bad_code
    # A long code Excel wrote in scientific notation with digits rounded away: refused too.
    lost_code = scientific_lost(pl.col("code")) & ~bad_code & ~date_code
    repeated = pl.col("code").is_not_null() & (pl.col("_i") != pl.col("_i").first().over("code"))
    more, warnings = _register_problems(frame, no_code, bad_code, repeated, date_code, lost_code)
    bad_code = bad_code | date_code | lost_code
    problems += more
    kept = frame.filter(~no_code & ~repeated & ~bad_code).with_columns(pl.coalesce("name", "code").alias("name"))
    if kept.is_empty():
        # No unit at all (a header alone, or every row left out): every assessment would be "a
        # commune not in the register", thousands of findings that never named the register.
        empty = table_without_rows("register", str(path))
        raise IntakeError(problems if any(p.severity == "error" for p in problems) else [*problems, empty])
    warnings += _level_code_warnings(kept) + _look_alike_codes(kept) + _codes_as_numbers(kept) + _name_twice(kept)
    warnings += _codes_in_scientific_notation(kept)
    front = ["code", "name", "unit_type", "district", "province", "ranked"]
    rest = [c for c in kept.columns if c not in front and c != "type" and not c.startswith("_")]
    reserved = [c for c in rest if results_column(c)]
    warnings += [_reserved_column(str(path), c) for c in reserved]
    rest = [c for c in rest if c not in reserved]
    rows = frame.select(
        pl.col(FILE).alias("file"),
        pl.col(SHEET).alias("sheet"),
        pl.col(ROW).alias("row"),
        pl.when(no_code | repeated | bad_code).then(pl.lit("rejected")).otherwise(pl.lit("registered")).alias("status"),
    )
    return Register(
        frame=kept.select(*front, *rest, FILE, SHEET, ROW),
        problems=problems,
        source=str(path),
        warnings=warnings,
        rows=pl.concat(
            [
                _with_reasons(rows, more),
                *(
                    part.select("file", "sheet", "row", pl.lit("rejected").alias("status"), "reasons")
                    for part in unread
                ),
            ],
            how="diagonal_relaxed",
        ),
        absent=absent,
        headings=_file_headings(frame),
    )


def _typed_units(frame: pl.DataFrame) -> pl.DataFrame:
    """The register's rows with every register column (empty where the file has none), each unit's
    type read from its word (``unit_type``) and whether it is ranked (``ranked``, its text kept in
    ``_ranked_text`` for the findings)."""
    for column in REGISTER_COLUMNS:
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    # (in any Unicode form and spacing: «Thị  trấn», a decomposed «phường»; without characters
    # nothing shows and with look-alike letters as Latin ones, «Ðặc khu» with U+00D0: session 34)
    type_text = alike_letters(pl.col("type").str.normalize("NFC")).str.to_lowercase()
    type_text = type_text.str.replace_all(r"\s+", " ").str.strip_chars()
    return frame.with_columns(
        unit_type=type_text.replace_strict(UNIT_TYPES, default=None, return_dtype=pl.String),
        ranked=_ranked(pl.col("ranked")).fill_null(True) if "ranked" in frame.columns else pl.lit(True),
        _ranked_text=pl.col("ranked") if "ranked" in frame.columns else pl.lit(None, dtype=pl.String),
    )


def _with_reasons(rows: pl.DataFrame, left_out: list[Problem]) -> pl.DataFrame:
    """The register's rows with the reason of each row left out: its problem's message, which
    the results show in their language as the findings sheet shows it (outputs.results: the
    reasons of the rows are the findings' messages; a reason of its own stayed in English)."""
    reasons = pl.DataFrame(
        [(p.file, p.sheet, p.row, p.message) for p in left_out if p.row is not None],
        schema={"file": pl.String, "sheet": pl.String, "row": rows.schema["row"], "reasons": pl.String},
        orient="row",
    ).unique(["file", "sheet", "row"], keep="first", maintain_order=True)
    return rows.join(reasons, on=["file", "sheet", "row"], how="left", nulls_equal=True, maintain_order="left")


#: How a register says whether a unit is ranked besides a plain yes or no (values.TRUE_WORDS,
#: FALSE_WORDS): the phrases a clerk writes in the column itself.
RANKED_WORDS = {
    **dict.fromkeys(("xếp hạng", "có xếp hạng", "được xếp hạng", "ranked"), True),
    **dict.fromkeys(("không xếp hạng", "không được xếp hạng", "không xét", "not ranked", "unranked"), False),
}


def _ranked(text: pl.Expr) -> pl.Expr:
    """Whether a unit is ranked, from the register's ``ranked`` cell: yes or no in any of the words
    an answer is read in (values.parse_boolean: có, x, 1, ✓ …; không, 0, ☐ …) or a phrase of
    :data:`RANKED_WORDS`; null when empty or unread. Only "no", "không", "false", "0" and "n" were
    read before, and every other value, "không xếp hạng" among them, ranked the unit."""
    phrase = text.str.to_lowercase().str.strip_chars().str.replace_all(r"\s+", " ")
    return pl.coalesce(parse_boolean(text), phrase.replace_strict(RANKED_WORDS, default=None, return_dtype=pl.Boolean))


def _code_problems(frame: pl.DataFrame, bad_code: pl.Expr, date_code: pl.Expr, lost_code: pl.Expr) -> list[Problem]:
    """The rows left out for their code's text: a control character, a date, a number in
    scientific notation whose digits were lost (values.scientific_lost: ``1.23457E+11`` stands for
    a thousand codes, and the same text in the assessments would match it)."""
    problems = []
    problems += row_problems(
        frame,
        bad_code,
        "control-character",
        lambda r: (
            f"commune code {quoted(shown(r['code']))} holds a control, bidi or invisible character "
            "(shown as <U+…>); the row was left out"
        ),
        "retype the code (codes keep their leading zeros)",
        field="code",
        params=lambda r: {"what": "commune_code", "text": quoted(shown(r["code"]))},
    )
    problems += row_problems(
        frame,
        date_code,
        "code-as-date",
        lambda r: (
            f"commune code {quoted(r['code'])} is a date: the column is formatted as a date in Excel, which turns"
            " a code typed into it into a date (00001 into 01/01/1900)"
        ),
        "format the column as Text in Excel (Format Cells, Text) and type the codes again: the date no longer says"
        " which code was typed",
        field="code",
        params=lambda r: {"what": "commune_code", "text": quoted(r["code"])},
    )
    problems += row_problems(
        frame,
        lost_code,
        "code-as-scientific",
        lambda r: (
            f"commune code {quoted(r['code'])} is in scientific notation (Excel rounds a long code in a number"
            " column): the code typed is lost"
        ),
        CODE_AS_SCIENTIFIC_HINT,
        field="code",
        params=lambda r: {"what": "commune_code", "text": quoted(r["code"]), "row_values": ""},
    )
    return problems


def _register_problems(
    frame: pl.DataFrame,
    no_code: pl.Expr,
    bad_code: pl.Expr,
    repeated: pl.Expr,
    date_code: pl.Expr,
    lost_code: pl.Expr,
) -> tuple[list[Problem], list[Problem]]:
    """The register rows left out (errors) and the rows kept that need checking (warnings)."""
    first_row = pl.col(ROW).first().over("code").alias("_first")
    problems = row_problems(
        frame, no_code, "missing-code", lambda r: "the row has no commune code; it was left out", "fill in the code"
    )
    problems += _code_problems(frame, bad_code, date_code, lost_code)
    problems += row_problems(
        frame.with_columns(first_row),
        repeated & ~bad_code & ~date_code & ~lost_code,
        "duplicate-commune",
        lambda r: (
            f"commune code {quoted(r['code'])} is listed again (first in row {r['_first']}); this row was left out"
        ),
        "each unit appears once; merged units get a new code",
        params=lambda r: {"code": quoted(r["code"]), "first": r["_first"]},
    )
    written = pl.col("_ranked_text")
    problems += row_problems(
        frame,
        (written.str.strip_chars().fill_null("") != "") & _ranked(written).is_null() & ~no_code,
        "register-ranked-unread",
        lambda r: (
            f"ranked {quoted(r['_ranked_text'])} is neither yes nor no (có / không); the unit is ranked, as when "
            "the cell is empty"
        ),
        "write có (ranked) or không (not ranked)",
        field="ranked",
        params=lambda r: {"value": quoted(r["_ranked_text"])},
    )
    warnings = row_problems(
        frame,
        pl.col("name").is_null() & ~no_code,
        "missing-name",
        lambda r: "the row has no name; the code is used as its name",
        "fill in the name",
    )
    warnings += row_problems(
        frame,
        pl.col("type").is_not_null() & pl.col("unit_type").is_null(),
        "unknown-unit-type",
        lambda r: (
            f"type {quoted(r['type'])} is not one of xã, phường, thị trấn, đặc khu; items limited to some unit "
            "types are excluded for this unit"
        ),
        "write xã, phường, thị trấn or đặc khu (or commune, ward, township, special zone)",
        params=lambda r: {"type": quoted(r["type"])},
    )
    warnings += row_problems(
        frame,
        _type_of_name().is_not_null() & pl.col("unit_type").is_not_null() & (_type_of_name() != pl.col("unit_type")),
        "unit-type-differs-from-name",
        lambda r: (
            f"the unit is named {quoted(r['name'])}, but its type is {quoted(r['type'])}: the items limited to some"
            " unit types are chosen by the type"
        ),
        "correct the type, or the name: a Phường is a ward (phường), a Xã a commune (xã)",
        field="type",
        params=lambda r: {"name": quoted(r["name"]), "type": quoted(r["type"])},
    )
    return problems, warnings


def _type_of_name() -> pl.Expr:
    """The unit type a unit's name begins with (``Phường Hồng Cẩm``: ward), or null."""
    name = pl.col("name").str.normalize("NFC").str.strip_chars().str.to_lowercase()
    word = name.str.extract(r"^(xã|phường|thị trấn|đặc khu|x\.|p\.|tt\.|đk\.)\s*", 1)
    return word.replace_strict(UNIT_TYPES, default=None, return_dtype=pl.String)


def _look_alike_codes(kept: pl.DataFrame) -> list[Problem]:
    """A warning on each unit whose code differs from an earlier unit's only by leading zeros or
    by full-width digits (``1`` and ``00001``, ``００００1``): as text they are two units, and the
    second is listed as one that sent nothing, which is most often a code retyped by Excel."""
    alike = pl.col("code").str.normalize("NFKC").str.strip_chars().str.strip_chars_start("0")
    frame = kept.with_columns(
        alike.replace("", "0").alias("_alike"),
    ).with_columns(
        pl.col("code").first().over("_alike").alias("_first"),
        pl.col(ROW).first().over("_alike").alias("_first_row"),
    )
    return row_problems(
        frame,
        pl.col("code") != pl.col("_first"),
        "look-alike-code",
        lambda r: (
            f"commune code {quoted(r['code'])} differs from {quoted(r['_first'])} (row {r['_first_row']}) only by "
            "leading zeros or full-width digits; both are kept as two units"
        ),
        "check the code: codes keep their leading zeros (00001), and a number Excel retyped loses them",
        field="code",
        params=lambda r: {"code": quoted(r["code"]), "first": quoted(r["_first"]), "first_row": r["_first_row"]},
    )


def _name_twice(kept: pl.DataFrame) -> list[Problem]:
    """A warning on each unit listed again under another code with the name of an earlier unit of
    the same district and province (compared whatever the letter case, the spaces, the place of
    a tone mark and i or y, a shortened type word, :func:`.tones.alike_name`): one unit under
    two codes (a row copied and its code retyped) was scored and ranked as two, the copy as one
    that sent nothing, without a word (session 22). Codes differing only by leading zeros are
    look-alike-code's. The district and province are compared as ranking compares a group's name
    (:func:`.tones.alike_name`): until session 35 only their case was, and a copy whose district
    was written «Huyện Thủy Nguyên» for «Huyện Thuỷ Nguyên», «H. Thuỷ Nguyên», with a space at its
    end or a look-alike letter was ranked in the same group as the first row, as a unit that sent
    nothing, without a word."""
    where = [c for c in ("province", "district") if c in kept.columns]
    key = [alike_name(pl.col(c).cast(pl.String)).alias(c) for c in ("name", *where)]
    frame = kept.with_columns(pl.struct(key).alias("_unit")).with_columns(
        pl.col("code").first().over("_unit").alias("_first"),
        pl.col(ROW).first().over("_unit").alias("_first_row"),
    )
    alike = pl.col("code").str.normalize("NFKC").str.strip_chars_start("0")
    differ = alike != pl.col("_first").str.normalize("NFKC").str.strip_chars_start("0")
    return row_problems(
        frame,
        (pl.col("name") != pl.col("code")) & (pl.col("code") != pl.col("_first")) & differ,
        "register-name-twice",
        lambda r: (
            f"{quoted(r['name'])} is listed again under code {quoted(r['code'])}, in the same district and province "
            f"as code {quoted(r['_first'])} (row {r['_first_row']}): the two codes are scored and ranked as two units"
        ),
        "keep one row per unit: delete the repeat, or correct its name or code",
        field="name",
        params=lambda r: {
            "unit": quoted(r["name"]),
            "code": quoted(r["code"]),
            "first": quoted(r["_first"]),
            "first_row": r["_first_row"],
        },
    )


def _codes_as_numbers(kept: pl.DataFrame) -> list[Problem]:
    """A warning on each unit whose code is written as a number with decimals (``1.0``,
    ``00001.0``, ``1,0``: a register exported from a number column by Excel or pandas). The code
    is kept as written, never rewritten into the code it likely was: the assessments' codes that
    equal it as a number are each told it (intake.nearest, ``float_register``)."""
    return row_problems(
        kept,
        pl.col("code").str.contains(FLOAT_CODE),
        "register-code-as-number",
        lambda r: (
            f"commune code {quoted(r['code'])} is written as a number with decimals (a table exported from a number "
            "column, by Excel or pandas, writes 00001 as 1.0); it is kept as written, and matches only a code "
            "written the same way"
        ),
        "format the code column as text and write the codes as the official list does, with their leading zeros "
        "(00001)",
        field="code",
        params=lambda r: {"code": quoted(r["code"])},
    )


def _codes_in_scientific_notation(kept: pl.DataFrame) -> list[Problem]:
    """A warning on each unit whose code is written in scientific notation showing every digit
    (values.scientific_number: ``1.00E+00``, ``1,2345E+04``), as ``register-code-as-number`` is:
    kept as written, and the assessments' codes equal to it as a number are each told it
    (intake.nearest, ``scientific_register``). One whose digits were lost was left out."""
    return row_problems(
        kept,
        scientific_number(pl.col("code")).is_not_null(),
        "register-code-scientific",
        lambda r: (
            f"commune code {quoted(r['code'])} is written in scientific notation (Excel shows a long code of a column"
            " of numbers so); it is kept as written, and matches only a code written the same way"
        ),
        "format the code column as Text in Excel and write the codes as the official list does, with their leading"
        " zeros (00001)",
        field="code",
        params=lambda r: {"code": quoted(r["code"])},
    )


def _code_names_message(level: str) -> Callable[[dict[str, Any]], str]:
    def message(r: dict[str, Any]) -> str:
        return (
            f"{level}_code {quoted(r[f'{level}_code'])} is named {quoted(r[level])} here and "
            f"{quoted(r['_first_name'])} in row {r['_first_row']}; the units are ranked together, as the code says"
        )

    return message


def _code_names_params(level: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def params(r: dict[str, Any]) -> dict[str, Any]:
        return {
            "code": quoted(r[f"{level}_code"]),
            "name": quoted(r[level]),
            "first_name": quoted(r["_first_name"]),
            "first_row": r["_first_row"],
        }

    return params


def _level_code_warnings(kept: pl.DataFrame) -> list[Problem]:
    """Rows whose district (or province) name differs from the name of the same ``district_code``
    higher up: groups follow the code, so the group is labelled with the first name."""
    warnings: list[Problem] = []
    for level in ("district", "province"):
        code = f"{level}_code"
        if code not in kept.columns:
            continue
        has_code = pl.col(code).is_not_null()
        first = kept.with_columns(
            pl.col(level).first().over(code).alias("_first_name"),
            pl.col(ROW).first().over(code).alias("_first_row"),
        )
        warnings += row_problems(
            first,
            has_code & pl.col(level).ne_missing(pl.col("_first_name")),
            "level-code-names",
            _code_names_message(level),
            f"write one name for each {code}, or correct the code",
            field=level,
            params=_code_names_params(level),
        )
    return warnings


def register_from_codes(codes: list[str]) -> Register:
    """A minimal register when none is given: codes only, no type, one group."""
    frame = pl.DataFrame(
        {
            "code": sorted(set(codes)),
        },
        schema={"code": pl.String},
    ).with_columns(
        name=pl.col("code"),
        unit_type=pl.lit(None, dtype=pl.String),
        district=pl.lit(None, dtype=pl.String),
        province=pl.lit(None, dtype=pl.String),
        ranked=pl.lit(True),
        **{
            FILE: pl.lit(None, dtype=pl.String),
            SHEET: pl.lit(None, dtype=pl.String),
            ROW: pl.lit(None, dtype=pl.Int64),
        },
    )
    return Register(frame=frame, problems=[], source=None)


def untyped_unit_problems(register: Register, limited: list[str]) -> list[Problem]:
    """Warnings on the units of a register that have no type, when the set limits items to some
    types (``limited``, their ids): those items are excluded for a unit of no type, its values
    for them not scored, and its maximum made without them. Until the twentieth session nothing
    said so (a register of unknown types had its warning, a register of empty ones none). A
    register that types no unit at all (no type column, or an empty one) gets one warning at the
    file; otherwise each row without a type gets its own. No register (source None): the
    ``no-register`` warning says it."""
    frame = register.frame
    if not limited or register.source is None or frame.height == 0:
        return []
    items = ", ".join(limited[:6]) + (", …" if len(limited) > 6 else "")
    # The type the unit's name begins with («Phường Tân Lộc»), named rather than taken: the type
    # column decides the items, as when it differs from the name (unit-type-differs-from-name).
    named = _type_of_name().replace_strict(TYPE_WORDS, default=None) if "name" in frame.columns else pl.lit(None)
    untyped = frame.filter(pl.col("unit_type").is_null()).with_columns(named.cast(pl.String).alias("_named"))
    if untyped.height == 0:
        return []
    hint = "write each unit's type in the register's type column: xã, phường, thị trấn or đặc khu"
    warned = {p.row for p in register.warnings if p.code == "unknown-unit-type"}
    if untyped.height == frame.height and not warned:
        return [
            Problem(
                "register-without-types",
                f"the register gives no unit's type (its type column is missing or empty): items {items}"
                " apply only to some unit types and are excluded for every unit",
                file=register.source,
                hint=hint,
                params={"items": items},
            )
        ]
    return row_problems(
        untyped.filter(~pl.col(ROW).is_in(list(warned))),
        pl.lit(True),
        "missing-unit-type",
        lambda r: (
            f"the unit has no type: items {items} apply only to some unit types and are excluded for it" + _name_says(r)
        ),
        hint,
        field="type",
        params=lambda r: {"items": items, "name_says": "yes" if r["_named"] else "", "type_word": r["_named"]},
    )


def _name_says(row: dict[str, object]) -> str:
    """The English words of ``name_says`` (messages.labels) for a row whose name gives a type."""
    word = row["_named"]
    return "" if not word else f"; its name begins with the type {word}: if it is one, write {word} in the type column"
