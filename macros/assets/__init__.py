"""Post-build work on the built site's static files (run by `make build`, after MkDocs)."""
