"""The encoder interface every engine implements."""

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

    def __init__(self, alias="default", batch_size=32, **options):
        self.alias = alias
        self.batch_size = int(batch_size)
        self.options = options

    def encode(self, texts):
        """Return an (n, dimensions) float32 array of unit vectors for `texts` (passages)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        chunks = [
            self._encode_batch(list(texts[i : i + self.batch_size])) for i in range(0, len(texts), self.batch_size)
        ]
        return normalise(np.vstack(chunks).astype(np.float32, copy=False))

    def _encode_batch(self, texts):
        raise NotImplementedError


def normalise(matrix):
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms
