"""What happens when a moderation workflow is approved (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail imports this while it defines its models, so nothing here may import
models at module level.
"""


def publish_approved(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish what the workflow approved.

    Wagtail's default publishes as the last approver and checks that they hold
    the publish permission. Facilitators deliberately do not (they would then
    publish any material in the tree); for a workflow with a facilitators'
    step, approving the step is the permission, checked by the task itself.
    """
    from wagtail.workflows import publish_workflow_state  # late: see the module docstring

    approved_by_facilitators = workflow_state.workflow.workflow_tasks.filter(
        task__content_type__model="facilitatorapprovaltask"
    ).exists()
    if not approved_by_facilitators:
        return publish_workflow_state(workflow_state, user=user)
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
