"""API fields answered for the requesting user.

A field of the pages API that names a person or points at a page must show
what the page itself shows to the same user, so its value cannot be a plain
property: the serializer context holds the request, and `ForViewer` hands the
request's user to a method of the page, which asks communities.privacy.

    api_fields = [APIField("contributor_list", serializer=ForViewer("contributor_list_for"))]

calls `page.contributor_list_for(viewer)` for every page serialised.
"""

from rest_framework import serializers


class ForViewer(serializers.Field):
    def __init__(self, method, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.method = method

    def get_attribute(self, instance):
        # The whole page: the value depends on who asks, not on one attribute.
        return instance

    def to_representation(self, page):
        request = self.context.get("request")
        return getattr(page, self.method)(getattr(request, "user", None))
