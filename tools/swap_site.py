"""Publish a finished build in one step: site.tmp takes the place of site (issue 20, L13).

`rm -rf site && mv site.tmp site` left a moment with no site at all (and none, if interrupted).
On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders in one atomic step, then the old build
is removed; elsewhere the old folder is renamed aside first, so the gap is one rename, not a delete.

Usage: python tools/swap_site.py site.tmp site
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys

AT_FDCWD, RENAME_EXCHANGE = -100, 2


def _exchange(new: str, old: str) -> bool:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(AT_FDCWD, new.encode(), AT_FDCWD, old.encode(), RENAME_EXCHANGE) == 0


def swap(new: str, old: str) -> None:
    if not os.path.isdir(new):
        sys.exit(f"{new} is not a finished build")
    if os.path.isdir(old) and _exchange(new, old):
        shutil.rmtree(new)            # now the previous build
        return
    aside = old + ".old"
    shutil.rmtree(aside, ignore_errors=True)
    if os.path.exists(old):
        os.rename(old, aside)
    os.rename(new, old)
    shutil.rmtree(aside, ignore_errors=True)


if __name__ == "__main__":
    swap(*sys.argv[1:3])
