"""The `pixiodoc` command line: `main` parses, one module per command group acts.

New groups (phone, share-link, gdt, worklist) get a module here with an
`add_parsers(sub)` and are listed in `main.GROUPS` (their commands in
`main.COMMAND_GROUPS`).
"""

from pixiodoc_desktop.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
