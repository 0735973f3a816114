"""Second opinions by secure link: encrypted packages in the clinic's bucket, a viewer page."""
