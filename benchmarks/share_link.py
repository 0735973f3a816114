"""A second opinion by secure link: making the link, and the viewer's time to the first photo.

A patient with 20 photos (screen-size 2048 px previews and thumbnails, as the
vault stores them) in a real SeaweedFS on loopback; Chromium (Debian's,
headless) opens the link. Two figures, each against a baseline measured in
the same run on the same bytes:

- making the link (decrypt with the patient key, re-encrypt under the link
  key, upload, presign, index, page) vs uploading the same image bytes
  unencrypted;
- the viewer's time to the first photo on screen (navigation start to the
  first thumbnail painted: page, encrypted index, first image fetched and
  decrypted with WebCrypto) vs a plain page in the same bucket that fetches a
  plain JSON index and shows the same thumbnail unencrypted (goal <= 1 s).

The headline is the viewer's time; ratio = plain / viewer (1.0: encryption is free).

    python benchmarks/share_link.py [--quick] [--runs N]      (--quick: 4 photos, 2 runs)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import _common
from _keyring import use_memory_keyring

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))
sys.path.insert(0, str(_common.REPO_ROOT / "tests"))

from phone_support import chromium_phone
from selenium.webdriver.support.ui import WebDriverWait
from sync_support import BUCKET, ClinicNet, Weed

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.sharing.links import ShareLinks
from pixiodoc_desktop.vault.schema import Photo

TARGET_SECONDS = 1.0

PLAIN_PAGE = """<!doctype html><html><body><div id="t"></div><script>
fetch(%s).then(r => r.json()).then(index => {
  for (const url of index.thumbs) {
    const img = document.createElement("img");
    img.onload = () => { if (!window.firstPhoto) window.firstPhoto = performance.now(); };
    img.src = url;
    document.getElementById("t").append(img);
  }
});
</script></body></html>"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=0)
    args = parser.parse_args()
    photos = 4 if args.quick else 20
    runs = args.runs or (2 if args.quick else 5)
    use_memory_keyring()
    scratch = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-link-"))
    weed = Weed(scratch / "weed")
    weed.start(new_ports_on_clash=True)
    try:
        net = ClinicNet(weed, scratch / "pcs")
        station = net.first()
        s, actor = station.services, station.actor
        patient = s.patients.create(actor, family_name="Benchmark", given_name="Link")
        s.consents.record(actor, patient.id, scope="sharing", granted=True)
        _common.log(f"ingesting {photos} photos")
        for n in range(photos):
            pixels = render_photo(scene_for(n + 1, "naevus"), 0, 1, size=(3000, 2000))
            s.photos.ingest(
                actor,
                encode_jpeg(pixels),
                CaptureContext(
                    patient.id,
                    visit_date=dt.date(2025, 1 + n % 12, 1),
                    body_site="upper-back",
                ),
                source_name=f"IMG_{n}.jpg",
            )
        links = ShareLinks(station.ws, station.store)
        with station.ws.read_session() as session:
            from sqlalchemy import select

            rows = session.scalars(select(Photo).where(Photo.patient_id == patient.id)).all()
            pairs = [(p.screen_blob_id, p.thumbnail_blob_id) for p in rows]
            pdk = station.ws.vault.patient_key(session, patient.id)
        images = [
            (station.ws.vault.blobs.get(screen, pdk), station.ws.vault.blobs.get(thumb, pdk))
            for screen, thumb in pairs
        ]
        total_bytes = sum(len(a) + len(b) for a, b in images)

        def plain_upload(run: int) -> tuple[str, list[str]]:
            folder = station.store.key("plain", str(run))
            thumbs = []
            for n, (screen, thumb) in enumerate(images):
                station.store.put(f"{folder}/s{n}", screen)
                station.store.put(f"{folder}/t{n}", thumb)
                thumbs.append(station.store.presign(f"{folder}/t{n}", 3600))
            station.store.put(f"{folder}/index", json.dumps({"thumbs": thumbs}).encode())
            page = PLAIN_PAGE % json.dumps(station.store.presign(f"{folder}/index", 3600))
            station.store.put(f"{folder}/page", page.encode(), content_type="text/html")
            return station.store.presign(f"{folder}/page", 3600), thumbs

        make, plain_make, first, plain_first = [], [], [], []
        urls, plain_urls = [], []
        for run in range(runs):
            started = time.perf_counter()
            urls.append(links.create(actor, patient.id).url)
            make.append(time.perf_counter() - started)
            started = time.perf_counter()
            plain_urls.append(plain_upload(run)[0])
            plain_make.append(time.perf_counter() - started)
        _common.log("opening the links in Chromium")
        with chromium_phone(scratch / "none.y4m", size=(1366, 768)) as browser:
            browser.get(
                plain_urls[0]
            )  # warm the browser once (process start, caches cleared below)
            for url, plain in zip(urls, plain_urls, strict=True):
                browser.get(url)
                WebDriverWait(browser, 60).until(
                    lambda d: d.execute_script("return window.pixiodocFirstPhoto")
                )
                first.append(browser.execute_script("return window.pixiodocFirstPhoto") / 1000)
                browser.get(plain)
                WebDriverWait(browser, 60).until(
                    lambda d: d.execute_script("return window.firstPhoto")
                )
                plain_first.append(browser.execute_script("return window.firstPhoto") / 1000)
        net.close()
    finally:
        weed.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    viewer_s, plain_s = _common.median(first), _common.median(plain_first)
    make_s, plain_make_s = _common.median(make), _common.median(plain_make)
    _common.emit(
        _common.result(
            benchmark="share_link",
            metric=f"viewer's time to the first photo ({photos}-photo record, loopback): "
            "plain page and images / encrypted link",
            value=_common.rounded(viewer_s),
            unit="s",
            baseline=_common.rounded(plain_s),
            ratio=_common.rounded(plain_s / viewer_s),
            target=TARGET_SECONDS,
            meets_target=viewer_s <= TARGET_SECONDS,
            runs=runs,
            photos=photos,
            image_mb=round(total_bytes / 1e6, 2),
            viewer_seconds=[_common.rounded(v) for v in first],
            plain_viewer_seconds=[_common.rounded(v) for v in plain_first],
            create={
                "value": _common.rounded(make_s),
                "unit": "s",
                "baseline_plain_upload": _common.rounded(plain_make_s),
                "ratio": _common.rounded(plain_make_s / make_s),
            },
            bucket=BUCKET,
            load_average=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
