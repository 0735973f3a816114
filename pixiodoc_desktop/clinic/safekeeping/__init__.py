"""Keeping the vault whole and lawful: backup and restore, verify, retention holds and
erasure (GDPR art. 17, crypto-shredding)."""
