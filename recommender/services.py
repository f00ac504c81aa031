"""The recommender's only entry point for views, templates, tasks and other apps.

    related_resources(obj, viewer=None, limit=6) -> [Suggestion]
    related_people(obj, viewer=None, limit=6) -> [Suggestion]
    forget(obj)  erase an object's embedding and index entry now (a deleted account)
    similar_to_text(text, ...) -> [TextMatch]  pages near a piece of text, e.g. a search query

    count_shown(viewer, place, n), count_opened(viewer, place)  the Networking report's counts (no viewer stored)
    tallies(), add_counts(cells)  the counts' rows, for the report; counts made elsewhere (the demo)

obj is a ResourcePage, CurriculumUnitPage, ProjectPage, CommunityPage or
Person. Each Suggestion has .object, .score and .reasons (localized when
rendered). Privacy: the index filters inside the kNN by the viewer's
audience tokens, and the final list is confirmed with communities.privacy.
If the index or the encoder fails, the last good suggestions are served.
"""

import hashlib
import logging
import time
from dataclasses import dataclass, field

import numpy as np
from django.core.cache import cache
from django.db.models import Q
from django.utils import translation

from communities.models import Person, ProjectPage
from communities.privacy import (
    viewer_page_audience,
    viewer_person,
    viewer_person_audience,
    visible_among,
    visible_page_ids,
    visible_pages,
    visible_people,
)
from core.content_cache import cached_many, one_reading
from resources.models import ResourcePage

from . import conf, scoring
from . import tallies as _tallies
from .documents import KINDS, key_for, kind_of, split_key
from .encoders.base import EncoderError
from .indexes.base import IndexUnavailable, KnnQuery
from .models import Dismissal, Embedding, SuggestionTally, TallyStage
from .reasons import Reason
from .tasks import enqueue_remove

logger = logging.getLogger(__name__)
FAILURES = (IndexUnavailable, EncoderError, ConnectionError, TimeoutError, OSError)


@dataclass
class Suggestion:
    object: object
    score: float
    reasons: list = field(default_factory=list)
    key: str = ""
    language: str = ""

    @property
    def kind(self):
        return self.key.partition(":")[0]


# -- helpers -----------------------------------------------------------------


def _query_documents(obj, index):
    """The index documents that stand for obj: all its translations for pages."""
    kind = kind_of(obj)
    docs = None
    if kind in ("resource", "unit", "community", "project"):
        # The index knows each work's indexed translations (its group): no query when it can tell.
        docs = index.group_documents(kind, obj.translation_key.hex)
        if docs is None:
            keys = [
                f"{kind}:{pk}"
                for pk in type(obj).objects.filter(translation_key=obj.translation_key).values_list("pk", flat=True)
            ]
            docs = index.get(keys)
    else:
        keys = [key_for(obj)]
        docs = index.get(keys)
    if not docs:
        # Not indexed yet (just published, worker behind): index it now.
        from .pipeline import index_objects

        index_objects([obj], index=index)
        docs = index.get([key_for(obj)])
    return list(docs.values())


def _dismissed(viewer):
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return set()
    # Read once per user object (a request's user lives for one request; dismiss() forgets it).
    memo = getattr(viewer, DISMISSED_MEMO, None)
    if memo is None:
        memo = set(Dismissal.objects.filter(user=viewer).values_list("key", flat=True))
        setattr(viewer, DISMISSED_MEMO, memo)
    return set(memo)


DISMISSED_MEMO = "_kollega_dismissed"


def _knn_merged(index, vectors, **query):
    """Best hit per key over several query vectors (a work's translations)."""
    return index.knn_many(vectors, KnnQuery(vector=vectors[0], **query))


