"""What people do in a community: join, accept, decline, leave, invite, start projects; each step sends its e-mail."""
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from .models import (
    Invitation, Membership, MembershipRole, MembershipStatus, ProjectPage, ProjectPartner,
)


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
    """Send one plain-text e-mail per recipient so addresses are never disclosed to each other."""
    recipients = [r for r in recipients if r]
    if not recipients:
        return
    # A bare name is one of ours; other apps pass their own "app/emails/name".
    prefix = template if "/" in template else f"communities/emails/{template}"
    subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
    body = render_to_string(f"{prefix}_body.txt", context)
    for address in recipients:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])


def facilitator_emails(community):
    return [
        p.user.email for p in community.facilitators().select_related("user") if p.user_id and p.user.email
    ]


def _email_of(person):
    return person.user.email if person is not None and person.user_id else ""


# -- Joining and leaving -----------------------------------------------------------

def request_to_join(person, community, absolute_url):
    """Ask to join; facilitators decide. `absolute_url` builds links for the e-mail."""
    membership = membership_of(person, community)
    if membership is not None and membership.status in (MembershipStatus.ACTIVE, MembershipStatus.REQUESTED):
        return membership
    if membership is None:
        membership = Membership(person=person, community=community, role=MembershipRole.MEMBER)
    membership.status = MembershipStatus.REQUESTED
    membership.role = MembershipRole.MEMBER
    membership.since = timezone.localdate()
    membership.save()
    notify("join_requested", {
        "person": person, "community": community,
        "requests_url": absolute_url(reverse("participation:requests", args=[community.pk])),
    }, facilitator_emails(community))
    return membership


def accept(membership, absolute_url):
    # Saving the membership puts the person in the community's group
    # (communities/signals.py), which opens members-only pages to them.
    membership.status = MembershipStatus.ACTIVE
    membership.since = timezone.localdate()
    membership.save()
    notify("join_accepted", {
        "person": membership.person, "community": membership.community,
        "community_url": absolute_url(membership.community.url),
    }, [_email_of(membership.person)])


def decline(membership):
    # The row goes, so that the person may ask again later.
    person, community = membership.person, membership.community
    membership.delete()
    notify("join_declined", {"person": person, "community": community}, [_email_of(person)])


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

def invite(email, community, invited_by, absolute_url, project=None):
    invitation = Invitation.objects.create(
        email=email.strip().lower(), community=community, project=project, invited_by=invited_by,
    )
    notify("invitation", {
        "invitation": invitation, "community": community, "project": project, "inviter": invited_by,
        "accept_url": absolute_url(reverse("accounts:invitation", args=[invitation.token])),
    }, [invitation.email])
    return invitation


@transaction.atomic
def accept_invitation(invitation, person):
    """Make the invitee an active member (and a partner of the invited project)."""
    membership = membership_of(person, invitation.community)
    if membership is None:
        membership = Membership(person=person, community=invitation.community, role=MembershipRole.MEMBER)
    if membership.status != MembershipStatus.ACTIVE:
        membership.status = MembershipStatus.ACTIVE
        membership.since = timezone.localdate()
        membership.save()
    if invitation.project is not None:
        add_partner(invitation.project, person)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


# -- Projects ----------------------------------------------------------------------

def plain_text_to_rich_text(text):
    """Paragraphs of escaped text: what a teacher typed is never taken as HTML."""
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs)


@transaction.atomic
def start_project(community, person, user, *, title, theme, summary="", description="",
                  looking_for_partners=False, start_date=None, end_date=None):
    if not is_active_member(person, community):
        raise ParticipationError("not_member")
    project = ProjectPage(
        title=title, theme=theme, summary=summary, description=plain_text_to_rich_text(description),
        looking_for_partners=looking_for_partners, start_date=start_date, end_date=end_date,
        owner=user, locale_id=community.locale_id,
        # A title of only punctuation or emoji ("!!!", "🙂") has no slug of its own: never a blank one.
        slug=find_available_slug(community, slugify(title, allow_unicode=True)[:200] or "project"),
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
