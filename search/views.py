"""The search page: resources in the reader's locale through Wagtail search, within the privacy rule."""
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale

from communities.privacy import visible_pages
from resources.models import ResourcePage


def search(request):
    query = request.GET.get("q", "").strip()
    results = ResourcePage.objects.none()
    if query:
        pages = visible_pages(request.user, ResourcePage.objects.filter(locale=Locale.get_active()))
        results = pages.search(query)
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": page})
