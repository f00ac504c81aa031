"""The Networking report in the admin: editors see every community, facilitators only their own.

Filters are a GET form of choices (month, community, country); a value outside the choices, hostile
or not, is ignored and the default used, so no filter can reach data its viewer may not see.
"""

import csv
from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from communities.choices import PersonPlace
from communities.models import CommunityPage, Membership
from communities.privacy import viewer_person
from core.pages import one_per_translation

from . import report

REPORT_PERMISSION = "networking.view_networking_report"
MONTHS_SHOWN = 6
MONTHS_CHOSEN = 24

SIDE_LABELS = {
    report.PASSIVE: gettext_lazy("Passive (suggestions)"),
    report.ACTIVE: gettext_lazy("Active (search)"),
    report.OTHER: gettext_lazy("Other (profile reached another way)"),
}
STAGE_LABELS = {
    "shown": gettext_lazy("Shown"),
    "opened": gettext_lazy("Opened"),
    "requested": gettext_lazy("Contact requested"),
    "accepted": gettext_lazy("Accepted"),
    "replied": gettext_lazy("Replies on both sides"),
    "joint": gettext_lazy("Joint project or adaptation started"),
}


def is_editor(user):
    return user.is_active and user.has_perm(REPORT_PERMISSION)


def facilitated_keys(user):
    """Translation keys of the communities the user facilitates (active memberships)."""
    person = viewer_person(user)
    if person is None:
        return []
    return [
        str(key)
        for key in Membership.objects.active()
        .facilitators()
        .filter(person=person)
        .values_list("community__translation_key", flat=True)
        .distinct()
    ]


def can_view_report(user):
    if not (user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return False
    return is_editor(user) or bool(facilitated_keys(user))


def community_choices(user):
    """(translation key, title) of the communities the user may report on; "" (all) for editors only."""
    pages = (
        CommunityPage.objects.all()
        if is_editor(user)
        else CommunityPage.objects.filter(translation_key__in=facilitated_keys(user))
    )
    choices = [(str(p.translation_key), p.title) for p in one_per_translation(pages.order_by("title"))]
    choices.sort(key=lambda c: c[1].lower())
    return ([("", _("All communities"))] if is_editor(user) else []) + choices


class ReportFilters(forms.Form):
    month = forms.ChoiceField(label=gettext_lazy("Month"), required=False)
    community = forms.ChoiceField(label=gettext_lazy("Community"), required=False)
    country = forms.ChoiceField(label=gettext_lazy("Country of the sender"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        months = report.recent_months(MONTHS_CHOSEN)
        self.fields["month"].choices = [("", _("The last %(n)d months") % {"n": MONTHS_SHOWN})] + [
            (m.strftime("%Y-%m"), formats.date_format(m, "YEAR_MONTH_FORMAT")) for m in months
        ]
        self.fields["community"].choices = community_choices(user)
        self.fields["country"].choices = [("", _("All countries"))] + list(countries)

    def value(self, name):
        """The submitted value when valid, else the first choice (the default)."""
        value = self.data.get(name, "") if self.is_bound else ""
        valid = {str(k) for k, _label in self.fields[name].choices}
        if not isinstance(value, str) or value not in valid:
            value = str(self.fields[name].choices[0][0]) if self.fields[name].choices else ""
        return value


def chosen(request):
    """The filters (form, months, community key, country), hostile values replaced by the defaults."""
    form = ReportFilters(request.GET or None, user=request.user)
    month = form.value("month")
    community = form.value("community")
    country = form.value("country")
    if month:
        year, number = month.split("-")
        months = [date(int(year), int(number), 1)]
    else:
        months = report.recent_months(MONTHS_SHOWN)
    # What the table shows is what the form shows: a replaced value is shown replaced.
    form = ReportFilters({"month": month, "community": community, "country": country}, user=request.user)
    return form, sorted(months), community, country


def _percent(value):
    return "" if value is None else f"{100 * value:.0f} %"


def _rows(funnels):
    """The side-by-side table: one row per stage, each side's count and its share of the stage before."""
    rows = []
    for stage in report.STAGES:
        cells = []
        for side in report.SIDES:
            funnel = funnels[side]
            counted = stage in report.CONTACT_STAGES or side != report.OTHER
            cells.append(
                {
                    "count": funnel.counts[stage] if counted else None,
                    "rate": _percent(funnel.rate(stage)) if counted else "",
                    "per_thousand": (
                        f"{funnel.per_thousand_shown(stage):.1f}"
                        if stage != "shown" and funnel.per_thousand_shown(stage) is not None
                        else ""
                    ),
                }
            )
        rows.append({"stage": stage, "label": STAGE_LABELS[stage], "cells": cells})
    return rows


def _shares(funnels):
    rows = []
    for kind, label in (("cross_border", _("Cross-border")), ("cross_language", _("Cross-language"))):
        for stage in ("requested", "accepted", "joint"):
            rows.append(
                {
                    "label": f"{label}: {STAGE_LABELS[stage]}",
                    "cells": [
                        {
                            "count": getattr(funnels[side], kind)[stage],
                            "share": _percent(funnels[side].share(kind, stage)),
                        }
                        for side in report.SIDES
                    ],
                }
            )
    return rows


def networking_report(request):
    if not can_view_report(request.user):
        raise PermissionDenied
    form, months, community, country = chosen(request)
    funnels = report.funnels(months, community, country)
    if request.GET.get("format") == "csv":
        return _csv(funnels, months, community, country)
    places = report.by_place(months, community, country)
    return TemplateResponse(
        request,
        "networking/admin/networking.html",
        {
            "header_title": _("Networking"),
            "form": form,
            "sides": [SIDE_LABELS[s] for s in report.SIDES],
            "rows": _rows(funnels[None]),
            "shares": _shares(funnels[None]),
            "monthly": [
                {
                    "month": formats.date_format(month, "YEAR_MONTH_FORMAT"),
                    "cells": [funnels[month][side].counts for side in (report.PASSIVE, report.ACTIVE)],
                }
                for month in reversed(months)
            ],
            "places": [
                {"label": PersonPlace(place).label, "counts": funnel.counts} for place, funnel in places.items()
            ],
            "stage_labels": [STAGE_LABELS[s] for s in report.STAGES],
            "csv_query": request.GET.urlencode(),
        },
    )


CSV_COLUMNS = ["month", "community", "country", "side", *report.STAGES]
CSV_SHARES = [f"{kind}_{stage}" for kind in ("cross_border", "cross_language") for stage in report.CONTACT_STAGES]


def _csv(funnels, months, community, country):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="networking.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS + CSV_SHARES)
    for month in [*months, None]:
        for side in report.SIDES:
            funnel = funnels[month][side]
            writer.writerow(
                [month.strftime("%Y-%m") if month else "total", community or "all", country or "all", side]
                + [funnel.counts[s] for s in report.STAGES]
                + [
                    getattr(funnel, kind)[stage]
                    for kind in ("cross_border", "cross_language")
                    for stage in report.CONTACT_STAGES
                ]
            )
    return response
