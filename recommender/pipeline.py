"""Encode objects, centre their vectors by language and write them to the vector index.

Raw encoder output is kept in Embedding (with the model id and a hash of the
text), so re-centring or moving to another index never re-encodes, and an
object whose text did not change is not encoded again.
"""

import logging

import numpy as np

from . import conf, scoring
from .documents import KINDS, document_text, indexable, key_for, kind_of, metadata, text_hash
from .encoders.base import EncoderError
from .indexes.base import IndexDocument
from .models import Embedding, LanguageMean

logger = logging.getLogger(__name__)

MIN_FOR_MEAN = 5  # fewer vectors than this make a noisy language mean
PROFILE_WEIGHT = 0.4  # share of a person's own profile text beside their materials


def _vec(blob):
    return np.frombuffer(blob, dtype=np.float32)


def language_means(model_id):
    return {m.language: _vec(m.vector) for m in LanguageMean.objects.filter(model_id=model_id)}


def recompute_language_means(encoder=None):
    """Mean raw vector per language over every stored embedding of the current model."""
    encoder = encoder or conf.get_encoder()
    if not encoder.centre_languages:
        LanguageMean.objects.filter(model_id=encoder.model_id).delete()
        return {}
    sums, counts = {}, {}
    for language, blob in (
        Embedding.objects.filter(model_id=encoder.model_id)
        .exclude(key__startswith="person:")
        .values_list("language", "vector")
        .iterator(chunk_size=2000)
    ):
        v = _vec(blob)
        sums[language] = sums.get(language, 0) + v
        counts[language] = counts.get(language, 0) + 1
    means = {}
    for language, total in sums.items():
        if counts[language] >= MIN_FOR_MEAN:
            means[language] = (total / counts[language]).astype(np.float32)
            LanguageMean.objects.update_or_create(
                model_id=encoder.model_id,
                language=language,
                defaults={"count": counts[language], "vector": means[language].tobytes()},
            )
    LanguageMean.objects.filter(model_id=encoder.model_id).exclude(language__in=list(means)).delete()
    return means


def raw_vectors(objects, encoder, meta=None, known=None):
    """{key: (language, raw vector)}, encoding only texts that are new or changed.

    `meta` memoises metadata() by key when the caller needs it again afterwards.
    `known` ({sha256 of a text: raw vector} of this encoder's model, e.g. the demo's shipped
    vectors) is consulted before the encoder.
    """
    result, pending = plan_vectors(objects, encoder, meta, known)
    if pending:
        result.update(store_vectors(encoder, pending, encoder.encode([p[1] for p in pending])))
    return result


def plan_vectors(objects, encoder, meta=None, known=None):
    """({key: (language, raw vector)} already known, [(key, text, digest, language)] to encode)."""
    from wagtail.models import Locale

    meta = {} if meta is None else meta
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    wanted = {}
    for obj in objects:
        key = key_for(obj)
        text = document_text(obj)
        if key.startswith("person:"):
            language = _metadata(obj, meta)[2]
        else:
            # Only the language is needed to encode; the full metadata waits for indexing.
            language = locales.get(obj.locale_id, "")
        wanted[key] = (text, text_hash(text), language)
    stored = {
        key: (digest, blob)
        for key, digest, blob in Embedding.objects.filter(key__in=list(wanted), model_id=encoder.model_id).values_list(
            "key", "text_hash", "vector"
        )
    }
    result, pending, reused = {}, [], []
    for key, (text, digest, language) in wanted.items():
        existing = stored.get(key)
        if existing and existing[0] == digest:
            result[key] = (language, _vec(existing[1]))
        elif not text:
            continue
        elif known is not None and digest in known:
            reused.append((key, text, digest, language))
        else:
            pending.append((key, text, digest, language))
    if reused:
        result.update(store_vectors(encoder, reused, [known[p[2]] for p in reused]))
    return result, pending


