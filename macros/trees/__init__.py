"""The decision trees: their model and checks (model), their pages (pages), working days and
bank holidays for deadlines (deadlines), and the SVG diagram drawn at build time (diagram).

May import: `macros.core` and `macros.documents`.
"""
