"""A believable networking history for the demo: contacts from suggestions and from search, over six months.

Requests accepted, declined and still waiting; conversations with replies in each participant's own
language; a few joint projects started after a contact; and the monthly counts of suggestions shown
and opened that the Networking report compares them with. Deterministic (a fixed seed), relative to
the day of loading, and loaded once: a second run finds the demo's requests and changes nothing.
"""

import datetime
import random

from django.utils import timezone
from django.utils.text import slugify

from communities.choices import PersonPlace
from communities.models import ProjectPage, ProjectPartner
from communities.privacy import shared_community_keys
from messaging.models import ContactRequest, ContactSource, ContactStatus, Conversation, Message, Participant
from recommender.services import add_counts, month_of

MONTHS = 6
PASSIVE_PLACES = [
    PersonPlace.RESOURCE,
    PersonPlace.PERSON,
    PersonPlace.FOR_YOU,
    PersonPlace.PROJECT,
    PersonPlace.PARTNERS,
]

# What people write, in their own language: the request, the recipient's reply, the sender's answer.
WORDS = {
    "sv": (
        "Hej! Jag undervisar i {subject} och såg ditt material. Vill du planera något tillsammans med mina elever?",
        "Hej och tack! Gärna, mina elever skulle tycka det var roligt. Vilken vecka passar dig?",
        "Toppen! Jag skickar ett förslag på upplägg i morgon.",
    ),
    "de": (
        "Hallo! Ich unterrichte {subject} und habe Ihr Material gesehen. Wollen wir etwas mit unseren Klassen planen?",
        "Hallo und danke! Sehr gerne, meine Klasse wäre begeistert. Welche Woche passt Ihnen?",
        "Wunderbar! Ich schicke morgen einen Vorschlag für den Ablauf.",
    ),
    "pt": (
        "Olá! Ensino {subject} e vi o seu material. Quer planear alguma coisa com as nossas turmas?",
        "Olá e obrigada! Com todo o gosto, a minha turma ia adorar. Que semana lhe dá jeito?",
        "Ótimo! Amanhã envio uma proposta de plano.",
    ),
    "en": (
        "Hello! I teach {subject} and saw your material. Would you like to plan something with our classes?",
        "Hello and thank you! Gladly, my class would love it. Which week suits you?",
        "Great! I will send a plan tomorrow.",
    ),
}
PROJECT_TITLES = [
    "Rivers across borders",
    "Our school gardens, compared",
    "Letters between two classes",
    "Measuring the weather together",
    "Stories of our towns",
    "Fractions in the kitchen",
]


def _language(person):
    codes = person.spec["languages"]
    return next((c for c in codes if c in WORDS and c != "en"), "en")


def _subject(person):
    subjects = person.spec.get("subjects") or ["biology"]
    return subjects[0].replace("-", " ")


