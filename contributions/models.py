"""The moderation step of the community workflow: the owning community's facilitators approve."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class FacilitatorApprovalTask(Task):
    """A Wagtail workflow task whose approvers are computed from memberships, not from a fixed group.

    One task serves every community: the approvers of a material are the active
    facilitators of its owning community (in any translation of that community),
    read from communities.Membership at the moment they act. A per-community
    Group would have needed one workflow per community, but workflows attach to
    the page tree and all materials share their locale's ResourceIndexPage.
    Materials without a community fall back to superusers.
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("Community facilitators' approval")
        verbose_name_plural = _("Community facilitators' approvals")

    @classmethod
    def get_description(cls):
        return _("Facilitators of the material's owning community approve it or request changes")

    def user_may_moderate(self, obj, user):
        from .moderation import is_facilitator_for

        if not user.is_authenticated or not user.is_active:
            return False
        return user.is_superuser or is_facilitator_for(user, obj)

    def user_can_access_editor(self, obj, user):
        return self.user_may_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_may_moderate(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_may_moderate(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.user_may_moderate(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        # Rare and small (materials waiting for review), so checking each is fine.
        ids = [
            s.pk for s in states.select_related("revision") if self.user_may_moderate(s.revision.content_object, user)
        ]
        return states.filter(pk__in=ids)
