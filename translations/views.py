"""Admin views (status report, CSV export, validated PO upload) and the readers' translation request."""

import csv

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request

from .models import TranslationRequest
from .po import POFileRefused, import_po_file
from .status import STATES, build_report, community_choices, page_types, site_locales

REPORT_PERMISSION = "translations.view_translation_report"


def can_view_report(user):
    return user.is_active and user.has_perm(REPORT_PERMISSION)


class ReportFilterForm(forms.Form):
    page_type = forms.ChoiceField(label=gettext_lazy("Page type"), required=False)
    community = forms.ChoiceField(label=gettext_lazy("Community"), required=False)
    locale = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["page_type"].choices = every + sorted(
            ((slug, model._meta.verbose_name) for slug, model in page_types().items()),
            key=lambda choice: str(choice[1]),
        )
        self.fields["community"].choices = every + [(str(key), title) for key, title in community_choices()]
        self.fields["locale"].choices = every + [(loc.language_code, loc.get_display_name()) for loc in site_locales()]
        self.fields["status"].choices = every + list(STATES)

    def filters(self):
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


def translation_report(request):
    """For each translatable page and locale: missing, in progress (with progress), source changed, up to date."""
    if not can_view_report(request.user):
        raise PermissionDenied
    form = ReportFilterForm(request.GET or None)
    rows = build_report(**form.filters())
    if request.GET.get("export") == "csv":
        return report_csv(rows)
    page = Paginator(rows, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    locales = (
        [cell.locale for cell in rows[0].cells]
        if rows
        else [
            loc
            for loc in site_locales()
            if not form.filters().get("locale") or loc.language_code == form.filters()["locale"]
        ]
    )
    return TemplateResponse(
        request,
        "translations/report.html",
        {
            "form": form,
            "rows": page,
            "locales": locales,
            "row_count": len(rows),
            "query": query.urlencode(),
            "header_title": _("Translation status"),
            "open_requests": sum(row.demand for row in rows),
        },
    )


def _safe(value):
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe stops that."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def report_csv(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    # One line per page and language: easy to filter and pivot in a spreadsheet.
    writer.writerow(
        [
            "translation_key",
            "page_type",
            "title",
            "community",
            "source_language",
            "language",
            "status",
            "progress_percent",
            "open_requests",
            "page_id",
        ]
    )
    for row in rows:
        for cell in row.cells:
            writer.writerow(
                [
                    row.translation_key,
                    row.page_type,
                    _safe(row.title),
                    _safe(row.community),
                    row.source_locale.language_code if row.source_locale else "",
                    cell.locale.language_code,
                    cell.state,
                    "" if cell.percent is None else cell.percent,
                    cell.requests,
                    cell.page_id or "",
                ]
            )
    return response


@require_POST
def upload_pofile(request, translation_id):
    """Replaces wagtail-localize's upload: a bad file is refused with the reason, and nothing is imported."""
    from wagtail_localize.models import Translation
    from wagtail_localize.views.edit_translation import user_can_edit_instance

    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
    else:
        try:
            count = import_po_file(translation, upload.read(), user=request.user)
        except POFileRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                ngettext(
                    "Imported %(count)s translated string from the PO file.",
                    "Imported %(count)s translated strings from the PO file.",
                    count,
                )
                % {"count": count},
            )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


# -- Readers ----------------------------------------------------------------


def missing_locales(page):
    """Site locales in which the page has no live translation (published content only: cached until it changes)."""
    from wagtail.models import Page

    from core.content_cache import cached

    def compute():
        available = set(
            Page.objects.filter(translation_key=page.translation_key, live=True, alias_of__isnull=True).values_list(
                "locale_id", flat=True
            )
        )
        return [loc for loc in site_locales() if loc.pk not in available]

    return cached("missing-locales", (page.translation_key,), compute)


def handle_translation_request(page, request):
    """A signed-in reader asks for this material in another language (POST on the page itself).

    Served through the `before_serve_page` hook, so the resource page needs no
    extra URL; answers with a redirect back to the page.
    """
    from communities.privacy import can_see_page

    back = page.get_url(request) or "/"
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    if not can_see_page(request.user, page):
        raise PermissionDenied
    code = request.POST.get("locale", "")
    locale = next((loc for loc in missing_locales(page) if loc.language_code == code), None)
    if locale is None:
        # Already translated, or not a site language: nothing to ask for.
        return HttpResponseRedirect(back + "#translation-request")
    try:
        with transaction.atomic():
            TranslationRequest.objects.get_or_create(
                user=request.user,
                translation_key=page.translation_key,
                locale=locale,
                fulfilled_at=None,
                defaults={"source_page": page},
            )
    except IntegrityError:
        pass  # the same reader asked twice at the same moment: one request stands
    return HttpResponseRedirect(back + "#translation-request")


def open_request_locales(user, page):
    if not user.is_authenticated:
        return set()
    return set(
        TranslationRequest.objects.open()
        .filter(user=user, translation_key=page.translation_key)
        .values_list("locale_id", flat=True)
    )
