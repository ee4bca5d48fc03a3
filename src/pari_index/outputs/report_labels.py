"""The words of the HTML ranking report, in Vietnamese and English.

:data:`LABELS` holds every heading and sentence of the page; the small tables beside it translate the
codes of the results file (unit types, item statuses, finding severities). Kept apart from
:mod:`pari_index.outputs.report` so that the words can be read and reviewed without the code.
"""

from __future__ import annotations

from pari_index.messages import SEVERITY, STATUS

#: Every label the report shows, in Vietnamese and English (one dict, same keys).
LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "lang": "vi",
        "report": "Báo cáo xếp hạng Chỉ số cải cách hành chính cấp xã",
        "criteria_set": "Bộ chỉ số",
        "decision": "Quyết định",
        "decision_of": "ngày",
        "source": "Nguồn",
        "year": "Năm đánh giá",
        "province": "Tỉnh, thành phố",
        "report_date": "Ngày lập báo cáo",
        "ranked_within": "Xếp hạng trong",
        "within_district": "cấp huyện (quận, thị xã, thành phố)",
        "within_province": "cấp tỉnh",
        "within_unit_type": "loại đơn vị",
        "communes": "Số đơn vị cấp xã",
        "groups": "Số nhóm xếp hạng",
        "contents": "Các nhóm xếp hạng",
        "filter": "Lọc theo tên hoặc mã xã, tên huyện",
        "filter_count": "Hiển thị {shown}/{total} đơn vị",
        "filter_none": "Không có đơn vị nào khớp",
        "print_group": "In nhóm này",
        "rank": "Hạng",
        "change": "Thay đổi",
        "commune": "Đơn vị",
        "code": "Mã",
        "type": "Loại",
        "total": "Tổng điểm",
        "index": "Chỉ số (%)",
        "class": "Xếp loại",
        "area": "Lĩnh vực",
        "area_short": "LV",
        "max": "Tối đa",
        "not_ranked": "không xếp hạng",
        "not_submitted": "không nộp",
        "items_rejected": "Số tiêu chí có ô bị loại",
        "completeness": "Kết quả chưa đầy đủ",
        "method": "Phương pháp tính điểm",
        "item_methods": "Cách chấm từng tiêu chí (như phụ lục của bộ chỉ số)",
        "item": "Tiêu chí",
        "max_points": "Điểm tối đa",
        "tied": "đồng hạng",
        "new": "mới",
        "up": "tăng {n} bậc",
        "down": "giảm {n} bậc",
        "same": "không đổi",
        "previous_rank": "Hạng năm trước",
        "index_change": "Chỉ số thay đổi (điểm %)",
        "previous_note": "Ghi chú so sánh",
        "group_size": "{n} đơn vị",
        "group_size_one": "{n} đơn vị",
        "ranking_caption": "Bảng xếp hạng: {group}",
        "area_key": "Các lĩnh vực",
        "chart_totals": "Tổng điểm theo đơn vị: {group}",
        "chart_note": "Biểu đồ: chiều dài thanh là tổng điểm trên thang {scale} điểm; màu theo xếp loại.",
        "heat_legend": "Màu ô điểm lĩnh vực (bản đồ nhiệt) = tỷ lệ điểm đạt so với điểm tối đa của lĩnh vực:",
        "overview": "Tổng quan",
        "overview_heat": "Điểm lĩnh vực bình quân theo nhóm (% điểm tối đa)",
        "mean_index": "Chỉ số bình quân (%)",
        "class_counts": "Số đơn vị theo xếp loại",
        "details": "Chi tiết từng đơn vị",
        "criterion": "Tiêu chí",
        "self": "Tự chấm",
        "appraised": "Thẩm định",
        "final": "Điểm cuối",
        "status": "Trạng thái",
        "explanation": "Giải thích",
        "reason": "Lý do thẩm định",
        "status_note": "Trạng thái để trống: chấm bình thường. Dấu – : không có.",
        "items_caption": "Điểm từng tiêu chí: {name}",
        "appraised_points": "Điểm thẩm định",
        "survey_points": "Điểm điều tra xã hội học",
        "adjustment_points": "Điểm thưởng, trừ",
        "applicable_max": "Điểm tối đa áp dụng",
        "gap": "Cần thêm {gap} điểm chỉ số để đạt loại {cls}",
        "top_lost": "Mất điểm nhiều nhất",
        "area_ranks": "Hạng theo lĩnh vực",
        "findings": "Phát hiện",
        "findings_summary": "Tổng hợp phát hiện toàn bộ dữ liệu, theo loại",
        "findings_general": "Phát hiện không gắn với đơn vị nào",
        "findings_more": "… và {n} phát hiện khác (xem các phát hiện trong tệp kết quả)",
        "no_findings": "Không có phát hiện nào.",
        "severity": "Mức độ",
        "kind": "Loại phát hiện",
        "message": "Nội dung",
        "hint": "Cách xử lý",
        "where": "Vị trí",
        "count": "Số lượng",
        "communes_affected": "Số đơn vị liên quan",
        "sort_hint": "Bấm tiêu đề cột để sắp xếp",
        "generated_by": "Lập bằng pari-index từ tệp kết quả; số liệu không được sửa tay.",
        "points": "điểm",
        "no_data": "Không có dữ liệu xếp hạng.",
    },
    "en": {
        "lang": "en",
        "report": "Commune PAR Index ranking report",
        "criteria_set": "Criteria set",
        "decision": "Decision",
        "decision_of": "of",
        "source": "Source",
        "year": "Assessment year",
        "province": "Province",
        "report_date": "Report date",
        "ranked_within": "Ranked within",
        "within_district": "district",
        "within_province": "province",
        "within_unit_type": "unit type",
        "communes": "Communes",
        "groups": "Ranking groups",
        "contents": "Ranking groups",
        "filter": "Filter by commune name or code, district",
        "filter_count": "Showing {shown} of {total} communes",
        "filter_none": "No commune matches",
        "print_group": "Print this group",
        "rank": "Rank",
        "change": "Change",
        "commune": "Commune",
        "code": "Code",
        "type": "Type",
        "total": "Total points",
        "index": "Index (%)",
        "class": "Class",
        "area": "Area",
        "area_short": "A",
        "max": "Max",
        "not_ranked": "not ranked",
        "not_submitted": "sent nothing",
        "items_rejected": "Items with a cell rejected",
        "completeness": "Incomplete results",
        "method": "Scoring method",
        "item_methods": "How each item is scored (as the criteria annex words it)",
        "item": "Item",
        "max_points": "Maximum",
        "tied": "tied",
        "new": "new",
        "up": "up {n}",
        "down": "down {n}",
        "same": "no change",
        "previous_rank": "Previous rank",
        "index_change": "Index change (% points)",
        "previous_note": "Comparison note",
        "group_size": "{n} communes",
        "group_size_one": "{n} commune",
        "ranking_caption": "Ranking: {group}",
        "area_key": "Areas",
        "chart_totals": "Total points by commune: {group}",
        "chart_note": "Chart: bar length is the total on a {scale}-point scale; colour by class.",
        "heat_legend": "Area cell colour (heat map) = share of the area's maximum achieved:",
        "overview": "Overview",
        "overview_heat": "Mean area score by group (% of maximum)",
        "mean_index": "Mean index (%)",
        "class_counts": "Communes by class",
        "details": "Details per commune",
        "criterion": "Criterion",
        "self": "Self",
        "appraised": "Appraised",
        "final": "Final",
        "status": "Status",
        "explanation": "Explanation",
        "reason": "Appraisal reason",
        "status_note": "Empty status: scored normally. – : none.",
        "items_caption": "Points per criterion: {name}",
        "appraised_points": "Appraised points",
        "survey_points": "Survey points",
        "adjustment_points": "Bonus and penalty points",
        "applicable_max": "Applicable maximum",
        "gap": "{gap} index points short of {cls}",
        "top_lost": "Most points lost",
        "area_ranks": "Rank per area",
        "findings": "Findings",
        "findings_summary": "Findings across all data, by kind",
        "findings_general": "Findings not tied to a commune",
        "findings_more": "… and {n} more (see the findings in the results file)",
        "no_findings": "No findings.",
        "severity": "Severity",
        "kind": "Kind",
        "message": "Message",
        "hint": "What to do",
        "where": "Where",
        "count": "Count",
        "communes_affected": "Communes affected",
        "sort_hint": "Click a column heading to sort",
        "generated_by": "Produced by pari-index from a results file; no figure edited by hand.",
        "points": "points",
        "no_data": "No ranking data.",
    },
}

