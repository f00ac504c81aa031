"""`import_resources`: what an editor finds on the site after importing a JSON file, and which files it refuses."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.models import Page, ReferenceIndex, Revision

from communities.choices import Discoverability
from communities.models import Person
from resources.importer import ImportFileError, import_text, validate
from resources.models import ResourceContributor, ResourcePage
from tests import factories
from vocabularies.models import Subject

DATA = Path(__file__).parent / "data"
GOOD = DATA / "resources_good.json"


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English; a request to /sv/ in an earlier test leaves Swedish active in the thread."""
    with translation.override("en"):
        yield


def run(path):
    out = StringIO()
    call_command("import_resources", str(path), stdout=out)
    return out.getvalue()


def all_credits(page):
    """Every contributor of a page as imported (the API's contributor_list shows only those a viewer may see)."""
    return [
        {"name": c.person.display_name, "role": c.role, "country": c.person.country.code or None}
        for c in page.contributors.select_related("person")
    ]


def write(tmp_path, records, name="import.json"):
    """One record per line, so record i (0-based) sits on line i + 2."""
    path = tmp_path / name
    path.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n", encoding="utf-8")
    return path


def by_id(external_id, code=None):
    pages = ResourcePage.objects.filter(external_id=external_id)
    if code:
        pages = pages.filter(locale__language_code=code)
    return pages.get()


