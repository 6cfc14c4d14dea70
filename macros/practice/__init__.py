"""Practice tools: a council's timescales as data, its letters, a housing protocol.

rules.py models a council's timescales and calculator.py works out the dates; letters.py the
letter templates; housing.py a joint housing protocol; loader.py checks them all at load.

May import: `macros.core` and `macros.documents` (citations).
"""
