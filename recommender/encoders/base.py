"""The encoder interface every engine implements."""

import os
import threading
from contextlib import contextmanager

import numpy as np


class EncoderError(RuntimeError):
    """The encoder could not produce vectors (model missing, out of memory, ...)."""


class BaseEncoder:
    #: Identifies the model that made a vector; stored beside every vector so
    #: that changing the model re-encodes.
    model_id = "base"
    dimensions = 0
    #: Embeddings of multilingual models carry a per-language offset; removing
    #: each language's mean ("language centring") makes them language-neutral.
    centre_languages = False

    def __init__(self, alias="default", batch_size=32, threads=1, **options):
        self.alias = alias
        self.batch_size = int(batch_size)
        #: Threads an engine with its own thread pool may use (0: every core). Web processes
        #: keep one: on two busy cores one query took 189 ms with two threads, 28-38 ms with one.
        #: conf.get_encoder sets it from KOLLEGA_RECOMMENDER["ENCODER_THREADS"]; a rebuild raises
        #: it with using_threads(REBUILD_THREADS).
        self.threads = int(threads)
        self._local = threading.local()
        self.options = options

    def thread_count(self):
        """The threads the engine may use in this thread now (using_threads overrides the setting)."""
        n = getattr(self._local, "threads", None)
        n = self.threads if n is None else n
        return n if n > 0 else (os.cpu_count() or 1)

    @contextmanager
    def using_threads(self, n):
        """Let the engine use n threads (0: every core) for the encodes of this thread meanwhile."""
        previous = getattr(self._local, "threads", None)
        self._local.threads = int(n)
        try:
            yield self
        finally:
            self._local.threads = previous

    def encode(self, texts):
        """Return an (n, dimensions) float32 array of unit vectors for `texts` (passages)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        chunks = [
            self._encode_batch(list(texts[i : i + self.batch_size])) for i in range(0, len(texts), self.batch_size)
        ]
        return normalise(np.vstack(chunks).astype(np.float32, copy=False))

    def encode_queries(self, texts):
        """Unit vectors for short search queries; engines with a query mode (e5's "query: ") override it."""
        return self.encode(texts)

    def _encode_batch(self, texts):
        raise NotImplementedError


def normalise(matrix):
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms
