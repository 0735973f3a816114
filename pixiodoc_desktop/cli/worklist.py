"""`pixiodoc worklist`: the DICOM Modality Worklist of a hospital or a clinic's PACS."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import asdict

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    add_user,
    close_session,
    counted,
    open_session,
    print_json,
)
from pixiodoc_desktop.clinic.records.patients import parse_date


def worklist_configure(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.practice import settings as practice

    ws, actor = open_session(args)
    try:
        settings = practice.configure_worklist(
            ws,
            actor,
            practice.WorklistSettings(
                ae_title=args.ae_title,
                host=args.host,
                port=args.port,
                our_ae_title=args.our_ae_title,
                station_ae_title=args.station_ae_title,
                modality=args.modality,
            ),
        )
    finally:
        close_session(ws, actor)
    print(
        f"Worklist set: {settings.ae_title} at {settings.host}:{settings.port} "
        f"(we are {settings.our_ae_title})"
    )
    return EXIT_OK


def worklist_list(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.practice import worklist
    from pixiodoc_desktop.practice.settings import load_worklist

    day = parse_date(args.date, "date") if args.date else dt.date.today()
    ws, actor = open_session(args)
    try:
        settings = load_worklist(ws)
    finally:
        close_session(ws, actor)
    steps = worklist.query(settings, None if args.all else day)
    if args.json:
        print_json([asdict(s) for s in steps])
        return EXIT_OK
    for s in steps:
        when = s.start.strftime("%Y-%m-%d %H:%M") if s.start else "----------"
        print(f"{s.step_id}  {when}  {s.patient_id}  {s.patient_name}  {s.requested_procedure}")
    print(counted(len(steps), "scheduled step"), file=sys.stderr)
    return EXIT_OK


def worklist_take(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.errors import PacsError
    from pixiodoc_desktop.practice import mpps, worklist
    from pixiodoc_desktop.practice.settings import load_worklist

    ws, actor = open_session(args)
    try:
        settings = load_worklist(ws)
        step = worklist.find_step(settings, args.step_id)
        taken = worklist.take(ws, actor, step)
    finally:
        close_session(ws, actor)
    performed = "already reported" if not taken.created_visit else ""
    if taken.created_visit:
        try:  # the visit is there either way; the SCP only hears of it
            performed = mpps.start(settings, step, taken.visit.id)
        except PacsError as exc:
            performed = "failed"
            print(f"pixiodoc: {exc.message}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "patient_id": taken.patient.id,
                "visit_id": taken.visit.id,
                "created_patient": taken.created_patient,
                "order": taken.visit.order,
                "performed_step": performed,
            }
        )
    else:
        print(f"Visit {taken.visit.id} of patient {taken.patient.id} for step {step.step_id}")
        print(f"Performed procedure step (MPPS): {performed}", file=sys.stderr)
    return EXIT_OK


def worklist_complete(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.clinic.records.photos import Photos
    from pixiodoc_desktop.clinic.records.visits import Visits
    from pixiodoc_desktop.errors import RecordNotFound
    from pixiodoc_desktop.practice import mpps
    from pixiodoc_desktop.practice.exchange import visit_patient
    from pixiodoc_desktop.practice.settings import load_worklist

    ws, actor = open_session(args)
    try:
        settings = load_worklist(ws)
        patient_id = visit_patient(ws, args.visit)
        visit = next((v for v in Visits(ws).list(actor, patient_id) if v.id == args.visit), None)
        if visit is None or visit.order is None:
            raise RecordNotFound(f"The visit {args.visit} was not taken from the worklist")
        photos = [p for p in Photos(ws).list(actor, patient_id) if p.visit_id == visit.id]
    finally:
        close_session(ws, actor)
    status = mpps.complete(settings, visit, photos)
    print(f"Performed procedure step (MPPS): {status}, {counted(len(photos), 'photo')}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `worklist configure|list|take`."""
    group = sub.add_parser("worklist", help="scheduled steps from a DICOM Modality Worklist")
    wsub = group.add_subparsers(title="worklist commands", metavar="ACTION", required=True)
    p = wsub.add_parser("configure", help="set the worklist (workspace Admins)")
    add_user(p)
    p.add_argument("--ae-title", required=True, help="the worklist's AE title")
    p.add_argument("--host", required=True)
    p.add_argument("--port", required=True, type=int)
    p.add_argument("--our-ae-title", default="PIXIODOC", help="this workstation's AE title")
    p.add_argument("--station-ae-title", help="only steps scheduled for this station")
    p.add_argument("--modality", help="only steps of this modality (e.g. XC)")
    p.set_defaults(handler=worklist_configure)
    p = wsub.add_parser("list", help="the scheduled steps of a day (default: today)")
    add_user(p)
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--all", action="store_true", help="every scheduled step, any day")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=worklist_list)
    p = wsub.add_parser("take", help="open or create the patient and a visit for a step")
    add_user(p)
    p.add_argument("step_id", metavar="STEP_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=worklist_take)
    p = wsub.add_parser("complete", help="report a visit's step as completed (MPPS, if offered)")
    add_user(p)
    p.add_argument("--visit", required=True, metavar="ID")
    p.set_defaults(handler=worklist_complete)
