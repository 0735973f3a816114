"""`pixiodoc phone pair`: capture with a phone, for one patient, until the pairing ends."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from dataclasses import replace

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    PATIENT_HELP,
    UsageError,
    add_user,
    close_session,
    counted,
    open_session,
    print_json,
)
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.config import load_settings
from pixiodoc_desktop.phone.intake import Arrival
from pixiodoc_desktop.phone.opening import Route, start_pairing
from pixiodoc_desktop.phone.pairing import PairingTarget


def phone_pair(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.port is not None:
        if not (args.port == 0 or 1024 <= args.port <= 65535):
            raise UsageError("--port must be 0 (any free port) or between 1024 and 65535")
        settings.phone_port = args.port
    if args.address:
        settings.phone_address = args.address
    target = PairingTarget(
        patient_id=args.patient,
        visit_id=args.visit,
        body_site=args.body_site,
        lesion_id=args.lesion,
        modality=args.modality,
        show_full_name=args.full_name,
    )
    ws, actor = open_session(args)
    target = replace(target, patient_id=args.patient)  # an MRN is an id once logged in
    stop = threading.Event()

    def arrived(arrival: Arrival) -> None:
        print(arrival.photo_id, flush=True)

    try:
        server = start_pairing(
            ws, actor, target, settings, on_arrival=arrived, route=Route(args.route)
        )
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            pairing = server.intake.pairing
            first = {"url": server.url, "expires": pairing.code_expires_at().isoformat()}
            print(json.dumps(first), flush=True)
            if not args.json and sys.stderr.isatty():
                import segno

                segno.make(server.url, error="m").terminal(out=sys.stderr, compact=True)
            while not server.wait(0.25) and not stop.is_set():
                pass
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
            signal.signal(signal.SIGTERM, previous)
    finally:
        close_session(ws, actor)
    reason = server.intake.pairing.end_reason
    photos = [a.photo_id for a in server.intake.arrivals]
    if args.json:
        print_json({"ended": str(reason), "photos": photos})
    else:
        print(f"Pairing ended ({reason}); {counted(len(photos), 'photo')} saved", file=sys.stderr)
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    phone = sub.add_parser("phone", help="capture with a phone (QR pairing)")
    phone_sub = phone.add_subparsers(title="phone commands", metavar="COMMAND", required=True)
    p = phone_sub.add_parser(
        "pair",
        help="pair one phone for one patient; prints the URL, then each saved photo's id",
    )
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--visit", metavar="ID", help="the visit's id (default: today's visit)")
    p.add_argument("--body-site", metavar="CODE")
    p.add_argument("--lesion", metavar="ID")
    p.add_argument(
        "--modality",
        default=str(Modality.CLINICAL_OVERVIEW),
        choices=[str(m) for m in Modality],
    )
    p.add_argument(
        "--full-name",
        action="store_true",
        help="show the full name on the phone (default: initials)",
    )
    p.add_argument("--port", type=int, help="listen here (default: settings; 0 = any free port)")
    p.add_argument("--address", help="the address phones use (default: this PC's LAN address)")
    p.add_argument(
        "--route",
        default=str(Route.LAN),
        choices=[str(r) for r in Route],
        help="lan: this PC serves the phone on the clinic network; bucket: through the "
        "clinic's sync bucket (guest Wi-Fi, mobile data); auto: the bucket when this PC "
        "cannot listen on the network (default: lan)",
    )
    p.add_argument("--json", action="store_true", help="a JSON summary when the pairing ends")
    p.set_defaults(handler=phone_pair)
