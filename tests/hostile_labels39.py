"""Hostile cases of the thirty-ninth session's helper labels39.

Found by running the real ``pari`` (main at 8d75eac) on the bundled examples:

- The results workbook's criteria sheet showed a criterion's inputs (``Số liệu đầu vào``) by the
  criteria set's internal input names, ``signed_on=04/06/2025`` and
  ``deadlines=không; outputs=không; …``, on the sheet officials read, where ``pari explain`` shows
  the labels (``Ngày ký số Kế hoạch CCHC=04/06/2025``). The column is now shown by the labels in
  the run's language, and a last column ``Mã số liệu đầu vào`` / ``Inputs (codes)`` keeps the
  set's names, which reading the workbook back gives as ``inputs`` (explain words an item in the
  other language from it); a workbook without it (written before) reads as before.
"""

from __future__ import annotations

#: (language, criterion, the inputs as the workbook shows them, as the set names them) for the
#: example's unit 00001.
INPUT_CELLS = (
    ("vi", "1.1.1", "Ngày ký số Kế hoạch CCHC=04/06/2025", "signed_on=04/06/2025"),
    ("en", "1.1.1", "Digital-signature date of the plan=04/06/2025", "signed_on=04/06/2025"),
    (
        "vi",
        "1.1.2",
        "Xác định thời hạn hoàn thành=không; Xác định sản phẩm, kết quả cụ thể=không; "
        "Phân công trách nhiệm, bố trí kinh phí=có; Xác định nhiệm vụ theo 6 nội dung CCHC=có",
        "deadlines=không; outputs=không; responsibility=có; tasks=có",
    ),
)
#: The headings of the two columns, in each language.
HEADINGS = {"vi": ("Số liệu đầu vào", "Mã số liệu đầu vào"), "en": ("Inputs", "Inputs (codes)")}
