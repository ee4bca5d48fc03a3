"""Hostile cases of the thirty-seventh session's helper paths37: path names an officer can give,
printed, parsed and read as the names they are. Each was run with the real ``pari`` on f7922a5
(before) and after the fix (the example province, 60 communes; the 2-core machine shared by six
agents, so times say little):

- A name holding a line feed or a terminal's escape sequence (a file from a zip or a Linux
  share: ``dg\\nZZ.csv``, a folder ``kq\\x1b]0;t\\x07\\nZZ``): every finding showed it as
  ``<U+000A>`` (errors.visible), but the lines pari prints outside a finding printed it as it is.
  ``pari score dg⏎ZZ.csv … --allow-incomplete`` (exit 1) ended with the banner in two lines,
  ``INCOMPLETE: dg`` / ``ZZ.csv could not be read and was left out``, the second a line that
  looks like pari's own; ``-o kq…/kq.xlsx`` printed ``writing kq…`` and ``Written: kq…`` with the
  escape sequence whole, which on a terminal retitles it (``ESC]0;…BEL``) or clears it
  (``ESC[2J``: ``script`` showed ``Written: d^[[2Jir/o.xlsx``); so ``pari template``, ``report``,
  ``demo-data`` (each file of the set), ``criteria export``, ``criteria import``, a cache note
  (``Cache: ignored kq…/c``) and ``pari template``'s "… and 10 more (see dv⏎ZZ.csv)" of a
  register's rows left out. click strips ANSI sequences only when its stream is no terminal, so
  a pipe hid it. Now every such line shows the name as a finding does (errors.shown_path: the
  progress lines, the written lines, the banner of files left out, the files of a demo set, the
  cache notes): ``Written: kq<U+001B>]0;t<U+0007><U+000A>ZZ/kq.xlsx``, one line.

- A file given as an argument whose name begins with a dash (``pari score -2025.csv``, ``pari
  validate -nhap.yaml``, ``pari report --kq.xlsx``, ``pari criteria import -phu-luc.xlsx``, ``pari
  diff -cu.yaml moi.yaml``; a clerk numbering files ``-2025``, a name pasted with a dash before
  it): click's "Error: No such option '-2'." under its usage lines (exit 2), naming neither the
  file, which is there, nor what to type. Now ``input-name-dash`` (exit 2, nothing read): "a name
  that begins with «-» is read as an option, not as a file", hint "write ./-2025.csv (or put --
  before the file names)" (cli_params.refuse_files_as_options, in PariCommand.parse_args for every
  command). A mistyped option (``--comunes``) keeps click's words and its "Did you mean"; an
  output so named was ``output-name-dash`` already (session 32), an option's value
  (``--communes -dv.csv``) is read as the file it names.

- A Windows path given on Linux or macOS (a command copied from a colleague's Windows notes, a
  path pasted from Explorer into WSL): ``--communes C:\\Users\\thu\\communes.csv``, ``pari score
  \\\\may-chu\\chung\\danh-gia.csv``: "file not found", hint "check the path" (exit 1, after the
  criteria were read); ``-o C:\\kq\\kq.xlsx``: "Windows does not allow «:» in a name"
  (``output-name-not-portable``, exit 4) of what was a Windows path; ``--communes
  C:/data/communes.csv`` (no such folder ``C:``) was shown as ``C://data/communes.csv``, the
  rule that restores a web address's ``//`` taking ``C:`` for a scheme. Now ``path-windows-form``
  (exit 2, before anything is read, for every path of every command and the library:
  errors.path_form): "a Windows path (it begins with C:), which names no file on this system",
  hint "under WSL drive C: is the folder /mnt/c …; a network share is read from the folder it is
  mounted on"; a file or folder really so named here (``C:communes.csv`` copied from a Windows
  disk) is read as the name it is.

Tried and already answered (no case here): one input under two names (``a.csv`` and
``./a.csv``, a hard link, a symbolic link: ``input-given-twice``), the evidence folder inside the
results folder (``output-contains-input``), names with ``#``, ``%``, ``&``, ``;``, brackets, an
emoji, a tab or only spaces (read), ``data\\communes.csv`` (``input-backslash``), an output whose
name differs from an input's in letter case alone (``output-case-twin``).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave; ``SHOWN`` the cases whose console must show every control character of
their names (tests/test_hostile_paths37.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, EXAMPLES, _examples

Case = Callable[[Path], list[str]]

#: A folder name holding a terminal's title sequence (ESC ] … BEL) and a line feed: what follows
#: the line feed, printed as it is, begins a line of its own.
CONTROL_FOLDER = "kq\x1b]0;t\x07\nZZ"
#: A file name holding a line feed.
CONTROL_FILE = "dg\nZZ.csv"
#: The text after the line feed in both: no line pari prints may begin with it.
FORGED = "ZZ"


def _folder(folder: Path) -> Path:
    made = folder / CONTROL_FOLDER
    made.mkdir(exist_ok=True)
    return made


def _score_args(folder: Path, *extra: str, first: str = "assessments_long.csv") -> list[str]:
    files = _examples(folder)
    return ["score", first, "--communes", files["communes"].name, "--survey", files["survey"].name, *extra]


def left_out_file_named_with_a_line_feed(folder: Path) -> list[str]:
    """A CSV that is no assessments (no commune column) named ``dg⏎ZZ.csv``, left out under
    --allow-incomplete: the banner names it."""
    (folder / CONTROL_FILE).write_text("x,y\n1,2\n", encoding="utf-8")
    return [*_score_args(folder, "--allow-incomplete", "-o", "out.xlsx", "-q"), CONTROL_FILE]


def results_into_a_folder_named_with_controls(folder: Path) -> list[str]:
    out = _folder(folder)
    return _score_args(folder, "-o", str(out / "kq.xlsx"), "--report", str(out / "bc.html"))


def template_into_a_folder_named_with_controls(folder: Path) -> list[str]:
    return ["template", "-o", str(_folder(folder) / "mau.xlsx")]


def demo_data_into_a_folder_named_with_controls(folder: Path) -> list[str]:
    return ["demo-data", "--communes", "3", "-o", str(_folder(folder) / "demo")]


def export_into_a_folder_named_with_controls(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "bo.yaml")
    return ["criteria", "export", "bo.yaml", "-o", str(_folder(folder) / "phu-luc.xlsx")]


def import_into_a_folder_named_with_controls(folder: Path) -> list[str]:
    shutil.copy(EXAMPLES / "annex" / "phu-luc-mau.xlsx", folder / "phu-luc.xlsx")
    return ["criteria", "import", "phu-luc.xlsx", "-o", str(_folder(folder) / "nhap.yaml")]


def report_into_a_folder_named_with_controls(folder: Path) -> list[str]:
    """Results scored first (in this process), then their report into the folder."""
    from click.testing import CliRunner

    from pari_index.cli import main

    files = _examples(folder)  # named whole: this process runs in another folder
    args = ["score", str(files["assessments_long"]), "--communes", str(files["communes"])]
    done = CliRunner().invoke(main, [*args, "--survey", str(files["survey"]), "-o", str(folder / "kq.xlsx"), "-q"])
    assert done.exit_code == 0, done.output
    return ["report", "kq.xlsx", "-o", str(_folder(folder) / "bc.html")]


def cache_named_with_controls_is_a_file(folder: Path) -> list[str]:
    """``--cache`` naming a file in the folder: the run goes on without it, and says so."""
    (_folder(folder) / "c").write_text("not a cache", encoding="utf-8")
    return _score_args(folder, "--cache", str(folder / CONTROL_FOLDER / "c"), "-o", "out.xlsx", "-q")


def template_register_named_with_a_line_feed(folder: Path) -> list[str]:
    """A register ``dv⏎ZZ.csv`` of the example's units and 60 rows without a code: the form is
    written, the first 50 rows left out told, then "… and 10 more (see the register)"."""
    lines = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
    gap = "," + lines[1].split(",", 1)[1]
    (folder / "dv\nZZ.csv").write_text("\n".join([*lines, *[gap] * 60]) + "\n", encoding="utf-8")
    return ["template", "--communes", "dv\nZZ.csv", "-o", "mau.xlsx"]


def _dashed(folder: Path, name: str, source: Path) -> Path:
    shutil.copy(source, folder / name)
    return folder / name


def assessments_named_with_a_dash(folder: Path) -> list[str]:
    _dashed(folder, "-2025.csv", EXAMPLES / "assessments_long.csv")
    return _score_args(folder, "-o", "out.xlsx", first="-2025.csv")


def criteria_named_with_a_dash_validated(folder: Path) -> list[str]:
    _dashed(folder, "-nhap.yaml", CRITERIA / "ha-noi-2025-commune.yaml")
    return ["validate", "-nhap.yaml"]


def results_named_with_two_dashes_reported(folder: Path) -> list[str]:
    _dashed(folder, "--kq.xlsx", EXAMPLES / "assessments_wide.xlsx")
    return ["report", "--kq.xlsx", "-o", "bc.html"]


def annex_named_with_a_dash_imported(folder: Path) -> list[str]:
    _dashed(folder, "-phu-luc.xlsx", EXAMPLES / "annex" / "phu-luc-mau.xlsx")
    return ["criteria", "import", "-phu-luc.xlsx", "-o", "nhap.yaml"]


def diff_of_a_set_named_with_a_dash(folder: Path) -> list[str]:
    _dashed(folder, "-cu.yaml", CRITERIA / "ha-noi-2025-commune.yaml")
    _dashed(folder, "moi.yaml", CRITERIA / "ha-noi-2025-commune.yaml")
    return ["diff", "-cu.yaml", "moi.yaml"]


def register_given_as_a_windows_drive_path(folder: Path) -> list[str]:
    args = _score_args(folder, "-o", "out.xlsx")
    args[args.index("--communes") + 1] = "C:\\Users\\thu\\communes.csv"
    return args


def register_given_as_a_windows_drive_path_with_slashes(folder: Path) -> list[str]:
    args = _score_args(folder, "-o", "out.xlsx")
    args[args.index("--communes") + 1] = "C:/data/communes.csv"
    return args


def assessments_on_a_windows_share(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", first="\\\\may-chu\\chung\\danh-gia.csv")


def results_to_a_windows_drive_path(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "C:\\kq\\kq.xlsx")


def template_to_a_windows_share(folder: Path) -> list[str]:
    return ["template", "-o", "\\\\may-chu\\chung\\mau.xlsx"]


def drive_relative_name_that_is_a_file_here(folder: Path) -> list[str]:
    """``C:communes.csv`` is a file of this folder (copied from a Windows disk): read."""
    _examples(folder)
    shutil.copy(folder / "communes.csv", folder / "C:communes.csv")
    args = _score_args(folder, "-o", "out.xlsx", "-q")
    args[args.index("--communes") + 1] = "C:communes.csv"
    return args


CASES: dict[str, Case] = {
    "left-out-file-named-with-a-line-feed": left_out_file_named_with_a_line_feed,
    "results-into-a-folder-named-with-controls": results_into_a_folder_named_with_controls,
    "template-into-a-folder-named-with-controls": template_into_a_folder_named_with_controls,
    "demo-data-into-a-folder-named-with-controls": demo_data_into_a_folder_named_with_controls,
    "export-into-a-folder-named-with-controls": export_into_a_folder_named_with_controls,
    "import-into-a-folder-named-with-controls": import_into_a_folder_named_with_controls,
    "report-into-a-folder-named-with-controls": report_into_a_folder_named_with_controls,
    "cache-named-with-controls-is-a-file": cache_named_with_controls_is_a_file,
    "template-register-named-with-a-line-feed": template_register_named_with_a_line_feed,
    "assessments-named-with-a-dash": assessments_named_with_a_dash,
    "criteria-named-with-a-dash-validated": criteria_named_with_a_dash_validated,
    "results-named-with-two-dashes-reported": results_named_with_two_dashes_reported,
    "annex-named-with-a-dash-imported": annex_named_with_a_dash_imported,
    "diff-of-a-set-named-with-a-dash": diff_of_a_set_named_with_a_dash,
    "register-given-as-a-windows-drive-path": register_given_as_a_windows_drive_path,
    "register-given-as-a-windows-drive-path-with-slashes": register_given_as_a_windows_drive_path_with_slashes,
    "assessments-on-a-windows-share": assessments_on_a_windows_share,
    "results-to-a-windows-drive-path": results_to_a_windows_drive_path,
    "template-to-a-windows-share": template_to_a_windows_share,
    "drive-relative-name-that-is-a-file-here": drive_relative_name_that_is_a_file_here,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "left-out-file-named-with-a-line-feed": (1, "missing-column", (CONTROL_FILE, "assessments_long.csv")),
    "results-into-a-folder-named-with-controls": (0, None, ("assessments_long.csv",)),
    "template-into-a-folder-named-with-controls": (0, None, ()),
    "demo-data-into-a-folder-named-with-controls": (0, None, ()),
    "export-into-a-folder-named-with-controls": (0, None, ("bo.yaml",)),
    "import-into-a-folder-named-with-controls": (0, None, ("phu-luc.xlsx",)),
    "report-into-a-folder-named-with-controls": (0, None, ("kq.xlsx",)),
    "cache-named-with-controls-is-a-file": (0, None, (f"{CONTROL_FOLDER}/c",)),
    "template-register-named-with-a-line-feed": (1, "missing-code", ("dv\nZZ.csv",)),
    "assessments-named-with-a-dash": (2, "input-name-dash", ("-2025.csv",)),
    "criteria-named-with-a-dash-validated": (2, "input-name-dash", ("-nhap.yaml",)),
    "results-named-with-two-dashes-reported": (2, "input-name-dash", ("--kq.xlsx",)),
    "annex-named-with-a-dash-imported": (2, "input-name-dash", ("-phu-luc.xlsx",)),
    "diff-of-a-set-named-with-a-dash": (2, "input-name-dash", ("-cu.yaml", "moi.yaml")),
    "register-given-as-a-windows-drive-path": (2, "path-windows-form", ("communes.csv",)),
    "register-given-as-a-windows-drive-path-with-slashes": (2, "path-windows-form", ("communes.csv",)),
    "assessments-on-a-windows-share": (2, "path-windows-form", ("assessments_long.csv",)),
    "results-to-a-windows-drive-path": (2, "path-windows-form", ("assessments_long.csv",)),
    "template-to-a-windows-share": (2, "path-windows-form", ()),
    "drive-relative-name-that-is-a-file-here": (0, None, ("C:communes.csv",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "assessments-named-with-a-dash": ("out.xlsx",),
    "results-named-with-two-dashes-reported": ("bc.html",),
    "annex-named-with-a-dash-imported": ("nhap.yaml",),
    "register-given-as-a-windows-drive-path": ("out.xlsx",),
    "register-given-as-a-windows-drive-path-with-slashes": ("out.xlsx",),
    "assessments-on-a-windows-share": ("out.xlsx",),
    "results-to-a-windows-drive-path": ("C:\\kq\\kq.xlsx", "C:", "out.xlsx"),
    "template-to-a-windows-share": ("\\\\may-chu\\chung\\mau.xlsx",),
}
#: The cases of ``pari criteria`` and ``pari diff``, whose words are the criteria authors'
#: (tests/language_leaks.py: a rule's kind in brackets after its words).
CRITERIA_CASES = sorted(
    name for name in CASES if CASES[name].__name__.startswith(("export", "import", "annex", "diff"))
)
#: The cases whose names hold control characters: what they print shows each as <U+XXXX>.
SHOWN = sorted(name for name in CASES if "controls" in name or "line-feed" in name)
