"""spaCy view of plans, for notebooks and downstream NLP: a blank Vietnamese pipeline whose entities
are the units the glossary knows (EntityRuler, matched on lower case), the documents cited, and the
deadlines and targets the extractors find.

    from plancompare.nlp import annotate
    doc = annotate("Giao Sở Tài chính chủ trì … trước ngày 30/9 hằng năm.")
    [(e.text, e.label_) for e in doc.ents]

spaCy loads only when this module is used (about 1 s); pyvi's word segmentation (2 s more) is not
used: syllables separated by spaces are the tokens, which is what the patterns need.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .extract.cites import PARTY, STATE
from .extract.deadlines import find_deadlines
from .extract.targets import find_targets
from .glossary import load_glossary
from .model.plan import Plan

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LABELS = ("UNIT", "DOC_REF", "DEADLINE", "TARGET")


def _regex_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for pattern in (STATE, PARTY):
        spans.extend((m.start(), m.end(), "DOC_REF") for m in pattern.finditer(text))
    for d in find_deadlines(text):
        if d.text and (i := text.find(d.text)) >= 0:
            spans.append((i, i + len(d.text), "DEADLINE"))
    for t in find_targets(text):
        if (i := text.find(t.text)) >= 0:
            spans.append((i, i + len(t.text), "TARGET"))
    return spans


@lru_cache(maxsize=1)
def pipeline() -> Language:
    import spacy
    from spacy.language import Language as SpacyLanguage
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    defaults = SpacyLanguage.Defaults
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=compile_prefix_regex(defaults.prefixes or ()).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or ()).search,
        infix_finditer=compile_infix_regex(defaults.infixes or ()).finditer,
    )
    if "plancompare_regex_entities" not in SpacyLanguage.factories:

        @SpacyLanguage.component("plancompare_regex_entities")
        def regex_entities(doc: Doc) -> Doc:
            spans = [
                doc.char_span(a, b, label=label, alignment_mode="expand")
                for a, b, label in _regex_spans(doc.text)
            ]
            doc.ents = filter_spans([*doc.ents, *(s for s in spans if s is not None)])
            return doc

    ruler: Any = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    g = load_glossary()
    patterns = sorted({alias for alias in g.surface_forms() if "{" not in alias})
    ruler.add_patterns([{"label": "UNIT", "pattern": p} for p in patterns])
    nlp.add_pipe("plancompare_regex_entities")
    return nlp


def annotate(text: str) -> Doc:
    return pipeline()(text)


def task_docs(plan: Plan) -> list[Doc]:
    """One Doc per task, with the task id in `doc.user_data["task_id"]`."""
    docs = list(pipeline().pipe(t.text for t in plan.tasks))
    for doc, task in zip(docs, plan.tasks, strict=True):
        doc.user_data["task_id"] = task.id
    return docs
