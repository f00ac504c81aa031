"""The community moderation workflow: who approves, submitting and resubmitting, notifying teachers."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from communities.models import CommunityPage, Membership, Person
from communities.participation import is_facilitator
from communities.privacy import viewer_person
from core.mail import send_templated_email
from core.urls import absolute_url

from .models import FacilitatorApprovalTask

FACILITATORS_GROUP = "Community facilitators"
WORKFLOW_NAME = "Community moderation"


# -- who approves ------------------------------------------------------------


def owning_community(obj):
    """The community a page belongs to (read from its latest revision: a draft's row may be older)."""
    page = obj.specific if isinstance(obj, Page) else obj
    community_id = getattr(page, "community_id", None)
    if community_id is None and isinstance(page, Page) and page.latest_revision_id:
        community_id = getattr(page.get_latest_revision_as_object(), "community_id", None)
    return CommunityPage.objects.filter(pk=community_id).first() if community_id else None


def is_facilitator_for(user, obj):
    """Does `user` facilitate the community that owns `obj` (in any of its translations)?"""
    community = owning_community(obj)
    return community is not None and is_facilitator(viewer_person(user), community)


def facilitators_group():
    """The group that lets facilitators into the Wagtail admin, where reviews happen.

    It grants admin access only; what they may approve is decided per page by
    FacilitatorApprovalTask.
    """
    group, created = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    if created:
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def sync_facilitator_access(person):
    """Keep a person's user in the facilitators group exactly while they facilitate an active community."""
    if person.user_id is None:
        return
    facilitates = Membership.objects.active().facilitators().filter(person=person).exists()
    group = facilitators_group()
    if facilitates:
        person.user.groups.add(group)
    else:
        person.user.groups.remove(group)


# -- the workflow -------------------------------------------------------------


def moderation_workflow():
    """The active workflow with a facilitators' approval step, created the first time it is needed."""
    workflow = Workflow.objects.filter(
        active=True, workflow_tasks__task__content_type__model="facilitatorapprovaltask"
    ).first()
    if workflow is not None:
        return workflow
    with transaction.atomic():
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        task = FacilitatorApprovalTask.objects.create(name="Facilitators of the owning community", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_workflow_for(page):
    """Attach the moderation workflow to the page's ResourceIndexPage unless an editor chose another one.

    Workflows attach to the tree; attaching at the index makes materials
    submitted from the admin go to the same facilitators.
    """
    parent = page.get_parent()
    WorkflowPage.objects.get_or_create(page=parent, defaults={"workflow": moderation_workflow()})
    return page.get_workflow() or moderation_workflow()


def submit_for_moderation(page, user):
    """Send the page's latest revision to review: start the workflow, or resume it after requested changes."""
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
        return state  # already in review: the new revision is what reviewers will see
    return ensure_workflow_for(page).start(page, user)


def in_review(page):
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def needs_changes(page):
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES


# -- notifications -------------------------------------------------------------


def notify(user, template, page, **context):
    """Queue an e-mail to one user with contributions/emails/<template>_subject.txt and .txt.

    Written in the user's preferred language, else in the language of the
    material's locale: the language the teacher was working in when they shared it.
    """
    if not user or not user.email or not user.is_active:
        return
    context.update(
        page=page,
        page_url=absolute_url(page),
        edit_url=absolute_url(reverse("contributions:edit", args=[page.pk])),
        mine_url=absolute_url(reverse("contributions:mine")),
    )
    send_templated_email(f"contributions/emails/{template}", context, user, default_language=page.locale.language_code)


def notify_facilitators(page, submitter):
    community = owning_community(page)
    if community is None:
        return
    for person in Person.objects.filter(
        pk__in=community.facilitators().values("pk"), user__isnull=False
    ).select_related("user"):
        if person.user_id != getattr(submitter, "pk", None):
            notify(
                person.user,
                "submitted",
                page,
                community=community,
                facilitator=person,
                submitter=submitter,
                review_url=absolute_url(reverse_admin_edit(page)),
            )


def reverse_admin_edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
