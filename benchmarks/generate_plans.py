"""Plan variants for the scale benchmarks, made from the corpora.

    PYTHONPATH=src python benchmarks/generate_plans.py OUT_DIR [N] [--big TASKS]

- `variants(n)`: N plans derived from the Nghệ An and An Giang plans, as provinces and communes
  write them: tasks deleted, targets and deadlines changed, local tasks added, groups reordered,
  short commune-sized plans keeping a few tasks per group. Deterministic for a given seed.
- `big_plan(tasks)`: one plan with TASKS table rows (groups of ten), each row a corpus task with
  its own object and place, for the alignment benchmark (a diff of the plan against itself).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contextlib

from mutations import LOCAL_TASK, _row_line, delete_task, set_row_cell, swap_row_blocks

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpora/plans/nghe-an-686-KH-UBND-2025.md"
AN_GIANG = ROOT / "corpora/plans/an-giang-KH-UBND-2025.txt"
_ROW = regex.compile(r"(?m)^(\d+\.\d+)\t")
TABLE_HEADER = "STT\tNỘI DUNG NHIỆM VỤ\tĐƠN VỊ CHỦ TRÌ\tĐƠN VỊ PHỐI HỢP\tSẢN PHẨM\tTHỜI GIAN THỰC HIỆN"

# what a commune adds or a province varies: hand-written, so generated rows differ in their words
OBJECTS = [
    "hộ nghèo vùng đồng bào dân tộc thiểu số", "học sinh, sinh viên có hoàn cảnh khó khăn",
    "lao động mất việc làm do thiên tai", "nước sạch và vệ sinh môi trường nông thôn",
    "nhà ở xã hội cho người thu nhập thấp", "người chấp hành xong án phạt tù",
    "hợp tác xã nông nghiệp ứng dụng công nghệ cao", "tổ tiết kiệm và vay vốn ở thôn bản",
    "chuyển đổi số giao dịch tại điểm xã", "mô hình sinh kế trồng rừng gỗ lớn",
    "nuôi trồng thủy sản ven biển", "làng nghề truyền thống mây tre đan",
    "du lịch cộng đồng gắn với bảo tồn văn hóa", "lao động đi làm việc ở nước ngoài theo hợp đồng",
    "phụ nữ khởi nghiệp ở vùng biên giới", "thanh niên lập nghiệp sau nghĩa vụ quân sự",
    "chăn nuôi bò sinh sản theo chuỗi liên kết", "trồng cây dược liệu dưới tán rừng",
    "người khuyết tật tự tạo việc làm", "cải tạo đất sản xuất sau lũ quét",
]  # fmt: skip
PLACES = [
    "Quế Phong", "Kỳ Sơn", "Tương Dương", "Con Cuông", "Anh Sơn", "Thanh Chương", "Nam Đàn", "Hưng Nguyên",
    "Nghi Lộc", "Diễn Châu", "Quỳnh Lưu", "Yên Thành", "Đô Lương", "Tân Kỳ", "Nghĩa Đàn", "Quỳ Hợp",
    "Quỳ Châu", "Hoàng Mai", "Cửa Lò", "Vinh Phú", "Tri Tôn", "Tịnh Biên", "Châu Đốc", "Long Xuyên",
]  # fmt: skip
DEADLINES = ["Thường xuyên", "Hằng năm", "Tháng 12/2026", "Quý IV/2025", "Giai đoạn 2026 - 2030"]
LEADS = ["UBND các xã, phường", "Sở Tài chính", "NHCSXH Chi nhánh tỉnh", "Sở Nông nghiệp và Môi trường"]


def _task_rows(text: str) -> list[list[str]]:
    """Single-line numbered rows of the Nghệ An table, split into cells."""
    rows = []
    for m in _ROW.finditer(text):
        line = text[m.start() : text.find("\n", m.start())]
        cells = line.split("\t")
        if len(cells) == 6 and len(cells[1]) > 40:
            rows.append(cells)
    return rows


def _header(text: str) -> str:
    """Everything before the appendix task table, and its header line."""
    return text[: text.index(TABLE_HEADER)] + TABLE_HEADER + "\n"


def big_plan(tasks: int, seed: int = 0) -> str:
    """A plan with `tasks` rows; each row is a corpus task about its own object and place."""
    rng = random.Random(seed)
    base = NGHE_AN.read_text(encoding="utf-8")
    pool = _task_rows(base)
    out = [_header(base)]
    for k in range(tasks):
        group, item = divmod(k, 10)
        if item == 0:
            title = f"Nhóm nhiệm vụ {group + 1}: {OBJECTS[group % len(OBJECTS)]}"
            out.append(f"{group + 1}\t<b>{title}</b>\t\t\t\t\n")
        cells = list(rng.choice(pool))
        cells[0] = f"{group + 1}.{item + 1}"
        obj = OBJECTS[(k * 7 + group) % len(OBJECTS)]
        place = PLACES[(k * 5 + item) % len(PLACES)]
        # the first words carry the row's own topic, so rows do not all look alike
        cells[1] = f"Hỗ trợ {obj} tại {place} (đợt {k + 1}): {cells[1]}"
        cells[2] = rng.choice(LEADS)
        cells[5] = rng.choice(DEADLINES)
        out.append("\t".join(cells) + "\n")
    return "".join(out)


def _numbers(text: str) -> list[str]:
    return [m.group(1) for m in _ROW.finditer(text)]


def _province_variant(text: str, rng: random.Random, k: int) -> str:
    numbers = _numbers(text)
    for number in rng.sample(numbers, rng.randint(0, 4)):
        try:
            text = delete_task(text, number)
        except KeyError:
            continue
    if rng.random() < 0.3:
        text = text.replace("khoảng 15%-20%", f"khoảng {rng.randint(8, 14)}%-{rng.randint(15, 20)}%")
    if rng.random() < 0.3:
        row = rng.choice([n for n in _numbers(text) if n.count(".") == 1])
        text = set_row_cell(text, row, 5, rng.choice(DEADLINES))
    if rng.random() < 0.3:
        local = LOCAL_TASK.replace("miền Tây Nghệ An", PLACES[k % len(PLACES)])
        text = text.replace("\n6\t<b>Chế độ", "\n" + local + "\n6\t<b>Chế độ", 1)
    if rng.random() < 0.2:
        with contextlib.suppress(StopIteration):
            text = swap_row_blocks(text, "3", "4")
    return text.replace("Số: 686 /KH-UBND", f"Số: {700 + k}/KH-UBND", 1)


def _commune_variant(text: str, rng: random.Random, k: int) -> str:
    """A commune's short plan: one or two tasks per group, the rest dropped."""
    keep: set[str] = set()
    by_group: dict[str, list[str]] = {}
    for n in _numbers(text):
        by_group.setdefault(n.split(".")[0], []).append(n)
    for numbers in by_group.values():
        keep.update(rng.sample(numbers, min(len(numbers), rng.randint(1, 2))))
    for n in _numbers(text):
        if n not in keep:
            try:
                m = _row_line(text, n)
            except KeyError:
                continue
            end = text.find("\n", m.start())
            text = text[: m.start()] + text[end + 1 :]
    place = PLACES[k % len(PLACES)]
    return text.replace("UBND tỉnh ban hành", f"UBND xã {place} ban hành", 1).replace(
        "Số: 686 /KH-UBND", f"Số: {k + 1}/KH-UBND", 1
    )


