"""The care leavers' page: their three questions, the picker's words, and homelessness law.


May import: `macros.core`.
"""
