"""Which stemming language each site language uses; no imports, so settings can read it."""

# Interface language -> stemming language. The names are the same in PostgreSQL
# (text-search configurations) and Elasticsearch (built-in language analyzers).
LANGUAGE_CONFIGS = {
    "en": "english",
    "sv": "swedish",
    "de": "german",
    "pt": "portuguese",
}