@dataclass(frozen=True)
class _Viewer:
    """What the recommender needs to know of a viewer, read from the database once per call."""

    user: object
    person: object
    page_audience: tuple
    person_audience: tuple
    dismissed: frozenset

    @classmethod
    def of(cls, user):
        return cls(
            user=user,
            person=viewer_person(user),
            page_audience=tuple(viewer_page_audience(user)),
            person_audience=tuple(viewer_person_audience(user)),
            dismissed=frozenset(_dismissed(user)),
        )

    @property
    def signature(self):
        parts = [
            ",".join(self.page_audience),
            ",".join(self.person_audience),
            str(self.person.pk if self.person else 0),
            ",".join(sorted(self.dismissed)),
        ]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def _cached(name, obj, viewer, limit, compute):
    """Serve fresh suggestions, remember them, and fall back to the last good ones on failure.

    One entry per object, viewer and limit keeps the last good list with the index version and
    the time it was computed; it is fresh while the version holds and `cache_timeout` has not
    passed. One read, and one write when computed.
    """
    version_key = "recommender:version"
    obj_key = key_for(obj)
    key = f"recommender:{name}:{obj_key}:{viewer.signature}:{limit}"
    found = cache.get_many([version_key, key])
    version, stored = found.get(version_key, 0), found.get(key)
    now = time.time()
    if stored is not None and stored[0] == version and now - stored[1] < conf.get_config().cache_timeout:
        return stored[2]
    try:
        entries = compute()
    except FAILURES:
        logger.exception("Recommender unavailable for %s; serving the last good suggestions", obj_key)
        return stored[2] if stored is not None else []
    cache.set(key, (version, now, entries), None)
    return entries


def invalidate():
    """Forget every cached list (the index changed)."""
    try:
        cache.incr("recommender:version")
    except ValueError:
        cache.set("recommender:version", 1, None)


def _topic_reason(mine, theirs, code):
    subjects = scoring.overlap(mine.get("subjects", []), theirs.get("subjects", []))
    levels = scoring.overlap(mine.get("levels", []), theirs.get("levels", []))
    if subjects and levels:
        return Reason(
            "topic_level" if code == "topic_level" else "teaches", {"subjects": subjects[:2], "levels": levels[:2]}
        )
    if subjects:
        return Reason("subjects" if code == "topic_level" else "teaches", {"subjects": subjects[:2]})
    return None


# -- related materials ---------------------------------------------------------


def related_resources(obj, viewer=None, limit=6):
    """Materials related to obj, one per work (translation group), best first, with reasons."""
    with one_reading():  # the index's version and the cached pages read once in the call
        who = _Viewer.of(viewer)
        entries = _cached("resources", obj, who, limit, lambda: _compute_related_resources(obj, who, limit))
        return _materialise_resources(entries, viewer, limit)


