"""The workbook's zip package measured before calamine opens it: its directory, its sheets as
calamine finds them, its styles and shared strings."""

from __future__ import annotations

import collections
import contextlib
import io
import posixpath
import re
import struct
import zipfile
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from pari_index.errors import Problem, unreadable_file
from pari_index.intake.xlsx.budget import _Budget, _inflate_the_rest, _stream
from pari_index.intake.xlsx.legacy_scan import CFB_SIGNATURE, scan_xls, scan_xlsb
from pari_index.intake.xlsx.limits import (
    _DAMAGED_HINT,
    MAX_CELL_CHARS,
    MAX_PART_BYTES,
    MAX_XLSX_MEMBERS,
    RATIO_ALLOWANCE_BYTES,
    XlsxLimits,
    _quote,
    _Refused,
)
from pari_index.intake.xlsx.ods_scan import _scan_ods
from pari_index.intake.xlsx.sheet_cells import _SheetCells, with_state
from pari_index.intake.xlsx.sheet_scan import _scan_sheet_member
from pari_index.intake.xlsx.xml_patterns import (
    _NS_MAIN,
    _SHARED_ITEM,
    _SHARED_ITEM_END,
    _last_match,
    _parts,
    _text_chars,
)
from pari_index.system.archives import ZIP_READ_ERRORS, zip_archive

#: The zip methods of a workbook: stored and deflated. Another (bzip2 and LZMA, which Python's zip
#: reads but calamine does not: "Cannot detect file format"; Deflate64, which neither reads) is
#: refused by name before anything is inflated.
_EXCEL_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "Deflate64", 6: "Implode", 93: "Zstandard"}


def _check_package(package: zipfile.ZipFile, file: str, limits: XlsxLimits) -> None:
    """Limits read from the zip directory, before anything is inflated."""
    infos = package.infolist()
    archive = zip_archive(infos, file)  # a zip of CSV files, not a workbook: told so, not measured
    if archive is not None:
        raise _Refused(archive)

    def refuse(code: str, message: str, hint: str, params: dict[str, object] | None = None) -> _Refused:
        return _Refused(Problem(code, message, file=file, hint=hint, params=params))

    if len(infos) > MAX_XLSX_MEMBERS:
        raise refuse(
            "xlsx-too-many-parts",
            f"the package holds {len(infos):,} parts (at most {MAX_XLSX_MEMBERS:,} are read)",
            "open it in Excel and save it again, or export CSV (UTF-8)",
            {"parts": len(infos), "limit": MAX_XLSX_MEMBERS},
        )
    counts = collections.Counter(info.filename for info in infos)
    if len(counts) != len(infos):
        duplicated = next(name for name, count in counts.items() if count > 1)
        raise refuse(
            "xlsx-damaged",
            f"the package holds two parts named {_quote(duplicated)}",
            "open it in Excel and save it again, or export CSV (UTF-8)",
            {"damage": "two_parts", "part": _quote(duplicated)},
        )
    foreign = next((info for info in infos if info.compress_type not in _EXCEL_METHODS), None)
    if foreign is not None:
        method = _METHOD_NAMES.get(foreign.compress_type, f"zip method {foreign.compress_type}")
        raise refuse(
            "xlsx-damaged",
            f"the part {_quote(foreign.filename)} is compressed with {method}, which Excel never writes "
            "and which cannot be read",
            _DAMAGED_HINT,
            {"damage": "compression", "part": _quote(foreign.filename), "method": method},
        )
    _check_ratio(infos, file, limits)
    total = sum(info.file_size for info in infos)
    if total > limits.total_bytes:
        raise refuse(
            "xlsx-too-large",
            f"the workbook inflates to {total:,} bytes (at most {limits.total_bytes:,} are read)",
            "split the workbook, or raise PARI_MAX_XLSX_BYTES if it is genuine",
            {"xlsx_size": "directory", "size": total, "limit": limits.total_bytes},
        )


