"""Turns topic data and templates into the text of one material (title, summary, StreamField body) in one language."""
import json
import uuid

from django.utils.html import escape

from .templates import ADAPTATION, LEVEL_PHRASES, QUESTIONS_HEADING, STEPS, TYPE_TEXT
from .topics_science import TOPICS as SCIENCE_TOPICS
from .topics_society import TOPICS as SOCIETY_TOPICS
from .vocab import RESOURCE_TYPES

TOPICS = SCIENCE_TOPICS + SOCIETY_TOPICS
TOPICS_BY_KEY = {topic["key"]: topic for topic in TOPICS}
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
    base = RESOURCE_TYPES[type_slug][1]
    return base + 5 * (level % 3) + (15 if variant == 2 else 0)


def material(topic, lang, type_slug, angle_index, level, variant, seed, adaptation=None):
    """Return (title, summary, body_json) for one material.

    `variant` picks which facts and which task are used, so that materials of
    the same topic differ; the same arguments in another language give a true
    translation. `adaptation` is a dict (original_title, author, original_level,
    direction) for adapted materials.
    """
    text = topic[lang]
    angle = text["angles"][angle_index]
    minutes = duration(type_slug, level, variant)
    level_phrase = LEVEL_PHRASES[lang][level]
    fill = {"angle": angle, "about": text["about"], "level": level_phrase, "minutes": minutes}
    title_t, summary_t, intro_t, closing_t = TYPE_TEXT[lang][type_slug]
    title = title_t.format(**fill)
    facts = [text["facts"][(variant + k) % 4] for k in range(3)]
    summary = summary_t.format(**fill) + " " + facts[0]

    blocks = []
    if adaptation:
        title_pattern, note_t, changes = ADAPTATION[lang]
        title = title_pattern.format(title=adaptation["original_title"], level=level_phrase)
        note = note_t.format(
            original=adaptation["original_title"], author=adaptation["author"],
            original_level=LEVEL_PHRASES[lang][adaptation["original_level"]], level=level_phrase,
        ) + " " + changes[adaptation["direction"]]
        blocks.append({"type": "paragraph", "value": _p(note)})
        summary = note_t.format(
            original=adaptation["original_title"], author=adaptation["author"],
            original_level=LEVEL_PHRASES[lang][adaptation["original_level"]], level=level_phrase,
        ) + " " + changes[adaptation["direction"]]
    blocks.append({"type": "paragraph", "value": _p(intro_t.format(**fill))})
    blocks.append({"type": "paragraph", "value": _p(" ".join(facts))})
    if type_slug in ACTIVITY_TYPES or variant == 0:
        task_title, task_text = text["tasks"][variant % 2]
        question = text["questions"][variant % 3]
        (s1, i1), (s2, i2), (s3, i3) = STEPS[lang]
        main = max(minutes - 20, 10)
        steps = [
            {"title": s1, "minutes": 10, "instructions": _p(i1.format(question=question))},
            {"title": s2, "minutes": main, "instructions": _p(i2.format(task=task_text))},
            {"title": s3, "minutes": 10, "instructions": _p(i3)},
        ]
        blocks.append({"type": "activity", "value": {
            "title": task_title,
            "steps": [{"type": "item", "value": step, "id": block_id(seed, f"step{n}")} for n, step in enumerate(steps)],
        }})
    closing = _p(closing_t.format(**fill))
    if type_slug in QUESTION_TYPES:
        items = "".join(f"<li>{escape(q)}</li>" for q in text["questions"])
        closing += f"<p><b>{escape(QUESTIONS_HEADING[lang])}</b></p><ol>{items}</ol>"
    blocks.append({"type": "paragraph", "value": closing})
    for n, block in enumerate(blocks):
        block["id"] = block_id(seed, n)
    return title, summary[:1000], json.dumps(blocks, ensure_ascii=False)
