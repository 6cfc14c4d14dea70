"""The directory: councils, districts and their public lines (model), phone numbers and what a
line is (contact_lines), national help lines (help_lines), each council's card fetched by the
planner and the care leavers' page (cards), the directory's pages (pages) and open data (exports).

May import: `macros.core`, `macros.documents`, and `macros.trees.pages` (the bank holidays the
planner's date needs), `macros.practice.evidence_check` (help lines' evidence).
"""