def _compute_related_resources(obj, who, limit):
    config = conf.get_config()
    weights = config.weights.__dict__
    index = conf.get_index()
    docs = _query_documents(obj, index)
    if not docs:
        return []
    mine = _merge_fields(docs)
    own_groups = {d.group for d in docs}
    if isinstance(obj, Person):
        # A person's own materials are on their profile already.
        own_groups |= {
            k.hex
            for k in ResourcePage.objects.filter(contributors__person=obj).values_list("translation_key", flat=True)
        }
    dismissed = who.dismissed
    hits = _knn_merged(
        index,
        [d.vector for d in docs],
        k=config.candidate_pool,
        kinds=("resource",),
        audience=who.page_audience,
        exclude_groups=frozenset(own_groups),
    )
    # One entry per work: the best-matching translation stands for its group.
    by_group = {}
    for hit in hits:
        if hit.group not in by_group:
            by_group[hit.group] = hit
    lineage = _lineage_groups(obj, mine, docs, index)
    missing = [g for g in lineage if g not in by_group and g not in own_groups]
    if missing:
        for hit in _hits_for_groups(index, missing, who.user):
            by_group.setdefault(hit.group, hit)
    dismissed_vectors = _dismissed_vectors(index, dismissed)
    my_languages = {d.language for d in docs}
    # obj's side of each comparison, as sets once rather than once per candidate.
    my_subjects, my_levels, my_tags = (frozenset(mine.get(name, ())) for name in ("subjects", "levels", "tags"))
    scored = []
    for group, hit in by_group.items():
        if hit.key in dismissed:
            continue
        theirs = hit.fields
        signals = {
            "semantic": scoring.semantic_score(hit.score),
            "subjects": scoring.jaccard(my_subjects, theirs.get("subjects", [])),
            "levels": scoring.jaccard(my_levels, theirs.get("levels", [])),
            "tags": scoring.tag_similarity(my_tags, theirs.get("tags", []), hit.language in my_languages, hit.score),
            "community": 1.0 if mine.get("community") and mine.get("community") == theirs.get("community") else 0.0,
            "lineage": 1.0 if group in lineage else 0.0,
        }
        score = scoring.blend(signals, weights)
        if dismissed_vectors is not None:
            score -= scoring.dismissal_penalty(_vector_of(index, hit.key), dismissed_vectors)
        if score < config.min_score:
            continue
        scored.append(
            (
                score,
                {
                    "key": hit.key,
                    "group": group,
                    "language": hit.language,
                    "people": theirs.get("people", []),
                    "_hit": hit,
                    "_signals": signals,
                },
            )
        )
    lead = scoring.best_match(
        scored,
        semantic_of=lambda e: e["_signals"]["semantic"],
        margin=config.tie_margin,
        linked=lambda e: bool(e["_signals"]["lineage"]),
    )
    picked = scoring.diversify(
        scored,
        limit,
        author_key=lambda e: e["people"][:1],
        language_key=lambda e: e["language"],
        # A gentle nudge to new voices: at 0.9 a work's unlinked translations, which share
        # their original author, fell out of the top five behind same-language look-alikes
        # (labelled_parallel: recall@5 0.908 at 0.9, 0.958 at 0.97).
        decay=0.97,
        first=lead,
    )
    # A few spares in score order replace suggestions that turn out hidden when shown.
    chosen = {id(entry) for _, entry in picked}
    spares = sorted(((s, e) for s, e in scored if id(e) not in chosen), key=lambda x: -x[0])[:limit]
    result = []
    for score, entry in picked + spares:
        hit, signals = entry.pop("_hit"), entry.pop("_signals")
        # Reasons are worked out only for what may be shown.
        entry["reasons"] = _resource_reasons(entry["group"], lineage, mine, hit.fields, hit, signals, docs)
        result.append({**entry, "score": round(score, 4)})
    return result


def _merge_fields(docs):
    merged = {}
    for doc in docs:
        for name, value in doc.fields.items():
            if isinstance(value, list):
                merged.setdefault(name, [])
                merged[name] = sorted(set(merged[name]) | set(value), key=str)
            else:
                merged.setdefault(name, value)
    return merged


def _lineage_groups(obj, mine, docs, index=None):
    """{group: reason code} of works adapted from obj or that obj adapts."""
    groups = {}
    if mine.get("based_on"):
        groups[mine["based_on"]] = "adapted_from"
    own = {d.group for d in docs if d.kind == "resource"}
    adaptations = index.adaptations_of(own) if index is not None and own else None
    if adaptations is not None:
        # The indexed documents carry what they adapt (fields["based_on"]): no query.
        for group in adaptations:
            groups[group] = "adaptation"
    elif isinstance(obj, ResourcePage):
        # based_on points at one translation of the work: look for any of them (an indexed foreign key).
        members = [split_key(d.key)[1] for d in docs if d.kind == "resource"]
        for key in (
            ResourcePage.objects.live().filter(based_on_id__in=members).values_list("translation_key", flat=True)
        ):
            groups[key.hex] = "adaptation"
    return groups


def _hits_for_groups(index, groups, viewer):
    from .indexes.base import Hit

    pages = visible_pages(viewer, ResourcePage.objects.filter(translation_key__in=groups))
    docs = index.get([f"resource:{pk}" for pk in pages.values_list("pk", flat=True)])
    return [
        Hit(key=d.key, kind=d.kind, score=0.0, group=d.group, language=d.language, fields=d.fields)
        for d in docs.values()
    ]


def _vector_of(index, key):
    getter = getattr(index, "vectors_for", None)
    if getter is None:
        return None
    return getter([key]).get(key)


def _dismissed_vectors(index, dismissed):
    if not dismissed:
        return None
    getter = getattr(index, "vectors_for", None)
    if getter is not None:
        found = getter(list(dismissed))
    else:
        found = {k: d.vector for k, d in index.get(list(dismissed)).items()}
    return np.array(list(found.values())) if found else None


