"""The Networking report's counts: does passive networking create collaborations that active search does not?

Two sides, compared stage by stage:

- passive: a person suggested by the recommender (beside a material, unit, project, community or profile,
  on "For you", among a project's suggested partners), ContactSource.SUGGESTION;
- active: a person found by searching, ContactSource.SEARCH.

Contacts that began on a profile reached some other way (a link, a community's member list) are shown
as a third column, "other", so that the two sides are not inflated by them.

Stages:

1. shown, 2. opened: the recommender's monthly counts (recommender.services.tallies), which store no
   viewer; by the viewer's country and communities;
3. contact requested, 4. accepted, 5. replies on both sides (the recipient wrote, and the sender wrote
   again after the request's own message), 6. joint work started (after the request, a project where
   both are partners or owner, or a material of one that adapts the other's): all joins of rows that
   already exist, by the sender's country and current communities, in the month the request was sent
   (a cohort: a request of March accepted in April counts in March).

Cross-border: sender and recipient in different countries (both known). Cross-language: the two
speak no language in common apart from English, the usual lingua franca (a Swedish and a German
teacher who both speak English cross a language border; two Swedes do not), both having said
which languages they speak.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Q, Sum
from django.utils import timezone

from communities.choices import PersonPlace
from communities.models import Membership, Person, ProjectPage
from messaging.models import ContactRequest, ContactSource, ContactStatus, Message
from recommender.services import tallies
from resources.models import ResourcePage

PASSIVE = "passive"
ACTIVE = "active"
OTHER = "other"
SIDES = (PASSIVE, ACTIVE, OTHER)
SIDE_OF_SOURCE = {ContactSource.SUGGESTION: PASSIVE, ContactSource.SEARCH: ACTIVE, ContactSource.PROFILE: OTHER}
STAGES = ("shown", "opened", "requested", "accepted", "replied", "joint")
CONTACT_STAGES = STAGES[2:]


def add_months(month, n):
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def recent_months(count=12, today=None):
    """The first days of the last `count` months, newest first (this month included)."""
    this = (today or timezone.localdate()).replace(day=1)
    return [add_months(this, -i) for i in range(count)]


def side_of_place(place):
    return ACTIVE if place == "search" else PASSIVE


@dataclass
class Funnel:
    """Counts of each stage for one side."""

    counts: dict = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    cross_border: dict = field(default_factory=lambda: dict.fromkeys(CONTACT_STAGES, 0))
    cross_language: dict = field(default_factory=lambda: dict.fromkeys(CONTACT_STAGES, 0))

    def add(self, other):
        for name in ("counts", "cross_border", "cross_language"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for key in mine:
                mine[key] += theirs[key]

    def rate(self, stage):
        """This stage as a share of the one before (None when the one before is 0 or not counted)."""
        index = STAGES.index(stage)
        if index == 0:
            return None
        before = self.counts[STAGES[index - 1]]
        return self.counts[stage] / before if before else None

    def per_thousand_shown(self, stage):
        shown = self.counts["shown"]
        return 1000 * self.counts[stage] / shown if shown else None

    def share(self, kind, stage):
        n = self.counts[stage]
        return getattr(self, kind)[stage] / n if n else None


def _bounds(month):
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(month, time.min), tz)
    end = timezone.make_aware(datetime.combine(add_months(month, 1), time.min), tz)
    return start, end


def _contacts(months, community_key, country):
    first, last = min(months), max(months)
    start, end = _bounds(first)[0], _bounds(last)[1]
    rows = (
        ContactRequest.objects.exclude(status=ContactStatus.EXPIRED)
        .filter(created_at__gte=start, created_at__lt=end)
        .select_related("sender", "recipient")
    )
    if country:
        rows = rows.filter(sender__country=country)
    if community_key:
        members = Membership.objects.active().filter(community__translation_key=community_key).values("person")
        rows = rows.filter(sender__in=members)
    return list(rows)


def _replied_both_ways(accepted):
    """Ids of accepted requests whose conversation has a reply by the recipient and a second word of the sender."""
    conversations = {r.conversation_id for r in accepted if r.conversation_id}
    written = {
        (row["conversation"], row["sender"]): row["n"]
        for row in Message.objects.filter(conversation__in=conversations)
        .values("conversation", "sender")
        .annotate(n=Count("pk"))
    }
    return {
        r.pk
        for r in accepted
        if written.get((r.conversation_id, r.recipient_id), 0) >= 1
        and written.get((r.conversation_id, r.sender_id), 0) >= 2
    }


def _joint_work(accepted):
    """Ids of accepted requests after which the two started a project together or one adapted the other's material."""
    people = {p for r in accepted for p in (r.sender_id, r.recipient_id)}
    if not people:
        return set()
    user_person = dict(Person.objects.filter(pk__in=people, user__isnull=False).values_list("user_id", "pk"))
    # Projects: their partners and owner among these people, with the date they were first published.
    projects = {}
    for project in ProjectPage.objects.filter(
        Q(partners__person__in=people) | Q(owner__in=user_person.keys())
    ).distinct():
        members = set(project.partners.filter(person__in=people).values_list("person_id", flat=True))
        if project.owner_id in user_person:
            members.add(user_person[project.owner_id])
        projects[project.pk] = (project.first_published_at, members)
    # Adaptations: a material by one person based on a material by another.
    adaptations = []
    for material in (
        ResourcePage.objects.filter(based_on__isnull=False, contributors__person__in=people)
        .distinct()
        .prefetch_related("contributors", "based_on__contributors")
    ):
        authors = {c.person_id for c in material.contributors.all()}
        originals = {c.person_id for c in material.based_on.contributors.all()}
        adaptations.append((material.first_published_at, authors, originals))
    joint = set()
    for r in accepted:
        pair = {r.sender_id, r.recipient_id}
        if any(when and when >= r.created_at and pair <= members for when, members in projects.values()):
            joint.add(r.pk)
            continue
        for when, authors, originals in adaptations:
            if not when or when < r.created_at:
                continue
            a, b = r.sender_id, r.recipient_id
            if (a in authors and b in originals) or (b in authors and a in originals):
                joint.add(r.pk)
                break
    return joint


