"""`--help` in the reader's language: the click command tree built from the typer app gets its help
texts, examples and panel titles from the message catalogue (`cli.<command>`, `cli.<command>_examples`,
`cli.arg.<name>`, `cli.opt.<command>_<name>` or `cli.opt.<name>`)."""

from __future__ import annotations

from typing import Any

from .i18n import Lang, t, t_or

HELP_OPTION_NAMES = ["-h", "--help"]


def _param_help(command: str, param: Any, lang: Lang) -> str | None:
    if param.param_type_name == "argument":
        return t_or(f"cli.arg.{param.name}", "", lang) or None
    return (
        t_or(f"cli.opt.{command}_{param.name}", "", lang) or t_or(f"cli.opt.{param.name}", "", lang) or None
    )


def _localize_usage(command: Any, lang: Lang) -> None:
    """ "Cách dùng: plancompare diff [TÙY CHỌN] {reference} {plan}": click writes its usage line with
    a fixed English prefix, so the command's own usage writer is replaced by one that names it."""
    prefix = t("cli.usage", lang)

    def format_usage(ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)), prefix=prefix)

    command.format_usage = format_usage
    command.options_metavar = t("cli.options_metavar", lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = t("cli.subcommand_metavar", lang)


def _localize_command(name: str, command: Any, lang: Lang) -> None:
    _localize_usage(command, lang)
    command.help = t(f"cli.{name}", lang)
    command.epilog = t_or(f"cli.{name}_examples", "", lang) or None
    for param in command.params:
        text = _param_help(name, param, lang)
        if text is not None:
            param.help = text
    context = command.context_class(command, help_option_names=HELP_OPTION_NAMES)
    help_option = command.get_help_option(context)
    if help_option is not None:
        help_option.help = t("cli.opt.help", lang)


def _localize_panels(lang: Lang) -> None:
    """typer reads these module constants each time it formats help."""
    import typer.rich_utils as panels

    panels.ARGUMENTS_PANEL_TITLE = t("cli.panel.arguments", lang)
    panels.OPTIONS_PANEL_TITLE = t("cli.panel.options", lang)
    panels.COMMANDS_PANEL_TITLE = t("cli.panel.commands", lang)
    panels.DEFAULT_STRING = t("cli.default", lang)
    panels.REQUIRED_LONG_STRING = t("cli.required", lang)


def wants_help(args: list[str]) -> bool:
    return not args or any(a in HELP_OPTION_NAMES for a in args)


def localize(root: Any, lang: Lang) -> Any:
    """The click group of the CLI with every help text in `lang`; returns it for chaining.
    Called only when help is shown: it reads the whole catalogue and loads typer's help formatter
    (rich, markdown: a tenth of a second), which a `diff -f json` run does not need."""
    _localize_command("app", root, lang)
    for name, command in root.commands.items():
        _localize_command(name, command, lang)
    _localize_panels(lang)
    return root
