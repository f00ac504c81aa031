"""Settings shared by every environment; dev, test and production refine them."""

import os
from pathlib import Path

import dj_database_url

# site/kollega/settings/base.py -> project root is three levels up from settings/
PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/kollega
BASE_DIR = PROJECT_DIR.parent.parent  # repository root
VAR_DIR = Path(os.environ.get("KOLLEGA_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "home",
    "core",
    "vocabularies",
    "communities",
    "accounts",
    "discussions",
    "messaging",
    "learning",
    "events",
    "notifications",
    "resources",
    "recommender",
    "search",
    "networking",
    "contributions",
    "assessment",
    "metadata",
    "translations",  # before wagtail_localize: its PO upload URL takes precedence
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before the session, CSRF and locale middleware: it sees the cookies they set (core/page_cache.py).
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kollega.middleware.KollegaLocaleMiddleware",
    "kollega.middleware.ReaderTimeZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "communities.privacy.PrivacyMemoMiddleware",
    "core.content_cache.ContentCacheMiddleware",
    "core.sites.SiteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kollega.urls"
WSGI_APPLICATION = "kollega.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The embedded default: SQLite in var/; DATABASE_URL switches to PostgreSQL.
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{VAR_DIR / 'kollega.sqlite3'}", conn_max_age=60)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: four interface and content languages, English first.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("sv", "Svenska"),
    ("de", "Deutsch"),
    ("pt", "Português"),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
# No Gravatar in the admin: it would send a hash of every editor's e-mail address to a third
# party on each page (and the content security policy allows images from our own origin only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

WAGTAIL_SITE_NAME = "Kollega"
# The site's public address. Every link in e-mails is built from it (core.urls.absolute_url), and
# Wagtail's admin e-mails and the API's URLs use it too; production requires https (core/checks.py).
KOLLEGA_BASE_URL = os.environ.get("KOLLEGA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
KOLLEGA_BASE_URL_REQUIRE_HTTPS = False
WAGTAILADMIN_BASE_URL = KOLLEGA_BASE_URL
# Who runs the site, for the imprint (/<lang>/imprint/, an "Impressum" a German site must have) and
# the privacy notice. Until they are set, the imprint shows a marked placeholder naming each setting.
KOLLEGA_OPERATOR_NAME = os.environ.get("KOLLEGA_OPERATOR_NAME", "")
# Several lines: separate them with a literal \n in the environment.
KOLLEGA_OPERATOR_ADDRESS = os.environ.get("KOLLEGA_OPERATOR_ADDRESS", "").replace("\\n", "\n")
KOLLEGA_CONTACT_EMAIL = os.environ.get("KOLLEGA_CONTACT_EMAIL", "")
# The database backend, with a text-search configuration per locale on
# PostgreSQL (search/backends/database.py); SQLite keeps its embedded FTS5.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "odt",
    "ods",
    "odp",
    "docx",
    "xlsx",
    "pptx",
    "txt",
    "csv",
    "zip",
    "epub",
    # Teachers attach pictures to materials as documents (contributions/uploads.py checks the bytes).
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
]
# Every file goes through Wagtail's view, which asks communities.privacy who may have it
# (never a redirect to /media/, which nginx refuses for documents), and is sent as a download
# with X-Content-Type-Options: nosniff and a "default-src 'none'" policy: nothing a teacher
# uploads opens inside our origin (a PDF that is also an HTML page stays a file).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# The largest file a teacher may attach to a material.
KOLLEGA_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Profile photos (accounts/photos.py): the largest upload accepted, and the longer side in
# pixels of the picture kept (resized and re-encoded without its EXIF data).
KOLLEGA_PROFILE_PHOTO_MAX_BYTES = 5 * 1024 * 1024
KOLLEGA_PROFILE_PHOTO_SIZE = 800
# Facilitators approve materials without holding the publish permission (contributions/finish.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "contributions.finish.publish_approved"
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed"}]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 500

# Open metadata (metadata/): the OAI-PMH endpoint at /oai/. The repository identifier is the
# domain part of record identifiers (oai:<it>:resource/<translation key>/<locale>).
KOLLEGA_OAI_REPOSITORY_IDENTIFIER = os.environ.get("KOLLEGA_OAI_REPOSITORY_IDENTIFIER", "kollega.example")
KOLLEGA_OAI_ADMIN_EMAILS = [os.environ.get("KOLLEGA_OAI_ADMIN_EMAIL", "no-reply@kollega.example")]
# Records per ListRecords / ListIdentifiers response, and how long a resumption token stays valid.
KOLLEGA_OAI_PAGE_SIZE = 50
KOLLEGA_OAI_TOKEN_MAX_AGE = 24 * 3600

# wagtail-localize: the dummy translator everywhere but production.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
# A new translation starts as a draft, whatever the source's state: wagtail-localize would
# otherwise publish it at once (untranslated text under the new language's address). A person
# publishes it from the translation editor ("Publish in ..."); a sync without "Publish immediately"
# publishes nothing either.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Background work (recommendation updates, e-mail) through django-tasks,
# which Wagtail 8 uses too. The database backend needs a worker process
# (manage.py db_worker, from django-tasks-db); dev and test run tasks
# immediately.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kollega",
        # The content cache keeps one entry per suggested material (core.content_cache.cached_many):
        # at Django's default of 300 a few page views culled a third of it.
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}

# Models load from installed packages or local paths; the site never downloads
# weights at run time (set HF_HUB_OFFLINE=0 to allow a hub where one is reachable).
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# Whole pages for visitors without a session, until the content changes or this many seconds
# (core/page_cache.py; 0: off), one copy per reader's time zone.
KOLLEGA_PAGE_CACHE_SECONDS = int(os.environ.get("KOLLEGA_PAGE_CACHE_SECONDS", 300))

# The recommender's swappable parts, chosen by alias (see recommender/).
KOLLEGA_RECOMMENDER = {
    "ENCODER": os.environ.get("RECOMMENDER_ENCODER", "default"),
    "INDEX": os.environ.get("RECOMMENDER_INDEX", "default"),
    "SIDEBARS": True,
    # The encoder's threads: one in web processes (a query on two busy cores took 189 ms with two
    # threads, 28-38 ms with one), every core (0) in a full rebuild.
    "ENCODER_THREADS": 1,
    "REBUILD_THREADS": 0,
    # numpy's BLAS threads where the index is searched: one (a 3,000-row scan took 5.7 ms with two
    # threads on two busy cores, 1.1 ms with one).
    "SEARCH_THREADS": 1,
    "ENCODERS": {
        "default": {"BACKEND": "recommender.encoders.e5.E5Encoder"},
        "hashing": {"BACKEND": "recommender.encoders.hashing.HashingEncoder"},
        # Same width as the default model, for benchmarks of the index at scale.
        "hashing384": {"BACKEND": "recommender.encoders.hashing.HashingEncoder", "DIMENSIONS": 384},
        "minilm": {"BACKEND": "recommender.encoders.sentence_transformers.SentenceTransformerEncoder"},
    },
    "INDEXES": {
        # Exact scan below EXACT_BELOW documents of a kind, an 8-bit HNSW graph above (with faiss),
        # an 8-bit inverted file above IVF_ABOVE (250,000); persisted beside a SQLite database
        # file, or in PATH.
        "default": {"BACKEND": "recommender.indexes.embedded.EmbeddedIndex"},
    },
}

# A URL name, so that sign-in links keep the reader's locale prefix (/sv/account/sign-in/);
# Wagtail's members-only pages send visitors there too.
# Reverse proxies in front of the site that append the client's address to X-Forwarded-For;
# the sign-in throttle reads the address the outermost one saw (accounts/throttling.py).
# 0: the site is reached directly and REMOTE_ADDR is the client.
KOLLEGA_TRUSTED_PROXY_HOPS = 0

LOGIN_URL = "accounts:sign_in"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Kollega <no-reply@kollega.example>"
# E-mail goes out through the task queue (core/mail.py); a mail server that does not answer
# must not hold a worker forever. A failed delivery is tried again after these delays (seconds).
EMAIL_TIMEOUT = 10
# The facilitators the project promises to train (the learning report: "17 of 24").
KOLLEGA_FACILITATOR_TARGET = 24
KOLLEGA_MAIL_RETRY_DELAYS = (60, 300, 1800, 7200)
