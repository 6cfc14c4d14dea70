"""Search: what the index holds (marks.py), the synonyms read from data (synonyms.py), the records
made from the data model, one per numbered paragraph and per council (records.py), building the
Pagefind index after the site (index.py) and the fallback page (pages.py).

May import: `macros.core`; records.py also reads the models of `macros.documents`,
`macros.directory` (contact_lines) and `macros.offers` (display), and index.py Pagefind's
Python API. index.py runs after the build, on the built HTML and those records.
"""
