"""Field-by-field comparison of a parsed plan (contract JSON) with a gold file.

Each check returns a list of mismatch strings; a test asserts the list is empty, so a failure shows
every wrong field at once. Strings compare after NFC, case, tone-placement and whitespace folding.
"""

from __future__ import annotations

from typing import Any

from plancompare.text.fold import fold

Json = dict[str, Any]


def f(value: object) -> str:
    return fold(str(value)).strip(" .;,:-–•+") if value is not None else ""


def check_metadata(gold: Json, got: Json, skip: frozenset[str] = frozenset()) -> list[str]:
    out: list[str] = []
    gm, m = gold["metadata"], got["metadata"]
    for key in (
        "doc_type",
        "number",
        "place",
        "date",
        "signer",
        "signer_title",
        "signing_capacity",
        "doc_type_name",
    ):
        if key in gm and key not in skip and f(m.get(key)) != f(gm[key]):
            out.append(f"metadata.{key}: got {m.get(key)!r}, want {gm[key]!r}")
    if "issuer_accept" in gm:
        if f(m.get("issuer")) not in {f(x) for x in gm["issuer_accept"]}:
            out.append(f"metadata.issuer: got {m.get('issuer')!r}")
    elif "issuer" in gm and f(m.get("issuer")) != f(gm["issuer"]):
        out.append(f"metadata.issuer: got {m.get('issuer')!r}, want {gm['issuer']!r}")
    if (
        "title_starts_with" in gm
        and "title" not in skip
        and not f(m.get("title")).startswith(f(gm["title_starts_with"]))
    ):
        out.append(f"metadata.title: got {str(m.get('title'))[:80]!r}")
    if "cites" in gm and sorted(map(f, m["cites"])) != sorted(map(f, gm["cites"])):
        out.append(f"metadata.cites: got {m['cites']}, want {gm['cites']}")
    if "recipients_count" in gm and len(m["recipients"]) != gm["recipients_count"]:
        out.append(f"metadata.recipients: got {len(m['recipients'])}, want {gm['recipients_count']}")
    if "appendix" in gm and m["appendix"] != gm["appendix"]:
        out.append(f"metadata.appendix: got {m['appendix']}, want {gm['appendix']}")
    return out


def check_sections(gold: Json, got: Json) -> list[str]:
    out: list[str] = []
    by_id = {s["id"]: s for s in got["sections"]}
    for gs in gold.get("sections", []):
        if gs["id"] == "PL":
            if not any(f(s["title"]).startswith(f(gs["title_starts_with"])) for s in got["sections"]):
                out.append("no appendix section")
            continue
        s = by_id.get(gs["id"])
        if s is None:
            out.append(f"section {gs['id']} missing")
            continue
        if "title" in gs and f(s["title"]) != f(gs["title"]):
            out.append(f"section {gs['id']} title: got {s['title']!r}")
        if "title_starts_with" in gs and not f(s["title"]).startswith(f(gs["title_starts_with"])):
            out.append(f"section {gs['id']} title: got {s['title'][:60]!r}")
        for item in gs.get("items", []):
            if f"{gs['id']}.{item}" not in by_id:
                out.append(f"section {gs['id']}.{item} missing")
    return out


def _target_like(t: Json, want: Json) -> bool:
    if float(t["value"]) != float(want["value"]):
        return False
    if want.get("value_max") is not None and float(t.get("value_max") or -1) != float(want["value_max"]):
        return False
    if want.get("comparator") and t["comparator"] != want["comparator"]:
        return False
    if want.get("by_year") and t.get("by_year") != want["by_year"]:
        return False
    if want.get("period") and t.get("period") != want["period"]:
        return False
    return not (want.get("unit") and t.get("unit") != want["unit"])


