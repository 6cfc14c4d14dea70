"""Local offers: the entitlement catalogue, each council's or district's offer, and their pages.

`catalogue` reads data/entitlements.yaml, `model` reads and checks data/offers/*.yaml against it,
`views` answers questions the pages ask ("what applies to me"), `pages` makes the pages and files.

May import: `macros.core` and `macros.documents` (slug, citations).
"""
