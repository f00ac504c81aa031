"""Production: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403


def env(name, default=None, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]
# The public address every e-mail link is built from; start-up refuses an unset or plain-http one
# (core/checks.py, run by migrate and the task worker before the site starts).
KOLLEGA_BASE_URL = env("KOLLEGA_BASE_URL", "").rstrip("/")
KOLLEGA_BASE_URL_REQUIRE_HTTPS = True
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = KOLLEGA_BASE_URL

# One cache shared by every process (sign-in throttle, recommender index version, cached lists):
# Redis when REDIS_URL is set, riding out its outages as misses; otherwise the database cache,
# whose table every `migrate` creates (core/cache.py).
from core.cache import production_caches  # noqa: E402

CACHES = production_caches(env("REDIS_URL"))

if env("ELASTICSEARCH_URL"):
    # Wagtail's elasticsearch9 backend: "default" plus one index and analyzer
    # per language (search/elasticsearch_config.py, search/backends/elasticsearch.py).
    from search.elasticsearch_config import elasticsearch_backends

    WAGTAILSEARCH_BACKENDS = elasticsearch_backends(
        env("ELASTICSEARCH_URL"),
        index_prefix=env("ELASTICSEARCH_INDEX", "kollega"),
        timeout=5,
    )

    # The recommender's vectors in Elasticsearch too (dense_vector kNN).
    KOLLEGA_RECOMMENDER = {
        **KOLLEGA_RECOMMENDER,  # noqa: F405
        "INDEX": "elasticsearch",
        "INDEXES": {
            **KOLLEGA_RECOMMENDER["INDEXES"],  # noqa: F405
            "elasticsearch": {
                "BACKEND": "recommender.indexes.elasticsearch.ElasticsearchIndex",
                "URLS": [env("ELASTICSEARCH_URL")],
                "INDEX_NAME": env("ELASTICSEARCH_VECTOR_INDEX", "kollega-vectors"),
                "DIMENSIONS": 384,
            },
        },
    }

# Background work runs in a separate worker (manage.py db_worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Every e-mail waits in the task queue (core/mail.py); the worker delivers it, retrying when the
# mail server is down, so that no request fails or waits because of SMTP.
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
KOLLEGA_EMAIL_DELIVERY_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# deploy/ puts nginx in front: REMOTE_ADDR is nginx for everyone, the last X-Forwarded-For entry
# the client. Set 0 when clients reach gunicorn directly (the header is then theirs to forge).
KOLLEGA_TRUSTED_PROXY_HOPS = int(env("KOLLEGA_TRUSTED_PROXY_HOPS", "1"))
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy and Permissions-Policy (site/kollega/security.py), first of all, around
# Django's SecurityMiddleware, so that every response, its HTTPS redirects included, has them.
MIDDLEWARE = ["kollega.security.SecurityHeadersMiddleware", *MIDDLEWARE]  # noqa: F405

# Machine translation for editors: DeepL or LibreTranslate (see README).
if env("DEEPL_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_KEY")},
    }
elif env("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL"), "API_KEY": env("LIBRETRANSLATE_KEY", "")},
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
