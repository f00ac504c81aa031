"""The kinds of notification. The text of each is written when it is shown, in the reader's language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    CONTACT_REQUEST = "contact_request", _("Contact request")
    CONTACT_ACCEPTED = "contact_accepted", _("Contact request accepted")
    NEW_MESSAGE = "new_message", _("New message")
    NEW_THREAD = "new_thread", _("New discussion")
    NEW_REPLY = "new_reply", _("New reply")
    COMMUNITY_MATERIAL = "community_material", _("New material in a community")
    PROJECT_MATERIAL = "project_material", _("New material from a project")
    NEW_WORK = "new_work", _("New work by a person")
    MATERIAL_APPROVED = "material_approved", _("Material approved")
    MATERIAL_SENT_BACK = "material_sent_back", _("Material sent back")
    JOIN_ACCEPTED = "join_accepted", _("Join request accepted")
    JOIN_DECLINED = "join_declined", _("Join request declined")
    PARTNER_ASKED = "partner_asked", _("Request to join a project")
    PARTNER_INVITED = "partner_invited", _("Invitation to a project")
    PARTNER_ACCEPTED = "partner_accepted", _("New project partner")
    PARTNER_WELCOME = "partner_welcome", _("Request to join a project accepted")


# The other side wrote to the reader directly: their name is theirs to give (as in messaging's e-mails).
DIRECT_KINDS = {
    NotificationKind.CONTACT_REQUEST,
    NotificationKind.CONTACT_ACCEPTED,
    NotificationKind.NEW_MESSAGE,
    NotificationKind.PARTNER_ASKED,
    NotificationKind.PARTNER_INVITED,
    NotificationKind.PARTNER_ACCEPTED,
}
# About a person's work: without a person the reader may see there is nothing to tell.
ABOUT_PERSON_KINDS = {NotificationKind.NEW_WORK}
# About the reader's own draft: its view restrictions must admit the reader; it need not be live.
DRAFT_KINDS = {NotificationKind.MATERIAL_SENT_BACK}
# Several of these about the same thing while unread are one notification, moved to the top.
COLLAPSING_KINDS = {NotificationKind.NEW_MESSAGE, NotificationKind.NEW_REPLY}
