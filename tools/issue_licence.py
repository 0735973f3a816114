"""Issue a signed PixioDoc licence (for the people who sell PixioDoc, not for clinics).

    python tools/issue_licence.py --private-key issuer.pem --clinic "Hautarztpraxis Weber" \
        --plan teams --seats 6 --expires 2027-12-31 --out weber.pxlicence

The private key (an Ed25519 PEM, PKCS#8, unencrypted or with its passphrase in
$PIXIODOC_LICENCE_KEY_PASSPHRASE) is given on the command line and never
lives in the repository; its public half is `TRUSTED_PUBLIC_KEY` in
`pixiodoc_desktop/clinic/access/plans.py`. `--new-key FILE` makes a key pair and
prints the public key to put there.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import sys
import uuid
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pixiodoc_desktop.clinic.access.plans import MIN_TEAM_SEATS, PAID_PLANS, canonical


def load_private_key(path: Path) -> Ed25519PrivateKey:
    passphrase = os.environ.get("PIXIODOC_LICENCE_KEY_PASSPHRASE")
    key = serialization.load_pem_private_key(
        path.read_bytes(), password=passphrase.encode() if passphrase else None
    )
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"{path} is not an Ed25519 private key")
    return key


def sign_licence(
    key: Ed25519PrivateKey,
    *,
    clinic: str,
    plan: str,
    seats: int,
    expires: dt.date,
    issued: dt.date | None = None,
) -> str:
    """The licence document (JSON text) for `clinic`."""
    if plan not in PAID_PLANS:
        raise ValueError(f"plan must be one of {', '.join(PAID_PLANS)}")
    if plan == "teams" and seats < MIN_TEAM_SEATS:
        raise ValueError(f"a Teams licence has at least {MIN_TEAM_SEATS} seats")
    body = {
        "clinic": " ".join(clinic.split()),
        "plan": plan,
        "seats": seats,
        "expires": expires.isoformat(),
        "issued": (issued or dt.date.today()).isoformat(),
        "id": str(uuid.uuid4()),
    }
    signature = base64.b64encode(key.sign(canonical(body))).decode("ascii")
    return json.dumps({"licence": body, "signature": signature}, indent=2, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Issue a signed PixioDoc licence.")
    parser.add_argument("--private-key", type=Path, help="the issuer's Ed25519 PEM")
    parser.add_argument("--clinic", help="the clinic's name exactly as in its vault")
    parser.add_argument("--plan", choices=PAID_PLANS)
    parser.add_argument("--seats", type=int, default=1)
    parser.add_argument("--expires", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--new-key", type=Path, metavar="FILE", help="make a new issuer key")
    args = parser.parse_args(argv)
    if args.new_key:
        key = Ed25519PrivateKey.generate()
        args.new_key.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        args.new_key.chmod(0o600)
        public = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        print(f"TRUSTED_PUBLIC_KEY = {public.hex()!r}")
        return 0
    missing = [
        n for n in ("private_key", "clinic", "plan", "expires", "out") if not getattr(args, n)
    ]
    if missing:
        parser.error("missing: " + ", ".join("--" + m.replace("_", "-") for m in missing))
    try:
        text = sign_licence(
            load_private_key(args.private_key),
            clinic=args.clinic,
            plan=args.plan,
            seats=args.seats,
            expires=args.expires,
        )
    except ValueError as exc:
        parser.error(str(exc))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"Wrote a {args.plan} licence for {args.clinic} ({args.seats} seats) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
