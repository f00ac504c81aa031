"""Demo subjects and resource types, each named in the four site languages."""

# slug: (English, Swedish, German, Portuguese)
SUBJECTS = {
    "biology": ("Biology", "Biologi", "Biologie", "Biologia"),
    "chemistry": ("Chemistry", "Kemi", "Chemie", "Química"),
    "physics": ("Physics", "Fysik", "Physik", "Física"),
    "mathematics": ("Mathematics", "Matematik", "Mathematik", "Matemática"),
    "geography": ("Geography", "Geografi", "Geografie", "Geografia"),
    "history": ("History", "Historia", "Geschichte", "História"),
    "civics": ("Civics", "Samhällskunskap", "Politische Bildung", "Cidadania"),
    "mother-tongue": ("Mother tongue and literature", "Modersmål och litteratur", "Erstsprache und Literatur", "Língua materna e literatura"),
    "foreign-languages": ("Foreign languages", "Moderna språk", "Fremdsprachen", "Línguas estrangeiras"),
    "computing": ("Computing", "Programmering och digital teknik", "Informatik", "Informática"),
    "health": ("Health and nutrition", "Hälsa och kost", "Gesundheit und Ernährung", "Saúde e nutrição"),
    "sustainability": ("Education for sustainable development", "Hållbar utveckling", "Bildung für nachhaltige Entwicklung", "Educação para o desenvolvimento sustentável"),
    "arts": ("Visual arts", "Bild", "Kunst", "Educação visual"),
    "teacher-development": ("Teacher professional development", "Kompetensutveckling för lärare", "Lehrerfortbildung", "Formação de professores"),
}

# slug: (names in en, sv, de, pt), default duration in minutes
RESOURCE_TYPES = {
    "lesson-plan": (("Lesson plan", "Lektionsplanering", "Unterrichtsentwurf", "Plano de aula"), 60),
    "worksheet": (("Worksheet", "Arbetsblad", "Arbeitsblatt", "Ficha de trabalho"), 30),
    "presentation": (("Presentation", "Presentation", "Präsentation", "Apresentação"), 20),
    "assessment": (("Assessment", "Bedömningsuppgift", "Leistungsüberprüfung", "Avaliação"), 40),
    "project-idea": (("Project idea", "Projektidé", "Projektidee", "Ideia de projeto"), 240),
    "facilitator-material": (("Facilitator material", "Material för handledare", "Material für Moderierende", "Material para dinamizadores"), 90),
    "game": (("Classroom game", "Klassrumsspel", "Lernspiel", "Jogo de sala de aula"), 25),
    "discussion-guide": (("Discussion guide", "Samtalsguide", "Gesprächsleitfaden", "Guião de discussão"), 45),
}

LANGS = ("en", "sv", "de", "pt")
