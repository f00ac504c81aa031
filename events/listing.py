"""The events calendar: which events a viewer may see, filtered, as a month grid or a list.

The site calendar (/<lang>/events/) shows every event the viewer may open;
a community's calendar (<community url>events/) shows those of the community,
its projects and its local communities. Both ask communities.privacy through
`visible_pages`; nothing here decides who may see what.
"""

import calendar as pycalendar
import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.privacy import visible_pages
from core.pages import one_per_translation

from .choices import EventKind
from .models import EventPage

# Years a month grid may show: wide enough for any real event, narrow enough for every date library.
FIRST_YEAR, LAST_YEAR = 2000, 2100
LIST_LENGTH = 100


class Online:
    ANY, ONLINE, IN_PERSON = "", "yes", "no"


class CalendarForm(forms.Form):
    """The calendar's query string. Anything it does not accept is a 400, never a 500."""

    view = forms.ChoiceField(required=False, choices=[("", _("Automatic")), ("month", _("Month")), ("list", _("List"))])
    year = forms.IntegerField(required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)
    month = forms.IntegerField(required=False, min_value=1, max_value=12)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Every kind"))] + EventKind.choices)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    online = forms.ChoiceField(
        label=_("Online"),
        required=False,
        choices=[
            (Online.ANY, _("Online or in person")),
            (Online.ONLINE, _("Online")),
            (Online.IN_PERSON, _("In person")),
        ],
    )
    past = forms.BooleanField(required=False)

    def __init__(self, data, countries=(), **kwargs):
        super().__init__(data, **kwargs)
        self.countries = dict(countries)
        self.fields["country"].widget = forms.Select(choices=[("", _("Every country"))] + list(countries))

    def clean_country(self):
        code = self.cleaned_data["country"].upper()
        if code and code not in self.countries:
            raise forms.ValidationError(_("Choose a country from the list."))
        return code

    def clean(self):
        data = super().clean()
        if (data.get("year") is None) != (data.get("month") is None) and not self.errors:
            raise forms.ValidationError(_("Give a year and a month together."))
        return data


def visible_events(viewer, within=None):
    """The events the viewer may open (under `within`, a community or project, when given)."""
    events = EventPage.objects.all()
    if within is not None:
        events = events.descendant_of(within)
    return visible_pages(viewer, events)


def countries_of(events):
    """(code, name) of the countries the events take place in, by name."""
    codes = {code for code in events.exclude(country="").values_list("country", flat=True).distinct()}
    from django_countries import countries

    return sorted(((code, countries.name(code)) for code in codes), key=lambda pair: pair[1])


def filtered(events, data):
    if data.get("kind"):
        events = events.filter(kind=data["kind"])
    if data.get("country"):
        events = events.filter(country=data["country"])
    if data.get("online") == Online.ONLINE:
        events = events.exclude(online_url="")
    elif data.get("online") == Online.IN_PERSON:
        events = events.filter(online_url="")
    return events


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list


def month_bounds(year, month, zone):
    first = datetime.datetime(year, month, 1, tzinfo=zone)
    following = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=zone)
    return first, following


def neighbour_months(year, month):
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    in_range = lambda ym: FIRST_YEAR <= ym[0] <= LAST_YEAR  # noqa: E731
    return (previous if in_range(previous) else None), (following if in_range(following) else None)


def month_grid(events, year, month, zone):
    """Weeks (Monday first) of Days, each with the events that run on that day in `zone`."""
    first, following = month_bounds(year, month, zone)
    running = one_per_translation(events.filter(start__lt=following, end__gte=first).order_by("start"))
    today = timezone.localdate(timezone=zone)
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for date in week:
            on_day = [e for e in running if e.start.astimezone(zone).date() <= date <= e.end.astimezone(zone).date()]
            days.append(Day(date=date, in_month=date.month == month, is_today=date == today, events=on_day))
        weeks.append(days)
    return weeks


def event_list(events, past=False, now=None):
    """Upcoming events, soonest first (or past ones, latest first), one per translation group."""
    now = now or timezone.now()
    if past:
        chosen = events.filter(end__lt=now).order_by("-start")
    else:
        chosen = events.filter(end__gte=now).order_by("start")
    return one_per_translation(chosen.select_related("locale")[: LIST_LENGTH * 4])[:LIST_LENGTH]
