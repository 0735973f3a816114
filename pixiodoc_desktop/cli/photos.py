"""`pixiodoc import|watch|photo|body-sites`: photos into the vault and out again, and the
automatic lesion outline of a stored photo."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import threading
from dataclasses import asdict, replace
from pathlib import Path

import cv2
import numpy as np

from pixiodoc_desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    PATIENT_HELP,
    UsageError,
    add_user,
    close_session,
    counted,
    open_session,
    print_json,
)
from pixiodoc_desktop.clinic.exchange.importing import import_files as run_import
from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES, check_body_site
from pixiodoc_desktop.clinic.records.patients import parse_date
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, Photos
from pixiodoc_desktop.clinic.records.vocabulary import Modality, parse
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import DamagedImage
from pixiodoc_desktop.imaging.outline import outline_lesion
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export, patient_of_photo


def import_files(args: argparse.Namespace) -> int:
    visit = parse_date(args.visit, "visit date") if args.visit else None
    if visit is not None and visit > dt.date.today():
        raise UsageError("The visit date lies in the future")
    context = CaptureContext(
        patient_id=args.patient,
        visit_date=visit,
        body_site=check_body_site(args.body_site),
        modality=args.modality,
    )
    paths = [Path(f) for f in args.files]
    ws, actor = open_session(args)
    context = replace(context, patient_id=args.patient)  # an MRN is an id once logged in

    def progress(done: int, total: int, path: Path) -> None:
        if not args.json:
            print(f"\r[{done}/{total}] {path.name[:60]:<60}", end="", file=sys.stderr, flush=True)

    try:
        report = run_import(Photos(ws), actor, context, paths, on_progress=progress)
    finally:
        close_session(ws, actor)
    if not args.json:
        print(file=sys.stderr)
    if args.json:
        print_json(
            {
                "imported": [p.id for p in report.imported],
                "duplicates": [p.id for p in report.duplicates],
                "refused": [{"file": str(r.path), "reason": r.reason} for r in report.refused],
            }
        )
    else:
        for refusal in report.refused:
            print(f"refused: {refusal.reason}", file=sys.stderr)
        print(report.summary)
    return EXIT_OK if report.imported or report.duplicates or not report.refused else EXIT_FAIL


def watch_folder(args: argparse.Namespace) -> int:
    """The hot folder without the GUI: until Ctrl+C or SIGTERM, or with --once until idle."""
    from pixiodoc_desktop.capture.hotfolder import COMPLETE_WITHIN, HotFolder, HotFolderEvent

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"The folder {folder} does not exist")
    context = CaptureContext(
        patient_id=args.patient,
        body_site=check_body_site(args.body_site),
        modality=parse(Modality, args.modality, "modality"),
    )
    ws, actor = open_session(args)
    context = replace(context, patient_id=args.patient)  # an MRN is an id once logged in
    stop = threading.Event()

    def report(event: HotFolderEvent) -> None:
        print(event.line, flush=True)

    try:
        photos = Photos(ws)
        photos.check_can_add(actor, args.patient)
        watcher = HotFolder(folder, photos, actor, context, on_outcome=report)
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            watcher.start(watch=not args.once)
            if args.once:
                idle = watcher.wait_idle(COMPLETE_WITHIN + 30)
            else:
                print(f"Watching {folder} (Ctrl+C to stop)", file=sys.stderr, flush=True)
                while not stop.wait(0.5):
                    pass
                idle = True
        except KeyboardInterrupt:
            idle = True
        finally:
            watcher.stop()
            signal.signal(signal.SIGTERM, previous)
    finally:
        close_session(ws, actor)
    counts = watcher.counts
    print(
        f"{counts.imported} imported, {counts.duplicates} duplicates, "
        f"{counts.quarantined} quarantined",
        file=sys.stderr,
    )
    if not idle:
        print(
            f"pixiodoc: {counted(watcher.pending_count, 'file')} never completed", file=sys.stderr
        )
    return EXIT_OK if idle and not (counts.quarantined or counts.failed) else EXIT_FAIL


def photo_list(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        photos = Photos(ws).list(actor, args.patient)
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(photos)
        return EXIT_OK
    for p in photos:
        print(
            f"{p.id}  {p.visit_date}  {p.body_site or '-':<18} {p.modality:<24} {p.width}x{p.height}"
        )
    return EXIT_OK


def _fetch_original(ws: Workstation, actor: Actor, photo_id: str) -> None:
    """On a PC with images on demand: the original from the clinic's bucket first."""
    patient_id = patient_of_photo(ws, photo_id)
    if patient_id is not None:  # else the export says there is no such photo
        fetch_for_export(ws, actor, patient_id, Export.PHOTO, photo_ids=[photo_id])


