"""Small page helpers several apps need: a free slug, a locale's index page, one page per translation group."""

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale
from wagtail_localize.fields import TranslatableField

MAX_SLUG = 200

# The fields of wagtail's Page that every translatable page type of ours translates.
PAGE_TRANSLATED = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


def slug_base(title, fallback="page"):
    """The slug a title asks for: never blank (a title of punctuation or emoji only gives `fallback`)."""
    return slugify(title or "", allow_unicode=True)[:MAX_SLUG].strip("-") or slugify(fallback) or "page"


def available_slug(parent, title, fallback="page", ignore_page_id=None):
    """A slug for a new child of `parent` from its title, never blank, free among its siblings.

    A title of punctuation or emoji only ("!!!", "🙂") slugifies to nothing: `fallback` stands in.
    Wagtail's find_available_slug numbers it when taken ("water", "water-1", ...).
    """
    return find_available_slug(parent, slug_base(title, fallback), ignore_page_id=ignore_page_id)


def index_page_for(model, language_code):
    """The first page of `model` (an index page type) in the locale of `language_code`, or None."""
    return model.objects.filter(locale__language_code=language_code).order_by("pk").first()


def one_per_translation(pages, prefer_locale=None):
    """Collapse a translation group to one page, in the order first seen.

    The page in `prefer_locale` (default: the active locale) wins over an earlier one of its
    group; pass the pages already filtered to what the viewer may see.
    """
    preferred = prefer_locale.pk if prefer_locale is not None else active_locale_id()
    chosen = {}
    for page in pages:
        if page.translation_key not in chosen or page.locale_id == preferred:
            chosen[page.translation_key] = page
    return list(chosen.values())


def _locale_ids():
    from .content_cache import cached

    return cached("locale-ids", (), lambda: dict(Locale.objects.values_list("language_code", "pk")))


def active_locale_id():
    """The pk of the active language's Locale, as Locale.get_active() but from the cached list of locales."""
    from django.conf import settings
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    ids = _locale_ids()
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = settings.LANGUAGE_CODE
    if code in ids:
        return ids[code]
    return Locale.get_active().pk


def active_locale():
    """The active language's Locale, as Locale.get_active(), kept in the content cache."""
    from .content_cache import cached

    pk = active_locale_id()
    return cached("locale", (pk,), lambda: Locale.objects.get(pk=pk))
