"""`pixiodoc licence install|show`: the clinic's plan (Free, Pro, Teams)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pixiodoc_desktop.cli.common import EXIT_OK, add_user, close_session, open_session, print_json
from pixiodoc_desktop.clinic.access.plans import Plan, Plans


def _describe(plan: Plan, patients: int) -> dict[str, object]:
    return {
        "plan": plan.name,
        "label": plan.label,
        "clinic": plan.clinic,
        "seats": plan.seats,
        "expires": plan.expires,
        "licence": plan.licence_id,
        "max_patients": plan.max_patients,
        "patients": patients,
        "features": sorted(plan.features),
        "problem": plan.problem,
    }


def _print(plan: Plan, patients: int) -> None:
    limit = f" of {plan.max_patients}" if plan.max_patients is not None else ""
    print(f"Plan: {plan.label}  ({patients}{limit} patients)")
    if plan.expires is not None:
        print(
            f"Licence valid until {plan.expires}" + (f", {plan.seats} seats" if plan.seats else "")
        )
    if plan.problem:
        print(f"Note: {plan.problem}; working as Free. Existing records stay available.")


def licence_install(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        plans = Plans(ws)
        plan = plans.install_file(actor, Path(args.file))
        patients = plans.patient_count()
    finally:
        close_session(ws, actor)
    print("Licence installed.")
    _print(plan, patients)
    return EXIT_OK


def licence_show(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        plans = Plans(ws)
        plan, patients = plans.current(), plans.patient_count()
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(_describe(plan, patients))
    else:
        _print(plan, patients)
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `licence` on the top-level sub-parser set."""
    licence = sub.add_parser("licence", help="the clinic's plan and licence")
    lsub = licence.add_subparsers(title="licence commands", metavar="ACTION", required=True)
    p = lsub.add_parser("install", help="install a signed licence file (Admins)")
    add_user(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=licence_install)
    p = lsub.add_parser("show", help="the plan in force and why")
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=licence_show)
