"""A tiny multilingual encoder for tests: words of the four languages that mean the same share a dimension.

The hashing encoder knows nothing across languages; this stands in for
multilingual-e5 in tests of search across languages, registered through
settings like any encoder, so the production path (encode, centre, kNN with
the audience filter) is the one tested.
"""

import re

import numpy as np

from recommender.encoders.base import BaseEncoder

CONCEPTS = [
    {"climate", "klimat", "klima", "clima"},
    {"water", "vatten", "wasser", "água"},
    {"fractions", "bråk", "brüche", "frações"},
    {"garden", "trädgård", "garten", "horta"},
]
WORD = re.compile(r"\w+", re.UNICODE)


class ConceptEncoder(BaseEncoder):
    model_id = "test-concepts-v1"
    dimensions = len(CONCEPTS)

    def _encode_batch(self, texts):
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in WORD.findall(text.lower()):
                for dim, words in enumerate(CONCEPTS):
                    if word in words:
                        out[row, dim] += 1.0
        return out
