"""The editors' report: how many facilitators completed the curriculum, and who is eligible for the role."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from communities.models import Membership

from .models import Enrolment

REPORT_PERMISSION = "learning.view_facilitators_report"
DEFAULT_FACILITATOR_TARGET = 24


def can_view_report(user):
    return user.is_active and user.has_perm(REPORT_PERMISSION)


def facilitator_target():
    return getattr(settings, "KOLLEGA_FACILITATOR_TARGET", DEFAULT_FACILITATOR_TARGET)


def trained_people():
    """People who completed a curriculum, with the date of their (first) completion, earliest first.

    Counts only: no progress, no reflections. Each person counts once.
    """
    firsts = {}
    for enrolment in (
        Enrolment.objects.filter(completed_at__isnull=False, person__anonymised_at__isnull=True)
        .select_related("person")
        .order_by("completed_at", "pk")
    ):
        firsts.setdefault(enrolment.person_id, enrolment)
    facilitators = set(Membership.objects.active().facilitators().values_list("person_id", flat=True))
    return [(e.person, e.completed_at, e.person_id in facilitators) for e in firsts.values()]


def facilitators_trained_report(request):
    if not can_view_report(request.user):
        raise PermissionDenied
    people = trained_people()
    return TemplateResponse(
        request,
        "learning/admin/facilitators_trained.html",
        {
            "header_title": _("Facilitators trained"),
            "people": people,
            "trained": len(people),
            "target": facilitator_target(),
        },
    )
