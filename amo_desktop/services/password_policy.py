"""The rule for new passwords (issue 12): at least 12 characters and a zxcvbn score of 3 or more,
with the user's own login, names and organisation counted as words an attacker would try first.

One place decides, for every way a password is chosen: vault creation, adding a user, changing
a password, joining a team and the recovery reset. Passwords chosen before the rule keep
working; `password_verdict` at unlock tells whether to ask for a new one.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from amo_desktop.errors import ValidationError

MIN_LENGTH = 12
MIN_SCORE = 3
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; the first 72 characters are a lower bound
# zxcvbn keeps the user's words in a module-level dictionary: one evaluation at a time.
_ZXCVBN_LOCK = threading.Lock()

_OWN_WORDS = "It contains your user name, name or organisation."
# Dutch for zxcvbn 4.5's English feedback (zxcvbn/feedback.py); unknown lines stay English.
_DUTCH = {
    "Use a few words, avoid common phrases.": "Gebruik een paar woorden, geen bekende zinnen.",
    "No need for symbols, digits, or uppercase letters.": (
        "Symbolen, cijfers of hoofdletters zijn niet nodig."
    ),
    "Add another word or two. Uncommon words are better.": (
        "Voeg nog een woord of twee toe; ongewone woorden zijn beter."
    ),
    "Straight rows of keys are easy to guess.": "Rijen toetsen naast elkaar zijn makkelijk te raden.",
    "Short keyboard patterns are easy to guess.": "Korte toetsenbordpatronen zijn makkelijk te raden.",
    "Use a longer keyboard pattern with more turns.": (
        "Gebruik een langer toetsenbordpatroon met meer bochten."
    ),
    'Repeats like "aaa" are easy to guess.': 'Herhalingen als "aaa" zijn makkelijk te raden.',
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': (
        'Herhalingen als "abcabcabc" zijn nauwelijks moeilijker te raden dan "abc".'
    ),
    "Avoid repeated words and characters.": "Vermijd herhaalde woorden en tekens.",
    'Sequences like "abc" or "6543" are easy to guess.': (
        'Reeksen als "abc" of "6543" zijn makkelijk te raden.'
    ),
    "Avoid sequences.": "Vermijd reeksen.",
    "Recent years are easy to guess.": "Recente jaartallen zijn makkelijk te raden.",
    "Avoid recent years.": "Vermijd recente jaartallen.",
    "Avoid years that are associated with you.": "Vermijd jaartallen die bij u horen.",
    "Dates are often easy to guess.": "Datums zijn vaak makkelijk te raden.",
    "Avoid dates and years that are associated with you.": (
        "Vermijd datums en jaartallen die bij u horen."
    ),
    "This is a top-10 common password.": "Dit is een van de 10 meest gebruikte wachtwoorden.",
    "This is a top-100 common password.": "Dit is een van de 100 meest gebruikte wachtwoorden.",
    "This is a very common password.": "Dit is een veelgebruikt wachtwoord.",
    "This is similar to a commonly used password.": "Dit lijkt op een veelgebruikt wachtwoord.",
    "A word by itself is easy to guess.": "Eén woord alleen is makkelijk te raden.",
    "Names and surnames by themselves are easy to guess.": (
        "Namen en achternamen alleen zijn makkelijk te raden."
    ),
    "Common names and surnames are easy to guess.": (
        "Gewone namen en achternamen zijn makkelijk te raden."
    ),
    "Capitalization doesn't help very much.": "Een hoofdletter vooraan helpt weinig.",
    "All-uppercase is almost as easy to guess as all-lowercase.": (
        "Alles in hoofdletters is bijna even makkelijk te raden als alles in kleine letters."
    ),
    "Reversed words aren't much harder to guess.": "Omgekeerde woorden zijn niet veel moeilijker.",
    "Predictable substitutions like '@' instead of 'a' don't help very much.": (
        "Voorspelbare vervangingen zoals '@' voor 'a' helpen weinig."
    ),
    _OWN_WORDS: "Het bevat uw gebruikersnaam, naam of organisatie.",
}

_LABELS = {
    "nl": ("zwak", "zwak", "matig", "goed", "sterk"),
    "en": ("weak", "weak", "fair", "good", "strong"),
}


@dataclass(frozen=True)
class PasswordVerdict:
    """Why a password is (not) good enough: a code for programs, feedback for people."""

    code: str  # "ok" | "too_short" | "too_weak"
    score: int  # zxcvbn's 0-4, and 0 for a password under MIN_LENGTH
    warning: str  # zxcvbn's warning in English, or ""
    suggestions: tuple[str, ...]  # zxcvbn's suggestions in English
    own_words: bool  # the password leans on the user's login, name or organisation

    @property
    def ok(self) -> bool:
        return self.code == "ok"

    def label(self, lang: str = "nl") -> str:
        """zwak / matig / goed / sterk, for the strength meter."""
        return _LABELS.get(lang, _LABELS["nl"])[self.score]

    def hint(self, lang: str = "nl") -> str:
        """zxcvbn's warning and first suggestion, in Dutch or English; '' when there is none."""
        first = self.warning or (_OWN_WORDS if self.own_words else "")
        lines = [line for line in (first, *self.suggestions[:1]) if line]
        return " ".join(line if lang == "en" else _DUTCH.get(line, line) for line in lines)

    def message(self, lang: str = "nl") -> str:
        """The one line that refuses the password."""
        if self.code == "too_short":
            return (
                f"Choose a password of at least {MIN_LENGTH} characters."
                if lang == "en"
                else f"Kies een wachtwoord van minstens {MIN_LENGTH} tekens."
            )
        head = (
            "This password is too easy to guess."
            if lang == "en"
            else "Dit wachtwoord is te makkelijk te raden."
        )
        hint = self.hint(lang)
        return f"{head} {hint}" if hint else head


def password_words(*texts: str | None) -> list[str]:
    """The user's own words for zxcvbn: each text whole and each of its words (3+ letters)."""
    words: list[str] = []
    for text in texts:
        if not text or not text.strip():
            continue
        cleaned = text.strip().casefold()
        words.append(cleaned)
        words.extend(w for w in re.split(r"[\W_]+", cleaned) if len(w) >= 3)
    return list(dict.fromkeys(words))


def password_verdict(password: str, user_inputs: Iterable[str] = ()) -> PasswordVerdict:
    """Judge a new password; user_inputs are the words from `password_words`."""
    text = unicodedata.normalize("NFC", password)
    inputs = list(user_inputs)
    from zxcvbn import zxcvbn  # its word lists load with the first new password, not at start

    with _ZXCVBN_LOCK:
        result = zxcvbn(text[:_ZXCVBN_MAX], user_inputs=inputs)
    score = int(result["score"])
    feedback = result["feedback"]
    own = any(m.get("dictionary_name") == "user_inputs" for m in result["sequence"])
    if len(text) < MIN_LENGTH:
        code, score = "too_short", min(score, 1)
    elif score < MIN_SCORE:
        code = "too_weak"
    else:
        code = "ok"
    suggestions = tuple(feedback.get("suggestions") or ())
    return PasswordVerdict(code, score, feedback.get("warning") or "", suggestions, own)


def validate_new_password(
    password: str, user_inputs: Iterable[str] = (), field: str = "password"
) -> PasswordVerdict:
    """Refuse a new password below the rule with one clear line (a ValidationError)."""
    verdict = password_verdict(password, user_inputs)
    if not verdict.ok:
        raise ValidationError(field, verdict.message("nl"), verdict.message("en"))
    return verdict