def _resource_reasons(group, lineage, mine, theirs, hit, signals, docs):
    reasons = []
    if group in lineage:
        reasons.append(Reason(lineage[group]))
    topic = _topic_reason(mine, theirs, "topic_level")
    if topic:
        reasons.append(topic)
    tags = scoring.overlap(mine.get("tags", []), theirs.get("tags", []))
    if tags:
        reasons.append(Reason("tags", {"tags": tags[:3]}))
    if signals["community"]:
        reasons.append(Reason("community"))
    if set(mine.get("people", [])) & set(theirs.get("people", [])):
        reasons.append(Reason("coauthor"))
    if signals["semantic"] >= 0.3 or not reasons:
        languages = {d.language for d in docs}
        reasons.append(
            Reason("similar_in", {"language": hit.language}) if hit.language not in languages else Reason("similar")
        )
    return reasons[:3]


def _published_resources(pks):
    """{pk: live material with its locale}, each kept until the content changes (core.content_cache)."""

    def read(missing):
        pages = ResourcePage.objects.live().filter(pk__in=missing).select_related("locale").defer_streamfields()
        return {page.pk: page for page in pages}

    return cached_many("live-resource", sorted(pks), read)


def _materialise_resources(entries, viewer, limit):
    """Pages for cached entries, shown in the reader's language when a translation exists.

    The first `limit` entries are read in one query; the spares only when some of those
    turn out hidden. The reader's translation of a work is found in the index (its group's
    documents) when the engine can tell, otherwise in the database.
    """
    if not entries:
        return []
    language = translation.get_language() or "en"
    index = conf.get_index()
    result, shown = [], set()
    for start, stop in ((0, limit), (limit, len(entries))):
        chunk = entries[start:stop]
        if not chunk or len(result) >= limit:
            break
        pks = {split_key(e["key"])[1] for e in chunk}
        groups = [e["group"] for e in chunk]
        # None: the pages are known by pk (the reader's translations found in the index).
        wanted = None
        try:
            translations = index.groups_languages("resource", groups)
        except FAILURES:
            # An index that fails here: the reader's translations come from the database.
            translations = None
        if translations is None:
            wanted = Q(pk__in=pks) | Q(translation_key__in=groups, locale__language_code=language)
        else:
            for languages in translations.values():
                pks |= {split_key(key)[1] for key, code in languages.items() if code == language}
        if wanted is None:
            candidates = visible_among(viewer, _published_resources(pks).values())
        else:
            candidates = (
                visible_pages(viewer, ResourcePage.objects.filter(wanted)).select_related("locale").defer_streamfields()
            )
        by_pk = {p.pk: p for p in candidates}
        local = {p.translation_key.hex: p for p in by_pk.values() if p.locale.language_code == language}
        for entry in chunk:
            page = local.get(entry["group"]) or by_pk.get(split_key(entry["key"])[1])
            if page is None or page.pk in shown:
                continue
            shown.add(page.pk)
            result.append(
                Suggestion(
                    object=page,
                    score=entry["score"],
                    reasons=entry["reasons"],
                    key=f"resource:{page.pk}",
                    language=page.locale.language_code,
                )
            )
            if len(result) >= limit:
                break
    return result


# -- related people --------------------------------------------------------------


def related_people(obj, viewer=None, limit=6):
    """People working on the same thing as obj, within what each of them agreed to share."""
    with one_reading():
        who = _Viewer.of(viewer)
        entries = _cached("people", obj, who, limit, lambda: _compute_related_people(obj, who, limit))
        return _materialise_people(entries, viewer, limit)


