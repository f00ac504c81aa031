"""Take the self-assessment (anyone), see the result, and for signed-in people save, retake and compare."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from communities.models import Person

from .forms import SelfAssessmentForm
from .models import SelfAssessment
from .questionnaire import AREAS_BY_CODE, area_scores, weakest_areas
from .recommendations import recommendations


def _result(request, scores, school="", saved=None):
    rows = [(AREAS_BY_CODE[code], score) for code, score in scores.items()]
    weakest = weakest_areas(scores)
    return render(
        request,
        "assessment/result.html",
        {
            "rows": rows,
            "weakest": weakest,
            "recommendations": recommendations(request.user, weakest),
            "school": school,
            "saved": saved,
        },
    )


@never_cache
def take(request):
    """Anonymous visitors see their result without anything stored; signed-in people may save it."""
    person = Person.objects.for_user(request.user)
    previous = person.self_assessments.first() if person else None
    if request.method == "POST":
        form = SelfAssessmentForm(request.POST)
        if form.is_valid():
            scores = area_scores(form.answers())
            if request.user.is_authenticated and "save" in request.POST:
                saved = SelfAssessment.objects.create(
                    person=Person.objects.for_user(request.user, create=True),
                    school=form.cleaned_data["school"],
                    answers=form.answers(),
                    scores=scores,
                )
                return redirect("assessment:result", pk=saved.pk)
            return _result(request, scores, form.cleaned_data["school"])
    else:
        # A retake starts from the last answers, so only what changed needs touching.
        initial = {**previous.answers, "school": previous.school} if previous else {}
        form = SelfAssessmentForm(initial=initial)
    return render(request, "assessment/take.html", {"form": form, "previous": previous})


@never_cache
@login_required
def result(request, pk):
    saved = get_object_or_404(SelfAssessment, pk=pk)
    if saved.person.user_id != request.user.pk:
        raise Http404  # a school's answers are its own
    return _result(request, saved.scores, saved.school, saved=saved)


@never_cache
@login_required
def history(request):
    person = Person.objects.for_user(request.user)
    attempts = list(person.self_assessments.all()) if person else []
    return render(request, "assessment/history.html", {"attempts": attempts})
