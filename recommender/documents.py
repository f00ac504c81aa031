"""How each kind of object becomes a document: its text to encode and the metadata to filter and score on.

The models declare `embedding_fields` (checked in checks.py); this module
reads them, so the recommender reads resources and communities through
their public attributes and never the other way round.
"""

import hashlib
from collections import Counter

from django.utils.html import strip_tags

from communities.models import CommunityPage, Person, ProjectPage
from communities.privacy import page_audience, person_audience, shared_community_keys
from resources.models import CurriculumUnitPage, ResourcePage

KINDS = {
    "resource": ResourcePage,
    "unit": CurriculumUnitPage,
    "community": CommunityPage,
    "project": ProjectPage,
    "person": Person,
}
PAGE_KINDS = ("resource", "unit", "community", "project")
MAX_TEXT = 2000  # characters; multilingual-e5-small reads at most 512 tokens


def kind_of(obj):
    for kind, model in KINDS.items():
        if isinstance(obj, model):
            return kind
    specific = getattr(obj, "specific", None)
    if specific is not None and specific is not obj:
        return kind_of(specific)
    return None


def key_for(obj):
    kind = kind_of(obj)
    return f"{kind}:{obj.pk}" if kind else None


def split_key(key):
    kind, _, pk = key.partition(":")
    return kind, int(pk)


def _field_text(obj, name):
    value = getattr(obj, name, "")
    if value is None:
        return ""
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return " ".join(strip_tags(str(chunk)) for chunk in stream_block.get_searchable_content(value))
    return strip_tags(str(value))


def document_text(obj):
    """The text the encoder reads: the declared embedding fields, title first."""
    parts = [_field_text(obj, name) for name in type(obj).embedding_fields]
    if isinstance(obj, Person):
        parts += [s.name for s in obj.subjects.all()]
        parts += [t.name for t in obj.interests.all()]
    text = " \n".join(p.strip() for p in parts if p and p.strip())
    return " ".join(text.split())[:MAX_TEXT]


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _page_common(page):
    return {"title": page.title, "locale": page.locale.language_code}


def metadata(obj):
    """(kind, group, language, audience, licence, fields) of one object."""
    kind = kind_of(obj)
    if kind == "resource":
        contributors = list(obj.contributors.all())
        fields = {
            **_page_common(obj),
            "subjects": sorted(s.slug for s in obj.subjects.all()),
            "levels": sorted(level.code for level in obj.levels.all()),
            "tags": sorted(t.name.lower() for t in obj.tags.all()),
            "people": [c.person_id for c in contributors],
            "roles": {str(c.person_id): c.role for c in contributors},
            "community": obj.community.translation_key.hex if obj.community_id else "",
            "based_on": obj.based_on.translation_key.hex if obj.based_on_id else "",
            "type": obj.resource_type.slug if obj.resource_type_id else "",
        }
        return kind, obj.translation_key.hex, obj.locale.language_code, page_audience(obj), obj.licence, fields
    if kind == "unit":
        fields = {
            **_page_common(obj),
            "tags": sorted(t.name.lower() for t in obj.competences.all()),
            "number": obj.number,
            "linked": sorted(
                {link.resource.translation_key.hex for link in obj.linked_resources.select_related("resource")}
            ),
        }
        return kind, obj.translation_key.hex, obj.locale.language_code, page_audience(obj), "", fields
    if kind == "community":
        fields = {
            **_page_common(obj),
            "community": obj.translation_key.hex,
            "people": list(obj.facilitators().values_list("pk", flat=True)),
            "scope": obj.scope,
            "country": obj.country.code or "",
        }
        return kind, obj.translation_key.hex, obj.locale.language_code, page_audience(obj), "", fields
    if kind == "project":
        parent = obj.get_parent()
        fields = {
            **_page_common(obj),
            "community": parent.translation_key.hex if parent else "",
            "people": [p.person_id for p in obj.partners.all() if p.person_id],
            "looking_for_partners": obj.is_looking_for_partners,
        }
        return kind, obj.translation_key.hex, obj.locale.language_code, page_audience(obj), "", fields
    if kind == "person":
        contributions = list(obj.resource_contributions.select_related("page__locale"))
        languages = Counter(c.page.locale.language_code for c in contributions)
        spoken = [lang.code for lang in obj.languages.all()]
        language = languages.most_common(1)[0][0] if languages else (spoken[0] if spoken else "en")
        fields = {
            "name": obj.display_name,
            "subjects": sorted(s.slug for s in obj.subjects.all()),
            "levels": sorted(level.code for level in obj.levels.all()),
            "tags": sorted(t.name.lower() for t in obj.interests.all()),
            "communities": shared_community_keys(obj),
            "country": obj.country.code or "",
            "school": obj.school,
            "open": obj.open_to_collaboration,
            "languages": spoken,
            "contributions": sorted({c.page_id for c in contributions}),
        }
        fields["communities"] = [k.hex if hasattr(k, "hex") else str(k) for k in fields["communities"]]
        return kind, f"person:{obj.pk}", language, person_audience(obj), "", fields
    raise ValueError(f"The recommender does not index {type(obj).__name__}")


def indexable(kind):
    """Objects of a kind that belong in the index: live pages, every person but former members."""
    model = KINDS[kind]
    if kind == "person":
        # A deleted account keeps its Person row for credits only; nothing of it is encoded again.
        return model.objects.filter(anonymised_at__isnull=True).order_by("pk")
    return model.objects.live().order_by("pk")