def _compute_related_people(obj, who, limit):
    config = conf.get_config()
    weights = dict(config.weights.__dict__)
    index = conf.get_index()
    docs = _query_documents(obj, index)
    if not docs:
        return []
    mine = _merge_fields(docs)
    vectors = [d.vector for d in docs]
    dismissed = who.dismissed
    me = who.person
    excluded = set()
    if me is not None:
        excluded.add(me.pk)
    if isinstance(obj, Person):
        excluded.add(obj.pk)
    own_page_people = _own_people(obj)
    excluded |= own_page_people

    evidence = {}  # person id -> (similarity, title of their closest material, its page id)
    resource_hits = _knn_merged(
        index, vectors, k=config.candidate_pool, kinds=("resource",), audience=who.page_audience
    )
    # The index's audience may be stale (a page restricted since it was indexed):
    # evidence, and the titles it puts in reasons, come only from pages the viewer may open.
    open_pages = visible_page_ids(who.user, [split_key(h.key)[1] for h in resource_hits])
    for hit in resource_hits:
        page_id = split_key(hit.key)[1]
        if page_id not in open_pages:
            continue
        for pid in hit.fields.get("people", []):
            if pid not in evidence or hit.score > evidence[pid][0]:
                evidence[pid] = (hit.score, hit.fields.get("title", ""), page_id)
    profile_hits = _knn_merged(index, vectors, k=config.candidate_pool, kinds=("person",), audience=who.person_audience)
    profile = {split_key(h.key)[1]: h for h in profile_hits}
    lineage = _people_lineage(obj, docs, who.user)

    candidate_ids = (set(evidence) | set(profile) | set(lineage)) - excluded
    candidate_ids = {pid for pid in candidate_ids if f"person:{pid}" not in dismissed}
    if not candidate_ids:
        return []
    # One query for the final word on privacy, before ranking, so that hidden
    # people never take a slot.
    allowed = set(visible_people(who.user, Person.objects.filter(pk__in=candidate_ids)).values_list("pk", flat=True))
    person_docs = index.get([f"person:{pid}" for pid in allowed])
    # From the page itself, not the indexed copy: a project stops looking when it is completed.
    looking = isinstance(obj, ProjectPage) and obj.is_looking_for_partners
    dismissed_vectors = _dismissed_vectors(index, dismissed)
    scored = []
    for pid in allowed:
        doc = person_docs.get(f"person:{pid}")
        theirs = doc.fields if doc else {}
        semantic = max(evidence.get(pid, (0.0, ""))[0], profile[pid].score if pid in profile else 0.0)
        signals = {
            "semantic": scoring.semantic_score(semantic),
            "subjects": scoring.jaccard(mine.get("subjects", []), theirs.get("subjects", [])),
            "levels": scoring.jaccard(mine.get("levels", []), theirs.get("levels", [])),
            "tags": scoring.jaccard(mine.get("tags", []), theirs.get("tags", [])),
            "community": 1.0 if _shared_communities(mine, theirs) else 0.0,
            "lineage": 1.0 if pid in lineage else 0.0,
        }
        score = scoring.blend(signals, weights)
        if looking and theirs.get("open"):
            score += 0.5  # projects looking for partners: open-to-collaboration people first
        if doc is not None:
            score -= scoring.dismissal_penalty(doc.vector, dismissed_vectors)
        if score < config.min_score:
            continue
        reasons = _people_reasons(pid, lineage, mine, theirs, evidence, signals, looking)
        scored.append(
            (
                score,
                {
                    "key": f"person:{pid}",
                    "country": theirs.get("country", ""),
                    "school": theirs.get("school", ""),
                    "reasons": reasons,
                },
            )
        )
    picked = scoring.diversify(
        scored,
        limit,
        author_key=lambda e: [e["school"]] if e["school"] else [],
        language_key=lambda e: e["country"],
        max_language_share=0.67,
    )
    # A few spares in score order replace people who turn out hidden when shown,
    # so that the list keeps its length.
    chosen = {id(entry) for _, entry in picked}
    spares = sorted(((s, e) for s, e in scored if id(e) not in chosen), key=lambda x: -x[0])[:limit]
    return [{**entry, "score": round(score, 4)} for score, entry in picked + spares]


def _own_people(obj):
    """People already credited on the page itself (they are shown there)."""
    if isinstance(obj, ResourcePage):
        return set(obj.contributors.values_list("person_id", flat=True))
    return set()


