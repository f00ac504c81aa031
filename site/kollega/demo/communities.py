"""Demo learning communities and collaboration projects, with their texts in the four site languages."""

# Focus areas of regional communities: name of the group in en, sv, de, pt.
FOCUS = {
    "science": ("Science teachers", "Lärare i naturvetenskap", "Lehrkräfte der Naturwissenschaften", "Professores de ciências"),
    "maths": ("Mathematics circle", "Matematiknätverket", "Mathematik-Netzwerk", "Círculo de matemática"),
    "languages": ("Language and literacy teachers", "Lärare i språk och läsning", "Lehrkräfte für Sprache und Lesen", "Professores de línguas e leitura"),
    "history": ("History and civics teachers", "Lärare i historia och samhällskunskap", "Lehrkräfte für Geschichte und Politik", "Professores de história e cidadania"),
    "digital": ("Digital learning group", "Nätverket för digitalt lärande", "Netzwerk digitales Lernen", "Grupo de aprendizagem digital"),
    "sustainability": ("Sustainable schools", "Hållbara skolor", "Nachhaltige Schulen", "Escolas sustentáveis"),
}

# Title patterns: the focus group plus the region.
REGIONAL_TITLE = {"en": "{focus}, {region}", "sv": "{focus} i {region}", "de": "{focus} {region}", "pt": "{focus} – {region}"}
REGIONAL_SUMMARY = {
    "en": "A learning community of teachers in {region} who meet every month to plan, try out and share lessons together.",
    "sv": "En lärgemenskap för lärare i {region} som träffas varje månad för att planera, pröva och dela lektioner tillsammans.",
    "de": "Eine Lerngemeinschaft von Lehrkräften in {region}, die sich jeden Monat trifft, um gemeinsam Unterricht zu planen, zu erproben und zu teilen.",
    "pt": "Uma comunidade de aprendizagem de professores da região {region} que se reúne todos os meses para planear, experimentar e partilhar aulas em conjunto.",
}
REGIONAL_DESCRIPTION = {
    "en": "<p>We are teachers from schools across {region}. Each month one of us brings a lesson that did not go as planned, and the group helps to improve it. Our facilitators keep the meetings short and practical.</p><p>New members are welcome: join the community, come to one meeting and share one material you are proud of.</p>",
    "sv": "<p>Vi är lärare från skolor i hela {region}. Varje månad tar någon av oss med en lektion som inte blev som planerat, och gruppen hjälper till att förbättra den. Våra handledare håller mötena korta och praktiska.</p><p>Nya medlemmar är välkomna: gå med i gemenskapen, kom till ett möte och dela ett material som du är stolt över.</p>",
    "de": "<p>Wir sind Lehrkräfte von Schulen aus ganz {region}. Jeden Monat bringt jemand von uns eine Stunde mit, die nicht wie geplant lief, und die Gruppe hilft, sie zu verbessern. Unsere Moderierenden halten die Treffen kurz und praktisch.</p><p>Neue Mitglieder sind willkommen: Treten Sie der Gemeinschaft bei, kommen Sie zu einem Treffen und teilen Sie ein Material, auf das Sie stolz sind.</p>",
    "pt": "<p>Somos professores de escolas de toda a região {region}. Todos os meses um de nós traz uma aula que não correu como planeado, e o grupo ajuda a melhorá-la. Os nossos dinamizadores mantêm as reuniões curtas e práticas.</p><p>Novos membros são bem-vindos: junte-se à comunidade, venha a uma reunião e partilhe um material de que se orgulhe.</p>",
}
MEMBERS_ONLY_NOTE = {
    "en": "<p>This community is open to members only: its materials are drafts that we test together before sharing them with everyone.</p>",
    "sv": "<p>Den här gemenskapen är bara öppen för medlemmar: materialen är utkast som vi prövar tillsammans innan vi delar dem med alla.</p>",
    "de": "<p>Diese Gemeinschaft ist nur für Mitglieder zugänglich: Ihre Materialien sind Entwürfe, die wir gemeinsam erproben, bevor wir sie mit allen teilen.</p>",
    "pt": "<p>Esta comunidade é só para membros: os seus materiais são rascunhos que testamos em conjunto antes de os partilhar com todos.</p>",
}

