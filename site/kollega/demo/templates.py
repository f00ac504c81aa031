"""Sentence templates per language and resource type, filled with topic content to build demo materials.

Every template exists in all four site languages with the same meaning, so a
material rendered in another language is a genuine translation of it.
"""

# How each language names the learners at an ISCED level, in a form that fits
# after "for" / "för" / "für" / "para".
LEVEL_PHRASES = {
    "en": {0: "children in early childhood education", 1: "primary pupils", 2: "lower secondary students",
           3: "upper secondary students", 4: "vocational and adult learners", 6: "teachers and student teachers"},
    "sv": {0: "barn i förskolan", 1: "elever i lågstadiet och mellanstadiet", 2: "elever på högstadiet",
           3: "gymnasieelever", 4: "elever i yrkesutbildning och vuxenutbildning", 6: "lärare och lärarstudenter"},
    "de": {0: "Kinder in der Kita", 1: "Kinder in der Grundschule", 2: "Schülerinnen und Schüler der Sekundarstufe I",
           3: "Schülerinnen und Schüler der Oberstufe", 4: "Lernende in Berufs- und Erwachsenenbildung",
           6: "Lehrkräfte und Lehramtsstudierende"},
    "pt": {0: "crianças do pré-escolar", 1: "alunos do 1.º e 2.º ciclos", 2: "alunos do 3.º ciclo",
           3: "alunos do ensino secundário", 4: "formandos do ensino profissional e de adultos",
           6: "professores e futuros professores"},
}

