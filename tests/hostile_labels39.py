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

# - The report's ranking download (a CSV for Excel) wrote commune codes as bare digits,
#   ``…;1;00145;Xã Xuân Thạnh;…``: Excel opening it reads 00145 as the number 145 (the example's
#   60 codes all lost their zeros). A text a spreadsheet would read as a number or a date is now
#   written as the text formula ``="00145"`` (quoted in the CSV: ``"=""00145"""``), as json2csv's
#   ``excelStrings`` does; numbers stay numbers.

#: The first ranked row of the example's download, byte for byte, in each language.
DOWNLOAD_FIRST_ROW = {
    "vi": 'Thành phố Hà Nội;1;"=""00145""";Xã Xuân Thạnh;Huyện Minh Hồng;Thành phố Hà Nội;Xã;95,75;97,46;Xuất sắc;'
    "8,98;7;13,14;6;8,36;6;12;4,85;29,42",
    "en": 'Thành phố Hà Nội,1,"=""00145""",Xã Xuân Thạnh,Huyện Minh Hồng,Thành phố Hà Nội,Commune,95.75,97.46,'
    "Excellent,8.98,7,13.14,6,8.36,6,12,4.85,29.42",
}
#: Texts of the download and how it writes them.
DOWNLOAD_TEXTS = (
    ("00178", '="00178"'),
    ("1.1", '="1.1"'),
    ("12/3", '="12/3"'),
    ("Xã 00178", "Xã 00178"),
    ("=1+1", "'=1+1"),
    ("-1", "'-1"),
    ("", ""),
)

# - ``pari diff -o changes.csv`` (a table for people, «;» in Vietnamese) wrote items as bare
#   ``1.1``, ``1.10``: Excel reads them as numbers (1.1 twice, or a date). The item column's
#   number-looking texts are now written as ``="1.1"`` too; the old and new values (numbers) stay.

#: The first lines of ``pari diff`` of the bundled Hà Nội 2025 and Hải Phòng 2022 sets, as CSV.
DIFF_LINES = (
    "\ufeffMục;Thay đổi;Cũ;Mới",
    "(bộ tiêu chí);chia phần;thẩm định 70, điều tra xã hội học 30;thẩm định 65, điều tra xã hội học 35",
)
DIFF_ITEM_LINES = ('"=""1""";điểm tối đa;9;13', '"=""1.1""";điểm tối đa;3;7,5')
