"""Interface translations: complete catalogues for sv, de and pt, and no English left on translated pages."""

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from tests import factories as f

LANGUAGES = ["sv", "de", "pt"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%\(\w+\)\.\d+f|%[sd]|\{\{\s*\w+\s*\}\}")
IGNORED = [".venv", "var", "node_modules", "static_collected", "locale", "bench", "tests", "deploy", "docs"]


@pytest.fixture(autouse=True)
def restore_language():
    """Requests to /de/ activate German for the thread; give the next test back the language it had."""
    with translation.override(translation.get_language()):
        yield


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


def current_msgids(tmp_path):
    """The msgids makemessages finds in the project today, extracted from a scratch copy of the sources.

    makemessages writes into any locale/ directory it finds beside the
    sources (even one it was told to ignore), so it runs on a copy of the
    .py, .html and .txt files and never touches the committed catalogues.
    """
    project = tmp_path / "project"
    keep = {".py", ".html", ".txt"}

    def ignore(directory, names):
        return [
            name
            for name in names
            if name in IGNORED
            or name.startswith(".")
            or (os.path.isfile(os.path.join(directory, name)) and os.path.splitext(name)[1] not in keep)
        ]

    shutil.copytree(settings.BASE_DIR, project, ignore=ignore)
    scratch = tmp_path / "locale"
    cwd = os.getcwd()
    os.chdir(project)
    try:
        with override_settings(LOCALE_PATHS=[str(scratch)]):
            call_command("makemessages", locale=["sv"], ignore_patterns=list(IGNORED), verbosity=0)
    finally:
        os.chdir(cwd)
    po = polib.pofile(str(scratch / "sv" / "LC_MESSAGES" / "django.po"))
    return {(e.msgctxt, e.msgid) for e in po if not e.obsolete}


@pytest.mark.skipif(not shutil.which("xgettext"), reason="makemessages needs GNU gettext (xgettext)")
def test_every_interface_string_of_the_project_is_in_each_catalogue(tmp_path):
    found = current_msgids(tmp_path)
    assert len(found) > 500  # a sanity check that makemessages really read the project
    for code in LANGUAGES:
        known = {(e.msgctxt, e.msgid) for e in catalogue(code) if not e.obsolete}
        missing = sorted(msgid for _ctx, msgid in found - known)
        assert not missing, f"{code}: {len(missing)} strings are not in locale/{code}: {missing[:10]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_catalogue_is_fully_translated_with_no_fuzzy_entries(code):
    po = catalogue(code)
    untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in po if not e.obsolete and "fuzzy" in e.flags]
    assert not untranslated, f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert po.metadata.get("Plural-Forms", "").startswith("nplurals=2")


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_placeholder(code):
    for entry in catalogue(code):
        if entry.obsolete:
            continue
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, target in pairs:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)), (code, source, target)


def test_compiled_catalogues_are_used():
    with translation.override("sv"):
        assert translation.gettext("Related materials") == "Relaterat material"
    with translation.override("de"):
        assert translation.gettext("Also available in") == "Auch verfügbar auf"
    with translation.override("pt"):
        assert translation.ngettext("%(counter)s member", "%(counter)s members", 3) == "%(counter)s membros"


# -- Rendered pages: no English interface string under /sv/, /de/, /pt/ -----


class VisibleText(HTMLParser):
    """Text a reader sees or hears (text nodes, titles, labels), skipping parts marked as another language."""

    SKIP = {"script", "style"}
    ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stack = []  # (tag, skipped)
        self.texts = []

    def skipped(self):
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        # Language names in the switcher, titles of other translations: in their own language on purpose.
        skip = tag in self.SKIP or (lang is not None and tag != "html" and not lang.startswith(self.language))
        if not skip and not self.skipped():
            self.texts += [value for name, value in attrs.items() if name in self.ATTRIBUTES and value]
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.skipped() and data.strip():
            self.texts.append(data)


def english_strings(code):
    """English msgids whose translation differs, as whole strings and as long literal fragments."""
    whole, fragments = set(), set()
    for entry in catalogue(code):
        sources = [(entry.msgid, entry.msgstr or entry.msgstr_plural.get(0, ""))]
        if entry.msgid_plural:
            sources.append((entry.msgid_plural, entry.msgstr_plural.get(1, "")))
        for source, target in sources:
            if source == target:
                continue
            parts = [p.strip() for p in PLACEHOLDER.split(source)]
            if len(parts) == 1:
                whole.add(" ".join(source.split()))
            fragments |= {" ".join(p.split()) for p in parts if len(p) >= 16}
    return whole, fragments