LINGUA_FRANCA = "en"


def spoken_languages(person_ids):
    """{person id: set of language codes they speak}, in one query."""
    spoken = {}
    through = Person.languages.through
    for person_id, code in through.objects.filter(person_id__in=person_ids).values_list("person_id", "language__code"):
        spoken.setdefault(person_id, set()).add(code)
    return spoken


def crosses_languages(mine, theirs):
    """No language in common apart from English; unknown (nothing said) is not counted as crossing."""
    if not mine or not theirs:
        return False
    return not ((mine & theirs) - {LINGUA_FRANCA})


def funnels(months, community_key="", country=""):
    """{month: {side: Funnel}} for each of `months` (first days), and the total under the key None."""
    result = {month: {side: Funnel() for side in SIDES} for month in months}
    month_set = set(months)
    cells = tallies().filter(month__in=months, community_key=community_key or "")
    if country:
        cells = cells.filter(country=country)
    for row in cells.values("month", "place", "stage").annotate(total=Sum("count")):
        result[row["month"]][side_of_place(row["place"])].counts[row["stage"]] += row["total"]
    contacts = _contacts(months, community_key, country) if months else []
    accepted = [r for r in contacts if r.status == ContactStatus.ACCEPTED]
    replied = _replied_both_ways(accepted)
    joint = _joint_work(accepted)
    languages = spoken_languages({p for r in contacts for p in (r.sender_id, r.recipient_id)})

    for r in contacts:
        month = timezone.localtime(r.created_at).date().replace(day=1)
        if month not in month_set:
            continue
        funnel = result[month][SIDE_OF_SOURCE.get(r.source, OTHER)]
        stages = ["requested"]
        if r.status == ContactStatus.ACCEPTED:
            stages.append("accepted")
        if r.pk in replied:
            stages.append("replied")
        if r.pk in joint:
            stages.append("joint")
        border = bool(r.sender.country and r.recipient.country and r.sender.country != r.recipient.country)
        crosses_language = crosses_languages(languages.get(r.sender_id), languages.get(r.recipient_id))
        for stage in stages:
            funnel.counts[stage] += 1
            funnel.cross_border[stage] += border
            funnel.cross_language[stage] += crosses_language
    total = {side: Funnel() for side in SIDES}
    for month in months:
        for side in SIDES:
            total[side].add(result[month][side])
    result[None] = total
    return result


def by_place(months, community_key="", country=""):
    """{place: Funnel} over `months`: shown and opened from the counts, the rest from requests with that place."""
    result = {place: Funnel() for place in PersonPlace.values}
    cells = tallies().filter(month__in=months, community_key=community_key or "")
    if country:
        cells = cells.filter(country=country)
    for row in cells.values("place", "stage").annotate(total=Sum("count")):
        if row["place"] in result:
            result[row["place"]].counts[row["stage"]] += row["total"]
    contacts = [r for r in _contacts(months, community_key, country) if r.place in result] if months else []
    accepted = [r for r in contacts if r.status == ContactStatus.ACCEPTED]
    replied, joint = _replied_both_ways(accepted), _joint_work(accepted)
    for r in contacts:
        counts = result[r.place].counts
        counts["requested"] += 1
        counts["accepted"] += r.status == ContactStatus.ACCEPTED
        counts["replied"] += r.pk in replied
        counts["joint"] += r.pk in joint
    return result
