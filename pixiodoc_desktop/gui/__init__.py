"""The workstation GUI: the only part of PixioDoc that imports PySide6.

Map:
  application.py    QApplication, translations, theme, crash handler; `run_workstation`
  main_window.py    first run / unlock / workspace in one window; lock and auto-lock
                    (only application.py imports it; import-linter keeps it so)
  furnishing.py     builds everything behind the unlock screen into the window, after the first paint
  session_state.py  who is logged in, which record is open: the signals every part observes
  entrance.py       first run, opening a vault, unlocking, the recovery key (the cards)
  workspace.py      patients, timeline, details and body map side by side; the photo viewer
  record_editing.py the open record's dialogs (patient, visit, lesion, consent) and imports
  record_opening.py which record is shown: open, refresh after a change, close
  window_chrome.py  the window's actions, menus and status bar
  workers.py        the one serial DB worker, the image pool, `DbOperation`, change notices
  session.py        the vault and the logged-in clinician (used on the DB worker only)
  record_loader.py  opening a record: newest photos and thumbnails first, the rest after
  importing.py      imports in chunks on the DB worker, shown by views/import_dialog.py
  record_actions.py report, DICOM, PACS, GDPR export, EHR CSV import (the Patient menu's exports)
  record_erasure.py erasing a patient (typed confirmation) and the retention hold
  emergency_access.py  break the glass (by patient number) and the banner over the record
  sync_scheduler.py sync rounds on the network pool, the Sync menu and status bar (a new PC
                    receiving the clinic's records: how far it is), conflicts
  ondemand_images.py  images left in the clinic's bucket (images on demand), fetched when
                    shown on a network pool of their own; the placeholder's words
  sync_settings.py  the Sync settings dialog: load, save (secret to the keyring), test connection
  notify.py         the one path for messages; the crash dialog (no patient data)
  forms.py          Designer forms from ui/*.ui via QUiLoader
  theme.py, i18n.py stylesheets with variables, SVG icons; German from resources/translations
  views/, widgets/, models/   screens and dialogs, hand-painted widgets, Qt item models
"""
