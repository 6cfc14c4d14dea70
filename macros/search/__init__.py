"""Search: what the index holds (marks.py), the synonyms read from data (synonyms.py), building
the Pagefind index after the site (index.py) and the fallback page (pages.py).

May import: `macros.core`; index.py runs after the build on the built HTML alone.
"""
