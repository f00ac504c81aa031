"""Demo teachers: names, schools and regions per country, combined deterministically into profiles.

Every demo person's slug starts with "demo-": that prefix is the marker by
which load_demo tells its own people from real ones.
"""

# country: (regions with a town, first names, surnames, school name patterns, languages spoken)
COUNTRIES = {
    "SE": {
        "regions": [("Västra Götaland", "Göteborg"), ("Skåne", "Malmö"), ("Stockholm", "Stockholm"), ("Västerbotten", "Umeå")],
        "first": ["Anna", "Erik", "Maria", "Johan", "Karin", "Lars", "Sofia", "Mikael", "Elin", "Oskar", "Sara", "Henrik", "Linnea", "Anders"],
        "last": ["Lindqvist", "Andersson", "Berg", "Holm", "Nyström", "Sjöberg", "Ekström", "Lundgren", "Wallin", "Engström", "Forsberg", "Hedlund", "Sandberg", "Åberg"],
        "schools": ["Backaskolan, {town}", "Katedralskolan, {town}", "Nya Elementar, {town}", "Solbergaskolan, {town}"],
        "languages": ["sv", "en"],
    },
    "DE": {
        "regions": [("Bayern", "München"), ("Nordrhein-Westfalen", "Köln"), ("Sachsen", "Leipzig"), ("Hamburg", "Hamburg")],
        "first": ["Julia", "Thomas", "Katharina", "Stefan", "Lena", "Markus", "Anja", "Jonas", "Miriam", "Florian", "Sabine", "Tobias", "Nina", "Andreas"],
        "last": ["Müller", "Schneider", "Hoffmann", "Becker", "Wagner", "Schulz", "Richter", "Krüger", "Neumann", "Braun", "Zimmermann", "Hartmann", "Lange", "Vogel"],
        "schools": ["Goethe-Gymnasium {town}", "Grundschule am Park, {town}", "Gesamtschule {town}-Nord", "Realschule am Stadtwald, {town}"],
        "languages": ["de", "en"],
    },
    "PT": {
        "regions": [("Norte", "Porto"), ("Área Metropolitana de Lisboa", "Lisboa"), ("Alentejo", "Évora"), ("Centro", "Coimbra")],
        "first": ["Ana", "João", "Marta", "Pedro", "Inês", "Rui", "Catarina", "Miguel", "Sofia", "Tiago", "Beatriz", "Nuno", "Rita", "Paulo"],
        "last": ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves", "Lopes", "Marques", "Almeida"],
        "schools": ["Escola Básica de {town}", "Escola Secundária Garcia de Orta, {town}", "Agrupamento de Escolas do Castelo, {town}", "Escola Secundária Infanta D. Maria, {town}"],
        "languages": ["pt", "en"],
    },
    "AT": {
        "regions": [("Tirol", "Innsbruck"), ("Steiermark", "Graz")],
        "first": ["Magdalena", "Lukas", "Verena", "Christoph", "Theresa", "Matthias"],
        "last": ["Gruber", "Huber", "Bauer", "Pichler", "Steiner", "Moser"],
        "schools": ["BG/BRG {town}", "Volksschule {town}-Mitte", "Mittelschule {town}"],
        "languages": ["de", "en"],
    },
    "FI": {
        "regions": [("Uusimaa", "Helsinki"), ("Ostrobotnia", "Vaasa")],
        "first": ["Aino", "Mikko", "Johanna", "Ville", "Emma", "Jussi"],
        "last": ["Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Lindholm", "Björkqvist"],
        "schools": ["{town}n normaalikoulu", "Svenska samskolan i {town}", "Kulosaaren yhteiskoulu, {town}"],
        "languages": ["fi", "sv", "en"],
    },
    "IE": {
        "regions": [("Munster", "Cork"), ("Connacht", "Galway")],
        "first": ["Siobhán", "Ciarán", "Aoife", "Declan", "Niamh", "Pádraig"],
        "last": ["Murphy", "O'Brien", "Kelly", "Walsh", "Byrne", "Ryan"],
        "schools": ["St. Brigid's National School, {town}", "Coláiste an Chroí, {town}", "{town} Community College"],
        "languages": ["en"],
    },
    "ES": {
        "regions": [("Galicia", "Vigo")],
        "first": ["Lucía", "Javier", "Carmen"],
        "last": ["García", "Fernández", "Varela"],
        "schools": ["IES Castelao, {town}"],
        "languages": ["es", "pt", "en"],
    },
    "NL": {
        "regions": [("Utrecht", "Utrecht")],
        "first": ["Eva", "Daan", "Sanne"],
        "last": ["de Vries", "Jansen", "Bakker"],
        "schools": ["Christelijk Lyceum {town}"],
        "languages": ["nl", "en", "de"],
    },
    "PL": {
        "regions": [("Pomorskie", "Gdańsk")],
        "first": ["Agnieszka", "Piotr", "Kasia"],
        "last": ["Nowak", "Kowalski", "Wiśniewska"],
        "schools": ["Szkoła Podstawowa nr 12, {town}"],
        "languages": ["pl", "en"],
    },
}

