"""The `argmap` command: a click group whose subcommands are imported only when run."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click

from argmap import __version__
from argmap.cli.deadline import OutOfTime
from argmap.cli.quick_exit import exit_status_of, is_program
from argmap.cli.signals import Interrupted, signals_interrupt
from argmap.cli.stdio import StdoutError, guard_stdout, occupy_standard_descriptors, stdout_failure
from argmap.lazy import load
from argmap.suggest import did_you_mean
from argmap.visible import visible

# name -> (the command, as `argmap.lazy.load` finds it; one-line summary for `argmap --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "show": ("argmap.cli.show:show", "Print what argmap understood of a map."),
    "check": ("argmap.cli.check:check", "Lint maps: structure, quotes, acceptability."),
    "rules": ("argmap.cli.check:rules", "List the check rules, or document one."),
    "render": ("argmap.cli.render:render", "Draw maps as SVG, PNG, PDF, DOT or JSON."),
    "fmt": ("argmap.cli.fmt:fmt", "Rewrite maps in the canonical layout (--check for CI)."),
    "analyze": ("argmap.cli.analyze:analyze_command",
                "What each conclusion's verdict rests on: cruxes, assumptions."),
    "diff": ("argmap.cli.diff:diff", "Compare two versions of a map, verdicts included."),
    "convert": ("argmap.cli.convert:convert", "Convert to and from Argdown, AIF, arggraph..."),
    "report": ("argmap.cli.report:report", "Write a self-contained HTML report of a map."),
    "embed": ("argmap.cli.embed:embed", "Draw the ```argmap blocks of Markdown documents."),
    "config": ("argmap.cli.config_cmd:config", "Print the settings in effect and their source."),
    "lsp": ("argmap.cli.lsp:lsp", "Run the language server for editors (over stdio)."),
}


VERSION_ASKED = "argmap.version"
OUT_OF_MEMORY = (
    "argmap: out of memory in `argmap {command}`; give it a smaller map (or part of one), "
    "close other programs or raise the memory limit"
)
TOO_DEEP = (
    "argmap: `argmap {command}` stopped: its input nests deeper than argmap can follow "
    "(RecursionError); this is a bug in argmap, please report it with the input"
)


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand runs, and that
    turns a failing standard output, SIGINT/SIGTERM, a --timeout that has passed and, as a
    last resort, running out of memory or stack into one line and an exit status.

    `main([...], standalone_mode=False)`, click's way to call a command from Python, runs
    it as the program would (usage errors printed too) and returns its exit status."""

    def main(
        self, args: Sequence[str] | None = None, *rest: Any, **options: Any
    ) -> Any:  # an int (the exit status) when not standalone; standalone, it never returns
        if options.get("standalone_mode", True) is False:
            standalone = {**options, "standalone_mode": True}
            return exit_status_of(lambda: self.main(args, *rest, **standalone))
        occupy_standard_descriptors()
        raw = guard_stdout()
        try:
            with signals_interrupt(ignore_after=is_program()):
                try:
                    super().main(args, *rest, **options)
                finally:
                    _flush_stdout()
        except StdoutError as error:
            if raw is not None:
                raw.silence()
            _report(stdout_failure(error))
            sys.exit(1)
        except Interrupted as stop:
            _report(f"argmap: {stop.message}")
            sys.exit(stop.exit_code)
        except OutOfTime as stop:
            _report(f"argmap: {stop.message}")
            sys.exit(1)
        except MemoryError:
            failure = OUT_OF_MEMORY
        except RecursionError:
            failure = TOO_DEEP
        else:  # click's standalone mode always ends in sys.exit.
            raise AssertionError("unreachable")  # pragma: no cover
        # Reported once the handler has let go of the error, whose traceback keeps every
        # frame's objects (the map that filled the memory) alive.
        _report(failure.format(command=_command_name(sys.argv[1:] if args is None else args)))
        sys.exit(1)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        command: click.Command = load(entry[0])
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            hint = did_you_mean(name, COMMANDS)
            raise click.UsageError(f"no such command `{name}`{hint}", ctx)
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        if ctx.meta.get(VERSION_ASKED):
            click.echo(version_message(bool(ctx.params.get("verbose"))))
            ctx.exit(0)
        return rest

    def make_context(self, *args: Any, **options: Any) -> click.Context:
        with _visible_click_errors():
            return super().make_context(*args, **options)

    def invoke(self, ctx: click.Context) -> Any:
        with _visible_click_errors():
            return super().invoke(ctx)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, summary) for name, (_, summary) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@contextlib.contextmanager
