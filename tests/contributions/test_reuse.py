"""Adapt this resource (within its licence) and Translate this resource."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from resources.models import ResourceContributor, ResourcePage
from tests import factories as f
from translations.models import TranslationRequest
from vocabularies.licences import ALL_RIGHTS_RESERVED

pytestmark = pytest.mark.django_db

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
CC_BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/"


@pytest.fixture
def adapter(client):
    community = f.community("Baltic Science Teachers")
    person = f.person("Ada Adapter")
    f.join(person, community)
    client.force_login(person.user)
    return person, community


def original(licence, **fields):
    author = f.person("Olga Original")
    translator = f.person("Tom Translator")
    page = f.resource("Water cycle", licence=licence, authors=[author], **fields)
    ResourceContributor.objects.create(page=page, person=translator, role="translator", sort_order=1)
    return f.publish(ResourcePage.objects.get(pk=page.pk)), author, translator


def make_translator(person, code):
    translators, _ = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=translators, page=f.resource_index(code), permission_type="add")
    person.user.groups.add(translators)


def test_the_resource_page_offers_adapt_and_one_way_to_a_translation_to_signed_in_teachers(client, adapter):
    f.resource_index("sv")
    page, *_ = original(CC_BY)
    html = client.get(page.url).content.decode()
    assert "Adapt this resource" in html
    # A teacher who does not translate in the editor asks the translators: one form, not two.
    assert "Ask for a translation" in html
    assert "Translate this resource" not in html
    client.logout()
    assert "Adapt this resource" not in client.get(page.url).content.decode()


def test_a_translator_is_offered_the_editor_for_their_languages_and_asking_for_the_others(client, adapter):
    person, _ = adapter
    make_translator(person, "sv")
    page, *_ = original(CC_BY)
    html = client.get(page.url).content.decode()
    translate_form = html[html.index('id="translate-locale"') :]
    translate_form = translate_form[: translate_form.index("</select>")]
    request_form = html[html.index('id="translation-request-locale"') :]
    request_form = request_form[: request_form.index("</select>")]
    assert 'value="sv"' in translate_form and 'value="de"' not in translate_form
    assert 'value="sv"' not in request_form and 'value="de"' in request_form


def test_adapting_a_cc_by_resource_makes_a_draft_based_on_it_crediting_everyone(client, adapter):
    person, community = adapter
    page, author, translator = original(CC_BY)

    response = client.post(f"/en/contribute/{page.pk}/adapt/")

    copy = ResourcePage.objects.get(based_on=page)
    assert response["Location"] == f"/en/contribute/{copy.pk}/edit/"
    assert not copy.live
    assert copy.translation_key != page.translation_key
    assert [(c.person, c.role) for c in copy.contributors.order_by("sort_order")] == [
        (author, "author"),
        (translator, "translator"),
        (person, "adapter"),
    ]
    assert copy.community == community
    edit = client.get(response["Location"]).content.decode()
    assert "Water cycle (adapted)" in edit and "Adapted from" in edit


def test_an_approved_adaptation_is_listed_on_the_original(client, adapter):
    page, *_ = original(CC_BY)
    client.post(f"/en/contribute/{page.pk}/adapt/")
    copy = ResourcePage.objects.get(based_on=page)
    f.publish(copy)
    assert "Water cycle (adapted)" in client.get(page.url).content.decode()


@pytest.mark.parametrize(
    "licence, words",
    [
        (CC_BY_ND, "no adaptations"),
        (ALL_RIGHTS_RESERVED, "All rights to this material are reserved"),
    ],
)
def test_no_derivatives_and_all_rights_reserved_refuse_adaptation_with_an_explanation(client, adapter, licence, words):
    page, *_ = original(licence)

    assert words in client.get(page.url).content.decode()
    assert "Adapt this resource</button>" not in client.get(page.url).content.decode()
    response = client.post(f"/en/contribute/{page.pk}/adapt/")

    assert response.status_code == 403
    assert words in response.content.decode()
    assert not ResourcePage.objects.filter(based_on=page).exists()


def test_an_adaptation_of_a_share_alike_resource_keeps_its_licence(client, adapter):
    _, community = adapter
    page, *_ = original(CC_BY_SA)
    client.post(f"/en/contribute/{page.pk}/adapt/")
    copy = ResourcePage.objects.get(based_on=page)
    edit_url = f"/en/contribute/{copy.pk}/edit/"
    assert "keep the same licence" in client.get(edit_url).content.decode()

    from .test_contribute import form_data

    client.post(edit_url, form_data(community, licence=ALL_RIGHTS_RESERVED))

    assert copy.get_latest_revision_as_object().licence == CC_BY_SA


def test_translate_asks_the_translators_when_the_teacher_may_not_edit(client, adapter):
    person, _ = adapter
    f.resource_index("sv")
    page, *_ = original(CC_BY)

    response = client.post(f"/en/contribute/{page.pk}/translate/", {"locale": "sv"})

    assert response.status_code == 302
    request = TranslationRequest.objects.get()
    assert (request.user, request.locale.language_code, request.translation_key) == (
        person.user,
        "sv",
        page.translation_key,
    )


def test_translate_opens_the_translation_editor_for_a_translator(client, adapter):
    person, _ = adapter
    make_translator(person, "sv")
    page, *_ = original(CC_BY)

    response = client.post(f"/en/contribute/{page.pk}/translate/", {"locale": "sv"})

    draft = page.get_translation(f.locale("sv"))
    assert not draft.live
    assert response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert client.get(response["Location"]).status_code == 200
