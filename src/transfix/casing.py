"""Give a replacement the letter case of the text it replaces."""

from __future__ import annotations


def keep_case(original: str, replacement: str) -> str:
    """Match the case pattern of `original`: `Point of sale` -> `Outlet`, `RPC` -> `PRC`.

    >>> keep_case("Point of sale", "outlet")
    'Outlet'
    >>> keep_case("LEVER EFFECT", "leverage")
    'LEVERAGE'
    >>> keep_case("pekin", "Beijing")
    'Beijing'
    """
    if not replacement or original.islower():
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