def snapshot():
    """Everything an import could touch, in a comparable form."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "pk", "title", "slug", "live", "latest_revision_id", "translation_key", "locale_id", "path"
            )
        ),
        "resources": sorted(
            ResourcePage.objects.values_list(
                "pk", "summary", "external_id", "licence", "based_on_id", "community_id", "material_language"
            )
        ),
        "revisions": Revision.objects.count(),
        "people": sorted(Person.objects.values_list("pk", "display_name", "country")),
        "subjects": sorted(Subject.objects.values_list("pk", "slug")),
        "contributors": sorted(ResourceContributor.objects.values_list("page_id", "person_id", "role")),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
    }


def record(external_id, **fields):
    data = {
        "id": external_id,
        "title": f"Material {external_id}",
        "language": "en",
        "summary": "Two sentences about it.",
        "body": "First paragraph.",
    }
    data.update(fields)
    return data


# -- a good file ---------------------------------------------------------------


def test_good_file_publishes_pages_in_their_locales_with_the_text(client, home):
    output = run(GOOD)

    assert "created 3, updated 0, people created 3" in output
    en, sv, pt = by_id("kol-1"), by_id("kol-2"), by_id("kol-3")
    assert (en.locale.language_code, sv.locale.language_code, pt.locale.language_code) == ("en", "sv", "pt")
    assert (en.material_language, sv.material_language, pt.material_language) == ("en", "sv", "pt")
    assert all(page.live and not page.has_unpublished_changes for page in (en, sv, pt))

    assert en.url == "/en/materials/photosynthesis-in-the-classroom/"
    assert sv.url == "/sv/materials/fotosyntes-i-klassrummet/"
    assert pt.url.startswith("/pt/")
    for page in (en, sv, pt):
        assert client.get(page.url).status_code == 200
    html = client.get(en.url).content.decode()
    assert "A lesson plan about photosynthesis" in html
    # Plain text is escaped, never taken as HTML; single line breaks survive.
    assert "Measure the oxygen with a &lt;sensor&gt; &amp; a clock.<br/>Write it down." in html
    assert "<sensor>" not in html
    assert [block.block_type for block in en.body] == ["paragraph", "paragraph"]
    assert "Växter gör socker av ljus." in client.get(sv.url).content.decode()


def test_metadata_from_the_file(home):
    factories.subject("biology", "Biology")
    run(GOOD)
    en, pt = by_id("kol-1"), by_id("kol-3")

    assert en.subject_list == ["biology", "marine-science"]
    marine = Subject.objects.get(slug="marine-science")
    assert (marine.name, marine.locale.language_code) == ("Marine science", "en")
    assert Subject.objects.filter(slug="biology").count() == 1
    assert en.level_list == [2, 3]
    assert sorted(en.tag_list) == ["experiment", "plants"]
    assert en.licence_info.code == "CC-BY-SA-4.0"
    assert pt.licence_info.code == "CC-BY-4.0"
    assert pt.level_list == [3]


def test_translation_joins_the_sources_group_even_when_listed_first(home):
    run(GOOD)
    en, sv = by_id("kol-1"), by_id("kol-2")

    assert sv.translation_key == en.translation_key
    assert en in [p.specific for p in sv.get_translations()]
    assert sv in [p.specific for p in en.get_translations()]
    assert sv.title == "Fotosyntes i klassrummet"
    # Metadata the translation leaves out comes from its source, as wagtail-localize would sync it.
    assert sv.subject_list == en.subject_list and sv.level_list == en.level_list
    assert sv.licence == en.licence


def test_an_empty_translation_of_on_a_saved_material_means_no_translation(tmp_path, home):
    """Found by the property-based tests: re-importing a saved material with "translation_of": "" crashed."""
    run(write(tmp_path, [record("kol-1")]))
    run(write(tmp_path, [record("kol-1", title="Updated title", translation_of="")]))
    page = by_id("kol-1")
    assert page.title == "Updated title"
    assert list(page.get_translations()) == []


def test_based_on_links_the_adaptation(home):
    run(GOOD)
    en, pt = by_id("kol-1"), by_id("kol-3")
    assert pt.based_on == en
    assert list(en.adaptations.all()) == [pt]
    # The admin's "usage" of a page reads Wagtail's reference index, which the import updates once per page.
    assert pt.pk in {ref.object_id and int(ref.object_id) for ref in ReferenceIndex.get_references_to(en)}


def test_imported_pages_and_people_are_searchable(home):
    run(GOOD)
    assert by_id("kol-1") in ResourcePage.objects.live().search("photosynthesis")
    from wagtail.search.backends import get_search_backend

    assert Person.objects.get(display_name="Anna Berg") in get_search_backend().search("Anna", Person)


def test_people_are_created_once_without_accounts_and_credited(home):
    existing = factories.person("Jane Doe", country="GB")
    run(GOOD)

    anna = Person.objects.get(display_name="Anna Berg")
    assert Person.objects.filter(display_name="Jane Doe").count() == 1
    assert Person.objects.count() == 3  # Jane (existing), Anna, João
    assert anna.country.code == "SE" and anna.user is None
    assert anna.discoverability == Discoverability.NOBODY
    assert all_credits(by_id("kol-1")) == [
        {"name": "Jane Doe", "role": "author", "country": "GB"},
        {"name": "Anna Berg", "role": "author", "country": "SE"},
    ]
    assert existing.resource_contributions.filter(page=by_id("kol-1"), role="author").exists()
    sv_credits = {(c["name"], c["role"]) for c in all_credits(by_id("kol-2"))}
    assert ("Anna Berg", "translator") in sv_credits
    # The original's authors stay credited on the translation.
    assert ("Jane Doe", "author") in sv_credits


def test_community_is_linked(tmp_path, home):
    group = factories.community("Baltic Biology Teachers")
    run(write(tmp_path, [record("c-1", community=group.slug)]))
    assert by_id("c-1").community == group


def test_missing_summary_is_taken_from_the_body(tmp_path, home):
    data = record("s-1", body="  First   line\nof the text.\n\nSecond paragraph.")
    del data["summary"]
    run(write(tmp_path, [data]))
    assert by_id("s-1").summary == "First line of the text."


def test_second_import_updates_instead_of_duplicating(tmp_path, home):
    run(GOOD)
    pages, people = ResourcePage.objects.count(), Person.objects.count()
    revisions = Revision.objects.count()

    output = run(GOOD)

    assert "created 0, updated 3, people created 0" in output
    assert ResourcePage.objects.count() == pages and Person.objects.count() == people
    assert Revision.objects.filter(object_id=str(by_id("kol-1").pk)).count() >= 2
    assert Revision.objects.count() > revisions
    assert len(all_credits(by_id("kol-1"))) == 2

    # Edits in the file reach the live site.
    records = json.loads(GOOD.read_text(encoding="utf-8"))
    records[1]["title"] = "Photosynthesis, revised"
    records[1]["tags"] = ["plants"]
    records[1]["authors"] = [{"name": "Jane Doe", "country": "GB"}]
    output = run(write(tmp_path, records))
    assert "created 0, updated 3" in output
    en = by_id("kol-1")
    assert en.title == "Photosynthesis, revised" and en.live and not en.has_unpublished_changes
    assert en.url == "/en/materials/photosynthesis-in-the-classroom/"  # links keep working
    assert en.tag_list == ["plants"]
    assert [c["name"] for c in all_credits(en)] == ["Jane Doe"]
    assert ResourcePage.objects.count() == pages


def test_dry_run_writes_nothing(home):
    before = snapshot()
    out = StringIO()
    call_command("import_resources", str(GOOD), "--dry-run", stdout=out)
    assert "would create 3, update 0, create people 3" in out.getvalue()
    assert snapshot() == before


# -- bad files -------------------------------------------------------------------


GOOD_EDIT = record("kol-1", title="This edit must not land", language="en")
BAD_FILES = {
    "broken JSON": ('[\n  {"id": "a", "title": "A", "language": "en"}\n  {"id": "b"}\n]', 3, "invalid JSON"),
    "not a list": ('\n{"id": "a", "title": "A", "language": "en"}', 2, "must contain a JSON list"),
    "missing title": ([GOOD_EDIT, {"id": "x-1", "language": "en"}], 3, 'record "x-1"): missing required key "title"'),
    "unknown language": ([GOOD_EDIT, record("x-1", language="fr")], 3, 'unknown language "fr"'),
    "unknown licence": ([GOOD_EDIT, record("x-1", license="CC-XYZ")], 3, 'record "x-1"): unknown licence "CC-XYZ"'),
    "bad level": ([GOOD_EDIT, record("x-1", levels=[2, "ISCED 12"])], 3, 'unknown education level "ISCED 12"'),
    "dangling translation_of": (
        [GOOD_EDIT, record("x-1", language="de", translation_of="nowhere")],
        3,
        'refers to "nowhere"',
    ),
    "unknown community": (
        [GOOD_EDIT, record("x-1", community="no-such-group")],
        3,
        'unknown community "no-such-group"',
    ),
    "cycle": (
        [GOOD_EDIT, record("x-1", language="sv", translation_of="x-2"), record("x-2", language="de", based_on="x-1")],
        3,
        "form a cycle: x-1 -> x-2 -> x-1",
    ),
    "duplicate id": ([GOOD_EDIT, record("x-1"), record("x-1")], 4, "duplicate id, already used on line 3"),
    "two translations into one language": (
        [GOOD_EDIT, record("x-1", language="sv", translation_of="kol-1")],
        3,
        "already has one",
    ),
    "author without country code": (
        [GOOD_EDIT, record("x-1", authors=[{"name": "A", "country": "Sweden"}])],
        3,
        'unknown country "Sweden"',
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_is_refused_with_line_and_reason_and_nothing_changes(tmp_path, home, case):
    run(GOOD)  # earlier imports must survive a refused file untouched
    content, line, reason = BAD_FILES[case]
    path = tmp_path / "bad.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path = write(tmp_path, content, "bad.json")
    before = snapshot()

    with pytest.raises(CommandError) as refused:
        run(path)

    message = str(refused.value)
    assert f"bad.json line {line}" in message
    assert reason in message
    assert "Nothing was imported." in message
    assert snapshot() == before
    assert by_id("kol-1").title == "Photosynthesis in the classroom"


def test_all_problems_of_a_file_are_listed(tmp_path, home):
    path = write(tmp_path, [record("a", license="nope"), record("b", language="xx"), record("c")])
    with pytest.raises(CommandError) as refused:
        run(path)
    assert 'line 2 (record "a")' in str(refused.value) and 'line 3 (record "b")' in str(refused.value)


def test_failure_while_writing_rolls_everything_back(tmp_path, home, monkeypatch):
    run(GOOD)
    before = snapshot()
    from resources import importer

    real = importer.body_blocks

    def fail_on_second(text):
        if text == "boom":
            raise RuntimeError("disk full")
        return real(text)

    monkeypatch.setattr(importer, "body_blocks", fail_on_second)
    path = write(tmp_path, [record("kol-1", title="Edited"), record("new-1"), record("new-2", body="boom")])
    with pytest.raises(CommandError, match=r'line 4 \(record "new-2"\): could not be saved: disk full'):
        run(path)
    assert snapshot() == before


def test_validation_queries_do_not_grow_with_the_file(home):
    def queries(count):
        text = json.dumps(
            [
                record(f"q-{i}", subjects=["biology"], levels=[1], authors=[{"name": f"P{i}", "country": "SE"}])
                for i in range(count)
            ]
        )
        with CaptureQueriesContext(connection) as captured:
            validate(text)
        return len(captured)

    assert queries(5) == queries(60)


# -- arbitrary malformed input -----------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
record_keys = st.sampled_from(
    [
        "id",
        "title",
        "summary",
        "body",
        "language",
        "subjects",
        "levels",
        "tags",
        "license",
        "authors",
        "community",
        "translation_of",
        "based_on",
    ]
) | st.text(max_size=8)
random_records = st.dictionaries(record_keys, json_values, max_size=8)


class _RolledBack(Exception):
    pass


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(random_records | json_values, min_size=1, max_size=4))
def test_arbitrary_records_raise_only_import_errors(home, items):
    before = snapshot()
    try:
        with transaction.atomic():
            try:
                import_text(json.dumps(items))
            except ImportFileError as exc:
                assert exc.problems and str(exc)
                assert snapshot() == before
            # A random file that happens to be valid may import; undo it for the next example.
            raise _RolledBack
    except _RolledBack:
        pass


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=st.sampled_from(
        [
            "id",
            "title",
            "language",
            "subjects",
            "levels",
            "tags",
            "license",
            "authors",
            "community",
            "translation_of",
            "based_on",
        ]
    ),
    value=json_values,
)
def test_a_corrupted_field_is_refused_and_writes_nothing(home, key, value):
    valid_values = {
        "id": "r-1",
        "title": "Material r-1",
        "language": "en",
        "summary": "Two sentences about it.",
        "body": "First paragraph.",
    }
    corrupted = record("r-1", **{key: value})
    # Some random values are valid for some keys ("2" for a level, a list of names for subjects);
    # only values the spec rules out are tested here.
    acceptable = {
        "id": isinstance(value, str) and value.strip(),
        "title": isinstance(value, str) and value.strip(),
        "language": isinstance(value, str) and value.strip().lower() in ("en", "sv", "de", "pt"),
        "subjects": value is None or (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)),
        "tags": value is None or (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)),
        "levels": value is None
        or (
            isinstance(value, list)
            and all(
                (isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 8)
                or (isinstance(v, str) and v.strip().upper().removeprefix("ISCED").strip() in list("012345678"))
                for v in value
            )
        ),
        "license": value is None,
        "authors": value is None or value == [],
        # An empty reference reads as "none", as exports often write it.
        "community": value is None or (isinstance(value, str) and not value.strip()),
        "translation_of": value is None or (isinstance(value, str) and not value.strip()),
        "based_on": value is None or (isinstance(value, str) and not value.strip()),
    }[key]
    if acceptable or valid_values.get(key) == value:
        return
    before = snapshot()
    with pytest.raises(ImportFileError) as refused:
        import_text(json.dumps([corrupted]), filename="fuzz.json")
    assert "fuzz.json line 1" in str(refused.value)  # json.dumps writes one line
    assert snapshot() == before
