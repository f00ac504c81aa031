"""Offline evaluation of the recommender on a labelled set (manage.py evaluate_recommender).

A labelled set is a JSON object:
  {"k": 5,
   "resources": [ records in import_resources format, *without* translation links ],
   "items": [ {"id": external id, "related": [external ids], "people": [display names]} ],
   "distractors": true}  (optional: also index the records no label names, as distractors)
The resources are imported inside a transaction that is rolled back at the
end, and indexed in a private in-memory index, so an evaluation never changes
the site or its index. Because no translation link tells the recommender
which records translate each other, finding them measures the encoder and
the scoring across languages.

Besides recall@k and nDCG@k the report gives recall@1 (the share of items
whose *first* suggestion is relevant) and MRR@k (mean reciprocal rank of the
first relevant suggestion), and the same figures for the best single signal,
language-centred cosine alone (one hit per work, no blending, no diversity):
the blend should never put a worse match first than that baseline does.
"""

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from resources.models import ResourcePage

from . import conf, pipeline, scoring, services
from .indexes.memory import MemoryIndex


class LabelledSetError(ValueError):
    pass


@dataclass
class Report:
    encoder: str
    k: int
    items: int = 0
    recall_at_1: float = 0.0
    mrr: float = 0.0
    recall: float = 0.0
    ndcg: float = 0.0
    cosine_recall_at_1: float = 0.0
    cosine_mrr: float = 0.0
    cosine_recall: float = 0.0
    cosine_ndcg: float = 0.0
    cross_language_recall: float = 0.0
    cross_language_pairs: int = 0
    people_recall: float = 0.0
    people_items: int = 0
    seconds: float = 0.0
    misses: list = field(default_factory=list)

    def lines(self):
        return [
            f"encoder: {self.encoder}",
            f"items: {self.items}  k: {self.k}",
            f"recall@1: {self.recall_at_1:.3f}",
            f"MRR@{self.k}: {self.mrr:.3f}",
            f"recall@{self.k}: {self.recall:.3f}",
            f"nDCG@{self.k}: {self.ndcg:.3f}",
            f"cross-language recall@{self.k}: {self.cross_language_recall:.3f} ({self.cross_language_pairs} pairs)",
            f"people recall@{self.k}: {self.people_recall:.3f} ({self.people_items} items)",
            f"cosine-only recall@1: {self.cosine_recall_at_1:.3f}",
            f"cosine-only MRR@{self.k}: {self.cosine_mrr:.3f}",
            f"cosine-only recall@{self.k}: {self.cosine_recall:.3f}",
            f"cosine-only nDCG@{self.k}: {self.cosine_ndcg:.3f}",
            f"time: {self.seconds:.1f}s",
        ]


def load_labelled_set(path):
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LabelledSetError(f"{path}: cannot be read as JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise LabelledSetError(f"{path}: expected an object with an 'items' list")
    for n, item in enumerate(data["items"], 1):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("related", []), list)
        ):
            raise LabelledSetError(f"{path}: item {n} needs an 'id' string and a 'related' list")
    return data


class _Rollback(Exception):
    pass


@contextmanager
def private_index(encoder_alias=None):
    """Swap in a memory index (and optionally another encoder) for the duration of an evaluation."""
    config = conf.get_config()
    saved = dict(conf._instances)
    index = MemoryIndex()
    conf._instances[("index", config.index_alias)] = index
    if encoder_alias:
        conf._instances[("encoder", config.encoder_alias)] = conf.get_encoder(encoder_alias)
    try:
        yield index
    finally:
        conf._instances.clear()
        conf._instances.update(saved)
        cache.clear()


def evaluate(data, k=None, encoder_alias=None, distractors=None):
    """Import, index and measure a labelled set; nothing stays in the site or its index.

    Only labelled records (items and their related ones) are indexed unless
    `distractors` (or the set's own "distractors": true) asks for every record.
    """
    from resources.importer import import_text

    k = int(k or data.get("k", 5))
    started = time.perf_counter()
    report = None
    try:
        with transaction.atomic():
            if data.get("resources"):
                before = _last_person_pk()
                import_text(json.dumps(data["resources"]), filename="labelled set")
                _make_findable(before)
            with private_index(encoder_alias) as index:
                encoder = conf.get_encoder()
                report = Report(encoder=encoder.model_id, k=k)
                ids = {item["id"] for item in data["items"]} | {
                    r for item in data["items"] for r in item.get("related", [])
                }
                if distractors is None:
                    distractors = bool(data.get("distractors"))
                if distractors:
                    # The records no label names compete too: they are the distractors.
                    ids |= {r["id"] for r in data.get("resources", []) if isinstance(r, dict) and r.get("id")}
                pages = {p.external_id: p for p in ResourcePage.objects.live().filter(external_id__in=ids)}
                missing = sorted(ids - set(pages))
                if missing:
                    raise LabelledSetError(f"labelled items not found as live resources: {', '.join(missing[:10])}")
                _index_for_evaluation(list(pages.values()), encoder, index)
                _measure(data["items"], pages, k, report)
                _measure_cosine_only(data["items"], pages, k, report, index)
            raise _Rollback
    except _Rollback:
        pass
    services.invalidate()
    report.seconds = time.perf_counter() - started
    return report