# type slug -> title, summary, intro, closing. Placeholders: {angle} (a title-like
# phrase), {about} (the topic as it reads after "about"), {level}, {minutes}.
TYPE_TEXT = {
    "en": {
        "lesson-plan": (
            "{angle}: a lesson plan",
            "A {minutes}-minute lesson about {about} for {level}, with a short starter, a hands-on main task and an exit question.",
            "This lesson plan was written for {level} and has been tried in real classrooms. It takes about {minutes} minutes and needs only ordinary classroom materials. The thread running through the lesson is “{angle}”.",
            "After the lesson, ask pupils to write one sentence about what surprised them. Colleagues who used this plan found that the discussion works best in groups of three or four.",
        ),
        "worksheet": (
            "Worksheet: {angle}",
            "A printable worksheet about {about} for {level}. Students read a short text and answer questions on their own or in pairs.",
            "Hand out the worksheet at the start of the lesson and give students about {minutes} minutes. Read the short text together first so that everyone understands the key words.",
            "The questions go from simple recall to reasoning. Students who find reading hard can answer the first two orally.",
        ),
        "presentation": (
            "{angle} (slides and speaker notes)",
            "A short presentation for {level} that introduces {about} step by step, with speaker notes and questions to ask the class.",
            "The presentation takes about {minutes} minutes and is meant to open a topic, not to replace discussion. Stop after each slide and let the class predict what comes next.",
            "The speaker notes suggest where to pause. Feel free to replace the examples with pictures from your own region.",
        ),
        "assessment": (
            "Check your understanding: {angle}",
            "A short assessment about {about} for {level}, with questions that test understanding rather than memory, and guidance for marking.",
            "Use this assessment at the end of a unit. It takes about {minutes} minutes. The questions ask students to explain and apply ideas, so accept any well-argued answer.",
            "When marking, give one point for a correct idea and one for a clear explanation. Go through the results with the class and let students correct one answer themselves.",
        ),
        "project-idea": (
            "Project idea: {angle}",
            "A cross-curricular project about {about} for {level} that can run over several weeks and be shared with a partner school abroad.",
            "The project takes around {minutes} minutes of class time, spread over two to four weeks. It works well as an eTwinning or Erasmus+ partnership activity, because classes in different countries can compare their findings.",
            "At the end, each group presents its results to the partner class in a short video call or on a shared online board.",
        ),
        "facilitator-material": (
            "Facilitator guide: {angle}",
            "Material for facilitators who want to run a {minutes}-minute workshop for colleagues on teaching topics such as {about}.",
            "This guide helps a facilitator run a session in which teachers try the activity themselves before they use it with {level}. Plan about {minutes} minutes, including time for reflection.",
            "Close the session by asking each teacher to name one change they will try in their next lesson, and agree on a date to share experiences in the learning community.",
        ),
        "game": (
            "{angle}: a classroom game",
            "A quick game for {level} in which teams practise key ideas about {about}. No preparation beyond printing the cards.",
            "The game takes about {minutes} minutes. Divide the class into teams of four and give each team a set of cards. Teams score points for correct answers and for good explanations.",
            "Finish by asking each team which card was hardest and why. The game can be repeated later in the year as a review.",
        ),
        "discussion-guide": (
            "Let's talk about it: {angle}",
            "A structured discussion about {about} for {level}, with questions that move from personal experience to wider issues.",
            "Sit in a circle if you can. The discussion takes about {minutes} minutes. Agree on simple ground rules first: one person speaks at a time, and everyone may pass.",
            "End the discussion by asking students to write down one question they still have. Collect the questions and use them to plan the next lesson.",
        ),
    },
    "sv": {
        "lesson-plan": (
            "{angle} – lektionsplanering",
            "En lektion på {minutes} minuter om {about} för {level}, med en kort uppstart, en praktisk huvuduppgift och en avslutande fråga.",
            "Lektionsplaneringen är skriven för {level} och har prövats i riktiga klassrum. Den tar ungefär {minutes} minuter och kräver bara vanligt klassrumsmaterial. Den röda tråden i lektionen är ”{angle}”.",
            "Efter lektionen skriver eleverna en mening om vad som överraskade dem. Kollegor som har använt planeringen tycker att diskussionen fungerar bäst i grupper om tre eller fyra.",
        ),
        "worksheet": (
            "Arbetsblad: {angle}",
            "Ett arbetsblad att skriva ut om {about} för {level}. Eleverna läser en kort text och svarar på frågor enskilt eller i par.",
            "Dela ut arbetsbladet i början av lektionen och ge eleverna ungefär {minutes} minuter. Läs den korta texten tillsammans först så att alla förstår nyckelorden.",
            "Frågorna går från enkla faktafrågor till resonemang. Elever som har svårt med läsningen kan besvara de två första muntligt.",
        ),
        "presentation": (
            "{angle} (bilder och talarmanus)",
            "En kort presentation för {level} som steg för steg introducerar {about}, med talarmanus och frågor att ställa till klassen.",
            "Presentationen tar ungefär {minutes} minuter och ska öppna ett ämne, inte ersätta samtalet. Stanna efter varje bild och låt klassen gissa vad som kommer härnäst.",
            "Talarmanuset föreslår var det passar att stanna upp. Byt gärna ut exemplen mot bilder från er egen region.",
        ),
        "assessment": (
            "Kontrollera din förståelse: {angle}",
            "En kort bedömningsuppgift om {about} för {level}, med frågor som prövar förståelse snarare än minne, och stöd för rättningen.",
            "Använd uppgiften i slutet av ett arbetsområde. Den tar ungefär {minutes} minuter. Frågorna ber eleverna förklara och tillämpa idéer, så godta alla väl underbyggda svar.",
            "Ge ett poäng för en korrekt idé och ett för en tydlig förklaring. Gå igenom resultatet med klassen och låt eleverna själva rätta ett svar.",
        ),
        "project-idea": (
            "Projektidé: {angle}",
            "Ett ämnesövergripande projekt om {about} för {level} som kan pågå i flera veckor och delas med en partnerskola i ett annat land.",
            "Projektet tar ungefär {minutes} minuter lektionstid, fördelat på två till fyra veckor. Det passar bra som eTwinning- eller Erasmus+-aktivitet, eftersom klasser i olika länder kan jämföra sina resultat.",
            "Avsluta med att varje grupp presenterar sina resultat för partnerklassen i ett kort videosamtal eller på en gemensam digital tavla.",
        ),
        "facilitator-material": (
            "Handledarguide: {angle}",
            "Material för handledare som vill leda en workshop på {minutes} minuter för kollegor om hur man undervisar om ämnen som {about}.",
            "Guiden hjälper en handledare att leda ett möte där lärarna själva prövar aktiviteten innan de använder den med {level}. Räkna med ungefär {minutes} minuter, inklusive tid för reflektion.",
            "Avsluta mötet med att varje lärare nämner en förändring som hen ska pröva på nästa lektion, och bestäm ett datum för att dela erfarenheter i lärgemenskapen.",
        ),
        "game": (
            "{angle} – ett klassrumsspel",
            "Ett snabbt spel för {level} där lagen övar viktiga idéer om {about}. Inga förberedelser utöver att skriva ut korten.",
            "Spelet tar ungefär {minutes} minuter. Dela in klassen i lag om fyra och ge varje lag en uppsättning kort. Lagen får poäng för rätta svar och för bra förklaringar.",
            "Avsluta med att fråga varje lag vilket kort som var svårast och varför. Spelet kan upprepas senare under läsåret som repetition.",
        ),
        "discussion-guide": (
            "Vi pratar om det: {angle}",
            "Ett strukturerat samtal om {about} för {level}, med frågor som går från egna erfarenheter till större frågor.",
            "Sitt gärna i en ring. Samtalet tar ungefär {minutes} minuter. Kom först överens om enkla samtalsregler: en person talar i taget, och alla får stå över.",
            "Avsluta samtalet med att eleverna skriver ner en fråga som de fortfarande har. Samla in frågorna och använd dem när ni planerar nästa lektion.",
        ),
    },
    "de": {
        "lesson-plan": (
            "{angle} – ein Unterrichtsentwurf",
            "Eine Unterrichtsstunde von {minutes} Minuten über {about} für {level}, mit kurzem Einstieg, praktischer Hauptaufgabe und einer Abschlussfrage.",
            "Dieser Unterrichtsentwurf wurde für {level} geschrieben und im Unterricht erprobt. Er dauert etwa {minutes} Minuten und braucht nur übliches Unterrichtsmaterial. Der rote Faden der Stunde lautet „{angle}“.",
            "Lassen Sie die Lernenden nach der Stunde einen Satz darüber schreiben, was sie überrascht hat. Kolleginnen und Kollegen, die den Entwurf genutzt haben, berichten, dass die Diskussion in Gruppen zu dritt oder zu viert am besten gelingt.",
        ),
        "worksheet": (
            "Arbeitsblatt: {angle}",
            "Ein Arbeitsblatt zum Ausdrucken über {about} für {level}. Die Lernenden lesen einen kurzen Text und beantworten Fragen allein oder zu zweit.",
            "Teilen Sie das Arbeitsblatt zu Beginn der Stunde aus und geben Sie etwa {minutes} Minuten Zeit. Lesen Sie den kurzen Text zuerst gemeinsam, damit alle die Schlüsselwörter verstehen.",
            "Die Fragen reichen vom einfachen Wiedergeben bis zum Begründen. Wer sich mit dem Lesen schwertut, kann die ersten beiden mündlich beantworten.",
        ),
        "presentation": (
            "{angle} (Folien mit Sprechnotizen)",
            "Eine kurze Präsentation für {level}, die {about} Schritt für Schritt vorstellt, mit Sprechnotizen und Fragen an die Klasse.",
            "Die Präsentation dauert etwa {minutes} Minuten und soll ein Thema eröffnen, nicht das Gespräch ersetzen. Halten Sie nach jeder Folie an und lassen Sie die Klasse vermuten, was als Nächstes kommt.",
            "Die Sprechnotizen zeigen, wo sich eine Pause lohnt. Ersetzen Sie die Beispiele gern durch Bilder aus Ihrer eigenen Region.",
        ),
        "assessment": (
            "Verstanden? {angle}",
            "Eine kurze Leistungsüberprüfung über {about} für {level}, deren Fragen Verständnis statt Auswendiglernen prüfen, mit Hinweisen zur Bewertung.",
            "Setzen Sie die Überprüfung am Ende einer Unterrichtseinheit ein. Sie dauert etwa {minutes} Minuten. Die Fragen verlangen Erklärungen und Anwendung, daher zählt jede gut begründete Antwort.",
            "Geben Sie einen Punkt für eine richtige Idee und einen für eine klare Erklärung. Besprechen Sie die Ergebnisse mit der Klasse und lassen Sie die Lernenden eine Antwort selbst verbessern.",
        ),
        "project-idea": (
            "Projektidee: {angle}",
            "Ein fächerübergreifendes Projekt über {about} für {level}, das über mehrere Wochen laufen und mit einer Partnerschule im Ausland geteilt werden kann.",
            "Das Projekt braucht etwa {minutes} Minuten Unterrichtszeit, verteilt auf zwei bis vier Wochen. Es eignet sich gut für eine eTwinning- oder Erasmus+-Partnerschaft, weil Klassen in verschiedenen Ländern ihre Ergebnisse vergleichen können.",
            "Zum Abschluss stellt jede Gruppe ihre Ergebnisse der Partnerklasse in einem kurzen Videogespräch oder auf einer gemeinsamen Online-Pinnwand vor.",
        ),
        "facilitator-material": (
            "Leitfaden für Moderierende: {angle}",
            "Material für Moderierende, die für das Kollegium einen Workshop von {minutes} Minuten leiten möchten, der sich um {about} dreht.",
            "Der Leitfaden hilft, eine Sitzung zu moderieren, in der Lehrkräfte die Aktivität selbst ausprobieren, bevor sie sie im Unterricht für {level} einsetzen. Planen Sie etwa {minutes} Minuten ein, einschließlich Zeit zur Reflexion.",
            "Bitten Sie zum Schluss jede Lehrkraft, eine Veränderung zu nennen, die sie in der nächsten Stunde ausprobiert, und vereinbaren Sie einen Termin, um Erfahrungen in der Lerngemeinschaft zu teilen.",
        ),
        "game": (
            "{angle} – ein Lernspiel",
            "Ein schnelles Spiel für {level}, bei dem Teams wichtige Ideen rund um {about} üben. Außer dem Ausdrucken der Karten ist keine Vorbereitung nötig.",
            "Das Spiel dauert etwa {minutes} Minuten. Teilen Sie die Klasse in Vierergruppen und geben Sie jeder Gruppe einen Kartensatz. Die Teams erhalten Punkte für richtige Antworten und für gute Erklärungen.",
            "Fragen Sie zum Schluss jedes Team, welche Karte am schwierigsten war und warum. Das Spiel eignet sich später im Schuljahr gut zur Wiederholung.",
        ),
        "discussion-guide": (
            "Lasst uns darüber reden: {angle}",
            "Ein strukturiertes Gespräch über {about} für {level}, mit Fragen, die von eigenen Erfahrungen zu größeren Zusammenhängen führen.",
            "Setzen Sie sich nach Möglichkeit in einen Kreis. Das Gespräch dauert etwa {minutes} Minuten. Vereinbaren Sie zuerst einfache Regeln: Es spricht immer nur eine Person, und alle dürfen aussetzen.",
            "Beenden Sie das Gespräch, indem alle eine Frage aufschreiben, die noch offen ist. Sammeln Sie die Fragen ein und planen Sie damit die nächste Stunde.",
        ),
    },
    "pt": {
        "lesson-plan": (
            "{angle}: plano de aula",
            "Uma aula de {minutes} minutos sobre {about} para {level}, com um arranque curto, uma tarefa prática e uma pergunta final.",
            "Este plano de aula foi escrito para {level} e já foi testado em salas de aula reais. Demora cerca de {minutes} minutos e só precisa de material escolar comum. O fio condutor da aula é «{angle}».",
            "No fim da aula, peça aos alunos que escrevam uma frase sobre o que os surpreendeu. Os colegas que usaram este plano dizem que a discussão resulta melhor em grupos de três ou quatro.",
        ),
        "worksheet": (
            "Ficha de trabalho: {angle}",
            "Uma ficha para imprimir sobre {about} para {level}. Os alunos leem um texto curto e respondem a perguntas sozinhos ou em pares.",
            "Distribua a ficha no início da aula e dê aos alunos cerca de {minutes} minutos. Leiam primeiro o texto curto em conjunto, para que todos compreendam as palavras-chave.",
            "As perguntas vão da simples recordação ao raciocínio. Os alunos com mais dificuldades na leitura podem responder oralmente às duas primeiras.",
        ),
        "presentation": (
            "{angle} (diapositivos e notas)",
            "Uma apresentação curta para {level} que introduz passo a passo {about}, com notas para o professor e perguntas para a turma.",
            "A apresentação dura cerca de {minutes} minutos e serve para abrir um tema, não para substituir a discussão. Pare depois de cada diapositivo e deixe a turma prever o que vem a seguir.",
            "As notas sugerem onde fazer pausas. Substitua à vontade os exemplos por imagens da sua própria região.",
        ),
        "assessment": (
            "Verifica o que aprendeste: {angle}",
            "Uma avaliação curta sobre {about} para {level}, com perguntas que testam a compreensão e não a memória, e orientações para a correção.",
            "Use esta avaliação no fim de uma unidade. Demora cerca de {minutes} minutos. As perguntas pedem aos alunos que expliquem e apliquem ideias, por isso aceite qualquer resposta bem fundamentada.",
            "Na correção, dê um ponto por uma ideia correta e outro por uma explicação clara. Reveja os resultados com a turma e deixe os alunos corrigir uma resposta por si próprios.",
        ),
        "project-idea": (
            "Ideia de projeto: {angle}",
            "Um projeto interdisciplinar sobre {about} para {level}, que pode durar várias semanas e ser partilhado com uma escola parceira no estrangeiro.",
            "O projeto ocupa cerca de {minutes} minutos de aulas, distribuídos por duas a quatro semanas. Funciona bem como atividade eTwinning ou Erasmus+, porque turmas de países diferentes podem comparar os seus resultados.",
            "No final, cada grupo apresenta os resultados à turma parceira numa videochamada curta ou num mural digital partilhado.",
        ),
        "facilitator-material": (
            "Guia do dinamizador: {angle}",
            "Material para dinamizadores que queiram orientar uma oficina de {minutes} minutos para colegas sobre o ensino de temas como {about}.",
            "Este guia ajuda o dinamizador a conduzir uma sessão em que os professores experimentam a atividade antes de a usarem com {level}. Conte com cerca de {minutes} minutos, incluindo tempo para reflexão.",
            "Termine a sessão pedindo a cada professor que indique uma mudança que vai experimentar na próxima aula, e combinem uma data para partilhar experiências na comunidade de aprendizagem.",
        ),
        "game": (
            "{angle}: jogo de sala de aula",
            "Um jogo rápido para {level} em que as equipas praticam ideias-chave sobre {about}. Basta imprimir as cartas.",
            "O jogo dura cerca de {minutes} minutos. Divida a turma em equipas de quatro e dê a cada equipa um conjunto de cartas. As equipas ganham pontos por respostas certas e por boas explicações.",
            "No fim, pergunte a cada equipa qual foi a carta mais difícil e porquê. O jogo pode ser repetido mais tarde no ano letivo como revisão.",
        ),
        "discussion-guide": (
            "Vamos conversar: {angle}",
            "Uma discussão estruturada sobre {about} para {level}, com perguntas que partem da experiência pessoal para questões mais amplas.",
            "Se possível, sentem-se em círculo. A discussão dura cerca de {minutes} minutos. Combinem primeiro regras simples: fala uma pessoa de cada vez e todos podem passar a vez.",
            "No fim, peça aos alunos que escrevam uma pergunta que ainda tenham. Recolha as perguntas e use-as para planear a aula seguinte.",
        ),
    },
}

