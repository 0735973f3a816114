"""`pixiodoc lesion list|add|place|status|procedure`: the lesions a clinic follows, their
place on the body map, their status and their biopsies and excisions."""

from __future__ import annotations

import argparse

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    PATIENT_HELP,
    add_user,
    close_session,
    open_session,
    print_json,
)
from pixiodoc_desktop.clinic.records.patients import parse_date
from pixiodoc_desktop.clinic.records.visits import (
    Lesions,
    LesionStatus,
    LesionSummary,
    MapPosition,
    MapView,
    ProcedureKind,
)
from pixiodoc_desktop.errors import InvalidInput


def _position(args: argparse.Namespace) -> MapPosition | None:
    if args.view is None and args.x is None and args.y is None:
        return None
    if args.view is None or args.x is None or args.y is None:
        raise InvalidInput("A place on the body map needs --view, --x and --y together")
    return MapPosition(MapView(args.view), args.x, args.y)


def _print(lesions: list[LesionSummary], as_json: bool) -> None:
    if as_json:
        print_json(lesions)
        return
    for x in lesions:
        place = (
            "-"
            if x.position is None
            else f"{x.position.view} {x.position.x:.3f},{x.position.y:.3f}"
        )
        print(f"{x.id}  {x.status:<9} {x.body_site:<18} {place:<20} {x.label}")


def lesion_list(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        _print(Lesions(ws).list(actor, args.patient), args.json)
    finally:
        close_session(ws, actor)
    return EXIT_OK


def lesion_add(args: argparse.Namespace) -> int:
    place = _position(args)
    ws, actor = open_session(args)
    try:
        made = Lesions(ws).create(
            actor, args.patient, body_site_code=args.body_site, label=args.label, position=place
        )
    finally:
        close_session(ws, actor)
    _print([made], args.json)
    return EXIT_OK


def lesion_place(args: argparse.Namespace) -> int:
    place = _position(args)
    if place is None:
        raise InvalidInput("Say where: --view front|back --x FRACTION --y FRACTION")
    ws, actor = open_session(args)
    try:
        _print([Lesions(ws).place(actor, args.lesion, place)], args.json)
    finally:
        close_session(ws, actor)
    return EXIT_OK


def lesion_status(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        _print([Lesions(ws).set_status(actor, args.lesion, args.status)], args.json)
    finally:
        close_session(ws, actor)
    return EXIT_OK


def lesion_procedure(args: argparse.Namespace) -> int:
    date = parse_date(args.date, "date of the biopsy or excision")
    ws, actor = open_session(args)
    try:
        done = Lesions(ws).record_procedure(
            actor, args.lesion, args.kind, date=date, histology=args.histology
        )
    finally:
        close_session(ws, actor)
    _print([done], args.json)
    return EXIT_OK


def _place_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", choices=[v.value for v in MapView])
    p.add_argument("--x", type=float, metavar="FRACTION", help="0 (left) to 1 (right) of the view")
    p.add_argument("--y", type=float, metavar="FRACTION", help="0 (top) to 1 (bottom) of the view")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `lesion list|add|place|status|procedure`."""
    lesion = sub.add_parser("lesion", help="lesions followed over time: body map, status, history")
    lsub = lesion.add_subparsers(title="lesion commands", metavar="ACTION", required=True)
    p = lsub.add_parser("list", help="a patient's lesions")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lesion_list)
    p = lsub.add_parser("add", help="follow a new lesion")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--body-site", required=True, metavar="CODE")
    p.add_argument("--label", required=True)
    _place_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lesion_add)
    p = lsub.add_parser("place", help="put a lesion on the body map")
    add_user(p)
    p.add_argument("--lesion", required=True, metavar="ID")
    _place_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lesion_place)
    p = lsub.add_parser("status", help="set a lesion's status")
    add_user(p)
    p.add_argument("--lesion", required=True, metavar="ID")
    p.add_argument("status", choices=[s.value for s in LesionStatus])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lesion_status)
    p = lsub.add_parser("procedure", help="record a biopsy or excision with its histology")
    add_user(p)
    p.add_argument("--lesion", required=True, metavar="ID")
    p.add_argument("kind", choices=[k.value for k in ProcedureKind])
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--histology", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lesion_procedure)
