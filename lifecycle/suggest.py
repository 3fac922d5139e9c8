"""Near names for "did you mean" hints."""

import difflib
from collections.abc import Iterable


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """The closest candidate to `name`, ignoring case first, or "" when none is close."""
    candidates = list(candidates)
    lowered = {c.lower(): c for c in candidates}
    if name.lower() in lowered and lowered[name.lower()] != name:
        return lowered[name.lower()]
    # Words in another order (`postrestorehook` for `restorePosthook`) keep the same letters.
    letters = sorted(name.lower())
    anagram = next((c for low, c in lowered.items() if sorted(low) == letters and c != name), "")
    if anagram:
        return anagram
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.75)
    if close:
        return close[0]
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else ""