# The three steps of every activity block: starter (uses a question), main task, summing up.
STEPS = {
    "en": (("Starter", "Ask the class: {question} Collect a few answers on the board without correcting them yet."),
           ("Main task", "{task}"),
           ("Sum up", "Return to the starter question and compare the new answers with the ones on the board.")),
    "sv": (("Uppstart", "Fråga klassen: {question} Skriv upp några svar på tavlan utan att rätta dem ännu."),
           ("Huvuduppgift", "{task}"),
           ("Sammanfattning", "Gå tillbaka till uppstartsfrågan och jämför de nya svaren med dem på tavlan.")),
    "de": (("Einstieg", "Fragen Sie die Klasse: {question} Sammeln Sie einige Antworten an der Tafel, ohne sie schon zu korrigieren."),
           ("Hauptaufgabe", "{task}"),
           ("Abschluss", "Kehren Sie zur Einstiegsfrage zurück und vergleichen Sie die neuen Antworten mit denen an der Tafel.")),
    "pt": (("Arranque", "Pergunte à turma: {question} Registe algumas respostas no quadro sem as corrigir ainda."),
           ("Tarefa principal", "{task}"),
           ("Síntese", "Volte à pergunta inicial e compare as novas respostas com as que estão no quadro.")),
}

QUESTIONS_HEADING = {"en": "Questions", "sv": "Frågor", "de": "Fragen", "pt": "Perguntas"}

