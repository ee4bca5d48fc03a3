"""Synthetic demonstration data for any criteria set: a commune register, self-assessments, survey
results and an appraisal file, seeded and reproducible.

Everything this module writes is **synthetic** (dữ liệu mô phỏng): made-up communes with made-up
results, for examples, tests, training and benchmarks. Every output says so: the register has a
``note`` column, each workbook has a ``readme`` sheet (never read as data), and a
``SYNTHETIC-README.md`` is written beside the files.

What is generated, following the primer (shared/domain.md):

* a **register** of units (``code,name,type,district,province,note``): 5-digit text codes with
  leading zeros, names built from common Vietnamese syllables (``Xã Yên Phú``, ``Phường Tân
  Thịnh``, ``Đặc khu Hòn Ngọc``), district names ``Huyện/Quận/Thị xã …``; thị trấn only before the
  2025 reform, đặc khu when the set has items for them (or from 2025); all units in one province
  unless ``provinces`` says otherwise, and then one Huyện name repeats in every province, as real
  district names do (Huyện Châu Thành);
* **self-assessments** in the long and/or wide form, with plausible inputs for every input type
  (a latent per-commune quality drives all its answers, so good communes do well throughout),
  decimal commas, day-first dates and Vietnamese answers; self-scores that agree with the rules
  except for a share ``mistakes`` of realistic errors (claiming full points, a wrong tier);
  evidence references (``45/KH-UBND``, a date, a file name), some missing, half of those explained;
  occasional "not applicable" where the item allows it;
* **survey** results for the survey-part leaves (rates in %);
* an **appraisal** file: the council's decisions on explained missing evidence, a few corrected
  inputs and a few score overrides, each with a reason and an appraiser.

Each commune draws from its own :class:`random.Random` seeded with ``"<seed>/<code>"``, so a
commune's data do not depend on how many communes are generated with it; the true points behind
the self-scores come from the compiled rules (:mod:`pari_index.criteria.compiling`), evaluated in batches.

The modules, by concept: ``layout`` (formats, forms, columns), ``words`` (the Vietnamese words of the
data), ``register``, ``plans`` (what each scored item needs), ``values`` (inputs and their text),
``answers`` (one commune's answers, true points, self-scores and evidence), ``appraisal`` (the
council's rows), ``rows`` (the rows of each file, batch by batch) and ``files`` (writing them;
:func:`generate`). Import from ``pari_index.demo``.
"""

from __future__ import annotations

from pari_index.demo.files import expected_rows, generate, remove, write_xlsx_synthetic
from pari_index.demo.layout import DEMO_YEAR, README_NAME, SYNTHETIC_NOTE
from pari_index.demo.register import Commune, make_register, register_frame

__all__ = [
    "DEMO_YEAR",
    "README_NAME",
    "SYNTHETIC_NOTE",
    "Commune",
    "expected_rows",
    "generate",
    "make_register",
    "register_frame",
    "remove",
    "write_xlsx_synthetic",
]