def _people_lineage(obj, docs=(), viewer=None):
    """{person id: Reason} for people linked to obj through translations and adaptations.

    Only translations and adaptations the viewer may open count: a reason
    names the work it stands on (its page id, checked again when shown).
    """
    if not isinstance(obj, ResourcePage):
        return {}
    import uuid

    from resources.models import ResourceContributor

    def rows(pages):
        return (
            ResourceContributor.objects.filter(page__in=visible_pages(viewer, pages).values("pk"))
            .order_by("page_id", "sort_order")
            .values_list("person_id", "page__locale__language_code", "page_id")
        )

    lineage = {}
    # The work's live translations are the indexed members of its group.
    members = [split_key(d.key)[1] for d in docs if d.kind == "resource"] or [obj.pk]
    others = [pk for pk in members if pk != obj.pk]
    if others:
        for person_id, language, page_id in rows(ResourcePage.objects.filter(pk__in=others)):
            lineage.setdefault(person_id, Reason("translated_into", {"language": language, "page": page_id}))
    for person_id, language, page_id in rows(ResourcePage.objects.filter(based_on_id__in=members)):
        lineage[person_id] = Reason("adapted_into", {"language": language, "page": page_id})
    based_on = next((d.fields.get("based_on") for d in docs if d.fields.get("based_on")), None)
    if based_on:
        originals = ResourcePage.objects.filter(translation_key=uuid.UUID(based_on))
        for person_id, _language, page_id in rows(originals).filter(role="author"):
            lineage.setdefault(person_id, Reason("wrote_original", {"page": page_id}))
    return lineage


def _shared_communities(mine, theirs):
    """Communities both sides belong to: a page's own community, or a person's memberships."""
    ours = set(mine.get("communities", [])) | ({mine["community"]} if mine.get("community") else set())
    return ours & set(theirs.get("communities", []))


def _people_reasons(pid, lineage, mine, theirs, evidence, signals, looking):
    """What this person shares with obj, most specific first; "similar topics" only when nothing is named."""
    reasons = []
    if pid in lineage:
        reasons.append(lineage[pid])
    topic = _topic_reason(mine, theirs, "teaches")
    levels = scoring.overlap(mine.get("levels", []), theirs.get("levels", []))
    if topic:
        reasons.append(topic)
    elif levels:
        reasons.append(Reason("teaches_levels", {"levels": levels[:2]}))
    if pid in evidence and evidence[pid][0] >= 0.25 and evidence[pid][1]:
        reasons.append(Reason("wrote_similar", {"title": evidence[pid][1], "page": evidence[pid][2]}))
    if signals["community"]:
        reasons.append(Reason("shared_community" if mine.get("community") else "same_community"))
    tags = scoring.overlap(mine.get("tags", []), theirs.get("tags", []))
    if tags:
        reasons.append(Reason("interests", {"tags": tags[:3]}))
    languages = scoring.overlap(mine.get("languages", []), theirs.get("languages", []))
    if languages:
        reasons.append(Reason("speaks", {"languages": languages[:2]}))
    if looking and theirs.get("open"):
        reasons.insert(0, Reason("open"))
    if not reasons:
        reasons.append(Reason("similar_work"))
    return reasons[:3]


def _materialise_people(entries, viewer, limit):
    if not entries:
        return []
    pks = [split_key(e["key"])[1] for e in entries]
    people = {p.pk: p for p in visible_people(viewer, Person.objects.filter(pk__in=pks))}
    open_pages = visible_page_ids(viewer, [r.params.get("page") for e in entries for r in e["reasons"]])
    result = []
    for entry in entries:
        person = people.get(split_key(entry["key"])[1])
        if person is not None:
            result.append(
                Suggestion(
                    object=person,
                    score=entry["score"],
                    reasons=_shown_reasons(entry["reasons"], open_pages),
                    key=entry["key"],
                    language=person.country.code or "",
                )
            )
    return result[:limit]


def forget(obj):
    """Erase at once what the recommender keeps about an object: its embedding and its index entry.

    For a deleted account (erasure of personal data, signals.py calls it when a Person is
    anonymised): the stored vector of their profile text goes in the same transaction, and
    the index entry now, or through the task queue when the index cannot be reached.
    """
    key = key_for(obj)
    if not key:
        return
    Embedding.objects.filter(key=key).delete()
    try:
        conf.get_index().delete([key])
    except FAILURES:
        logger.warning("Vector index unavailable; %s leaves it when the worker runs", key)
        enqueue_remove([key])
    invalidate()


def _shown_reasons(reasons, open_pages):
    """The reasons whose page (when a reason names one) the viewer may still open.

    Cached and last-good lists outlive a page's restriction; like the
    suggestions themselves, their reasons are confirmed when shown.
    """
    shown = [r for r in reasons if r.params.get("page") is None or r.params["page"] in open_pages]
    return shown or [Reason("similar_work")]


