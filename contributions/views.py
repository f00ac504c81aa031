"""Teachers' pages: share a material, edit a draft, list my materials, adapt and translate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from communities.models import CommunityPage, Person
from communities.privacy import can_see_page
from resources.models import ResourcePage

from . import services
from .forms import ResourceForm
from .moderation import in_review, needs_changes


def _no_community(request, person):
    return render(request, "contributions/no_community.html", {"person": person}, status=403)


@never_cache
@login_required
def contribute(request):
    person = Person.objects.for_user(request.user, create=True)
    communities = services.shareable_communities(person)
    if not communities.exists():
        return _no_community(request, person)
    newcomer = not services.teacher_communities(person).exists()
    initial = {"material_language": request.LANGUAGE_CODE, "community": communities.first()}
    if request.method == "POST":
        form = ResourceForm(request.POST, request.FILES, communities=communities)
        if form.is_valid():
            page = services.create_resource(request.user, person, form.cleaned_data)
            messages.success(
                request,
                _("Thank you! “%(title)s” was sent to the facilitators of %(community)s for review.")
                % {"title": page.title, "community": page.community.localized.title},
            )
            return redirect("contributions:mine")
    else:
        form = ResourceForm(initial=initial, communities=communities)
    return render(request, "contributions/resource_form.html", {"form": form, "adding": True, "newcomer": newcomer})


@never_cache
@login_required
def mine(request):
    person = Person.objects.for_user(request.user, create=True)
    pages = (
        ResourcePage.objects.filter(Q(owner=request.user) | Q(contributors__person=person))
        .distinct()
        .order_by("-latest_revision_created_at")
    )
    rows = []
    for page in pages:
        if not services.may_read_draft(request.user, page):
            continue  # credited on a page the view restrictions close to them (e.g. a members-only adaptation)
        state = page.current_workflow_state
        comment = ""
        if needs_changes(page) and state.current_task_state:
            comment = state.current_task_state.comment
        rows.append(
            {
                "page": page,
                "in_review": in_review(page),
                "needs_changes": needs_changes(page),
                "comment": comment,
                "editable": services.can_edit_draft(request.user, page) and not in_review(page),
            }
        )
    return render(request, "contributions/mine.html", {"rows": rows})


def _attachment_rows(draft):
    return list(draft.attachments.select_related("document"))


@never_cache
@login_required
def edit(request, page_id):
    page = get_object_or_404(ResourcePage, pk=page_id)
    if not services.can_edit_draft(request.user, page):
        raise Http404
    if in_review(page):
        messages.info(
            request,
            _("“%(title)s” is being reviewed; you can edit it again once the facilitators have answered.")
            % {"title": page.title},
        )
        return redirect("contributions:mine")
    person = Person.objects.for_user(request.user, create=True)
    draft = page.get_latest_revision_as_object()
    communities = services.shareable_communities(person)
    if draft.community_id:
        # The material's current community stays choosable, e.g. for a co-author from elsewhere.
        ids = [*communities.values_list("pk", flat=True), draft.community_id]
        communities = CommunityPage.objects.filter(pk__in=ids).order_by("title")
    if not communities.exists():
        return _no_community(request, person)
    based_on = draft.based_on
    kwargs = {
        "communities": communities,
        "based_on": based_on,
        "attachments": _attachment_rows(draft),
        "body": draft.body,
    }
    if request.method == "POST":
        form = ResourceForm(request.POST, request.FILES, **kwargs)
        if form.is_valid():
            services.update_resource(request.user, page, form.cleaned_data, body=form.edited_body())
            messages.success(
                request,
                _("“%(title)s” was saved and sent to the facilitators for review.")
                % {"title": form.cleaned_data["title"]},
            )
            return redirect("contributions:mine")
    else:
        form = ResourceForm(
            initial={
                "title": draft.title,
                "summary": draft.summary,
                "subjects": list(draft.subjects.all()),
                "levels": list(draft.levels.all()),
                "resource_type": draft.resource_type,
                "material_language": draft.material_language,
                "licence": draft.licence,
                "duration_minutes": draft.duration_minutes,
                "tags": list(draft.tags.all()),
                "community": draft.community,
            },
            **kwargs,
        )
    return render(
        request,
        "contributions/resource_form.html",
        {
            "form": form,
            "adding": False,
            "page": page,
            "based_on": based_on,
            "changes_requested": needs_changes(page),
        },
    )


def _visible_original(request, page_id):
    page = get_object_or_404(ResourcePage, pk=page_id)
    if not can_see_page(request.user, page):
        raise Http404
    return page


@never_cache
@login_required
def adapt(request, page_id):
    """GET explains (or refuses); POST makes the draft copy and opens it in the edit form."""
    original = _visible_original(request, page_id)
    refusal = services.adaptation_refusal(original)
    if refusal:
        return render(
            request, "contributions/adapt_refused.html", {"original": original, "reason": refusal}, status=403
        )
    if services.is_own_material(request.user, original):
        # One's own material is edited, not adapted into a copy of itself.
        return redirect("contributions:edit", page_id=original.pk)
    person = Person.objects.for_user(request.user, create=True)
    if not services.shareable_communities(person).exists():
        return _no_community(request, person)
    if request.method != "POST":
        return render(
            request, "contributions/adapt_confirm.html", {"original": original, "licence": original.licence_info}
        )
    copy = services.adapt_resource(request.user, person, original)
    messages.success(
        request,
        _("This is your adaptation of “%(title)s”. Change what you need, then send it for review.")
        % {"title": original.title},
    )
    return redirect("contributions:edit", page_id=copy.pk)


@login_required
@require_POST
def translate(request, page_id):
    """Open the translation editor for a translator; otherwise ask the translators for it."""
    page = _visible_original(request, page_id)
    locale = Locale.objects.filter(language_code=request.POST.get("locale", "")).first()
    if locale is None or locale.pk == page.locale_id:
        messages.error(request, _("Choose a language to translate into."))
        return HttpResponseRedirect(page.get_url(request))
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live and not services.may_translate_in_editor(request.user, locale):
        return HttpResponseRedirect(existing.get_url(request))
    if services.may_translate_in_editor(request.user, locale):
        draft = services.start_translation(request.user, page, locale)
        return redirect(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    services.request_translation(request.user, page, locale)
    messages.success(
        request,
        _("We asked the translators for this material in %(language)s and will e-mail you when it is published.")
        % {"language": locale.get_display_name()},
    )
    return HttpResponseRedirect(page.get_url(request))