def _check_ratio(infos: list[zipfile.ZipInfo], file: str, limits: XlsxLimits) -> None:
    """Parts that inflate more than the ratio are refused once they hold more than the allowance
    together: a bomb's cost is the bytes it inflates to, and a genuine part of repeated text may
    shrink 124 times (pari's own results of 30,000-digit ids) yet hold only 17 MB."""
    over = [info for info in infos if info.file_size > limits.ratio * max(info.compress_size, 1)]
    if sum(info.file_size for info in over) <= RATIO_ALLOWANCE_BYTES:
        return
    worst = max(over, key=lambda info: info.file_size)
    times = worst.file_size // max(worst.compress_size, 1)
    raise _Refused(
        Problem(
            "xlsx-compression-ratio",
            f"the part {_quote(worst.filename)} inflates {times:,} times "
            f"(from {worst.compress_size:,} to {worst.file_size:,} bytes; at most {limits.ratio} times is read "
            f"beyond {RATIO_ALLOWANCE_BYTES:,} bytes)",
            file=file,
            hint="this is what a zip bomb looks like; if the file is genuine, raise PARI_MAX_XLSX_RATIO",
            params={
                "part": _quote(worst.filename),
                "times": times,
                "compressed": worst.compress_size,
                "size": worst.file_size,
                "limit": limits.ratio,
                "allowance": RATIO_ALLOWANCE_BYTES,
            },
        )
    )


