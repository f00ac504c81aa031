"""Events of a community or a project: meetings, trainings, workshops, conferences and webinars.

An event is a child page of a community or a project, so a members-only
community's view restriction covers it as it covers the community's other
pages (communities.privacy decides; nothing here re-implements it).
Registrations are counted over the event's translation group: registering on
the Swedish page or the English one takes the same place.
"""

import zoneinfo
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from communities.api_fields import ForViewer
from communities.models import CommunityPage, Person
from core.pages import PAGE_TRANSLATED

from .choices import HOLDS_A_PLACE, EventKind, RegistrationStatus

# Not model choices: the list follows the installed tzdata, and a migration should not.
TIME_ZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Choose a time zone from the list."))


class EventPage(RoutablePageMixin, Page):
    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices, default=EventKind.COMMUNITY_MEETING)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_time_zone],
        help_text=_("The time zone of the place where the event happens (for online events: the organisers')."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to people who registered; never in the API or feeds.")
    )
    languages = ParentalManyToManyField("vocabularies.Language", blank=True, verbose_name=_("languages"))
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: no limit."))
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    organisers = ParentalManyToManyField(
        "communities.Person", blank=True, related_name="organised_events", verbose_name=_("organisers")
    )
    materials = ParentalManyToManyField(
        "resources.ResourcePage", blank=True, related_name="events", verbose_name=_("linked materials")
    )
    curriculum_units = ParentalManyToManyField(
        "resources.CurriculumUnitPage", blank=True, related_name="events", verbose_name=_("curriculum units")
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("country"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("organisers"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel([FieldPanel("materials"), FieldPanel("curriculum_units")], heading=_("Linked content")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("address"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    translatable_fields = PAGE_TRANSLATED + [
        TranslatableField("summary"),
        TranslatableField("description"),
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("time_zone"),
        SynchronizedField("address"),
        SynchronizedField("country"),
        SynchronizedField("online_url"),
        SynchronizedField("languages"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("organisers"),
        SynchronizedField("materials"),
        SynchronizedField("curriculum_units"),
    ]
    parent_page_types = ["communities.CommunityPage", "communities.ProjectPage"]
    subpage_types = []
    # The online link is never here: it is for registered people only.
    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("address"),
        APIField("country_code"),
        APIField("is_online"),
        APIField("language_codes"),
        APIField("capacity"),
        APIField("places_left"),
        APIField("registration_deadline"),
        APIField("community_id", serializer=ForViewer("community_id_for")),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # -- When and where ---------------------------------------------------------

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            raise ValidationError({"registration_deadline": _("Registration must close before the event ends.")})

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return timezone.get_default_timezone()

    @property
    def utc_offset(self):
        """The event's offset from UTC at its start, e.g. "UTC+01:00"."""
        offset = self.start.astimezone(self.zone).strftime("%z")
        return f"UTC{offset[:3]}:{offset[3:]}"

    @property
    def country_code(self):
        return self.country.code or None

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_upcoming(self):
        return self.end >= timezone.now()

    @property
    def language_codes(self):
        return [language.code for language in self.languages.all()]

    @property
    def place(self):
        """The address and country in one line ("" for an online event without a place)."""
        return ", ".join(part for part in (self.address, self.country.name if self.country else "") if part)

    # -- The community it belongs to ------------------------------------------------

    @cached_property
    def community(self):
        """The community the event belongs to: its parent, or the parent of its project."""
        return CommunityPage.objects.ancestor_of(self).order_by("-depth").first()

    def community_id_for(self, viewer):
        from communities.privacy import visible_page_id

        community = self.community
        return visible_page_id(viewer, community.pk if community else None)

    # -- Registration -----------------------------------------------------------

    def registrations(self):
        """Registrations of this event in any of its translations."""
        return Registration.objects.filter(event__translation_key=self.translation_key)

    @property
    def taken_places(self):
        return self.registrations().filter(status__in=HOLDS_A_PLACE).count()

    @property
    def places_left(self):
        """None without a capacity (no limit)."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.taken_places, 0)

    @property
    def is_full(self):
        return self.places_left == 0

    def registration_open(self, now=None):
        now = now or timezone.now()
        closes = self.registration_deadline or self.start
        return now < closes

    def registration_of(self, person):
        if person is None:
            return None
        return self.registrations().filter(person=person).first()

    def organisers_visible_to(self, viewer):
        from communities.privacy import visible_people

        return visible_people(viewer, self.organisers.all())

    def materials_visible_to(self, viewer):
        from communities.privacy import visible_pages

        return visible_pages(viewer, self.materials.all())

    def units_visible_to(self, viewer):
        from communities.privacy import visible_pages

        return visible_pages(viewer, self.curriculum_units.all())

    # -- Serving ------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from communities.privacy import viewer_person

        from .permissions import can_manage_event

        context = super().get_context(request, *args, **kwargs)
        viewer = request.user
        me = viewer_person(viewer)
        registration = self.registration_of(me)
        context.update(
            {
                "viewer_person": me,
                "registration": registration,
                "viewer_registered": registration is not None and registration.status in HOLDS_A_PLACE,
                "viewer_manages": can_manage_event(viewer, self),
                "organisers": self.organisers_visible_to(viewer),
                "linked_materials": self.materials_visible_to(viewer),
                "linked_units": self.units_visible_to(viewer),
            }
        )
        return context

    @path("")
    def event(self, request):
        return self.render(request)

    @path("calendar.ics/")
    def calendar(self, request):
        from .views import event_calendar

        return event_calendar(request, self)

    @path("register/")
    def register_view(self, request):
        from .views import register

        return register(request, self)

    @path("cancel/")
    def cancel_view(self, request):
        from .views import cancel

        return cancel(request, self)

    @path("registrants/")
    def registrants_view(self, request):
        from .views import registrants

        return registrants(request, self)

    @path("registrants.csv/")
    def registrants_csv_view(self, request):
        from .views import registrants_csv

        return registrants_csv(request, self)


class Registration(models.Model):
    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registration_set", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="event_registrations", verbose_name=_("person")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.REGISTERED
    )
    created = models.DateTimeField(_("registered at"), default=timezone.now)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)

    class Meta:
        unique_together = [("event", "person")]
        ordering = ["created", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.person} – {self.event} ({self.get_status_display()})"