UNIT_TYPES: dict[str, tuple[str, str]] = {
    "commune": ("Xã", "Commune"),
    "ward": ("Phường", "Ward"),
    "township": ("Thị trấn", "Township"),
    "special_zone": ("Đặc khu", "Special zone"),
}

# --- statuses and severities: one source with the findings' words (pari_index.messages) --------
STATUSES: dict[str, tuple[str, str]] = {key: (words.vi, words.en) for key, words in STATUS.items()}
SEVERITIES: dict[str, tuple[str, str]] = {key: (words.vi, words.en) for key, words in SEVERITY.items()}

# --- method, version stamp, synthetic banner, commune profile (issue 13) ----------------------
#: The words of :mod:`pari_index.outputs.report_method`, merged into :data:`LABELS` below. Texts
#: with ``{...}`` are filled in by that module.
METHOD_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "m_set": "Bộ chỉ số và văn bản ban hành",
        "m_set_id": "Mã bộ chỉ số",
        "m_issuer": "Cơ quan ban hành",
        "m_decision_source": "Nguồn văn bản",
        "m_parts": "Các phần và điểm tối đa",
        "m_part": "Phần",
        "part_appraised": "Tự đánh giá, thẩm định",
        "part_survey": "Điều tra xã hội học",
        "part_adjustment": "Điểm thưởng, điểm trừ (ngoài thang điểm)",
        "m_scale": "Thang điểm",
        "m_areas_caption": "Các lĩnh vực, phần và điểm tối đa",
        "m_index": "Cách tính chỉ số",
        "m_index_formula": (
            "Chỉ số (%) = (điểm thẩm định + điểm điều tra xã hội học + điểm thưởng, trừ) ÷ điểm tối đa được tính "
            "× 100. Điểm tối đa được tính là {appraised} + {survey} = {scale} điểm, trừ các tiêu chí không áp dụng "
            "đối với đơn vị."
        ),
        "m_index_formula_nosurvey": (
            "Chỉ số (%) = (điểm thẩm định + điểm thưởng, trừ) ÷ điểm tối đa được tính × 100. Điểm tối đa được "
            "tính là {scale} điểm, trừ các tiêu chí không áp dụng đối với đơn vị."
        ),
        "m_weights": "Tỷ trọng trên thang điểm: phần thẩm định {appraised} %, phần điều tra xã hội học {survey} %.",
        "m_survey_optional": (
            "Điều tra xã hội học không bắt buộc: đơn vị không có kết quả điều tra được tính trên riêng phần "
            "thẩm định rồi quy về thang 100: (điểm thẩm định + điểm thưởng, trừ) ÷ điểm tối đa thẩm định được "
            "tính × 100."
        ),
        "m_survey_required": (
            "Đơn vị thiếu kết quả điều tra xã hội học được 0 điểm ở các tiêu chí điều tra (trạng thái "
            "“chưa có điều tra”)."
        ),
        "m_adjustment": (
            "Điểm thưởng, điểm trừ được cộng vào điểm đạt nhưng không vào điểm tối đa; mỗi tiêu chí thưởng, "
            "trừ bị giới hạn ở mức tối đa của tiêu chí đó."
        ),
        "m_na": "Tiêu chí không áp dụng",
        "m_na_exclude": (
            "Tiêu chí được loại khi không áp dụng đối với đơn vị ({n}): không tính vào cả điểm đạt lẫn điểm tối "
            "đa; chỉ số được tính lại trên điểm tối đa còn lại (điểm đạt ÷ điểm tối đa áp dụng × 100)."
        ),
        "m_na_full": "Tiêu chí được tính đủ điểm tối đa khi không phát sinh ({n}).",
        "m_na_types": (
            "Tiêu chí chỉ áp dụng đối với một số loại đơn vị ({n}): {items}; với đơn vị loại khác, tiêu chí "
            "được loại khỏi điểm tối đa, trừ khi bộ chỉ số quy định tính đủ điểm."
        ),
        "m_na_none": "Mọi tiêu chí áp dụng cho mọi đơn vị; chỉ số không phải tính lại.",
        "m_rounding": "Làm tròn",
        "m_ties": "Xếp hạng, đồng hạng và cách phân định",
        "m_ties_rank": (
            "Đơn vị được xếp hạng theo chỉ số đã làm tròn như trên (số được công bố), cao hơn xếp trước, "
            "trong từng nhóm xếp hạng ({within})."
        ),
        "m_tiebreak": "Khi chỉ số bằng nhau, xét lần lượt: {keys} (cao hơn xếp trước).",
        "m_tiebreak_none": "Bộ chỉ số không quy định tiêu chí phân định khi chỉ số bằng nhau.",
        "m_ties_competition": "Đơn vị vẫn bằng nhau thì đồng hạng và hạng kế tiếp được bỏ qua (1, 2, 2, 4).",
        "m_ties_dense": "Đơn vị vẫn bằng nhau thì đồng hạng và hạng kế tiếp không bị bỏ qua (1, 2, 2, 3).",
        "m_ties_order": (
            "Trong báo cáo, các đơn vị đồng hạng được liệt kê theo tên (trong tệp kết quả: theo mã đơn vị)."
        ),
        "m_ties_shown": (
            "Vì vậy hai đơn vị có cùng tổng điểm và chỉ số hiển thị nhưng khác hạng là đã được phân định theo {keys}."
        ),
        "m_ties_shown_none": (
            "Vì vậy hai đơn vị có cùng chỉ số thì cùng hạng, kể cả khi tổng điểm khác nhau (điểm tối đa áp "
            "dụng khác nhau)."
        ),
        "tb_appraised": "điểm phần thẩm định",
        "tb_survey": "điểm điều tra xã hội học",
        "tb_area": "điểm lĩnh vực {id} ({title})",
        "m_classes": "Xếp loại theo chỉ số",
        "m_class_range": "Khoảng chỉ số",
        "m_provenance": "Nguồn gốc các tiêu chí",
        "m_quoted": "Trích từ quyết định ({n}): {items}.",
        "m_modelled": (
            "Mô hình hóa ({n}): {items}. Các tiêu chí này được viết theo văn phong của quyết định khi không có "
            "phụ lục gốc; không phải văn bản chính thức."
        ),
        "m_prov_col": "Nguồn",
        "prov_quoted": "trích dẫn",
        "prov_modelled": "mô hình hóa",
        "m_no_set": (
            "Không có bộ chỉ số kèm theo tệp kết quả: chỉ ghi các thông tin trong tệp kết quả. "
            "Dùng pari report --criteria để có đầy đủ phương pháp."
        ),
        "stamp": "Phiên bản và dữ liệu đầu vào",
        "stamp_version": "Phiên bản pari-index",
        "stamp_report_version": "báo cáo lập bằng {version}",
        "stamp_hash_file": "SHA-256 của tệp bộ chỉ số",
        "stamp_hash_content": "SHA-256 của nội dung bộ chỉ số (JSON chuẩn hóa)",
        "stamp_inputs": "Tệp đầu vào (SHA-256)",
        "stamp_run_date": "Ngày chạy",
        "stamp_unknown": "không ghi trong tệp kết quả",
        "stamp_role": "Vai trò",
        "stamp_file": "Tệp",
        "role_assessments": "Tự đánh giá",
        "role_survey": "Điều tra xã hội học",
        "role_communes": "Danh sách đơn vị",
        "role_appraisal": "Thẩm định",
        "synthetic_title": "Dữ liệu mô phỏng",
        "synthetic_text": (
            "Số liệu trong báo cáo này là dữ liệu mô phỏng, không phải kết quả của đơn vị thực nào; "
            "không được trích dẫn."
        ),
        "synthetic_marker": "Đánh dấu bởi: {marker}",
        "profile": "Hồ sơ đơn vị",
        "profile_caption": "Điểm lĩnh vực so với trung vị của nhóm xếp hạng: {name}",
        "profile_points": "Điểm",
        "profile_median": "Trung vị nhóm",
        "profile_diff": "Chênh lệch",
        "profile_median_note": "Trung vị tính trên các đơn vị của nhóm có lĩnh vực đó áp dụng.",
        "profile_rank_change": "Thay đổi hạng so với năm trước",
        "profile_losses_caption": "Các tiêu chí mất điểm nhiều nhất: {name}",
        "profile_lost": "Mất",
    },
    "en": {
        "m_set": "Criteria set and decision",
        "m_set_id": "Set id",
        "m_issuer": "Issued by",
        "m_decision_source": "Where the decision was found",
        "m_parts": "Parts and maximum points",
        "m_part": "Part",
        "part_appraised": "Self-assessed and appraised",
        "part_survey": "Sociological survey",
        "part_adjustment": "Bonus and penalty points (outside the scale)",
        "m_scale": "Scale",
        "m_areas_caption": "Areas, their part and maximum",
        "m_index": "How the index is computed",
        "m_index_formula": (
            "Index (%) = (appraised + survey + bonus and penalty points) ÷ counted maximum × 100. The counted "
            "maximum is {appraised} + {survey} = {scale} points, less the items that do not apply to the unit."
        ),
        "m_index_formula_nosurvey": (
            "Index (%) = (appraised + bonus and penalty points) ÷ counted maximum × 100. The counted maximum is "
            "{scale} points, less the items that do not apply to the unit."
        ),
        "m_weights": "Weights on the scale: the appraised part {appraised} %, the survey part {survey} %.",
        "m_survey_optional": (
            "The survey is optional: a unit without survey results is scored on its appraised part alone and "
            "re-scaled to 100: (appraised + bonus and penalty points) ÷ counted appraised maximum × 100."
        ),
        "m_survey_required": 'A unit without survey results scores 0 on the survey items (status "no survey").',
        "m_adjustment": (
            "Bonus and penalty points add to the points but not to the maximum; each bonus or penalty item is "
            "capped at its own maximum."
        ),
        "m_na": "Items that do not apply",
        "m_na_exclude": (
            "Items left out when they do not apply to the unit ({n}): they leave both the points and the "
            "maximum; the index is re-scaled to the maximum that remains (points ÷ applicable maximum × 100)."
        ),
        "m_na_full": "Items counted in full when there is nothing to assess ({n}).",
        "m_na_types": (
            "Items for some unit types only ({n}): {items}; for units of other types they leave the maximum, "
            "unless the set counts them in full."
        ),
        "m_na_none": "Every item applies to every unit; nothing is re-scaled.",
        "m_rounding": "Rounding",
        "m_ties": "Ranks, ties and the tie-break",
        "m_ties_rank": (
            "Units are ranked by the index as rounded above (the published figure), highest first, within each "
            "ranking group ({within})."
        ),
        "m_tiebreak": "Equal indices are separated by, in turn: {keys} (higher first).",
        "m_tiebreak_none": "The set gives no tie-break for equal indices.",
        "m_ties_competition": "Units still equal share a rank and the next rank is skipped (1, 2, 2, 4).",
        "m_ties_dense": "Units still equal share a rank and the next rank is not skipped (1, 2, 2, 3).",
        "m_ties_order": "In this report, units sharing a rank are listed by name (in the results file, by code).",
        "m_ties_shown": ("So two units showing the same total and index but different ranks were separated by {keys}."),
        "m_ties_shown_none": (
            "So two units with the same index share a rank, even when their totals differ (different "
            "applicable maxima)."
        ),
        "tb_appraised": "the appraised points",
        "tb_survey": "the survey points",
        "tb_area": "the points of area {id} ({title})",
        "m_classes": "Classes by the index",
        "m_class_range": "Index range",
        "m_provenance": "Where the items come from",
        "m_quoted": "Quoted from the decision ({n}): {items}.",
        "m_modelled": (
            "Modelled ({n}): {items}. These are written in the decision's style where its annex was not "
            "available; they are not the official text."
        ),
        "m_prov_col": "Provenance",
        "prov_quoted": "quoted",
        "prov_modelled": "modelled",
        "m_no_set": (
            "The criteria set was not at hand: only what the results file records is shown. Give "
            "pari report --criteria for the full method."
        ),
        "stamp": "Version and inputs",
        "stamp_version": "pari-index version",
        "stamp_report_version": "report made with {version}",
        "stamp_hash_file": "SHA-256 of the criteria file",
        "stamp_hash_content": "SHA-256 of the set's canonical content (JSON)",
        "stamp_inputs": "Input files (SHA-256)",
        "stamp_run_date": "Run date",
        "stamp_unknown": "not recorded in the results",
        "stamp_role": "Role",
        "stamp_file": "File",
        "role_assessments": "Self-assessments",
        "role_survey": "Survey",
        "role_communes": "Register",
        "role_appraisal": "Appraisal",
        "synthetic_title": "Synthetic data",
        "synthetic_text": (
            "The figures in this report are synthetic: they are not the results of any real unit and must not be cited."
        ),
        "synthetic_marker": "Marked by: {marker}",
        "profile": "Profile",
        "profile_caption": "Area points against the ranking group's median: {name}",
        "profile_points": "Points",
        "profile_median": "Group median",
        "profile_diff": "Difference",
        "profile_median_note": "The median is over the units of the group to which the area applies.",
        "profile_rank_change": "Rank change from the previous year",
        "profile_losses_caption": "Items where most points were lost: {name}",
        "profile_lost": "Lost",
    },
}
for _lang, _words in METHOD_LABELS.items():
    LABELS[_lang].update(_words)

