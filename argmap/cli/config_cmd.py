"""`argmap config`: the settings in effect and where each comes from; and the
`[tool.argmap.render]`/`[tool.argmap.embed]` tables as those commands' option defaults."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from argmap.analysis.labels import Semantics
from argmap.cli.common import EXIT_USAGE, check_config_or_exit, rule_list, settings_or_warn
from argmap.lazy import load
from argmap.settings import OPTION_TABLES, TABLES, TOP_KEYS, Settings, shown
from argmap.suggest import did_you_mean
from argmap.visible import visible_line

COMMAND_PATHS = {"render": "argmap.cli.render:render", "embed": "argmap.cli.embed:embed",
                 "check": "argmap.cli.check:check"}
DEFAULT = "default"
COMMAND_LINE = "command line"


def _refuse_unknown_options(name: str, command: click.Command, args: Sequence[str]) -> None:
    """A usage error for an option in `args` that the command `name` does not take (the
    command's own parsing is lenient here: its arguments, such as MAP, may be missing)."""
    known = [opt for param in command.params for opt in (*param.opts, *param.secondary_opts)
             if opt.startswith("-")] + ["--help", "-h"]
    for arg in args:
        if arg == "--":
            return
        option = arg.split("=", 1)[0]
        if option.startswith("-") and option != "-" and option not in known:
            hint = did_you_mean(option, known)
            raise click.UsageError(f"`argmap {name}` has no option `{option}`{hint}")


def _option(command: click.Command, key: str) -> click.Parameter:
    """The parameter of `command` written `--key` on the command line."""
    return next(param for param in command.params if f"--{key}" in param.opts)


def option_defaults(
    name: str, command: click.Command, settings: Settings, ctx: click.Context
) -> dict[str, Any]:
    """`ctx.default_map` for the command `name`: its pyproject.toml table, by parameter name
    (the command line still wins); a value the option refuses ends the run as a usage error
    that names the file and key."""
    defaults: dict[str, Any] = {}
    for key, value in settings.options.get(name, {}).items():
        param = _option(command, key)
        try:
            param.type_cast_value(ctx, value)
        except click.BadParameter as error:
            where = f"{shown(settings.path)}: " if settings.path is not None else ""
            click.echo(visible_line(f"error: {where}[tool.argmap.{name}] {key} = "
                                    f"{json.dumps(value)}: {error.message}"), err=True)
            raise click.exceptions.Exit(EXIT_USAGE) from None
        defaults[param.name or key] = value
    return defaults


def apply_settings(ctx: click.Context) -> None:
    """Give the subcommand about to run its [tool.argmap.COMMAND] table (that of the
    pyproject.toml above the working folder) as option defaults."""
    name = ctx.invoked_subcommand
    if name not in OPTION_TABLES:
        return
    settings = settings_or_warn(Path.cwd())
    command: click.Command = load(COMMAND_PATHS[name])
    ctx.default_map = {name: option_defaults(name, command, settings, ctx)}


@click.command(
    context_settings={"ignore_unknown_options": True},
    epilog="Examples:\n\n\b\n  argmap config\n  argmap config render --fit a5\n"
    "  argmap config check --select ALL",
)
@click.argument("command_name", metavar="[COMMAND]", required=False,
                type=click.Choice(sorted(TABLES)))
@click.argument("args", metavar="[OPTIONS]...", nargs=-1, type=click.UNPROCESSED)
def config(command_name: str | None, args: tuple[str, ...]) -> None:
    """Print the settings in effect here: [tool.argmap] of the nearest pyproject.toml above
    the working folder, each with where it comes from (default, the file, the command
    line). Given COMMAND and its options, that command's settings as those options leave
    them."""
    settings = settings_or_warn(Path.cwd())
    rows: list[tuple[str, str, str]] = []
    if command_name is None:
        rows += _top_rows(settings)
    for name in [command_name] if command_name else list(TABLES):
        rows.append((f"\n[tool.argmap.{name}]", "", ""))
        if name == "check":
            rows += _check_rows(settings, args if command_name else ())
        else:
            rows += _option_rows(name, settings, args if command_name else ())
    if settings.path is None:
        click.echo(f"# no pyproject.toml with [tool.argmap] above {visible_line(str(Path.cwd()))}"
                   "; the defaults")
    else:
        click.echo(f"# {visible_line(str(shown(settings.path)))}")
    width = max(len(f"{key} = {value}") for key, value, source in rows if source)
    for key, value, source in rows:
        line = f"{key} = {value}".ljust(width) + f"  # {source}" if source else key
        click.echo(visible_line(line) if source else line)


def _source(settings: Settings) -> str:
    return str(shown(settings.path)) if settings.path is not None else DEFAULT


def _top_rows(settings: Settings) -> list[tuple[str, str, str]]:
    values = {
        "exclude": list(settings.exclude),
        "respect-gitignore": settings.respect_gitignore,
        "force-exclude": settings.force_exclude,
    }
    return [("[tool.argmap]", "", "")] + [
        (key, _toml(values[key]), _source(settings) if key in settings.given else DEFAULT)
        for key in TOP_KEYS
    ]


def _option_rows(
    name: str, settings: Settings, args: Sequence[str]
) -> list[tuple[str, str, str]]:
    command: click.Command = load(COMMAND_PATHS[name])
    _refuse_unknown_options(name, command, args)
    parent = click.get_current_context()
    defaults = option_defaults(name, command, settings, parent)
    ctx = command.make_context(f"argmap {name}", list(args), parent=parent,
                               resilient_parsing=True, default_map=defaults)
    given, _, _ = command.make_parser(ctx).parse_args(list(args))
    rows = []
    for key in TABLES[name]:
        param = _option(command, key)
        pname = param.name or key
        origin = ctx.get_parameter_source(pname)
        value = ctx.params.get(pname)
        if origin is ParameterSource.COMMANDLINE and pname in given:
            # As typed where the option reads it into a structure (a page's size).
            shown_value = value if isinstance(value, (bool, int, float, str)) else given[pname]
            rows.append((key, _toml(shown_value), COMMAND_LINE))
        elif origin is ParameterSource.DEFAULT_MAP:
            rows.append((key, _toml(defaults[pname]), _source(settings)))
        else:
            # As written where the option reads its default into a structure (`a4`).
            written = param.default
            plain = isinstance(value, (bool, int, float, str)) or not isinstance(written, str)
            rows.append((key, _toml(value if plain else written), DEFAULT))
    return rows


def _check_rows(settings: Settings, args: Sequence[str]) -> list[tuple[str, str, str]]:
    config = check_config_or_exit(Path.cwd())
    command: click.Command = load(COMMAND_PATHS["check"])
    _refuse_unknown_options("check", command, args)
    ctx = command.make_context("argmap check", [*args, "."], resilient_parsing=True,
                               parent=click.get_current_context())
    source = str(shown(config.source)) if config.source is not None else DEFAULT
    rows = []
    for key, option, written in (("select", "--select", config.select),
                                 ("ignore", "--ignore", config.ignore)):
        line = rule_list(ctx.params.get(key) or (), option)
        if line is not None:
            rows.append((key, _toml(list(line)), COMMAND_LINE))
        elif written is not None and (key != "ignore" or written):
            rows.append((key, _toml(list(written)), source))
        else:
            rows.append((key, "(the rules on by default)" if key == "select" else "[]", DEFAULT))
    severity = {code: level.value for code, level in config.severity.items()}
    rows.append(("severity", _toml(severity), source if severity else DEFAULT))
    semantics = ctx.params.get("semantics")
    if semantics is not None:
        rows.append(("semantics", _toml(semantics), COMMAND_LINE))
    elif config.semantics is not None:
        rows.append(("semantics", _toml(config.semantics), source))
    else:
        rows.append(("semantics", _toml(Semantics.WELL_FOUNDED.value), DEFAULT))
    return rows


def _toml(value: Any) -> str:
    """A value as TOML writes it (unset: `(not set)`)."""
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)