def photo_export(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        _fetch_original(ws, actor, args.photo)
        target = Photos(ws).export(actor, args.photo, Path(args.out))
    finally:
        close_session(ws, actor)
    print(f"Exported to {target}")
    return EXIT_OK


def photo_outline(args: argparse.Namespace) -> int:
    """The automatic lesion outline of a stored photo and its measurements (audited view)."""
    ws, actor = open_session(args)
    try:
        photos = Photos(ws)
        photo = photos.get(actor, args.photo)
        data = photos.image(actor, args.photo, ImageSize.ORIGINAL)
    finally:
        close_session(ws, actor)
    # Decoded in memory only: the plaintext image never touches the disk.
    pixels = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if pixels is None:
        raise DamagedImage(f"The stored image of photo {args.photo} cannot be decoded")
    found = outline_lesion(np.asarray(pixels, np.uint8), photo.calibration_px_per_mm)
    if args.json:
        print_json(
            {
                "photo": photo.id,
                "area_mm2": round(found.area_mm2, 3),
                "diameter_mm": round(found.diameter_mm, 3),
                "perimeter_mm": round(found.perimeter_mm, 3),
                "asymmetry": round(found.asymmetry, 4),
                "hair_share": round(found.hair_share, 4),
                "outline": [[round(x, 1), round(y, 1)] for x, y in found.points],
            }
        )
        return EXIT_OK
    print(
        f"area {found.area_mm2:.1f} mm², largest diameter {found.diameter_mm:.1f} mm, "
        f"perimeter {found.perimeter_mm:.1f} mm, asymmetry {found.asymmetry:.2f}"
    )
    return EXIT_OK


def body_sites(args: argparse.Namespace) -> int:
    if args.json:
        print_json([asdict(site) for site in BODY_SITES.values()])
        return EXIT_OK
    for site in BODY_SITES.values():
        print(f"{site.code:<24} {site.label:<28} SNOMED CT {site.snomed}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `import`, `watch`, `photo list|export` and `body-sites`."""
    p = sub.add_parser("import", help="import image files or folders into a patient's record")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument(
        "--visit", metavar="YYYY-MM-DD", help="visit date (default: each photo's capture date)"
    )
    p.add_argument("--body-site", metavar="CODE")
    p.add_argument("--modality", default="overview")
    p.add_argument("--json", action="store_true")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=import_files)

    p = sub.add_parser("watch", help="import each photo a tethered camera saves into a folder")
    add_user(p)
    p.add_argument("--folder", required=True, metavar="DIR", help="the camera's hot folder")
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--body-site", metavar="CODE")
    p.add_argument("--modality", default="overview")
    p.add_argument(
        "--once", action="store_true", help="take what is there, wait for files in flight, exit"
    )
    p.set_defaults(handler=watch_folder)

    photo = sub.add_parser("photo", help="list, export and outline photos")
    fsub = photo.add_subparsers(title="photo commands", metavar="ACTION", required=True)
    p = fsub.add_parser("list", help="a patient's photos")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=photo_list)
    p = fsub.add_parser("export", help="write a stored image to a file (audited)")
    add_user(p)
    p.add_argument("--photo", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=photo_export)

    p = fsub.add_parser(
        "outline", help="outline the lesion in a calibrated close-up and measure it (audited)"
    )
    add_user(p)
    p.add_argument("--photo", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=photo_outline)

    p = sub.add_parser("body-sites", help="list the body site codes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=body_sites)
