"""Reusable queries for people, communities, memberships and projects."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from .choices import CommunityScope, MembershipRole, MembershipStatus, ProjectStatus, Visibility


class PersonQuerySet(models.QuerySet):
    # The Person of a user is read once per user object (a request's user lives for one request).
    MEMO = "_kollega_person"

    def for_user(self, user, create=False):
        """The Person behind a signed-in user, or None (anonymous, or no profile yet and not `create`).

        With create=True a missing profile is started, private by default (discoverable by
        nobody), named after the account. The answer is remembered on the user object.
        """
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        person = getattr(user, self.MEMO, False)
        if person is False or (person is None and create):
            person = self.filter(user=user).first()
            if person is None and create:
                person = self.create(user=user, display_name=user.get_full_name() or user.get_username())
            setattr(user, self.MEMO, person)
            if person is not None:
                # `user.person` (templates read it) and `person.user` then need no query of their own.
                field = self.model._meta.get_field("user")
                field.remote_field.set_cached_value(user, person)
                field.set_cached_value(person, user)
        return person

    def open_to_collaboration(self):
        return self.filter(open_to_collaboration=True)

    def with_account(self):
        return self.filter(user__isnull=False)


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MembershipStatus.ACTIVE)

    def facilitators(self):
        return self.filter(role=MembershipRole.FACILITATOR)

    def requested(self):
        return self.filter(status=MembershipStatus.REQUESTED)


class CommunityPageQuerySet(PageQuerySet):
    def european(self):
        return self.filter(scope=CommunityScope.EUROPEAN)

    def members_only(self):
        return self.filter(visibility=Visibility.MEMBERS)

    def with_member_counts(self):
        """Annotate `member_count_annotated`: what CommunityPage.member_count counts, in the same query."""
        from django.db.models import Count, IntegerField, OuterRef, Subquery
        from django.db.models.functions import Coalesce

        from .models import Membership

        counts = (
            Membership.objects.active()
            .filter(community__translation_key=OuterRef("translation_key"))
            .order_by()
            .values("community__translation_key")
            .annotate(n=Count("person", distinct=True))
            .values("n")
        )
        return self.annotate(member_count_annotated=Coalesce(Subquery(counts, output_field=IntegerField()), 0))


CommunityPageManager = PageManager.from_queryset(CommunityPageQuerySet)


class ProjectPageQuerySet(PageQuerySet):
    """Projects by their status on a day (today when not given).

    The rule is communities.models.project_status; the values are ProjectStatus's.
    """

    @staticmethod
    def completed_q(today=None):
        today = today or timezone.localdate()
        return Q(status=ProjectStatus.COMPLETED) | Q(status=ProjectStatus.AUTOMATIC, end_date__lt=today)

    def completed_on(self, today=None):
        return self.filter(self.completed_q(today))

    def looking_for_partners(self, today=None):
        """Projects that ask for partners: the flag is set and they are not completed."""
        return self.filter(looking_for_partners=True).exclude(self.completed_q(today))


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)
