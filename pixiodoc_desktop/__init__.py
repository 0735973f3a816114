"""PixioDoc Desktop: the clinical photo workstation for dermatology practices."""

from __future__ import annotations

import functools


@functools.cache
def _installed_version() -> str:
    # importlib.metadata (with email, zipfile, csv ...) costs ~100 ms, so it loads only
    # when the version is asked for (--version, the self-check, DICOM exports), not with
    # every start of the workstation (issue 19).
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pixiodoc-desktop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
