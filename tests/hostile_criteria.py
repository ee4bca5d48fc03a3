"""Hostile criteria sets for the benchmark (benchmarks/hostile.py) and tests/test_hostile_criteria.py.

Each generator writes its files into an empty folder and returns the argv of the ``pari`` command
after the program name. Nothing here is committed as a file: every input is generated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

HEADER = """\
id: hostile
title: "Bộ chỉ số thử"
year: 2024
province: "Tỉnh Thử"
issuer: "UBND tỉnh Thử"
decision: {{number: "1/QĐ-UBND", date: 2024-01-15}}
scale: {scale}
parts: {{appraised: {scale}}}
ranking: {{within: district}}
classes:
  - {{name: "Tốt", from: 90}}
  - {{name: "Khá", from: 70, below: 90}}
  - {{name: "Kém", below: 70}}
areas:
"""


def small_set(max_line: str = "max: 8") -> str:
    """A valid two-leaf set whose second leaf's ``max: 8`` line can be replaced."""
    return (
        HEADER.format(scale=10)
        + """\
  - id: "1"
    title: "Lĩnh vực 1"
    max: 10
    children:
      - id: "1.1"
        title: "Tỷ lệ hoàn thành"
        max: 2
        inputs: {done: {type: count}, planned: {type: count}}
        rule:
          kind: tiers
          rate: {numerator: done, denominator: planned}
          tiers:
            - {above: 90, points: 2}
            - {from: 70, to: 90, points: 1}
            - {below: 70, points: 0}
      - id: "1.2"
        title: "Có quy chế"
        """
        + max_line
        + """
        inputs: {ok: {type: boolean}}
        rule: {kind: yes_no, input: ok}
"""
    )


