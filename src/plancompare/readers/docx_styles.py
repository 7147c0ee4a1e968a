"""Word styles and properties as a paragraph inherits them: the style chain (`w:basedOn`), on/off
flags, fonts, alignment and indentation, read from the paragraph first and then its styles."""

from __future__ import annotations

from typing import Any

from plancompare.readers.docx_runs import W

_ALIGN = {
    "center": "center",
    "right": "right",
    "end": "right",
    "left": "left",
    "start": "left",
    "both": "left",
}


def style_chain(styles: dict[str, Any], style_id: str | None) -> list[Any]:
    chain: list[Any] = []
    seen: set[str] = set()
    while style_id and style_id not in seen and style_id in styles:
        seen.add(style_id)
        style = styles[style_id]
        chain.append(style)
        based = style.find(W + "basedOn")
        style_id = based.get(W + "val") if based is not None else None
    return chain


def flag(rpr: Any, name: str) -> bool | None:
    el = rpr.find(W + name) if rpr is not None else None
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def font_of(rpr: Any) -> str | None:
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    if fonts is None:
        return None
    value = fonts.get(W + "ascii") or fonts.get(W + "hAnsi")
    return str(value) if value else None


def default_paragraph_style(styles: dict[str, Any]) -> str | None:
    for style_id, style in styles.items():
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
            return str(style_id)
    return None


def rstyle(rpr: Any) -> str | None:
    el = rpr.find(W + "rStyle") if rpr is not None else None
    return str(el.get(W + "val")) if el is not None else None


def alignment(ppr: Any, chain: list[Any]) -> str | None:
    for holder in [ppr, *[s.find(W + "pPr") for s in chain]]:
        jc = holder.find(W + "jc") if holder is not None else None
        if jc is not None:
            return _ALIGN.get(str(jc.get(W + "val")))
    return None


def indent(ppr: Any, chain: list[Any]) -> int:
    for holder in [ppr, *[s.find(W + "pPr") for s in chain]]:
        ind = holder.find(W + "ind") if holder is not None else None
        if ind is not None:
            left = twips(ind.get(W + "left") or ind.get(W + "start"))
            first = twips(ind.get(W + "firstLine")) - twips(ind.get(W + "hanging"))
            return max(0, round((left + first) / 20))
    return 0


def twips(value: str | None) -> int:
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0