# National communities: key, country, title in en, sv, de, pt.
NATIONAL = [
    ("kollega-sweden", "SE", ("Kollega Sweden", "Kollega Sverige", "Kollega Schweden", "Kollega Suécia")),
    ("kollega-germany", "DE", ("Kollega Germany", "Kollega Tyskland", "Kollega Deutschland", "Kollega Alemanha")),
    ("kollega-portugal", "PT", ("Kollega Portugal", "Kollega Portugal", "Kollega Portugal", "Kollega Portugal")),
    ("kollega-austria", "AT", ("Kollega Austria", "Kollega Österrike", "Kollega Österreich", "Kollega Áustria")),
    ("kollega-finland", "FI", ("Kollega Finland", "Kollega Finland", "Kollega Finnland", "Kollega Finlândia")),
    ("kollega-ireland", "IE", ("Kollega Ireland", "Kollega Irland", "Kollega Irland", "Kollega Irlanda")),
]
NATIONAL_SUMMARY = {
    "en": "The national network that connects the regional learning communities in {country} and their facilitators.",
    "sv": "Det nationella nätverket som förbinder de regionala lärgemenskaperna i {country} och deras handledare.",
    "de": "Das nationale Netzwerk, das die regionalen Lerngemeinschaften in {country} und ihre Moderierenden verbindet.",
    "pt": "A rede nacional que liga as comunidades de aprendizagem regionais de {country} e os seus dinamizadores.",
}
COUNTRY_NAMES = {
    "SE": ("Sweden", "Sverige", "Schweden", "Suécia"), "DE": ("Germany", "Tyskland", "Deutschland", "Alemanha"),
    "PT": ("Portugal", "Portugal", "Portugal", "Portugal"), "AT": ("Austria", "Österrike", "Österreich", "Áustria"),
    "FI": ("Finland", "Finland", "Finnland", "Finlândia"), "IE": ("Ireland", "Irland", "Irland", "Irlanda"),
}

# Regional communities: key, parent national key, country, region, focus, members only.
REGIONAL = [
    ("vastra-gotaland-science", "kollega-sweden", "SE", "Västra Götaland", "science", False),
    ("skane-sustainability", "kollega-sweden", "SE", "Skåne", "sustainability", False),
    ("stockholm-languages", "kollega-sweden", "SE", "Stockholm", "languages", False),
    ("vasterbotten-digital", "kollega-sweden", "SE", "Västerbotten", "digital", False),
    ("bayern-digital", "kollega-germany", "DE", "Bayern", "digital", False),
    ("nrw-history", "kollega-germany", "DE", "Nordrhein-Westfalen", "history", False),
    ("sachsen-science", "kollega-germany", "DE", "Sachsen", "science", False),
    ("norte-maths", "kollega-portugal", "PT", "Norte", "maths", True),
    ("lisboa-sustainability", "kollega-portugal", "PT", "Área Metropolitana de Lisboa", "sustainability", False),
    ("alentejo-languages", "kollega-portugal", "PT", "Alentejo", "languages", False),
    ("tirol-science", "kollega-austria", "AT", "Tirol", "science", False),
    ("steiermark-history", "kollega-austria", "AT", "Steiermark", "history", False),
    ("uusimaa-languages", "kollega-finland", "FI", "Uusimaa", "languages", False),
    ("munster-maths", "kollega-ireland", "IE", "Munster", "maths", False),
    ("connacht-digital", "kollega-ireland", "IE", "Connacht", "digital", False),
]

