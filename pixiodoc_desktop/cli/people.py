"""`pixiodoc user ...` and `pixiodoc share ...`: clinicians and record sharing."""

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
from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.key_rotation import DEACTIVATION_HINT
from pixiodoc_desktop.clinic.access.sharing import Sharing


def _new_password(args: argparse.Namespace, login: str) -> str:
    """The new clinician's password: the second stdin line with --password-stdin."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError(
                "With --password-stdin give two lines: your password, then the new password"
            )
        return line.rstrip("\r\n")
    import getpass

    first = getpass.getpass(f"New password for {login}: ")
    if getpass.getpass("Repeat the new password: ") != first:
        raise UsageError("The two passwords differ; nothing was changed")
    return first


def user_add(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        password = _new_password(args, args.login)
        added = Clinicians(ws).add(
            actor, login=args.login, display_name=args.name, password=password, role=args.role
        )
    finally:
        close_session(ws, actor)
    print(f"Added {added.display_name} ({added.login}, {added.role}).")
    return EXIT_OK


def user_list(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        people = Clinicians(ws).list()
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(people)
        return EXIT_OK
    for person in people:
        state = "active" if person.active else "deactivated"
        print(f"{person.login:<20} {person.display_name:<30} {person.role:<10} {state}")
    return EXIT_OK


def user_deactivate(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        gone = Clinicians(ws).deactivate(actor, args.login)
    finally:
        close_session(ws, actor)
    print(f"Deactivated {gone.login}; their password no longer opens this vault.json.")
    print(DEACTIVATION_HINT)
    return EXIT_OK


def user_reset_password(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        Clinicians(ws).reset_password(actor, args.login, _new_password(args, args.login))
    finally:
        close_session(ws, actor)
    print(f"New password set for {args.login}; the old one no longer works.")
    return EXIT_OK


def share_grant(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        grant = Sharing(ws).grant(actor, args.patient, args.to, args.level)
    finally:
        close_session(ws, actor)
    print(f"{grant.grantee_name} now has {grant.level} access.")
    return EXIT_OK


def share_revoke(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        Sharing(ws).revoke(actor, args.patient, args.to)
    finally:
        close_session(ws, actor)
    print("Access revoked.")
    return EXIT_OK


def share_list(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        grants = Sharing(ws).list(actor, args.patient)
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(grants)
        return EXIT_OK
    for grant in grants:
        print(f"{grant.grantee_name:<30} {grant.level}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `user` and `share` on the top-level sub-parser set."""
    user = sub.add_parser("user", help="clinicians of the practice (Admins only)")
    usub = user.add_subparsers(title="user commands", metavar="ACTION", required=True)
    p = usub.add_parser("add", help="add a clinician; reads their password after yours")
    add_user(p)
    p.add_argument("--login", required=True)
    p.add_argument("--name", required=True, help="display name, e.g. 'Dr. Jonas Brandt'")
    p.add_argument("--role", choices=["admin", "clinician"], default="clinician")
    p.set_defaults(handler=user_add)
    p = usub.add_parser("list", help="everyone who can log in")
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=user_list)
    p = usub.add_parser("deactivate", help="stop a clinician from logging in")
    add_user(p)
    p.add_argument("--login", required=True)
    p.set_defaults(handler=user_deactivate)
    p = usub.add_parser("reset-password", help="set a new password for a clinician")
    add_user(p)
    p.add_argument("--login", required=True)
    p.set_defaults(handler=user_reset_password)

    share = sub.add_parser("share", help="who may see and edit a patient's record")
    ssub = share.add_subparsers(title="share commands", metavar="ACTION", required=True)
    for name, handler in (("grant", share_grant), ("revoke", share_revoke), ("list", share_list)):
        p = ssub.add_parser(name, help=f"{name} access to a patient's record")
        add_user(p)
        p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
        if name != "list":
            p.add_argument(
                "--to", required=True, metavar="LOGIN", help="a clinician's login or 'practice'"
            )
        if name == "grant":
            p.add_argument("--level", required=True, choices=["view", "edit", "admin"])
        if name == "list":
            p.add_argument("--json", action="store_true")
        p.set_defaults(handler=handler)
