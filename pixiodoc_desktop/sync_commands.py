"""`pixiodoc sync ...`: configure, test, run one round, enroll and join workstations."""

from __future__ import annotations
