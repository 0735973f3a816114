"""Timing patient search: the plain-SQLite baseline (the same WHERE clause, or the very
statements the search sent, replayed), per-query times, unlock to a first answer.
Shared by search.py and scale.py."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import _common
from _patients import LOGIN, PASSWORD
from sqlalchemy import Engine, event

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import PAGE, fold
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.vault import database, keys
from pixiodoc_desktop.vault.vault import Vault


def _like_escape(token: str) -> str:
    return token.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _plain_where(query: str) -> tuple[str, list[str]]:
    """The WHERE clause `Patients.search_page` uses, for the plain table."""
    from pixiodoc_desktop.clinic.records.patients import _maybe_date

    text = query.strip()
    sql = " FROM patients WHERE deleted = 0"
    params: list[str] = []
    birth = _maybe_date(text)
    if birth is not None:
        sql += " AND birth_date = ?"
        params.append(birth.isoformat())
    elif text:
        for token in fold(text).split():
            sql += " AND search_key LIKE '%' || ? || '%' ESCAPE '/'"
            params.append(_like_escape(token))
    return sql, params


def plain_search(db: sqlite3.Connection, query: str) -> list[tuple[Any, ...]]:
    """What the patient list asks as a clinician types, on the plain table: the first
    page in search-key order (and one row more, to know whether more follow)."""
    where, params = _plain_where(query)
    sql = f"SELECT *{where} ORDER BY search_key LIMIT ?"
    return db.execute(sql, [*params, PAGE + 1]).fetchall()[:PAGE]


def plain_count(db: sqlite3.Connection, query: str, at_most: int | None = None) -> list[int]:
    """How many rows match, counted up to at_most + 1 (what the list asks after a full
    first page: `COUNT_CAP`), as a list."""
    where, params = _plain_where(query)
    if at_most is None:
        return [db.execute(f"SELECT count(*){where}", params).fetchone()[0]]
    sql = f"SELECT count(*) FROM (SELECT 1{where} LIMIT ?)"  # noqa: S608
    return [db.execute(sql, [*params, at_most + 1]).fetchone()[0]]


def time_queries(run: Any, queries: Sequence[str]) -> tuple[list[float], list[float], int]:
    """Wall and CPU (this thread) milliseconds per query, and the total rows found.

    CPU time hardly depends on what else the machine is doing; wall time does."""
    times: list[float] = []
    cpu: list[float] = []
    found = 0
    for query in queries:
        start, start_cpu = time.perf_counter(), time.thread_time()
        rows = run(query)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        found += len(rows)
    return times, cpu, found


def compare_searches(
    real: Callable[[str], Any],
    plain: sqlite3.Connection,
    queries: Sequence[str],
    plain_fn: Callable[[sqlite3.Connection, str], Any] = plain_search,
) -> tuple[tuple[list[float], list[float], int], tuple[list[float], list[float], int]]:
    """`time_queries` of the real search and of `plain_fn` (`plain_search`) on the plain
    copy, after ten untimed queries of each."""
    for query in queries[:10]:  # warm-up, untimed
        real(query)
        plain_fn(plain, query)
    return time_queries(real, queries), time_queries(lambda q: plain_fn(plain, q), queries)


def unlock_to_first_query(
    folder: Path, first_query: str, phases: dict[str, float] | None = None
) -> tuple[float, float]:
    """(seconds from opening the locked vault to the first search's results, seconds of
    that spent in the Argon2id derivation). `phases`, when given, gets where the time
    went: header, kdf, sqlcipher_open (both engines), schema_check, login_rest (the
    login's audit event, retention, the audit mark), services, first_search (and the
    process CPU seconds of kdf, sqlcipher_open, schema_check and first_search, as NAME_cpu).

    The derivation is timed where unlock calls it: on a shared machine a separately
    timed derivation can differ from the one inside this unlock by a second.
    """
    spent: dict[str, float] = {}

    def timing(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
                # CPU of every thread (Argon2id's lanes run on threads): what a core
                # of its own would take, whatever else the machine is doing.
                cpu = f"{name}_cpu"
                spent[cpu] = spent.get(cpu, 0.0) + time.process_time() - start_cpu

        return timed

    derive, migrate, open_db = keys.password_key, database.migrate, database.OpenDatabase.__init__
    keys.password_key = timing("kdf", derive)
    database.migrate = timing("schema_check", migrate)
    database.OpenDatabase.__init__ = timing("sqlcipher_open", open_db)  # type: ignore[method-assign]
    try:
        with _common.stopwatch() as elapsed:
            header_s, vault = _common.timed(lambda: Vault.open(folder))
            login_s, (ws, actor) = _common.timed(lambda: log_in(vault, LOGIN, PASSWORD))
            services_s, services = _common.timed(lambda: ClinicServices.for_workstation(ws))
            search_cpu = time.process_time()
            search_s, _page = _common.timed(
                lambda: services.patients.search_page(
                    actor, first_query, counted=False, audited=False
                )
            )
            search_cpu = time.process_time() - search_cpu
    finally:
        keys.password_key, database.migrate = derive, migrate
        database.OpenDatabase.__init__ = open_db  # type: ignore[method-assign]
    lock(ws, actor, logged_out=True)
    if phases is not None:
        inside = sum(v for k, v in spent.items() if not k.endswith("_cpu"))
        phases.update(spent)
        phases.update(
            header=header_s,
            login_rest=login_s - inside,
            services=services_s,
            first_search=search_s,
            first_search_cpu=search_cpu,
        )
    return elapsed[0], spent.get("kdf", 0.0)


def p95_headline(
    real_ms: Sequence[float], plain_ms: Sequence[float], target: float
) -> dict[str, Any]:
    """The result's headline (DESIGN §9): the search's p95 against the plain copy's p95
    in the same run, ratio = baseline / value."""
    real, plain = _common.percentile(real_ms, 95), _common.percentile(plain_ms, 95)
    return {
        "metric": "patient_search_p95_ms",
        "value": round(real, 2),
        "unit": "ms",
        "baseline": round(plain, 3),
        "ratio": _common.rounded(plain / real, 3),
        "target": target,
        "meets_target": real <= target,
    }


class StatementLog:
    """The SQL statements (text and bound parameters) SQLAlchemy sends to any engine while
    open, so that the same statements can run again on the plain copy."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []
        event.listen(Engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        self.statements.append((statement, parameters))

    def take(self) -> list[tuple[str, Any]]:
        taken, self.statements = self.statements, []
        return taken

    def close(self) -> None:
        event.remove(Engine, "before_cursor_execute", self._record)


def replay(db: sqlite3.Connection, statements: Sequence[tuple[str, Any]]) -> list[Any]:
    """Run `statements` on `db` as they were sent, reading every row."""
    return [db.execute(sql, params).fetchall() for sql, params in statements]


def compare_replayed(
    real: Callable[[str], Any], plain: sqlite3.Connection, queries: Sequence[str]
) -> tuple[tuple[list[float], list[float], int], tuple[list[float], list[float], int]]:
    """Wall and CPU milliseconds of `real` per query and of the very statements it sent,
    run again on the plain copy right after it (the same schema, indexes and queries,
    unencrypted and without Python building rows), after ten untimed queries.

    Query by query, so that both sides of a pair meet the same load."""
    log = StatementLog()
    try:
        for query in queries[:10]:  # warm-up, untimed
            real(query)
            replay(plain, log.take())
        log.take()
        times: tuple[list[float], list[float], list[float], list[float]] = ([], [], [], [])
        found = sent = 0
        for query in queries:
            start, start_cpu = time.perf_counter(), time.thread_time()
            rows = real(query)
            times[0].append((time.perf_counter() - start) * 1000)
            times[1].append((time.thread_time() - start_cpu) * 1000)
            statements = log.take()
            start, start_cpu = time.perf_counter(), time.thread_time()
            replay(plain, statements)
            times[2].append((time.perf_counter() - start) * 1000)
            times[3].append((time.thread_time() - start_cpu) * 1000)
            found += len(rows)
            sent += len(statements)
    finally:
        log.close()
    return (times[0], times[1], found), (times[2], times[3], sent)
