"""Encrypted storage: key hierarchy, SQLCipher database, blob store. No Qt."""
