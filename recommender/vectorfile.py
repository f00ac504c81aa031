"""Raw vectors in a file, keyed by the model that made them and the sha256 of the text it read.

A site that ships content (the demo) ships its vectors with it: loading the
content then encodes only the texts whose hash is not in the file, and a
file made by another model is ignored. Format: a compressed .npz with
`model_id` (one string), `hashes` (n x 64 hex, ASCII) and `vectors` (n x dim float32).
"""

import re
from pathlib import Path

import numpy as np


def file_name(model_id):
    """vectors-<model id, filename-safe>.npz"""
    return "vectors-" + re.sub(r"[^A-Za-z0-9.]+", "-", model_id).strip("-") + ".npz"


def read(path, model_id):
    """{text hash: raw vector} from `path` if it exists and `model_id` made it; otherwise {}."""
    path = Path(path)
    if not path.exists():
        return {}
    with np.load(path, allow_pickle=False) as data:
        if str(data["model_id"]) != model_id:
            return {}
        hashes = [h.decode("ascii") for h in data["hashes"].tolist()]
        vectors = np.asarray(data["vectors"], dtype=np.float32)
    return dict(zip(hashes, vectors, strict=True))


def write(path, model_id, vectors):
    """Write {text hash: raw vector} to `path`, sorted by hash so that the same content makes the same file."""
    items = sorted(vectors.items())
    hashes = np.array([h.encode("ascii") for h, _ in items], dtype="S64")
    matrix = np.vstack([np.asarray(v, dtype=np.float32) for _, v in items]) if items else np.zeros((0, 0), np.float32)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as out:
        np.savez_compressed(out, model_id=np.array(model_id), hashes=hashes, vectors=matrix)
    tmp.replace(path)
    return len(items)
