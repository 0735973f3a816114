"""Capture with a phone off the clinic network: a 12 MP photo through the clinic's bucket.

A real SeaweedFS on loopback is the bucket; Chromium (Debian's, headless,
Selenium) opens the pairing page from it and hands it a fresh 12 MP JPEG
through its camera-app input, as a phone does after the shutter. Timed from
the hand-over until the page shows the photo as committed: sealed in the
page, PUT to a presigned slot, seen by the workstation's next look into the
bucket, fetched, opened, taken through the one ingest path, deleted from the
bucket, and the commit read back by the page from the sealed state.

Baseline in the same run, alternating with the real runs: the same page, the
same kind of file and the same ingest over the clinic network (the
workstation's own HTTPS server on loopback). The ratio (LAN / bucket) is the
price of the detour through the bucket (its polls and round trips); the
absolute figure is what the clinician waits for ("within seconds": <= 3 s).

    python benchmarks/phone_relay.py [--quick] [--runs N]     (--quick: 3 MP, one run each)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import _common
from _keyring import use_memory_keyring

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))
sys.path.insert(0, str(_common.REPO_ROOT / "tests"))

from phone import (
    QUICK_SIZE,
    TWELVE_MP,
    camera_jpegs,
    committed_photos,
    emit_against_baseline,
    open_phone_page,
    upload_seconds,
)
from sync_support import ClinicNet, Weed

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.phone.opening import PhoneLink, Route, start_pairing
from pixiodoc_desktop.phone.pairing import PairingTarget

TARGET_RATIO = 0.5
TARGET_SECONDS = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="3 MP, one run each (CI)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    size = QUICK_SIZE if args.quick else TWELVE_MP
    megapixels = round(size[0] * size[1] / 1e6)

    from selenium.webdriver.common.by import By

    use_memory_keyring()
    scratch = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-relay-"))
    weed = Weed(scratch / "weed")
    weed.start(new_ports_on_clash=True)
    drivers: dict[str, Any] = {}
    links: dict[str, PhoneLink] = {}
    net = None
    try:
        _common.log(f"making {2 * runs + 2} distinct {megapixels} MP JPEGs")
        pictures = camera_jpegs(scratch, 2 * runs + 2, size)
        size_mb = pictures[0].stat().st_size / 1e6
        net = ClinicNet(weed, scratch / "pcs")
        station = net.first()
        patient = station.services.patients.create(
            station.actor, family_name="Bench", given_name="Relay"
        )
        settings = Settings(phone_port=0, phone_address="127.0.0.1")
        for route in (Route.BUCKET, Route.LAN):
            link = start_pairing(
                station.ws,
                station.actor,
                PairingTarget(patient.id, body_site="forearm-left"),
                settings,
                route=route,
                bind="127.0.0.1",
            )
            link.intake.per_minute = 10_000
            links[route] = link
            drivers[route] = open_phone_page(link.url, scratch / f"chromium-{route}")

        def timed(route: str, path: Path) -> float:
            driver = drivers[route]
            return upload_seconds(
                driver.find_element(By.ID, "file"),
                path,
                lambda: committed_photos(driver),
                committed_photos(driver),
            )

        # Warm-up (JIT, connections, first ingest) on each route.
        timed(Route.BUCKET, pictures[-1])
        timed(Route.LAN, pictures[-2])
        bucket: list[float] = []
        lan: list[float] = []
        for n in range(runs):
            _common.log(f"run {n + 1}/{runs}")
            order = (Route.LAN, Route.BUCKET) if n % 2 == 0 else (Route.BUCKET, Route.LAN)
            for route in order:
                if route is Route.LAN:
                    lan.append(timed(route, pictures[2 * n]))
                else:
                    bucket.append(timed(route, pictures[2 * n + 1]))
        left = [k for k, _ in weed.all_objects(net.prefix) if "/in/" in k]
    finally:
        for driver in drivers.values():
            driver.quit()
        for link in links.values():
            link.close()
        if net is not None:
            net.close()
        weed.kill()
        shutil.rmtree(scratch, ignore_errors=True)

    emit_against_baseline(
        "phone_relay",
        (
            f"{megapixels} MP photo, page to committed: over the clinic network / "
            "through the clinic's bucket (SeaweedFS)"
        ),
        bucket,
        lan,
        target_ratio=TARGET_RATIO,
        target_seconds=TARGET_SECONDS,
        runs=runs,
        jpeg_mb=round(size_mb, 2),
        bucket_seconds=[_common.rounded(v) for v in bucket],
        lan_seconds=[_common.rounded(v) for v in lan],
        uploads_left_in_bucket=len(left),
        load_average=_common.load_average(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
