"""Reads the demo content from demo/data/: one JSON file per kind, and one per kind and language for its texts.

`<kind>.json` holds what is the same in every language (keys, countries,
levels, dates); `<kind>.<lang>.json` holds the texts in one site language,
keyed like the language-neutral file, so a translation is one file to write.
"""

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
# The site languages of the demo; English first because every demo page starts in English.
LANGS = ("en", "sv", "de", "pt")


@cache
def read(kind, lang=None):
    """The parsed data file of `kind` (in `lang`, for texts). Shared between callers: do not change it."""
    name = f"{kind}.{lang}.json" if lang else f"{kind}.json"
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def texts(kind):
    """The texts of `kind` in every site language: {lang: data}."""
    return {lang: read(kind, lang) for lang in LANGS}
