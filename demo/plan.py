"""The deterministic plan of demo materials: which topic, language, type, level and lineage each one has."""

from vocabularies.licences import ALL_RIGHTS_RESERVED, get_licence

from .content import TOPICS, TYPE_SLUGS
from .datafiles import LANGS

LICENCE_CYCLE = [
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/licenses/by-sa/4.0/",
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "https://creativecommons.org/publicdomain/zero/1.0/",
    "https://creativecommons.org/licenses/by-nd/4.0/",
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/licenses/by-nc/4.0/",
    "https://creativecommons.org/licenses/by-sa/4.0/",
    "https://creativecommons.org/licenses/by-nc-nd/4.0/",
]
OPEN_FALLBACK = "https://creativecommons.org/licenses/by/4.0/"
# The one material whose author keeps all rights: Portuguese, third variant of the fourth topic.
ALL_RIGHTS_RESERVED_AT = (3, "pt", 2)


def external_id(topic_key, variant_name, lang):
    return f"demo:{topic_key}:{variant_name}:{lang}"


def _source(t_idx, topic, li, lang, v):
    angle = (li + v) % 3
    # Offsets li*3+v over eight types: no two sources of a topic share type and angle.
    type_slug = TYPE_SLUGS[(li * 3 + v) % len(TYPE_SLUGS)]
    level = topic["levels"][(li + v) % len(topic["levels"])]
    return {"type": type_slug, "angle": angle, "level": level, "variant": v, "variant_name": f"{type_slug}-{angle + 1}"}


def resource_plan():
    """Return the list of material specs, sources first, then translations, then adaptations."""
    sources, translations, adaptations = [], [], []
    n = 0
    for t_idx, topic in enumerate(TOPICS):
        group_lang = LANGS[t_idx % 4]  # translation groups start in every language in turn
        adapt_lang = LANGS[(t_idx + 1) % 4]
        for li, lang in enumerate(LANGS):
            for v in range(3):
                spec = _source(t_idx, topic, li, lang, v)
                spec.update(kind="source", topic=topic, topic_index=t_idx, lang=lang, lang_index=li, n=n)
                spec["external_id"] = external_id(topic["key"], spec["variant_name"], lang)
                licence = LICENCE_CYCLE[n % len(LICENCE_CYCLE)]
                needs_derivatives = (lang == group_lang and v == 0) or (lang == adapt_lang and v == 1)
                if needs_derivatives and not get_licence(licence).allows_derivatives:
                    licence = OPEN_FALLBACK
                if (t_idx, lang, v) == ALL_RIGHTS_RESERVED_AT:
                    licence = ALL_RIGHTS_RESERVED
                spec["licence"] = licence
                sources.append(spec)
                n += 1
                if lang == group_lang and v == 0:
                    for target in LANGS:
                        if target != lang:
                            translations.append(
                                {
                                    **spec,
                                    "kind": "translation",
                                    "lang": target,
                                    "source_lang": lang,
                                    "external_id": external_id(topic["key"], spec["variant_name"], target),
                                    "source_external_id": spec["external_id"],
                                }
                            )
                if lang == adapt_lang and v == 1:
                    levels = topic["levels"]
                    direction = "down" if spec["level"] == max(levels) else "up"
                    new_level = min(levels) if direction == "down" else max(levels)
                    adaptations.append(
                        {
                            **spec,
                            "kind": "adaptation",
                            "level": new_level,
                            "direction": direction,
                            "original_level": spec["level"],
                            "variant_name": "adapted-" + spec["variant_name"],
                            "external_id": external_id(topic["key"], "adapted-" + spec["variant_name"], lang),
                            "source_external_id": spec["external_id"],
                        }
                    )
    return sources + translations + adaptations
