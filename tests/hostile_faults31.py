"""Faults of the thirty-first session's helper faults31: an option left without its path that
click told by what it took away, and a cache folder of another program taken as pari's because it
holds a CACHEDIR.TAG. Each was run with the real ``pari`` on 6c4cca8 (before) and after the fix
(the example province, 60 communes):

- ``pari score … --report -o ket-qua.xlsx`` (the report's name left out, so that ``--report``
  took ``-o`` as its path): exit 2 with click's "Lỗi: Thiếu tuỳ chọn '-o' / '--output'" /
  "Error: Missing option '-o' / '--output'" under click's usage lines (0.3 s), of an ``-o`` the
  user gave; so ``pari template --communes -o mau.xlsx``. ``pari template -o --lang en`` (and
  ``pari criteria export SET -o --lang en``, ``pari report RESULTS -o --lang en``): "Got
  unexpected extra argument (en)", in English whatever the language (``-o --lang vi``: "Lỗi: Có
  một đối số thừa không dùng đến (vi)", of a value the user gave to ``--lang``). The rule that tells an
  option's name taken as a path (``path-is-option``, session 30) ran only once click had parsed
  the line, and click stopped first on what the missing path took away. Now PariCommand.parse_args
  applies that rule when click refuses the line, and the refusal is told as every refusal is
  (exit 2, ``path-is-option``, in the command's language).
- ``pari score … --cache khac`` where ``khac`` is another program's cache (its own
  ``CACHEDIR.TAG``, which starts with the same signature, and its files): exit 0 (1.3 s), pari's
  ``intake`` and ``communes`` folders written among that program's files, and the oldest entries
  of those folders removed on later runs, in a folder the cache was to leave alone. The tag's
  signature alone claimed the folder. Now only a tag that names pari-index claims it; another
  program's is "Cache: ignored khac (its CACHEDIR.TAG is another program's …)", nothing in it
  touched, the run scored as without a cache (exit 0, as every cache note).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CRITERIA = Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")
#: Another program's cache: its tag (the specification's signature, then its own words) and a file.
OTHER_TAG = "khac/CACHEDIR.TAG"
OTHER_FILE = "khac/du-lieu.bin"


def _score(folder: Path, *extra: str) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q", *extra]


def report_takes_the_output_option(folder: Path) -> list[str]:
    """``--report -o ket-qua.xlsx``: the report's name left out."""
    return _score(folder, "--report", "-o", "ket-qua.xlsx")


def template_register_takes_the_output_option(folder: Path) -> list[str]:
    shutil.copy(EXAMPLES / "communes.csv", folder / "communes.csv")
    return ["template", "--communes", "-o", "mau.xlsx"]


def template_output_takes_the_lang_option(folder: Path) -> list[str]:
    """``-o --lang vi``: the form's name left out, ``vi`` left over."""
    return ["template", "-o", "--lang", "vi"]


def annex_output_takes_the_lang_option(folder: Path) -> list[str]:
    shutil.copy(CRITERIA, folder / "bo.yaml")
    return ["criteria", "export", "bo.yaml", "-o", "--lang", "vi"]


def cache_of_another_program(folder: Path) -> list[str]:
    (folder / "khac").mkdir()
    (folder / OTHER_TAG).write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by cargo.\n",
        "ascii",
    )
    (folder / OTHER_FILE).write_bytes(b"\x00" * 64)
    return _score(folder, "-o", "ket-qua.xlsx", "--cache", "khac")


CASES: dict[str, Callable[[Path], list[str]]] = {
    "report-takes-the-output-option": report_takes_the_output_option,
    "template-register-takes-the-output-option": template_register_takes_the_output_option,
    "template-output-takes-the-lang-option": template_output_takes_the_lang_option,
    "annex-output-takes-the-lang-option": annex_output_takes_the_lang_option,
    "cache-of-another-program": cache_of_another_program,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "report-takes-the-output-option": (2, "path-is-option", _INPUTS),
    "template-register-takes-the-output-option": (2, "path-is-option", ("communes.csv",)),
    "template-output-takes-the-lang-option": (2, "path-is-option", ()),
    "annex-output-takes-the-lang-option": (2, "path-is-option", ("bo.yaml",)),
    "cache-of-another-program": (0, None, (*_INPUTS, OTHER_TAG, OTHER_FILE)),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "report-takes-the-output-option": ("ket-qua.xlsx", "-o"),
    "template-register-takes-the-output-option": ("mau.xlsx", "-o"),
    "template-output-takes-the-lang-option": ("--lang", "vi"),
    "annex-output-takes-the-lang-option": ("--lang", "vi"),
    "cache-of-another-program": ("khac/intake", "khac/communes", "khac/communes-changes", "khac/outputs"),
}
