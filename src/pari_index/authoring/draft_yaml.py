"""Writing a draft set as YAML that reads like the bundled sets: ids quoted, numbers exact.

A draft is meant to be edited (every ``todo:`` resolved by hand), and ``pari criteria import`` run
again with the same ``-o`` would replace it. So the header records the SHA-256 of what follows it
as written (:data:`DIGEST_LINE`): :mod:`pari_index.outputs.ownership` replaces a draft only while
that still holds, and refuses (``output-edited``) once someone has worked on it."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

import yaml

from pari_index.criteria.method import number
from pari_index.outputs.names import shown_name

HEADER = {
    "vi": (
        "# Bản dự thảo bộ tiêu chí do `pari criteria import` lập từ {source}.\n"
        "# Kiểm tra từng mục với phụ lục; giải quyết mọi dòng `todo:` rồi chạy `pari validate`.\n"
    ),
    "en": (
        "# Draft criteria set written by `pari criteria import` from {source}.\n"
        "# Check every item against the annex; resolve each `todo:` line, then run `pari validate`.\n"
    ),
}
#: The header's last line: the SHA-256 of the text after it (UTF-8), as written. ownership reads
#: it by its 64 hexadecimal digits after "SHA-256" (tests/test_hostile_sweep8 checks they agree).
DIGEST_LINE = {
    "vi": "# SHA-256 của phần dưới đây khi lập: {digest} (đã sửa thì pari không ghi đè tệp này).\n",
    "en": "# SHA-256 of what follows, as written: {digest} (once it is edited, pari will not replace this file).\n",
}


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # equal edges ("from: 2, to: 2") written out, not as &id001 anchors


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = number(value, "en")
    tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
    return dumper.represent_scalar(tag, text)


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(dt.date, _date)
_Dumper.add_representer(str, _text)


def _one_line(name: str) -> str:
    """A file name fit for the header's comment: bytes that are not UTF-8 as ``\\xff`` and control
    characters escaped, since a line break in the name would end the comment and start YAML."""
    shown = shown_name(name)
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in shown)


def draft_yaml(document: dict[str, Any], source: str, lang: str = "vi") -> str:
    """The draft as YAML text with a short header saying what it is, what to do next, and the
    SHA-256 of the rest (the module says why)."""
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    language = lang if lang in HEADER else "vi"
    return HEADER[language].format(source=_one_line(source)) + DIGEST_LINE[language].format(digest=digest) + body


__all__ = ["draft_yaml"]
