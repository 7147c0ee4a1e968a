"""A usage error (missing argument, unknown option or command, bad value) as one line in the
reader's language, like every other error of the CLI, instead of click's three English lines.

click's exceptions carry what went wrong (the parameter, the option name, its near misses); the
two that carry only a message ("No such command", extra arguments) are recognised by it.
Anything else keeps click's own message inside a sentence, so nothing is lost."""

from __future__ import annotations

from typing import Any

import regex

from .i18n import Lang, t

_NO_SUCH_COMMAND = regex.compile(r"No such command '(.+?)'")
_EXTRA = regex.compile(r"unexpected extra arguments?(?:\(s\))? \((.*)\)", regex.IGNORECASE)


def _param_name(param: Any) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        return f"<{param.name}>"
    return "/".join(getattr(param, "opts", None) or [str(getattr(param, "name", "?"))])


def _given(param: Any, args: list[str]) -> str | None:
    """The value the user gave an option: the word after it, or what follows `--opt=`."""
    for opt in getattr(param, "opts", None) or []:
        for i, arg in enumerate(args):
            if arg == opt and i + 1 < len(args):
                return args[i + 1]
            if arg.startswith(f"{opt}="):
                return arg[len(opt) + 1 :]
    return None


def _number(value: float, lang: Lang) -> str:
    text = str(value)
    return text.replace(".", ",") if lang is Lang.VI else text  # decimal comma in Vietnamese


def _expected(exc: Any, lang: Lang) -> str | None:
    param, ctx = exc.param, exc.ctx
    try:
        shown = str(param.display_type(ctx)).strip("<>")
    except Exception:  # typer's internals differ between versions; the hint is optional
        return None
    if "|" in shown:
        return t("usage.choose_from", lang, choices=", ".join(shown.split("|")))
    base = shown.split()[0] if shown else ""  # "int range" -> "int"
    parts = [{"int": t("usage.expects_int", lang), "float": t("usage.expects_float", lang)}.get(base)]
    if getattr(param, "min", None) is not None:
        parts.append(t("usage.at_least", lang, value=_number(param.min, lang)))
    if getattr(param, "max", None) is not None:
        parts.append(t("usage.at_most", lang, value=_number(param.max, lang)))
    return ", ".join(p for p in parts if p) or None


def _sentence(exc: Any, lang: Lang, args: list[str]) -> str:
    kind, message = type(exc).__name__, str(getattr(exc, "message", "") or exc)
    param = getattr(exc, "param", None)
    if kind == "MissingParameter" and param is not None:
        key = "usage.missing_argument" if param.param_type_name == "argument" else "usage.missing_option"
        return t(key, lang, name=_param_name(param))
    if kind == "NoSuchOption":
        text = t("usage.no_such_option", lang, option=exc.option_name)
        if exc.possibilities:
            text += "; " + t("usage.did_you_mean", lang, options=", ".join(sorted(exc.possibilities)))
        return text
    if kind == "BadOptionUsage" and "requires an argument" in message:
        return t("usage.needs_value", lang, option=exc.option_name)
    if kind == "BadParameter" and param is not None:
        text = t("usage.bad_value", lang, name=_param_name(param), value=_given(param, args) or message)
        expected = _expected(exc, lang)
        return f"{text} ({expected})" if expected else text
    ctx = getattr(exc, "ctx", None)
    found = _NO_SUCH_COMMAND.search(message)
    if found and ctx is not None:
        commands = ", ".join(ctx.command.list_commands(ctx))
        return t("usage.no_such_command", lang, name=found.group(1), commands=commands)
    found = _EXTRA.search(message)
    if found:
        return t("usage.extra_arguments", lang, args=found.group(1))
    return t("usage.other", lang, detail=message)


def usage_line(exc: Exception, lang: Lang, args: list[str]) -> str:
    """ "plancompare diff: thiếu tham số <reference> — xem: plancompare diff -h"."""
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "plancompare"
    return f"{command}: {_sentence(exc, lang, args)} — {t('usage.see_help', lang, command=command)}"