#: The words of the report's large-table, chart, print and download features (issue 13), kept in
#: one block so that they merge into :data:`LABELS` without touching its other lines.
VIEW_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "chart_index": "Chỉ số (%) của từng đơn vị, theo thứ hạng: {group}",
        "chart_index_note": "Chiều dài thanh là chỉ số (%) trên thang 0–100; màu theo xếp loại.",
        "chart_ends": "{n} đơn vị đứng đầu và {n} đơn vị cuối (theo bộ lọc)",
        "chart_gap": "… {n} đơn vị ở giữa …",
        "chart_gap_one": "… {n} đơn vị ở giữa …",
        "histogram": "Phân bố chỉ số (%) của {n} đơn vị; vạch đứt: ngưỡng xếp loại",
        "hist_bin": "{lo}–{hi} %: {n} đơn vị",
        "hist_bin_one": "{lo}–{hi} %: {n} đơn vị",
        "former_district": "Huyện (cũ)",
        "page_status": "Dòng {from}–{to} / {total}",
        "page_prev": "Trang trước",
        "page_next": "Trang sau",
        "page_nav": "Các trang của bảng xếp hạng",
        "paged_note": (
            "Bảng lớn: hiển thị từng trang {n} dòng. Khi in, chỉ in trang đang hiển thị; "
            "lọc trước để in đúng đơn vị cần in."
        ),
        "download_csv": "Tải bảng xếp hạng (CSV)",
        "page_word": "Trang",
        "page_of": "/",
        "index_change_short": "Thay đổi chỉ số",
    },
    "en": {
        "chart_index": "Index (%) per commune, in rank order: {group}",
        "chart_index_note": "Bar length is the index (%) on a 0–100 scale; colour by class.",
        "chart_ends": "Top {n} and bottom {n} communes (as filtered)",
        "chart_gap": "… {n} communes in between …",
        # One unit in English (session 36: «1 communes» in a bin's title, a one-unit group's size).
        "chart_gap_one": "… {n} commune in between …",
        "histogram": "Distribution of the index (%) over {n} communes; dashed lines: class edges",
        "hist_bin": "{lo}–{hi} %: {n} communes",
        "hist_bin_one": "{lo}–{hi} %: {n} commune",
        "former_district": "Former district",
        "page_status": "Rows {from}–{to} of {total}",
        "page_prev": "Previous page",
        "page_next": "Next page",
        "page_nav": "Pages of the ranking table",
        "paged_note": (
            "Large table: shown {n} rows a page. Printing prints the page shown; "
            "filter first to print the communes you need."
        ),
        "download_csv": "Download the ranking (CSV)",
        "page_word": "Page",
        "page_of": " of ",
        "index_change_short": "Index change",
    },
}
for _lang, _words in VIEW_LABELS.items():
    LABELS[_lang].update(_words)
