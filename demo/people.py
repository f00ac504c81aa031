"""Demo teachers: names, schools and regions per country (demo/data/people*.json), combined deterministically into profiles.

Every demo person's slug starts with "demo-": that prefix is the marker by
which load_demo tells its own people from real ones.
"""

from django.utils.text import slugify

from .datafiles import read, texts

PEOPLE = read("people")
# country code -> regions (with a town), first names, surnames, school name patterns, languages spoken,
# how many demo people it contributes and the language of their biographies.
COUNTRIES = PEOPLE["countries"]


def demo_people():
    """Yield one dict per demo person, always in the same order with the same values."""
    subject_names = texts("vocabularies")
    bios = texts("people")
    cycles = {name: PEOPLE[f"{name}_cycle"] for name in ("discoverability", "subject", "level", "interest")}
    n = 0
    for country, data in COUNTRIES.items():
        firsts, lasts = data["first_names"], data["surnames"]
        for i in range(data["people"]):
            # Walk the surname list at a different stride so names do not pair up in lockstep.
            first = firsts[i % len(firsts)]
            last = lasts[(i * 5 + i // len(firsts)) % len(lasts)]
            place = data["regions"][i % len(data["regions"])]
            region, town = place["region"], place["town"]
            school = data["schools"][(i // len(data["regions"])) % len(data["schools"])].format(town=town)
            subjects = cycles["subject"][n % len(cycles["subject"])]
            bio_lang = data["bio_language"]
            bio = bios[bio_lang]
            subject_text = bio["subject_joiner"].join(subject_names[bio_lang]["subjects"][s] for s in subjects)
            if bio["lowercase_subjects"]:
                subject_text = subject_text.lower()
            name = f"{first} {last}"
            yield {
                "slug": "demo-" + slugify(name),
                "display_name": name,
                "country": country,
                "region": region,
                "school": school,
                "languages": data["languages"]
                if n % 4
                else data["languages"] + (["fr"] if country != "PT" else ["es"]),
                "subjects": subjects,
                "levels": cycles["level"][n % len(cycles["level"])],
                "interests": cycles["interest"][n % len(cycles["interest"])],
                "bio": bio["bio"].format(school=school, subjects=subject_text),
                "discoverability": cycles["discoverability"][n % len(cycles["discoverability"])],
                "open_to_collaboration": n % 3 != 2,
                # About one in six has no account: a colleague added them as a co-author.
                "has_account": n % 6 != 5,
                "index": n,
            }
            n += 1
