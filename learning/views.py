"""Following the curriculum: enrol, mark done, reflect, review, the cohort table and certificates.

Personal pages are never cached; a learner's progress answers 404 to anyone
`communities.privacy.can_see_learning_progress` does not admit.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from communities.models import Person
from communities.privacy import can_see_page, viewer_person
from core.shortcuts import get_object_or_404
from resources.models import CurriculumPage, CurriculumUnitPage

from . import services
from .certificates import certificate_pdf, credential
from .forms import ReflectionForm, ReviewForm
from .models import Certificate, Cohort, UnitProgress


def _visible(request, model, pk):
    page = get_object_or_404(model.objects.live(), pk=pk)
    if not can_see_page(request.user, page):
        raise Http404("No such page")
    return page


def _learner(request):
    """The signed-in teacher's profile (made on first use, as elsewhere on the site)."""
    return Person.objects.for_user(request.user, create=True)


def _back(request, page):
    return redirect(page.get_url(request) or "/")


@never_cache
@login_required
@require_POST
def enrol(request, pk):
    curriculum = _visible(request, CurriculumPage, pk)
    cohort = None
    if request.POST.get("cohort"):
        cohort = get_object_or_404(services.cohorts_of(curriculum.translation_key), pk=request.POST["cohort"])
        if cohort not in services.cohorts_open_to(request.user, curriculum.translation_key):
            raise Http404("No such cohort")
    services.enrol(_learner(request), curriculum, cohort=cohort, language=get_language())
    messages.success(request, _("You are enrolled. Start with the first unit."))
    return _back(request, curriculum)


def _unit_and_enrolment(request, pk):
    unit = _visible(request, CurriculumUnitPage, pk)
    enrolment = services.enrolment_of(viewer_person(request.user), services.curriculum_key_of(unit))
    if enrolment is None:
        messages.error(request, _("Enrol in the curriculum first."))
    return unit, enrolment


@never_cache
@login_required
@require_POST
def mark_done(request, pk):
    unit, enrolment = _unit_and_enrolment(request, pk)
    if enrolment is not None:
        try:
            services.mark_done(enrolment, unit, language=get_language())
        except services.LearningError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Unit marked as done."))
    return _back(request, unit)


@never_cache
@login_required
@require_POST
def submit_reflection(request, pk):
    unit, enrolment = _unit_and_enrolment(request, pk)
    if enrolment is None:
        return _back(request, unit)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(request, unit)
    try:
        services.submit_reflection(enrolment, unit, form.cleaned_data["reflection"], language=get_language())
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your reflection is sent for review."))
    return _back(request, unit)


@never_cache
@login_required
def reviews(request):
    rows = services.reviewable_by(request.user)
    return render(request, "learning/reviews.html", {"rows": _with_units(rows)})


def _with_units(rows):
    language = get_language()
    rows = list(rows)
    for row in rows:
        row.unit = services.unit_for_key(row.unit_key, language)
    return rows


@never_cache
@login_required
def review(request, pk):
    row = get_object_or_404(UnitProgress.objects.select_related("enrolment__person", "enrolment__cohort"), pk=pk)
    # Someone who may not review it is told nothing about it, not even that it exists.
    if not services.can_review(request.user, row):
        raise Http404("No such reflection")
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review(
                row,
                viewer_person(request.user),
                accept=form.cleaned_data["decision"] == ReviewForm.ACCEPT,
                comment=form.cleaned_data["comment"],
            )
        except services.LearningError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: the learner is told of your review."))
            return redirect("learning:reviews")
    row.unit = services.unit_for_key(row.unit_key, get_language())
    return render(request, "learning/review.html", {"row": row, "form": form})


@never_cache
@login_required
def cohort(request, pk):
    group = get_object_or_404(Cohort.objects.select_related("curriculum", "trainer"), pk=pk)
    if not services.can_see_cohort(request.user, group):
        raise Http404("No such cohort")
    units, rows = services.cohort_table(group, get_language())
    event = group.workshop_event
    if event is not None and not can_see_page(request.user, event):
        event = None
    return render(
        request, "learning/cohort.html", {"cohort": group, "units": units, "rows": rows, "workshop_event": event}
    )


@never_cache
@login_required
@require_POST
def request_certificate(request, pk):
    curriculum = _visible(request, CurriculumPage, pk)
    enrolment = services.enrolment_of(viewer_person(request.user), curriculum.translation_key)
    if enrolment is None:
        raise Http404("Not enrolled")
    try:
        certificate = services.issue_certificate(enrolment, get_language())
    except services.LearningError as error:
        messages.error(request, str(error))
        return _back(request, curriculum)
    return redirect("learning:certificate", uuid=certificate.uuid)


def _certificate(uuid):
    return get_object_or_404(
        Certificate.objects.select_related("enrolment__person", "enrolment__cohort__trainer"), uuid=uuid
    )


def certificate(request, uuid):
    """The public verification page: the name on the certificate, the curriculum and the date, nothing more."""
    cert = _certificate(uuid)
    facts = services.certificate_facts(cert, get_language())
    is_own = services.can_see_progress(request.user, cert.enrolment)
    response = render(
        request,
        "learning/certificate.html",
        {"certificate": cert, "facts": facts, "is_own": is_own, "paths": services.certificate_paths(cert)},
    )
    if is_own:
        response["Cache-Control"] = "private, no-cache, no-store, must-revalidate, max-age=0"
    return response


@never_cache
def certificate_file(request, uuid):
    """The PDF names the trainer and the units: it is the learner's own document (and their trainer's)."""
    cert = _certificate(uuid)
    if not services.can_see_progress(request.user, cert.enrolment):
        raise Http404("No such certificate")
    response = HttpResponse(certificate_pdf(cert), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    return response


def credential_json(request, uuid):
    """The Open Badges 3.0 credential, public like the verification page (unsigned)."""
    cert = _certificate(uuid)
    return JsonResponse(
        credential(cert),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
