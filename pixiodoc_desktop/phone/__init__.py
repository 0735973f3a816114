"""Capture with the clinician's phone: QR pairing, the HTTPS server that lives only while a
pairing is open, and the intake that takes the phone's encrypted photos into the vault.
Qt-free; the GUI shows the QR code and the arrivals."""