def _visible_click_errors() -> Iterator[None]:
    """click's usage errors quote what was typed (`Got unexpected extra argument (…)`, a
    file name): shown through `visible`, as everything argmap prints."""
    try:
        yield
    except click.ClickException as error:
        error.message = visible(error.message)  # type: ignore[misc]  # Final in the stubs only
        raise


def _command_name(args: Sequence[str]) -> str:
    """The subcommand in `args`: the first word that is not one of the group's options (which
    are flags: none takes a value)."""
    return next((arg for arg in args if not arg.startswith("-")), "")


def _flush_stdout() -> None:
    # What is still buffered is written here, where a failure can be reported, and not
    # at interpreter exit, where it would print "Exception ignored" and exit with 120.
    if sys.stdout is not None:
        sys.stdout.flush()


def _report(line: str) -> None:
    """Print `line` to stderr; if stderr fails too, the exit status is all that is left."""
    with contextlib.suppress(OSError):
        click.echo(line, err=True)


def version_message(verbose: bool) -> str:
    """What `--version` prints; `verbose` runs the engines to ask their Graphviz versions
    (the embedded one takes a moment to start), plain only looks for them."""
    from argmap.render.engines import describe_engines

    message = f"argmap {__version__}\n{describe_engines(verbose)}"
    if verbose:
        from argmap.cli.cache_notice import cache_line

        message += "\n" + cache_line()
    return message


def _note_version(ctx: click.Context, _param: Any, value: bool) -> None:
    # Printed once every option is parsed (LazyGroup.parse_args), so that --verbose is
    # seen whichever side of --version it is written on.
    if value and not ctx.resilient_parsing:
        ctx.meta[VERSION_ASKED] = True


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  argmap show maps/russia-china.argmap\n"
        "  argmap check maps/\n"
        "  argmap analyze maps/russia-china.argmap\n"
        "  argmap diff old.argmap maps/russia-china.argmap\n"
        "  argmap render maps/russia-china.argmap -o out/diagram.svg\n"
        "  argmap render maps/russia-china.argmap --fit a4 --split -o out/figures/\n"
        "  argmap rules quote-not-found\n"
        "  argmap report maps/russia-china.argmap -o out/report.html\n"
        "  argmap embed notes.md\n"
        "  argmap fmt --check maps/\n"
        "  argmap convert debate.argdown -o out/debate.argmap"
    ),
)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_note_version,
    help="Show the version and the Graphviz engines found, then exit.",
)
@click.option(
    "--verbose",
    is_flag=True,
    help="Log to stderr what the command does: the engine and why, each layout and "
    "candidate drawing, the time of each stage, the worker and cache used (as "
    "ARGMAP_LOG=debug). With --version: also run the engines to print their Graphviz "
    "versions.",
)
def main(verbose: bool) -> None:
    """argmap: write arguments as text, check their structure, draw them."""
    from argmap.cli.cache_notice import tell_unwritable_cache
    from argmap.cli.logs import log_level, log_to_stderr

    ctx = click.get_current_context()
    ctx.call_on_close(tell_unwritable_cache)
    try:
        os.getcwd()
    except OSError as error:  # deleted, or no longer readable, under the user's shell
        _report("error: the working folder cannot be read (was it deleted or moved?): "
                f"{error.strerror or error}; cd to an existing folder")
        sys.exit(2)  # a usage error, as for any input that cannot be read
    from argmap.cli.config_cmd import apply_settings

    apply_settings(ctx)
    level = log_level(verbose)
    if level is not None:
        ctx.call_on_close(log_to_stderr(level, ctx.invoked_subcommand or ""))


def run() -> None:
    """The `argmap` program (and `python -m argmap`): `main`, then a quick exit."""
    from argmap.cli.quick_exit import run_as_program

    run_as_program(main)
