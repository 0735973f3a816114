"""The error catalogue's part for unlocking and the vault, and renewing the practice's keys."""

from __future__ import annotations

from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # --- Unlocking and the vault
    QT_TRANSLATE_NOOP("errors", "The vault is locked; log in first."),
    QT_TRANSLATE_NOOP("errors", "Wrong password for {login}."),
    QT_TRANSLATE_NOOP(
        "errors", "Wrong password for {login}. Wait {seconds} seconds before the next try."
    ),
    QT_TRANSLATE_NOOP(
        "errors", "Too many wrong passwords for {login}. Try again in {seconds} seconds."
    ),
    QT_TRANSLATE_NOOP("errors", "Too many wrong recovery keys. Try again in {seconds} seconds."),
    QT_TRANSLATE_NOOP("errors", "Too many wrong passwords for {login}. Try again in 1 second."),
    QT_TRANSLATE_NOOP("errors", "Too many wrong recovery keys. Try again in 1 second."),
    QT_TRANSLATE_NOOP("errors", "Wrong password for {login}. Wait 1 second before the next try."),
    QT_TRANSLATE_NOOP("errors", "That recovery key does not belong to this vault."),
    QT_TRANSLATE_NOOP("errors", "The current password for {login} is wrong."),
    QT_TRANSLATE_NOOP("errors", "There is no clinician with the login {login} in this vault."),
    QT_TRANSLATE_NOOP("errors", "The account {login} has been deactivated. Ask a practice Admin."),
    QT_TRANSLATE_NOOP("errors", "That clinician account is not active."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The vault in {folder} is open in another PixioDoc window on this computer. "
        "Close it there first (or switch to that window): two programs must not write "
        "to one vault.",
    ),
    # --- Renewing the practice's keys (clinic/access/key_rotation.py)
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may renew the practice's keys."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The practice's keys were renewed: {login} needs a new password from a practice Admin.",
    ),
    QT_TRANSLATE_NOOP("errors", "vault.json has an unreadable image id key. {hint}"),
    QT_TRANSLATE_NOOP("errors", "The acting clinician has no password in this vault."),
    QT_TRANSLATE_NOOP("errors", "The password for {login} is wrong."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The data key of patient {patient} is damaged; the keys were not renewed. {hint}",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "PixioDoc has this vault open elsewhere on this PC (another window or command); close it first, then renew the keys.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This vault syncs with other workstations; its keys are renewed together with the clinic's bucket, so sync must be set up and reachable here (pixiodoc sync configure), then renew them again.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Another workstation is renewing the practice's keys right now; wait until it has finished, then re-join this one with an enrollment code from a practice Admin.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The audit trail has faults ({fault}); renewing the keys would seal them as good. Check it with `pixiodoc audit verify` and restore a backup first.",
    ),
    QT_TRANSLATE_NOOP("errors", "That password is too easy to guess: {problem}."),
    QT_TRANSLATE_NOOP("errors", "There is no vault at {folder} (the folder does not exist)."),
    QT_TRANSLATE_NOOP("errors", "There is no vault at {folder} (it is a file, not a folder)."),
    QT_TRANSLATE_NOOP("errors", "There is no vault at {folder} (no vault.json)."),
    QT_TRANSLATE_NOOP("errors", "There is already a vault at {folder}; choose an empty folder."),
    QT_TRANSLATE_NOOP("errors", "{folder} is not empty; choose an empty or new folder."),
    QT_TRANSLATE_NOOP("errors", "{folder} is a file, not a folder; choose an empty or new folder."),
    QT_TRANSLATE_NOOP(
        "errors",
        "{folder} holds a clinic's vault, not the demo clinic; open it without --demo (pixiodoc --vault {folder})",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "Restore the vault from your latest backup (pixiodoc vault restore)."
    ),
    QT_TRANSLATE_NOOP("errors", "The vault at {folder} has lost its vault.json. {hint}"),
    QT_TRANSLATE_NOOP("errors", "The vault's vault.json at {folder} is damaged. {hint}"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The vault's vault.json at {folder} has been altered since it was last written by PixioDoc. {hint}",
    ),
    QT_TRANSLATE_NOOP("errors", "{path} is not a PixioDoc vault header. {hint}"),
    QT_TRANSLATE_NOOP("errors", "vault.json has an unreadable key entry. {hint}"),
    QT_TRANSLATE_NOOP("errors", "vault.json has an unreadable {what}"),
    QT_TRANSLATE_NOOP("errors", "vault.json names an unknown key derivation {name}"),
    QT_TRANSLATE_NOOP("errors", "vault.json has unreadable key derivation settings"),
    QT_TRANSLATE_NOOP(
        "errors",
        "vault.json was altered: its key derivation settings (memory {memory} KiB, {passes} passes, {lanes} lanes) are outside what PixioDoc writes. Restore vault.json from a backup.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The vault database {file} cannot be read with this vault's key (it is damaged or belongs to another vault). {hint}",
    ),
    QT_TRANSLATE_NOOP("errors", "The vault database in {folder} is damaged ({fault}). {hint}"),
    QT_TRANSLATE_NOOP("errors", "The vault database is missing from {folder}. {hint}"),
    QT_TRANSLATE_NOOP("errors", "The vault has no device id; it was not created by PixioDoc."),
    QT_TRANSLATE_NOOP(
        "errors",
        "This vault was written by a newer PixioDoc (vault format {version}; this version reads up to {supported}). Update PixioDoc to open it.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This vault's database was written by a newer PixioDoc (schema {schema}). Update PixioDoc to open it.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The data key of patient {patient} is missing (erased or damaged); the patient's images cannot be read.",
    ),
    QT_TRANSLATE_NOOP("errors", "The data key of patient {patient} is damaged. {hint}"),
    QT_TRANSLATE_NOOP("errors", "Image object {object} is truncated"),
    QT_TRANSLATE_NOOP("errors", "Image object {object} has an unknown format"),
    QT_TRANSLATE_NOOP("errors", "Image object {object} fails authentication (damaged or altered)"),
    QT_TRANSLATE_NOOP("errors", "Image object {object} is missing from the vault"),
)
