"""Shared plumbing: reading YAML with line numbers (yamlfile), schemas (schema), problems listed
as file:line (problems), the text rules every data string obeys (text_rules), the site model that
loads all of data/ (site) and the build's copy of it (state), rendering with autoescape (render,
dates), relative links (links), the content security policy (csp), HTML fixes after the theme
(html_fixes), the corrections channel (corrections) and the list of generated pages (pages).

May import: the standard library, pinned libraries, and the domain packages. Only `site`,
`render` and `pages` import domain packages (they assemble the site); the other modules here
import nothing of ours outside `core`. Never MkDocs: only the two adapters do.
"""
