"""manage.py export_labelled_set OUT.json: a labelled set for evaluate_recommender from the site's own links.

Translation groups and adaptations that editors linked are the labels; the
records are written *without* those links (and with fresh "eval:" ids), so
that evaluate_recommender measures whether the recommender finds them
unaided, across languages.
"""

import json
from collections import defaultdict

from django.core.management.base import BaseCommand
from django.utils.html import strip_tags

from resources.models import ResourcePage


def plain_body(page):
    paragraphs = []
    for block in page.body:
        if block.block_type == "paragraph":
            paragraphs.append(strip_tags(block.value.source))
        elif block.block_type == "heading":
            paragraphs.append(str(block.value))
        elif block.block_type == "activity":
            steps = [f"{s['title']}: {strip_tags(s['instructions'].source)}" for s in block.value["steps"]]
            paragraphs.append(block.value["title"] + "\n" + "\n".join(steps))
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


class Command(BaseCommand):
    help = "Write a labelled set (records without translation links + labels) from the linked translations and adaptations."

    def add_arguments(self, parser):
        parser.add_argument("out")
        parser.add_argument("--prefix", default="demo:", help="Only resources whose external id starts with this.")
        parser.add_argument("--k", type=int, default=5)

    def handle(self, *args, **options):
        pages = list(
            ResourcePage.objects.live()
            .filter(external_id__startswith=options["prefix"])
            .select_related("locale", "based_on")
            .prefetch_related("subjects", "levels", "tagged_items__tag", "contributors__person")
            .order_by("external_id")
        )
        eval_id = {p.pk: "eval:" + p.external_id.removeprefix(options["prefix"]) for p in pages}
        groups = defaultdict(list)
        for p in pages:
            groups[p.translation_key].append(p)
        adaptations = defaultdict(set)  # translation key -> keys of works linked by adaptation
        for p in pages:
            if p.based_on_id:
                adaptations[p.translation_key].add(p.based_on.translation_key)
                adaptations[p.based_on.translation_key].add(p.translation_key)
        records, items = [], []
        for p in pages:
            records.append(
                {
                    "id": eval_id[p.pk],
                    "title": p.title,
                    "summary": p.summary,
                    "body": plain_body(p),
                    "language": p.locale.language_code,
                    "subjects": [s.slug for s in p.subjects.all()],
                    "levels": [level.code for level in p.levels.all()],
                    "tags": [t.tag.name for t in p.tagged_items.all()],
                    "license": p.licence,
                    "authors": [
                        {"name": c.person.display_name, "country": c.person.country.code or "SE"}
                        for c in p.contributors.all()
                    ],
                }
            )
            related = [eval_id[q.pk] for q in groups[p.translation_key] if q.pk != p.pk]
            for key in sorted(adaptations[p.translation_key], key=str):
                related += [eval_id[q.pk] for q in groups.get(key, [])]
            if not related:
                continue
            own = {c.person.display_name for c in p.contributors.all()}
            people = sorted(
                {c.person.display_name for q in pages if eval_id[q.pk] in related for c in q.contributors.all()} - own
            )
            items.append({"id": eval_id[p.pk], "related": sorted(set(related)), "people": people})
        data = {
            "description": "Labelled set built from the demo corpus: each item's related works are its linked "
            "translations and adaptations; the records carry no links.",
            "k": options["k"],
            "resources": records,
            "items": items,
        }
        with open(options["out"], "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        cross = sum(1 for i in items for r in i["related"])
        self.stdout.write(
            f"Wrote {len(records)} records and {len(items)} labelled items ({cross} related pairs) to {options['out']}."
        )
