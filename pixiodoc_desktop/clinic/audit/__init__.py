"""The audit trail: `trail` writes the hash-chained, sealed events; `log` reads, exports,
verifies and purges them."""