def many_items(n: int) -> str:
    """A set of ``n`` leaves in ten areas: yes/no, rate tiers and checklists in turn."""
    areas = 10
    per_area = max(1, n // areas)
    out = [HEADER.format(scale=per_area * areas)]
    for a in range(1, areas + 1):
        out.append(f'  - id: "{a}"\n    title: "Lĩnh vực {a}"\n    max: {per_area}\n    children:\n')
        for i in range(1, per_area + 1):
            leaf = f"{a}.{i}"
            out.append(f'      - id: "{leaf}"\n        title: "Tiêu chí {leaf}"\n        max: 1\n')
            kind = i % 3
            if kind == 0:
                out.append("        inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}\n")
            elif kind == 1:
                out.append(
                    "        inputs: {d: {type: count}, p: {type: count}}\n"
                    "        rule: {kind: tiers, rate: {numerator: d, denominator: p}, tiers: "
                    "[{from: 90, points: 1}, {from: 50, below: 90, points: 0.5}, {below: 50, points: 0}]}\n"
                )
            else:
                out.append(
                    "        inputs: {a: {type: boolean}, b: {type: boolean}}\n"
                    "        rule: {kind: checklist, items: [{input: a, points: 0.5}, {input: b, points: 0.5}]}\n"
                )
    return "".join(out)


def many_ladders(n: int, rungs: int = 20) -> str:
    """``n`` count-tier leaves of ``rungs`` tiers each: the most branches per rule, many times."""
    areas = 10
    per_area = max(1, n // areas)
    out = [HEADER.format(scale=per_area * areas)]
    ladder = ", ".join(f"{{at_least: {rungs - i}, points: {1 if i == 0 else 0}}}" for i in range(rungs))
    for a in range(1, areas + 1):
        out.append(f'  - id: "{a}"\n    title: "Lĩnh vực {a}"\n    max: {per_area}\n    children:\n')
        for i in range(1, per_area + 1):
            out.append(
                f'      - {{id: "{a}.{i}", title: "T", max: 1, inputs: {{n: {{type: count}}}}, '
                f"rule: {{kind: count_tiers, input: n, tiers: [{ladder}]}}}}\n"
            )
    return "".join(out)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _validate(folder: Path, text: str) -> list[str]:
    return ["validate", str(_write(folder, "criteria.yaml", text))]


def huge_max(folder: Path) -> list[str]:
    return _validate(folder, small_set("max: 1.0e308"))


def huge_int_max(folder: Path) -> list[str]:
    return _validate(folder, small_set("max: " + "9" * 5000))


def huge_tier_edge(folder: Path) -> list[str]:
    return _validate(folder, small_set().replace("{above: 90,", "{above: 1.0e300,"))


def huge_count_tier(folder: Path) -> list[str]:
    text = small_set().replace(
        "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}",
        "inputs: {n: {type: count}}\n        rule: {kind: count_tiers, input: n, tiers: "
        "[{at_least: 1000000000000000000000000000000, points: 8}]}",
    )
    return _validate(folder, text)


def dev_zero(folder: Path) -> list[str]:
    return ["validate", "/dev/zero"]


def deep_brackets(folder: Path) -> list[str]:
    return _validate(folder, "[" * 100_000)


def deep_closed(folder: Path) -> list[str]:
    return _validate(folder, "a: " + "[" * 900 + "]" * 900 + "\n")


def deep_mappings(folder: Path) -> list[str]:
    return _validate(folder, "a: " + "{a: " * 900 + "1" + "}" * 900 + "\n")


def alias_loop(folder: Path) -> list[str]:
    return _validate(folder, "a: &x [1, *x]\n")


def items_10000(folder: Path) -> list[str]:
    return _validate(folder, many_items(10_000))


def items_over_limit(folder: Path) -> list[str]:
    return _validate(folder, many_items(600))


def ladders_score(folder: Path) -> list[str]:
    """Score 3 communes on 490 leaves of 20 tiers each: the most items, each with the most tiers."""
    argv = items_score(folder, items=10)
    _write(folder, "criteria.yaml", many_ladders(490))
    # Every ladder gets a count, so every one is evaluated (a file of no rows would stop the run).
    codes = [line.split(",")[0] for line in (folder / "communes.csv").read_text(encoding="utf-8").splitlines()[1:]]
    rows = ["commune_code,criterion_id,input,value"]
    rows += [f"{code},{a}.{i},n,{(a * i) % 25}" for code in codes for a in range(1, 11) for i in range(1, 50)]
    _write(folder, "a.csv", "\n".join(rows) + "\n")
    return argv


def items_5mb(folder: Path) -> list[str]:
    # About 5 MB of criteria items.
    return _validate(folder, many_items(40_000))


def items_score(folder: Path, items: int = 490, communes: int = 3) -> list[str]:
    """Score a few communes on a set near the item limit (pari_index.criteria.loading.MAX_ITEMS)."""
    criteria = _write(folder, "criteria.yaml", many_items(items))
    lines = EXAMPLES.joinpath("communes.csv").read_text(encoding="utf-8-sig").splitlines()
    _write(folder, "communes.csv", "\n".join(lines[: communes + 1]) + "\n")
    codes = [line.split(",")[0] for line in lines[1 : communes + 1]]
    per_area = max(1, items // 10)
    rows = ["commune_code,criterion_id,input,value"]
    for code in codes:
        rows += [f"{code},{a}.{i},ok,có" for a in range(1, 11) for i in range(3, per_area + 1, 3)]
    assessments = _write(folder, "a.csv", "\n".join(rows) + "\n")
    return [
        "score",
        str(assessments),
        "--criteria",
        str(criteria),
        "--communes",
        str(folder / "communes.csv"),
        "-o",
        str(folder / "out.xlsx"),
    ]


def tiers_rule(count: int) -> str:
    """A yes/no leaf replaced by a count-tier ladder of ``count`` rungs (all valid)."""
    rungs = "".join(f"\n          - {{at_least: {count - i}, points: 0}}" for i in range(count))
    head = "inputs: {n: {type: count}}\n        rule:\n          kind: count_tiers\n          input: n\n"
    return head + "          tiers:" + rungs


def thousands_of_tiers(folder: Path) -> list[str]:
    yes_no = "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}"
    return _validate(folder, small_set().replace(yes_no, tiers_rule(20_000)))


def long_key(folder: Path) -> list[str]:
    # An explicit key (? ...): a plain key is limited to 1,024 characters by YAML itself.
    key = f"        ? {'k' * 1_000_000}\n        : 1\n"
    title = '        title: "Có quy chế"\n'
    return _validate(folder, small_set().replace(title, key + title))


def long_id(folder: Path) -> list[str]:
    return _validate(folder, small_set().replace('id: "1.2"', f'id: "1.{"2" * 1_000_000}"'))


def bidi_id(folder: Path) -> list[str]:
    return _validate(folder, small_set().replace('id: "1.2"', 'id: "1.\\u202e2"'))


def nul_title(folder: Path) -> list[str]:
    return _validate(folder, small_set().replace('"Có quy chế"', '"Có\\0 quy chế"'))


def many_anchors(folder: Path) -> list[str]:
    text = small_set().replace('title: "Có quy chế"', 'title: &t "Có quy chế"\n        source: &t "again"')
    return _validate(folder, text)


CASES: dict[str, Callable[[Path], list[str]]] = {
    "criteria-max-1e308": huge_max,
    "criteria-max-5000-digits": huge_int_max,
    "criteria-tier-edge-1e300": huge_tier_edge,
    "criteria-count-tier-10e30": huge_count_tier,
    "criteria-dev-zero": dev_zero,
    "criteria-100000-brackets": deep_brackets,
    "criteria-900-nested-lists": deep_closed,
    "criteria-900-nested-mappings": deep_mappings,
    "criteria-alias-loop": alias_loop,
    "criteria-10000-items": items_10000,
    "criteria-600-items": items_over_limit,
    "criteria-5mb-of-items": items_5mb,
    "criteria-490-items-score": items_score,
    "criteria-20000-tiers": thousands_of_tiers,
    "criteria-490x20-tiers-score": ladders_score,
    "criteria-1mb-key": long_key,
    "criteria-1mb-id": long_id,
    "criteria-bidi-id": bidi_id,
    "criteria-nul-in-title": nul_title,
    "criteria-duplicate-anchor": many_anchors,
}
