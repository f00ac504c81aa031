"""Reasons, like suggestions, come only from what the viewer may see, and a view
restriction added after indexing reaches the index, the cached lists and the digests."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from recommender import conf
from recommender.digests import build_digest
from recommender.services import related_people, related_resources
from resources.models import ResourceContributor
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TEXT = "Pupils draw a storyboard and animate their first short story frame by frame with a tablet camera."
WORKSHEET = "Worksheet: Your first animated story"


def reasons_of(suggestions):
    return [str(r) for s in suggestions for r in s.reasons]


def test_a_members_only_adaptation_is_no_reason_for_outsiders():
    original = f.resource("Animation lesson", summary=TEXT, subjects=["art"], authors=[f.person("Ana Author")])
    circle = f.community("Animation circle", visibility="members")
    ines = f.person("Inês Rodrigues", discoverability="europe", country="PT")
    adaptation = f.resource(
        "Animation lesson, adapted", summary=TEXT, subjects=["art"], based_on=original, community=circle
    )
    ResourceContributor.objects.create(page=adaptation, person=ines, role="adapter")
    member = f.person("Circle member")
    f.join(member, circle)
    outsider = f.person("Outsider")
    index_all()

    assert "Adapted this material into English" in reasons_of(related_people(original, viewer=member.user))
    for viewer in (None, outsider.user):
        assert not [r for r in reasons_of(related_people(original, viewer=viewer)) if "Adapted this material" in r]


def test_the_author_of_a_members_only_original_is_no_reason_for_outsiders():
    circle = f.community("Animation circle", visibility="members")
    rita = f.person("Rita Original", discoverability="europe")
    original = f.resource("Members-only animation lesson", summary=TEXT, community=circle, authors=[rita])
    adaptation = f.resource("Animation lesson for all", summary=TEXT, based_on=original)
    index_all()
    assert "Wrote the material this one adapts" not in reasons_of(related_people(adaptation))


@pytest.fixture
def worksheet_world():
    olga = f.person("Olga Open", discoverability="europe", country="PT")
    worksheet = f.resource(WORKSHEET, summary=TEXT, subjects=["art"], authors=[olga])
    me = f.person("Me Teacher", discoverability="europe")
    me.user.email = "me@example.org"
    me.user.save()
    lesson = f.resource("My animation lesson", summary=TEXT, subjects=["art"], authors=[me])
    index_all()
    return {"olga": olga, "worksheet": worksheet, "lesson": lesson, "me": me}


def restrict_with_password(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )


def test_a_page_restricted_after_indexing_leaves_the_index_the_cached_lists_and_the_reasons(
    worksheet_world, django_capture_on_commit_callbacks
):
    lesson, worksheet = worksheet_world["lesson"], worksheet_world["worksheet"]
    assert f"Wrote “{WORKSHEET}”" in reasons_of(related_people(lesson))  # cached now
    assert worksheet in [s.object for s in related_resources(lesson)]

    with django_capture_on_commit_callbacks(execute=True):
        restrict_with_password(worksheet)

    assert conf.get_index().get([f"resource:{worksheet.pk}"]) == {}
    assert not [r for r in reasons_of(related_people(lesson)) if WORKSHEET in r]
    assert worksheet not in [s.object for s in related_resources(lesson)]


def test_a_group_restriction_gives_the_index_the_groups_audience(worksheet_world, django_capture_on_commit_callbacks):
    worksheet = worksheet_world["worksheet"]
    group = Group.objects.create(name="Animation editors")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=worksheet, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(group)
    assert conf.get_index().get([f"resource:{worksheet.pk}"])[f"resource:{worksheet.pk}"].audience == [
        f"group:{group.pk}"
    ]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert conf.get_index().get([f"resource:{worksheet.pk}"])[f"resource:{worksheet.pk}"].audience == ["public"]


def test_a_stale_index_puts_no_restricted_title_in_a_reason(worksheet_world):
    """The worker has not run yet (on_commit callbacks never fire here): the index still says public."""
    lesson, worksheet = worksheet_world["lesson"], worksheet_world["worksheet"]
    restrict_with_password(worksheet)
    from django.core.cache import cache

    cache.clear()
    assert conf.get_index().get([f"resource:{worksheet.pk}"])  # stale on purpose
    assert not [r for r in reasons_of(related_people(lesson)) if WORKSHEET in r]


def test_the_digest_does_not_name_work_restricted_after_indexing(worksheet_world, django_capture_on_commit_callbacks):
    me = worksheet_world["me"]
    since = timezone.now() - timedelta(days=7)
    _, text, html = build_digest(me, since)
    assert WORKSHEET in text  # the check below would prove nothing otherwise

    with django_capture_on_commit_callbacks(execute=True):
        restrict_with_password(worksheet_world["worksheet"])
    digest = build_digest(me, since)
    if digest is not None:
        _, text, html = digest
        assert WORKSHEET not in text and WORKSHEET not in html
