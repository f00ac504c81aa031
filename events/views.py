"""Registration, cancellation, the registrants (page and CSV) and the iCalendar feeds.

The views on an event are routes of the EventPage (RoutablePageMixin), so
Wagtail's serving and the before_serve_page hook of communities (members-only
pages answer 404) run before any of them.
"""

import csv
import datetime

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.views import serve as wagtail_serve

from communities.models import CommunityPage, Person
from communities.privacy import can_see_page, viewer_person, visible_pages
from core.pages import one_per_translation
from core.shortcuts import get_object_or_404

from . import registration as service
from .calendar import calendar, event_ics
from .choices import HOLDS_A_PLACE, RegistrationStatus
from .models import EventPage
from .permissions import can_manage_event

FEED_SALT = "events.personal-feed"


# The files of an event page: `<event url>calendar.ics`, `<event url>registrants.csv`.
PAGE_FILES = r"calendar\.ics|registrants\.csv"


def page_file(request, path, name):
    """Serve `<page url><name>` through Wagtail as the page's route `<name>/`.

    Wagtail serves only paths ending in "/", so a file name after a page's
    address needs this door; the page's own route then answers, after the
    serving hooks (members-only pages answer 404 here too).
    """
    return wagtail_serve(request, f"{path}{name}/")


def ics_response(text, filename):
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_calendar(request, event):
    return ics_response(event_ics(event), f"{event.slug}.ics")


def _signed_in_person(request, event):
    if request.method != "POST":
        return None, HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return None, redirect_to_login(event.url)
    me = viewer_person(request.user)
    if me is None:
        raise PermissionDenied
    return me, None


def register(request, event):
    me, refusal = _signed_in_person(request, event)
    if refusal:
        return refusal
    try:
        registration = service.register(me, event)
    except service.RegistrationError as error:
        messages.error(request, str(error.message))
        return redirect(event.url)
    if registration.status == RegistrationStatus.WAITING:
        messages.info(
            request, _("The event is full: you are on the waiting list. We will write when a place frees up.")
        )
    else:
        messages.success(request, _("You are registered. A confirmation is on its way to your e-mail."))
    return redirect(event.url)


def cancel(request, event):
    me, refusal = _signed_in_person(request, event)
    if refusal:
        return refusal
    registration = event.registration_of(me)
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return redirect(event.url)
    service.cancel(registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(event.url)


def _managed(request, event):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_manage_event(request.user, event):
        raise PermissionDenied
    return None


def registrants(request, event):
    refusal = _managed(request, event)
    if refusal:
        return refusal
    rows = list(event.registrations().exclude(status=RegistrationStatus.CANCELLED).select_related("person"))
    if request.method == "POST":
        if event.start > timezone.now():
            messages.error(request, _("Attendance can be marked once the event has started."))
        else:
            posted = set(request.POST.getlist("attended"))
            attended = [r.pk for r in rows if r.status in HOLDS_A_PLACE and str(r.pk) in posted]
            service.mark_attendance(event, attended)
            messages.success(request, _("Attendance saved."))
        return redirect(event.url + "registrants/")
    return TemplateResponse(
        request,
        "events/registrants.html",
        {"page": event, "rows": rows, "can_mark": event.start <= timezone.now()},
    )


def _cell(value):
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def registrants_csv(request, event):
    refusal = _managed(request, event)
    if refusal:
        return refusal
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrants.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Name"), _("School or organisation"), _("Country"), _("Status"), _("Registered at")])
    for row in event.registrations().exclude(status=RegistrationStatus.CANCELLED).select_related("person"):
        person = row.person
        writer.writerow(
            [
                _cell(person.display_name),
                _cell(person.school),
                _cell(person.country.name if person.country else ""),
                row.get_status_display(),
                timezone.localtime(row.created, event.zone).isoformat(timespec="minutes"),
            ]
        )
    return response


# -- Feeds -----------------------------------------------------------------------


def community_events(viewer, community):
    """The events of a community (and its projects and local communities) that the viewer may see."""
    return visible_pages(viewer, EventPage.objects.descendant_of(community)).order_by("start")


def community_calendar(request, community_id):
    community = get_object_or_404(CommunityPage, pk=community_id)
    if not can_see_page(request.user, community):
        raise Http404
    events = one_per_translation(community_events(request.user, community), prefer_locale=community.locale)
    return ics_response(calendar(events, community.title), f"{community.slug}.ics")


def feed_token(person):
    return signing.dumps(person.pk, salt=FEED_SALT)


def personal_calendar(request, token):
    """A person's registrations at a secret address (a calendar application fetches it without a session)."""
    try:
        person_pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        raise Http404 from None
    person = Person.objects.filter(pk=person_pk, user__isnull=False, anonymised_at__isnull=True).first()
    if person is None:
        raise Http404
    keys = person.event_registrations.filter(status__in=HOLDS_A_PLACE).values("event__translation_key")
    # Only what the person may still see (a member who left a members-only community loses its events).
    pages = visible_pages(person.user or AnonymousUser(), EventPage.objects.filter(translation_key__in=keys))
    events = one_per_translation(pages.order_by("start"))
    return ics_response(calendar(events, _("My Kollega events"), include_online=True), "kollega-events.ics")


# -- The calendar: month and list, for the site and per community ----------------


def _calendar_page(request, within, title, ics_url):
    from .listing import CalendarForm, countries_of, event_list, filtered, month_grid, neighbour_months, visible_events

    events = visible_events(request.user, within)
    form = CalendarForm(request.GET, countries=countries_of(events))
    if not form.is_valid():
        return TemplateResponse(
            request,
            "events/calendar.html",
            {"form": form, "title": title, "within": within, "invalid": True},
            status=400,
        )
    data = form.cleaned_data
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    year, month = data.get("year") or today.year, data.get("month") or today.month
    shown = filtered(events, data)
    previous, following = neighbour_months(year, month)
    weeks = month_grid(shown, year, month, zone)
    query = request.GET.copy()
    for name in ("year", "month", "view", "past"):
        query.pop(name, None)
    filters = query.urlencode()
    return TemplateResponse(
        request,
        "events/calendar.html",
        {
            "form": form,
            "title": title,
            "within": within,
            "view": data.get("view") or "",
            "weeks": weeks,
            "month_has_events": any(day.events and day.in_month for week in weeks for day in week),
            "month_start": datetime.date(year, month, 1),
            "previous": previous,
            "following": following,
            "events": event_list(shown, past=data.get("past")),
            "past": data.get("past"),
            "filters": filters,
            "ics_url": ics_url,
            "zone": zone,
        },
    )


def site_calendar(request):
    return _calendar_page(request, None, _("Events"), reverse("events:site_calendar_ics"))


def site_calendar_ics(request):
    """Every upcoming public event (a calendar application fetches without a session)."""
    from .listing import event_list, visible_events

    events = event_list(visible_events(AnonymousUser()))
    return ics_response(calendar(events, _("Kollega events")), "kollega-events.ics")


def community_calendar_page(request, path):
    """`<community url>events/`: the community's calendar; any other page's `events/` is Wagtail's."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    page = None
    if site is not None:
        try:
            page, _args, _kwargs = site.root_page.localized.specific.route(
                request, [part for part in path.split("/") if part]
            )
        except Http404:
            page = None
    page = getattr(page, "specific", page)
    if not isinstance(page, CommunityPage):
        return wagtail_serve(request, f"{path}events/")
    if not can_see_page(request.user, page):
        raise Http404
    return _calendar_page(
        request,
        page,
        _("Events of %(community)s") % {"community": page.title},
        reverse("events:community_calendar", args=[page.pk]),
    )