# How many people each country contributes; the European community draws on all of them.
PEOPLE_PER_COUNTRY = {"SE": 24, "DE": 24, "PT": 24, "AT": 8, "FI": 8, "IE": 8, "ES": 3, "NL": 3, "PL": 3}

# A cycle that gives a realistic mix: most people public, some narrower, some hidden.
DISCOVERABILITY_CYCLE = ["europe", "europe", "country", "communities", "europe", "nobody", "country", "europe", "communities"]

SUBJECT_CYCLE = [
    ["biology", "sustainability"], ["mathematics"], ["history", "civics"], ["mother-tongue", "foreign-languages"],
    ["computing", "mathematics"], ["geography", "sustainability"], ["physics", "chemistry"], ["health", "biology"],
    ["civics", "mother-tongue"], ["arts", "mother-tongue"], ["teacher-development", "civics"],
]
LEVEL_CYCLE = [[1], [2], [2, 3], [3], [1, 2], [0, 1], [2], [3, 4]]
INTEREST_CYCLE = [
    ["outdoor learning", "climate change"], ["eTwinning", "project-based learning"], ["inquiry-based learning", "assessment"],
    ["digital tools", "Scratch"], ["reading", "multilingual classrooms"], ["citizenship", "Erasmus+"],
    ["media literacy", "debate"], ["inclusion", "differentiation"], ["oral history", "migration"],
]

BIO = {
    "en": "Teacher at {school}. I teach {subjects} and like to try new ideas with colleagues abroad.",
    "sv": "Lärare på {school}. Jag undervisar i {subjects} och prövar gärna nya idéer tillsammans med kollegor i andra länder.",
    "de": "Lehrkraft, {school}. Ich unterrichte {subjects} und probiere gern neue Ideen mit Kolleginnen und Kollegen im Ausland aus.",
    "pt": "Professor(a), {school}. Ensino {subjects} e gosto de experimentar ideias novas com colegas de outros países.",
}
BIO_LANGUAGE = {"SE": "sv", "FI": "sv", "DE": "de", "AT": "de", "PT": "pt"}


def demo_people():
    """Yield one dict per demo person, always in the same order with the same values."""
    from django.utils.text import slugify

    from .vocab import SUBJECTS

    n = 0
    for country, count in PEOPLE_PER_COUNTRY.items():
        data = COUNTRIES[country]
        firsts, lasts = data["first"], data["last"]
        for i in range(count):
            # Walk the surname list at a different stride so names do not pair up in lockstep.
            first = firsts[i % len(firsts)]
            last = lasts[(i * 5 + i // len(firsts)) % len(lasts)]
            region, town = data["regions"][i % len(data["regions"])]
            school = data["schools"][(i // len(data["regions"])) % len(data["schools"])].format(town=town)
            subjects = SUBJECT_CYCLE[n % len(SUBJECT_CYCLE)]
            bio_lang = BIO_LANGUAGE.get(country, "en")
            names = [SUBJECTS[s][("en", "sv", "de", "pt").index(bio_lang)] for s in subjects]
            subject_text = " und ".join(names) if bio_lang == "de" else (" e ".join(names) if bio_lang == "pt" else (" och ".join(names) if bio_lang == "sv" else " and ".join(names)))
            name = f"{first} {last}"
            yield {
                "slug": "demo-" + slugify(name),
                "display_name": name,
                "country": country,
                "region": region,
                "school": school,
                "languages": data["languages"] if n % 4 else data["languages"] + (["fr"] if country != "PT" else ["es"]),
                "subjects": subjects,
                "levels": LEVEL_CYCLE[n % len(LEVEL_CYCLE)],
                "interests": INTEREST_CYCLE[n % len(INTEREST_CYCLE)],
                "bio": BIO[bio_lang].format(school=school, subjects=subject_text.lower() if bio_lang != "de" else subject_text),
                "discoverability": DISCOVERABILITY_CYCLE[n % len(DISCOVERABILITY_CYCLE)],
                "open_to_collaboration": n % 3 != 2,
                # About one in six has no account: a colleague added them as a co-author.
                "has_account": n % 6 != 5,
                "index": n,
            }
            n += 1
