"""Workstation preferences: one typed settings object, a TOML file, versioned upgrades.

Preferences only (where the vault is, auto-lock, language, theme). Clinical
data never goes here: this file is plain text.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from pixiodoc_desktop.errors import InvalidInput

log = logging.getLogger(__name__)

APP_NAME = "PixioDoc"
APP_AUTHOR = "PixioDoc"
SETTINGS_VERSION = 2
LANGUAGES = ("en", "de")
THEMES = ("light", "dark")
DEFAULT_PHONE_PORT = (
    47443  # the one port IT opens for capture with a phone (the installer adds the rule)
)


@dataclass(slots=True)
class Settings:
    version: int = SETTINGS_VERSION
    vault_path: str = ""
    auto_lock_minutes: int = 5
    language: str = "en"
    theme: str = "light"
    last_login: str = ""
    thumbnail_cache_mb: int = 256
    # Capture with a phone: the port, the address phones use (empty: this PC's LAN
    # address) and, optionally, the clinic IT's certificate and key files (PEM).
    phone_port: int = DEFAULT_PHONE_PORT
    phone_address: str = ""
    phone_cert_file: str = ""
    phone_key_file: str = ""
    phone_show_full_name: bool = False  # the pairing's default; initials and year otherwise

    def validate(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            expected = _kind(getattr(_DEFAULTS, f.name))
            if not _is_kind(value, expected):
                raise InvalidInput(f"The setting {f.name} must be {_KIND_WORDS[expected]}")
        if not 1 <= self.auto_lock_minutes <= 240:
            raise InvalidInput("Auto-lock must be between 1 and 240 minutes")
        if self.language not in LANGUAGES:
            raise InvalidInput(f"Language must be one of {', '.join(LANGUAGES)}")
        if self.theme not in THEMES:
            raise InvalidInput(f"Theme must be one of {', '.join(THEMES)}")
        if not 32 <= self.thumbnail_cache_mb <= 4096:
            raise InvalidInput("The thumbnail cache must be between 32 and 4096 MB")
        if not 1024 <= self.phone_port <= 65535:
            raise InvalidInput("The phone port must be between 1024 and 65535")
        if bool(self.phone_cert_file) != bool(self.phone_key_file):
            raise InvalidInput("The phone certificate needs both files: certificate and key")


_DEFAULTS = Settings()
_KIND_WORDS = {int: "a whole number", str: "text in quotes", bool: "true or false"}


def _kind(value: object) -> type:
    return bool if isinstance(value, bool) else int if isinstance(value, int) else str


def _is_kind(value: object, expected: type) -> bool:
    """True for a value of the expected TOML kind; `true` is not the number 1 here."""
    return _kind(value) is expected and isinstance(value, bool | int | str)


def _upgrade_1_to_2(raw: dict[str, Any]) -> dict[str, Any]:
    # Version 1 stored auto-lock in seconds as "auto_lock".
    seconds = raw.pop("auto_lock", None)
    if isinstance(seconds, int):
        raw["auto_lock_minutes"] = max(1, seconds // 60)
    return raw


_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


def config_dir() -> Path:
    override = os.environ.get("PIXIODOC_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_vault_dir() -> Path:
    override = os.environ.get("PIXIODOC_VAULT")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "vault"


def log_dir() -> Path:
    override = os.environ.get("PIXIODOC_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; unknown keys are dropped, bad values fall back to defaults."""
    path = path or settings_path()
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        log.warning("Settings file %s is unreadable; using defaults", path)
        return Settings()
    version = raw.get("version", 1) if isinstance(raw.get("version"), int) else 1
    while version < SETTINGS_VERSION and version in _UPGRADES:
        raw = _UPGRADES[version](raw)
        version += 1
    raw["version"] = SETTINGS_VERSION
    known = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue
        default = getattr(_DEFAULTS, key)
        if _is_kind(value, _kind(default)):
            values[key] = value
        else:
            # Python counts `true` as the integer 1: auto-lock would become one minute.
            log.warning(
                "Settings file %s: %s must be %s, not %s; using %s",
                path,
                key,
                _KIND_WORDS[_kind(default)],
                _toml_value(value) if isinstance(value, bool | int | str) else type(value).__name__,
                _toml_value(default),
            )
    settings = Settings(**values)
    try:
        settings.validate()
    except InvalidInput as exc:
        log.warning("Settings file has an invalid value (%s); using defaults", exc.message)
        return Settings()
    return settings


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def save_settings(settings: Settings, path: Path | None = None) -> None:
    settings.validate()
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"{f.name} = {_toml_value(getattr(settings, f.name))}" for f in dataclasses.fields(settings)
    ]
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text("\n".join(lines) + "\n", "utf-8")
    temp.replace(path)