def check_tasks(gold: Json, got: Json) -> list[str]:
    out: list[str] = []
    tasks = got["tasks"]
    used: set[int] = set()
    for gt in gold.get("tasks", []):
        idx = next(
            (
                i
                for i, t in enumerate(tasks)
                if i not in used and f(t["text"]).startswith(f(gt["starts_with"]))
            ),
            None,
        )
        if idx is None:
            out.append(f"task {gt['id']}: none starts with {gt['starts_with']!r}")
            continue
        used.add(idx)
        t = tasks[idx]
        what = f"task {gt['id']}"
        if gt.get("number") is not None and f(t["number"]) != f(gt["number"]):
            out.append(f"{what} number: got {t['number']!r}")
        if "group" in gt and f(t.get("group")) != f(gt["group"]):
            out.append(f"{what} group: got {t.get('group')!r}, want {gt['group']!r}")
        for key in ("lead_units", "support_units"):
            if key in gt and sorted(f(u["text"]) for u in t[key]) != sorted(map(f, gt[key])):
                out.append(f"{what} {key}: got {[u['text'] for u in t[key]]}, want {gt[key]}")
        if "product" in gt and f(t["product"]) != f(gt["product"]):
            out.append(f"{what} product: got {t['product']!r}, want {gt['product']!r}")
        gd, d = gt.get("deadline") or {}, t["deadline"]
        if gd.get("kind") and d["kind"] != gd["kind"]:
            out.append(f"{what} deadline.kind: got {d['kind']!r}, want {gd['kind']!r}")
        if gd.get("text") is not None and f(d["text"]) != f(gd["text"]):
            out.append(f"{what} deadline.text: got {d['text']!r}, want {gd['text']!r}")
        if gd.get("text_contains") and f(gd["text_contains"]) not in f(d["text"]):
            out.append(f"{what} deadline.text: got {d['text']!r}, want it to contain {gd['text_contains']!r}")
        for key in ("date", "day_month"):
            if gd.get(key) and d.get(key) != gd[key]:
                out.append(f"{what} deadline.{key}: got {d.get(key)!r}, want {gd[key]!r}")
        if gd.get("before") is not None and d.get("before") != gd["before"]:
            out.append(f"{what} deadline.before: got {d.get('before')!r}")
        if "targets" in gt:
            if len(t["targets"]) != len(gt["targets"]):
                out.append(f"{what}: {len(t['targets'])} targets, want {len(gt['targets'])}")
            for k, want in enumerate(gt["targets"]):
                if not any(_target_like(x, want) for x in t["targets"]):
                    out.append(f"{what} target {k + 1}: none like {want}")
        if "text_chars" in gt and abs(len(t["text"]) - gt["text_chars"]) > max(3, gt["text_chars"] // 50):
            out.append(f"{what} text: {len(t['text'])} characters, want about {gt['text_chars']}")
    # "task_count" where the gold lists only a sample of a long task table
    want_count = gold.get("task_count", len(gold["tasks"]) if "tasks" in gold else None)
    if want_count is not None and len(tasks) != want_count:
        out.append(f"task count: got {len(tasks)}, want {want_count}")
    return out


def check_body_targets(gold: Json, got: Json) -> list[str]:
    out = []
    for k, want in enumerate(gold.get("targets_in_body", [])):
        where = want.get("where")
        # a dash item ("II.1.-2") is inside its section ("II.1")
        pool = (
            [
                t
                for t in got["targets"]
                if t.get("where") == where or str(t.get("where")).startswith(f"{where}.-")
            ]
            if where
            else got["targets"]
        )
        if not any(_target_like(t, want) for t in pool):
            out.append(f"body target {k + 1} at {want.get('where')}: none like {want}")
    return out


def check_body_deadlines(gold: Json, got: Json) -> list[str]:
    out = []
    for want in gold.get("deadlines_in_body", []):
        pool = [d for d in got["deadlines"] if d.get("where") == want["where"]]
        ok = any(
            (not want.get("date") or d.get("date") == want["date"])
            and (not want.get("day_month") or d.get("day_month") == want["day_month"])
            for d in pool
        )
        if not ok:
            out.append(f"body deadline at {want['where']}: none like {want}; got {pool}")
    return out


def check_all(gold: Json, got: Json, skip: frozenset[str] = frozenset()) -> list[str]:
    return (
        check_metadata(gold, got, skip)
        + check_sections(gold, got)
        + check_tasks(gold, got)
        + check_body_targets(gold, got)
        + check_body_deadlines(gold, got)
    )
