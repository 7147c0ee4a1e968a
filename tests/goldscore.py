"""Gold score of a parsed plan: fields matched out of the gold file's fields, counted as
`../shared/tools/gold_check.py` counts them (its `compare`, kept here so the tests need no file
outside the project; strings fold as `plancompare.text.fold.fold` and gold_check both do)."""

from __future__ import annotations

from typing import Any

from goldcompare import f as fold


class Checker:
    def __init__(self, label: str) -> None:
        self.label = label
        self.total = 0
        self.ok = 0
        self.misses: list[str] = []

    def check(self, what: str, good: bool, detail: str = "") -> None:
        self.total += 1
        if good:
            self.ok += 1
        else:
            self.misses.append(f"{self.label}: {what}: {detail}")

    def eq(self, what: str, got: object, want: object) -> None:
        self.check(what, fold(got) == fold(want), f"got {got!r}, want {want!r}")


def unit_texts(units: list) -> list[str]:
    out = []
    for u in units or []:
        out.append(fold(u.get("text") if isinstance(u, dict) else u))
    return sorted(out)


def check_target(c: Checker, what: str, got_list: list, want: dict) -> None:
    def same(t: dict) -> bool:
        if float(t.get("value", -1)) != float(want["value"]):
            return False
        if want.get("value_max") is not None and float(t.get("value_max") or -1) != float(want["value_max"]):
            return False
        if want.get("comparator") and t.get("comparator") != want["comparator"]:
            return False
        return not (want.get("by_year") and t.get("by_year") != want["by_year"])

    c.check(what, any(same(t) for t in got_list or []), f"no target like {want}")


def compare(gold: dict, got: dict, label: str) -> Checker:
    c = Checker(label)
    gm, m = gold["metadata"], got.get("metadata", {})
    for key in ("doc_type", "number", "place", "date", "signer", "signer_title", "signing_capacity"):
        if key in gm:
            c.eq(f"metadata.{key}", m.get(key), gm[key])
    if "issuer_accept" in gm:
        c.check(
            "metadata.issuer",
            fold(m.get("issuer")) in {fold(x) for x in gm["issuer_accept"]},
            f"got {m.get('issuer')!r}, want one of {gm['issuer_accept']}",
        )
    elif "issuer" in gm:
        c.eq("metadata.issuer", m.get("issuer"), gm["issuer"])
    if "doc_type_name" in gm:
        c.eq("metadata.doc_type_name", m.get("doc_type_name"), gm["doc_type_name"])
    if "title_starts_with" in gm:
        c.check(
            "metadata.title",
            fold(m.get("title")).startswith(fold(gm["title_starts_with"])),
            f"got {str(m.get('title'))[:80]!r}",
        )
    if "cites" in gm:
        c.check(
            "metadata.cites",
            sorted(fold(x) for x in m.get("cites", [])) == sorted(fold(x) for x in gm["cites"]),
            f"got {m.get('cites')}, want {gm['cites']}",
        )
    if "recipients_count" in gm:
        c.check(
            "metadata.recipients",
            len(m.get("recipients") or []) == gm["recipients_count"],
            f"got {len(m.get('recipients') or [])}, want {gm['recipients_count']}",
        )
    if "appendix" in gm:
        c.check(
            "metadata.appendix",
            m.get("appendix") == gm["appendix"],
            f"got {m.get('appendix')}, want {gm['appendix']}",
        )

    sections = got.get("sections", [])
    by_id = {s.get("id"): s for s in sections}
    for gs in gold.get("sections", []):
        if gs["id"] == "PL":
            c.check(
                "section PHỤ LỤC",
                any(fold(s.get("title")).startswith(fold(gs["title_starts_with"])) for s in sections),
                "no appendix section",
            )
            continue
        s = by_id.get(gs["id"])
        if s is None:
            c.check(f"section {gs['id']}", False, "missing")
            continue
        if "title" in gs:
            c.eq(f"section {gs['id']} title", s.get("title"), gs["title"])
        if "title_starts_with" in gs:
            c.check(
                f"section {gs['id']} title",
                fold(s.get("title")).startswith(fold(gs["title_starts_with"])),
                f"got {str(s.get('title'))[:60]!r}",
            )
        for item in gs.get("items", []):
            c.check(f"section {gs['id']}.{item}", f"{gs['id']}.{item}" in by_id, "missing")

    tasks = got.get("tasks", [])
    used: set[int] = set()
    for gt in gold.get("tasks", []):
        what = f"task {gt['id']}"
        idx = next(
            (
                i
                for i, t in enumerate(tasks)
                if i not in used and fold(t.get("text")).startswith(fold(gt["starts_with"]))
            ),
            None,
        )
        if idx is None:
            c.check(what, False, f"no task starting with {gt['starts_with']!r}")
            continue
        used.add(idx)
        t = tasks[idx]
        c.check(what, True)
        if gt.get("number") is not None:
            c.eq(f"{what} number", t.get("number"), gt["number"])
        for key in ("lead_units", "support_units"):
            if key in gt:
                c.check(
                    f"{what} {key}",
                    unit_texts(t.get(key)) == sorted(fold(u) for u in gt[key]),
                    f"got {[u.get('text') for u in t.get(key) or []]}, want {gt[key]}",
                )
        if "product" in gt:
            c.eq(f"{what} product", t.get("product"), gt["product"])
        gd, d = gt.get("deadline") or {}, t.get("deadline") or {}
        if gd.get("kind"):
            c.eq(f"{what} deadline.kind", d.get("kind"), gd["kind"])
        if gd.get("text") is not None:
            c.eq(f"{what} deadline.text", d.get("text"), gd["text"])
        if gd.get("text_contains"):
            c.check(
                f"{what} deadline.text",
                fold(gd["text_contains"]) in fold(d.get("text")),
                f"got {d.get('text')!r}",
            )
        for key in ("date", "day_month"):
            if gd.get(key):
                c.eq(f"{what} deadline.{key}", d.get(key), gd[key])
        for k, gtarget in enumerate(gt.get("targets", [])):
            check_target(c, f"{what} target {k + 1}", t.get("targets"), gtarget)
    # "task_count" where the gold lists only a sample of a long task table
    want_count = gold.get("task_count", len(gold["tasks"]) if "tasks" in gold else None)
    if want_count is not None:
        c.check("task count", len(tasks) == want_count, f"got {len(tasks)}, want {want_count}")

    for k, gtarget in enumerate(gold.get("targets_in_body", [])):
        check_target(c, f"document target {k + 1} ({gtarget.get('where')})", got.get("targets"), gtarget)
    return c


def score(gold: dict[str, Any], got: dict[str, Any], label: str = "") -> tuple[int, int, list[str]]:
    c = compare(gold, got, label)
    return c.ok, c.total, c.misses
