"""`pixiodoc gdt`: the file exchange with the practice software (GDT 2.1 / 3.0)."""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import asdict
from pathlib import Path

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    UsageError,
    add_user,
    add_vault,
    close_session,
    open_session,
    print_json,
)


def gdt_configure(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.practice import settings as practice

    wanted = practice.GdtSettings(
        in_folder=args.in_folder,
        out_folder=args.out_folder or args.in_folder,
        our_id=args.our_id,
        pvs_id=args.pvs_id,
        version={"2.1": "02.10", "3.0": "03.00"}.get(args.gdt_version, args.gdt_version),
        charset=args.charset,
        read_charset=args.read_charset,
        naming=args.naming,
        file_fields=practice.parse_file_fields(args.file_field or []),
    )
    ws, actor = open_session(args)
    try:
        settings = practice.configure_gdt(ws, actor, wanted)
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(asdict(settings))
        return EXIT_OK
    read = (
        f", reading {settings.read_charset} whatever files claim" if settings.read_charset else ""
    )
    print(
        f"GDT set: {settings.pvs_id} <-> {settings.our_id}, in {settings.in_folder}, "
        f"out {settings.out_folder}, GDT {settings.version}, {settings.charset}{read}, "
        f"{settings.naming} file names"
    )
    return EXIT_OK


def gdt_process(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.practice.exchange import handle_file
    from pixiodoc_desktop.practice.settings import load_gdt

    path = Path(args.file)
    ws, actor = open_session(args)
    try:
        outcome = handle_file(ws, actor, path, load_gdt(ws))
    finally:
        close_session(ws, actor)
    if not args.keep:  # the receiver of a GDT file removes it once it is handled
        path.unlink(missing_ok=True)
    if args.json:
        print_json(asdict(outcome))
    else:
        print(outcome.line)
    return EXIT_OK


def gdt_result(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.practice.exchange import write_result
    from pixiodoc_desktop.practice.settings import load_gdt

    ws, actor = open_session(args)
    try:
        files = write_result(ws, actor, args.visit, load_gdt(ws))
    finally:
        close_session(ws, actor)
    if args.json:
        print_json({"gdt": files.gdt, "pdf": files.pdf, "photos": files.photos})
    else:
        print(f"Wrote {files.gdt} for the practice software, with the report {files.pdf.name}")
    return EXIT_OK


def gdt_watch(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.practice.exchange import handle_file
    from pixiodoc_desktop.practice.settings import load_gdt
    from pixiodoc_desktop.practice.watcher import GdtEvent, GdtInFolder

    def report(event: GdtEvent) -> None:
        print(event.line, flush=True)

    ws, actor = open_session(args)
    try:
        settings = load_gdt(ws)
        folder = GdtInFolder(
            settings.in_path,
            lambda path: handle_file(ws, actor, path, settings),
            on_event=report,
        )
        folder.start(watch=not args.once, poll=not args.once)
        try:
            if args.once:
                folder.wait_idle(60.0)
            else:
                print(f"Watching {folder.folder} (Ctrl+C to stop)", file=sys.stderr, flush=True)
                threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            folder.stop()
    finally:
        close_session(ws, actor)
    print(f"{folder.handled} handled, {folder.refused_count} refused", file=sys.stderr)
    return EXIT_OK


def gdt_open(args: argparse.Namespace) -> int:
    """Hand a request to the running workstation, or start the workstation with it."""
    from pixiodoc_desktop.practice import handoff

    request = Path(args.file)
    if not request.is_file():
        raise UsageError(f"{request} does not exist")
    running = handoff.running()
    if running is not None:
        handoff.hand_over(request, running.in_folder)
        print(f"Handed {request.name} to the running workstation", file=sys.stderr)
        return EXIT_OK
    from pixiodoc_desktop.app import run

    return run(vault=Path(args.vault) if args.vault else None, demo=False, gdt_request=request)


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `gdt configure|process|result|watch`."""
    group = sub.add_parser("gdt", help="exchange patients and results with the practice software")
    gsub = group.add_subparsers(title="gdt commands", metavar="ACTION", required=True)
    p = gsub.add_parser("configure", help="set the exchange folders, ids and charset (Admins)")
    add_user(p)
    p.add_argument("--in", dest="in_folder", required=True, metavar="DIR",
                   help="where the practice software writes requests")  # fmt: skip
    p.add_argument("--out", dest="out_folder", metavar="DIR",
                   help="where PixioDoc writes results (default: the in-folder)")  # fmt: skip
    p.add_argument("--our-id", default="PIXO", help="PixioDoc's GDT id (field 8315/8316)")
    p.add_argument("--pvs-id", default="PVS1", help="the practice software's GDT id")
    p.add_argument("--gdt-version", choices=["2.1", "3.0", "02.10", "03.00"], default="2.1")
    p.add_argument("--charset", default="iso8859-15",
                   help="what PixioDoc writes: 7bit, cp437, iso8859-15, cp1252, utf-8 (3.0)")  # fmt: skip
    p.add_argument("--read-charset", metavar="CHARSET",
                   help="read every file in this charset, whatever its field 9206 says")  # fmt: skip
    p.add_argument("--naming", choices=["fixed", "numbered"], default="fixed",
                   help="PVS1PIXO.gdt each time, or PVS1PIXO.001, .002 ...")  # fmt: skip
    p.add_argument("--file-field", action="append", metavar="ROLE=FIELD",
                   help="file references: archive, format, description, path to 6302-6305 "
                   "(repeatable; default archive=6302 format=6303 description=6304 path=6305)")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=gdt_configure)
    p = gsub.add_parser("process", help="handle one request file from the practice software")
    add_user(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--keep", action="store_true", help="leave the request file in place")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=gdt_process)
    p = gsub.add_parser("result", help="write a visit's result (6310) for the practice software")
    add_user(p)
    p.add_argument("--visit", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=gdt_result)
    p = gsub.add_parser(
        "open", help="hand a request to the running workstation (or start it), as a PVS calls it"
    )
    add_vault(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=gdt_open)
    p = gsub.add_parser("watch", help="handle each request the practice software drops in")
    add_user(p)
    p.add_argument("--once", action="store_true", help="handle the files there now, then stop")
    p.set_defaults(handler=gdt_watch)
