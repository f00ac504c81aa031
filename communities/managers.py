"""Reusable queries for people, communities, memberships and projects."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
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


class ProjectPageQuerySet(PageQuerySet):
    """Projects by their status on a day (today when not given).

    The rule is communities.models.project_status; the values are ProjectStatus's.
    """

    @staticmethod
    def completed_q(today=None):
        today = today or timezone.localdate()
        return Q(status="completed") | Q(status="automatic", end_date__lt=today)

    def completed_on(self, today=None):
        return self.filter(self.completed_q(today))

    def looking_for_partners(self, today=None):
        """Projects that ask for partners: the flag is set and they are not completed."""
        return self.filter(looking_for_partners=True).exclude(self.completed_q(today))


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)
