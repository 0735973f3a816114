"""`pixiodoc export|pacs`: the PDF report, DICOM and the patient's data; the clinic's PACS.

The export libraries (reportlab, pydicom, pynetdicom) are imported by the
handlers that use them, so that every other command starts without them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    PATIENT_HELP,
    UsageError,
    add_user,
    close_session,
    open_session,
)
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export


def export_pdf_command(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.exports.pdf_report import export_pdf
    from pixiodoc_desktop.exports.report_locale import ReportLocale

    ws, actor = open_session(args)
    try:
        fetch_for_export(
            ws,
            actor,
            args.patient,
            Export.PDF_REPORT,
            # a comparison may show photos of other visits: then all the patient's screens
            visit_ids=() if args.comparison else (args.visits or ()),
            photo_ids=None if args.comparison else (args.photo or None),
        )
        path = export_pdf(
            ws,
            actor,
            args.patient,
            Path(args.out),
            visit_ids=args.visits or (),
            photo_ids=args.photo or None,
            comparison_ids=args.comparison or (),
            say=ReportLocale(language=args.language),
        )
    finally:
        close_session(ws, actor)
    print(f"Wrote the report to {path}")
    return EXIT_OK


def _magnifications() -> dict[str, float]:
    """Optical magnification by device name, from this workstation's device profiles:
    only for photos stored before the vault kept the magnification with each photo."""
    from pixiodoc_desktop.capture.profiles import ProfileStore

    return {p.device_name: p.magnification for p in ProfileStore().all() if p.magnification}


def export_dicom_command(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.exports import dicom, pacs

    if (args.out is None) == (args.to is None):
        raise UsageError("Give either --out FOLDER or --to PACS")
    if args.to is not None and args.to.lower() != "pacs":
        raise UsageError("--to takes PACS (the PACS set up with `pixiodoc pacs configure`)")
    visits = [args.visit] if args.visit else []
    magnifications = _magnifications()
    ws, actor = open_session(args)
    try:
        fetch_for_export(ws, actor, args.patient, Export.DICOM, visit_ids=visits)
        if args.out is not None:
            written = dicom.export_folder(
                ws,
                actor,
                args.patient,
                Path(args.out),
                visit_ids=visits,
                magnifications=magnifications,
            )
            message = f"Wrote {len(written)} DICOM files to {args.out}"
        else:
            sent = pacs.send_to_pacs(
                ws,
                actor,
                args.patient,
                visit_ids=visits,
                method=args.via,
                magnifications=magnifications,
            )
            message = f"Sent {sent} images to the PACS ({args.via})"
    finally:
        close_session(ws, actor)
    print(message)
    return EXIT_OK


def export_patient_data_command(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.exports.patient_data import export_patient_data

    ws, actor = open_session(args)
    try:
        fetch_for_export(ws, actor, args.patient, Export.PATIENT_DATA)
        path = export_patient_data(ws, actor, args.patient, Path(args.out))
    finally:
        close_session(ws, actor)
    print(f"Wrote the patient's data (FHIR R4, images, PDF summary) to {path}")
    return EXIT_OK


def export_logo_command(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.exports.records import set_report_logo

    if args.clear == (args.file is not None):
        raise UsageError("Give either a logo FILE or --clear")
    data = None
    if args.file is not None:
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            raise InvalidInput(f"Cannot read {args.file}: {exc.strerror}") from None
    ws, actor = open_session(args)
    try:
        set_report_logo(ws, actor, data)
    finally:
        close_session(ws, actor)
    print("The report logo is set." if data else "The report logo is removed.")
    return EXIT_OK


def pacs_configure(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.exports import pacs

    ws, actor = open_session(args)
    try:
        settings = pacs.configure(
            ws,
            actor,
            pacs.PacsSettings(
                ae_title=args.ae_title,
                host=args.host,
                port=args.port,
                our_ae_title=args.our_ae_title,
                dicomweb_url=args.dicomweb_url,
            ),
        )
    finally:
        close_session(ws, actor)
    web = f", DICOMweb {settings.dicomweb_url}" if settings.dicomweb_url else ""
    print(
        f"PACS set: {settings.ae_title} at {settings.host}:{settings.port} "
        f"(we are {settings.our_ae_title}){web}"
    )
    return EXIT_OK


def pacs_test(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.exports import pacs

    ws, actor = open_session(args)
    try:
        settings = pacs.load_settings(ws)
    finally:
        close_session(ws, actor)
    pacs.echo(settings)
    print(f"C-ECHO: {settings.ae_title} at {settings.host}:{settings.port} answers")
    if settings.dicomweb_url:
        pacs.check_dicomweb(settings)
        print(f"DICOMweb: {settings.dicomweb_url} answers")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `export pdf|dicom|patient-data|logo` and `pacs configure|test`."""
    export = sub.add_parser("export", help="PDF report, DICOM, and the patient's data (audited)")
    esub = export.add_subparsers(title="export commands", metavar="FORMAT", required=True)
    p = esub.add_parser("pdf", help="a consultation report as PDF (needs the record's Admin grant)")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--visits", nargs="*", metavar="ID", help="only these visits (default: all)")
    p.add_argument("--photo", action="append", metavar="ID", help="only these photos (repeatable)")
    p.add_argument(
        "--comparison", action="append", metavar="ID", help="stored comparisons (repeatable)"
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--language",
        choices=["en", "de"],
        default="en",
        help="the report's words, dates and numbers (default en, with ISO dates)",
    )
    p.set_defaults(handler=export_pdf_command)
    p = esub.add_parser("dicom", help="photos as DICOM files or to the PACS")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--visit", metavar="ID", help="only this visit (one DICOM study)")
    p.add_argument("--out", metavar="FOLDER", help="write .dcm files into this folder")
    p.add_argument("--to", metavar="PACS", help="send to the PACS set up in the vault")
    p.add_argument("--via", choices=["c-store", "stow-rs"], default="c-store")
    p.set_defaults(handler=export_dicom_command)
    p = esub.add_parser(
        "patient-data", help="the patient's records, images and a summary in one ZIP (GDPR)"
    )
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--out", required=True, metavar="FILE.zip")
    p.set_defaults(handler=export_patient_data_command)

    p = esub.add_parser("logo", help="set the clinic logo shown in report headers (Admins)")
    add_user(p)
    p.add_argument("file", nargs="?", metavar="FILE", help="a PNG or JPEG, at most 1 MB")
    p.add_argument("--clear", action="store_true", help="remove the logo")
    p.set_defaults(handler=export_logo_command)

    pacs_parser = sub.add_parser("pacs", help="set up and test the clinic's PACS")
    psub = pacs_parser.add_subparsers(title="pacs commands", metavar="ACTION", required=True)
    p = psub.add_parser("configure", help="set the PACS (workspace Admins)")
    add_user(p)
    p.add_argument("--ae-title", required=True, help="the PACS's AE title")
    p.add_argument("--host", required=True)
    p.add_argument("--port", required=True, type=int)
    p.add_argument("--our-ae-title", default="PIXIODOC", help="this workstation's AE title")
    p.add_argument("--dicomweb-url", metavar="URL", help="e.g. https://pacs.example/dicom-web")
    p.set_defaults(handler=pacs_configure)
    p = psub.add_parser("test", help="C-ECHO the PACS (and reach its DICOMweb URL, if set)")
    add_user(p)
    p.set_defaults(handler=pacs_test)
