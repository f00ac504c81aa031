"""What people do in a community: join, accept, decline, leave, invite, start projects; each step sends its e-mail."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.mail import send_templated_email
from core.pages import available_slug
from core.text import text_to_rich_text
from core.urls import absolute_url

from .choices import MembershipRole, MembershipStatus
from .models import Invitation, Membership, ProjectPage, ProjectPartner


class ParticipationError(Exception):
    """A step the rules do not allow; the message is meant for the person who tried."""


# -- Who is who in a community -------------------------------------------------


def membership_of(person, community):
    """The person's membership of the community in any of its translations, or None."""
    if person is None:
        return None
    return community.memberships().filter(person=person).first()


def is_active_member(person, community):
    membership = membership_of(person, community)
    return membership is not None and membership.status == MembershipStatus.ACTIVE


def is_facilitator(person, community):
    return person is not None and community.memberships().active().facilitators().filter(person=person).exists()


def can_moderate(user, person, community):
    """Facilitators look after their community; superusers may step in for any."""
    return bool(getattr(user, "is_superuser", False)) or is_facilitator(person, community)


# -- E-mail ------------------------------------------------------------------------


def notify(template, context, recipients):
    """Queue one e-mail per recipient (persons, users or addresses), each in the recipient's language.

    One message each, so that addresses are never disclosed to each other.
    A bare template name is one of ours; other apps pass their own "app/emails/name".
    """
    template = template if "/" in template else f"communities/emails/{template}"
    for recipient in recipients:
        if recipient:
            send_templated_email(template, context, recipient)


def facilitators_to_notify(community):
    """The facilitators who have an account with an e-mail address."""
    return [p for p in community.facilitators().select_related("user") if p.user_id and p.user.email]


# -- Joining and leaving -----------------------------------------------------------


def request_to_join(person, community):
    """Ask to join; facilitators decide."""
    membership = membership_of(person, community)
    if membership is not None and membership.status in (MembershipStatus.ACTIVE, MembershipStatus.REQUESTED):
        return membership
    if membership is None:
        membership = Membership(person=person, community=community, role=MembershipRole.MEMBER)
    membership.status = MembershipStatus.REQUESTED
    membership.role = MembershipRole.MEMBER
    membership.since = timezone.localdate()
    membership.save()
    notify(
        "join_requested",
        {
            "person": person,
            "community": community,
            "requests_url": absolute_url(reverse("participation:requests", args=[community.pk])),
        },
        facilitators_to_notify(community),
    )
    return membership


def accept(membership):
    # Saving the membership puts the person in the community's group
    # (communities/signals.py), which opens members-only pages to them.
    membership.status = MembershipStatus.ACTIVE
    membership.since = timezone.localdate()
    membership.save()
    notify(
        "join_accepted",
        {
            "person": membership.person,
            "community": membership.community,
            "community_url": absolute_url(membership.community),
        },
        [membership.person],
    )


def decline(membership):
    # The row goes, so that the person may ask again later.
    person, community = membership.person, membership.community
    membership.delete()
    notify("join_declined", {"person": person, "community": community}, [person])


def leave(person, community):
    membership = membership_of(person, community)
    if membership is None or membership.status == MembershipStatus.LEFT:
        return None
    if membership.role == MembershipRole.FACILITATOR and membership.status == MembershipStatus.ACTIVE:
        others = community.memberships().active().facilitators().exclude(person=person)
        if not others.exists():
            # A community without facilitators has nobody to accept members or read reports.
            raise ParticipationError("last_facilitator")
    membership.status = MembershipStatus.LEFT
    membership.save()
    return membership


# -- Invitations -------------------------------------------------------------------
#
# Only facilitators admit members. A community invitation comes from the
# facilitators' page (views.invite checks can_moderate) and makes the invitee
# a member; a project partner's invitation makes them a partner of the project
# and nothing more, unless its sender facilitates the community: membership is
# then asked of the facilitators (request_to_join), who decide as for any
# request. An invitation is for its address: whoever is signed in with another
# account cannot accept it.


