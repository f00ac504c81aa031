"""Reusable queries for people, communities and memberships."""
from django.db import models
from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class PersonQuerySet(models.QuerySet):
    def open_to_collaboration(self):
        return self.filter(open_to_collaboration=True)

    def with_account(self):
        return self.filter(user__isnull=False)


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status="active")

    def facilitators(self):
        return self.filter(role="facilitator")

    def requested(self):
        return self.filter(status="requested")


class CommunityPageQuerySet(PageQuerySet):
    def european(self):
        return self.filter(scope="european")

    def members_only(self):
        return self.filter(visibility="members")


CommunityPageManager = PageManager.from_queryset(CommunityPageQuerySet)
