"""The demo's data files hold every text in every site language, and only the dev and test settings install the demo."""

import importlib

import pytest

from demo.datafiles import DATA_DIR, LANGS, read

KINDS = sorted({path.name.split(".")[0] for path in DATA_DIR.glob("*.*.json")})


def shape(value):
    """The keys of nested objects and the lengths of lists, without the texts themselves."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


def test_the_texts_come_in_each_site_language():
    assert KINDS == [
        "communities",
        "curriculum",
        "discussions",
        "events",
        "materials",
        "pages",
        "people",
        "projects",
        "templates",
        "vocabularies",
    ]
    for kind in KINDS:
        assert sorted(path.name for path in DATA_DIR.glob(f"{kind}.*.json")) == sorted(
            f"{kind}.{code}.json" for code in LANGS
        )


@pytest.mark.parametrize("kind", KINDS)
def test_every_language_translates_all_of_the_english_texts(kind):
    """A topic, step or paragraph missing in one language would make that language's demo differ (or fail)."""
    english = shape(read(kind, "en"))
    for code in LANGS[1:]:
        assert shape(read(kind, code)) == english, f"demo/data/{kind}.{code}.json"


@pytest.mark.parametrize(
    "kind, keys, texts_of",
    [
        ("materials", lambda data: [t["key"] for t in data["topics"]], lambda text: text["topics"]),
        ("projects", lambda data: [p["key"] for p in data["projects"]], lambda text: text["projects"]),
        ("curriculum", lambda data: [str(u["number"]) for u in data["units"]], lambda text: text["units"]),
        ("communities", lambda data: [c["key"] for c in data["national"]], lambda text: text["national_titles"]),
        ("vocabularies", lambda data: data["subjects"], lambda text: text["subjects"]),
        ("events", lambda data: [e["key"] for e in data["events"]], lambda text: text["events"]),
    ],
)
def test_each_item_of_a_kind_has_its_texts(kind, keys, texts_of):
    assert list(texts_of(read(kind, "en"))) == keys(read(kind))


@pytest.mark.parametrize("module, installed", [("dev", True), ("test", True), ("production", False)])
def test_only_the_dev_and_test_settings_install_the_demo(monkeypatch, module, installed):
    monkeypatch.setenv("SECRET_KEY", "only-to-import-the-production-settings-" + "x" * 20)
    settings = importlib.import_module(f"kollega.settings.{module}")
    assert ("demo" in settings.INSTALLED_APPS) is installed
