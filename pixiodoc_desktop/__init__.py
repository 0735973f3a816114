"""PixioDoc Desktop: the clinical photo workstation for dermatology practices."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pixiodoc-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