EUROPEAN = {
    "key": "teachers-across-borders",
    "title": ("Teachers Across Borders", "Lärare utan gränser", "Lehrkräfte ohne Grenzen", "Professores sem Fronteiras"),
    "summary": (
        "A European cross-border community where teachers from every country plan shared projects on climate, citizenship and languages.",
        "En europeisk gränsöverskridande gemenskap där lärare från alla länder planerar gemensamma projekt om klimat, medborgarskap och språk.",
        "Eine europäische, grenzüberschreitende Gemeinschaft, in der Lehrkräfte aus allen Ländern gemeinsame Projekte zu Klima, Bürgerschaft und Sprachen planen.",
        "Uma comunidade europeia transfronteiriça onde professores de todos os países planeiam projetos comuns sobre clima, cidadania e línguas.",
    ),
    "description": (
        "<p>Teachers Across Borders brings together teachers who want their classes to work with a class in another country. We meet online twice a term, match partner schools and share what worked.</p><p>Most of our projects start as eTwinning partnerships, and several have grown into Erasmus+ school exchanges. When we share, we win.</p>",
        "<p>Lärare utan gränser samlar lärare som vill att deras klasser ska samarbeta med en klass i ett annat land. Vi träffas digitalt två gånger per termin, matchar partnerskolor och delar det som fungerade.</p><p>De flesta av våra projekt börjar som eTwinning-samarbeten, och flera har vuxit till utbyten inom Erasmus+. När vi delar, vinner vi.</p>",
        "<p>Lehrkräfte ohne Grenzen bringt Lehrkräfte zusammen, deren Klassen mit einer Klasse in einem anderen Land arbeiten wollen. Wir treffen uns zweimal im Halbjahr online, vermitteln Partnerschulen und teilen, was funktioniert hat.</p><p>Die meisten unserer Projekte beginnen als eTwinning-Partnerschaften, und mehrere sind zu Erasmus+-Schulaustauschen gewachsen. Wenn wir teilen, gewinnen wir.</p>",
        "<p>Professores sem Fronteiras reúne professores que querem que as suas turmas trabalhem com uma turma de outro país. Encontramo-nos online duas vezes por período, juntamos escolas parceiras e partilhamos o que resultou.</p><p>A maioria dos nossos projetos começa como parceria eTwinning, e vários cresceram até se tornarem intercâmbios Erasmus+. Quando partilhamos, ganhamos.</p>",
    ),
}

