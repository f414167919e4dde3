"""`argmap lsp`: the language server, on standard input and output, for editors."""

from __future__ import annotations

import os
import sys

import click

INSTALL = (
    "error: `argmap lsp` needs pygls, which is not installed; "
    "install it with: pip install 'argmap[lsp]'"
)
TERMINAL = (
    "argmap lsp: waiting for an editor's messages (Language Server Protocol) on standard "
    "input; editors start it themselves (docs/editors.md); Ctrl-D ends it"
)


@click.command(epilog="Editors start it; see docs/editors.md for their configuration.")
@click.option("--stdio", is_flag=True,
              help="Talk over standard input and output (the only way; accepted because "
              "some clients pass it).")
def lsp(stdio: bool) -> None:
    """Run the language server for map files over stdio (editors start it)."""
    try:
        from argmap.lsp.server import serve
    except ImportError as error:
        if (error.name or "").split(".")[0] not in ("pygls", "lsprotocol", "cattrs"):
            raise
        click.echo(INSTALL, err=True)
        sys.exit(2)
    if sys.stdin is not None and sys.stdin.isatty():
        click.echo(TERMINAL, err=True)
    # Streams of their own: the server closes them when the client ends the session, and
    # sys.stdout must stay open for the command's own last flush.
    with os.fdopen(os.dup(0), "rb") as stdin, os.fdopen(os.dup(1), "wb") as stdout:
        serve(stdin, stdout)
