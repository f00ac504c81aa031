"""Typed access to settings.KOLLEGA_RECOMMENDER: which encoder and which vector index, by alias."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

_instances = {}


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in the blended score (see scoring.blend)."""

    semantic: float = 0.62
    subjects: float = 0.10
    levels: float = 0.06
    tags: float = 0.08
    community: float = 0.05
    lineage: float = 0.35
    profile: float = 0.25


@dataclass(frozen=True)
class RecommenderConfig:
    encoder_alias: str
    index_alias: str
    encoders: dict
    indexes: dict
    weights: Weights = field(default_factory=Weights)
    candidate_pool: int = 60
    min_score: float = 0.15  # below this a suggestion is noise, not a colleague
    tie_margin: float = 0.02  # semantic scores this close are a tie the other signals may break (scoring.best_match)
    cache_timeout: int = 3600
    encoder_threads: int = 1  # web processes and queued updates: one thread (0: every core)
    rebuild_threads: int = 0  # a full rebuild (rebuild_recommendations, load_demo): every core
    search_threads: int = 1  # numpy's BLAS in a process that searches the index (0: leave it as it is)


def get_config_raw():
    return dict(getattr(settings, "KOLLEGA_RECOMMENDER", {}))


def get_config():
    raw = getattr(settings, "KOLLEGA_RECOMMENDER", None)
    if not isinstance(raw, dict):
        raise ImproperlyConfigured(
            "settings.KOLLEGA_RECOMMENDER must be a dict with ENCODER, INDEX, ENCODERS and INDEXES."
        )
    try:
        weights = Weights(**raw.get("WEIGHTS", {}))
    except TypeError as exc:
        raise ImproperlyConfigured(f"KOLLEGA_RECOMMENDER['WEIGHTS'] has an unknown signal: {exc}") from exc
    return RecommenderConfig(
        encoder_alias=raw.get("ENCODER", "default"),
        index_alias=raw.get("INDEX", "default"),
        encoders=raw.get("ENCODERS", {}),
        indexes=raw.get("INDEXES", {}),
        weights=weights,
        candidate_pool=int(raw.get("CANDIDATE_POOL", 60)),
        min_score=float(raw.get("MIN_SCORE", 0.15)),
        tie_margin=float(raw.get("TIE_MARGIN", 0.02)),
        cache_timeout=int(raw.get("CACHE_TIMEOUT", 3600)),
        encoder_threads=int(raw.get("ENCODER_THREADS", 1)),
        rebuild_threads=int(raw.get("REBUILD_THREADS", 0)),
        search_threads=int(raw.get("SEARCH_THREADS", 1)),
    )


def _load(kind, aliases, alias):
    if alias not in aliases:
        raise ImproperlyConfigured(
            f"KOLLEGA_RECOMMENDER {kind} alias {alias!r} is not defined; known aliases: {', '.join(sorted(aliases)) or 'none'}."
        )
    options = dict(aliases[alias])
    backend = options.pop("BACKEND", None)
    if not backend:
        raise ImproperlyConfigured(f"KOLLEGA_RECOMMENDER {kind} alias {alias!r} has no BACKEND.")
    try:
        cls = import_string(backend)
    except ImportError as exc:
        raise ImproperlyConfigured(
            f"KOLLEGA_RECOMMENDER {kind} alias {alias!r}: cannot import {backend!r} ({exc})."
        ) from exc
    try:
        return cls(alias=alias, **{k.lower(): v for k, v in options.items()})
    except TypeError as exc:
        raise ImproperlyConfigured(
            f"KOLLEGA_RECOMMENDER {kind} alias {alias!r}: bad options for {backend}: {exc}"
        ) from exc


def get_encoder(alias=None):
    config = get_config()
    alias = alias or config.encoder_alias
    key = ("encoder", alias)
    if key not in _instances:
        encoder = _load("ENCODERS", config.encoders, alias)
        if "THREADS" not in config.encoders[alias]:
            encoder.threads = config.encoder_threads
        _instances[key] = encoder
    return _instances[key]


def get_index(alias=None):
    config = get_config()
    alias = alias or config.index_alias
    key = ("index", alias)
    if key not in _instances:
        limit_search_threads(config.search_threads)
        _instances[key] = _load("INDEXES", config.indexes, alias)
    return _instances[key]


def limit_search_threads(n):
    """Give numpy's BLAS n threads for the small products of a search (0: leave it).

    A query is a few vectors against the matrix: on two busy cores OpenBLAS's two threads made a
    3,000-row scan 5.7 ms against 1.1 ms with one. Only numpy's own BLAS is limited; faiss's bundled
    BLAS and OpenMP (graph builds) and the encoder's engine keep theirs.
    """
    if n <= 0:
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits={"libscipy_openblas": n})


def reset():
    """Forget loaded engines (tests and settings changes)."""
    _instances.clear()