# Adaptations: a title suffix and a note explaining what changed, to a lower or a higher level.
ADAPTATION = {
    "en": ("{title} (adapted for {level})",
           "This is an adaptation of “{original}” by {author}. The original was written for {original_level}; this version is for {level}.",
           {"down": "The texts are shorter, key words are explained with pictures, and there is more time for talking in pairs.",
            "up": "The questions are more demanding, and students finish with a short independent investigation that they present to the class."}),
    "sv": ("{title} (bearbetad för {level})",
           "Detta är en bearbetning av ”{original}” av {author}. Originalet skrevs för {original_level}; den här versionen är för {level}.",
           {"down": "Texterna är kortare, nyckelord förklaras med bilder och det finns mer tid för samtal i par.",
            "up": "Frågorna är mer utmanande, och eleverna avslutar med en kort egen undersökning som de presenterar för klassen."}),
    "de": ("{title} (bearbeitet für {level})",
           "Dies ist eine Bearbeitung von „{original}“ von {author}. Das Original wurde für {original_level} geschrieben; diese Fassung richtet sich an {level}.",
           {"down": "Die Texte sind kürzer, Schlüsselwörter werden mit Bildern erklärt, und es gibt mehr Zeit für Partnergespräche.",
            "up": "Die Fragen sind anspruchsvoller, und die Lernenden schließen mit einer kurzen eigenen Untersuchung ab, die sie der Klasse vorstellen."}),
    "pt": ("{title} (adaptado para {level})",
           "Esta é uma adaptação de «{original}», de {author}. O original foi escrito para {original_level}; esta versão destina-se a {level}.",
           {"down": "Os textos são mais curtos, as palavras-chave são explicadas com imagens e há mais tempo para conversar em pares.",
            "up": "As perguntas são mais exigentes e os alunos terminam com uma pequena investigação autónoma que apresentam à turma."}),
}
