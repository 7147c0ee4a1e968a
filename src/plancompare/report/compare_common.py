"""Pieces shared by the comparison reports: labels, sentences and locations in the reader's language.

Every word a report shows comes from the message catalogue (`plancompare.i18n`). Finding kinds
this version does not know (added later) are shown by their code, never dropped.
"""

from __future__ import annotations

from ..i18n import Lang, number, percent, t, t_or
from ..model.common import Span
from ..model.comparison import Aspect, Comparison, Divergence, Finding, FindingKind
from ..model.targets import Comparator, Target
from ..model.warnings import ParseWarning
from ..reference.describe import describe_target as generated_description
from ..reference.outline import OUTLINE_PROVENANCE

KIND_ORDER = [
    FindingKind.MISSING,
    FindingKind.DIVERGENT,
    FindingKind.PARTIAL,
    FindingKind.COVERED,
    FindingKind.ADDED,
    FindingKind.NOT_APPLICABLE,
]
KIND_COLOUR = {
    FindingKind.COVERED: "green",
    FindingKind.PARTIAL: "yellow",
    FindingKind.MISSING: "red",
    FindingKind.DIVERGENT: "magenta",
    FindingKind.ADDED: "cyan",
    FindingKind.NOT_APPLICABLE: "bright_black",
}
OTHER_COLOUR = "white"
# codes whose message carries specifics (page counts, names, numbers) worth showing after the sentence
DETAIL_CODES = frozenset(
    {
        "ocr_used", "ocr_low_confidence", "page_error", "limit_reached", "format_mismatch",
        "legacy_encoding", "number_repaired", "unclassified_text", "unit_unknown", "table_gap",
        "site_info_disagrees", "unit_separator_missing", "review_comments",
    }
)  # fmt: skip
REFERENCE_PREFIX = "reference: "
_COMPARATOR_KEY = {
    Comparator.GE: "target.ge",
    Comparator.GT: "target.gt",
    Comparator.LE: "target.le",
    Comparator.LT: "target.lt",
    Comparator.EQ: "target.eq",
}


def kinds_present(c: Comparison) -> list[str]:
    """The known kinds in report order, then any kind this version does not know, by name."""
    known = [k.value for k in KIND_ORDER]
    return known + sorted({str(f.kind) for f in c.findings} - set(known))


def kind_label(kind: str, lang: Lang) -> str:
    return t_or(f"kind.{kind}", kind, lang)


def kind_colour(kind: str) -> str:
    return next((colour for k, colour in KIND_COLOUR.items() if k.value == kind), OTHER_COLOUR)


def kind_count(c: Comparison, kind: str) -> int:
    return sum(1 for f in c.findings if str(f.kind) == kind)


