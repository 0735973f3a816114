"""Who may do what: clinicians and logging in, per-record grants and sharing, emergency access
("break the glass"), and the plan the clinic's licence allows."""
