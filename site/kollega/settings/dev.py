"""Local development: DEBUG, console e-mail, SQLite in var/ unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-kollega"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The demo (load_demo, generate_corpus) is for development and tests; production does not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
