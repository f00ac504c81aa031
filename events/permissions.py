"""Who looks after an event: its organisers, the facilitators of its community, superusers."""

from communities.participation import can_moderate
from communities.privacy import viewer_person


def can_manage_event(user, event):
    """May see the registrants, download them as CSV and mark attendance."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    me = viewer_person(user)
    if me is None:
        return False
    if event.organisers.filter(pk=me.pk).exists():
        return True
    community = event.community
    return community is not None and can_moderate(user, me, community)
