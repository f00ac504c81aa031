"""The course box on the curriculum and unit pages: enrol, progress bar, mark done, reflection, certificate.

The curriculum templates (resources/) load this tag; resources' Python never imports learning.
"""

from django import template
from django.utils.translation import get_language

from communities.privacy import viewer_person

from .. import services
from ..forms import ReflectionForm
from ..models import Cohort, ProgressStatus

register = template.Library()


def _state(request, curriculum_key):
    person = viewer_person(request.user)
    enrolment = services.enrolment_of(person, curriculum_key)
    return {
        "request": request,
        "enrolment": enrolment,
        "progress": services.progress_of(enrolment) if enrolment else None,
    }


@register.inclusion_tag("learning/curriculum_box.html", takes_context=True)
def curriculum_progress(context, page):
    request = context["request"]
    state = _state(request, page.translation_key)
    enrolment = state["enrolment"]
    state.update(
        {
            "curriculum": page,
            "cohorts": services.cohorts_open_to(request.user, page.translation_key) if enrolment is None else [],
            "certificate": getattr(enrolment, "certificate", None) if enrolment else None,
            "trained": list(Cohort.objects.filter(trainer=viewer_person(request.user)))
            if request.user.is_authenticated
            else [],
            "may_review": request.user.is_authenticated and request.user.has_perm(services.REVIEW_PERMISSION),
        }
    )
    return state


@register.inclusion_tag("learning/unit_box.html", takes_context=True)
def unit_progress(context, page):
    request = context["request"]
    state = _state(request, services.curriculum_key_of(page))
    enrolment = state["enrolment"]
    row = enrolment.progress.filter(unit_key=page.translation_key).first() if enrolment else None
    state.update(
        {
            "unit": page,
            "row": row,
            "statuses": ProgressStatus,
            "form": ReflectionForm(initial={"reflection": row.reflection if row else ""}),
            "language": get_language(),
        }
    )
    return state


@register.simple_tag(takes_context=True)
def unit_status(context, curriculum, unit):
    """The viewer's status in a unit of the curriculum ("Done", "Sent back", ...), or "" (one query per page)."""
    request = context["request"]
    memo = getattr(request, "_learning_rows", None)
    if memo is None:
        memo = request._learning_rows = {}
    if curriculum.translation_key not in memo:
        enrolment = services.enrolment_of(viewer_person(request.user), curriculum.translation_key)
        memo[curriculum.translation_key] = services.progress_rows(enrolment) if enrolment else {}
    row = memo[curriculum.translation_key].get(unit.translation_key)
    return row.get_status_display() if row else ""


@register.simple_tag(takes_context=True)
def workshop_curriculum(context, event):
    """{% workshop_curriculum page as curriculum %}: the curriculum an event is the KA1 workshop of.

    In the reader's language, and only when the reader may open it (None otherwise). The event
    template loads it; events' Python never imports learning.
    """
    from communities.privacy import can_see_page

    request = context.get("request")
    cohort = Cohort.objects.filter(workshop_event__translation_key=event.translation_key).first()
    if cohort is None:
        return None
    curriculum = services.curriculum_translation(cohort.curriculum_key, get_language())
    if curriculum is None or not can_see_page(getattr(request, "user", None), curriculum):
        return None
    return curriculum
