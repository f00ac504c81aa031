"""Shared teaching materials and the Facilitator Curriculum."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.blocks import CharBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from communities.api_fields import ForViewer
from core.content_cache import cached
from core.pages import PAGE_TRANSLATED
from vocabularies.languages import LANGUAGE_CHOICES, LANGUAGE_NAMES
from vocabularies.licences import DEFAULT_LICENCE, LICENCE_CHOICES, get_licence

from .blocks import BodyBlock
from .managers import ResourcePageManager


class ResourceIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["resources.ResourcePage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    api_fields = [APIField("intro")]
    translatable_fields = PAGE_TRANSLATED + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("resource index")

    def route(self, request, path_components):
        """A material's page in one query (its page and material rows together).

        Wagtail's route reads the child as a Page, then again as its specific type; a child that
        is not a material (none may be added here) or no child at all goes Wagtail's way.
        """
        if path_components:
            material = ResourcePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if material is not None:
                material._cached_parent_obj = self  # as Wagtail does: get_parent() without a query
                return material.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from communities.privacy import visible_pages

        context = super().get_context(request, *args, **kwargs)
        resources = visible_pages(request.user, ResourcePage.objects.child_of(self)).order_by("-first_published_at")
        context["resources"] = Paginator(resources, 24).get_page(request.GET.get("page"))
        return context


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey("resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE)


class ContributorRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    ADAPTER = "adapter", _("Adapter")
    TRANSLATOR = "translator", _("Translator")


class ResourcePage(Page):
    """A teaching material shared by teachers: a lesson plan, worksheet, presentation, ..."""

    summary = models.TextField(
        _("summary"), max_length=1000, help_text=_("Two or three sentences for lists and search results.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    subjects = ParentalManyToManyField(
        "vocabularies.Subject", blank=True, related_name="resources", verbose_name=_("subjects")
    )
    levels = ParentalManyToManyField(
        "vocabularies.EducationLevel", blank=True, related_name="resources", verbose_name=_("education levels")
    )
    resource_type = models.ForeignKey(
        "vocabularies.ResourceType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        verbose_name=_("resource type"),
    )
    material_language = models.CharField(
        _("language of the material"), max_length=8, choices=LANGUAGE_CHOICES, default="en"
    )
    licence = models.CharField(_("licence"), max_length=120, choices=LICENCE_CHOICES, default=DEFAULT_LICENCE)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    tags = ClusterTaggableManager(through=ResourceTag, blank=True, verbose_name=_("tags"))
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        verbose_name=_("based on"),
        help_text=_("The material this one was adapted from."),
    )
    community = models.ForeignKey(
        "communities.CommunityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        verbose_name=_("owning community"),
    )
    project = models.ForeignKey(
        "communities.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outputs",
        verbose_name=_("project"),
        help_text=_("The collaboration project this material came out of."),
    )
    external_id = models.CharField(
        _("external id"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_("Identifier in the collection this material was imported from."),
    )

    objects = ResourcePageManager()
    # What the recommender encodes (read by recommender/documents.py, checked at start-up).
    embedding_fields = ["title", "summary", "body"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachment"), heading=_("Attachments")),
    ]
    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("resource_type"),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("material_language"), FieldPanel("duration_minutes")]),
                FieldPanel("licence"),
            ],
            heading=_("Use"),
        ),
        InlinePanel("contributors", label=_("Contributor"), heading=_("Contributors")),
        MultiFieldPanel(
            [
                PageChooserPanel("based_on", "resources.ResourcePage"),
                PageChooserPanel("community", "communities.CommunityPage"),
                PageChooserPanel("project", "communities.ProjectPage"),
                FieldPanel("external_id", read_only=True),
            ],
            heading=_("Lineage and community"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(metadata_panels, heading=_("Metadata")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("subjects", [index.SearchField("name")]),
        index.FilterField("material_language"),
        index.FilterField("licence"),
        index.FilterField("resource_type"),
        index.FilterField("community"),
        index.FilterField("first_published_at"),
    ]

    # external_id is deliberately absent: each translation keeps the id it was imported under.
    translatable_fields = PAGE_TRANSLATED + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("subjects"),
        SynchronizedField("levels"),
        SynchronizedField("resource_type"),
        SynchronizedField("licence"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("tags"),
        # Authors and adapters follow the source; translator credits stay on each
        # translation (see copy_child_relation below).
        SynchronizedField("contributors"),
        SynchronizedField("attachments"),
        SynchronizedField("based_on"),
        SynchronizedField("community"),
        SynchronizedField("project"),
        # material_language is deliberately neither: a translation is written in its
        # own language (set in copy_for_translation) and keeps it on every update.
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    api_fields = [
        APIField("summary"),
        APIField("material_language"),
        APIField("subject_list"),
        APIField("level_list"),
        APIField("resource_type_name"),
        APIField("licence"),
        APIField("duration_minutes"),
        APIField("tag_list"),
        # People and pages as the requesting user may see them (communities.privacy).
        APIField("contributor_list", serializer=ForViewer("contributor_list_for")),
        APIField("based_on_id", serializer=ForViewer("based_on_id_for")),
        APIField("community_id", serializer=ForViewer("community_id_for")),
        APIField("project_id", serializer=ForViewer("project_id_for")),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    # -- translation ---------------------------------------------------------

    def copy_for_translation(self, locale, copy_parents=False, alias=False, exclude_fields=None):
        """A new translation starts out written in its locale's language, not the source's."""
        copy = super().copy_for_translation(
            locale, copy_parents=copy_parents, alias=alias, exclude_fields=exclude_fields
        )
        if not alias and locale.language_code in LANGUAGE_NAMES and copy.material_language != locale.language_code:
            copy.material_language = locale.language_code
            copy.save(update_fields=["material_language"], clean=False)
        return copy

    def copy_child_relation(self, child_relation, target, commit=False, append=False):
        """Synchronise contributors into a translation without touching its translator credits.

        wagtail-localize replaces a synchronised child relation wholesale. The
        people who translated a page are credited on that translation only:
        the target keeps its own translator rows and does not receive the
        source's (a source may itself be a translation of a third page).
        """
        name = child_relation if isinstance(child_relation, str) else child_relation.get_accessor_name()
        is_translation = (
            name == "contributors"
            and isinstance(target, ResourcePage)
            and target.translation_key == self.translation_key
            and target.locale_id != self.locale_id
        )
        if not is_translation:
            return super().copy_child_relation(child_relation, target, commit=commit, append=append)
        own_translators = [c for c in target.contributors.all() if c.role == ContributorRole.TRANSLATOR]
        copied = super().copy_child_relation(child_relation, target, commit=False, append=append)
        synced = [c for c in target.contributors.all() if c.role != ContributorRole.TRANSLATOR]
        for order, contributor in enumerate(synced + own_translators):
            contributor.sort_order = order
        target.contributors = synced + own_translators
        if commit:
            target.contributors.commit()
        return copied

    # -- metadata read by templates, the API and the recommender ----------

    @property
    def licence_info(self):
        return get_licence(self.licence)

    @property
    def material_language_name(self):
        return LANGUAGE_NAMES.get(self.material_language, self.material_language)

    @property
    def subject_list(self):
        return [s.slug for s in self.subjects.all()]

    @property
    def level_list(self):
        return [level.code for level in self.levels.all()]

    @property
    def resource_type_name(self):
        return self.resource_type.slug if self.resource_type else None

    @property
    def tag_list(self):
        return [t.name for t in self.tags.all()]

    def credited_contributors(self, viewer, rows=None):
        """The contributor rows credited to this viewer, in order: the page and the API show these.

        People the viewer may see (communities.privacy), and former members
        (deleted accounts) under their generic name; everyone else is left out.
        """
        from communities.models import Person
        from communities.privacy import visible_people

        # `rows`: the page's contributor rows with their people, when the caller has read them already.
        rows = self.contributor_rows() if rows is None else rows
        visible = set(
            visible_people(viewer, Person.objects.filter(pk__in=[c.person_id for c in rows])).values_list(
                "pk", flat=True
            )
        )
        return [c for c in rows if c.person.is_former_member or c.person_id in visible]

    def contributor_rows(self, remember=False):
        """The contributor rows with their people. A page view reads them once (`remember`, in
        get_context) and what it renders afterwards (credits, "is this my material?") reuses them."""
        rows = self.__dict__.get("_contributor_rows")
        if rows is None:
            rows = list(self.contributors.select_related("person"))
            if remember:
                self.__dict__["_contributor_rows"] = rows
        return rows

    def contributor_list_for(self, viewer):
        return [
            {
                "name": str(c.person.public_name),
                "role": c.role,
                "country": None if c.person.is_former_member else (c.person.country.code or None),
            }
            for c in self.credited_contributors(viewer)
        ]

    def based_on_visible_to(self, viewer):
        """The material this one adapts, when the viewer may open it."""
        from communities.privacy import visible_page_id

        return self.based_on if visible_page_id(viewer, self.based_on_id) else None

    def based_on_id_for(self, viewer):
        from communities.privacy import visible_page_id

        return visible_page_id(viewer, self.based_on_id)

    def community_id_for(self, viewer):
        from communities.privacy import visible_page_id

        return visible_page_id(viewer, self.community_id)

    def project_id_for(self, viewer):
        from communities.privacy import visible_page_id

        return visible_page_id(viewer, self.project_id)

    def contributor_people(self):
        from communities.models import Person

        return Person.objects.filter(resource_contributions__page=self).distinct()

    def adaptations_visible_to(self, viewer):
        from communities.privacy import visible_pages

        return visible_pages(viewer, ResourcePage.objects.adaptations_of(self))

    def get_context(self, request, *args, **kwargs):
        from communities.privacy import visible_among, visible_translations

        context = super().get_context(request, *args, **kwargs)
        viewer = request.user
        # Former members (deleted accounts) stay credited under a generic name, without a profile link.
        rows = self.contributor_rows(remember=True)
        context["credited"] = self.credited_contributors(viewer, rows)
        context["hidden_contributor_count"] = len(rows) - len(context["credited"])
        context["based_on"] = self.based_on_visible_to(viewer)
        # Published content, cached; what the viewer may open is decided by communities.privacy.
        context["adaptations"] = visible_among(
            viewer,
            cached(
                "adaptations",
                (self.translation_key,),
                lambda: list(ResourcePage.objects.adaptations_of(self).live().defer_streamfields()),
            ),
        )
        context["visible_community"] = self._linked_page(viewer, "communities.CommunityPage", self.community_id)
        context["visible_project"] = self._linked_page(viewer, "communities.ProjectPage", self.project_id)
        context["translations"] = visible_translations(viewer, self)
        context["translators"] = [c for c in context["credited"] if c.role == ContributorRole.TRANSLATOR]
        if getattr(request, "is_preview", False):
            context["facts"] = self.about_facts()  # a draft: its own attachments and vocabulary
        else:
            language = translation.get_language()
            context["facts"] = cached("material-facts", (self.pk, language), self.about_facts)
        return context

    @staticmethod
    def _linked_page(viewer, model_label, pk):
        """The page `pk` of `model_label` (this material's community or project) when the viewer may open it."""
        from django.apps import apps

        from communities.privacy import visible_among

        if pk is None:
            return None
        model = apps.get_model(model_label)
        rows = cached("linked-page", (model_label, pk), lambda: list(model.objects.filter(pk=pk).defer_streamfields()))
        visible = visible_among(viewer, rows)
        return visible[0] if visible else None

    def about_facts(self):
        """What the page says about the material (attachments, vocabulary, tags) in the active language.

        The same for every viewer who may open the page, so the live page's are cached until
        content changes (core.content_cache); previews compute them from the draft.
        """
        return {
            "attachments": [
                {"url": a.document.url, "title": a.document.title, "extension": a.document.file_extension}
                for a in self.attachments.all()
            ],
            "subjects": [s.label for s in self.subjects.all()],
            "levels": [str(level) for level in self.levels.all()],
            "resource_type": self.resource_type.label if self.resource_type_id else None,
            "tags": [t.name for t in self.tags.all()],
        }


class ResourceContributor(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="contributors")
    person = models.ForeignKey(
        "communities.Person",
        on_delete=models.CASCADE,
        related_name="resource_contributions",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=16, choices=ContributorRole.choices, default=ContributorRole.AUTHOR)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")


class ResourceAttachment(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


# -- The Facilitator Curriculum ---------------------------------------------


class CurriculumPage(Page):
    """The Learning Community Facilitator Curriculum (later a standard Erasmus+ KA1 workshop)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["resources.CurriculumUnitPage"]
    parent_page_types = ["home.HomePage"]
    api_fields = [APIField("intro")]
    translatable_fields = PAGE_TRANSLATED + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("curriculum")

    def get_context(self, request, *args, **kwargs):
        from communities.privacy import visible_pages

        context = super().get_context(request, *args, **kwargs)
        context["units"] = (
            visible_pages(request.user, CurriculumUnitPage.objects.child_of(self)).specific().order_by("number")
        )
        return context


class CompetenceTag(TaggedItemBase):
    content_object = ParentalKey("resources.CurriculumUnitPage", related_name="tagged_items", on_delete=models.CASCADE)


class CurriculumUnitPage(Page):
    number = models.PositiveSmallIntegerField(_("unit number"))
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    learning_outcomes = StreamField(
        [("outcome", CharBlock(label=_("learning outcome")))],
        blank=True,
        verbose_name=_("learning outcomes"),
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    activities = StreamField(BodyBlock(), blank=True, verbose_name=_("activities"))
    competences = ClusterTaggableManager(through=CompetenceTag, blank=True, verbose_name=_("competence tags"))
    # A unit that asks for a reflection is completed when the trainer accepts the learner's text (learning/).
    asks_reflection = models.BooleanField(_("asks for a reflection"), default=False)
    reflection_prompt = models.TextField(_("reflection prompt"), max_length=2000, blank=True)

    embedding_fields = ["title", "summary", "learning_outcomes", "activities"]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("duration_minutes")]),
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        FieldPanel("activities"),
        FieldPanel("competences"),
        MultiFieldPanel([FieldPanel("asks_reflection"), FieldPanel("reflection_prompt")], heading=_("Reflection")),
        InlinePanel("linked_resources", label=_("Resource"), heading=_("Linked resources")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("learning_outcomes"),
        index.SearchField("activities"),
        index.FilterField("number"),
    ]
    translatable_fields = PAGE_TRANSLATED + [
        TranslatableField("summary"),
        TranslatableField("learning_outcomes"),
        TranslatableField("activities"),
        TranslatableField("reflection_prompt"),
        SynchronizedField("number"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("asks_reflection"),
        SynchronizedField("competences"),
        SynchronizedField("linked_resources"),
    ]
    parent_page_types = ["resources.CurriculumPage"]
    subpage_types = []
    api_fields = [
        APIField("number"),
        APIField("summary"),
        APIField("learning_outcomes"),
        APIField("duration_minutes"),
        APIField("activities"),
        APIField("competence_list"),
        APIField("linked_resource_ids", serializer=ForViewer("linked_resource_ids_for")),
    ]

    class Meta:
        verbose_name = _("curriculum unit")
        verbose_name_plural = _("curriculum units")
        ordering = ["number"]

    @property
    def competence_list(self):
        return [t.name for t in self.competences.all()]

    def linked_resources_visible_to(self, viewer):
        """The linked materials the viewer may open (a queryset)."""
        from communities.privacy import visible_pages

        ids = [link.resource_id for link in self.linked_resources.all()]
        return visible_pages(viewer, ResourcePage.objects.filter(pk__in=ids))

    def linked_resource_ids_for(self, viewer):
        visible = set(self.linked_resources_visible_to(viewer).values_list("pk", flat=True))
        return [link.resource_id for link in self.linked_resources.all() if link.resource_id in visible]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = self.linked_resources_visible_to(request.user)
        # Show each linked material in the reader's language when a translation exists.
        context["resources"] = [r.localized for r in resources]
        return context


class CurriculumUnitResource(Orderable):
    unit = ParentalKey(CurriculumUnitPage, on_delete=models.CASCADE, related_name="linked_resources")
    resource = models.ForeignKey(
        ResourcePage, on_delete=models.CASCADE, related_name="curriculum_links", verbose_name=_("resource")
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("linked resource")
