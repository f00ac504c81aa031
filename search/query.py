"""Parse what a reader types into the search box into a bounded, clean query.

Supports words, "quoted phrases" and -exclusions. Never raises: anything a
browser can send becomes a ParsedQuery (possibly empty).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from wagtail.search.query import And, Not, Or, Phrase, PlainText

# Long enough for any real query; short enough that a 10,000-character paste
# cannot make the database or Elasticsearch work hard.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12

# Characters that are syntax for the engines (tsquery, FTS5, Lucene) and carry
# no meaning for a reader; apostrophes and hyphens inside words are kept.
_SYNTAX = re.compile(r"""["!&|()<>:*\\^~{}\[\]=+@#$%;,?/`]""")
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple = ()
    phrases: tuple = ()
    excluded: tuple = ()
    text: str = field(default="")

    def __bool__(self):
        # Exclusions alone match nothing sensible: a query needs something to find.
        return bool(self.terms or self.phrases)

    def to_search_query(self, exclusions=True, operator="and"):
        """The modelsearch query: every word and phrase required, exclusions removed.

        exclusions=False leaves the NOTs out, for engines that cannot nest them
        (SQLite's FTS5 compiler); the caller then removes excluded matches itself.
        operator="or" asks for any of the words and phrases instead of all of them.
        """
        if not self:
            return None
        parts = []
        if self.terms:
            parts.append(PlainText(" ".join(self.terms), operator=operator))
        parts += [Phrase(p) for p in self.phrases]
        if operator == "or" and len(parts) > 1:
            parts = [Or(parts)]
        if exclusions:
            parts += [Not(PlainText(x)) for x in self.excluded]
        return parts[0] if len(parts) == 1 else And(parts)

    def plain_text(self):
        """All positive words as one string (autocomplete)."""
        return " ".join([*self.terms, *self.phrases])


def clean_text(value):
    """Normalise to NFC, drop control and format characters, collapse whitespace, cap the length."""
    if not isinstance(value, str):
        return ""
    value = unicodedata.normalize("NFC", value[: MAX_QUERY_LENGTH * 4])
    value = "".join(
        " " if unicodedata.category(ch) in ("Zs", "Zl", "Zp") or ch in "\t\n\r\x0b\x0c" else ch
        for ch in value
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn") or ch in "\t\n\r\x0b\x0c"
    )
    return " ".join(value.split())[:MAX_QUERY_LENGTH].strip()


def _word(token):
    token = _SYNTAX.sub(" ", token)
    # A leading or trailing hyphen or apostrophe is punctuation, not part of the word.
    return " ".join(part.strip("-'\u2019.") for part in token.split() if part.strip("-'\u2019."))


def parse_query(value):
    text = clean_text(value)
    terms, phrases, excluded = [], [], []
    for match in _TOKEN.finditer(text):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            words = _word(phrase)
            if not words:
                continue
            if negate:
                excluded.append(words)
            elif " " in words:
                phrases.append(words)
            else:
                terms.append(words)
            continue
        negate = bare.startswith("-") and len(bare) > 1
        words = _word(bare[1:] if negate else bare)
        if not words:
            continue
        (excluded if negate else terms).extend(words.split())
    # Keep the first MAX_TERMS parts, in the reader's order of importance.
    kept, budget = [], MAX_TERMS
    for bucket in (terms, phrases, excluded):
        kept.append(tuple(dict.fromkeys(bucket))[: max(budget, 0)])
        budget -= len(kept[-1])
    return ParsedQuery(terms=kept[0], phrases=kept[1], excluded=kept[2], text=text)
