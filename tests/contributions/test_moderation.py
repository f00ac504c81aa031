"""The community moderation workflow end to end: submit, approve or request changes, notify."""

import pytest
from django.core import mail
from django.urls import reverse

from core.urls import absolute_url
from resources.models import ResourcePage
from tests import factories as f

from .test_contribute import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(client):
    f.resource_index("en")
    community = f.community("Baltic Science Teachers")
    teacher = f.person("Ana Teacher")
    teacher.user.email = "ana@example.org"
    teacher.user.save()
    f.join(teacher, community)
    facilitator = f.person("Fia Facilitator")
    f.join(facilitator, community, role="facilitator")
    return community, teacher, facilitator


def submit(client, teacher, community, django_capture_on_commit_callbacks):
    client.force_login(teacher.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contribute/", form_data(community))
    page = ResourcePage.objects.get(title="Water cycle in a jar")
    return page, page.current_workflow_state.current_task_state


def act(client, user, page, task_state, action, comment="", capture=None):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    with capture(execute=True):
        return client.post(url, {"comment": comment})


def test_facilitator_approves_the_page_goes_live_and_the_teacher_is_told(
    client,
    setting,
    django_capture_on_commit_callbacks,
):
    community, teacher, facilitator = setting
    page, task_state = submit(client, teacher, community, django_capture_on_commit_callbacks)
    # The facilitator hears about it first.
    assert any(facilitator.user.email in m.to and "To review" in m.subject for m in mail.outbox)
    mail.outbox.clear()

    act(client, facilitator.user, page, task_state, "approve", capture=django_capture_on_commit_callbacks)

    page.refresh_from_db()
    assert page.live
    client.logout()
    assert client.get(page.url).status_code == 200
    to_teacher = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert len(to_teacher) == 1, [m.subject for m in mail.outbox]
    assert "Published" in to_teacher[0].subject and absolute_url(page) in to_teacher[0].body


def test_facilitators_get_admin_access_only_while_they_facilitate(setting):
    community, teacher, facilitator = setting
    assert facilitator.user.has_perm("wagtailadmin.access_admin")
    assert not teacher.user.has_perm("wagtailadmin.access_admin")
    facilitator.memberships.update(status="left")
    facilitator.memberships.first().save()
    facilitator.user.refresh_from_db()
    del facilitator.user._perm_cache
    del facilitator.user._group_perm_cache
    assert not facilitator.user.has_perm("wagtailadmin.access_admin")


def test_a_facilitator_of_another_community_cannot_approve(client, setting, django_capture_on_commit_callbacks):
    community, teacher, _ = setting
    elsewhere = f.community("Alpine Teachers")
    stranger = f.person("Other Facilitator")
    f.join(stranger, elsewhere, role="facilitator")
    page, task_state = submit(client, teacher, community, django_capture_on_commit_callbacks)

    response = act(client, stranger.user, page, task_state, "approve", capture=django_capture_on_commit_callbacks)

    # Wagtail's admin refuses by sending them back to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"


def test_a_plain_member_cannot_approve(client, setting, django_capture_on_commit_callbacks):
    community, teacher, _ = setting
    member = f.person("Just A Member")
    f.join(member, community)
    page, task_state = submit(client, teacher, community, django_capture_on_commit_callbacks)
    assert task_state.task.specific.get_actions(page, member.user) == []
    act(client, member.user, page, task_state, "approve", capture=django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert not page.live


def test_requested_changes_reach_the_teacher_who_edits_and_resubmits(
    client,
    setting,
    django_capture_on_commit_callbacks,
):
    community, teacher, facilitator = setting
    page, task_state = submit(client, teacher, community, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    act(
        client,
        facilitator.user,
        page,
        task_state,
        "reject",
        comment="Please add the materials list.",
        capture=django_capture_on_commit_callbacks,
    )

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"
    message = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    assert "Changes requested" in message.subject
    assert "Please add the materials list." in message.body
    assert f"/en/contribute/{page.pk}/edit/" in message.body

    # The teacher sees the comment, edits and sends it back.
    client.force_login(teacher.user)
    assert "Please add the materials list." in client.get("/en/contribute/mine/").content.decode()
    edit_url = f"/en/contribute/{page.pk}/edit/"
    assert 'value="Water cycle in a jar"' in client.get(edit_url).content.decode()
    data = form_data(community, body_text="You need: a jar, soil, water.\n\nClose the lid.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == "in_progress"
    act(client, facilitator.user, page, state.current_task_state, "approve", capture=django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live
    client.logout()
    assert "You need: a jar, soil, water." in client.get(page.url).content.decode()


def test_the_teacher_cannot_edit_while_the_review_is_running(client, setting, django_capture_on_commit_callbacks):
    community, teacher, _ = setting
    page, _ = submit(client, teacher, community, django_capture_on_commit_callbacks)
    response = client.get(f"/en/contribute/{page.pk}/edit/", follow=True)
    assert "is being reviewed" in response.content.decode()


def test_nobody_else_may_edit_a_teachers_draft(client, setting, django_capture_on_commit_callbacks):
    community, teacher, _ = setting
    page, _ = submit(client, teacher, community, django_capture_on_commit_callbacks)
    other = f.person("Nosy Colleague")
    f.join(other, community)
    client.force_login(other.user)
    assert client.get(f"/en/contribute/{page.pk}/edit/").status_code == 404
