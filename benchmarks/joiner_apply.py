"""How fast a new workstation writes the clinic's records into its vault (issue 19).

The clinic of `scale_sync.py` (patients, visits, photos; `--quick`: 2,000 / 6,000 /
40,000, or the sizes given), its history sealed into a real SeaweedFS bucket, or a
folder that `scale_sync.py --keep` (or this, `--keep`) left (`--reuse DIR`). Then,
in the same run:

1. replay: a new PC joins (the real `enroll.join`, images on demand) and replays
   every op batch; the snapshot path is turned off for this join only;
2. snapshot: the writer writes a snapshot and a second new PC joins from it;
3. floor (baseline): every row the snapshot joiner's vault holds (records, field
   clocks, image rows, keys, ...; the patient search tables are filled by their
   triggers, as in the vault), in the vault's order, inserted with one plain
   executemany per table into an unencrypted database of the same SQLite
   (sqlcipher3 without a key) with the vault's own schema (tables, indexes,
   triggers), journal and page cache, a transaction per 200,000 rows.

Figures: CPU seconds per 100,000 ops applied (the machine is shared by others: CPU
time hardly depends on the load, wall time does; both are printed with the load).
Value = the snapshot join's apply; ratio = floor / value (1.0: as fast as SQLite
inserting the finished rows without encryption; higher is better). The replay's
own ratio and each apply part (pull.APPLY_OPS ops, or a snapshot chunk) are
reported, so that a part that gets slower as the vault grows shows.

    python benchmarks/joiner_apply.py [--quick] [--patients N --visits N --photos N]
        [--reuse DIR] [--keep]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import _common

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))

import scale_sync
import sqlcipher3
from _keyring import use_memory_keyring
from sqlalchemy import text
from sync_support import ACCESS_KEY, SECRET_KEY, Weed

from pixiodoc_desktop.clinic.access.login import lock
from pixiodoc_desktop.sync import enroll, pull, snapshot_apply, snapshot_take
from pixiodoc_desktop.sync.engine import sync_once
from pixiodoc_desktop.sync.settings import save_credentials, save_target, store_settings
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.vault import Vault

PER = 100_000
FLOOR_ROWS_PER_COMMIT = 200_000


class Parts:
    """CPU and wall seconds of each call of the wrapped functions (one apply part each)."""

    def __init__(self) -> None:
        self.parts: list[tuple[float, float]] = []

    @contextlib.contextmanager
    def timing(self, owner: Any, name: str) -> Iterator[None]:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            with _common.stopwatch() as elapsed:
                out = original(*args, **kwargs)
            self.parts.append((elapsed[0], elapsed[1]))
            return out

        setattr(owner, name, timed)
        try:
            yield
        finally:
            setattr(owner, name, original)


def _join(weed: Weed, builder: tuple[Any, Any], folder: Path, parts: Parts) -> dict[str, Any]:
    ws, actor = builder
    shutil.rmtree(folder, ignore_errors=True)
    code, _expires = scale_sync.enroll.create_enrollment(ws, scale_sync._store(weed), actor)
    with _common.stopwatch() as elapsed:
        enroll.join(
            folder,
            scale_sync._target(weed),
            ACCESS_KEY,
            SECRET_KEY,
            code=code,
            on_demand=True,
            wait_for_everything=True,
        )
    db_mb = (folder / "vault.db").stat().st_size / 1e6
    return {
        "wall_s": elapsed[0],
        "cpu_s": elapsed[1],
        "apply_wall_s": sum(w for w, _c in parts.parts),
        "apply_cpu_s": sum(c for _w, c in parts.parts),
        "parts_cpu_s": [_common.rounded(c, 3) for _w, c in parts.parts],
        "db_mb": round(db_mb, 1),
    }


def _replay_join(weed: Weed, builder: tuple[Any, Any], folder: Path) -> dict[str, Any]:
    parts = Parts()
    original = snapshot_take.joining
    snapshot_take.joining = lambda ws: False  # type: ignore[assignment]
    try:
        with parts.timing(pull, "apply_batches"):
            return _join(weed, builder, folder, parts)
    finally:
        snapshot_take.joining = original


def _snapshot_join(weed: Weed, builder: tuple[Any, Any], folder: Path) -> dict[str, Any]:
    ws, actor = builder
    from pixiodoc_desktop.sync.snapshot_write import write_snapshot

    store = ObjectStore(store_settings(ws.vault))
    sync_once(ws, store, actor_id=actor.user_id)
    with _common.stopwatch() as writing:
        info = write_snapshot(ws, store)
    parts, inserts = Parts(), Parts()
    # each part's transaction (snapshot_apply.py: images, bulk insert, Merger), and its
    # bulk insert alone
    with (
        parts.timing(snapshot_take, "apply_part"),
        inserts.timing(snapshot_apply, "insert_new"),
    ):
        joined = _join(weed, builder, folder, parts)
    joined.update(
        parts_insert_cpu_s=[_common.rounded(c, 3) for _w, c in inserts.parts],
        write_s=_common.rounded(writing[0]),
        write_cpu_s=_common.rounded(writing[1]),
        chunks=info.chunks,
        records=info.records,
    )
    return joined


def _vault_rows(folder: Path) -> Iterator[tuple[str, str, list[tuple[Any, ...]]]]:
    """(kind, name or SQL, rows): the joined vault's schema, then each table's rows."""
    from pixiodoc_desktop.clinic.access.login import log_in

    vault = Vault.open(folder)
    ws, actor = log_in(vault, scale_sync.LOGIN, scale_sync.PASSWORD)
    try:
        with ws.vault.read_session() as session:
            schema = session.execute(
                text("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
            ).all()
            virtual = [n for t, n, sql in schema if t == "table" and "VIRTUAL" in sql.upper()]
            filled = {  # tables the triggers fill
                m
                for t, _n, sql in schema
                if t == "trigger"
                for m in re.findall(r"INSERT\s+(?:OR\s+\w+\s+)?INTO\s+\"?(\w+)", sql, re.I)
            }
            order = {"table": 0, "index": 1, "trigger": 2}
            for kind, name, sql in sorted(schema, key=lambda r: order.get(r[0], 3)):
                if kind == "table" and any(name.startswith(f"{v}_") for v in virtual):
                    continue  # an FTS table's own tables: made by its CREATE VIRTUAL TABLE
                yield kind, name, [(sql,)]
            for kind, name, sql in schema:
                if (
                    kind != "table"
                    or name in filled
                    or name in virtual
                    or name.startswith("sqlite_")
                    or any(name.startswith(f"{v}_") for v in virtual)
                    or "VIRTUAL" in sql.upper()
                ):
                    continue
                rows = session.execute(text(f'SELECT * FROM "{name}" ORDER BY rowid')).all()  # noqa: S608
                if rows:
                    yield "rows", name, [tuple(r) for r in rows]
    finally:
        lock(ws, actor, logged_out=True)


def floor(joined: Path, scratch: Path, ops: int) -> dict[str, Any]:
    """Plain SQLite (same engine, no key) inserting the joined vault's rows."""
    schema: list[str] = []
    tables: list[tuple[str, list[tuple[Any, ...]]]] = []
    for kind, name, rows in _vault_rows(joined):
        if kind == "rows":
            tables.append((name, rows))
        else:
            schema.append(str(rows[0][0]))
    path = scratch / "floor.db"
    path.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "cache_size = -65536"):
        conn.execute(f"PRAGMA {pragma}")
    for sql in schema:
        conn.execute(sql)
    rows_total = sum(len(rows) for _n, rows in tables)
    with _common.stopwatch() as elapsed:
        pending = 0
        conn.execute("BEGIN")
        for name, rows in tables:
            marks = ", ".join("?" for _ in rows[0])
            for start in range(0, len(rows), FLOOR_ROWS_PER_COMMIT):
                part = rows[start : start + FLOOR_ROWS_PER_COMMIT]
                conn.execute("PRAGMA defer_foreign_keys = ON")
                conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', part)  # noqa: S608
                pending += len(part)
                if pending >= FLOOR_ROWS_PER_COMMIT:
                    conn.execute("COMMIT")
                    conn.execute("BEGIN")
                    pending = 0
        conn.execute("COMMIT")
    conn.close()
    return {
        "wall_s": elapsed[0],
        "cpu_s": elapsed[1],
        "rows": rows_total,
        "cpu_s_per_100k_ops": elapsed[1] * PER / ops,
        "db_mb": round(path.stat().st_size / 1e6, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="2,000 / 6,000 / 40,000")
    parser.add_argument("--patients", type=int)
    parser.add_argument("--visits", type=int)
    parser.add_argument("--photos", type=int)
    parser.add_argument("--reuse", type=Path, metavar="DIR", help="a kept scale_sync folder")
    parser.add_argument("--keep", action="store_true", help="keep the folder")
    args = parser.parse_args(argv)
    args.builder_from = None
    n_patients = args.patients or (2_000 if args.quick else 20_000)
    n_visits = args.visits or (6_000 if args.quick else 60_000)
    n_photos = args.photos or (40_000 if args.quick else 400_000)
    use_memory_keyring()
    load_before = _common.load_average()
    scratch = (
        contextlib.nullcontext(args.reuse)
        if args.reuse
        else _common.scratch_folder("pixiodoc-bench-joiner-apply-", keep=args.keep)
    )
    with scratch as tmp:
        weed = Weed(tmp / "weed")
        try:
            weed.start(new_ports_on_clash=True)
            if args.reuse:
                built = json.loads((tmp / scale_sync.BUILT).read_text("utf-8"))
            else:
                built = scale_sync._build(
                    args, tmp, tmp / "builder", weed, n_patients, n_visits, n_photos
                )
                (tmp / scale_sync.BUILT).write_text(json.dumps(built), "utf-8")
            builder = scale_sync._open(tmp / "builder")
            try:
                save_target(builder[0].vault, scale_sync._target(weed))
                save_credentials(builder[0].vault.header.vault_id, ACCESS_KEY, SECRET_KEY)
                ops = int(built["bucket"]["ops"])
                _common.log(f"A new PC replays {ops:,} ops ...")
                replay = _replay_join(weed, builder, tmp / "joiner-replay")
                _common.log(f"  {replay}")
                _common.log("A new PC joins from a snapshot ...")
                snapshot = _snapshot_join(weed, builder, tmp / "joiner-snapshot")
                _common.log(f"  {snapshot}")
            finally:
                lock(*builder, logged_out=True)
        finally:
            weed.kill()
        _common.log("Floor: plain SQLite inserting the same rows ...")
        plain = floor(tmp / "joiner-snapshot", tmp, ops)
        _common.log(f"  {plain}")
    value = snapshot["apply_cpu_s"] * PER / ops
    baseline = plain["cpu_s_per_100k_ops"]
    replay_value = replay["apply_cpu_s"] * PER / ops
    _common.emit(
        _common.result(
            benchmark="joiner_apply",
            metric="CPU seconds per 100,000 ops a new PC applies from a snapshot "
            "(floor: plain SQLite inserting the same rows)",
            value=_common.rounded(value),
            unit="s",
            baseline=_common.rounded(baseline),
            ratio=_common.rounded(baseline / value),
            target=0.25,
            meets_target=baseline / value >= 0.25,
            size=built["size"],
            ops=ops,
            replay={
                "apply_cpu_s_per_100k_ops": _common.rounded(replay_value),
                "ratio": _common.rounded(baseline / replay_value),
                **_rounded(replay),
            },
            snapshot=_rounded(snapshot),
            floor=_rounded(plain),
            load_avg={"start": load_before, "end": _common.load_average()},
        )
    )
    return 0


def _rounded(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: _common.rounded(v) if isinstance(v, float) else v for k, v in figures.items()}


if __name__ == "__main__":
    sys.exit(main())