def store_vectors(encoder, pending, vectors):
    """Write the raw vectors of `pending` (from plan_vectors) to Embedding; {key: (language, vector)}."""
    result, rows = {}, []
    for (key, _text, digest, language), vector in zip(pending, vectors, strict=True):
        vector = np.asarray(vector, dtype=np.float32)
        result[key] = (language, vector)
        rows.append(
            Embedding(key=key, model_id=encoder.model_id, text_hash=digest, language=language, vector=vector.tobytes())
        )
    Embedding.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["model_id", "text_hash", "language", "vector", "updated_at"],
        batch_size=500,
    )
    return result


def _metadata(obj, meta):
    key = key_for(obj)
    if key not in meta:
        meta[key] = metadata(obj)
    return meta[key]


def centred(language, vector, means, encoder):
    if not encoder.centre_languages:
        return scoring.unit(vector[None, :])[0]
    return scoring.centre(vector[None, :], [language], means)[0]


def prepare_metadata(objects, meta):
    """Fill `meta` ({key: metadata()}) for objects, e.g. while the encoder works on their texts."""
    for obj in objects:
        if kind_of(obj):
            _metadata(obj, meta)


def index_objects(objects, encoder=None, index=None, means=None, known=None, meta=None):
    """Encode (when needed) and index the given objects; people are combined with their materials."""
    encoder = encoder or conf.get_encoder()
    index = index or conf.get_index()
    objects = [o for o in objects if kind_of(o)]
    if not objects:
        return 0
    meta = {} if meta is None else meta
    raws = raw_vectors(objects, encoder, meta, known)
    if means is None:
        means = language_means(encoder.model_id)
    documents = []
    for obj in objects:
        key = key_for(obj)
        kind, group, language, audience, licence, fields = _metadata(obj, meta)
        if kind == "person":
            vector = person_vector(obj, raws.get(key), fields, means, encoder)
        elif key in raws:
            vector = centred(raws[key][0], raws[key][1], means, encoder)
        else:
            vector = None
        if vector is None or not audience:
            continue
        documents.append(
            IndexDocument(
                key=key,
                kind=kind,
                vector=vector,
                group=group,
                language=language,
                audience=audience,
                licence=licence,
                fields=fields,
            )
        )
    index.upsert(documents)
    # Objects that no longer qualify (no text, nobody may see them) leave the index.
    indexed = {d.key for d in documents}
    stale = [key for key in map(key_for, objects) if key not in indexed]
    if stale:
        index.delete(stale)
    return len(documents)


def person_vector(person, raw, fields, means, encoder):
    """A person is what they write about and what they say of themselves."""
    parts, weights = [], []
    contribution_keys = [f"resource:{pk}" for pk in fields.get("contributions", [])]
    if contribution_keys:
        embeddings = Embedding.objects.filter(key__in=contribution_keys, model_id=encoder.model_id)
        vectors = [centred(e.language, _vec(e.vector), means, encoder) for e in embeddings]
        if vectors:
            parts.append(scoring.unit(np.mean(vectors, axis=0)[None, :])[0])
            weights.append(1.0 - PROFILE_WEIGHT)
    if raw is not None:
        parts.append(centred(raw[0], raw[1], means, encoder))
        weights.append(PROFILE_WEIGHT if parts[:-1] else 1.0)
    if not parts:
        return None
    return scoring.unit(np.average(parts, axis=0, weights=weights)[None, :])[0]


def remove_keys(keys, index=None):
    index = index or conf.get_index()
    index.delete(list(keys))
    Embedding.objects.filter(key__in=list(keys)).delete()


def update_keys(keys):
    """Re-index the objects behind keys (removing the ones that no longer qualify)."""
    by_kind = {}
    for key in keys:
        kind, _, pk = key.partition(":")
        if kind in KINDS:
            by_kind.setdefault(kind, set()).add(int(pk))
    objects, gone = [], []
    for kind, pks in by_kind.items():
        found = list(indexable(kind).filter(pk__in=pks))
        objects += found
        gone += [f"{kind}:{pk}" for pk in pks - {o.pk for o in found}]
    if gone:
        conf.get_index().delete(gone)
    try:
        return index_objects(objects)
    except EncoderError:
        logger.exception("Encoder failed; the index keeps its last good vectors for %s", keys)
        return 0
