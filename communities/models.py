"""People, learning communities, memberships and collaboration projects."""

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import PAGE_TRANSLATED

from .api_fields import ForViewer
from .choices import (
    CommunityScope,
    Discoverability,
    MembershipRole,
    MembershipStatus,
    PartnerRequestKind,
    PartnerRequestStatus,
    ProjectStatus,
    Visibility,
)
from .managers import CommunityPageManager, MembershipQuerySet, PersonQuerySet, ProjectPageManager


class PersonInterest(TaggedItemBase):
    content_object = ParentalKey("communities.Person", related_name="tagged_items", on_delete=models.CASCADE)


class Person(index.Indexed, ClusterableModel):
    """A teacher's or stakeholder's profile. Not translated: people write it in their own words."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name=_("user account"),
    )
    display_name = models.CharField(_("display name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    school = models.CharField(_("school or organisation"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    languages = ParentalManyToManyField("vocabularies.Language", blank=True, verbose_name=_("languages spoken"))
    subjects = ParentalManyToManyField("vocabularies.Subject", blank=True, verbose_name=_("subjects taught"))
    levels = ParentalManyToManyField("vocabularies.EducationLevel", blank=True, verbose_name=_("levels taught"))
    interests = ClusterTaggableManager(through=PersonInterest, blank=True, verbose_name=_("interests"))
    bio = models.TextField(_("short bio"), blank=True, max_length=2000)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    open_to_collaboration = models.BooleanField(_("open to collaboration"), default=False)
    discoverability = models.CharField(
        _("who can find me"),
        max_length=16,
        choices=Discoverability.choices,
        default=Discoverability.NOBODY,
        help_text=_("Who may see your profile and find you in suggestions. The default is the most private."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the account was deleted: the profile stays only so that the
    # person's published work keeps a (generic) credit.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()
    # A profile is encoded from its own words; recommender/ adds the person's materials.
    embedding_fields = ["bio"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("display_name"),
                FieldPanel("slug"),
                FieldPanel("user"),
                FieldPanel("photo"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("school"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("interests"),
                FieldPanel("bio"),
            ],
            heading=_("Work"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("open_to_collaboration"),
                FieldPanel("discoverability"),
            ],
            heading=_("Privacy and collaboration"),
        ),
    ]

    search_fields = [
        index.SearchField("display_name", boost=3),
        index.AutocompleteField("display_name"),
        index.SearchField("school"),
        index.SearchField("region"),
        index.SearchField("bio"),
        index.FilterField("discoverability"),
        index.FilterField("country"),
    ]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.display_name, allow_unicode=False)[:120] or "person"
        slug, n = base, 2
        while Person.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def get_absolute_url(self):
        return reverse("communities:person", kwargs={"slug": self.slug})

    @property
    def has_account(self):
        return self.user_id is not None

    @property
    def preferred_language(self):
        """The first site language the person speaks (e-mails are written in it), or None."""
        site_languages = {code for code, _name in settings.LANGUAGES}
        for code in self.languages.values_list("code", flat=True):
            if code in site_languages:
                return code
        return None

    @property
    def is_former_member(self):
        return self.anonymised_at is not None

    @property
    def public_name(self):
        """The name to credit: a translated generic name once the account is gone."""
        if self.is_former_member:
            return _("Former member")
        return self.display_name

    def active_communities(self):
        return CommunityPage.objects.filter(
            translation_key__in=self.memberships.active().values("community__translation_key")
        )


class CommunityIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["communities.CommunityPage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("community index")

    def get_context(self, request, *args, **kwargs):
        from .privacy import visible_pages

        context = super().get_context(request, *args, **kwargs)
        context["communities"] = visible_pages(request.user, CommunityPage.objects.child_of(self).specific())
        return context


class CommunityPage(Page):
    """A local, regional, national or European learning community led by facilitators.

    Sub-communities are child pages (local under regional under European), so
    the tree is the hierarchy and `parent_community` reads it.
    """

    scope = models.CharField(_("scope"), max_length=16, choices=CommunityScope.choices, default=CommunityScope.REGIONAL)
    country = CountryField(_("country"), blank=True, help_text=_("Empty for European cross-border communities."))
    region = models.CharField(_("region"), max_length=120, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Members-only communities and their materials are hidden from everyone else."),
    )

    objects = CommunityPageManager()
    embedding_fields = ["title", "summary", "description"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("scope"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
            ],
            heading=_("Where"),
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("visibility")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("region"),
        index.FilterField("scope"),
        index.FilterField("country"),
        index.FilterField("visibility"),
    ]
    translatable_fields = PAGE_TRANSLATED + [
        TranslatableField("summary"),
        TranslatableField("description"),
        SynchronizedField("scope"),
        SynchronizedField("country"),
        SynchronizedField("region"),
        SynchronizedField("visibility"),
    ]
    parent_page_types = ["communities.CommunityIndexPage", "communities.CommunityPage"]
    subpage_types = ["communities.CommunityPage", "communities.ProjectPage", "events.EventPage"]

    api_fields = [
        APIField("scope"),
        APIField("country_code"),
        APIField("region"),
        APIField("summary"),
        APIField("description"),
        APIField("visibility"),
        APIField("member_count"),
        # People and pages as the requesting user may see them (communities.privacy).
        APIField("facilitator_names", serializer=ForViewer("facilitator_names_for")),
        APIField("parent_community_id", serializer=ForViewer("parent_community_id_for")),
    ]

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    @property
    def country_code(self):
        return self.country.code or None

    @property
    def parent_community(self):
        parent = self.get_parent()
        return parent.specific if parent and isinstance(parent.specific, CommunityPage) else None

    @property
    def parent_community_id(self):
        parent = self.parent_community
        return parent.pk if parent else None

    def parent_community_id_for(self, viewer):
        from .privacy import visible_page_id

        return visible_page_id(viewer, self.parent_community_id)

    def memberships(self):
        """Memberships of this community in any of its translations."""
        return Membership.objects.filter(community__translation_key=self.translation_key)

    @property
    def member_count(self):
        annotated = getattr(self, "member_count_annotated", None)  # CommunityPage.objects.with_member_counts()
        if annotated is not None:
            return annotated
        return self.memberships().active().values("person").distinct().count()

    def facilitators(self):
        return Person.objects.filter(pk__in=self.memberships().active().facilitators().values("person"))

    def members(self):
        return Person.objects.filter(pk__in=self.memberships().active().values("person"))

    def facilitators_visible_to(self, viewer):
        from .privacy import visible_people

        return visible_people(viewer, self.facilitators())

    def facilitator_names_for(self, viewer):
        return list(self.facilitators_visible_to(viewer).values_list("display_name", flat=True))

    def sub_communities(self):
        return CommunityPage.objects.child_of(self).live()

    def get_context(self, request, *args, **kwargs):
        from .privacy import visible_pages, visible_people

        context = super().get_context(request, *args, **kwargs)
        viewer = request.user
        context["facilitators"] = self.facilitators_visible_to(viewer)
        context["members"] = visible_people(viewer, self.members())[:48]
        context["hidden_member_count"] = self.member_count - visible_people(viewer, self.members()).count()
        context["sub_communities"] = visible_pages(viewer, self.sub_communities().with_member_counts())
        context["projects"] = visible_pages(viewer, ProjectPage.objects.child_of(self).specific())
        context.update(self.viewer_state(viewer))
        return context

    def viewer_state(self, viewer):
        """What the signed-in viewer may do here: join, wait, leave, facilitate."""
        from .participation import can_moderate, membership_of
        from .privacy import viewer_person

        me = viewer_person(viewer)
        membership = membership_of(me, self)
        facilitating = me is not None and can_moderate(viewer, me, self)
        return {
            "viewer_person": me,
            "viewer_membership": membership,
            "viewer_is_member": membership is not None and membership.status == MembershipStatus.ACTIVE,
            "viewer_is_pending": membership is not None and membership.status == MembershipStatus.REQUESTED,
            "viewer_facilitates": facilitating,
            "pending_request_count": self.memberships().requested().count() if facilitating else 0,
        }


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person"))
    community = models.ForeignKey(
        CommunityPage,
        on_delete=models.CASCADE,
        related_name="membership_set",
        verbose_name=_("community"),
    )
    role = models.CharField(_("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    status = models.CharField(
        _("status"), max_length=16, choices=MembershipStatus.choices, default=MembershipStatus.REQUESTED
    )
    since = models.DateField(_("since"), default=timezone.localdate)
    # A pending request: the teacher's note to the facilitators, and when the
    # reminders went out (facilitators after 3 days, editors after 7).
    message = models.TextField(_("message to the facilitators"), max_length=1000, blank=True)
    message_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MembershipQuerySet.as_manager()

    panels = [
        FieldPanel("person"),
        FieldPanel("community"),
        FieldPanel("role"),
        FieldPanel("status"),
        FieldPanel("since"),
    ]

    class Meta:
        unique_together = [("person", "community")]
        ordering = ["community", "role", "person"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.person} – {self.community} ({self.get_role_display()}, {self.get_status_display()})"


def project_status(stored, start_date, end_date, today):
    """The status a project has on `today`: the explicit one, else from its dates.

    Planned before the start date, completed from the day after the end date,
    ongoing in between (and when there are no dates). The SQL twin of this rule
    is ProjectPageQuerySet.completed_on(); tests check that both agree.
    """
    if stored != ProjectStatus.AUTOMATIC:
        return stored
    if end_date and end_date < today:
        return ProjectStatus.COMPLETED
    if start_date and start_date > today:
        return ProjectStatus.PLANNED
    return ProjectStatus.ONGOING


class ProjectPage(Page):
    """A collaboration project run inside a community, as in eTwinning or Erasmus+ school partnerships.

    Its outputs are the resources whose `project` points here (resources
    depend on communities, never the other way round).
    """

    theme = models.CharField(_("theme"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProjectStatus.choices,
        default=ProjectStatus.AUTOMATIC,
        help_text=_(
            "Automatic follows the start and end dates. Choose a status only to override them, "
            "for example for a project that ended early."
        ),
    )
    looking_for_partners = models.BooleanField(
        _("looking for partners"),
        default=False,
        help_text=_("Shown until the project is completed."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    embedding_fields = ["title", "theme", "summary", "description"]

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("looking_for_partners"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Status"),
        ),
        InlinePanel("partners", label=_("Partners"), heading=_("Partner people and schools")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("theme", boost=2),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.FilterField("looking_for_partners"),
    ]
    translatable_fields = PAGE_TRANSLATED + [
        TranslatableField("theme"),
        TranslatableField("summary"),
        TranslatableField("description"),
        SynchronizedField("status"),
        SynchronizedField("looking_for_partners"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("partners"),
    ]
    parent_page_types = ["communities.CommunityPage"]
    subpage_types = ["events.EventPage"]
    api_fields = [
        APIField("theme"),
        APIField("summary"),
        APIField("description"),
        # What the page shows today, not the stored setting (see current_status).
        APIField("status", serializer=serializers.CharField(source="current_status", read_only=True)),
        APIField(
            "looking_for_partners",
            serializer=serializers.BooleanField(source="is_looking_for_partners", read_only=True),
        ),
        APIField("start_date"),
        APIField("end_date"),
        # People and pages as the requesting user may see them (communities.privacy).
        APIField("partner_list", serializer=ForViewer("partner_list_for")),
        APIField("community_id", serializer=ForViewer("community_id_for")),
    ]

    objects = ProjectPageManager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def status_on(self, today):
        return project_status(self.status, self.start_date, self.end_date, today)

    @property
    def current_status(self):
        """Planned, ongoing or completed today (in the site's time zone)."""
        return self.status_on(timezone.localdate())

    @property
    def current_status_label(self):
        return ProjectStatus(self.current_status).label

    def looking_for_partners_on(self, today):
        """The project asks for partners only until it is completed."""
        return self.looking_for_partners and self.status_on(today) != ProjectStatus.COMPLETED

    @property
    def is_looking_for_partners(self):
        """The one "looking for partners" signal: the page, the recommender and the API read it."""
        return self.looking_for_partners_on(timezone.localdate())

    @property
    def community(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    @property
    def community_id(self):
        return self.get_parent().pk

    def community_id_for(self, viewer):
        from .privacy import visible_page_id

        return visible_page_id(viewer, self.community_id)

    def partners_visible_to(self, viewer):
        """Partner rows the viewer may see: schools named without a person, and people the viewer may see."""
        from .privacy import visible_partners

        return visible_partners(viewer, self.partners.all())

    def partner_list_for(self, viewer):
        return [
            {"person": p.person.display_name if p.person else None, "school": p.school, "country": str(p.country)}
            for p in self.partners_visible_to(viewer)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["visible_partners"] = self.partners_visible_to(request.user)
        from .participation import can_manage_project
        from .privacy import viewer_person

        me = viewer_person(request.user)
        context["viewer_manages_project"] = me is not None and can_manage_project(request.user, me, self)
        context["viewer_partner_request"] = (
            self.partner_requests.filter(
                person=me, status=PartnerRequestStatus.PENDING, kind=PartnerRequestKind.ASKED
            ).first()
            if me is not None and not context["viewer_manages_project"]
            else None
        )
        return context


class ProjectPartner(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_partnerships",
        verbose_name=_("person"),
    )
    school = models.CharField(_("school"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)

    panels = [FieldPanel("person"), FieldPanel("school"), FieldPanel("country")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


def _invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """A facilitator's (or project partner's) invitation of an e-mail address into a community.

    The invitation is for its address: only an account with that e-mail
    address (or a new account made from the link, which confirms it) accepts
    it. Only facilitators admit members: a partner's invitation from someone
    who does not facilitate the community makes the invitee a partner of the
    project, and the facilitators decide on the membership
    (participation.invitation_admits).
    """

    VALID_FOR = timedelta(days=30)

    email = models.EmailField(_("e-mail address"))
    community = models.ForeignKey(
        CommunityPage,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("community"),
    )
    project = models.ForeignKey(
        ProjectPage,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("project"),
    )
    invited_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.community}"

    @property
    def is_open(self):
        return self.accepted_at is None and self.created_at > timezone.now() - self.VALID_FOR


class PartnerRequest(models.Model):
    """Becoming a project partner takes a yes from the other side.

    A teacher asks to join a project that looks for partners (ASKED: the
    project's owner or the community's facilitators answer), or someone on the
    project invites a teacher (INVITED: the teacher answers). Until the answer
    is yes the person is listed nowhere as a partner.
    """

    project = models.ForeignKey(
        ProjectPage, on_delete=models.CASCADE, related_name="partner_requests", verbose_name=_("project")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="partner_requests", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PartnerRequestKind.choices)
    sent_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("sent by")
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PartnerRequestStatus.choices, default=PartnerRequestStatus.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("answered by")
    )
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "person"],
                condition=models.Q(status="pending"),
                name="one_pending_partner_request",
            )
        ]
        verbose_name = _("partner request")
        verbose_name_plural = _("partner requests")

    def __str__(self):
        return f"{self.person} → {self.project} ({self.get_kind_display()}, {self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status == PartnerRequestStatus.PENDING