def variants(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """(file name, text) of `n` plan variants: province and commune plans from Nghệ An, and copies
    of the An Giang plan with other place names."""
    rng = random.Random(seed)
    nghe_an = NGHE_AN.read_text(encoding="utf-8")
    an_giang = AN_GIANG.read_text(encoding="utf-8")
    out = []
    for k in range(n):
        kind = k % 4
        if kind == 3:
            place = PLACES[k % len(PLACES)]
            out.append((f"v{k:05d}-an-giang-{place}.txt", an_giang.replace("An Giang", place)))
        elif kind == 2:
            out.append((f"v{k:05d}-commune.md", _commune_variant(nghe_an, rng, k)))
        else:
            out.append((f"v{k:05d}-province.md", _province_variant(nghe_an, rng, k)))
    return out


def write_variants(out: Path, n: int, seed: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in variants(n, seed):
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = Path(args[0]) if args else Path("variants")
    if "--big" in sys.argv:
        size = int(sys.argv[sys.argv.index("--big") + 1])
        target.mkdir(parents=True, exist_ok=True)
        (target / f"big-{size}.md").write_text(big_plan(size), encoding="utf-8")
    else:
        written = write_variants(target, int(args[1]) if len(args) > 1 else 200)
        print(f"{len(written)} plans in {target}")
