"""A national document as the reference: dash and lettered items and appendix tasks as items, each with
its addressee; central-only items the plan leaves out are `not_applicable`; a công văn's assignments are
plan tasks. Hand-written documents on disaster prevention and road safety (tests/data/national/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import plancompare
from plancompare.cli import app
from plancompare.diff import compare
from plancompare.model.comparison import Comparison, Finding, FindingKind
from plancompare.model.reference import Addressee
from plancompare.reference import load_reference
from plancompare.reference.addressee import AddresseeReading, classify_addressee, named_localities

DATA = Path(__file__).parent / "data" / "national"
DECISION = DATA / "qd-412-ttg-thien-tai.txt"  # Prime Minister's decision with an attached plan
PROVINCE = DATA / "kh-233-nghe-an-thien-tai.txt"
CONG_VAN = DATA / "cv-2150-nghe-an-thien-tai.txt"
RESOLUTION = DATA / "nq-45-cp-an-toan-giao-thong.md"  # Government resolution, appendix task table
PROVINCE_TABLE = DATA / "kh-88-thanh-hoa-an-toan-giao-thong.md"


def _by_ref(c: Comparison) -> dict[str, Finding]:
    return {f.reference_id: f for f in c.findings if f.reference_id is not None}


def test_dash_items_become_items_with_their_group() -> None:
    ref = load_reference(DECISION)
    ids = [i.id for i in ref.items]
    assert ids == [
        "PL.II.1.-1", "PL.II.1.-2", "PL.II.1.-3", "PL.II.2.a", "PL.II.2.b", "PL.II.2.c",
        "PL.II.3.-1", "PL.II.3.-2", "PL.III.1", "PL.III.2",
    ]  # fmt: skip
    items = {i.id: i for i in ref.items}
    assert items["PL.II.1.-2"].group == "PL.II.1"
    assert items["PL.II.1.-2"].text.startswith("Sửa đổi Nghị định về quỹ phòng, chống thiên tai")
    groups = {g.id: g.title for g in ref.groups}
    assert groups["PL.II.1"] == "Hoàn thiện thể chế, chính sách về phòng, chống thiên tai"


def test_addressees_of_a_national_plan() -> None:
    items = {i.id: i for i in load_reference(DECISION).items}
    assert items["PL.II.1.-1"].addressee is Addressee.CENTRAL  # drafting a Luật
    assert items["PL.II.1.-3"].addressee is Addressee.EVERY_LOCALITY  # "quy định của địa phương"
    assert items["PL.II.2.b"].addressee is Addressee.EVERY_LOCALITY  # "Các tỉnh, thành phố …"
    assert items["PL.II.2.c"].addressee is Addressee.NAMED_LOCALITIES
    assert items["PL.II.2.c"].localities == ["Quảng Ninh", "Hải Phòng", "Thanh Hóa"]
    assert items["PL.III.1"].addressee is Addressee.CENTRAL  # Bộ Nông nghiệp và Môi trường leads
    # names nobody: the Tổ chức thực hiện section tells the provinces to carry the plan out
    assert items["PL.II.2.a"].addressee is Addressee.EVERY_LOCALITY
    assert items["PL.II.2.a"].addressee_basis is not None
    assert "Tổ chức thực hiện" in items["PL.II.2.a"].addressee_basis


def test_appendix_tasks_carry_lead_unit_deadline_and_addressee() -> None:
    items = {i.id: i for i in load_reference(RESOLUTION).items}
    assert sorted(k for k in items if not k.startswith("CT")) == ["1", "2", "3", "4", "5"]
    assert [u.canonical for u in items["4"].lead_units] == ["Bộ Công an"]
    assert items["4"].deadline.date == "2027-12-31"
    assert items["4"].addressee is Addressee.CENTRAL
    assert items["2"].addressee is Addressee.EVERY_LOCALITY
    assert items["3"].deadline.kind.value == "annual"


def test_central_items_are_not_applicable_and_coverage_leaves_them_out() -> None:
    c = compare(DECISION, PROVINCE)
    f = _by_ref(c)
    assert {k for k, v in f.items() if v.kind is FindingKind.NOT_APPLICABLE} == {
        "PL.II.1.-1", "PL.II.1.-2", "PL.II.2.c", "PL.III.1",
    }  # fmt: skip
    assert f["PL.II.2.c"].note is not None and "not Nghệ An" in f["PL.II.2.c"].note
    assert f["PL.II.1.-1"].addressee is Addressee.CENTRAL
    assert [f[k].kind for k in ("PL.II.1.-3", "PL.II.2.b", "PL.II.3.-1", "PL.II.3.-2")] == [
        FindingKind.COVERED
    ] * 4
    s = c.summary
    assert (s.reference_items, s.not_applicable, s.covered, s.missing) == (10, 4, 4, 2)
    assert s.coverage == pytest.approx(4 / 6, abs=1e-4)


def test_flag_includes_central_items_as_missing() -> None:
    c = compare(DECISION, PROVINCE, include_not_applicable=True)
    assert c.summary.not_applicable == 0
    assert c.summary.missing == 6
    assert c.options.include_not_applicable
    assert _by_ref(c)["PL.II.1.-1"].kind is FindingKind.MISSING


def test_a_central_item_the_plan_does_carry_keeps_its_finding() -> None:
    ref = load_reference(DECISION)
    item = next(i for i in ref.items if i.id == "PL.II.1.-3")
    central = item.model_copy(update={"addressee": Addressee.CENTRAL})
    ref = ref.model_copy(update={"items": [central if i.id == item.id else i for i in ref.items]})
    assert _by_ref(compare(ref, PROVINCE))["PL.II.1.-3"].kind is FindingKind.COVERED


def test_cong_van_assignments_are_tasks_with_the_addressee_as_lead() -> None:
    plan = plancompare.parse(CONG_VAN)
    tasks = {t.id: t for t in plan.tasks}
    assert sorted(tasks) == ["1.-1", "1.-2", "2", "3"]
    assert [u.canonical for u in tasks["1.-1"].lead_units] == ["Sở Nông nghiệp và Môi trường"]
    assert [u.canonical for u in tasks["1.-2"].lead_units] == ["Sở Nông nghiệp và Môi trường"]
    assert tasks["1.-1"].group == "1"
    assert tasks["1.-1"].deadline.text is not None and "quý III/2026" in tasks["1.-1"].deadline.text
    assert [u.canonical for u in tasks["2"].lead_units] == ["Sở Giáo dục và Đào tạo"]
    assert tasks["2"].text.startswith("Đưa kiến thức phòng, chống thiên tai")


def test_cong_van_as_the_plan_side() -> None:
    f = _by_ref(compare(DECISION, CONG_VAN))
    assert f["PL.II.2.b"].plan_ids == ["1.-2"] and f["PL.II.2.b"].kind is FindingKind.COVERED
    assert f["PL.II.3.-2"].plan_ids == ["2"]
    assert f["PL.II.1.-1"].kind is FindingKind.NOT_APPLICABLE


def test_province_led_by_any_of_its_bodies_is_no_lead_divergence() -> None:
    f = _by_ref(compare(RESOLUTION, PROVINCE_TABLE))
    assert f["2"].plan_ids == ["1"]
    assert "lead_unit" not in {d.aspect.value for d in f["2"].divergences}  # UBND các tỉnh → Công an tỉnh
    assert [f[k].kind for k in ("1", "4", "5")] == [FindingKind.NOT_APPLICABLE] * 3


def test_plan_against_plan_has_no_not_applicable() -> None:
    c = compare(PROVINCE, CONG_VAN)
    assert c.summary.not_applicable == 0
    assert {f.addressee for f in c.findings if f.reference_id} == {Addressee.UNSPECIFIED}


def test_outline_check_unchanged_by_addressees() -> None:
    c = compare(None, DATA.parents[2] / "corpora/plans/an-giang-KH-UBND-2025.txt")
    assert c.summary.not_applicable == 0


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Trình Quốc hội dự án Luật Thủy lợi (sửa đổi).", Addressee.CENTRAL),
        ("Ban hành Nghị định về quản lý chất thải rắn.", Addressee.CENTRAL),
        ("Ủy ban nhân dân cấp tỉnh bố trí quỹ đất cho nhà ở xã hội.", Addressee.EVERY_LOCALITY),
        ("Các địa phương rà soát danh mục di tích cấp tỉnh.", Addressee.EVERY_LOCALITY),
        ("Đẩy mạnh chuyển đổi số trong quản lý di sản.", Addressee.UNSPECIFIED),
    ],
)
def test_classify_addressee(text: str, addressee: Addressee) -> None:
    default = AddresseeReading(Addressee.UNSPECIFIED)
    assert classify_addressee(text, [], default).addressee is addressee


def test_province_inside_a_body_name_is_not_a_place() -> None:
    assert named_localities("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh tổ chức tại Huế") == ("Huế",)
    assert named_localities("Phát huy tư tưởng Hồ Chí Minh") == ()


def test_cli_json_has_kind_addressee_and_flag() -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["diff", str(DECISION), str(PROVINCE), "-f", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    kinds = {f["kind"] for f in data["findings"]}
    assert "not_applicable" in kinds
    assert data["summary"]["not_applicable"] == 4
    assert all("addressee" in f for f in data["findings"])
    out = runner.invoke(app, ["diff", str(DECISION), str(PROVINCE), "-f", "json", "--include-not-applicable"])
    assert json.loads(out.stdout)["summary"]["not_applicable"] == 0
    text = runner.invoke(app, ["diff", str(DECISION), str(PROVINCE), "-f", "md"]).stdout
    assert "| Không áp dụng | PL.II.1.-1 |" in text  # the kind in Vietnamese by default


def test_indicator_appendix_rows_are_items_with_targets() -> None:
    ref = load_reference(RESOLUTION)
    items = {i.id: i for i in ref.items if i.group == "CT"}
    assert sorted(items) == ["CT.1", "CT.2", "CT.3"]
    target = items["CT.3"].targets[0]
    assert (target.comparator.value, target.value, target.unit, target.by_year) == (">=", 90.0, "%", 2030)
    assert target.text == "Tỷ lệ trường học có mô hình cổng trường an toàn giao thông: ≥ 90%"
    assert "CT" in {g.id for g in ref.groups}


def test_indicator_targets_checked_against_the_plan_indicator_table() -> None:
    c = compare(RESOLUTION, PROVINCE_TABLE)
    f = _by_ref(c)
    helmet = f["CT.2"]  # 100% nationally, 98% in the province
    assert helmet.kind is FindingKind.DIVERGENT and helmet.plan_ids == ["CT.1"]
    assert [(d.aspect.value, d.direction.value) for d in helmet.divergences] == [("target", "weaker")]
    school = f["CT.3"]  # ≥ 90% nationally, ≥ 95% in the province
    assert [(d.aspect.value, d.direction.value) for d in school.divergences] == [("target", "stronger")]
    # indicator rows are evidence: never reported as added plan tasks
    assert not [x for x in c.findings if x.kind is FindingKind.ADDED and x.plan_ids[0].startswith("CT")]


def test_csv_reports_carry_addressee_and_not_applicable() -> None:
    runner = CliRunner()
    rows = runner.invoke(app, ["diff", str(DECISION), str(PROVINCE), "-f", "csv"]).stdout.splitlines()
    assert rows[0].endswith(",Đối tượng thực hiện")  # headers and labels in Vietnamese; the code column stays
    assert any(
        r.startswith("Không áp dụng,not_applicable,PL.II.1.-1,") and r.endswith(",Cơ quan trung ương")
        for r in rows
    )
    batch = runner.invoke(app, ["batch", str(PROVINCE), "-r", str(DECISION)]).stdout.splitlines()
    assert batch[0].endswith(",Không áp dụng,Lỗi") and batch[1].endswith(",4,")


def test_items_under_an_addressee_heading_take_its_units() -> None:
    """ "Điều 2 … 1. Bộ Y tế: a) … b) …; 3. Ủy ban nhân dân các tỉnh …: a) …": on both sides."""
    ref = {i.id: i for i in load_reference(DATA / "qd-377-ttg-tiem-chung.txt").items}
    assert [u.canonical for u in ref["Đ2.1.a"].lead_units] == ["Bộ Y tế"]
    assert ref["Đ2.1.a"].addressee is Addressee.CENTRAL
    assert ref["Đ2.3.b"].addressee is Addressee.EVERY_LOCALITY
    plan = {t.id: t for t in plancompare.parse(DATA / "kh-140-lai-chau-tiem-chung.txt").tasks}
    assert [u.canonical for u in plan["II.1.b"].lead_units] == ["Sở Y tế"]
    assert [u.canonical for u in plan["II.2.a"].lead_units] == ["Sở Tài chính"]
    f = _by_ref(compare(DATA / "qd-377-ttg-tiem-chung.txt", DATA / "kh-140-lai-chau-tiem-chung.txt"))
    assert f["Đ2.1.a"].kind is FindingKind.NOT_APPLICABLE
    assert f["Đ2.3.b"].plan_ids == ["II.1.b"]
    assert [(d.aspect.value, d.direction.value) for d in f["Đ2.3.b"].divergences] == [("deadline", "earlier")]
