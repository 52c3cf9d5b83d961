"""Inflected forms of Swedish nouns and adjectives, for rule matching.

Only the paradigms the rule packs need. Each returns the indefinite and
definite forms, singular and plural; every form also gets its genitive
(``-s``), except forms that already end in s, x or z.

=========  ===================  ==============================================
paradigm   example              forms
=========  ===================  ==============================================
man        tjänsteman           -man -mannen -män -männen
a          lärarinna            -a -an -or -orna (first declension)
er         servitris            -  -en -er -erna (third declension)
ar         pojke                -e -en -ar -arna (second declension)
adj        kvinnlig             -  -t -a -e
none       (word as given; irregular words list ``forms`` instead)
auto       guessed from the ending
=========  ===================  ==============================================
"""

from __future__ import annotations

__all__ = ["inflect", "guess_paradigm"]


def guess_paradigm(word: str) -> str:
    w = word.lower()
    if w.endswith("man") and len(w) > 3:
        return "man"
    if w.endswith("lig") or w.endswith("isk"):
        return "adj"
    if w.endswith("a") and len(w) > 3:
        return "a"
    if w.endswith(("ris", "tris", "ös", "is")):
        return "er"
    if w.endswith("e") and len(w) > 3:
        return "ar"
    return "none"


def _with_genitive(forms: list[str]) -> list[str]:
    out: list[str] = []
    for form in forms:
        out.append(form)
        if not form.endswith(("s", "x", "z")):
            out.append(form + "s")
    # keep order, drop duplicates
    return list(dict.fromkeys(out))


def inflect(word: str, paradigm: str = "auto") -> list[str]:
    """All forms of ``word`` (lower case) in ``paradigm``."""
    w = word.lower().strip()
    if " " in w:
        return [w]
    if paradigm == "auto":
        paradigm = guess_paradigm(w)
    if paradigm == "man" and w.endswith("man"):
        stem = w[:-3]
        forms = [stem + s for s in ("man", "mannen", "män", "männen")]
    elif paradigm == "a" and w.endswith("a"):
        stem = w[:-1]
        forms = [stem + s for s in ("a", "an", "or", "orna")]
    elif paradigm == "er":
        forms = [w, w + "en", w + "er", w + "erna"]
    elif paradigm == "ar" and w.endswith("e"):
        stem = w[:-1]
        forms = [w, w + "n", stem + "ar", stem + "arna"]
    elif paradigm == "adj":
        forms = [w, w + "t", w + "a", w + "e"]
        return list(dict.fromkeys(forms))
    else:
        forms = [w]
    return _with_genitive(forms)
