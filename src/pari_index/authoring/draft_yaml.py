"""Writing a draft set as YAML that reads like the bundled sets: ids quoted, numbers exact."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import yaml

from pari_index.criteria.method import number

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


def draft_yaml(document: dict[str, Any], source: str, lang: str = "vi") -> str:
    """The draft as YAML text with a short header saying what it is and what to do next."""
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return HEADER.get(lang, HEADER["vi"]).format(source=source) + body


__all__ = ["draft_yaml"]
