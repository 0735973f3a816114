"""The clinic's object store: any S3-compatible bucket (AWS in the EU, SeaweedFS, ...).

A thin layer over boto3 that speaks in whole objects under the clinic's
prefix and turns every way a request can fail into one typed error with one
line a clinic's IT person can act on. Timeouts are short and retries few:
an offline workstation learns it quickly and tries again later.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)
from botocore.parsers import ResponseParserError

from pixiodoc_desktop.errors import (
    SyncBucketMissing,
    SyncClockSkew,
    SyncCredentialsRejected,
    SyncDiskFull,
    SyncError,
    SyncNotStorage,
    SyncUnavailable,
)

log = logging.getLogger(__name__)

DEFAULT_REGION = "eu-central-1"
MULTIPART_THRESHOLD = 16 * 1024 * 1024
MULTIPART_CHUNK = 8 * 1024 * 1024

_CREDENTIAL_CODES = {
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "InvalidToken",
    "ExpiredToken",
    "AuthorizationHeaderMalformed",
    "AccessDenied",
    "InvalidSecurity",
}
_SKEW_CODES = {"RequestTimeTooSkewed", "RequestExpired"}
_MISSING_CODES = {"NoSuchKey", "404", "NotFound"}


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """Where the bucket is and how to sign for it (the secret never leaves memory)."""

    endpoint: str | None
    region: str
    bucket: str
    prefix: str
    access_key: str
    secret_key: str

    @property
    def where(self) -> str:
        host = urlparse(self.endpoint).netloc if self.endpoint else "AWS S3"
        return f"{host}/{self.bucket}"

    @property
    def in_eu(self) -> bool:
        return is_eu_region(self.region)


def is_eu_region(region: str) -> bool:
    """True for AWS-style EU regions (eu-*) and self-hosted regions that say so."""
    lowered = region.strip().lower()
    return lowered.startswith("eu-") or lowered in ("eu", "europe") or lowered.endswith("-eu")


class NotFound(Exception):
    """An object that is not (or no longer) in the bucket; internal to sync."""


class ObjectExists(Exception):
    """A conditional create found the name taken; internal to sync."""


class ObjectStore:
    """One bucket and prefix, all requests signed with the clinic's credentials."""

    def __init__(self, settings: StoreSettings, *, connect_timeout: float = 3.0) -> None:
        self.settings = settings
        config = Config(
            region_name=settings.region or DEFAULT_REGION,
            signature_version="s3v4",
            s3={"addressing_style": "path"},
            connect_timeout=connect_timeout,
            read_timeout=30,
            retries={"max_attempts": 2, "mode": "standard"},
            max_pool_connections=16,
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        session = boto3.session.Session()
        self.client: Any = session.client(
            "s3",
            endpoint_url=settings.endpoint or None,
            aws_access_key_id=settings.access_key,
            aws_secret_access_key=settings.secret_key,
            config=config,
        )
        self.client.meta.events.register("before-parse.s3", self._sniff)
        self.transfer = TransferConfig(
            multipart_threshold=MULTIPART_THRESHOLD,
            multipart_chunksize=MULTIPART_CHUNK,
            max_concurrency=4,
            use_threads=True,
        )

    @staticmethod
    def _sniff(response_dict: Any = None, **_: Any) -> None:
        if not isinstance(response_dict, dict):
            return
        headers = response_dict.get("headers") or {}
        kind = str(headers.get("content-type", headers.get("Content-Type", ""))).lower()
        body = response_dict.get("body")
        head = body[:512].lstrip().lower() if isinstance(body, bytes | bytearray) else b""
        if "text/html" in kind or head.startswith((b"<!doctype html", b"<html")):
            raise SyncNotStorage(
                "The sync endpoint answered with a web page, not as S3 storage (a proxy or "
                "login portal is in the way, or the endpoint URL is wrong)."
            )

    def key(self, *parts: str) -> str:
        prefix = self.settings.prefix.strip("/")
        return "/".join(p for p in (prefix, *parts) if p)

    # --- the requests ------------------------------------------------------------

    def put(
        self, key: str, data: bytes, *, if_absent: bool = False, content_type: str = ""
    ) -> None:
        """Store `data` under `key`; with `if_absent` never overwrite (ObjectExists)."""
        extra: dict[str, Any] = {"IfNoneMatch": "*"} if if_absent else {}
        if content_type:
            extra["ContentType"] = content_type
        try:
            self._call(
                self.client.put_object, Bucket=self.settings.bucket, Key=key, Body=data, **extra
            )
        except _Conflict as exc:
            raise ObjectExists(key) from exc

    def put_file(
        self, key: str, path: Path, *, on_bytes: Callable[[int], None] | None = None
    ) -> None:
        """Upload a file, in parts when it is large (boto3's transfer manager)."""
        if path.stat().st_size < MULTIPART_THRESHOLD:
            with path.open("rb") as handle:
                self._call(
                    self.client.put_object, Bucket=self.settings.bucket, Key=key, Body=handle
                )
            if on_bytes is not None:
                on_bytes(path.stat().st_size)
            return
        self._call(
            self.client.upload_file,
            str(path),
            self.settings.bucket,
            key,
            Config=self.transfer,
            Callback=on_bytes,
        )

    def get(self, key: str) -> bytes:
        response = self._call(self.client.get_object, Bucket=self.settings.bucket, Key=key)
        try:
            return bytes(response["Body"].read())
        except (BotoCoreError, OSError) as exc:
            raise self._unavailable(exc) from exc

    def get_to(self, key: str, handle: BinaryIO) -> None:
        """Download into an open file (multipart-aware); ENOSPC becomes SyncDiskFull."""
        self._call(
            self.client.download_fileobj, self.settings.bucket, key, handle, Config=self.transfer
        )

    def size(self, key: str) -> int | None:
        """The object's size, or None when there is no such object."""
        try:
            response = self._call(self.client.head_object, Bucket=self.settings.bucket, Key=key)
        except NotFound:
            return None
        return int(response["ContentLength"])

    def presign(self, key: str, seconds: int, *, method: str = "get") -> str:
        """A URL that lets anyone holding it GET (or PUT) this one object for `seconds`."""
        operation = {"get": "get_object", "put": "put_object"}[method]
        url: str = self._call(
            self.client.generate_presigned_url,
            operation,
            Params={"Bucket": self.settings.bucket, "Key": key},
            ExpiresIn=seconds,
        )
        return url

    def delete(self, key: str) -> None:
        try:
            self._call(self.client.delete_object, Bucket=self.settings.bucket, Key=key)
        except NotFound:
            return

    def objects(self, prefix: str, *, start_after: str = "") -> Iterator[tuple[str, int]]:
        """(key, size) of every object under `prefix`, in key order, after `start_after`."""
        token: str | None = None
        while True:
            args: dict[str, Any] = {"Bucket": self.settings.bucket, "Prefix": prefix}
            if token:
                args["ContinuationToken"] = token
            elif start_after:
                args["StartAfter"] = start_after
            response = self._call(self.client.list_objects_v2, **args)
            for item in response.get("Contents", []):
                yield str(item["Key"]), int(item["Size"])
            if not response.get("IsTruncated"):
                return
            token = response.get("NextContinuationToken")

    def folders(self, prefix: str) -> list[str]:
        """The next path segment of every key under `prefix` (like listing a folder)."""
        names: list[str] = []
        token: str | None = None
        while True:
            args: dict[str, Any] = {
                "Bucket": self.settings.bucket,
                "Prefix": prefix,
                "Delimiter": "/",
            }
            if token:
                args["ContinuationToken"] = token
            response = self._call(self.client.list_objects_v2, **args)
            for item in response.get("CommonPrefixes", []):
                names.append(str(item["Prefix"])[len(prefix) :].strip("/"))
            if not response.get("IsTruncated"):
                return names
            token = response.get("NextContinuationToken")

    def check_bucket(self) -> None:
        """Raise the typed error when the bucket cannot be used."""
        # A listing, not HEAD: a HEAD error has no body, so its cause (skew? key?) is lost.
        try:
            self._call(
                self.client.list_objects_v2,
                Bucket=self.settings.bucket,
                Prefix=self.key("probe") + "/",
                MaxKeys=1,
            )
        except NotFound as exc:
            raise SyncBucketMissing(
                f"The bucket {self.settings.bucket!r} does not exist at "
                f"{self.settings.where.rsplit('/', 1)[0]}; create it or correct the name."
            ) from exc

    # --- errors ------------------------------------------------------------------

    def _call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except SyncError:
            raise
        except ClientError as exc:
            raise self._client_error(exc) from exc
        except (
            EndpointConnectionError,
            ConnectTimeoutError,
            ReadTimeoutError,
            ConnectionClosedError,
        ) as exc:
            raise self._unavailable(exc) from exc
        except ResponseParserError as exc:
            raise SyncNotStorage(
                f"The sync endpoint {self.settings.where} does not answer as S3 storage "
                "(a proxy may be in the way, or the endpoint URL is wrong)."
            ) from exc
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise disk_full(exc) from exc
            raise self._unavailable(exc) from exc
        except BotoCoreError as exc:
            raise self._unavailable(exc) from exc

    def _unavailable(self, exc: BaseException) -> SyncError:
        log.info("Sync endpoint unreachable: %s", type(exc).__name__)
        return SyncUnavailable(
            f"The sync endpoint {self.settings.where} cannot be reached (offline, or a wrong "
            "address). Changes stay on this PC and go out with the next sync."
        )

    def _client_error(self, exc: ClientError) -> Exception:
        error = exc.response.get("Error", {})
        code = str(error.get("Code", ""))
        status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        if code in ("PreconditionFailed", "412") or status == 412:
            return _Conflict(code)
        if code in _MISSING_CODES:
            return NotFound(code)
        if code in ("NoSuchBucket",) or (status == 404 and code in ("", "NoSuchBucket")):
            return SyncBucketMissing(
                f"The bucket {self.settings.bucket!r} does not exist at "
                f"{self.settings.where.rsplit('/', 1)[0]}; create it or correct the name."
            )
        if code in _SKEW_CODES:
            return SyncClockSkew(
                "This PC's clock is too far off the sync endpoint's time; set the date and "
                "time correctly (automatic time), then sync again."
            )
        if code in _CREDENTIAL_CODES or status in (401, 403):
            return SyncCredentialsRejected(
                f"The sync endpoint {self.settings.where} rejects the access key or secret "
                "(check them under sync settings: pixiodoc sync configure)."
            )
        if status >= 500 or code in ("SlowDown", "ServiceUnavailable", "InternalError"):
            return SyncUnavailable(
                f"The sync endpoint {self.settings.where} is having trouble (error {code or status}); "
                "sync will try again later."
            )
        return SyncError(
            f"The sync endpoint {self.settings.where} refused a request (error {code or status})."
        )


class _Conflict(Exception):
    pass


def disk_full(exc: OSError | None = None) -> SyncDiskFull:
    return SyncDiskFull(
        "The disk of this PC is full: the changes from the other workstations could not be "
        "saved. Free some space, then sync again; nothing was lost."
    )


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "database or disk is full" in text or os.strerror(errno.ENOSPC).lower() in text