def _last_person_pk():
    from communities.models import Person

    return Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _make_findable(after_pk):
    """Let everyone find the people the labelled set created, inside the rolled-back transaction.

    The importer gives new people the most private discoverability (nobody
    consented for them), which would hide every author from related_people and
    make people recall 0 whatever the recommender does. Only people this import
    created change, and the change is rolled back with the rest.
    """
    from communities.models import Discoverability, Person

    Person.objects.filter(pk__gt=after_pk, user__isnull=True).update(discoverability=Discoverability.EUROPE)


def _index_for_evaluation(pages, encoder, index):
    from communities.models import Person

    raws = pipeline.raw_vectors(pages, encoder)
    keys = list(raws)
    means = (
        scoring.language_means([raws[key][1] for key in keys], [raws[key][0] for key in keys])
        if encoder.centre_languages
        else {}
    )
    pipeline.index_objects(pages, encoder=encoder, index=index, means=means)
    people = Person.objects.filter(resource_contributions__page__in=pages).distinct()
    pipeline.index_objects(list(people), encoder=encoder, index=index, means=means)


def _mean(values):
    return sum(values) / len(values) if values else 0.0


def _measure(items, pages, k, report):
    recalls, ndcgs, firsts, ranks, cross_found, cross_total = [], [], [], [], 0, 0
    people_recalls = []
    for item in items:
        page = pages[item["id"]]
        related = set(item.get("related", []))
        with translation.override(page.locale.language_code):
            suggestions = services.related_resources(page, limit=k)
        ranked = [s.object.external_id for s in suggestions]
        recalls.append(scoring.recall_at_k(ranked, related, k))
        ndcgs.append(scoring.ndcg_at_k(ranked, related, k))
        firsts.append(scoring.hit_at_k(ranked, related, 1))
        ranks.append(scoring.reciprocal_rank(ranked[:k], related))
        other_language = {r for r in related if pages[r].locale_id != page.locale_id}
        cross_total += len(other_language)
        cross_found += len(other_language & set(ranked[:k]))
        for r in sorted(related - set(ranked[:k])):
            report.misses.append((item["id"], r))
        if item.get("people"):
            names = [s.object.display_name for s in services.related_people(page, limit=k)]
            people_recalls.append(scoring.recall_at_k(names, item["people"], k))
    report.items = len(items)
    report.recall_at_1 = _mean(firsts)
    report.mrr = _mean(ranks)
    report.recall = _mean(recalls)
    report.ndcg = _mean(ndcgs)
    report.cross_language_pairs = cross_total
    report.cross_language_recall = cross_found / cross_total if cross_total else 0.0
    report.people_items = len(people_recalls)
    report.people_recall = sum(people_recalls) / len(people_recalls) if people_recalls else 0.0


def _measure_cosine_only(items, pages, k, report, index):
    """The same figures for language-centred cosine alone: one hit per work, best first."""
    from .indexes.base import KnnQuery

    external = {f"resource:{p.pk}": external_id for external_id, p in pages.items()}
    firsts, ranks, recalls, ndcgs = [], [], [], []
    for item in items:
        page = pages[item["id"]]
        related = set(item.get("related", []))
        docs = list(index.get([f"resource:{page.pk}"]).values())
        if not docs:
            continue
        hits = index.knn_many(
            [d.vector for d in docs],
            KnnQuery(vector=docs[0].vector, k=4 * k, kinds=("resource",), exclude_groups=frozenset({docs[0].group})),
        )
        ranked, seen = [], set()
        for hit in hits:
            if hit.group not in seen and hit.key in external:
                seen.add(hit.group)
                ranked.append(external[hit.key])
        firsts.append(scoring.hit_at_k(ranked, related, 1))
        ranks.append(scoring.reciprocal_rank(ranked[:k], related))
        recalls.append(scoring.recall_at_k(ranked, related, k))
        ndcgs.append(scoring.ndcg_at_k(ranked, related, k))
    report.cosine_recall_at_1 = _mean(firsts)
    report.cosine_mrr = _mean(ranks)
    report.cosine_recall = _mean(recalls)
    report.cosine_ndcg = _mean(ndcgs)