def _member(package: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    """The part calamine opens for ``name``: matched without regard to case, as it does."""
    wanted = name.lower()
    for info in package.infolist():
        if info.filename.lower() == wanted:
            return info
    return None


def _read_part(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """A small part (workbook, relationships, styles) read whole, within MAX_PART_BYTES."""
    parts: list[bytes] = []
    size = 0
    for chunk in _stream(package, info, budget):
        size += len(chunk)
        if size > MAX_PART_BYTES:
            raise _Refused(
                Problem(
                    "xlsx-too-large",
                    f"the part {_quote(info.filename)} is over {MAX_PART_BYTES:,} bytes",
                    file=budget.file,
                    hint="open it in Excel and save it again, or export CSV (UTF-8)",
                    params={"xlsx_size": "part", "part": _quote(info.filename), "limit": MAX_PART_BYTES},
                )
            )
        parts.append(chunk)
    return b"".join(parts)


def _sheet_members(package: zipfile.ZipFile, budget: _Budget) -> list[tuple[str, zipfile.ZipInfo, str]]:
    """(sheet name, part, state) for each sheet of the workbook, found as calamine finds them;
    the state in fastexcel's words (:data:`_SHEET_STATES`)."""
    workbook_info = _member(package, "xl/workbook.xml")
    rels_info = _member(package, "xl/_rels/workbook.xml.rels")
    if workbook_info is None or rels_info is None:
        return []
    workbook = ElementTree.fromstring(_read_part(package, workbook_info, budget))
    rels = ElementTree.fromstring(_read_part(package, rels_info, budget))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter() if r.tag.endswith("Relationship")}
    found: list[tuple[str, zipfile.ZipInfo, str]] = []
    for sheet in workbook.iter():
        if not sheet.tag.endswith("}sheet") and sheet.tag != "sheet":
            continue
        # r:id in the transitional or the strict relationships namespace (calamine reads either)
        rel_id = next((value for key, value in sheet.attrib.items() if key.endswith("}id")), None)
        target = targets.get(rel_id, "")
        # calamine: "/xl/..." and "xl/..." are taken as they are, anything else is under xl/.
        member = target[1:] if target.startswith("/xl/") else target if target.startswith("xl/") else "xl/" + target
        info = _member(package, member) or _member(package, posixpath.normpath(member))
        if info is not None:
            found.append((sheet.get("name", ""), info, _SHEET_STATES.get(sheet.get("state", ""), "visible")))
    return found


#: The hidden states a workbook.xml's ``<sheet state>`` may give (as calamine reads them), in
#: fastexcel's words; any other is visible. Known before calamine loads the sheet, which it did
#: whole only to learn the sheet was hidden (a hidden sheet over a register's row limit refused
#: its whole workbook, session 40).
_SHEET_STATES = {"hidden": "hidden", "veryHidden": "veryhidden"}


def _style_formats(styles_xml: bytes) -> tuple[set[int], dict[int, int]]:
    """Indexes of the cell styles (cellXfs) whose number format shows a percentage, and of those
    whose number format pads a whole number with zeros (``00000``: 1 shown 00001, a code's leading
    zeros kept on screen, not in the cell), with the width they pad to. One streamed pass, each
    element let go once read: the styles were parsed whole twice, and a 1.6 MB workbook of 300,000
    cell styles (29 MB of styles.xml, within MAX_PART_BYTES) spent 2.8 CPU s there (limits26)."""
    percent_ids = set(_BUILTIN_PERCENT_FORMATS)
    widths: dict[int, int] = {}
    formats: list[str] = []  # each cell style's numFmtId, as written
    depth, in_xfs, seen_xfs = 0, False, False
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(styles_xml), events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 2 and element.tag == f"{_NS_MAIN}cellXfs" and not seen_xfs:
                    in_xfs = seen_xfs = True  # the first cellXfs under the root, as find() took it
                continue
            depth -= 1
            if element.tag == f"{_NS_MAIN}numFmt":
                _number_format(element, percent_ids, widths)
            elif in_xfs and depth == 2 and element.tag == f"{_NS_MAIN}xf":
                formats.append(element.get("numFmtId", "0"))
            elif depth == 1 and element.tag == f"{_NS_MAIN}cellXfs":
                in_xfs = False
            if depth <= 2:
                element.clear()
    except ElementTree.ParseError:
        return set(), {}
    percent: set[int] = set()
    padded: dict[int, int] = {}
    for i, written in enumerate(formats):
        with contextlib.suppress(ValueError):
            number = int(written)
            if number in percent_ids:
                percent.add(i)
            if number in widths:
                padded[i] = widths[number]
    return percent, padded


def _number_format(element: ElementTree.Element, percent_ids: set[int], widths: dict[int, int]) -> None:
    """A ``numFmt`` of the styles: its id among ``percent_ids`` when it shows a percentage (a %
    outside quotes, which is text), in ``widths`` when it pads a whole number with zeros."""
    code = element.get("formatCode", "")
    with contextlib.suppress(ValueError):
        if "%" in re.sub(r'"[^"]*"|\\.', "", code):
            percent_ids.add(int(element.get("numFmtId", "-1")))
    padding = code.replace("\\", "").replace('"', "")
    if re.fullmatch(r"0{2,20}", padding):
        with contextlib.suppress(ValueError):
            widths[int(element.get("numFmtId", "-1"))] = len(padding)


#: Excel's built-in percent number formats (0% and 0.00%).
_BUILTIN_PERCENT_FORMATS = {9, 10}


#: The ``uniqueCount`` a sharedStrings.xml declares on its root: calamine reserves room for that
#: many strings before reading one (24 bytes each), so ``uniqueCount="4000000000"`` in a 1 KB
#: workbook made it ask for 96 GB and abort (signal 6, a Rust backtrace on the console).
_DECLARED_STRINGS = re.compile(rb"<(?:[A-Za-z0-9_.-]{1,40}:)?sst\b[^>]*?\buniqueCount\s*=\s*[\"']\s*\+?([0-9]{1,30})")


def _refuse_strings(budget: _Budget, message: str) -> _Refused:
    return _Refused(
        Problem(
            "too-many-strings",
            message,
            file=budget.file,
            hint="split the workbook, or raise PARI_MAX_XLSX_STRINGS if it is genuine",
            params={"limit": budget.limits.strings},
        )
    )


def _scan_shared_strings(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> None:
    """The shared strings calamine loads whole: their number (declared and found), each one's
    length, their bytes."""
    count = 0
    for part in _parts(_stream(package, info, budget), _SHARED_ITEM_END, budget.file, "sharedStrings.xml"):
        declared = _DECLARED_STRINGS.search(part) if not count else None
        if declared is not None and int(declared.group(1)) > budget.limits.strings:
            raise _refuse_strings(
                budget,
                f"sharedStrings.xml declares {int(declared.group(1)):,} strings, more than {budget.limits.strings:,}",
            )
        budget.spend_text(len(part), "shared_strings")
        segments = _SHARED_ITEM_END.split(part)
        if max(map(len, segments)) > MAX_CELL_CHARS:
            for index, segment in enumerate(segments):
                item = _last_match(_SHARED_ITEM, segment)
                if item is not None and len(segment) > MAX_CELL_CHARS:
                    chars = _text_chars(segment[item.start() :])
                    if chars > MAX_CELL_CHARS:
                        raise _Refused(
                            Problem(
                                "cell-too-long",
                                f"shared string {count + index + 1:,} holds {chars:,} characters "
                                f"(Excel's limit is {MAX_CELL_CHARS:,})",
                                file=budget.file,
                                hint="this file was not written by Excel; shorten the text or export CSV (UTF-8)",
                                params={
                                    "long_cell": "shared",
                                    "index": count + index + 1,
                                    "chars": chars,
                                    "limit": MAX_CELL_CHARS,
                                },
                            )
                        )
        count += len(_SHARED_ITEM.findall(part))
        if count > budget.limits.strings:
            raise _refuse_strings(budget, f"sharedStrings.xml holds more than {budget.limits.strings:,} strings")


def _scan_workbook(package: zipfile.ZipFile, budget: _Budget) -> dict[str, _SheetCells]:
    """Every part calamine will read, measured: sheets, shared strings, styles."""
    sheets = _sheet_members(package, budget)
    _check_sheet_count(len(sheets), budget)
    styles = _member(package, "xl/styles.xml")
    styles_xml = _read_part(package, styles, budget) if styles is not None else None
    percent_styles, padded_styles = _style_formats(styles_xml) if styles_xml is not None else (set(), {})
    for shared in package.infolist():  # calamine matches the name without regard to case
        if shared.filename.lower() == "xl/sharedstrings.xml":
            _scan_shared_strings(package, shared, budget)
    found: dict[str, _SheetCells] = {}
    scanned: dict[str, _SheetCells] = {}
    built = 0
    for name, info, state in sheets:
        if info.filename not in scanned:
            scanned[info.filename] = _scan_sheet_member(package, info, name, budget, percent_styles, padded_styles)
        found[name] = with_state(scanned[info.filename], state)
        built += _cells_built(scanned[info.filename])
        _check_workbook_cells(built, name, budget)
    if found and _calculated_on_load(package, budget):
        for cells in found.values():
            cells.calculated_on_load = True
    # Sheet parts the workbook does not list are measured too, in case calamine finds one that
    # this scan did not resolve.
    for info in package.infolist():
        lower = info.filename.lower()
        if lower.startswith("xl/worksheets/") and lower.endswith(".xml") and info.filename not in scanned:
            scanned[info.filename] = _scan_sheet_member(
                package, info, info.filename, budget, percent_styles, padded_styles
            )
    return found


#: The workbook's calculation properties asking for every formula to be calculated on opening.
_CALCULATED_ON_LOAD = re.compile(rb"<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad=[\"'](?:1|true)[\"']")


def _calculated_on_load(package: zipfile.ZipFile, budget: _Budget) -> bool:
    """Whether the workbook asks to be calculated again when opened (``fullCalcOnLoad``): a
    program wrote it (xlsxwriter, openpyxl), not a spreadsheet that calculated its formulas."""
    workbook_info = _member(package, "xl/workbook.xml")
    return workbook_info is not None and bool(_CALCULATED_ON_LOAD.search(_read_part(package, workbook_info, budget)))


def _check_sheet_count(count: int, budget: _Budget) -> None:
    if count > budget.limits.sheets:
        raise _Refused(
            Problem(
                "xlsx-too-many-sheets",
                f"the workbook lists {count:,} sheets (at most {budget.limits.sheets:,} are read)",
                file=budget.file,
                hint="split the workbook, or raise PARI_MAX_XLSX_SHEETS if it is genuine",
                params={"count": count, "limit": budget.limits.sheets},
            )
        )


def _cells_built(cells: _SheetCells) -> int:
    """Cells calamine holds to read a sheet once (its grid, or every cell tag if more), twice when
    its numbers are read again as floats (_SheetCells.fine_numbers)."""
    return max(cells.grid_cells, cells.cells) * (2 if cells.fine_numbers else 1)


def _check_workbook_cells(built: int, sheet: str, budget: _Budget) -> None:
    """The cells of all sheets together, each counted as often as the workbook lists it: one
    part listed by a thousand sheets is read a thousand times, though it is measured once."""
    if built > budget.limits.cells:
        raise _Refused(
            Problem(
                "xlsx-too-many-cells",
                f"reading the workbook's sheets would build more than {budget.limits.cells:,} cells in all "
                f"(at sheet {_quote(sheet)}; a sheet counts each time the workbook lists it)",
                file=budget.file,
                sheet=sheet,
                hint="split the workbook, or raise PARI_MAX_XLSX_CELLS if it is genuine",
                params={"limit": budget.limits.cells},
            )
        )


def _prescan_xls(path: Path | BinaryIO, file: str, limits: XlsxLimits) -> dict[str, _SheetCells]:
    """An OLE compound file (an .xls) measured by legacy_scan; any other file is left to calamine,
    which refuses it."""
    try:
        source = open(path, "rb") if isinstance(path, Path) else path  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _Refused(unreadable_file(exc, file)) from None
    try:
        source.seek(0)
        if source.read(8) != CFB_SIGNATURE:
            return {}
        source.seek(0)
        return scan_xls(source, _Budget(file, limits))
    except (struct.error, IndexError, ValueError) as exc:
        reason = _quote(str(exc))
        raise _Refused(
            Problem(
                "xlsx-damaged",
                f"the package cannot be read ({type(exc).__name__}: {reason})",
                file=file,
                hint=_DAMAGED_HINT,
                params={"damage": "package", "error": type(exc).__name__, "reason": reason},
            )
        ) from None
    except OSError as exc:  # refused while read (an I/O error: /proc/self/mem, a failing disk)
        raise _Refused(unreadable_file(exc, file)) from None
    finally:
        if isinstance(path, Path):
            source.close()


def _prescan(path: Path | BinaryIO, file: str, limits: XlsxLimits) -> dict[str, _SheetCells]:
    """Measure a workbook before calamine opens it; raises _Refused over a limit. A file that is
    not a zip package (.xls) is left to calamine; the cells of an .ods are counted (ods_scan)."""
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return _prescan_xls(path, file, limits)
    except OSError as exc:
        raise _Refused(unreadable_file(exc, file)) from None
    params: dict[str, object]
    with package:
        try:
            _check_package(package, file, limits)
            budget = _Budget(file, limits)
            found = _scan_workbook(package, budget) if _member(package, "xl/workbook.xml") else {}
            if not found and _member(package, "xl/workbook.bin") is not None:
                found = scan_xlsb(package, budget)  # an .xlsb: its binary sheets
            content = _member(package, "content.xml")
            if content is not None and not found:
                found = _scan_ods(package, content, budget)  # an OpenDocument spreadsheet: repeated cells
            _inflate_the_rest(package, budget)  # for .xlsb, only the package limits apply
            return found
        except ZIP_READ_ERRORS as exc:
            message = f"the package cannot be read ({type(exc).__name__}: {_quote(str(exc))})"
            params = {"damage": "package", "error": type(exc).__name__, "reason": _quote(str(exc))}
        except ElementTree.ParseError as exc:
            message = f"the workbook's XML cannot be read ({_quote(str(exc))})"
            line, column = exc.position
            error = str(exc).removesuffix(f": line {line}, column {column}")  # expat's own English words
            params = {"damage": "xml", "xml_error": _quote(error), "xml_line": line, "xml_column": column}
        except OSError as exc:
            message = f"cannot read the file: {exc.strerror}"
            params = {"damage": "os", "reason": str(exc.strerror)}
    raise _Refused(Problem("xlsx-damaged", message, file=file, hint=_DAMAGED_HINT, params=params))
