"""Wagtail hooks of core: mark the pages that may be shared with other anonymous visitors."""

from wagtail import hooks

from .page_cache import mark_shared


@hooks.register("before_serve_page", order=1000)
def page_may_be_shared(page, request, serve_args, serve_kwargs):
    """The last hook: every earlier one (view restrictions, members-only pages) let the page through."""
    mark_shared(request)