def load_networking(loader):
    """Add the history unless the demo already has it; returns how many requests were made."""
    people = [p for p in loader.people if p.user_id is not None and p.discoverability != "nobody"]
    if ContactRequest.objects.filter(sender__slug__startswith="demo-").exists() or len(people) < 4:
        return 0
    rng = random.Random(13)
    now = timezone.now()
    this_month = month_of(timezone.localdate())
    made = joint = 0
    for back in range(MONTHS):
        # 6 months back: fewer contacts; the site grows towards this month.
        for _i in range(5 + (MONTHS - back) * 2):
            sender = rng.choice(people)
            passive = rng.random() < 0.6
            if passive:
                # Suggestions cross borders more often than a search, which looks for a name or a place.
                recipient = rng.choice(
                    [p for p in people if p.country != sender.country] if rng.random() < 0.65 else people
                )
                place = rng.choice(PASSIVE_PLACES)
            else:
                same = [p for p in people if p.country == sender.country]
                recipient = rng.choice(same if rng.random() < 0.75 else people)
                place = PersonPlace.SEARCH
            if recipient.pk == sender.pk or ContactRequest.objects.filter(sender=sender, recipient=recipient).exists():
                continue
            sent = now - datetime.timedelta(days=30 * back + rng.randint(1, 27), hours=rng.randint(0, 10))
            sent = min(sent, now - datetime.timedelta(hours=2))
            words_of_sender = WORDS[_language(sender)]
            words_of_recipient = WORDS[_language(recipient)]
            draw = rng.random()
            status = (
                ContactStatus.ACCEPTED
                if draw < (0.62 if passive else 0.55)
                else ContactStatus.DECLINED
                if draw < 0.85
                else ContactStatus.PENDING
            )
            if back == 0 and rng.random() < 0.4:
                status = ContactStatus.PENDING
            request = ContactRequest.objects.create(
                sender=sender,
                recipient=recipient,
                message=words_of_sender[0].format(subject=_subject(sender)),
                source=ContactSource.SEARCH if place == PersonPlace.SEARCH else ContactSource.SUGGESTION,
                place=place,
                status=status,
                created_at=sent,
                answered_at=None if status == ContactStatus.PENDING else sent + datetime.timedelta(days=1),
            )
            made += 1
            if status != ContactStatus.ACCEPTED:
                continue
            answered = sent + datetime.timedelta(days=1)
            thread = Conversation.objects.create(created_at=answered, last_message_at=answered)
            Participant.objects.create(conversation=thread, person=sender, joined_at=answered, last_read_at=answered)
            Participant.objects.create(conversation=thread, person=recipient, joined_at=answered, last_read_at=answered)
            Message.objects.create(conversation=thread, sender=sender, body=request.message, created_at=sent)
            request.conversation = thread
            request.save(update_fields=["conversation"])
            last = answered
            if rng.random() < (0.75 if passive else 0.6):
                last = answered + datetime.timedelta(hours=3)
                Message.objects.create(
                    conversation=thread, sender=recipient, body=words_of_recipient[1], created_at=last
                )
                if rng.random() < 0.8:
                    last = last + datetime.timedelta(days=1)
                    Message.objects.create(conversation=thread, sender=sender, body=words_of_sender[2], created_at=last)
                    started = last + datetime.timedelta(days=rng.randint(3, 20))
                    if started < now and rng.random() < (0.35 if passive else 0.2) and joint < len(PROJECT_TITLES):
                        _joint_project(loader, sender, recipient, PROJECT_TITLES[joint], started)
                        joint += 1
            Conversation.objects.filter(pk=thread.pk).update(last_message_at=last)
    _tallies(loader, people, rng, this_month)
    loader.counts["contact requests"] = made
    return made


def joint_project_keys():
    """The translation keys of the joint projects the history may start (demo pages, not teachers')."""
    from .loader import demo_key

    return {demo_key("networking-project", slugify(title)) for title in PROJECT_TITLES}


def _joint_project(loader, sender, recipient, title, when):
    """A project the two started after their contact, in the sender's home community (English only)."""
    from .loader import demo_key

    community = next(iter(loader.communities.values()))["en"]
    home = sender.memberships.active().select_related("community").first()
    if home is not None and home.community.locale_id == loader.locs["en"].pk:
        community = home.community
    key = demo_key("networking-project", slugify(title))
    if ProjectPage.objects.filter(translation_key=key).exists():
        return
    page = ProjectPage(
        title=title,
        slug=slugify(title),
        theme=title,
        # No names in the text: the partner list shows each person only to whom the privacy rule allows.
        summary="Two teachers started this project after getting in touch on Kollega.",
        start_date=when.date(),
        owner=sender.user,
    )
    page.partners = [
        ProjectPartner(person=sender, school=sender.school, country=sender.country),
        ProjectPartner(person=recipient, school=recipient.school, country=recipient.country),
    ]
    loader.create(community, page, key, loader.locs["en"], when=when)
    loader.counts["projects"] += 1


def _tallies(loader, people, rng, this_month):
    """Monthly counts of suggestions shown and opened, by the viewers' country and communities (no viewer)."""
    cells = {}
    for back in range(MONTHS):
        month = this_month
        for _ in range(back):
            month = month_of(month - datetime.timedelta(days=1))
        growth = MONTHS - back
        for person in people:
            country = person.country.code if person.country else ""
            keys = ["", *(str(k) for k in shared_community_keys(person))]
            for place in [*PASSIVE_PLACES, PersonPlace.SEARCH]:
                shown = rng.randint(0, 2 + growth) if place == PersonPlace.SEARCH else rng.randint(1, 3 + growth * 2)
                opened = sum(rng.random() < (0.35 if place == PersonPlace.SEARCH else 0.12) for _ in range(shown))
                for stage, n in (("shown", shown), ("opened", opened)):
                    for key in keys:
                        cell = (month, place, stage, key, country)
                        cells[cell] = cells.get(cell, 0) + n
    add_counts(cells)
