"""evaluate_recommender on the shipped labelled set: cross-language matches found without any translation link."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

LABELLED_SET = Path(__file__).resolve().parents[2] / "recommender" / "data" / "labelled_demo.json"


def run(path, *args):
    out = StringIO()
    call_command("evaluate_recommender", str(path), *args, stdout=out)
    return out.getvalue()


def figure(output, name):
    return float(re.search(rf"^{re.escape(name)}: ([0-9.]+)", output, re.M).group(1))


@pytest.mark.slow
def test_shipped_labelled_set_finds_translations_across_languages_with_the_default_encoder():
    from resources.models import ResourcePage

    output = run(LABELLED_SET, "--encoder", "default")
    assert figure(output, "cross-language recall@5") >= 0.9
    assert figure(output, "recall@5") >= 0.9
    # The evaluation leaves the site as it was.
    assert not ResourcePage.objects.filter(external_id__startswith="eval:").exists()


def test_the_shipped_set_has_cross_language_labels_and_no_translation_links():
    data = json.loads(LABELLED_SET.read_text())
    languages = {r["id"]: r["language"] for r in data["resources"]}
    assert all("translation_of" not in r and "based_on" not in r for r in data["resources"])
    cross = [(i["id"], r) for i in data["items"] for r in i["related"] if languages[r] != languages[i["id"]]]
    assert len(cross) >= 100
    assert {languages[i["id"]] for i in data["items"]} == {"en", "sv", "de", "pt"}


def test_a_small_set_reports_figures_with_the_test_encoder(tmp_path):
    text = "Pupils measure how plants use light and water for photosynthesis in the school garden."
    data = {
        "k": 5,
        "resources": [
            {
                "id": "a",
                "title": "Photosynthesis in the garden",
                "summary": text,
                "language": "en",
                "license": "CC-BY-4.0",
            },
            {
                "id": "b",
                "title": "Plants and light in the garden",
                "summary": text,
                "language": "en",
                "license": "CC-BY-4.0",
            },
            {
                "id": "c",
                "title": "The French Revolution",
                "summary": "Causes of 1789 and the end of the monarchy.",
                "language": "en",
                "license": "CC-BY-4.0",
            },
        ],
        "items": [{"id": "a", "related": ["b"]}],
    }
    path = tmp_path / "set.json"
    path.write_text(json.dumps(data))
    output = run(path)
    assert figure(output, "recall@5") == 1.0
    assert figure(output, "nDCG@5") == 1.0


def test_a_broken_labelled_set_is_refused_clearly(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"items": [{"related": []}]}')
    with pytest.raises(CommandError, match="item 1 needs an 'id'"):
        run(path)
    path.write_text("not json")
    with pytest.raises(CommandError, match="cannot be read as JSON"):
        run(path)


PARALLEL_SET = LABELLED_SET.with_name("labelled_parallel.json")


@pytest.mark.slow
@pytest.mark.parametrize("path", [LABELLED_SET, PARALLEL_SET], ids=["demo", "parallel"])
def test_the_first_suggestion_is_at_least_as_good_as_cosine_alone(path):
    output = run(path, "--encoder", "default")
    assert figure(output, "recall@1") >= figure(output, "cosine-only recall@1")
    assert figure(output, "MRR@5") >= figure(output, "cosine-only MRR@5")


def test_the_parallel_set_is_hand_translated_with_unlabelled_look_alikes():
    data = json.loads(PARALLEL_SET.read_text())
    languages = {r["id"]: r["language"] for r in data["resources"]}
    assert all("translation_of" not in r and "based_on" not in r for r in data["resources"])
    labelled = {i["id"] for i in data["items"]} | {r for i in data["items"] for r in i["related"]}
    assert data["distractors"] is True  # evaluate_recommender indexes the unlabelled records too
    assert len(set(languages) - labelled) >= 10  # near-duplicate distractors, never a right answer
    assert {languages[i["id"]] for i in data["items"]} == {"en", "sv", "de", "pt"}
