"""Pure functions for the recommender's maths: similarity, centring, blending, diversity.

Nothing here touches the database or settings, so each function has its own
unit tests (tests/recommender/test_scoring.py).
"""

from collections import Counter, defaultdict

import numpy as np


def cosine(a, b):
    """Cosine similarity of two vectors: dot(a, b) / (|a| * |b|), 0 for a zero vector."""
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    denom = float(np.linalg.norm(a) * np.linalg.norm(b))
    if denom == 0.0:
        return 0.0
    return float(np.dot(a, b) / denom)


def unit(matrix):
    """Scale each row to unit length (rows of zeros stay zero)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def language_means(vectors, languages):
    """Mean vector per language: {language: mean}. Input rows are unit vectors."""
    vectors = np.asarray(vectors, dtype=np.float32)
    groups = defaultdict(list)
    for row, language in enumerate(languages):
        groups[language].append(row)
    return {language: vectors[rows].mean(axis=0) for language, rows in groups.items()}


def centre(vectors, languages, means):
    """Remove each row's language mean and renormalise (Libovický et al. 2020).

    Rows whose language has no mean are only renormalised.
    """
    vectors = np.array(vectors, dtype=np.float32, copy=True)
    for row, language in enumerate(languages):
        mean = means.get(language)
        if mean is not None:
            vectors[row] -= mean
    return unit(vectors)


def jaccard(a, b):
    """|a ∩ b| / |a ∪ b| of two collections; 0 when both are empty."""
    a = a if isinstance(a, (set, frozenset)) else set(a)
    b = b if isinstance(b, (set, frozenset)) else set(b)
    if not a and not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def overlap(a, b):
    """The shared elements of two collections, in a stable order."""
    b = set(b)
    return sorted(x for x in set(a) if x in b)


def tag_similarity(mine, theirs, same_language, similarity):
    """The tags signal: Jaccard of the tags when both are in one language, else the semantic score.

    Tags are free words in the material's own language ("fotosyntes",
    "Fotosynthese"), so a translation never shares one with its original while
    a same-language work on the topic often shares them all: Jaccard across
    languages would push a work's own translation below a look-alike in the
    reader's language. Across languages the encoder, which compares meaning
    across them, stands in for the words, unless the same words were used
    (tags kept in English in every language).
    """
    if same_language:
        return jaccard(mine, theirs)
    return max(jaccard(mine, theirs), semantic_score(similarity))


def semantic_score(similarity):
    """Map a cosine in [-1, 1] to [0, 1], flattening noise below zero."""
    return max(0.0, min(1.0, float(similarity)))


def blend(signals, weights):
    """Weighted sum of signal values; unknown signals count zero."""
    total = 0
    for name, value in signals.items():
        total += float(value) * float(weights.get(name, 0.0))
    return total


def best_match(candidates, semantic_of, margin=0.02, linked=lambda item: False):
    """The candidate that must come first: the closest text, unless it is a near tie.

    Shared subjects, levels and tags are coarse (a whole subject, a level, a few
    words in one language) and cannot tell two works on one topic apart, while
    the text can: on our labelled sets, blending them into the first slot put a
    same-language look-alike above a work's own translation more often than
    cosine alone did. So the blended score may choose the first suggestion only
    among candidates within `margin` of the best semantic score (and linked
    ones: known adaptations and translations). Returns an item, or None.
    """
    if not candidates:
        return None
    top = max(semantic_of(item) for _, item in candidates)
    eligible = [(score, item) for score, item in candidates if linked(item) or semantic_of(item) >= top - margin]
    return max(eligible, key=lambda entry: entry[0])[1]


def diversify(
    candidates,
    limit,
    author_key,
    language_key,
    max_author_share=0.5,
    max_language_share=0.5,
    decay=0.9,
    first=None,
):
    """Greedy re-ranking so that one author or one language does not fill the list.

    No author may take more than `max_author_share` of the list and no
    language more than `max_language_share`, while candidates that respect
    the caps remain; each repeat of an author or a language also multiplies a
    candidate's score by `decay`, so ties go to new voices. Shares are caps,
    not penalties from the second item on: a work's translations by one
    author (three of five slots) stay in the list. Candidates are
    (score, item) pairs; the result keeps (adjusted score, item) in picked order.
    `first`, when given, is the item picked first whatever its score (see best_match).
    """
    items = [item for _, item in candidates]
    # Each item's authors and language, asked once. What the loop below reads is kept up to date
    # as items are picked, so choosing is a sort and a scan: `adjusted[i]` is the score times
    # decay per repeat (each picked item sharing an author, per author, or the language), and
    # `over_author[i]` / `over_language[i]` say that i would break a cap.
    its_authors = [tuple(author_key(item) or ()) for item in items]
    its_language = [language_key(item) for item in items]
    by_author, by_language = defaultdict(list), defaultdict(list)
    for i, (names, language) in enumerate(zip(its_authors, its_language, strict=True)):
        for name in names:
            by_author[name].append(i)
        by_language[language].append(i)
    scores = [float(score) for score, _ in candidates]
    adjusted = list(scores)
    repeats = [0] * len(items)
    over_author = [False] * len(items)
    over_language = [False] * len(items)
    authors = Counter()
    languages = Counter()
    author_cap = max(1, int(np.ceil(limit * max_author_share)))
    language_cap = max(1, int(np.ceil(limit * max_language_share)))

    def repeat(rows):
        for j in rows:
            repeats[j] += 1
            adjusted[j] = scores[j] * decay ** repeats[j]

    pool = list(range(len(items)))
    picked = []

    def take(i):
        pool.remove(i)
        picked.append((adjusted[i], items[i]))
        for name in its_authors[i]:
            authors[name] += 1
            repeat(by_author[name])
            if authors[name] >= author_cap:
                for j in by_author[name]:
                    over_author[j] = True
        language = its_language[i]
        languages[language] += 1
        repeat(by_language[language])
        if languages[language] >= language_cap:
            for j in by_language[language]:
                over_language[j] = True

    lead = next((i for i in pool if items[i] is first), None) if first is not None else None
    if lead is not None and limit > 0:
        take(lead)
    while pool and len(picked) < limit:
        # A stable sort: equal scores keep their order from the previous round.
        pool.sort(key=adjusted.__getitem__, reverse=True)
        # Both caps if possible; else keep the author cap (one voice must not
        # dominate); else the language cap; else the best remaining.
        choice = next((i for i in pool if not over_author[i] and not over_language[i]), None)
        if choice is None:
            choice = next((i for i in pool if not over_author[i]), None)
        if choice is None:
            choice = next((i for i in pool if not over_language[i]), None)
        take(pool[0] if choice is None else choice)
    return picked


def dismissal_penalty(candidate_vector, dismissed_vectors, strength=0.1, threshold=0.5):
    """How much to lower a candidate that closely resembles something the viewer marked not relevant.

    Only close look-alikes are lowered, and only a little: nothing below a
    cosine of `threshold` to a dismissed item, then linearly up to `strength`
    for an identical one. A larger penalty (it was half the cosine) pushed
    every colleague of a corpus where profiles resemble each other below the
    minimum score, so one "not relevant" emptied the list.
    """
    if dismissed_vectors is None or len(dismissed_vectors) == 0 or candidate_vector is None:
        return 0.0
    sims = np.asarray(dismissed_vectors, dtype=np.float32) @ np.asarray(candidate_vector, dtype=np.float32)
    closeness = (float(sims.max()) - threshold) / (1.0 - threshold)
    return strength * max(0.0, min(1.0, closeness))


def recall_at_k(ranked, relevant, k):
    """Share of the relevant items found in the first k of the ranking."""
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / len(relevant)


def hit_at_k(ranked, relevant, k):
    """1.0 when one of the first k of the ranking is relevant, else 0.0 (recall@1 is hit_at_k(..., 1))."""
    relevant = set(relevant)
    return 1.0 if relevant & set(ranked[:k]) else 0.0


def reciprocal_rank(ranked, relevant):
    """1 / the rank of the first relevant item, 0.0 when none is ranked (its mean is MRR)."""
    relevant = set(relevant)
    return next((1.0 / rank for rank, item in enumerate(ranked, 1) if item in relevant), 0.0)


def ndcg_at_k(ranked, relevant, k):
    """Normalised discounted cumulative gain with binary relevance."""
    relevant = set(relevant)
    if not relevant:
        return 0.0
    dcg = sum(1.0 / np.log2(i + 2) for i, item in enumerate(ranked[:k]) if item in relevant)
    ideal = sum(1.0 / np.log2(i + 2) for i in range(min(k, len(relevant))))
    return float(dcg / ideal)
