"""Follows and notifications for the demo: the documented teacher follows colleagues, a community and a project.

Made through notifications.services (so the privacy rule decides, as on the live site),
dated from the demo's fixed epoch, and only once: a second run finds the teacher's
follows and changes nothing.
"""

import datetime

from communities.choices import CommunityScope, Discoverability
from communities.models import CommunityPage, Person, ProjectPage
from notifications.choices import NotificationKind
from notifications.models import Follow
from notifications.services import follow, mark_read, notify
from resources.models import ResourcePage


def _newest(materials):
    return materials.live().filter(locale__language_code="en").order_by("-first_published_at", "pk").first()


def load_follows(loader):
    """Returns the number of follows made (0 when the demo has them already)."""
    from .loader import EPOCH  # the demo's clock; late, since the loader imports this module

    teacher = loader.teacher
    if Follow.objects.filter(follower=teacher).exists():
        return 0
    colleagues = list(
        Person.objects.filter(slug__startswith="demo-", user__isnull=False, discoverability=Discoverability.EUROPE)
        .exclude(pk=teacher.pk)
        .exclude(country=teacher.country)
        .filter(resource_contributions__page__live=True)
        .distinct()
        .order_by("slug")[:3]
    )
    european = CommunityPage.objects.filter(locale__language_code="en", scope=CommunityScope.EUROPEAN).first()
    project = ProjectPage.objects.live().filter(locale__language_code="en").order_by("title").first()
    for target in [*colleagues, european, project]:
        if target is not None:
            follow(teacher, target)
    made = Follow.objects.filter(follower=teacher).count()

    hour = datetime.timedelta(hours=1)
    for i, colleague in enumerate(colleagues):
        work = _newest(ResourcePage.objects.filter(contributors__person=colleague))
        if work is not None:
            notify(teacher, NotificationKind.NEW_WORK, actor=colleague, target=work, now=EPOCH - (i + 1) * 5 * hour)
    if european is not None:
        work = _newest(ResourcePage.objects.filter(community__translation_key=european.translation_key))
        if work is not None:
            notify(teacher, NotificationKind.COMMUNITY_MATERIAL, target=work, place=european, now=EPOCH - 2 * hour)
        joined = notify(teacher, NotificationKind.JOIN_ACCEPTED, target=european, now=EPOCH - 30 * 24 * hour)
        if joined is not None:
            mark_read(joined, now=EPOCH - 29 * 24 * hour)
    # Two colleagues follow each other back, so that the teacher is not the only one with follows.
    if len(colleagues) >= 2:
        follow(colleagues[0], colleagues[1])
        follow(colleagues[1], colleagues[0])
        made += 2
    return made
