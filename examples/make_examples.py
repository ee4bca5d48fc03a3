"""Regenerate the bundled example data with the synthetic-data generator (pari_index.demo).

    python examples/make_examples.py

Writes, next to this script:

* the default example for the bundled default set ``criteria/ha-noi-2025-commune.yaml`` (ranked
  within the province): ``communes.csv``, ``assessments_long.csv``, ``assessments_wide.xlsx``
  (the communes of one former district, in the wide form; no commune is in both files),
  ``survey.csv`` and ``appraisal.csv``;
* ``hai-phong-2022/``: a smaller example for ``criteria/hai-phong-2022-commune.yaml`` (ranked
  within each district), in the long form.

All values are synthetic (dữ liệu mô phỏng). The same seed always gives the same files.
"""

from __future__ import annotations

from pathlib import Path

from pari_index.demo import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 2025


def main() -> None:
    default = generate(
        ROOT / "criteria" / "ha-noi-2025-commune.yaml",
        HERE,
        communes=60,
        districts=5,
        seed=SEED,
        forms=("long", "wide"),
        fmt="csv",
        wide_fmt="xlsx",
        wide_share=0.2,
    )
    second = generate(
        ROOT / "criteria" / "hai-phong-2022-commune.yaml",
        HERE / "hai-phong-2022",
        communes=36,
        districts=4,
        seed=SEED,
        province="Thành phố Hải Phòng (mô phỏng)",
        forms=("long",),
        fmt="csv",
    )
    for files in (default, second):
        for role, path in files.items():
            print(f"{role:18} {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