def suggestions_for_person(person, viewer, limit=6):
    """The personal page: colleagues and new related work for a signed-in teacher."""
    return {
        "colleagues": related_people(person, viewer=viewer, limit=limit),
        "materials": related_resources(person, viewer=viewer, limit=limit),
    }


def dismiss(viewer, key):
    """Hide a suggestion for this viewer ("not relevant"); similar ones are lowered."""
    kind, _, pk = key.partition(":")
    if kind not in KINDS or not pk.isdigit():
        raise ValueError(f"Not a suggestion key: {key!r}")
    Dismissal.objects.get_or_create(user=viewer, key=key)
    if hasattr(viewer, DISMISSED_MEMO):
        delattr(viewer, DISMISSED_MEMO)


# -- text to pages (search across languages) ------------------------------------


def _query_vector(encoder, text):
    """A search query as the encoder reads queries (e5 with its "query: " prefix, others as a passage).

    On the demo set a one-word query read as a query rather than a passage
    scored its topic's materials above the noise of unrelated words (README).
    """
    return encoder.encode_queries([text])[0]


@dataclass(frozen=True)
class TextMatch:
    kind: str
    pk: int
    score: float  # cosine similarity of the text and the page
    group: str  # the page's translation key (hex)
    language: str


def similar_to_text(text, kinds=("resource",), viewer=None, language=None, language_exclude=(), limit=50):
    """Pages whose vectors are nearest `text` (a search query), best first, that the viewer may open.

    The text is encoded with the configured encoder and centred as a passage in
    `language` (the reader's), so that a query meets pages in every language on
    meaning rather than on shared words. Pages in `language_exclude` are left out
    inside the kNN (the search found those by their words already). The audience
    filter is applied inside the kNN and the result confirmed with communities.privacy.
    When the encoder or the index fails, the answer is empty and search carries on.
    """
    from wagtail.models import Locale

    from .pipeline import centred, language_means

    text = " ".join(str(text or "").split())[:500]
    if not text or limit <= 0:
        return []
    who = _Viewer.of(viewer)
    languages = tuple(sorted(set(Locale.objects.values_list("language_code", flat=True)) - set(language_exclude or ())))
    if not languages:
        return []
    try:
        encoder = conf.get_encoder()
        vector = _query_vector(encoder, text)
        language = language or translation.get_language() or ""
        vector = centred(language, vector, language_means(encoder.model_id), encoder)
        hits = conf.get_index().knn(
            KnnQuery(vector=vector, k=limit, kinds=tuple(kinds), audience=who.page_audience, languages=languages)
        )
    except FAILURES:
        logger.warning("Recommender unavailable for a text query; search goes on without it", exc_info=True)
        return []
    open_pages = visible_page_ids(viewer, [split_key(h.key)[1] for h in hits])
    return [
        TextMatch(kind=h.kind, pk=split_key(h.key)[1], score=float(h.score), group=h.group, language=h.language)
        for h in hits
        if split_key(h.key)[1] in open_pages
    ]


# -- counting for the Networking report ---------------------------------------------


def count_shown(viewer, place, n, once_for=None):
    """`n` person suggestions (or search results) were shown to the viewer at `place` (a PersonPlace);
    with `once_for` (what they were shown on) a reload the same day counts nothing."""
    return _tallies.record(TallyStage.SHOWN, place, viewer, n=n, once_for=once_for)


def count_opened(viewer, place, once_for=None):
    """The viewer followed a person suggestion (or search result) shown at `place`; with `once_for`
    (the address opened) a reload the same day counts nothing."""
    return _tallies.record(TallyStage.OPENED, place, viewer, once_for=once_for)


def tallies():
    return SuggestionTally.objects.all()


month_of = _tallies.month_of


def add_counts(cells):
    """Add counts made elsewhere (the demo's history): {(month, place, stage, community_key, country): n}."""
    for (month, place, stage, community_key, country), n in cells.items():
        if n > 0:
            _tallies.bump(
                {"month": month, "place": place, "stage": stage, "community_key": community_key, "country": country}, n
            )
