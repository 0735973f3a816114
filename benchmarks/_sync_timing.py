"""Where a sync round's time goes, and the plain-boto3 baselines of scale_sync.py.

`JoinTimers` wraps the functions a join spends its time in (listing, GETs,
decryption, parsing, the apply) for the duration of a `with timers.installed()`.
`RequestLog` records the S3 requests a round makes; `replay` sends the very same
requests with plain boto3 (writes go to scratch names), the idle round's floor.
`raw_fetch_all` lists a prefix and GETs every object with plain boto3.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from typing import Any

import _common
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed

from pixiodoc_desktop.sync import crypto, pull
from pixiodoc_desktop.sync.ops import Op
from pixiodoc_desktop.sync.store import ObjectStore

_READ_ARGS = ("Bucket", "Key", "Prefix", "StartAfter", "ContinuationToken", "Delimiter", "MaxKeys")


def _client(weed: Weed) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=weed.endpoint,
        region_name="eu-central-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(s3={"addressing_style": "path"}, max_pool_connections=16),
    )


class JoinTimers:
    """Seconds spent inside each phase's functions, summed over calls and threads."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.lock = threading.Lock()

    def _timed(self, phase: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                with self.lock:
                    self.seconds[phase] = self.seconds.get(phase, 0.0) + (
                        time.perf_counter() - start
                    )
                    self.calls[phase] = self.calls.get(phase, 0) + 1
                if phase == "apply":  # parts of pull.APPLY_OPS: show the join advancing
                    _common.log(
                        f"    applied part {self.calls[phase]}: {self.seconds[phase]:.0f} s "
                        f"of apply, {self.seconds.get('get', 0.0):.0f} s of GET so far"
                    )

        return timed

    @contextmanager
    def installed(self) -> Iterator[None]:
        saved: list[tuple[Any, str, Any]] = []

        def patch(owner: Any, name: str, phase: str) -> None:
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            saved.append((owner, name, original))
            if isinstance(original, classmethod):
                setattr(owner, name, classmethod(self._timed(phase, original.__func__)))
            else:
                setattr(owner, name, self._timed(phase, original))

        original_call = ObjectStore._call

        def call(store: ObjectStore, method: Callable[..., Any], *a: Any, **k: Any) -> Any:
            if getattr(method, "__name__", "") != "list_objects_v2":
                return original_call(store, method, *a, **k)
            return self._timed("list", original_call)(store, method, *a, **k)

        saved.append((ObjectStore, "_call", original_call))
        ObjectStore._call = call  # type: ignore[method-assign]
        patch(ObjectStore, "get", "get")
        patch(ObjectStore, "get_to", "get_images")
        patch(crypto, "open_sealed", "decrypt")
        for module in [m for n, m in sys.modules.items() if n.startswith("pixiodoc_desktop.")]:
            if getattr(module, "open_json", None) is crypto.open_json:
                patch(module, "open_json", "open_json")
        patch(Op, "from_json", "parse_ops")
        patch(pull, "apply_batches", "apply")
        try:
            yield
        finally:
            for owner, name, original in reversed(saved):
                setattr(owner, name, original)

    def summary(self) -> dict[str, Any]:
        s = self.seconds
        out: dict[str, Any] = {
            "list": s.get("list", 0.0),
            "get": s.get("get", 0.0),
            "decrypt": s.get("decrypt", 0.0),
            # open_json = decrypt + zlib + json.loads; parse = the latter two + Op objects
            # (decryption outside open_json, e.g. a snapshot's chunks, is not parse)
            "parse": max(0.0, s.get("open_json", 0.0) - s.get("decrypt", 0.0))
            + s.get("parse_ops", 0.0),
            "apply": s.get("apply", 0.0),
            "get_images": s.get("get_images", 0.0),
        }
        rounded = {k: _common.rounded(v, 3) for k, v in out.items()}
        rounded["calls"] = dict(self.calls)
        return rounded


class RequestLog:
    """The S3 requests ObjectStore makes while recording (method and read arguments)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.on = False

    def clear(self) -> None:
        self.requests = []

    @contextmanager
    def recording(self) -> Iterator[None]:
        original = ObjectStore._call
        log = self

        def call(store: ObjectStore, method: Callable[..., Any], *a: Any, **k: Any) -> Any:
            name = getattr(method, "__name__", str(method))
            args = {key: k[key] for key in _READ_ARGS if key in k}
            if name == "put_object":
                body = k.get("Body", b"")
                args["size"] = len(body) if isinstance(body, bytes) else 0
            log.requests.append((name, args))
            return original(store, method, *a, **k)

        ObjectStore._call = call  # type: ignore[method-assign]
        try:
            yield
        finally:
            ObjectStore._call = original  # type: ignore[method-assign]

    def summary(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for name, _args in self.requests:
            counts[name] = counts.get(name, 0) + 1
        return {"count": len(self.requests), "by_kind": counts, "list": list(self.requests)}


def replay(weed: Weed, summary: dict[str, Any], runs: int = 3) -> float:
    """Median seconds of the same requests sent one after another with plain boto3
    (a PUT goes to a scratch name, with a body of the same size)."""
    client = _client(weed)
    requests = summary.pop("list")
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        for name, args in requests:
            if name == "list_objects_v2":
                client.list_objects_v2(**args)
            elif name == "get_object":
                with suppress(ClientError):  # a 404 is an answer too
                    client.get_object(**args)["Body"].read()
            elif name == "head_object":
                with suppress(ClientError):
                    client.head_object(**args)
            elif name == "put_object":
                client.put_object(
                    Bucket=BUCKET, Key=f"replay/{args['Key']}", Body=b"\0" * args["size"]
                )
        times.append(time.perf_counter() - start)
    return _common.median(times)


def raw_fetch_all(weed: Weed, prefix: str) -> dict[str, Any]:
    """List `prefix` and GET every object with plain boto3: one at a time, then 4 at once."""
    client = _client(weed)

    def listing() -> list[str]:
        keys: list[str] = []
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
            keys.extend(item["Key"] for item in page.get("Contents", []))
        return keys

    def get(key: str) -> int:
        return len(client.get_object(Bucket=BUCKET, Key=key)["Body"].read())

    with _common.stopwatch() as serial:
        keys = listing()
        size = sum(get(key) for key in keys)
    with _common.stopwatch() as parallel:
        keys = listing()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(get, keys))
    return {
        "objects": len(keys),
        "mb": round(size / 1e6, 1),
        "one_at_a_time_s": _common.rounded(serial[0]),
        "four_threads_s": _common.rounded(parallel[0]),
        "best_s": min(serial[0], parallel[0]),
        "cpu_s": _common.rounded(serial[1]),
    }
