"""The demo's vectors, shipped in demo/data/vectors-<model>.npz beside its texts.

load_demo hands them to the recommender's rebuild, which encodes only the
texts whose sha256 is not in the file (a text edited or added since the file
was written); `manage.py write_demo_vectors` writes the file again.
"""

import numpy as np
from django.db.models import Q

from communities.models import Person
from recommender import conf, vectorfile
from recommender.documents import KINDS, document_text, indexable, key_for, text_hash
from recommender.models import Embedding

from .datafiles import DATA_DIR
from .loader import DEMO_PERSON_PREFIX, demo_page_keys


def path_for(model_id):
    return DATA_DIR / vectorfile.file_name(model_id)


def shipped(encoder=None):
    """{text hash: raw vector} shipped for the current encoder's model ({} when none is)."""
    encoder = encoder or conf.get_encoder()
    return vectorfile.read(path_for(encoder.model_id), encoder.model_id)


def demo_objects():
    """Every indexable object the demo made (never a teacher's own material or profile)."""
    for kind, model in KINDS.items():
        qs = indexable(kind)
        if model is Person:
            qs = qs.filter(slug__startswith=DEMO_PERSON_PREFIX)
        elif kind == "resource":
            qs = qs.filter(Q(external_id__startswith="demo:") | Q(translation_key__in=demo_page_keys()))
        else:
            qs = qs.filter(translation_key__in=demo_page_keys())
        yield from qs


def write(encoder=None):
    """Write the demo's vector file for the current encoder; returns (path, vectors, encoded now)."""
    encoder = encoder or conf.get_encoder()
    texts = {}
    for obj in demo_objects():
        text = document_text(obj)
        if text:
            texts[key_for(obj)] = (text, text_hash(text))
    stored = {
        key: (digest, blob)
        for key, digest, blob in Embedding.objects.filter(model_id=encoder.model_id, key__in=list(texts)).values_list(
            "key", "text_hash", "vector"
        )
    }
    vectors, missing = {}, {}
    for key, (text, digest) in texts.items():
        if key in stored and stored[key][0] == digest:
            vectors[digest] = np.frombuffer(stored[key][1], dtype=np.float32)
        else:
            missing[digest] = text
    if missing:
        with encoder.using_threads(conf.get_config().rebuild_threads):
            for digest, vector in zip(missing, encoder.encode(list(missing.values())), strict=True):
                vectors[digest] = vector
    path = path_for(encoder.model_id)
    vectorfile.write(path, encoder.model_id, vectors)
    return path, len(vectors), len(missing)
