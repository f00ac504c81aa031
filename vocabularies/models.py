"""Controlled vocabularies shared by materials and people.

Subjects and resource types are translatable snippets (editors translate
their names with wagtail-localize). Education levels (ISCED 2011) and
languages are fixed lists whose names are translated in the interface.
Every page in every locale points at the default-locale vocabulary entry;
templates show `entry.localized` so that a Swedish page reads "Biologi".
"""

import contextvars

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .languages import LANGUAGE_CHOICES, LANGUAGE_NAMES
from .levels import ISCED_LEVELS, ISCED_NAMES


class VocabularyQuerySet(models.QuerySet):
    def canonical(self):
        """Entries in the default locale: the ones pages point at."""
        from wagtail.models import Locale

        return self.filter(locale=Locale.get_default())


class TranslatableVocabulary(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("code"),
        max_length=120,
        help_text=_("A stable code shared by all translations, e.g. 'biology'."),
    )

    objects = VocabularyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the active interface language when a translation exists (as `self.localized.name`).

        Read from one cached {translation key: name} map per vocabulary and language, so a
        list of fifty cards asks the database once, not fifty times (emptied on every change).
        """
        return localized_names(type(self), _active_language())["key"].get(self.translation_key, self.name)

    @classmethod
    def labels_for_slugs(cls, slugs):
        """{slug: name in the active language, else the default one} for the entries with these codes,
        from the same cached maps as `label` (no query once they are cached)."""
        names = localized_names(cls, _active_language())["slug"]
        default = localized_names(cls, settings.LANGUAGE_CODE)["slug"]
        return {slug: names.get(slug) or default[slug] for slug in slugs if slug in names or slug in default}


def _active_language():
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


LABELS_TIMEOUT = 600  # seconds; bounds a change whose cache delete was lost in an outage

# The names read during the current request, {cache key: names}; None outside a request.
# A material page renders a dozen reasons and cards, each asking for the same names: the
# shared cache (a database or Redis round trip in production) is read once per request.
_request_labels = contextvars.ContextVar("vocabulary_labels_this_request", default=None)


def start_request_memo(**kwargs):
    """request_started: names read from now on are kept until the request ends."""
    _request_labels.set({})


def end_request_memo(**kwargs):
    """request_finished: the next request reads the shared cache again."""
    _request_labels.set(None)


def localized_names(model, language):
    """{"key": {translation key: name}, "slug": {slug: name}} of a vocabulary's entries in one language.

    One query per vocabulary and language, then cached until an entry changes (forget_labels);
    within a request, the shared cache is read once per vocabulary and language.
    """
    key = _labels_key(model, language)
    memo = _request_labels.get()
    if memo is not None and key in memo:
        return memo[key]
    names = cache.get(key)
    if names is None:
        rows = list(model.objects.filter(locale__language_code=language).values_list("translation_key", "slug", "name"))
        names = {"key": {k: name for k, _slug, name in rows}, "slug": {slug: name for _k, slug, name in rows}}
        cache.set(key, names, LABELS_TIMEOUT)
    if memo is not None:
        memo[key] = names
    return names


def _labels_key(model, language):
    return f"vocabularies:labels:{model._meta.label_lower}:{language}"


def forget_labels(sender, **kwargs):
    """post_save / post_delete of a vocabulary entry: drop its vocabulary's cached names in every language."""
    keys = [_labels_key(sender, code) for code, _name in settings.LANGUAGES]
    cache.delete_many(keys)
    memo = _request_labels.get()
    if memo is not None:
        for key in keys:
            memo.pop(key, None)  # the rest of this request (an editor's save) shows the new name


class Subject(TranslatableVocabulary):
    class Meta(TranslatableVocabulary.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class ResourceType(TranslatableVocabulary):
    class Meta(TranslatableVocabulary.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class EducationLevel(models.Model):
    """An ISCED 2011 level; the rows are created by a migration and never edited."""

    code = models.PositiveSmallIntegerField(_("ISCED level"), choices=ISCED_LEVELS, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("education level")
        verbose_name_plural = _("education levels")

    def __str__(self):
        return str(ISCED_NAMES[self.code])

    @property
    def short_label(self):
        return f"ISCED {self.code}"


class Language(models.Model):
    """A language a material is written in or a person speaks (ISO 639-1)."""

    code = models.CharField(_("code"), max_length=8, choices=LANGUAGE_CHOICES, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return str(LANGUAGE_NAMES.get(self.code, self.code))
