"""Every error message the core shows a clinician, as a template the GUI translates.

The core raises typed errors with English messages (the CLI prints them, the
log names only their type). The GUI shows them in the user's language: it
finds the template here that produced the message, translates the template
(Qt context "errors") and fills in the values taken from the message, which
are translated too when they are themselves catalogued (a reason, a hint).
Raise sites stay as they are; ``tests/gui/test_error_translations.py`` fails
when a raise site's message has no template here or a template lacks its
German. Refresh the .ts with the command in ``tests/gui/test_translations.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

CONTEXT = "errors"

# Values that are counts or sizes; matching them as digits keeps "{count}{why}" apart.
_NUMBERS = frozenset({"count", "limit", "seconds", "size", "width", "height", "index", "scale"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker name, so that pyside6-lupdate collects the templates from this Qt-free module."""
    del context
    return text


TEMPLATES: tuple[str, ...] = (
    # --- Importing photos: why a file was refused
    QT_TRANSLATE_NOOP("errors", "{file} does not exist"),
    QT_TRANSLATE_NOOP("errors", "{file} cannot be read: {reason}"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is not a picture file ({kind}); only regular files can be imported"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} holds {count} pages; PixioDoc takes one picture per file (save each as its own file)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} holds {count} frames; PixioDoc takes one picture per file (save each as its own file)",
    ),
    QT_TRANSLATE_NOOP("errors", "a folder"),
    QT_TRANSLATE_NOOP("errors", "a pipe"),
    QT_TRANSLATE_NOOP("errors", "a socket"),
    QT_TRANSLATE_NOOP("errors", "a device"),
    QT_TRANSLATE_NOOP("errors", "not a file"),
    QT_TRANSLATE_NOOP("errors", "{file} is too large to decode"),
    QT_TRANSLATE_NOOP("errors", "{file} is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("errors", "{file} is too large: {size} (limit {limit})"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is too large: {width} x {height} pixels (limit {limit} megapixels)"
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is too large to open with the memory available"),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not an image PixioDoc accepts: it looks like {kind} (accepted: {accepted})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not an image PixioDoc accepts: its pixels are 32-bit numbers, not 8 or 16 bits per channel",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not an image PixioDoc accepts: its pixels are floating-point numbers, not 8 or 16 bits per channel",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is not a camera picture PixioDoc accepts: expected 8-bit pixels"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is not a camera picture PixioDoc accepts: expected a grey or BGR frame, got shape {shape}",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file} is a HEIC image, but HEIC support is not installed on this computer (the pillow-heif package)",
    ),
    QT_TRANSLATE_NOOP("errors", "{file} could not be saved as a JPEG picture"),
    QT_TRANSLATE_NOOP("errors", "{file} is damaged: {reason}"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is damaged: it declares a size of {width} x {height} pixels"
    ),
    QT_TRANSLATE_NOOP("errors", "the {format} data ends early (truncated file)"),
    QT_TRANSLATE_NOOP("errors", "the {format} data is corrupt and cannot be decoded"),
    QT_TRANSLATE_NOOP("errors", "the JPEG start marker is missing"),
    QT_TRANSLATE_NOOP("errors", "the JPEG data is corrupt (a misplaced marker)"),
    QT_TRANSLATE_NOOP("errors", "the JPEG data is corrupt (a bad segment length)"),
    QT_TRANSLATE_NOOP("errors", "A compared photo could not be decoded."),
    QT_TRANSLATE_NOOP("errors", "Permission denied"),
    QT_TRANSLATE_NOOP("errors", "No such file or directory"),
    QT_TRANSLATE_NOOP("errors", "Is a directory"),
    # --- What a refused file looks like (fills {kind} above)
    QT_TRANSLATE_NOOP("errors", "empty"),
    QT_TRANSLATE_NOOP("errors", "a PDF document"),
    QT_TRANSLATE_NOOP("errors", "a ZIP archive (or an Office document)"),
    QT_TRANSLATE_NOOP("errors", "an empty ZIP archive"),
    QT_TRANSLATE_NOOP("errors", "a GIF image"),
    QT_TRANSLATE_NOOP("errors", "a JPEG 2000 image"),
    QT_TRANSLATE_NOOP("errors", "a Windows icon"),
    QT_TRANSLATE_NOOP("errors", "a Photoshop document"),
    QT_TRANSLATE_NOOP("errors", "a Canon RAW photo"),
    QT_TRANSLATE_NOOP("errors", "a Fujifilm RAW photo"),
    QT_TRANSLATE_NOOP("errors", "a BigTIFF image (not supported)"),
    QT_TRANSLATE_NOOP("errors", "a gzip archive"),
    QT_TRANSLATE_NOOP("errors", "a RAR archive"),
    QT_TRANSLATE_NOOP("errors", "a 7-Zip archive"),
    QT_TRANSLATE_NOOP("errors", "a Windows program"),
    QT_TRANSLATE_NOOP("errors", "a program"),
    QT_TRANSLATE_NOOP("errors", "an RTF document"),
    QT_TRANSLATE_NOOP("errors", "an old-style Office document"),
    QT_TRANSLATE_NOOP("errors", "a database file"),
    QT_TRANSLATE_NOOP("errors", "a video (Matroska/WebM)"),
    QT_TRANSLATE_NOOP("errors", "an Ogg audio or video file"),
    QT_TRANSLATE_NOOP("errors", "an MP3 audio file"),
    QT_TRANSLATE_NOOP("errors", "an MPEG video"),
    QT_TRANSLATE_NOOP("errors", "an AVIF image"),
    QT_TRANSLATE_NOOP("errors", "a HEIF image that is not HEIC"),
    QT_TRANSLATE_NOOP("errors", "a QuickTime video"),
    QT_TRANSLATE_NOOP("errors", "a video or audio file (MP4 family)"),
    QT_TRANSLATE_NOOP("errors", "an AVI video"),
    QT_TRANSLATE_NOOP("errors", "a WAV audio file"),
    QT_TRANSLATE_NOOP("errors", "a RIFF file"),
    QT_TRANSLATE_NOOP("errors", "an HTML page"),
    QT_TRANSLATE_NOOP("errors", "an SVG drawing"),
    QT_TRANSLATE_NOOP("errors", "an XML document"),
    QT_TRANSLATE_NOOP("errors", "plain text"),
    QT_TRANSLATE_NOOP("errors", "a damaged or unusual BMP image"),
    QT_TRANSLATE_NOOP("errors", "unknown binary data"),
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
        "This vault syncs with other workstations; renewing its keys there is not supported yet (the other PCs and the bucket would keep the old key).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The audit trail has faults ({fault}); renewing the keys would seal them as good. Check it with `pixiodoc audit verify` and restore a backup first.",
    ),
    QT_TRANSLATE_NOOP("errors", "That password is too easy to guess: {problem}."),
    QT_TRANSLATE_NOOP("errors", "There is no vault at {folder} (the folder does not exist)."),
    QT_TRANSLATE_NOOP("errors", "There is no vault at {folder} (no vault.json)."),
    QT_TRANSLATE_NOOP("errors", "There is already a vault at {folder}; choose an empty folder."),
    QT_TRANSLATE_NOOP("errors", "{folder} is not empty; choose an empty or new folder."),
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
    # --- Permissions
    QT_TRANSLATE_NOOP("errors", "This action needs a clinician to be logged in."),
    QT_TRANSLATE_NOOP(
        "errors", "The account {login} has been deactivated; log in as an active clinician."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not {action} this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not view this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not edit this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not delete this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not export this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not share this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{login} may not erase this patient's record (needs {level} access; ask the record's Admin to share it).",
    ),
    QT_TRANSLATE_NOOP("errors", "View Only"),
    QT_TRANSLATE_NOOP("errors", "Editor"),
    QT_TRANSLATE_NOOP(
        "errors", "This record was imported from another clinic's case bundle and is View Only."
    ),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may {what}."),
    QT_TRANSLATE_NOOP("errors", "add clinicians"),
    QT_TRANSLATE_NOOP("errors", "change roles"),
    QT_TRANSLATE_NOOP("errors", "deactivate clinicians"),
    QT_TRANSLATE_NOOP("errors", "reset passwords"),
    QT_TRANSLATE_NOOP("errors", "review emergency accesses"),
    QT_TRANSLATE_NOOP("errors", "acknowledge emergency accesses"),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may install a licence."),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may back up the whole vault."),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may enroll a new workstation."),
    QT_TRANSLATE_NOOP("errors", "Only a practice Admin may change the sync settings."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Only a practice Admin (or the record's Admin, for that record) may {what} the audit trail.",
    ),
    QT_TRANSLATE_NOOP("errors", "Only the clinician who opened it or a practice Admin may end it."),
    QT_TRANSLATE_NOOP("errors", "Only a workspace Admin may set up the PACS."),
    QT_TRANSLATE_NOOP(
        "errors", "Only a workspace Admin may set up the practice software exchange."
    ),
    QT_TRANSLATE_NOOP("errors", "Only a workspace Admin may set up the DICOM worklist."),
    # --- Requests from the practice software (GDT): why a file was refused
    QT_TRANSLATE_NOOP("errors", "{file} holds {count} records; a request holds one"),
    QT_TRANSLATE_NOOP("errors", "{file} has no patient number (field 3000)"),
    QT_TRANSLATE_NOOP(
        "errors", "{file}: the patient number (field 3000) is longer than 64 characters"
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is a result (6310), not a request for PixioDoc"),
    QT_TRANSLATE_NOOP("errors", "{file} is addressed to {receiver}, not to PixioDoc ({ours})"),
    QT_TRANSLATE_NOOP("errors", "{file} has no family name (field 3101) for a new patient"),
    QT_TRANSLATE_NOOP(
        "errors", "{file} is too large for a GDT file ({actual} bytes; at most {most})"
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is too large for a GDT file (more than {most} bytes)"),
    QT_TRANSLATE_NOOP("errors", "{file} ends in the middle of a line (the file is truncated)"),
    QT_TRANSLATE_NOOP(
        "errors", "{file}, line {line}: not a GDT line (3-digit length, 4-digit field id)"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file}, line {line}: the length says {declared} bytes but the line has {actual} (malformed length)",
    ),
    QT_TRANSLATE_NOOP("errors", "{file} is empty"),
    QT_TRANSLATE_NOOP("errors", "{file} is not a GDT file: it holds binary data"),
    QT_TRANSLATE_NOOP("errors", "{file} does not start with a record type (field 8000)"),
    QT_TRANSLATE_NOOP("errors", "{file}, line {line}: unknown field {field}"),
    QT_TRANSLATE_NOOP("errors", "{file}: record type {kind} is not one PixioDoc takes ({known})"),
    QT_TRANSLATE_NOOP("errors", "{file}: the record length (field 8100) is missing"),
    QT_TRANSLATE_NOOP(
        "errors",
        "{file}: the record length (8100) says {declared} bytes but the record has {actual} ({why})",
    ),
    QT_TRANSLATE_NOOP("errors", "the file is truncated"),
    QT_TRANSLATE_NOOP("errors", "malformed length"),
    QT_TRANSLATE_NOOP("errors", "{file}: character set {code} (field 9206) is not 1, 2, 3 or 4"),
    QT_TRANSLATE_NOOP("errors", "{file}, line {line}: object end 8201 without its start"),
    QT_TRANSLATE_NOOP("errors", "{file}: an object (8200) is not closed (the file is truncated)"),
    QT_TRANSLATE_NOOP("errors", "The {what} is not a GDT date (TTMMJJJJ)"),
    QT_TRANSLATE_NOOP("errors", "The {what} is not a valid date"),
    QT_TRANSLATE_NOOP("errors", "date of birth (field 3103)"),
    # --- A date typed in a form (records/patients.parse_date)
    QT_TRANSLATE_NOOP("errors", "{text} is not a valid {what}; use YYYY-MM-DD (e.g. 1980-04-23)"),
    QT_TRANSLATE_NOOP("errors", "date of birth"),
    QT_TRANSLATE_NOOP("errors", "visit date"),
    QT_TRANSLATE_NOOP("errors", "expiry date"),
    QT_TRANSLATE_NOOP("errors", "Only a workspace Admin may change the clinic's logo."),
    QT_TRANSLATE_NOOP("errors", "Importing patients from the EHR takes a workspace Admin."),
    QT_TRANSLATE_NOOP(
        "errors",
        "This patient has not consented to being shown photos on the consultation screen (record consent for 'consultation-screen' first).",
    ),
    # --- Plan limits
    QT_TRANSLATE_NOOP(
        "errors",
        "Upgrade to PixioDoc Pro or Teams (see pixiodoc.example/pricing) and install the licence with 'pixiodoc licence install FILE' or File > Licence… in the workstation.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The {plan} plan keeps up to {limit} patients and this clinic has {count}{why}. Existing records stay available. {hint}",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The {plan} plan has room for {limit} active clinicians and all are taken. Ask for more seats on the Teams licence.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The {plan} plan has room for {limit} active clinicians and all are taken. PixioDoc Teams has 4 or more seats. {hint}",
    ),
    QT_TRANSLATE_NOOP("errors", "{what} needs PixioDoc Pro; this clinic has {plan}. {hint}"),
    QT_TRANSLATE_NOOP("errors", "{what} needs PixioDoc Teams; this clinic has {plan}. {hint}"),
    QT_TRANSLATE_NOOP("errors", "Sharing a record with a colleague"),
    # --- Sharing, case files and licences (shown in their dialogs)
    QT_TRANSLATE_NOOP("errors", "There is no active clinician with the login {login}"),
    QT_TRANSLATE_NOOP("errors", "That clinician has no access of their own to this record"),
    QT_TRANSLATE_NOOP(
        "errors",
        "A record needs at least one Admin; grant Admin to someone else first",
    ),
    QT_TRANSLATE_NOOP("errors", "This is not a PixioDoc licence file"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The licence's signature does not match (it was altered or not issued by PixioDoc)",
    ),
    QT_TRANSLATE_NOOP("errors", "The licence is signed but incomplete"),
    QT_TRANSLATE_NOOP(
        "errors",
        "This licence was issued for {clinic}, not for this clinic ({ours})",
    ),
    QT_TRANSLATE_NOOP("errors", "This licence expired on {date}"),
    QT_TRANSLATE_NOOP("errors", "A Teams licence has at least {count} seats"),
    QT_TRANSLATE_NOOP("errors", "Cannot read the licence file {file}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "Protect the bundle with a passphrase or a colleague's case key"),
    QT_TRANSLATE_NOOP("errors", "Use a passphrase of at least {count} characters"),
    QT_TRANSLATE_NOOP("errors", "The expiry date must lie within the next {count} days"),
    QT_TRANSLATE_NOOP("errors", "Choose at least one visit to share"),
    QT_TRANSLATE_NOOP(
        "errors",
        "Cannot write the bundle to {file}; give a file in an existing folder",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "That is not a PixioDoc case key (expected pxcase-x25519: and 64 hex digits)",
    ),
    QT_TRANSLATE_NOOP("errors", "A chosen visit does not belong to this patient"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The patient has not consented to sharing with colleagues; record that consent first (scope 'sharing').",
    ),
    # --- Cameras and the hot folder
    QT_TRANSLATE_NOOP("errors", "The hot folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("errors", "The camera '{camera}' did not respond in time"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The camera '{camera}' is in use by another program (or does not start); close the other program and try again",
    ),
    QT_TRANSLATE_NOOP("errors", "The camera '{camera}' is in use by another program"),
    QT_TRANSLATE_NOOP("errors", "The camera '{camera}' is not open"),
    QT_TRANSLATE_NOOP("errors", "'{camera}' has no picture that can be read"),
    QT_TRANSLATE_NOOP("errors", "No camera found (nothing is connected as camera {index})"),
    QT_TRANSLATE_NOOP("errors", "No camera found: '{camera}' is not connected or cannot be opened"),
    QT_TRANSLATE_NOOP("errors", "No camera found: '{camera}' cannot be opened as video"),
    QT_TRANSLATE_NOOP("errors", "No camera found: the folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("errors", "No camera found: the file {file} does not exist"),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit is degenerate"),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit needs an implausible perspective"),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit would mirror the photo"),
    QT_TRANSLATE_NOOP(
        "errors", "could not align: the photos differ in scale by {scale}x (allowed 0.5-2)"
    ),
    QT_TRANSLATE_NOOP("errors", "could not align: the fit twists the photo"),
    QT_TRANSLATE_NOOP("errors", "could not align: too few matching features"),
    # --- Sync
    QT_TRANSLATE_NOOP(
        "errors",
        "Sync is not set up on this workstation (pixiodoc sync configure, or Settings > Sync).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync access key and secret are missing from this PC's credential store; enter them again (pixiodoc sync configure).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} cannot be reached (offline, or a wrong address). Changes stay on this PC and go out with the next sync.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} is having trouble (error {code}); sync will try again later.",
    ),
    QT_TRANSLATE_NOOP("errors", "The sync endpoint {endpoint} refused a request (error {code})."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} rejects the access key or secret (check them under sync settings: pixiodoc sync configure).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint {endpoint} does not answer as S3 storage (a proxy may be in the way, or the endpoint URL is wrong).",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync endpoint answered with a web page, not as S3 storage (a proxy or login portal is in the way, or the endpoint URL is wrong).",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The bucket {bucket} does not exist at {endpoint}; create it or correct the name."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This PC's clock is too far off the sync endpoint's time; set the date and time correctly (automatic time), then sync again.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The disk of this PC is full: the changes from the other workstations could not be saved. Free some space, then sync again; nothing was lost.",
    ),
    QT_TRANSLATE_NOOP("errors", "The sync object {object} is not a PixioDoc object."),
    QT_TRANSLATE_NOOP("errors", "The sync object {object} is unreadable."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The sync object {object} fails authentication (altered, or not this clinic's); it was not applied.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Changes of workstation {device} are missing from the clinic's bucket or damaged there (batch {batch}); they are not applied here until that workstation puts them back at its next sync.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Changes of workstation {device} in the clinic's bucket were replaced or reordered (batch {batch} does not follow the one before it); they are not applied here until that workstation puts its own copy back at its next sync.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The audit trail of workstation {device} does not match what the clinic's workstations have seen of it (event {event}): it was cut short or rewritten. Check it with pixiodoc audit verify and tell the practice Admin.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{count} image(s) from the other workstations are missing from the clinic's bucket or damaged there; sync fetches them again at its next round.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This workstation's vault was restored from a backup or copied from another PC, and its sync identity is already in use. Its changes are kept; set this PC up again with an enrollment code (pixiodoc sync join) and re-enter them.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "An enrollment code has {count} letters and digits in groups of 4; check what you typed.",
    ),
    QT_TRANSLATE_NOOP("errors", "The enrollment code has a typo (its last group does not match)."),
    QT_TRANSLATE_NOOP("errors", "An enrollment code is valid for 1 minute to 24 hours."),
    QT_TRANSLATE_NOOP("errors", "This enrollment code has expired; ask an Admin for a new one."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Another PC is joining with this enrollment code right now; ask an Admin for a new code.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "No enrollment waits under this code in the bucket (it was used, expired, or the bucket or prefix differs from the Admin's PC).",
    ),
    QT_TRANSLATE_NOOP("errors", "This enrollment code does not open the enrollment."),
    QT_TRANSLATE_NOOP(
        "errors", "No clinic in this bucket and prefix opens with that recovery key."
    ),
    QT_TRANSLATE_NOOP("errors", "Joining needs an enrollment code or the recovery key."),
    # --- Case bundles from other clinics
    QT_TRANSLATE_NOOP("errors", "{file} is not a case bundle file"),
    # (an imported record's origin, shown in its banner, says whether the sender is verified)
    QT_TRANSLATE_NOOP(
        "errors",
        "Case bundle from {clinic}, made {date}; sender verified (key {key})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Case bundle from {clinic}, made {date}; sender not verified (signed with key {key}, which this clinic has not exchanged keys with; compare it with the sender)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Case bundle from {clinic}, made {date}; sender not verified (the bundle is not signed)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This is not a PixioDoc case bundle (.pxcase)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is damaged or incomplete",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is damaged (its header is unreadable)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle was made by a newer PixioDoc; update to open it",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: it holds {count} entries (limit {limit})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: its entry {entry} would unpack from {packed} to {unpacked} (a decompression bomb)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: it unpacks to {unpacked} (limit {cap})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is too large: {bundle_size} (limit {cap})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle is protected by a passphrase; enter it",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle asks for an unreasonable key derivation",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle is damaged (unknown protection)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was altered or damaged after it was made; ask for a new one",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle's contents are damaged",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was altered (its expiry dates disagree)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle expired on {date}; ask for a new one",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was refused: its entry {entry} unpacks to {unpacked} (limit {cap})",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle's contents are incomplete",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle was imported already on {date} (patient {patient}); open that record instead",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle's contents are damaged (its {part} part)",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The case bundle was altered after it was made (its signature does not match); ask for a new one",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The passphrase is wrong for this case bundle",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This case bundle was made for another clinic's case key",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This computer has no working credential store for the sync secret (Windows Credential Manager, macOS Keychain, or a Secret Service such as GNOME Keyring or KWallet); set one up or unlock it, then configure sync again. Nothing was saved.",
    ),
    # --- The automatic lesion outline: why none is proposed
    QT_TRANSLATE_NOOP("errors", "The automatic outline needs a colour photo"),
    QT_TRANSLATE_NOOP("errors", "The stored image of photo {photo} cannot be decoded"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The photo has no calibration (pixels per mm); calibrate it to measure the lesion",
    ),
    QT_TRANSLATE_NOOP("errors", "No lesion stands out from the skin in this photo"),
    QT_TRANSLATE_NOOP(
        "errors",
        "The lesion runs off the edge of the photo; take it again with the whole lesion in view",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The photo is too blurred to find the lesion's border; take it again in focus"
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "Hair covers too much of the lesion's border to outline it; move or trim the hair, or use immersion fluid, and take it again",
    ),
    QT_TRANSLATE_NOOP("errors", "Only a workspace admin changes the clinic's settings"),
    # --- Capture with a phone
    QT_TRANSLATE_NOOP("errors", "The phone server cannot listen on port {port}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "The phone server's certificate {file} cannot be loaded: {reason}"),
    QT_TRANSLATE_NOOP("errors", "The phone server's certificate file {file} does not exist"),
    QT_TRANSLATE_NOOP(
        "errors",
        "A phone outside the clinic network sends its photos through the clinic's sync bucket, and sync is not set up on this workstation; connect the phone to the clinic network, or set up sync.",
    ),
    # --- Secure links
    QT_TRANSLATE_NOOP(
        "errors",
        "A secure link needs the clinic's sync bucket, and sync is not set up on this workstation; send a case bundle instead (pixiodoc case export), or set up sync.",
    ),
)


@dataclass(frozen=True, slots=True)
class Explained:
    """A message taken apart: its catalogued template and the values that filled it."""

    template: str
    params: dict[str, str]


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for placeholder in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last : placeholder.start()]))
        name = placeholder[1]
        if name in seen:
            parts.append(f"(?P={name})")
        else:
            seen.add(name)
            body = r"\d[\d.,]*" if name in _NUMBERS else ".*?"
            parts.append(f"(?P<{name}>{body})")
        last = placeholder.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


@cache
def _literal_length(template: str) -> int:
    return len(_PLACEHOLDER.sub("", template))


def explain(message: str) -> Explained | None:
    """The template that produced `message` (the most specific one), or None if none did."""
    best: Explained | None = None
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(message)
        if found is None:
            continue
        if best is None or _literal_length(template) > _literal_length(best.template):
            best = Explained(template, dict(found.groupdict()))
    return best
