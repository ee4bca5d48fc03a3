"""Problems of the outputs (where results are written) and of results read back (pari report,
pari explain, --previous): they stop a run. Part of the catalogue (pari_index.messages.catalogue)."""

from __future__ import annotations

from pari_index.messages.words import Entry, entry, plain_entry

_OUTPUT_HINT = ("chọn tên hoặc thư mục khác cho kết quả", "choose another name or folder for the output")

#: Where results are written, and results read back.
OUTPUT_PROBLEMS: dict[str, Entry] = {
    # --- outputs --------------------------------------------------------------------------------------
    "output-is-input": entry(
        "Kết quả sẽ ghi đè lên tệp đầu vào",
        "The output would overwrite an input",
        "{overwrite}",
        "{overwrite}",
        "ghi ra dưới tên khác; tệp đầu vào không bao giờ bị thay thế",
        "write the output under another name; inputs are never replaced",
    ),
    "output-contains-input": entry(
        "Thư mục kết quả chứa tệp đầu vào",
        "The output folder holds an input",
        "{option} là thư mục chứa tệp đầu vào {source_option} {source}; ghi vào đó có thể thay thế nó",
        "{option} is a folder that holds the input {source_option} {source}; writing there could replace it",
        "ghi ra một thư mục mới, ngoài các thư mục đầu vào",
        "write the output into a new folder, outside the folders of the inputs",
    ),
    "output-in-evidence-folder": entry(
        "Kết quả nằm trong thư mục minh chứng",
        "The output lies inside the evidence folder",
        "{option} {path} nằm trong thư mục minh chứng {source_option} {source}: tệp ghi vào đó sẽ bị lượt "
        "chấm sau coi là minh chứng của một xã",
        "{option} {path} lies inside the evidence folder {source_option} {source}: a file written there would "
        "be taken for a commune's evidence by the next run",
        "ghi kết quả ra ngoài thư mục minh chứng (ví dụ bên cạnh nó)",
        "write the outputs outside the evidence folder (e.g. beside it)",
    ),
    "output-clash": entry(
        "Hai kết quả sẽ ghi cùng một tệp",
        "Two outputs would write the same file",
        "{option} và {other} sẽ ghi cùng một tệp ({path})",
        "{option} and {other} would write the same file ({path})",
        "đặt tên khác nhau",
        "give them different names",
    ),
    "output-inside-output": entry(
        "Một kết quả nằm trong một tệp kết quả khác",
        "An output lies inside another output's file",
        "{option} {written} sẽ được ghi vào bên trong {other} {path}, một tệp mà lượt chạy này ghi, như thể đó là "
        "một thư mục",
        "{option} {written} would be written inside {other} {path}, a file this run writes, as if it were a folder",
        "cho {option} một chỗ riêng, bên cạnh {path} (không phải bên trong)",
        "give {option} a place of its own, beside {path} (not inside it)",
    ),
    # (The path is the place; the option is left out of the sentence: outputs/files.py raises these
    # without one. The English of outputs/paths.py names it, the Vietnamese says the same otherwise.)
    "output-not-a-folder": entry(
        "Kết quả phải là thư mục nhưng đã có tệp cùng tên",
        "The output must be a folder, and a file of that name exists",
        "cần một thư mục ở đây, nhưng đã có một tệp cùng tên",
        "a folder is needed here, and a file of that name exists",
        "chỉ ra tên thư mục (sẽ được tạo), hoặc chọn --format xlsx",
        "give a folder name (it is created), or choose --format xlsx",
    ),
    "output-special-file": entry(
        "Kết quả là thiết bị, pipe hoặc socket, không phải tệp",
        "The output is a device, pipe or socket, not a file",
        "{option} là thiết bị, pipe hoặc socket, không phải tệp",
        "{option} is a device, pipe or socket, not a file",
        "chỉ ra tên một tệp thông thường",
        "give the name of an ordinary file",
    ),
    "output-folder-not-results": entry(
        "Thư mục kết quả chứa tệp khác, không phải kết quả",
        "The output folder holds other files, not results",
        "thư mục chứa các tệp khác và không có kết quả nào; thư mục kết quả được thay thế toàn bộ",
        "the folder holds other files and no results; a results folder is replaced as a whole",
        "chỉ ra thư mục mới hoặc trống, hoặc thư mục kết quả trước",
        "give a new or empty folder, or the folder of earlier results",
    ),
    "output-mount-point": entry(
        "Kết quả là điểm gắn kết của ổ đĩa",
        "The output is a mount point",
        "{option} {path} là nơi gắn một ổ đĩa, thư mục mạng hoặc volume của container: hệ thống không cho "
        "thay thế nó, mà kết quả này được thay thế toàn bộ",
        "{option} {path} is where a disk, a network share or a container's volume is mounted: the system does "
        "not let it be replaced, and this output is replaced as a whole",
        "{mount_hint}",
        "{mount_hint}",
    ),
    # outputs.system_places.system_folder: {folder} is the mount point (/proc), {kind} its file system type.
    "output-system-folder": entry(
        "Kết quả nằm trong thư mục của hệ điều hành",
        "The output is in a folder of the operating system",
        "{option} nằm trong {folder}, một thư mục riêng của hệ điều hành ({kind}): nó không chứa tệp của người dùng",
        "{option} is in {folder}, a folder of the operating system's own ({kind}): it holds no files of users",
        "chọn một thư mục của mình (thư mục tài liệu, hoặc thư mục của các tệp đầu vào)",
        "choose a folder of your own (your documents, or the folder of the inputs)",
    ),
    # outputs.system_places.standard_stream: /dev/stdout, /dev/fd/1, /proc/self/fd/1, or a link to one.
    "output-standard-stream": entry(
        "Kết quả trỏ vào một luồng chuẩn",
        "The output names a standard stream",
        "{option} {path} là một luồng chuẩn của lệnh (đầu ra, lỗi hoặc đầu vào), không phải tệp: pari-index chỉ "
        "ghi các tệp có tên",
        "{option} {path} is a standard stream of the command (its output, error or input), not a file: "
        "pari-index writes named files only",
        "ghi tên tệp sau tuỳ chọn (-o ket-qua.xlsx), thay vì chuyển hướng đầu ra",
        "give the file's name after the option (-o ket-qua.xlsx), rather than redirecting the output",
    ),
    # outputs.replacing.not_ours: a form, an annex, a table of changes or a page over results.
    "output-over-results": entry(
        "Kết quả chấm điểm sẽ bị thay bằng loại tệp khác",
        "Results would be replaced by another kind of file",
        "{option} sẽ thay {path}, kết quả do pari score ghi, bằng một loại tệp khác",
        "{option} would replace {path}, results written by pari score, with another kind of file",
        "chọn tên khác: kết quả chỉ được thay bằng kết quả (pari score -o)",
        "choose another name: results are replaced only by results (pari score -o)",
    ),
    "output-is-a-folder": entry(
        "Kết quả phải là tệp nhưng đã có thư mục cùng tên",
        "The output must be a file, and a folder of that name exists",
        "{option} phải là tệp, và đã có thư mục cùng tên",
        "{option} must be a file, and a folder of that name exists",
        "{file_in_folder}",
        "{file_in_folder}",
    ),
    "output-unwritable": entry(
        "Không ghi được kết quả",
        "The output cannot be written",
        "không ghi được: {reason}",
        "cannot write: {reason}",
        "đóng tệp nếu đang mở trong Excel, giải phóng dung lượng, hoặc chọn tên khác",
        "close it in Excel if it is open, free space, or choose another name",
    ),
    "output-folder": entry(
        "Không tạo được thư mục kết quả",
        "The output folder cannot be made",
        "không tạo được thư mục: {reason}",
        "cannot make the folder: {reason}",
        *_OUTPUT_HINT,
    ),
    "output-name-only-ending": entry(
        "Tên kết quả chỉ có phần đuôi",
        "The output's name is only an ending",
        "{option} {path}: tên chỉ có phần đuôi, không có tên đứng trước (tệp mang tên như vậy bị ẩn)",
        "{option} {path}: the name is only an ending, with no name before it (a file so named is hidden)",
        "ghi một tên trước phần đuôi, ví dụ ket-qua{ending}",
        "write a name before the ending, e.g. ket-qua{ending}",
    ),
    "output-suffix": entry(
        "Đuôi tên tệp không đúng",
        "Wrong file name ending",
        "{option} {path}: tên tệp phải kết thúc bằng {allowed}",
        "{option} {path}: the file must end in {allowed}",
        "đổi đuôi tên tệp",
        "change the file name's ending",
    ),
    "output-folder-suffix": entry(
        "Thư mục mang đuôi tên của một tệp",
        "A folder named with a file's ending",
        "{option} {path}: đây là một thư mục (các tệp {kind}), nhưng tên kết thúc bằng {suffix} như tên một tệp",
        "{option} {path}: this is a folder (of {kind} files), but its name ends in {suffix} as a file's does",
        "bỏ đuôi tệp khỏi tên thư mục",
        "drop the file's ending from the folder's name",
    ),
    "output-type-unknown": entry(
        "Không biết loại tệp kết quả",
        "Unknown output type",
        "không biết loại kết quả {suffix}",
        "unknown output type {suffix}",
        "dùng results.xlsx, hoặc một thư mục với --format csv hay parquet",
        "use results.xlsx, or a folder with --format csv or parquet",
    ),
    "output-is-report-name": entry(
        "Tên báo cáo HTML đưa cho -o",
        "An HTML report's name given to -o",
        "-o là tệp kết quả (một sổ tính, hoặc một thư mục với --format csv hay parquet); báo cáo {suffix} được"
        " ghi bằng --report",
        "-o names the results (a workbook, or a folder with --format csv or parquet); a {suffix} report is"
        " written with --report",
        "ghi kết quả bằng -o và báo cáo bằng --report: -o {stem}.xlsx --report {name}",
        "write the results with -o and the report with --report: -o {stem}.xlsx --report {name}",
    ),
    "csv-needs-folder": plain_entry(
        "Kết quả CSV gồm nhiều bảng: cần một thư mục",
        "A CSV result is several tables: a folder is needed",
        "chỉ ra tên thư mục cùng --format csv",
        "give a folder name with --format csv",
    ),
    # --- results read back (pari report, pari explain, --previous) ---------------------------------
    "results-damaged": entry(
        "Tệp kết quả bị hỏng hoặc đã bị sửa",
        "The results file is damaged or was edited",
        "{results_problem}",
        "{results_problem}",
        "chấm lại bằng pari score để có tệp kết quả mới",
        "score again with pari score for a fresh results file",
    ),
    "results-link-outside": entry(
        "Tệp kết quả trỏ ra ngoài thư mục của nó",
        "The results folder links outside itself",
        "{results_problem}",
        "{results_problem}",
        "dùng thư mục kết quả do pari score ghi",
        "give a results folder written by pari score",
    ),
    "results-overflow-outside": entry(
        "Bảng tràn của tệp kết quả nằm ngoài thư mục của nó",
        "The results' overflow table lies outside its folder",
        "{results_problem}",
        "{results_problem}",
        "dùng tệp kết quả do pari score ghi",
        "give a results file written by pari score",
    ),
    "commune-not-in-results": entry(
        "Xã không có trong tệp kết quả",
        "Commune not in the results",
        "xã {commune} không có trong {results}",
        "commune {commune} is not in {results}",
        "{code_hint}",
        "{code_hint}",
    ),
    "results-other-criteria": entry(
        "Bộ tiêu chí khác với bộ đã chấm kết quả",
        "Not the criteria set of the results",
        "--criteria {criteria} là bộ {given}, nhưng kết quả được chấm theo bộ {scored}",
        "--criteria {criteria} is the set {given}, but the results were scored with {scored}",
        "dùng bộ tiêu chí đã chấm kết quả, hoặc bỏ --criteria",
        "give the criteria set the results were scored with, or leave out --criteria",
    ),
    "results-criteria-edited": entry(
        "Bộ tiêu chí đã bị sửa từ khi chấm kết quả",
        "The criteria set was edited since the results were scored",
        "--criteria {criteria} là bộ {given} như kết quả, nhưng không giống bộ đã chấm: SHA-256 của nó "
        "({of_words}) là {digest}, còn trang thông tin của kết quả ghi {scored_digest}",
        "--criteria {criteria} is the set {given} of the results, but not as they were scored with it: the "
        "SHA-256 of its {of_words} is {digest}, while the results' about sheet records {scored_digest}",
        "dùng đúng tệp bộ tiêu chí đã chấm kết quả, hoặc chấm lại với bộ đã sửa",
        "give the criteria file the results were scored with, unchanged, or score again with the edited set",
    ),
    "bundled-criteria-differs": entry(
        "Bộ tiêu chí có sẵn khác bộ đã chấm kết quả",
        "The bundled criteria set differs from the one the results were scored with",
        "bộ tiêu chí có sẵn {given} không phải bộ đã dùng để chấm kết quả: SHA-256 của nó ({of_words}) là {digest}, "
        "còn trang thông tin của kết quả ghi {scored_digest}; bộ này không được dùng, những gì in ra chỉ lấy từ kết "
        "quả (không có quy tắc và nhãn của bộ)",
        "the bundled criteria set {given} is not the set the results were scored with: the SHA-256 of its "
        "{of_words} is {digest}, while the results' about sheet records {scored_digest}; it was not used, and what "
        "is shown comes from the results alone (without the set's rules and labels)",
        "dùng --criteria với tệp bộ tiêu chí đã chấm kết quả để in quy tắc và nhãn của bộ",
        "give --criteria with the criteria file the results were scored with to have its rules and labels shown",
    ),
    "criterion-not-in-results": entry(
        "Không có tiêu chí được chấm với mã này",
        "No scored item under this id",
        "{criterion} không phải là tiêu chí được chấm, lĩnh vực hay tiêu chí có tiêu chí con được chấm",
        "{criterion} is neither a scored item nor an area or criterion with scored items",
        "{item_hint}",
        "{item_hint}",
    ),
    # --- names and paths the system cannot write (hostile sweep, session 6) ------------------------
    "cache-overlaps-output": entry(
        "Bộ nhớ đệm trùng với thư mục kết quả",
        "Cache and output overlap",
        "--cache {cache} và {option} {path} chồng lên nhau: thư mục này là hoặc chứa thư mục kia",
        "--cache {cache} and {option} {path} overlap: one is or holds the other",
        "để bộ nhớ đệm trong một thư mục riêng, bên cạnh kết quả (ví dụ .pari-cache)",
        "keep the cache in a folder of its own, beside the results (e.g. .pari-cache)",
    ),
    "output-not-pari": entry(
        "Kết quả sẽ ghi đè lên tệp không do pari-index ghi",
        "The output would replace a file pari-index did not write",
        "{option} sẽ thay thế {path}, một tệp không do pari-index ghi",
        "{option} would replace {path}, a file that pari-index did not write",
        "chọn tên khác, hoặc chuyển tệp đó đi nơi khác trước; chỉ kết quả cũ của pari-index mới được thay thế",
        "choose another name, or move that file away first; only earlier outputs of pari-index are replaced",
    ),
    "output-unreadable": entry(
        "Kết quả sẽ ghi đè lên tệp không đọc được",
        "The output would replace a file that cannot be read",
        "{option} sẽ thay thế {path}, một tệp không đọc được ({reason}): không biết được tệp có do pari-index ghi "
        "hay không",
        "{option} would replace {path}, which cannot be read ({reason}): whether pari-index wrote it cannot be told",
        "cấp cho mình quyền đọc tệp đó (trên Windows: Thuộc tính › Bảo mật), chọn tên khác, hoặc chuyển tệp đó "
        "đi nơi khác trước",
        "give yourself permission to read it (on Windows: Properties › Security), choose another name, or move "
        "that file away first",
    ),
    "output-edited": entry(
        "Kết quả sẽ ghi đè lên tệp đã có người sửa",
        "The output would replace a file someone has worked on",
        "{option} sẽ thay thế {path}, tệp do pari-index ghi nhưng sau đó đã có người sửa (lưu lại bằng Excel hoặc "
        "LibreOffice, hay sửa nội dung bản dự thảo)",
        "{option} would replace {path}, which pari-index wrote but someone has worked on since (saved by Excel or "
        "LibreOffice, or the draft's text changed)",
        "chọn tên khác, hoặc chuyển tệp đó đi nơi khác trước: những gì đã điền hay sửa trong đó sẽ mất",
        "choose another name, or move that file away first: what was filled in or corrected would be lost",
    ),
    "output-case-twin": entry(
        "Tên kết quả chỉ khác một tệp bên cạnh ở chữ hoa, chữ thường",
        "The output's name differs from a file beside it only in letter case",
        "{option} {name}: bên cạnh đã có {twin}, tên mà Windows và macOS coi là một: khi chép sang đó, tệp này sẽ "
        "thay thế tệp kia",
        "{option} {name}: {twin} is beside it, a name Windows and macOS take for the same: copied there, one "
        "would replace the other",
        "để thay thế tệp đó, ghi đúng tên như đang có; nếu không, chọn một tên riêng",
        "to replace that file, give its name as it is written; else choose a name of its own",
    ),
    "output-open-in-office": entry(
        "Tệp sẽ bị thay thế đang mở trong Excel hoặc LibreOffice",
        "The file to be replaced is open in Excel or LibreOffice",
        "{option} sẽ thay thế {path}, tệp đang mở trong Excel hoặc LibreOffice (có tệp khoá {lock} bên cạnh): "
        "nếu lưu lại ở đó, nội dung cũ sẽ ghi đè lên nội dung mới",
        "{option} would replace {path}, which is open in Excel or LibreOffice (its lock file {lock} is beside "
        "it): a save there would put the old content back over the new",
        "đóng tệp ở đó rồi chạy lại; nếu tệp đã đóng, tệp khoá còn sót lại sau một lần chương trình bị tắt đột "
        "ngột: xoá tệp khoá đó",
        "close the file there, then run again; if it is closed, a crash left the lock file: delete that lock file",
    ),
    "output-file-named-as-folder": entry(
        "Tên tệp kết quả có dạng tên thư mục",
        "An output file named as a folder",
        "{option} {path}/: tên kết thúc bằng «/» như tên một thư mục, nhưng kết quả này là một tệp",
        "{option} {path}/: the name ends in «/», as a folder's does, but this output is a file",
        "ghi tên tệp, không có «/» ở cuối; chỉ kết quả dạng CSV hoặc Parquet (--format csv) mới được ghi thành thư mục",
        "give the file's name without «/» at the end; only results in CSV or Parquet "
        "(--format csv) are written as a folder",
    ),
    "demo-file-changed": entry(
        "Tệp trong thư mục dữ liệu mô phỏng đã bị thay đổi",
        "A file of the demonstration folder has changed",
        "{option} sẽ thay thế {path}, nhưng tệp này không còn như pari demo-data đã ghi (đã bị sửa, hoặc một tệp "
        "khác được chép vào dưới tên đó)",
        "{option} would replace {path}, which is no longer as pari demo-data wrote it (edited since, or another "
        "file put there under its name)",
        "chuyển tệp đó đi nơi khác trước, hoặc ghi bộ dữ liệu mô phỏng vào một thư mục mới",
        "move that file away first, or write the demonstration set into a new folder",
    ),
    "output-read-only": entry(
        "Kết quả sẽ ghi đè lên tệp chỉ đọc",
        "The output would replace a read-only file",
        "{option} sẽ thay thế {path}, một tệp được đánh dấu chỉ đọc",
        "{option} would replace {path}, a file marked read-only",
        "nếu cần thay tệp này, bỏ đánh dấu chỉ đọc trước (chmod u+w, hoặc mục Properties của tệp trên Windows);"
        " hoặc chọn tên khác",
        "remove the read-only mark first (chmod u+w, or the file's Properties on Windows) if it is to be replaced,"
        " or choose another name",
    ),
    "output-read-only-umask": entry(
        "Kết quả sẽ ghi đè lên tệp chỉ đọc (umask)",
        "The output would replace a read-only file (umask)",
        "{option} sẽ thay thế {path}, một tệp được đánh dấu chỉ đọc; umask {umask} khiến mọi tệp mới đều chỉ đọc, "
        "và pari-index thay các tệp kết quả của chính nó bị để như vậy, nhưng tệp này đã bị đánh dấu (chmod) sau "
        "khi được ghi, thuộc người dùng khác, hoặc không phải kết quả của pari-index",
        "{option} would replace {path}, a file marked read-only; the umask {umask} makes every new file read-only, "
        "and pari-index replaces its own outputs left so, but this file was marked (chmod) since it was written, "
        "is another user's, or is not an output of pari-index",
        "nếu cần thay tệp này, bỏ đánh dấu chỉ đọc trước (chmod u+w); hoặc chọn tên khác",
        "if it is to be replaced, remove the read-only mark first (chmod u+w); or choose another name",
    ),
    "output-umask-unreadable": entry(
        "umask khiến kết quả không đọc được",
        "The umask makes the outputs unreadable",
        "umask {umask} lấy mất quyền đọc của mọi tệp được ghi: {path} sẽ không mở được sau khi ghi, kể cả với "
        "chính bạn",
        "the umask {umask} takes the read permission from every file written: {path} could not be opened once "
        "written, not even by you",
        "đặt lại umask thông thường trước (umask 022, hoặc umask 077 để chỉ mình bạn đọc được) rồi chạy lại",
        "set an ordinary umask first (umask 022, or umask 077 for files only you can read) and run again",
    ),
    "path-is-dash": entry(
        "Dấu - thay cho tên tệp",
        "A dash for a file name",
        "{option} -: «-» (đầu vào hoặc đầu ra chuẩn, với các chương trình khác) không phải tên tệp ở đây; "
        "pari-index chỉ đọc và ghi các tệp có tên",
        "{option} -: «-» (the standard input or output, to other programs) is not a file name here; "
        "pari-index reads and writes named files only",
        "ghi tên của tệp; với một tệp thật sự tên là -, ghi cả đường dẫn (ví dụ /home/thu/data/-)",
        "give the file's name; for a file that is really named -, give its whole path (e.g. /home/thu/data/-)",
    ),
    "path-is-option": entry(
        "Tên tuỳ chọn thay cho tên tệp",
        "An option's name for a file name",
        "{option} {value}: «{value}» là tên một tuỳ chọn, không phải tên tệp: thiếu đường dẫn cho {option}",
        "{option} {value}: «{value}» is the name of an option, not of a file: the path for {option} is missing",
        "ghi đường dẫn cho tuỳ chọn đó; với một tệp hoặc thư mục thật sự mang tên một tuỳ chọn, ghi cả đường dẫn "
        "(ví dụ /home/thu/data/--report)",
        "give that option its path; for a file or folder really named as an option, give its whole path (e.g. "
        "/home/thu/data/--report)",
    ),
    "path-empty": entry(
        "Tên tệp để trống",
        "An empty file name",
        '{option}: tên được đưa vào để trống (""): một biến chưa được gán trong kịch bản?',
        '{option}: the name given is empty (""): an unset variable in a script?',
        "ghi tên của tệp",
        "give the file's name",
    ),
    "path-blank": entry(
        "Tên tệp chỉ có dấu cách",
        "A file name of spaces alone",
        "{option}: tên được đưa vào chỉ có dấu cách («{name}»): một biến chứa dấu cách, hay tên bị bỏ sót?",
        "{option}: the name given is only spaces («{name}»): a variable holding a space, or a name left out?",
        "ghi tên của tệp",
        "give the file's name",
    ),
    "path-is-url": entry(
        "Địa chỉ web thay cho đường dẫn tệp",
        "A web address for a file's path",
        "một địa chỉ web (URL), không phải đường dẫn của một tệp trên máy này",
        "a web address (URL), not the path of a file on this computer",
        "tải tệp về máy trước rồi ghi đường dẫn nơi đã lưu; với địa chỉ trỏ tới một tệp trên chính máy này, ghi "
        "đường dẫn mà nó chỉ tới (ví dụ /home/thu/data/danh-gia.csv)",
        "download the file first and give the path where it was saved; for a file:// address, give the path it "
        "names (e.g. /home/thu/data/danh-gia.csv)",
    ),
    "path-pasted-marks": entry(
        "Tên có dấu ngoặc hoặc ký tự thừa dán kèm",
        "A name with quotes or characters pasted with it",
        "tên bắt đầu hoặc kết thúc bằng {marks}, thứ đi kèm khi sao chép (dấu ngoặc của bộ gõ hay của văn bản, "
        "dấu xuống dòng hay dấu tab của một ô Excel) mà không tên tệp nào ở đây có; bỏ chúng đi thì tên là {path}",
        "the name begins or ends with {marks}, which came with it when it was copied (quotes of a keyboard or a "
        "document, the line end or tab of an Excel cell) and which no file name here has; without them it is "
        "{path}",
        "ghi tên không có chúng: {path}",
        "give the name without them: {path}",
    ),
    "path-not-expanded": entry(
        "Đường dẫn có ~ hoặc biến chưa được thay",
        "A path with ~ or a variable left as written",
        "tên có {form}, {unexpanded_why}, và không có gì mang tên đó",
        "the name holds {form}, {unexpanded_why}, and nothing is named so",
        "ghi đường dẫn đầy đủ (ví dụ /home/thu/ket-qua.xlsx hoặc C:\\Users\\thu\\ket-qua.xlsx), {unexpanded_hint}",
        "write the path in full (e.g. /home/thu/ket-qua.xlsx or C:\\Users\\thu\\ket-qua.xlsx), {unexpanded_hint}",
    ),
    "path-windows-form": entry(
        "Đường dẫn Windows trên hệ thống khác",
        "A Windows path on another system",
        "một đường dẫn Windows (bắt đầu bằng {form}), không chỉ tới tệp nào trên hệ thống này",
        "a Windows path (it begins with {form}), which names no file on this system",
        "ghi đường dẫn như hệ thống này gọi nó: trong WSL ổ C: là thư mục /mnt/c (ví dụ "
        "/mnt/c/Users/thu/danh-gia.csv); thư mục chia sẻ trên mạng được đọc từ thư mục nơi nó được gắn vào; hoặc "
        "chép tệp vào đây trước",
        "give the path as this system names it: under WSL drive C: is the folder /mnt/c (e.g. "
        "/mnt/c/Users/thu/danh-gia.csv); a network share is read from the folder it is mounted on; or copy the "
        "file here first",
    ),
    "input-given-twice": entry(
        "Một tệp được đưa hai lần",
        "A file given twice",
        "{option}: đây là cùng một tệp với {other_option} {other}; tệp được đưa hai lần",
        "{option}: this is the same file as {other_option} {other}; it was given twice",
        "đưa mỗi tệp một lần; không đưa danh sách đơn vị, điều tra và thẩm định vào cùng các tệp tự đánh giá "
        "(ghi tên các biểu mẫu thay vì data/*)",
        "give each file once; leave the register, survey and appraisal out of the assessments "
        "(name the forms rather than data/*)",
    ),
    # Two data files with the same bytes under two names (same_content.py).
    "input-same-content": entry(
        "Hai tệp có cùng nội dung",
        "Two files with the same content",
        "{option}: tệp này có đúng từng byte như {other_option} {other}, là một bản sao mang tên khác; các dòng "
        "của nó sẽ bị đọc hai lần",
        "{option}: this file holds the same bytes as {other_option} {other}, a copy under another name; its rows "
        "would be read twice",
        "chỉ đưa một trong hai tệp (chuyển bản sao ra khỏi thư mục), rồi chấm lại",
        "give one of the two files (move the copy out of the folder), then score again",
    ),
    # A file whose every row is a row of another file given before it (intake/copied_rows.py).
    "input-same-rows": entry(
        "Hai tệp có cùng các dòng",
        "Two files with the same rows",
        "mọi dòng của tệp này đều có trong {other} (một bản sao lưu thành loại tệp khác, có dấu BOM hoặc kiểu "
        "xuống dòng khác, hoặc một phần của tệp đó được đưa lại); các dòng của nó sẽ bị đọc hai lần",
        "every row of this file is a row of {other} too (a copy saved as another type, with a byte-order mark "
        "or other line ends, or a part of that file given again); its rows would be read twice",
        "chỉ đưa một trong hai tệp (chuyển bản sao ra khỏi thư mục), rồi chấm lại",
        "give one of the two files (move the copy out of the folder), then score again",
    ),
    "input-is-results": entry(
        "Kết quả của pari score được đưa làm đầu vào",
        "Results of pari score given as an input",
        "{option}: tệp này là kết quả do pari score ghi, không phải số liệu để chấm",
        "{option}: this file holds results written by pari score, not data to score",
        "bỏ tệp này ra khỏi đầu vào (một mẫu như *.xlsx lấy cả kết quả của lần chạy trước); "
        "kết quả năm trước thì đưa bằng --previous",
        "leave it out of the inputs (a pattern such as *.xlsx takes in an earlier run's results too); "
        "give last year's results with --previous",
    ),
    "output-name-dash": entry(
        "Tên kết quả bắt đầu bằng dấu «-»",
        "The output's name begins with «-»",
        "{option} {name}: tên bắt đầu bằng «-» bị các chương trình khác (rm, cp, libreoffice …) hiểu là một tuỳ "
        "chọn: gõ nhầm tuỳ chọn hoặc tên?",
        "{option} {name}: a name that begins with «-» is taken for an option by other programs (rm, cp, "
        "libreoffice …): a mistyped option or name?",
        "ghi tên không có «-»; nếu thật sự muốn đặt tên như vậy, hãy ghi ./{name}",
        "give the name without the «-»; for a file really so named, write ./{name}",
    ),
    "input-name-dash": entry(
        "Tên tệp đầu vào bắt đầu bằng dấu «-»",
        "An input's name begins with «-»",
        "{value}: tên bắt đầu bằng «-» bị đọc như một tuỳ chọn, không phải tên tệp ({command} không có tuỳ chọn "
        "{option})",
        "{value}: a name that begins with «-» is read as an option, not as a file ({command} has no option {option})",
        "để đưa tệp này, ghi ./{value} (hoặc đặt -- trước các tên tệp); nếu là một tuỳ chọn, sửa lại tên của nó "
        "(--help liệt kê các tuỳ chọn)",
        "to give this file, write ./{value} (or put -- before the file names); for an option, correct its name "
        "(--help lists them)",
    ),
    "input-name-options": entry(
        "Tên tệp đầu vào bị đọc như các tuỳ chọn",
        "An input's name read as options",
        "{value}: tên bắt đầu bằng «-» bị đọc như các tuỳ chọn của {command} ({options}), không phải tên tệp",
        "{value}: a name that begins with «-» is read as options of {command} ({options}), not as a file",
        "để đưa tệp này, ghi ./{value} (hoặc đặt -- trước các tên tệp); để đưa giá trị cho một tuỳ chọn, đặt "
        "một dấu cách sau tuỳ chọn",
        "to give this file, write ./{value} (or put -- before the file names); to give an option its value, put "
        "a space after the option",
    ),
    "name-not-utf8": entry(
        "Tên tệp có byte không phải UTF-8",
        "File name not in UTF-8",
        "{option}: tên tệp có byte không phải văn bản UTF-8",
        "{option}: the name holds bytes that are not UTF-8 text",
        "đổi tên tệp hoặc thư mục bằng chữ thông thường (ví dụ trong trình quản lý tệp), rồi chạy lại",
        "rename the file or folder with plain letters (e.g. in a file manager), then run again",
    ),
    "output-name-not-portable": entry(
        "Tên tệp không mở được trên Windows",
        "Name Windows cannot open",
        "{option}: không mở được {name} trên Windows ({windows_reason})",
        "{option}: {name} cannot be opened on Windows ({windows_reason})",
        "chọn tên khác: không dùng CON, CONIN$, CONOUT$, PRN, AUX, NUL, COM1-9, LPT1-9, không kết thúc bằng "
        'dấu chấm hay dấu cách, không có < > : " | ? * \\',
        "choose another name: no CON, CONIN$, CONOUT$, PRN, AUX, NUL, COM1-9 or LPT1-9, no dot or space at the "
        'end, none of < > : " | ? * \\',
    ),
    "template-too-large": entry(
        "Mẫu biểu quá lớn",
        "Form too large",
        "{units} đơn vị × số dòng nhập của bộ tiêu chí = {rows} dòng, nhiều hơn {limit} dòng một mẫu biểu chứa",
        "{units} units × the set's input rows = {rows} rows, more than the {limit} one form holds",
        "dùng danh sách đơn vị của từng tỉnh hoặc huyện; để ghi mẫu lớn hơn, đặt PARI_MAX_TEMPLATE_ROWS",
        "give the register of one province or district at a time; for larger forms set PARI_MAX_TEMPLATE_ROWS",
    ),
    "report-too-large": entry(
        "Báo cáo quá lớn",
        "Report too large",
        "kết quả có {units} đơn vị, nhiều hơn {limit} đơn vị một báo cáo hiển thị",
        "the results name {units} units, more than the {limit} one report shows",
        "ghi báo cáo của từng tỉnh hoặc huyện; để ghi báo cáo lớn hơn, đặt PARI_MAX_REPORT_UNITS "
        "(khoảng 0,5 ms và 60 KB mỗi đơn vị)",
        "write the report of one province or district at a time; for a larger report set "
        "PARI_MAX_REPORT_UNITS (about 0.5 ms and 60 KB a unit)",
    ),
    # Before the run, the output still written (outputs.path_lengths); what is long
    # (labels.PARAM_WORDS["long_inside"]): the file, or the files written into the folder.
    "output-path-too-long-for-windows": entry(
        "Đường dẫn quá dài để mở trên Windows",
        "A path too long to open on Windows",
        "{option}: {long_inside}đường dẫn đầy đủ dài {length} ký tự: Excel và Explorer trên Windows chỉ mở được "
        "đường dẫn dài tối đa {limit} ký tự (khi chưa bật hỗ trợ đường dẫn dài), nên không mở được tệp ở đó",
        "{option}: {long_inside}a full path of {length} characters: Excel and Explorer on Windows open at most "
        "{limit} (without long-path support), so the file cannot be opened there",
        "ghi vào một thư mục có đường dẫn ngắn hơn (như C:\\kq, hoặc một thư mục gần gốc ổ đĩa hơn), hoặc rút ngắn "
        "tên các thư mục bên trên",
        "write it into a folder with a shorter path (such as C:\\kq, or a folder nearer the top of the disk), or "
        "shorten the names of the folders above it",
    ),
    "output-name-too-long": entry(
        "Tên tệp quá dài",
        "Name too long",
        "{option}: một tên trong đường dẫn dài hơn {limit} byte",
        "{option}: a name in the path is longer than {limit} bytes",
        "tên quá dài đối với ổ đĩa: chọn tên ngắn hơn",
        "the name is too long for the disk: choose a shorter name",
    ),
    # Checked before the run: a part of the output's path is a file (the OS error of making the
    # folder, "output-folder", comes only when the check could not see it).
    "output-folder-is-file": entry(
        "Không tạo được thư mục kết quả",
        "The output folder cannot be made",
        "{option}: {path} là một tệp, nên không tạo được thư mục ở đó",
        "{option}: {path} is a file, so no folder can be made there",
        "một phần của đường dẫn là tệp, không phải thư mục: chọn thư mục khác",
        "a part of the path is a file, not a folder: choose another folder",
    ),
    "output-folder-broken-link": entry(
        "Liên kết tới thư mục kết quả bị hỏng",
        "The output folder is a broken link",
        "{option}: {path} là một liên kết tượng trưng không dẫn tới thư mục nào (đích không còn, "
        "hoặc các liên kết vòng lại chính nó)",
        "{option}: {path} is a symbolic link that leads to no folder (its target is missing, or the links loop)",
        "trỏ liên kết tới một thư mục có thật, hoặc chọn thư mục khác",
        "point the link at a folder that exists, or choose another folder",
    ),
    "output-path-too-long": entry(
        "Đường dẫn quá dài",
        "Path too long",
        "{option}: đường dẫn dài {bytes} byte, nhiều hơn {limit} byte hệ thống cho phép để ghi tệp ở đó",
        "{option}: the path is {bytes} bytes long, more than the {limit} the system takes "
        "for a file to be written there",
        "tên quá dài đối với ổ đĩa: chọn tên ngắn hơn",
        "the name is too long for the disk: choose a shorter name",
    ),
}
