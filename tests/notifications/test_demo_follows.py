"""The demo's follows and notifications: made through the privacy rule, once."""

from types import SimpleNamespace

import pytest

from demo.follows import load_follows
from notifications.models import Follow, Notification
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_demo_teacher_follows_colleagues_and_a_community_and_has_news():
    teacher = f.person("Tina Teacher", country="PT", slug="demo-tina")
    european = f.community("European Teachers", scope="european", country="")
    f.join(teacher, european)
    colleagues = [f.person(f"Colleague {i}", country="SE", slug=f"demo-colleague-{i}") for i in range(3)]
    private = f.person("Private Colleague", country="SE", slug="demo-a-private", discoverability="nobody")
    for person in [*colleagues, private]:
        f.resource(f"Work of {person.display_name}", authors=[person], community=european)

    assert load_follows(SimpleNamespace(teacher=teacher)) == 6
    followed = {x.person_id or x.page_id for x in Follow.objects.filter(follower=teacher)}
    assert followed == {c.pk for c in colleagues} | {european.pk}
    mine = Notification.objects.filter(recipient=teacher)
    assert mine.filter(kind="new_work").count() == 3
    assert mine.filter(kind="join_accepted", read_at__isnull=False).exists()
    assert not mine.filter(actor=private).exists()
    # A second run changes nothing.
    assert load_follows(SimpleNamespace(teacher=teacher)) == 0
    assert Follow.objects.count() == 6