def plain_number(value: float, lang: Lang) -> str:
    """15 -> "15", 3.5 -> "3,5" (vi) / "3.5" (en)."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:g}"
    return text.replace(".", ",") if lang is Lang.VI else text


def describe_target(target: Target, lang: Lang) -> str:
    """A target in words: "tối thiểu 15% đến năm 2030", "từ 15% đến 20% hằng năm"."""
    unit = target.unit or ""
    value = f"{plain_number(target.value, lang)}{unit}"
    if target.comparator is Comparator.RANGE and target.value_max is not None:
        core = t("target.range", lang, value=value, value_max=f"{plain_number(target.value_max, lang)}{unit}")
    else:
        core = t(_COMPARATOR_KEY.get(target.comparator, "target.eq"), lang, value=value)
    parts = [core]
    if target.period:
        parts.append(t_or(f"target.{target.period}", target.period, lang))
    if target.by_year:
        parts.append(t("target.by_year", lang, year=target.by_year))
    return " ".join(parts)


def target_with_metric(target: Target, lang: Lang) -> str:
    described = describe_target(target, lang)
    return f"{target.metric}: {described}" if target.metric else described


def _target_side(target: Target | None, fallback: str, lang: Lang) -> str:
    if target is None:
        return fallback
    said = " ".join(target.text.split())
    described = describe_target(target, lang)
    # an outline target without its own wording carries a generated one: not worth quoting
    generated = said == generated_description(target)
    return f"{described} («{said}»)" if said and not generated else described


def divergence_sentence(d: Divergence, lang: Lang) -> str:
    """ "Chỉ tiêu thấp hơn: kế hoạch ghi 10%, văn bản tham chiếu yêu cầu tối thiểu 15% đến năm 2030"."""
    reference, plan = d.reference, d.plan
    if d.aspect is Aspect.TARGET:
        reference = _target_side(d.reference_target, d.reference, lang)
        if d.plan_target is None and d.reference_target is not None:
            return t("divergence.target.not_stated", lang, reference=reference)
        plan = _target_side(d.plan_target, d.plan, lang)
    key = f"divergence.{d.aspect}.{d.direction}"
    fallback = t(
        "divergence.other", lang, aspect=d.aspect, direction=d.direction, plan=plan, reference=reference
    )
    return t_or(key, fallback, lang, plan=plan, reference=reference)


def note_sentence(c: Comparison, f: Finding, lang: Lang) -> str | None:
    """The finding's note in the reader's language, from the finding's data rather than its
    English `note` (kept in JSON). Missing items show the closest text instead (see evidence)."""
    kind = str(f.kind)
    if kind == FindingKind.PARTIAL and f.score >= c.thresholds.covered and len(f.plan_ids) > 1:
        return t("note.ambiguous", lang, ids=", ".join(f.plan_ids))
    if kind == FindingKind.PARTIAL:
        return t("note.partial", lang)
    if kind == FindingKind.MISSING:
        return None if f.evidence.closest_plan_id else t("note.no_closest", lang)
    if kind == FindingKind.ADDED:
        if f.note and f.note.startswith("closest reference item: "):
            return t("note.closest_reference", lang, id=f.note.rpartition(": ")[2])
        return None
    if kind in {k.value for k in KIND_ORDER}:  # a kind added later keeps its own note
        return None
    return f.note


def finding_details(c: Comparison, f: Finding, lang: Lang) -> list[str]:
    """Divergence sentences, then the note: one entry per line."""
    out = [divergence_sentence(d, lang) for d in f.divergences]
    note = note_sentence(c, f, lang)
    return [*out, note] if note else out


def confidence_label(confidence: str | None, lang: Lang) -> str | None:
    return None if confidence is None else t_or(f"confidence.{confidence}", confidence, lang)


def reference_facts(f: Finding, lang: Lang) -> list[str]:
    """ "Độ tin cậy: có cơ sở", "Chỉ tiêu của mục tham chiếu: …": shown next to the reference item."""
    out = []
    confidence = confidence_label(f.evidence.reference_confidence, lang)
    if confidence:
        out.append(f"{t('evidence.confidence', lang)}: {confidence}")
    if f.evidence.reference_targets:
        targets = "; ".join(target_with_metric(x, lang) for x in f.evidence.reference_targets)
        out.append(f"{t('evidence.targets', lang)}: {targets}")
    return out


def closest_heading(f: Finding, lang: Lang) -> str | None:
    ev = f.evidence
    if ev.closest_plan_id is None:
        return None
    where = span_location(ev.closest_plan_span, lang)
    score = number(ev.closest_score or 0.0, lang, 2)
    return t("evidence.closest", lang, id=ev.closest_plan_id, score=score, where=where).rstrip(", ")


def provenance(c: Comparison, lang: Lang) -> str | None:
    raw = c.reference.provenance
    if raw == OUTLINE_PROVENANCE:
        return t("provenance.reconstructed", lang)
    return raw


def document_label(c: Comparison, side: str) -> str:
    header = c.reference if side == "reference" else c.plan
    m = header.metadata
    name = " ".join(x for x in (m.doc_type_name, m.number) if x) or header.source.path
    issuer = f" — {m.issuer}" if m.issuer else ""
    return f"{name}{issuer} [{header.source.path}]"


def coverage_bar(coverage: float, width: int = 30) -> str:
    filled = round(coverage * width)
    return "█" * filled + "░" * (width - filled)


def coverage_line(c: Comparison, lang: Lang) -> str:
    """ "Đã cụ thể hóa 20 · Có khác biệt 3 · … trên tổng số 24 nội dung của văn bản tham chiếu"."""
    counts = " · ".join(f"{kind_label(k, lang)} {kind_count(c, k)}" for k in kinds_present(c))
    return f"{percent(c.summary.coverage, lang)} — {counts} {t('report.of_items', lang, items=c.summary.reference_items)}"


def coverage_explanation(c: Comparison, lang: Lang) -> list[str]:
    """Why coverage can be 100% with divergent items: how it is counted, and how many diverge."""
    s = c.summary
    out = [t("report.coverage_rule", lang)]
    if s.divergent:
        carried = s.covered + s.divergent
        out.append(t("report.coverage_divergent", lang, carried=carried, divergent=s.divergent))
    return out


def span_location(span: Span | None, lang: Lang) -> str:
    """ "tr. 13 dòng 22 – tr. 14 dòng 11" for a span over a page break; "tr. 3, dòng 5-9"; "dòng 171-177"."""
    if span is None:
        return ""
    if span.page is not None and span.page_end is not None and span.page_end != span.page:
        return t(
            "location.pages",
            lang,
            page=span.page,
            line_start=span.line_start,
            page_end=span.page_end,
            line_end=span.line_end,
        )
    lines = str(span.line_start) if span.line_start == span.line_end else f"{span.line_start}-{span.line_end}"
    if span.page is not None:
        return t("location.page_lines", lang, page=span.page, lines=lines)
    return t("location.lines", lang, lines=lines)


def location(f: Finding, lang: Lang) -> str:
    return span_location(f.evidence.plan_span, lang)


def warning_sentence(w: ParseWarning, lang: Lang) -> str:
    """A warning as a sentence in the reader's language; the code stays in JSON."""
    message = w.message
    side = message.startswith(REFERENCE_PREFIX) and w.code != "reference_reconstructed"
    if side:
        message = message[len(REFERENCE_PREFIX) :]
    sentence = t_or(f"warning.{w.code}", "", lang)
    if not sentence:  # a code this version does not know: its own message
        sentence = f"{message[:1].upper()}{message[1:]}"
    elif w.code in DETAIL_CODES:
        sentence = f"{sentence} {t('warning.detail', lang, message=message)}"
    if w.page:
        sentence = f"{sentence} ({t('warning.page', lang, page=w.page)})"
    return t("warning.reference_side", lang, sentence=sentence) if side else sentence


GROUP_COLUMNS = (
    "col.group", "col.form", "kind.covered", "kind.partial", "kind.divergent", "kind.missing",
    "col.group_units", "col.title",
)  # fmt: skip


def group_header(lang: Lang) -> list[str]:
    """Column names of the groups table, the same in every format."""
    return [t(key, lang) for key in GROUP_COLUMNS]


def group_form(form: str, lang: Lang) -> str:
    return t_or(f"form.{form}", form, lang)
