"""Metadata formats of the OAI-PMH endpoint: Dublin Core (oai_dc) and IEEE LOM (lom).

Each builder takes a material or curriculum unit and returns an lxml element.
They read pages and people through public.py (an anonymous visitor's view) and
the schema.org description in jsonld.py, so that every output agrees.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from lxml import etree

from resources.models import ContributorRole, ResourcePage
from vocabularies.levels import ISCED_NAMES

from . import public
from .jsonld import iso_duration, label_in_locale

XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
LOM = "http://ltsc.ieee.org/xsd/LOM"


@dataclass(frozen=True)
class Format:
    prefix: str
    schema: str
    namespace: str
    build: Callable


def _text(parent, ns, tag, text, **attrs):
    if text in (None, ""):
        return None
    el = etree.SubElement(parent, f"{{{ns}}}{tag}", **attrs)
    el.text = str(text)
    return el


def _subjects(page):
    if isinstance(page, ResourcePage):
        return [label_in_locale(s, page) for s in page.subjects.all()]
    return []


def _keywords(page):
    if isinstance(page, ResourcePage):
        return [t.name for t in page.tags.all()]
    return [t.name for t in page.competences.all()]


def _levels(page):
    return list(page.levels.all()) if isinstance(page, ResourcePage) else []


# -- oai_dc -----------------------------------------------------------------


def oai_dc(page, request=None):
    root = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    language = public.page_language(page)
    _text(root, DC, "title", page.title)
    authors, others = public.authors_and_contributors(page)
    for _role, name, _person in authors:
        _text(root, DC, "creator", name)
    for subject in _subjects(page) + _keywords(page):
        _text(root, DC, "subject", subject)
    _text(root, DC, "description", page.summary)
    _text(root, DC, "publisher", settings.WAGTAIL_SITE_NAME)
    for _role, name, _person in others:
        _text(root, DC, "contributor", name)
    if page.first_published_at:
        _text(root, DC, "date", page.first_published_at.date().isoformat())
    _text(root, DC, "type", "InteractiveResource" if not isinstance(page, ResourcePage) else "Text")
    if isinstance(page, ResourcePage) and page.resource_type:
        _text(root, DC, "type", page.resource_type.slug)
    _text(root, DC, "format", "text/html")
    _text(root, DC, "identifier", public.page_url(page, request))
    original = public.public_original(page)
    if original is not None:
        _text(root, DC, "source", public.page_url(original, request))
    _text(root, DC, "language", language)
    for other in public.public_translations(page):
        _text(root, DC, "relation", public.page_url(other, request))
    community = public.public_community(page)
    if community is not None:
        _text(root, DC, "relation", public.page_url(community, request))
    if isinstance(page, ResourcePage):
        _text(root, DC, "rights", page.licence)
    return root


# -- IEEE LOM (the XML binding, IEEE 1484.12.3) ----------------------------


def _lang_string(parent, tag, text, language):
    if not text:
        return None
    holder = etree.SubElement(parent, f"{{{LOM}}}{tag}")
    etree.SubElement(holder, f"{{{LOM}}}string", language=language).text = str(text)
    return holder


def _vocab(parent, tag, value, source="LOMv1.0"):
    holder = etree.SubElement(parent, f"{{{LOM}}}{tag}")
    etree.SubElement(holder, f"{{{LOM}}}source").text = source
    etree.SubElement(holder, f"{{{LOM}}}value").text = value
    return holder


def _vcard(name):
    escaped = name.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{escaped}\nN:{escaped};;;;\nEND:VCARD"


def _identifier(parent, url):
    identifier = etree.SubElement(parent, f"{{{LOM}}}identifier")
    etree.SubElement(identifier, f"{{{LOM}}}catalog").text = "URI"
    etree.SubElement(identifier, f"{{{LOM}}}entry").text = url


def lom_context(code):
    """The LOM educational context of an ISCED level."""
    if code <= 3:
        return "school"
    if code == 4:
        return "training"
    return "higher education"


def lom(page, request=None):
    root = etree.Element(f"{{{LOM}}}lom", nsmap={None: LOM, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{LOM} http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd")
    language = public.page_language(page)
    url = public.page_url(page, request)

    general = etree.SubElement(root, f"{{{LOM}}}general")
    _identifier(general, url)
    _lang_string(general, "title", page.title, language)
    etree.SubElement(general, f"{{{LOM}}}language").text = language
    _lang_string(general, "description", page.summary, language)
    for keyword in _keywords(page):
        _lang_string(general, "keyword", keyword, language)

    life = etree.SubElement(root, f"{{{LOM}}}lifeCycle")
    roles = {ContributorRole.AUTHOR: "author", ContributorRole.ADAPTER: "editor", ContributorRole.TRANSLATOR: "editor"}
    for role, name, _person in public.credits(page):
        contribute = etree.SubElement(life, f"{{{LOM}}}contribute")
        _vocab(contribute, "role", roles.get(role, "unknown"))
        etree.SubElement(contribute, f"{{{LOM}}}entity").text = _vcard(name)
    publisher = etree.SubElement(life, f"{{{LOM}}}contribute")
    _vocab(publisher, "role", "publisher")
    etree.SubElement(publisher, f"{{{LOM}}}entity").text = _vcard(settings.WAGTAIL_SITE_NAME)
    if page.first_published_at:
        date = etree.SubElement(publisher, f"{{{LOM}}}date")
        etree.SubElement(date, f"{{{LOM}}}dateTime").text = page.first_published_at.date().isoformat()

    meta = etree.SubElement(root, f"{{{LOM}}}metaMetadata")
    etree.SubElement(meta, f"{{{LOM}}}metadataSchema").text = "LOMv1.0"

    technical = etree.SubElement(root, f"{{{LOM}}}technical")
    etree.SubElement(technical, f"{{{LOM}}}format").text = "text/html"
    etree.SubElement(technical, f"{{{LOM}}}location").text = url

    educational = etree.SubElement(root, f"{{{LOM}}}educational")
    if isinstance(page, ResourcePage) and page.resource_type:
        _vocab(educational, "learningResourceType", page.resource_type.slug, source="Kollega")
    for context in sorted({lom_context(level.code) for level in _levels(page)}):
        _vocab(educational, "context", context)
    if page.duration_minutes:
        learning_time = etree.SubElement(educational, f"{{{LOM}}}typicalLearningTime")
        etree.SubElement(learning_time, f"{{{LOM}}}duration").text = iso_duration(page.duration_minutes)
    etree.SubElement(educational, f"{{{LOM}}}language").text = language

    rights = etree.SubElement(root, f"{{{LOM}}}rights")
    _vocab(rights, "cost", "no")
    licence = getattr(page, "licence", "")
    _vocab(rights, "copyrightAndOtherRestrictions", "yes" if licence else "no")
    if licence:
        _lang_string(rights, "description", licence, "x-none")

    original = public.public_original(page)
    if original is not None:
        relation = etree.SubElement(root, f"{{{LOM}}}relation")
        _vocab(relation, "kind", "isbasedon")
        _identifier(etree.SubElement(relation, f"{{{LOM}}}resource"), public.page_url(original, request))
    community = public.public_community(page)
    if community is not None:
        relation = etree.SubElement(root, f"{{{LOM}}}relation")
        _vocab(relation, "kind", "ispartof")
        resource = etree.SubElement(relation, f"{{{LOM}}}resource")
        _identifier(resource, public.page_url(community, request))
        _lang_string(resource, "description", community.title, community.locale.language_code)

    subjects = _subjects(page)
    if subjects:
        classification = etree.SubElement(root, f"{{{LOM}}}classification")
        _vocab(classification, "purpose", "discipline")
        path = etree.SubElement(classification, f"{{{LOM}}}taxonPath")
        _lang_string(path, "source", "Kollega subjects", "en")
        for s in page.subjects.all():
            taxon = etree.SubElement(path, f"{{{LOM}}}taxon")
            etree.SubElement(taxon, f"{{{LOM}}}id").text = s.slug

            _lang_string(taxon, "entry", label_in_locale(s, page), language)
    levels = _levels(page)
    if levels:
        classification = etree.SubElement(root, f"{{{LOM}}}classification")
        _vocab(classification, "purpose", "educational level")
        for level in levels:
            path = etree.SubElement(classification, f"{{{LOM}}}taxonPath")
            _lang_string(path, "source", "ISCED 2011", "en")
            taxon = etree.SubElement(path, f"{{{LOM}}}taxon")
            etree.SubElement(taxon, f"{{{LOM}}}id").text = str(level.code)
            _lang_string(taxon, "entry", str(ISCED_NAMES[level.code]), page.locale.language_code)
    return root


FORMATS = {
    "oai_dc": Format("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC, oai_dc),
    "lom": Format("lom", "http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd", LOM, lom),
}
