"""The audit trail: `trail` writes the hash-chained, sealed events; `chain` links, seals and
verifies them; `log` reads, exports, verifies and purges them."""
