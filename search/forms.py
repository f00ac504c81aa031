"""The search form: reads request.GET into clean parameters and never rejects a request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .query import MAX_QUERY_LENGTH, parse_query

SORT_CHOICES = [("relevance", _("Relevance")), ("newest", _("Newest"))]
TAB_CHOICES = [
    ("resources", _("Materials")),
    ("projects", _("Projects")),
    ("events", _("Events")),
    ("communities", _("Communities")),
    ("people", _("People")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    all_languages = forms.BooleanField(label=_("Include materials in other languages"), required=False)
    tab = forms.ChoiceField(choices=TAB_CHOICES, required=False)

    def params(self):
        """Clean values; a field that does not validate falls back to its default instead of an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        raw_q = self.data.get("q", "")
        query = parse_query(raw_q if isinstance(raw_q, str) else "")
        return {
            "query": query,
            # Shown back in the box: the cleaned text, so control characters never reach the page.
            "q": query.text[:MAX_QUERY_LENGTH],
            "sort": data.get("sort") or "relevance",
            "all_languages": bool(data.get("all_languages")),
            "tab": data.get("tab") or "resources",
        }
