"""The enumerations of people, communities, memberships and projects (bakerydemo's locations/choices.py).

Models, managers, privacy and participation all import them from here, so none of them has to
import another lazily for a constant.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Discoverability(models.TextChoices):
    """Who may find a person; the privacy rule in privacy.py reads this."""

    NOBODY = "nobody", _("Not discoverable")
    COMMUNITIES = "communities", _("My communities only")
    COUNTRY = "country", _("My country")
    EUROPE = "europe", _("All of Europe")


class CommunityScope(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    EUROPEAN = "european", _("European cross-border")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")


class MembershipRole(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    MEMBER = "member", _("Member")


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACTIVE = "active", _("Active")
    LEFT = "left", _("Left")


class ProjectStatus(models.TextChoices):
    """What a project page stores: automatic (from its dates, the default) or an editor's explicit status."""

    AUTOMATIC = "automatic", _("Automatic (from the dates)")
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class PartnerRequestKind(models.TextChoices):
    """Who started a partner request: the teacher asked to join, or the project invited the teacher."""

    ASKED = "asked", _("Asked to join")
    INVITED = "invited", _("Invited")


class PartnerRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PersonPlace(models.TextChoices):
    """Where one person was shown another: the suggestion places (passive networking) and search (active).

    Links from these places to a profile or to the contact form carry `via=<place>`, so that the
    Networking report can count openings (no viewer stored) and ContactRequest.place says exactly
    where a contact began.
    """

    RESOURCE = "resource", _("Beside a material")
    UNIT = "unit", _("Beside a curriculum unit")
    PROJECT = "project", _("Beside a project")
    COMMUNITY = "community", _("Beside a community")
    PERSON = "person", _("Beside a profile")
    FOR_YOU = "for_you", _("For you")
    PARTNERS = "partners", _("Suggested partners of a project")
    SEARCH = "search", _("Search results")

    @classmethod
    def from_param(cls, value):
        """The place named by a `via` parameter, or "" for anything else (hostile values included)."""
        return value if isinstance(value, str) and value in cls.values else ""
