"""Measure the HTML report at national scale: ~10,600 communes in ~700 districts, 50 items each.

    python benchmarks/report_scale.py [OUT.html] [--communes N] [--items N] [--districts N]
        [--one-group] [--browser]

Synthesises a results-tables dict (summary with ranking columns, criteria, findings, about),
renders it, and prints the generation time and the file size. ``--one-group`` ranks every commune
in one national group (a big, paged group; the district becomes a column). With ``--browser`` it
also opens the file in Debian's Chromium (playwright, ``/usr/bin/chromium``) and prints the time to
``load``, until usable (controls shown, open groups unpacked), and, measured inside the page until
laid out: opening the last group, sorting it by name (twice), its next page, two filters and
clearing it (each from the end of the 200 ms pause the filter waits for typing to stop, until the
groups it opened that are in view are unpacked: the others wait until scrolled to), opening a
commune (each until a big group's rows, if being decoded, are); and the element counts. The CPU
time the browser's processes used is printed too (from /proc), and the load average. Timings are
printed, never asserted: the machine may be shared.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import time
from pathlib import Path
from typing import Any

import polars as pl

from pari_index.intake.assessments import FINDING_SCHEMA
from pari_index.outputs.report import write_report

AREAS = 6
CLASSES = (
    ("Xuất sắc", "Excellent", "#1b7837", 90.0),
    ("Tốt", "Good", "#5aae61", 80.0),
    ("Khá", "Fair", "#dfc27d", 70.0),
    ("Trung bình", "Average", "#f4a582", 50.0),
    ("Yếu", "Weak", "#b2182b", -1.0),
)
TYPES = ("commune", "ward", "township")


def synthesise(
    n_communes: int, n_items: int, n_districts: int = 700, seed: int = 7, one_group: bool = False
) -> dict[str, pl.DataFrame]:
    """Results tables for ``n_communes`` in ``n_districts`` districts, ranked per district, or all
    in one group (``one_group``: ranked nationally, each commune's district a column of its own)."""
    rng = random.Random(seed)
    item_ids = [f"{1 + i % AREAS}.{1 + i // AREAS}" for i in range(n_items)]
    item_max = [round(100 / n_items, 2) for _ in range(n_items)]
    summary: dict[str, list[object]] = {
        k: []
        for k in (
            "commune_code",
            "name",
            "unit_type",
            "district",
            "province",
            "ranked",
            "appraised_points",
            "survey_points",
            "adjustment_points",
            "total_points",
            "applicable_max",
            "index",
            *[f"area_{a + 1}" for a in range(AREAS)],
        )
    }
    crit: dict[str, list[object]] = {
        k: []
        for k in (
            "commune_code",
            "criterion_id",
            "area_id",
            "part",
            "max",
            "self_score",
            "computed_score",
            "appraised_score",
            "final_score",
            "counted_max",
            "status",
            "evidence_status",
            "explanation",
            "appraisal_reason",
        )
    }
    find: dict[str, list[object]] = {k: [] for k in FINDING_SCHEMA}
    for c in range(n_communes):
        code = f"{c + 1:05d}"
        district = c * n_districts // n_communes
        skill = rng.uniform(0.45, 0.98)
        areas = [0.0] * AREAS
        for i, cid in enumerate(item_ids):
            final = round(item_max[i] * min(1.0, max(0.0, rng.gauss(skill, 0.15))), 2)
            areas[i % AREAS] += final
            crit["commune_code"].append(code)
            crit["criterion_id"].append(cid)
            crit["area_id"].append(str(1 + i % AREAS))
            crit["part"].append("appraised")
            crit["max"].append(item_max[i])
            crit["self_score"].append(item_max[i] if rng.random() < 0.7 else None)
            crit["computed_score"].append(final)
            crit["appraised_score"].append(final if rng.random() < 0.1 else None)
            crit["final_score"].append(final)
            crit["counted_max"].append(item_max[i])
            crit["status"].append("ok" if rng.random() < 0.8 else "self_score_differs")
            crit["evidence_status"].append("present")
            crit["explanation"].append(
                f"Tỷ lệ ≥ 70 và < 90 % → {final} điểm | đầu vào: done={rng.randint(50, 99)}; planned=100"
            )
            crit["appraisal_reason"].append("Kế hoạch chỉ hoàn thành một phần" if rng.random() < 0.05 else None)
        total = round(sum(areas), 2)
        summary["commune_code"].append(code)
        summary["name"].append(f"Xã Số {c + 1} Thượng Hưng Phước")
        summary["unit_type"].append(TYPES[c % 3])
        summary["district"].append(f"Huyện {district + 1:03d}")
        summary["province"].append(f"Tỉnh {district * 63 // n_districts + 1:02d}")
        summary["ranked"].append(True)
        summary["appraised_points"].append(total)
        summary["survey_points"].append(0.0)
        summary["adjustment_points"].append(0.0)
        summary["total_points"].append(total)
        summary["applicable_max"].append(100.0)
        summary["index"].append(total)
        for a in range(AREAS):
            summary[f"area_{a + 1}"].append(round(areas[a], 2))
        for _ in range(rng.randint(0, 3)):
            find["severity"].append("warning")
            find["kind"].append(rng.choice(("self-score-differs", "not-assessed", "evidence-missing")))
            find["commune_code"].append(code)
            find["criterion_id"].append(rng.choice(item_ids))
            find["file"].append("assessments.xlsx")
            find["sheet"].append("Sheet1")
            find["row"].append(rng.randint(2, 500_000))
            find["column"].append("value")
            find["message"].append("self-score 1.0 but the rules give 0.5 on the reported inputs")
            find["hint"].append("the computed score is used; check the inputs or the self-score")
            find["size"].append(0.5)
            find["params"].append(None)  # no parameters: a Vietnamese report shows the kind's title
    s = pl.DataFrame(summary)
    within = "province" if one_group else "district"
    if one_group:
        s = s.with_columns(pl.lit("Toàn quốc").alias("province"))
    s = s.with_columns(
        pl.col(within).alias("group"),
        pl.col("index").rank("min", descending=True).over(within).cast(pl.Int64).alias("rank"),
        pl.len().over(within).cast(pl.Int64).alias("group_size"),
        (pl.col("index").count().over(within, "index") > 1).alias("tied"),
        pl.col("index").rank("min", descending=True).over(within).cast(pl.Int64).alias("previous_rank"),
    )
    s = s.with_columns(
        (pl.col("previous_rank") - pl.col("rank") + pl.col("rank") % 3 - 1).alias("rank_change"),
        ((pl.col("rank") % 5 - 2) * 0.37).alias("index_change"),
    )
    for attr, i in (("class", 0), ("class_en", 1), ("class_colour", 2)):
        expr = pl.lit(CLASSES[-1][i])
        for band in reversed(CLASSES[:-1]):
            expr = pl.when(pl.col("index") >= band[3]).then(pl.lit(band[i])).otherwise(expr)
        s = s.with_columns(expr.alias(attr))
    about = pl.DataFrame(
        {
            "key": ["criteria_title", "year", "province", "decision", "decision_date", "ranked_within"],
            "value": [
                "Bộ chỉ số tổng hợp (thử nghiệm quy mô toàn quốc)",
                "2024",
                "Toàn quốc",
                "0001/QĐ-UBND",
                "2024-01-15",
                within,
            ],
        }
    )
    return {"summary": s, "criteria": pl.DataFrame(crit), "findings": pl.DataFrame(find), "about": about}


CHROMIUM = "/usr/bin/chromium"
#: The page is usable: the controls are shown (the script has run) and every group open on loading
#: has its body (a packed one is unpacked).
USABLE = """() => !document.getElementById("controls").hidden
  && Array.from(document.querySelectorAll("details.group[open]")).every(g => g.querySelector(".group-body"))"""
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"]


#: Runs in the page: an action's time (ms) until the page has laid out its result.
TIMED = """async ([what, arg, until]) => {
  const settle = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  if (what === "click") {
    // What is clicked is on screen first, as for a reader (off-screen groups are not laid out).
    document.querySelector(arg).scrollIntoView();
    await settle();
  }
  const t0 = performance.now();
  if (what === "click") { document.querySelector(arg).click(); }
  let from = t0;
  if (what === "filter") {
    // Timed from the end of the pause the filter waits for (its 200 ms timer firing), not from
    // the keystroke: the page's setTimeout is wrapped for the time of this one input.
    const box = document.getElementById("filter"), controls = document.getElementById("controls");
    const wait = window.setTimeout;
    window.setTimeout = (fn, ms, ...rest) => wait(() => { from = performance.now(); fn(); }, ms, ...rest);
    box.value = arg;
    box.dispatchEvent(new Event("input"));
    window.setTimeout = wait;
    // Done when the filter has run and every group it opened that is in view is unpacked (the
    // others wait, decoded, until they are scrolled to or printed: data-waiting).
    const inView = g => { const r = g.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
    const unpacked = () => Array.from(document.querySelectorAll("details.group[open]"))
      .every(g => g.querySelector(".group-body") || (g.hasAttribute("data-waiting") && !inView(g)));
    while (controls.dataset.filtered !== arg || !unpacked()) {
      if (performance.now() - t0 > 60000) { throw new Error("the filter did not finish"); }
      await new Promise(r => setTimeout(r, 2));
    }
  }
  while (until && !document.querySelector(until)) {
    if (performance.now() - t0 > 60000) { throw new Error("not found: " + until); }
    await new Promise(r => setTimeout(r, 2));
  }
  // A big group's rows still being decoded (a sort, page or filter waits for them).
  while (document.querySelector("[data-rows=loading]")) {
    if (performance.now() - t0 > 60000) { throw new Error("the rows were not decoded"); }
    await new Promise(r => setTimeout(r, 2));
  }
  document.body.offsetHeight;
  await settle();
  return performance.now() - from;
}"""


def _processes() -> dict[int, tuple[int, float, str]]:
    """Every process: its parent, the CPU seconds (user + system) it has used, its command line."""
    found: dict[int, tuple[int, float, str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        found[int(entry.name)] = (int(fields[1]), cpu, cmdline)
    return found


def _browser_cpu() -> float:
    """CPU seconds used so far by the processes descended from this one (the browser, its
    renderer, GPU and network processes; not the renderer of the browser's own user interface):
    the work done, whatever else shares the machine."""
    procs = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in procs.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0.0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        _, cpu, cmdline = procs[pid]
        todo += children.get(pid, [])
        if "--top-chrome-webui" in cmdline:
            continue  # the browser's own user interface, busy at start-up, not the report
        total += cpu
    return total


def _actions(page: Any, clock: MainThreadClock) -> tuple[dict[str, float], dict[str, float]]:
    """In the page: open the last group, sort it by name (twice), its next page (a big group),
    filter (twice) and clear, open a commune. Per action the time (ms, until laid out) and the
    page's main-thread CPU time (ms)."""
    gid = page.locator("details.group").last.get_attribute("id")
    name_sort = f"#{gid} table.ranking thead th[data-type=text] button"
    steps: list[tuple[str, list[Any]]] = [
        ("open group", ["click", f"#{gid} > summary", f"#{gid} table.ranking tbody tr"]),
        ("sort by name", ["click", name_sort, None]),
        ("sort by name again", ["click", name_sort, None]),
        ("next page", ["click", f"#{gid} .page-next", None]),
        ("filter 'xa so 12'", ["filter", "xa so 12", None]),
        ("filter 'xã'", ["filter", "xã", None]),
        ("clear filter", ["filter", "", None]),
    ]
    ms: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for name, args in steps:
        if name == "next page" and not page.locator(f"#{gid} .page-next").count():
            continue
        clock.start()
        ms[name] = page.evaluate(TIMED, args)
        cpu[name] = clock.stop(page)
    link = f"#{gid} table.ranking tbody tr:last-child th a"
    target = page.locator(link).get_attribute("href")
    clock.start()
    ms["open a commune"] = page.evaluate(TIMED, ["click", link, f"{target} table.items tbody tr"])
    cpu["open a commune"] = clock.stop(page)
    return ms, cpu


class MainThreadClock:
    """The CPU time of the page's main thread (its renderer's ``CrRendererMain``) over a stretch,
    from a CDP trace: the sum of the thread-clock durations (``tdur``) of its top-level tasks.
    The work done, which other processes on a shared machine do not inflate as they do wall time."""

    def __init__(self, page: Any) -> None:
        self.cdp = page.context.new_cdp_session(page)
        self.events: list[dict[str, Any]] = []
        self.done = False
        self.cdp.on("Tracing.dataCollected", lambda e: self.events.extend(e["value"]))
        self.cdp.on("Tracing.tracingComplete", lambda e: setattr(self, "done", True))

    def start(self) -> None:
        self.events, self.done = [], False
        config = {"includedCategories": ["toplevel", "disabled-by-default-devtools.timeline", "devtools.timeline"]}
        self.cdp.send("Tracing.start", {"traceConfig": config, "transferMode": "ReportEvents"})

    def stop(self, page: Any) -> float:
        """Milliseconds of main-thread CPU since :meth:`start`."""
        self.cdp.send("Tracing.end")
        while not self.done:
            page.wait_for_timeout(20)
        names = {
            (e["pid"], e["tid"])
            for e in self.events
            if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
        }
        # The page's renderer is the one that ran the page's tasks (not the browser's own UI).
        busy: dict[tuple[int, int], float] = {}
        for e in self.events:
            key = (e.get("pid"), e.get("tid"))
            if key in names and e.get("ph") == "X" and e.get("name") == "ThreadControllerImpl::RunTask":
                busy[key] = busy.get(key, 0.0) + e.get("tdur", 0) / 1000
        return max(busy.values(), default=0.0)


def browse(path: Path, runs: int = 3) -> None:
    """Open the report in headless Chromium ``runs`` times (a fresh browser each time) and print
    the timings: load, until usable (the groups open on loading unpacked), then the actions of
    :func:`_actions`; the CPU time the page's main thread used until usable and per action, and
    all the browser's processes until usable (what the machine's other work does not inflate),
    the load average, and the element counts."""
    from playwright.sync_api import sync_playwright  # a test dependency, needed only here

    with sync_playwright() as p:
        for _ in range(runs):
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", functools.partial(lambda found, e: found.append(str(e)), errors))
            clock = MainThreadClock(page)
            clock.start()
            cpu0 = _browser_cpu()
            t0 = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="load", timeout=120_000)
            t1 = time.perf_counter()
            page.wait_for_function(USABLE, timeout=120_000, polling=10)
            t2 = time.perf_counter()
            cpu1 = _browser_cpu()
            main_cpu = clock.stop(page)
            loaded = page.evaluate("document.getElementsByTagName('*').length")
            ms, cpu = _actions(page, clock)
            nodes = page.evaluate("document.getElementsByTagName('*').length")
            print(
                f"browser (load average {os.getloadavg()[0]:.1f}): load {t1 - t0:.2f} s, usable {t2 - t0:.2f} s"
                f" (main thread CPU {main_cpu / 1000:.2f} s, all browser processes {cpu1 - cpu0:.2f} s;"
                f" {loaded:,} elements); "
                + ", ".join(f"{k} {v:.0f} ms (CPU {cpu[k]:.0f})" for k, v in ms.items())
                + f"; {nodes:,} elements at the end{', ERRORS ' + '; '.join(errors) if errors else ''}"
            )
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="/tmp/national-report.html")
    parser.add_argument("--communes", type=int, default=10_600)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--districts", type=int, default=700)
    parser.add_argument("--one-group", action="store_true", help="rank all communes in one group")
    parser.add_argument("--browser", action="store_true", help="also time opening it in Chromium")
    parser.add_argument("--reuse", action="store_true", help="time an OUT written before (--browser)")
    args = parser.parse_args()
    if args.reuse:
        browse(Path(args.out))
        return
    t0 = time.perf_counter()
    tables = synthesise(args.communes, args.items, n_districts=args.districts, one_group=args.one_group)
    t1 = time.perf_counter()
    path = write_report(Path(args.out), tables, date="2025-03-01")
    t2 = time.perf_counter()
    size = path.stat().st_size
    print(f"synthesised {args.communes:,} communes x {args.items} items in {t1 - t0:.1f} s")
    print(f"rendered and wrote {path} in {t2 - t1:.1f} s: {size / 1e6:.1f} MB")
    if args.browser:
        browse(path)


if __name__ == "__main__":
    main()