def invite(email, community, invited_by, project=None):
    """Invite an address into `community` (facilitators) or into `project` (its partners)."""
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        community=community,
        project=project,
        invited_by=invited_by,
    )
    notify(
        "invitation",
        {
            "invitation": invitation,
            "community": community,
            "project": project,
            "inviter": invited_by,
            "accept_url": absolute_url(reverse("accounts:invitation", args=[invitation.token])),
        },
        [invitation.email],
    )
    return invitation


def invitation_admits(invitation):
    """Whether accepting the invitation makes the invitee a member of its community.

    A community invitation always does (only facilitators may send one); a
    project invitation only when its sender still facilitates the community.
    """
    if invitation.project_id is None:
        return True
    return is_facilitator(invitation.invited_by, invitation.community)


def invitation_is_for(invitation, user):
    """Whether `user` holds the address the invitation was sent to (case does not matter)."""
    email = (getattr(user, "email", "") or "").strip().lower()
    return bool(email) and email == invitation.email.strip().lower()


@transaction.atomic
def accept_invitation(invitation, person):
    """Accept for `person`: a member when the invitation admits, a partner of the invited project.

    Returns the person's membership of the community afterwards (active,
    requested of the facilitators, or None). Refuses an invitation sent to
    another address (ParticipationError "other_address").
    """
    if person is None or person.user_id is None or not invitation_is_for(invitation, person.user):
        raise ParticipationError("other_address")
    membership = membership_of(person, invitation.community)
    if invitation_admits(invitation):
        if membership is None:
            membership = Membership(person=person, community=invitation.community, role=MembershipRole.MEMBER)
        if membership.status != MembershipStatus.ACTIVE:
            membership.status = MembershipStatus.ACTIVE
            membership.since = timezone.localdate()
            membership.save()
    elif membership is None or membership.status != MembershipStatus.ACTIVE:
        membership = request_to_join(person, invitation.community)
    if invitation.project is not None:
        add_partner(invitation.project, person)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


# -- Projects ----------------------------------------------------------------------


@transaction.atomic
def start_project(
    community,
    person,
    user,
    *,
    title,
    theme,
    summary="",
    description="",
    looking_for_partners=False,
    start_date=None,
    end_date=None,
):
    if not is_active_member(person, community):
        raise ParticipationError("not_member")
    project = ProjectPage(
        title=title,
        theme=theme,
        summary=summary,
        description=text_to_rich_text(description),
        looking_for_partners=looking_for_partners,
        start_date=start_date,
        end_date=end_date,
        owner=user,
        locale_id=community.locale_id,
        # A title of only punctuation or emoji ("!!!", "🙂") has no slug of its own: never a blank one.
        slug=available_slug(community, title, fallback="project"),
    )
    project.partners.add(ProjectPartner(person=person, school=person.school, country=person.country))
    community.add_child(instance=project)
    project.save_revision(user=user).publish()
    project.refresh_from_db()
    return project


def is_partner(person, project):
    return person is not None and project.partners.filter(person=person).exists()


def can_manage_project(user, person, project):
    return is_partner(person, project) or can_moderate(user, person, project.community)


def _publish(project, user):
    # Through a revision, so that the admin's history and later edits start from this state.
    project.save_revision(user=user).publish()
    project.refresh_from_db()


def add_partner(project, person, user=None):
    project = ProjectPage.objects.get(pk=project.pk)
    if project.partners.filter(person=person).exists():
        return False
    project.partners.add(ProjectPartner(person=person, school=person.school, country=person.country))
    _publish(project, user)
    return True


def set_looking_for_partners(project, looking, user=None):
    project = ProjectPage.objects.get(pk=project.pk)
    project.looking_for_partners = looking
    _publish(project, user)
    return project
