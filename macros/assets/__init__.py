"""Post-build work on the built site's static files (run by `make build`, after MkDocs).


May import: the standard library and tinycss2 only: it reads the built site, not data/.
"""
