"""Tests: fast password hashing, the deterministic hashing encoder, tasks run immediately."""

import os

from .base import *  # noqa: F401,F403
from .base import KOLLEGA_RECOMMENDER, VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret-kollega"
ALLOWED_HOSTS = ["*"]
# The demo (load_demo, generate_corpus) is for development and tests; production does not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}  # noqa: F811
KOLLEGA_RECOMMENDER = {**KOLLEGA_RECOMMENDER, "ENCODER": "hashing"}
# Tests read pages as they are computed; tests/core/test_page_cache.py turns the page cache on.
KOLLEGA_PAGE_CACHE_SECONDS = 0
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