def english_left(html, code):
    parser = VisibleText(code)
    parser.feed(html)
    whole, fragments = english_strings(code)
    texts = [" ".join(t.split()) for t in parser.texts]
    found = {t for t in texts if t in whole or t.rstrip(":") in whole}
    joined = "\n".join(texts)
    found |= {fragment for fragment in fragments if fragment in joined}
    return sorted(found)


LOCAL = {
    "sv": ("Fotosyntes i skolträdgården", "Biologilärare i Stockholm", "Vatten i våra städer"),
    "de": ("Photosynthese im Schulgarten", "Biologielehrkräfte Stockholm", "Wasser in unseren Städten"),
    "pt": ("Fotossíntese na horta escolar", "Professores de biologia de Estocolmo", "A água nas nossas cidades"),
}


@pytest.fixture
def site(db):
    """A material, a community with a project and members, and their translations into sv, de and pt."""
    from home.models import HomePage

    anna = f.person("Anna Lind", discoverability="europe")
    community = f.community("Stockholm biology teachers", region="Stockholm")
    f.join(anna, community, role="facilitator")
    project = f.project(community, "Water in our cities", looking_for_partners=True)
    resource = f.resource(
        "Photosynthesis in the school garden",
        subjects=["biology"],
        levels=[2],
        tags=["plants"],
        authors=[anna],
        duration_minutes=45,
        community=community,
    )
    pages = {"en": {"resource": resource, "community": community}}
    for code, (title, community_title, project_title) in LOCAL.items():
        if not HomePage.objects.filter(locale__language_code=code).exists():
            with translation.override(code):  # the motto is content whose default is English
                f.translate(f.home("en"), code, motto=translation.gettext("When we share, we win."))
        with translation.override(code):  # index titles are content too
            f.translate(f.resource_index("en"), code, title=translation.gettext("Materials"))
            f.translate(f.community_index("en"), code, title=translation.gettext("Communities"))
        pages[code] = {
            "community": f.translate(community, code, title=community_title, summary=community_title),
            "resource": f.translate(resource, code, title=title, summary=title),
        }
        f.translate(project, code, title=project_title, theme=project_title, summary=project_title)
    return pages


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "teacher"])
def test_translated_pages_show_no_english_interface_string(client, site, code, signed_in):
    if signed_in:
        client.force_login(f.person("Lena Svensson", discoverability="europe").user)
    # The English original stays untranslated in one language, so its page offers a translation request.
    urls = {
        "home": f"/{code}/",
        "resource": site[code]["resource"].url,
        "community": site[code]["community"].url,
        "search": f"/{code}/search/?q=fotosyntes",
        "search-communities": f"/{code}/search/?q=stockholm&tab=communities",
    }
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        html = response.content.decode()
        assert f'<html lang="{code}">' in html
        left = english_left(html, code)
        assert not left, f"{name} ({url}) shows English interface text: {left}"


def test_a_swedish_page_has_swedish_interface_strings(client, site):
    html = client.get(site["sv"]["resource"].url).content.decode()
    assert "Om det här materialet" in html  # "About this material"
    assert "Finns också på" in html  # "Also available in"
    assert "Hoppa till innehållet" in html  # "Skip to content"
    assert "About this material" not in html


def test_recommender_reasons_and_sidebars_render_in_german(client, site):
    from recommender.reasons import Reason

    with translation.override("de"):
        assert str(Reason("similar")) == "Ähnlicher Inhalt"
        assert str(Reason("translated_into", {"language": "sv"})) == "Hat dies auf Schwedisch übersetzt"
    html = client.get(site["de"]["resource"].url).content.decode()
    assert "Related materials" not in html and "People working on this" not in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_string_is_translated_twice_in_a_catalogue(code):
    """Branches append to the catalogues and merge by union: a msgid added by two of them must be caught
    (msgfmt refuses such a file, and polib would quietly keep one of the two translations)."""
    text = (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    seen, twice = set(), []
    for entry in re.split(r"\n\s*\n", text):
        lines = [line for line in entry.splitlines() if not line.startswith("#")]
        key = "\n".join(
            line
            for line in lines
            if line.startswith(("msgctxt", "msgid"))
            or (line.startswith('"') and not any(x.startswith("msgstr") for x in lines[: lines.index(line)]))
        )
        if "msgid" in key:
            (twice if key in seen else seen.add(key) or []).append(key)
    assert not twice, f"{code}: translated twice: {twice[:5]}"
