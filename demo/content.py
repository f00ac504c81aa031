"""Turns topic data and sentence templates into the text of one material (title, summary, StreamField body) in one language.

The topics come from demo/data/materials*.json, the sentence templates per
language and resource type from demo/data/templates.<lang>.json.
"""

import json
import uuid

from django.utils.html import escape

from .datafiles import LANGS, read, texts


def _topics():
    """Each topic's language-neutral data with its texts under the language codes, in the data file's order."""
    by_lang = texts("materials")
    return [
        {**topic, **{lang: by_lang[lang]["topics"][topic["key"]] for lang in LANGS}}
        for topic in read("materials")["topics"]
    ]


TOPICS = _topics()
TOPICS_BY_KEY = {topic["key"]: topic for topic in TOPICS}
TEMPLATES = texts("templates")
RESOURCE_TYPES = read("vocabularies")["resource_types"]
TYPE_SLUGS = list(RESOURCE_TYPES)

# Types that read as a sequence of classroom steps always get an activity block.
ACTIVITY_TYPES = {"lesson-plan", "project-idea", "facilitator-material", "game", "discussion-guide"}
QUESTION_TYPES = {"worksheet", "assessment"}

BLOCK_NAMESPACE = uuid.UUID("6f1c2a8e-3b7d-4c55-9a0e-1d2f3b4c5d6e")


def block_id(seed, n):
    """A stable block id, so that rendering the same material twice gives the same StreamField."""
    return str(uuid.uuid5(BLOCK_NAMESPACE, f"{seed}:{n}"))


def _p(text):
    return f"<p>{escape(text)}</p>"


def duration(type_slug, level, variant):
    base = RESOURCE_TYPES[type_slug]["minutes"]
    return base + 5 * (level % 3) + (15 if variant == 2 else 0)


def material(topic, lang, type_slug, angle_index, level, variant, seed, adaptation=None):
    """Return (title, summary, body_json) for one material.

    `variant` picks which facts and which task are used, so that materials of
    the same topic differ; the same arguments in another language give a true
    translation. `adaptation` is a dict (original_title, author, original_level,
    direction) for adapted materials.
    """
    text = topic[lang]
    templates = TEMPLATES[lang]
    level_phrases = templates["level_phrases"]  # keyed by the ISCED level as a string (JSON keys are strings)
    angle = text["angles"][angle_index]
    minutes = duration(type_slug, level, variant)
    level_phrase = level_phrases[str(level)]
    fill = {"angle": angle, "about": text["about"], "level": level_phrase, "minutes": minutes}
    type_text = templates["types"][type_slug]
    title = type_text["title"].format(**fill)
    facts = [text["facts"][(variant + k) % 4] for k in range(3)]
    summary = type_text["summary"].format(**fill) + " " + facts[0]

    blocks = []
    if adaptation:
        adapted = templates["adaptation"]
        title = adapted["title"].format(title=adaptation["original_title"], level=level_phrase)
        note = (
            adapted["note"].format(
                original=adaptation["original_title"],
                author=adaptation["author"],
                original_level=level_phrases[str(adaptation["original_level"])],
                level=level_phrase,
            )
            + " "
            + adapted["changes"][adaptation["direction"]]
        )
        blocks.append({"type": "paragraph", "value": _p(note)})
        summary = note
    blocks.append({"type": "paragraph", "value": _p(type_text["intro"].format(**fill))})
    blocks.append({"type": "paragraph", "value": _p(" ".join(facts))})
    if type_slug in ACTIVITY_TYPES or variant == 0:
        task = text["tasks"][variant % 2]
        question = text["questions"][variant % 3]
        starter, main_task, sum_up = templates["steps"]
        main = max(minutes - 20, 10)
        steps = [
            {
                "title": starter["title"],
                "minutes": 10,
                "instructions": _p(starter["instructions"].format(question=question)),
            },
            {
                "title": main_task["title"],
                "minutes": main,
                "instructions": _p(main_task["instructions"].format(task=task["text"])),
            },
            {"title": sum_up["title"], "minutes": 10, "instructions": _p(sum_up["instructions"])},
        ]
        blocks.append(
            {
                "type": "activity",
                "value": {
                    "title": task["title"],
                    "steps": [
                        {"type": "item", "value": step, "id": block_id(seed, f"step{n}")}
                        for n, step in enumerate(steps)
                    ],
                },
            }
        )
    closing = _p(type_text["closing"].format(**fill))
    if type_slug in QUESTION_TYPES:
        items = "".join(f"<li>{escape(q)}</li>" for q in text["questions"])
        closing += f"<p><b>{escape(templates['questions_heading'])}</b></p><ol>{items}</ol>"
    blocks.append({"type": "paragraph", "value": closing})
    for n, block in enumerate(blocks):
        block["id"] = block_id(seed, n)
    return title, summary[:1000], json.dumps(blocks, ensure_ascii=False)
