"""`pixiodoc share-link create|list|revoke|opinions`: a second opinion by secure link (needs
sync); the opinions that came back are the record's (read like the record: audited as a view)."""

from __future__ import annotations

import argparse
import sys

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    PATIENT_HELP,
    UsageError,
    add_user,
    close_session,
    open_session,
    print_json,
)
from pixiodoc_desktop.clinic.records.names import visible
from pixiodoc_desktop.clinic.records.timeline import Timelines
from pixiodoc_desktop.sharing.links import DEFAULT_LIFETIME, ShareLinks, parse_lifetime
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export


def _passcode(args: argparse.Namespace) -> str | None:
    """With --passcode-stdin, the line after the password."""
    if not args.passcode_stdin:
        return None
    line = sys.stdin.readline()
    if not line:
        raise UsageError(
            "With --passcode-stdin give the passcode on standard input "
            "(after the password with --password-stdin)"
        )
    return line.rstrip("\r\n")


def link_create(args: argparse.Namespace) -> int:
    lifetime = parse_lifetime(args.expires) if args.expires else DEFAULT_LIFETIME
    ws, actor = open_session(args)
    try:
        passcode = _passcode(args)
        fetch_for_export(
            ws,
            actor,
            args.patient,
            Export.SHARE_LINK,
            visit_ids=list(args.visit),
            lesion_id=args.lesion,
        )
        made = ShareLinks(ws).create(
            actor,
            args.patient,
            visit_ids=list(args.visit),
            lesion_id=args.lesion,
            reply=args.reply,
            lifetime=lifetime,
            passcode=passcode,
        )
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(made)
        return EXIT_OK
    print(made.url)
    print(
        f"Link {made.id}: {made.visits} visits, {made.photos} photos, "
        f"{'view and reply' if made.level == 'reply' else 'view'}, "
        f"valid until {made.expires_at:%Y-%m-%d %H:%M} UTC"
        + (" (needs the passcode)" if made.passcode else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def link_list(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        records = ShareLinks(ws).links(actor, args.patient)
    finally:
        close_session(ws, actor)
    rows = [
        {
            "id": r.id,
            "patient_id": r.patient_id,
            "state": r.state,
            "level": r.level,
            "visits": r.visits,
            "photos": r.photos,
            "passcode": r.passcode,
            "created_at": r.created_at,
            "expires_at": r.expires_at,
            "replies": r.replies,
        }
        for r in records
    ]
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print("No secure links.")
    for row in rows:
        print(
            f"{row['id']}  {row['state']:<8} {row['level']:<5} patient {row['patient_id']}  "
            f"{row['visits']} visits, {row['photos']} photos, until {row['expires_at']}"
        )
    return EXIT_OK


def link_revoke(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        ShareLinks(ws).revoke(actor, args.link)
    finally:
        close_session(ws, actor)
    print(f"Revoked link {args.link}; its record was deleted from the bucket.")
    return EXIT_OK


def link_opinions(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        opinions = Timelines(ws).read(actor, args.patient, first=0).opinions
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(
            [
                {
                    "id": o.id,
                    "patient_id": o.patient_id,
                    "visit_id": o.visit_id,
                    "link_id": o.link_id,
                    "author_name": o.author_name,
                    "author_role": o.author_role,
                    "written_at": o.written_at,
                    "received_at": o.received_at,
                    "opinion": o.opinion,
                    "diagnosis": o.diagnosis,
                    "recommendation": o.recommendation,
                    "marks": [
                        {"photo": m.photo_id, "kind": m.kind, "points": m.points} for m in o.marks
                    ],
                    "seen": o.seen,
                }
                for o in opinions
            ]
        )
        return EXIT_OK
    if not opinions:
        print("No second opinions on this record.")
    for opinion in opinions:
        print(
            f"{opinion.when:%Y-%m-%d %H:%M} UTC  {visible(opinion.author or 'a colleague')}"
            f"  (link {opinion.link_id}, visit {opinion.visit_id or '-'})"
        )
        for label, text in (
            ("Opinion", opinion.opinion),
            ("Suggested diagnosis", opinion.diagnosis),
            ("Recommendation", opinion.recommendation),
        ):
            if text:
                print(f"  {label}: {visible(' '.join(text.split()))}")
        if opinion.marks:
            print(f"  Marks on photos: {len(opinion.marks)}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `share-link` on the top-level sub-parser set."""
    group = sub.add_parser(
        "share-link", help="send a colleague a secure link to a record (needs sync)"
    )
    lsub = group.add_subparsers(title="share-link commands", metavar="ACTION", required=True)
    p = lsub.add_parser(
        "create", help="make a link (needs the patient's consent to sharing); prints the URL"
    )
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument(
        "--visit", action="append", default=[], metavar="ID", help="repeatable; default: all"
    )
    p.add_argument("--lesion", metavar="ID", help="only this lesion's series")
    p.add_argument("--reply", action="store_true", help="the colleague may reply (View and reply)")
    p.add_argument("--expires", metavar="3d", help="1h to 7d (e.g. 12h, 3d); default 3d")
    p.add_argument(
        "--passcode-stdin",
        action="store_true",
        help="also require a passcode (read from stdin, after the password)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=link_create)
    p = lsub.add_parser("list", help="the clinic's links (made on any of its workstations)")
    add_user(p)
    p.add_argument("--patient", metavar="ID", help=PATIENT_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=link_list)
    p = lsub.add_parser("revoke", help="withdraw a link now (deletes its objects)")
    add_user(p)
    p.add_argument("link", metavar="ID")
    p.set_defaults(handler=link_revoke)
    p = lsub.add_parser(
        "opinions", help="the second opinions colleagues sent back on a record (newest first)"
    )
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=link_opinions)
