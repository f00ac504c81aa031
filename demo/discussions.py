"""Discussion threads with replies in every demo community, in the community's language.

The texts are in demo/data/discussions.<lang>.json; a community's language is
that of its country (the European community talks in English). Threads are
started and answered by the community's active members, two threads per
community, at fixed times before the demo's epoch.
"""

import datetime

from communities.models import Membership
from discussions.models import Post, Thread

from .datafiles import texts

COUNTRY_LANGUAGE = {"SE": "sv", "FI": "sv", "DE": "de", "AT": "de", "PT": "pt"}
THREADS_PER_COMMUNITY = 2


def community_language(community):
    return COUNTRY_LANGUAGE.get(community.country.code or "", "en")


def add_discussions(loader):
    """Two threads with replies in every community that has none yet; returns how many were started."""
    from .loader import EPOCH

    by_language = texts("discussions")
    made = 0
    for n, (_key, pages) in enumerate(sorted(loader.communities.items())):
        en = pages["en"]
        language = community_language(en)
        community = pages.get(language, en)
        if Thread.objects.of_community(community).exists():
            continue
        members = [
            m.person
            for m in Membership.objects.active()
            .filter(community__translation_key=en.translation_key)
            .select_related("person")
            .order_by("role", "person__slug")
        ]
        if not members:
            continue
        threads = by_language[language]["threads"]
        for t in range(THREADS_PER_COMMUNITY):
            spec = threads[(n + t) % len(threads)]
            start = EPOCH - datetime.timedelta(days=60 - 9 * t - n % 5, hours=n % 7)
            times = [start + datetime.timedelta(hours=20 * i) for i in range(len(spec["posts"]))]
            thread = Thread.objects.create(
                community=community,
                title=spec["title"],
                author=members[(n + t) % len(members)],
                created_at=times[0],
                last_activity_at=times[-1],
            )
            Post.objects.bulk_create(
                Post(thread=thread, author=members[(n + t + i) % len(members)], body=body, created_at=when)
                for i, (body, when) in enumerate(zip(spec["posts"], times, strict=True))
            )
            made += 1
    loader.counts["threads"] = loader.counts.get("threads", 0) + made
    return made
