"""Many rows into one table with one executemany, without SQLAlchemy's work per row.

A joining workstation writes millions of rows (records, their field clocks, the
image objects left in the bucket). Through `session.execute(insert(table), rows)`
SQLAlchemy builds every row's parameters one by one (construct_params, its bind
processors, defaults): measured on a 54,000-op join, that took more time than
SQLite itself. Here the statement is written once per table and set of columns,
each column's value goes through the very bind processor SQLAlchemy would use (a
date, JSON, the compact field clocks: the stored bytes are the same), Python-side
column defaults are filled as SQLAlchemy fills them, and the rows go to the driver
as tuples, in primary-key order (an index takes its new keys in order, page by
page, instead of at random places).

The statement runs on the session's connection (`exec_driver_sql`), inside the
caller's transaction; driver errors come back wrapped as SQLAlchemy's (a full
disk is still recognised by pull.py).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

_Processor = Callable[[Any], Any] | None


def insert_rows(
    session: Session,
    table: Table,
    rows: Iterable[dict[str, Any]],
    *,
    on_conflict: Sequence[str] = (),
    update: Sequence[str] = (),
) -> int:
    """INSERT every row (dicts of column name: Python value); returns how many were sent.

    `on_conflict` names the unique columns of an upsert: with `update`, those columns
    take the new row's values (ON CONFLICT DO UPDATE), without, the row is left out
    (DO NOTHING). Rows may differ in their columns; each set is one executemany."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    if not groups:
        return 0
    connection = session.connection()
    dialect = connection.dialect
    sent = 0
    for names, group in groups.items():
        plan = _Plan(table, names, dialect, on_conflict, update)
        params = plan.params(group)
        connection.exec_driver_sql(plan.sql, params)
        sent += len(params)
    return sent


class _Plan:
    """One statement: its SQL, each column's bind processor and the defaults to fill."""

    def __init__(
        self,
        table: Table,
        names: tuple[str, ...],
        dialect: Dialect,
        on_conflict: Sequence[str],
        update: Sequence[str],
    ) -> None:
        given = [table.c[name] for name in names]
        defaulted = [c for c in table.columns if c.key not in names and _python_default(c)]
        self.names = names
        self.defaults = [_default_of(c) for c in defaulted]
        columns = given + defaulted
        self.processors: list[_Processor] = [
            c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns
        ]
        quote = dialect.identifier_preparer.quote
        # names from the schema's Table, quoted; every value is a bound parameter
        self.sql = (
            f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "  # noqa: S608
            f"({', '.join(quote(c.name) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        if on_conflict:
            target = ", ".join(quote(table.c[n].name) for n in on_conflict)
            if update:
                sets = ", ".join(
                    f"{quote(table.c[n].name)} = excluded.{quote(table.c[n].name)}" for n in update
                )
                self.sql += f" ON CONFLICT ({target}) DO UPDATE SET {sets}"
            else:
                self.sql += f" ON CONFLICT ({target}) DO NOTHING"
        key_positions = [names.index(c.key) for c in table.primary_key.columns if c.key in names]
        self.order = key_positions if len(key_positions) == len(table.primary_key.columns) else []

    def params(self, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        take = itemgetter(*self.names)  # C loops: a joiner sends millions of rows
        one = len(self.names) == 1
        raw = [(take(row),) for row in rows] if one else list(map(take, rows))
        if self.order:
            raw.sort(key=itemgetter(*self.order))
        if self.defaults:
            raw = [(*values, *(d() for d in self.defaults)) for values in raw]
        if not any(self.processors):
            return raw  # e.g. image rows: strings only
        # one pass from rows to rows: each column taken lazily, processed ones mapped
        columns = [
            map(itemgetter(i), raw) if proc is None else map(proc, map(itemgetter(i), raw))
            for i, proc in enumerate(self.processors)  # None too, as SQLAlchemy does
        ]
        return list(zip(*columns, strict=True))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while one part of a sync applies.

    A part holds up to pull.APPLY_OPS ops, each a few dicts, and the apply makes
    millions more objects that live until it ends: every collection would walk them
    all again, in vain (measured on a 54,000-op join: 7% of its CPU). Cycles made
    meanwhile are collected after the part, when the collector is on again (it is
    left off only if it was off before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _python_default(column: Column[Any]) -> bool:
    default = column.default
    return default is not None and (default.is_scalar or default.is_callable)


def _default_of(column: Column[Any]) -> Callable[[], Any]:
    default = column.default
    assert default is not None
    arg = default.arg  # type: ignore[attr-defined]
    if default.is_scalar:
        return lambda: arg
    return lambda: arg(None)  # SQLAlchemy wraps a no-argument callable to take its context