# Projects: key, parent community key, status, looking for partners, start, end, theme topic, texts (title, theme, summary) per language.
PROJECTS = [
    {
        "key": "water-detectives", "community": "teachers-across-borders", "status": "ongoing", "looking": True,
        "start": (2025, 9, 1), "end": (2026, 6, 30), "topic": "climate-and-water",
        "partners": [("SE", 0), ("PT", 1), ("DE", 2), (None, "IES Castelao, Vigo", "ES")],
        "text": {
            "en": ("Water Detectives", "Climate and water", "Classes in four countries measure rainfall and map water in their towns, then compare the data online."),
            "sv": ("Vattendetektiverna", "Klimat och vatten", "Klasser i fyra länder mäter nederbörd och kartlägger vattnet i sina städer och jämför sedan data på nätet."),
            "de": ("Wasserdetektive", "Klima und Wasser", "Klassen in vier Ländern messen Niederschlag, kartieren das Wasser in ihren Städten und vergleichen die Daten online."),
            "pt": ("Detetives da Água", "Clima e água", "Turmas de quatro países medem a chuva e mapeiam a água nas suas cidades, comparando depois os dados online."),
        },
    },
    {
        "key": "voices-of-europe", "community": "teachers-across-borders", "status": "completed", "looking": False,
        "start": (2023, 9, 1), "end": (2025, 6, 15), "topic": "migration-stories",
        "partners": [("SE", 3), ("DE", 4), ("PT", 5), ("IE", 0)],
        "text": {
            "en": ("Voices of Europe", "Migration and oral history", "Students interviewed older relatives about moving and built a shared online archive of family migration stories."),
            "sv": ("Europas röster", "Migration och muntlig historia", "Eleverna intervjuade äldre släktingar om att flytta och byggde ett gemensamt digitalt arkiv med familjers migrationsberättelser."),
            "de": ("Stimmen Europas", "Migration und Oral History", "Schülerinnen und Schüler befragten ältere Verwandte zum Umziehen und bauten ein gemeinsames Online-Archiv mit Migrationsgeschichten auf."),
            "pt": ("Vozes da Europa", "Migração e história oral", "Os alunos entrevistaram familiares mais velhos sobre as suas mudanças e criaram um arquivo online comum de histórias de migração."),
        },
    },
    {
        "key": "scratch-across-borders", "community": "bayern-digital", "status": "ongoing", "looking": True,
        "start": (2025, 10, 1), "end": None, "topic": "scratch-programming",
        "partners": [("DE", 6), ("AT", 1), ("FI", 2)],
        "text": {
            "en": ("Scratch Across Borders", "Programming with Scratch", "Pupils remix each other's Scratch stories and add a new language to every project they receive."),
            "sv": ("Scratch utan gränser", "Programmering med Scratch", "Eleverna remixar varandras Scratch-berättelser och lägger till ett nytt språk i varje projekt de tar emot."),
            "de": ("Scratch ohne Grenzen", "Programmieren mit Scratch", "Kinder remixen gegenseitig ihre Scratch-Geschichten und fügen jedem erhaltenen Projekt eine neue Sprache hinzu."),
            "pt": ("Scratch sem Fronteiras", "Programar com Scratch", "Os alunos remisturam as histórias Scratch uns dos outros e acrescentam uma nova língua a cada projeto que recebem."),
        },
    },
    {
        "key": "pollinator-pathways", "community": "skane-sustainability", "status": "completed", "looking": False,
        "start": (2024, 3, 1), "end": (2024, 10, 31), "topic": "pollinators",
        "partners": [("SE", 7), ("NL", 0), ("PL", 1)],
        "text": {
            "en": ("Pollinator Pathways", "Bees and biodiversity", "Schools planted flower strips, built bee hotels and counted insect visits through one growing season."),
            "sv": ("Pollinatörsstråk", "Bin och biologisk mångfald", "Skolor sådde blomremsor, byggde bihotell och räknade insektsbesök under en hel växtsäsong."),
            "de": ("Wege für Bestäuber", "Bienen und Artenvielfalt", "Schulen legten Blühstreifen an, bauten Insektenhotels und zählten eine Saison lang Insektenbesuche."),
            "pt": ("Caminhos para Polinizadores", "Abelhas e biodiversidade", "As escolas semearam faixas de flores, construíram hotéis de abelhas e contaram visitas de insetos durante uma estação inteira."),
        },
    },
    {
        "key": "energy-savers", "community": "lisboa-sustainability", "status": "ongoing", "looking": False,
        "start": (2025, 1, 15), "end": (2026, 12, 31), "topic": "renewable-energy",
        "partners": [("PT", 8), ("DE", 9), ("SE", 10)],
        "text": {
            "en": ("Energy Savers Challenge", "Renewable energy and saving energy", "Student energy teams audit their schools and compete to cut electricity use over one school year."),
            "sv": ("Energisparutmaningen", "Förnybar energi och energisparande", "Elevernas energiteam kartlägger sina skolor och tävlar om att minska elförbrukningen under ett läsår."),
            "de": ("Energiespar-Challenge", "Erneuerbare Energie und Energiesparen", "Energieteams aus Schülerinnen und Schülern prüfen ihre Schulen und wetteifern darum, ein Schuljahr lang Strom zu sparen."),
            "pt": ("Desafio Poupar Energia", "Energias renováveis e poupança de energia", "Equipas de alunos fazem auditorias às suas escolas e competem para reduzir o consumo de eletricidade ao longo de um ano letivo."),
        },
    },
]
PROJECT_DESCRIPTION = {
    "en": "<p>{summary}</p><p>Partner classes meet online once a month. All materials produced in the project are shared on Kollega under an open licence.</p>",
    "sv": "<p>{summary}</p><p>Partnerklasserna träffas digitalt en gång i månaden. Allt material som tas fram i projektet delas på Kollega under en öppen licens.</p>",
    "de": "<p>{summary}</p><p>Die Partnerklassen treffen sich einmal im Monat online. Alle im Projekt entstandenen Materialien werden auf Kollega unter einer offenen Lizenz geteilt.</p>",
    "pt": "<p>{summary}</p><p>As turmas parceiras encontram-se online uma vez por mês. Todos os materiais produzidos no projeto são partilhados no Kollega com uma licença aberta.</p>",
}
