"""Demo topic clusters in languages, history, civics, geography and health, written in the four site languages."""

TOPICS = [
    {
        "key": "european-citizenship", "subjects": ["civics", "history"], "levels": [2, 3],
        "tags": ["European Union", "citizenship", "democracy", "elections"],
        "en": {
            "name": "European citizenship", "about": "European citizenship",
            "angles": ["What the European Union does for us", "A mock European Parliament", "Rights we have as EU citizens"],
            "facts": [
                "Every citizen of an EU member state is also a citizen of the European Union, with the right to live, study and work in other member states.",
                "The European Parliament is elected directly by citizens every five years and decides on laws together with the Council.",
                "Programmes such as Erasmus+ let pupils, students and teachers spend time learning in another European country.",
                "Young people can take part in European democracy through elections, petitions and youth dialogues, not only as adults.",
            ],
            "questions": ["Which decisions in your daily life are shaped by EU rules?", "Why would a country share power with its neighbours?", "At what age should people be allowed to vote?"],
            "tasks": [
                ("Mock plenary session", "Students take the roles of members of parliament from different countries, debate a proposal on single-use plastics and vote on amendments."),
                ("Tracing EU rules at home", "Pupils look for the CE mark, energy labels and roaming rules in their homes and explain what each one protects."),
            ],
        },
        "sv": {
            "name": "Europeiskt medborgarskap", "about": "europeiskt medborgarskap",
            "angles": ["Vad EU gör för oss", "Ett rollspel om Europaparlamentet", "Våra rättigheter som EU-medborgare"],
            "facts": [
                "Varje medborgare i ett EU-land är också medborgare i Europeiska unionen, med rätt att bo, studera och arbeta i andra medlemsländer.",
                "Europaparlamentet väljs direkt av medborgarna vart femte år och beslutar om lagar tillsammans med rådet.",
                "Program som Erasmus+ gör det möjligt för elever, studenter och lärare att lära sig en tid i ett annat europeiskt land.",
                "Unga kan delta i den europeiska demokratin genom val, namninsamlingar och ungdomsdialoger, inte bara som vuxna.",
            ],
            "questions": ["Vilka beslut i din vardag påverkas av EU:s regler?", "Varför skulle ett land dela makt med sina grannar?", "Vid vilken ålder borde man få rösta?"],
            "tasks": [
                ("Rollspel i plenisalen", "Eleverna spelar ledamöter från olika länder, debatterar ett förslag om engångsplast och röstar om ändringsförslag."),
                ("EU-regler hemma", "Eleverna letar efter CE-märkning, energimärkning och roamingregler hemma och förklarar vad var och en skyddar."),
            ],
        },
        "de": {
            "name": "Europäische Bürgerschaft", "about": "die Unionsbürgerschaft",
            "angles": ["Was die Europäische Union für uns tut", "Ein Planspiel zum Europäischen Parlament", "Unsere Rechte als EU-Bürgerinnen und -Bürger"],
            "facts": [
                "Wer Staatsangehöriger eines EU-Mitgliedstaats ist, ist zugleich Unionsbürger und darf in anderen Mitgliedstaaten leben, studieren und arbeiten.",
                "Das Europäische Parlament wird alle fünf Jahre direkt gewählt und entscheidet gemeinsam mit dem Rat über Gesetze.",
                "Programme wie Erasmus+ ermöglichen Schülerinnen, Studierenden und Lehrkräften, eine Zeit lang in einem anderen europäischen Land zu lernen.",
                "Junge Menschen können sich durch Wahlen, Petitionen und Jugenddialoge an der europäischen Demokratie beteiligen, nicht erst als Erwachsene.",
            ],
            "questions": ["Welche Entscheidungen in deinem Alltag werden von EU-Regeln geprägt?", "Warum sollte ein Land Macht mit seinen Nachbarn teilen?", "Ab welchem Alter sollte man wählen dürfen?"],
            "tasks": [
                ("Planspiel Plenarsitzung", "Die Lernenden übernehmen die Rollen von Abgeordneten aus verschiedenen Ländern, debattieren einen Vorschlag zu Einwegplastik und stimmen über Änderungsanträge ab."),
                ("EU-Regeln zu Hause", "Die Lernenden suchen zu Hause nach dem CE-Zeichen, Energielabels und Roaming-Regeln und erklären, wen oder was sie jeweils schützen."),
            ],
        },
        "pt": {
            "name": "Cidadania europeia", "about": "a cidadania europeia",
            "angles": ["O que a União Europeia faz por nós", "Uma simulação do Parlamento Europeu", "Os nossos direitos como cidadãos da UE"],
            "facts": [
                "Todos os cidadãos de um Estado-Membro são também cidadãos da União Europeia, com direito a viver, estudar e trabalhar noutros Estados-Membros.",
                "O Parlamento Europeu é eleito diretamente pelos cidadãos de cinco em cinco anos e decide as leis em conjunto com o Conselho.",
                "Programas como o Erasmus+ permitem a alunos, estudantes e professores passar algum tempo a aprender noutro país europeu.",
                "Os jovens podem participar na democracia europeia através de eleições, petições e diálogos com a juventude, e não apenas quando forem adultos.",
            ],
            "questions": ["Que decisões do teu dia a dia são influenciadas por regras da UE?", "Porque partilharia um país o poder com os seus vizinhos?", "Com que idade se deveria poder votar?"],
            "tasks": [
                ("Simulação de sessão plenária", "Os alunos assumem o papel de deputados de vários países, debatem uma proposta sobre plásticos descartáveis e votam alterações."),
                ("Regras europeias em casa", "Os alunos procuram em casa a marcação CE, as etiquetas energéticas e as regras de roaming e explicam o que cada uma protege."),
            ],
        },
    },
    {
        "key": "media-literacy", "subjects": ["civics", "mother-tongue"], "levels": [2, 3],
        "tags": ["media literacy", "disinformation", "fact-checking", "social media"],
        "en": {
            "name": "Media literacy", "about": "media literacy",
            "angles": ["Spotting false news", "How algorithms choose what we see", "Checking a picture before sharing it"],
            "facts": [
                "False news spreads faster than corrections because it is often surprising and appeals to strong feelings.",
                "Lateral reading means leaving a page to check who is behind it, instead of judging it by how professional it looks.",
                "Recommendation algorithms show us more of what we already click on, which can narrow the range of views we meet.",
                "A reverse image search often reveals that a dramatic photo is old or comes from a different place.",
            ],
            "questions": ["How do you decide whether to trust a post?", "Who earns money when a video goes viral?", "Have you ever shared something that turned out to be wrong?"],
            "tasks": [
                ("Three-minute fact check", "Groups receive five real headlines, two of them false. Using lateral reading, they have three minutes per headline to decide and justify their verdict."),
                ("My feed, your feed", "Students compare the first ten posts in two different feeds on the same topic and discuss why they differ."),
            ],
        },
        "sv": {
            "name": "Medie- och informationskunnighet", "about": "källkritik och medievanor",
            "angles": ["Så avslöjar du falska nyheter", "Hur algoritmer väljer vad vi ser", "Granska en bild innan du delar den"],
            "facts": [
                "Falska nyheter sprids snabbare än rättelser eftersom de ofta är överraskande och väcker starka känslor.",
                "Lateral läsning betyder att man lämnar sidan för att ta reda på vem som står bakom den, i stället för att bedöma den efter hur proffsig den ser ut.",
                "Rekommendationsalgoritmer visar oss mer av det vi redan klickar på, vilket kan begränsa vilka åsikter vi möter.",
                "En omvänd bildsökning visar ofta att en dramatisk bild är gammal eller kommer från en annan plats.",
            ],
            "questions": ["Hur avgör du om du kan lita på ett inlägg?", "Vem tjänar pengar när en video sprids snabbt?", "Har du någon gång delat något som visade sig vara fel?"],
            "tasks": [
                ("Faktakoll på tre minuter", "Grupperna får fem verkliga rubriker, varav två är falska. Med lateral läsning har de tre minuter per rubrik för att bestämma sig och motivera sitt svar."),
                ("Mitt flöde, ditt flöde", "Eleverna jämför de tio första inläggen i två olika flöden om samma ämne och diskuterar varför de skiljer sig åt."),
            ],
        },
        "de": {
            "name": "Medienkompetenz", "about": "Medienkompetenz",
            "angles": ["Falschmeldungen erkennen", "Wie Algorithmen auswählen, was wir sehen", "Ein Bild prüfen, bevor man es teilt"],
            "facts": [
                "Falschmeldungen verbreiten sich schneller als Richtigstellungen, weil sie oft überraschen und starke Gefühle ansprechen.",
                "Quer lesen bedeutet, eine Seite zu verlassen, um zu prüfen, wer dahintersteht, statt sie danach zu beurteilen, wie professionell sie aussieht.",
                "Empfehlungsalgorithmen zeigen uns mehr von dem, was wir ohnehin anklicken, und können so die Vielfalt der Meinungen verengen.",
                "Eine umgekehrte Bildersuche zeigt oft, dass ein dramatisches Foto alt ist oder von einem anderen Ort stammt.",
            ],
            "questions": ["Wie entscheidest du, ob du einem Beitrag vertraust?", "Wer verdient Geld, wenn ein Video viral geht?", "Hast du schon einmal etwas geteilt, das sich als falsch herausstellte?"],
            "tasks": [
                ("Faktencheck in drei Minuten", "Gruppen erhalten fünf echte Schlagzeilen, zwei davon falsch. Mit Querlesen haben sie drei Minuten pro Schlagzeile, um zu entscheiden und ihr Urteil zu begründen."),
                ("Mein Feed, dein Feed", "Die Lernenden vergleichen die ersten zehn Beiträge zweier Feeds zum selben Thema und diskutieren, warum sie sich unterscheiden."),
            ],
        },
        "pt": {
            "name": "Literacia mediática", "about": "a literacia mediática",
            "angles": ["Como detetar notícias falsas", "Como os algoritmos escolhem o que vemos", "Verificar uma imagem antes de a partilhar"],
            "facts": [
                "As notícias falsas espalham-se mais depressa do que os desmentidos porque costumam surpreender e apelar a emoções fortes.",
                "A leitura lateral consiste em sair de uma página para verificar quem está por trás dela, em vez de a julgar pelo seu aspeto profissional.",
                "Os algoritmos de recomendação mostram-nos mais daquilo em que já clicamos, o que pode estreitar as opiniões com que contactamos.",
                "Uma pesquisa inversa de imagens revela muitas vezes que uma fotografia dramática é antiga ou vem de outro lugar.",
            ],
            "questions": ["Como decides se podes confiar numa publicação?", "Quem ganha dinheiro quando um vídeo se torna viral?", "Alguma vez partilhaste algo que afinal estava errado?"],
            "tasks": [
                ("Verificação em três minutos", "Os grupos recebem cinco títulos reais, dois deles falsos. Usando a leitura lateral, têm três minutos por título para decidir e justificar o seu veredito."),
                ("O meu feed, o teu feed", "Os alunos comparam as dez primeiras publicações de dois feeds diferentes sobre o mesmo tema e discutem porque são diferentes."),
            ],
        },
    },
    {
        "key": "reading-comprehension", "subjects": ["mother-tongue", "foreign-languages"], "levels": [1, 2],
        "tags": ["reading", "reading strategies", "literacy", "picture books"],
        "en": {
            "name": "Reading comprehension", "about": "reading comprehension",
            "angles": ["Predict, question, summarise", "Reading between the lines", "Reading buddies across classes"],
            "facts": [
                "Good readers make predictions before and during reading and check them against the text.",
                "Asking questions while reading keeps attention on meaning rather than only on decoding words.",
                "Inferences connect clues in the text with what readers already know, which is how we read between the lines.",
                "Summarising a paragraph in one sentence shows whether a reader has grasped its main idea.",
            ],
            "questions": ["What do you do when you do not understand a sentence?", "How can a title help you before you start reading?", "What does the author not say, but want us to understand?"],
            "tasks": [
                ("Reciprocal reading in fours", "In groups of four, pupils take the roles of predictor, questioner, clarifier and summariser and rotate roles after each paragraph of a short story."),
                ("Reading buddies", "Older pupils read a picture book with a younger partner, stopping at three planned points to ask what might happen next."),
            ],
        },
        "sv": {
            "name": "Läsförståelse", "about": "läsförståelse",
            "angles": ["Förutspå, fråga, sammanfatta", "Att läsa mellan raderna", "Läskompisar mellan klasser"],
            "facts": [
                "Goda läsare gör förutsägelser före och under läsningen och prövar dem mot texten.",
                "Att ställa frågor under läsningen håller uppmärksamheten på innehållet och inte bara på avkodningen av ord.",
                "Slutledningar kopplar ihop ledtrådar i texten med det läsaren redan vet, och det är så vi läser mellan raderna.",
                "Att sammanfatta ett stycke i en mening visar om läsaren har förstått huvudtanken.",
            ],
            "questions": ["Vad gör du när du inte förstår en mening?", "Hur kan en rubrik hjälpa dig innan du börjar läsa?", "Vad säger författaren inte, men vill att vi ska förstå?"],
            "tasks": [
                ("Läsfixarna i fyrgrupper", "I grupper om fyra tar eleverna rollerna som spågumma, frågeapa, reporter och detektiv och byter roll efter varje stycke i en kort berättelse."),
                ("Läskompisar", "Äldre elever läser en bilderbok med en yngre kompis och stannar vid tre planerade ställen för att fråga vad som kan hända sedan."),
            ],
        },
        "de": {
            "name": "Leseverstehen", "about": "das Leseverstehen",
            "angles": ["Vorhersagen, fragen, zusammenfassen", "Zwischen den Zeilen lesen", "Lesepatenschaften zwischen Klassen"],
            "facts": [
                "Gute Leserinnen und Leser stellen vor und während des Lesens Vermutungen an und prüfen sie am Text.",
                "Fragen beim Lesen halten die Aufmerksamkeit beim Inhalt und nicht nur beim Entschlüsseln der Wörter.",
                "Schlussfolgerungen verbinden Hinweise im Text mit dem Vorwissen der Lesenden; so liest man zwischen den Zeilen.",
                "Einen Absatz in einem Satz zusammenzufassen zeigt, ob jemand den Hauptgedanken verstanden hat.",
            ],
            "questions": ["Was machst du, wenn du einen Satz nicht verstehst?", "Wie kann dir eine Überschrift helfen, bevor du zu lesen beginnst?", "Was sagt die Autorin nicht, möchte aber, dass wir es verstehen?"],
            "tasks": [
                ("Reziprokes Lesen zu viert", "In Vierergruppen übernehmen die Kinder die Rollen Vorhersager, Fragensteller, Klärer und Zusammenfasser und wechseln nach jedem Absatz einer kurzen Geschichte die Rolle."),
                ("Lesepaten", "Ältere Kinder lesen mit einem jüngeren Partner ein Bilderbuch und halten an drei geplanten Stellen an, um zu fragen, was als Nächstes passieren könnte."),
            ],
        },
        "pt": {
            "name": "Compreensão da leitura", "about": "a compreensão da leitura",
            "angles": ["Prever, questionar, resumir", "Ler nas entrelinhas", "Padrinhos de leitura entre turmas"],
            "facts": [
                "Os bons leitores fazem previsões antes e durante a leitura e confirmam-nas com o texto.",
                "Fazer perguntas durante a leitura mantém a atenção no sentido e não apenas na descodificação das palavras.",
                "As inferências ligam pistas do texto àquilo que o leitor já sabe, e é assim que lemos nas entrelinhas.",
                "Resumir um parágrafo numa frase mostra se o leitor percebeu a ideia principal.",
            ],
            "questions": ["O que fazes quando não compreendes uma frase?", "Como te pode ajudar um título antes de começares a ler?", "O que é que o autor não diz, mas quer que compreendamos?"],
            "tasks": [
                ("Leitura recíproca em grupos de quatro", "Em grupos de quatro, os alunos assumem os papéis de quem prevê, quem pergunta, quem esclarece e quem resume, trocando de papel a cada parágrafo de um conto."),
                ("Padrinhos de leitura", "Os alunos mais velhos leem um livro ilustrado com um colega mais novo, parando em três momentos planeados para perguntar o que poderá acontecer a seguir."),
            ],
        },
    },
    {
        "key": "french-revolution", "subjects": ["history", "civics"], "levels": [2, 3],
        "tags": ["French Revolution", "human rights", "18th century", "sources"],
        "en": {
            "name": "The French Revolution", "about": "the French Revolution",
            "angles": ["Why did the French Revolution begin?", "The Declaration of the Rights of Man", "Women in the Revolution"],
            "facts": [
                "In 1789 France was nearly bankrupt, bread was expensive, and the Third Estate paid most taxes while having little say.",
                "The storming of the Bastille on 14 July 1789 became the symbol of the people rising against absolute monarchy.",
                "The Declaration of the Rights of Man and of the Citizen proclaimed that people are born free and equal in rights.",
                "Olympe de Gouges answered with a Declaration of the Rights of Woman, showing that the new rights left half the population out.",
            ],
            "questions": ["Who gained and who lost from the Revolution?", "Why did the price of bread matter so much?", "Which ideas of 1789 still shape Europe today?"],
            "tasks": [
                ("Voices from 1789", "Each group reads a short source by a peasant, a noble, a priest or a market woman and presents that person's complaints to a mock Estates-General."),
                ("Then and now", "Students compare three articles of the 1789 Declaration with the EU Charter of Fundamental Rights and note what was added later."),
            ],
        },
        "sv": {
            "name": "Franska revolutionen", "about": "franska revolutionen",
            "angles": ["Varför började franska revolutionen?", "Deklarationen om människans rättigheter", "Kvinnorna i revolutionen"],
            "facts": [
                "År 1789 var Frankrike nästan bankrutt, brödet var dyrt och tredje ståndet betalade det mesta av skatten men hade lite att säga till om.",
                "Stormningen av Bastiljen den 14 juli 1789 blev symbolen för folkets uppror mot den enväldiga kungamakten.",
                "Deklarationen om människans och medborgarens rättigheter slog fast att människor föds fria och lika i rättigheter.",
                "Olympe de Gouges svarade med en deklaration om kvinnans rättigheter och visade att de nya rättigheterna lämnade halva befolkningen utanför.",
            ],
            "questions": ["Vilka vann och vilka förlorade på revolutionen?", "Varför var brödpriset så viktigt?", "Vilka idéer från 1789 präglar fortfarande Europa i dag?"],
            "tasks": [
                ("Röster från 1789", "Varje grupp läser en kort källa av en bonde, en adelsman, en präst eller en torgkvinna och framför personens klagomål inför en låtsad ståndsförsamling."),
                ("Då och nu", "Eleverna jämför tre artiklar i deklarationen från 1789 med EU:s stadga om de grundläggande rättigheterna och noterar vad som har tillkommit senare."),
            ],
        },
        "de": {
            "name": "Die Französische Revolution", "about": "die Französische Revolution",
            "angles": ["Warum begann die Französische Revolution?", "Die Erklärung der Menschen- und Bürgerrechte", "Frauen in der Revolution"],
            "facts": [
                "1789 war Frankreich fast bankrott, das Brot war teuer, und der Dritte Stand zahlte die meisten Steuern, hatte aber kaum Mitsprache.",
                "Der Sturm auf die Bastille am 14. Juli 1789 wurde zum Symbol für den Aufstand des Volkes gegen die absolute Monarchie.",
                "Die Erklärung der Menschen- und Bürgerrechte verkündete, dass die Menschen frei und gleich an Rechten geboren sind.",
                "Olympe de Gouges antwortete mit einer Erklärung der Rechte der Frau und zeigte, dass die neuen Rechte die Hälfte der Bevölkerung ausschlossen.",
            ],
            "questions": ["Wer gewann und wer verlor durch die Revolution?", "Warum war der Brotpreis so wichtig?", "Welche Ideen von 1789 prägen Europa noch heute?"],
            "tasks": [
                ("Stimmen aus dem Jahr 1789", "Jede Gruppe liest eine kurze Quelle eines Bauern, eines Adligen, eines Priesters oder einer Marktfrau und trägt deren Beschwerden vor einer nachgespielten Generalständeversammlung vor."),
                ("Damals und heute", "Die Lernenden vergleichen drei Artikel der Erklärung von 1789 mit der Charta der Grundrechte der EU und notieren, was später hinzukam."),
            ],
        },
        "pt": {
            "name": "A Revolução Francesa", "about": "a Revolução Francesa",
            "angles": ["Porque começou a Revolução Francesa?", "A Declaração dos Direitos do Homem", "As mulheres na Revolução"],
            "facts": [
                "Em 1789 a França estava quase na bancarrota, o pão era caro e o Terceiro Estado pagava a maior parte dos impostos, quase sem voz.",
                "A tomada da Bastilha, a 14 de julho de 1789, tornou-se o símbolo do povo a erguer-se contra a monarquia absoluta.",
                "A Declaração dos Direitos do Homem e do Cidadão proclamou que os homens nascem livres e iguais em direitos.",
                "Olympe de Gouges respondeu com uma Declaração dos Direitos da Mulher, mostrando que os novos direitos deixavam de fora metade da população.",
            ],
            "questions": ["Quem ganhou e quem perdeu com a Revolução?", "Porque era o preço do pão tão importante?", "Que ideias de 1789 ainda marcam a Europa de hoje?"],
            "tasks": [
                ("Vozes de 1789", "Cada grupo lê uma fonte curta de um camponês, um nobre, um padre ou uma vendedora do mercado e apresenta as queixas dessa pessoa numa simulação dos Estados Gerais."),
                ("Antes e agora", "Os alunos comparam três artigos da Declaração de 1789 com a Carta dos Direitos Fundamentais da UE e registam o que foi acrescentado mais tarde."),
            ],
        },
    },
    {
        "key": "healthy-eating", "subjects": ["health", "biology"], "levels": [0, 1, 2],
        "tags": ["nutrition", "healthy eating", "school lunch", "food waste"],
        "en": {
            "name": "Healthy eating", "about": "healthy eating",
            "angles": ["A balanced plate", "What is in our school lunch?", "Less food waste in the canteen"],
            "facts": [
                "A balanced plate is about half vegetables and fruit, a quarter whole grains and a quarter protein such as beans, fish or eggs.",
                "Water is the best drink for thirst, while sugary drinks add energy without making us feel full.",
                "Food traditions differ across Europe, yet most of them share vegetables, grains and pulses as everyday staples.",
                "About a fifth of food produced in Europe is wasted, much of it in homes and canteens.",
            ],
            "questions": ["What did you eat for breakfast, and how did it keep you going?", "Why do packaged snacks list their ingredients?", "What happens to the food we leave on our plates?"],
            "tasks": [
                ("Build a balanced plate", "Pupils cut out pictures of foods from supermarket leaflets and arrange them on a paper plate, then explain their choices to a partner."),
                ("Canteen waste week", "The class weighs the food left over in the canteen every day for a week, presents the results and suggests one change to the kitchen staff."),
            ],
        },
        "sv": {
            "name": "Hälsosam mat", "about": "hälsosam mat",
            "angles": ["En balanserad tallrik", "Vad finns i vår skollunch?", "Mindre matsvinn i matsalen"],
            "facts": [
                "En balanserad tallrik består till ungefär hälften av grönsaker och frukt, en fjärdedel fullkorn och en fjärdedel protein som bönor, fisk eller ägg.",
                "Vatten är den bästa törstsläckaren, medan söta drycker ger energi utan att vi blir mätta.",
                "Matkulturen skiljer sig åt i Europa, men de flesta har grönsaker, spannmål och baljväxter som vardagsmat.",
                "Ungefär en femtedel av maten som produceras i Europa slängs, mycket av den i hem och skolmatsalar.",
            ],
            "questions": ["Vad åt du till frukost, och hur länge höll det dig mätt?", "Varför står ingredienserna på förpackade mellanmål?", "Vad händer med maten som vi lämnar på tallriken?"],
            "tasks": [
                ("Bygg en balanserad tallrik", "Eleverna klipper ut bilder på livsmedel ur reklamblad, lägger dem på en papperstallrik och förklarar sina val för en kamrat."),
                ("Svinnvecka i matsalen", "Klassen väger matresterna i matsalen varje dag under en vecka, redovisar resultatet och föreslår en förändring för kökspersonalen."),
            ],
        },
        "de": {
            "name": "Gesunde Ernährung", "about": "gesunde Ernährung",
            "angles": ["Ein ausgewogener Teller", "Was steckt in unserem Schulessen?", "Weniger Lebensmittelabfall in der Mensa"],
            "facts": [
                "Ein ausgewogener Teller besteht etwa zur Hälfte aus Gemüse und Obst, zu einem Viertel aus Vollkorn und zu einem Viertel aus Eiweiß wie Bohnen, Fisch oder Eiern.",
                "Wasser ist der beste Durstlöscher, während süße Getränke Energie liefern, ohne satt zu machen.",
                "Die Esskulturen Europas unterscheiden sich, doch fast alle kennen Gemüse, Getreide und Hülsenfrüchte als Alltagskost.",
                "Etwa ein Fünftel der in Europa erzeugten Lebensmittel wird weggeworfen, ein großer Teil davon in Haushalten und Kantinen.",
            ],
            "questions": ["Was hast du gefrühstückt, und wie lange hat es dich satt gemacht?", "Warum stehen auf verpackten Snacks die Zutaten?", "Was passiert mit dem Essen, das wir auf dem Teller lassen?"],
            "tasks": [
                ("Einen ausgewogenen Teller legen", "Die Kinder schneiden Bilder von Lebensmitteln aus Supermarktprospekten aus, legen sie auf einen Pappteller und erklären einem Partner ihre Auswahl."),
                ("Abfallwoche in der Mensa", "Die Klasse wiegt eine Woche lang täglich die Essensreste in der Mensa, stellt die Ergebnisse vor und schlägt dem Küchenteam eine Veränderung vor."),
            ],
        },
        "pt": {
            "name": "Alimentação saudável", "about": "a alimentação saudável",
            "angles": ["Um prato equilibrado", "O que há no nosso almoço escolar?", "Menos desperdício no refeitório"],
            "facts": [
                "Um prato equilibrado tem cerca de metade de legumes e fruta, um quarto de cereais integrais e um quarto de proteína, como feijão, peixe ou ovos.",
                "A água é a melhor bebida para matar a sede, enquanto as bebidas açucaradas dão energia sem saciar.",
                "As tradições alimentares variam na Europa, mas quase todas têm legumes, cereais e leguminosas como alimentos do dia a dia.",
                "Cerca de um quinto dos alimentos produzidos na Europa é desperdiçado, grande parte em casa e nos refeitórios.",
            ],
            "questions": ["O que comeste ao pequeno-almoço e quanto tempo te deu energia?", "Porque é que os lanches embalados indicam os ingredientes?", "O que acontece à comida que deixamos no prato?"],
            "tasks": [
                ("Montar um prato equilibrado", "Os alunos recortam imagens de alimentos de folhetos de supermercado, dispõem-nas num prato de papel e explicam as suas escolhas a um colega."),
                ("Semana do desperdício no refeitório", "A turma pesa todos os dias, durante uma semana, a comida que sobra no refeitório, apresenta os resultados e propõe uma mudança à equipa da cozinha."),
            ],
        },
    },
    {
        "key": "volcanoes-and-earthquakes", "subjects": ["geography"], "levels": [1, 2, 3],
        "tags": ["plate tectonics", "volcanoes", "earthquakes", "natural hazards"],
        "en": {
            "name": "Volcanoes and earthquakes", "about": "volcanoes and earthquakes",
            "angles": ["Moving plates under Europe", "Living with Etna and Vesuvius", "Preparing for an earthquake"],
            "facts": [
                "The Earth's outer shell is broken into plates that move a few centimetres a year, about as fast as fingernails grow.",
                "Most volcanoes and earthquakes occur where plates meet, as in Iceland, Italy, Greece and the Azores.",
                "Iceland sits on the Mid-Atlantic Ridge, where the Eurasian and North American plates move apart.",
                "Good building rules and practised drills save more lives than any warning system alone.",
            ],
            "questions": ["Why do people still live close to active volcanoes?", "What should you do first if the ground starts shaking?", "Why does Iceland grow wider every year?"],
            "tasks": [
                ("Plate boundaries jigsaw", "Groups cut a world map along the plate boundaries, then mark recent earthquakes and volcanoes and describe the pattern they see."),
                ("Quake-proof towers", "Teams build towers from spaghetti and marshmallows, test them on a shaking tray and improve the design after each test."),
            ],
        },
        "sv": {
            "name": "Vulkaner och jordbävningar", "about": "vulkaner och jordbävningar",
            "angles": ["Plattorna som rör sig under Europa", "Att leva med Etna och Vesuvius", "Att förbereda sig för en jordbävning"],
            "facts": [
                "Jordens yttersta skal är uppbrutet i plattor som rör sig några centimeter om året, ungefär lika fort som naglarna växer.",
                "De flesta vulkaner och jordbävningar finns där plattorna möts, som på Island, i Italien, i Grekland och på Azorerna.",
                "Island ligger på den mittatlantiska ryggen, där den eurasiska och den nordamerikanska plattan glider isär.",
                "Bra byggregler och inövade övningar räddar fler liv än något varningssystem ensamt.",
            ],
            "questions": ["Varför bor människor fortfarande nära aktiva vulkaner?", "Vad ska du göra först om marken börjar skaka?", "Varför blir Island bredare för varje år?"],
            "tasks": [
                ("Pussel med plattgränser", "Grupperna klipper isär en världskarta längs plattgränserna, markerar sedan nya jordbävningar och vulkaner och beskriver mönstret de ser."),
                ("Jordbävningssäkra torn", "Lagen bygger torn av spagetti och marshmallows, testar dem på en skakande bricka och förbättrar konstruktionen efter varje test."),
            ],
        },
        "de": {
            "name": "Vulkane und Erdbeben", "about": "Vulkane und Erdbeben",
            "angles": ["Bewegte Platten unter Europa", "Leben mit Ätna und Vesuv", "Vorbereitet auf ein Erdbeben"],
            "facts": [
                "Die äußere Schale der Erde ist in Platten zerbrochen, die sich einige Zentimeter im Jahr bewegen, etwa so schnell, wie Fingernägel wachsen.",
                "Die meisten Vulkane und Erdbeben treten dort auf, wo Platten aufeinandertreffen, etwa in Island, Italien, Griechenland und auf den Azoren.",
                "Island liegt auf dem Mittelatlantischen Rücken, wo die Eurasische und die Nordamerikanische Platte auseinanderdriften.",
                "Gute Bauvorschriften und eingeübte Übungen retten mehr Leben als jedes Warnsystem allein.",
            ],
            "questions": ["Warum leben Menschen noch immer nahe an aktiven Vulkanen?", "Was solltest du zuerst tun, wenn der Boden zu beben beginnt?", "Warum wird Island jedes Jahr breiter?"],
            "tasks": [
                ("Plattengrenzen-Puzzle", "Gruppen zerschneiden eine Weltkarte entlang der Plattengrenzen, markieren dann aktuelle Erdbeben und Vulkane und beschreiben das Muster, das sie erkennen."),
                ("Erdbebensichere Türme", "Teams bauen Türme aus Spaghetti und Marshmallows, testen sie auf einem Rütteltablett und verbessern die Konstruktion nach jedem Versuch."),
            ],
        },
        "pt": {
            "name": "Vulcões e sismos", "about": "os vulcões e os sismos",
            "angles": ["As placas que se movem debaixo da Europa", "Viver com o Etna e o Vesúvio", "Preparar-se para um sismo"],
            "facts": [
                "A camada exterior da Terra está partida em placas que se movem alguns centímetros por ano, mais ou menos à velocidade a que crescem as unhas.",
                "A maioria dos vulcões e sismos ocorre onde as placas se encontram, como na Islândia, em Itália, na Grécia e nos Açores.",
                "A Islândia fica sobre a Dorsal Médio-Atlântica, onde as placas euro-asiática e norte-americana se afastam.",
                "Boas regras de construção e simulacros praticados salvam mais vidas do que qualquer sistema de alerta sozinho.",
            ],
            "questions": ["Porque é que as pessoas continuam a viver perto de vulcões ativos?", "O que deves fazer primeiro se o chão começar a tremer?", "Porque é que a Islândia fica mais larga todos os anos?"],
            "tasks": [
                ("Puzzle dos limites das placas", "Os grupos recortam um mapa-múndi pelos limites das placas, assinalam sismos e vulcões recentes e descrevem o padrão que observam."),
                ("Torres à prova de sismos", "As equipas constroem torres de esparguete e gomas, testam-nas num tabuleiro a abanar e melhoram o projeto depois de cada teste."),
            ],
        },
    },
    {
        "key": "poetry-writing", "subjects": ["mother-tongue", "arts"], "levels": [1, 2, 3],
        "tags": ["poetry", "creative writing", "haiku", "performance"],
        "en": {
            "name": "Writing poetry", "about": "writing poetry",
            "angles": ["Haiku from the schoolyard", "Poems that borrow a form", "A poetry slam in class"],
            "facts": [
                "A haiku captures a single moment in three short lines, traditionally with a hint of the season.",
                "Borrowing the form of a famous poem gives young writers a frame and frees them to focus on their own images.",
                "Reading poems aloud helps pupils hear rhythm, repetition and pauses that are easy to miss on the page.",
                "Poems from other European languages, read side by side with a translation, show how images travel across borders.",
            ],
            "questions": ["What makes a poem different from a story?", "Which sound in your language do you love most?", "Can a poem be true without rhyming?"],
            "tasks": [
                ("Haiku walk", "The class walks around the schoolyard in silence for five minutes, each pupil noting three things they see, hear and feel, and then writes a haiku from the notes."),
                ("Slam rehearsal", "In pairs, students rehearse reading their poem aloud, marking pauses and stresses, before performing it for the class."),
            ],
        },
        "sv": {
            "name": "Att skriva poesi", "about": "att skriva poesi",
            "angles": ["Haiku från skolgården", "Dikter som lånar en form", "Poetry slam i klassrummet"],
            "facts": [
                "En haiku fångar ett enda ögonblick på tre korta rader, traditionellt med en antydan om årstiden.",
                "Att låna formen från en känd dikt ger unga skribenter en ram och frigör dem att fokusera på sina egna bilder.",
                "Att läsa dikter högt hjälper eleverna att höra rytm, upprepningar och pauser som är lätta att missa på papperet.",
                "Dikter på andra europeiska språk, lästa sida vid sida med en översättning, visar hur bilder färdas över gränser.",
            ],
            "questions": ["Vad skiljer en dikt från en berättelse?", "Vilket ljud i ditt språk tycker du mest om?", "Kan en dikt vara sann utan att rimma?"],
            "tasks": [
                ("Haikupromenad", "Klassen går tyst runt skolgården i fem minuter, varje elev antecknar tre saker som hen ser, hör och känner, och skriver sedan en haiku utifrån anteckningarna."),
                ("Repetition inför slam", "Eleverna övar i par på att läsa sin dikt högt, markerar pauser och betoningar och framför den sedan för klassen."),
            ],
        },
        "de": {
            "name": "Gedichte schreiben", "about": "das Schreiben von Gedichten",
            "angles": ["Haikus vom Schulhof", "Gedichte, die sich eine Form leihen", "Ein Poetry Slam im Klassenzimmer"],
            "facts": [
                "Ein Haiku hält in drei kurzen Zeilen einen einzigen Augenblick fest, traditionell mit einem Hinweis auf die Jahreszeit.",
                "Wer sich die Form eines berühmten Gedichts leiht, hat einen Rahmen und kann sich ganz auf die eigenen Bilder konzentrieren.",
                "Lautes Vorlesen hilft, Rhythmus, Wiederholungen und Pausen zu hören, die auf dem Papier leicht übersehen werden.",
                "Gedichte aus anderen europäischen Sprachen, neben einer Übersetzung gelesen, zeigen, wie Bilder über Grenzen wandern.",
            ],
            "questions": ["Was unterscheidet ein Gedicht von einer Geschichte?", "Welchen Klang deiner Sprache magst du am liebsten?", "Kann ein Gedicht wahr sein, ohne sich zu reimen?"],
            "tasks": [
                ("Haiku-Spaziergang", "Die Klasse geht fünf Minuten schweigend über den Schulhof; jedes Kind notiert drei Dinge, die es sieht, hört und fühlt, und schreibt daraus ein Haiku."),
                ("Slam-Probe", "Zu zweit üben die Lernenden, ihr Gedicht laut vorzutragen, markieren Pausen und Betonungen und präsentieren es dann der Klasse."),
            ],
        },
        "pt": {
            "name": "Escrever poesia", "about": "a escrita de poesia",
            "angles": ["Haikus do recreio", "Poemas que pedem uma forma emprestada", "Um poetry slam na sala de aula"],
            "facts": [
                "Um haiku capta um único momento em três versos curtos, tradicionalmente com uma alusão à estação do ano.",
                "Pedir emprestada a forma de um poema famoso dá aos jovens escritores uma estrutura e deixa-os concentrar-se nas suas próprias imagens.",
                "Ler poemas em voz alta ajuda os alunos a ouvir o ritmo, as repetições e as pausas que passam despercebidas no papel.",
                "Poemas noutras línguas europeias, lidos lado a lado com uma tradução, mostram como as imagens atravessam fronteiras.",
            ],
            "questions": ["O que distingue um poema de uma história?", "Que som da tua língua preferes?", "Pode um poema ser verdadeiro sem rimar?"],
            "tasks": [
                ("Passeio do haiku", "A turma percorre o recreio em silêncio durante cinco minutos; cada aluno anota três coisas que vê, ouve e sente e depois escreve um haiku a partir das notas."),
                ("Ensaio para o slam", "Em pares, os alunos ensaiam a leitura do poema em voz alta, marcando pausas e acentos, antes de o apresentarem à turma."),
            ],
        },
    },
    {
        "key": "migration-stories", "subjects": ["history", "geography", "civics"], "levels": [2, 3],
        "tags": ["migration", "oral history", "family history", "identity"],
        "en": {
            "name": "Migration stories", "about": "migration in European history",
            "angles": ["Interviewing a family member", "Europeans who emigrated", "Why people move"],
            "facts": [
                "Between 1850 and 1930 more than a million Swedes, millions of Germans and many Portuguese emigrated, most of them to the Americas.",
                "Reasons for migration are often described as push factors such as poverty or war and pull factors such as work or family.",
                "Oral history records the memories of ordinary people, which are often missing from official documents.",
                "Almost every European family has a story of moving, whether across an ocean, a border or from the countryside to a city.",
            ],
            "questions": ["Has anyone in your family moved to another country or region?", "What would you take with you if you had to leave tomorrow?", "How do newcomers change the place they move to?"],
            "tasks": [
                ("Family interview", "Students prepare five open questions, interview an older relative or neighbour about a move in their life and write a one-page portrait."),
                ("Emigrant letters", "Groups read translated letters from Swedish, German and Portuguese emigrants and list the hopes and hardships that appear in all of them."),
            ],
        },
        "sv": {
            "name": "Berättelser om migration", "about": "migration i Europas historia",
            "angles": ["Vi intervjuar en släkting", "Européer som utvandrade", "Varför människor flyttar"],
            "facts": [
                "Mellan 1850 och 1930 utvandrade över en miljon svenskar, miljontals tyskar och många portugiser, de flesta till Amerika.",
                "Orsakerna till migration beskrivs ofta som push-faktorer som fattigdom eller krig och pull-faktorer som arbete eller familj.",
                "Muntlig historia samlar vanliga människors minnen, som ofta saknas i officiella dokument.",
                "Nästan varje europeisk familj har en berättelse om att flytta, över ett hav, en gräns eller från landsbygden till en stad.",
            ],
            "questions": ["Har någon i din familj flyttat till ett annat land eller en annan region?", "Vad skulle du ta med dig om du var tvungen att lämna allt i morgon?", "Hur förändrar nyanlända den plats de flyttar till?"],
            "tasks": [
                ("Släktintervju", "Eleverna förbereder fem öppna frågor, intervjuar en äldre släkting eller granne om en flytt i hens liv och skriver ett porträtt på en sida."),
                ("Emigrantbrev", "Grupperna läser översatta brev från svenska, tyska och portugisiska emigranter och listar de förhoppningar och svårigheter som finns i alla breven."),
            ],
        },
        "de": {
            "name": "Migrationsgeschichten", "about": "Migration in der Geschichte Europas",
            "angles": ["Ein Interview mit einem Familienmitglied", "Europäer, die auswanderten", "Warum Menschen umziehen"],
            "facts": [
                "Zwischen 1850 und 1930 wanderten über eine Million Schweden, Millionen Deutsche und viele Portugiesen aus, die meisten nach Amerika.",
                "Gründe für Migration werden oft als Push-Faktoren wie Armut oder Krieg und Pull-Faktoren wie Arbeit oder Familie beschrieben.",
                "Oral History hält die Erinnerungen gewöhnlicher Menschen fest, die in offiziellen Dokumenten oft fehlen.",
                "Fast jede europäische Familie kennt eine Geschichte vom Umziehen, ob über einen Ozean, eine Grenze oder vom Land in die Stadt.",
            ],
            "questions": ["Ist jemand in deiner Familie in ein anderes Land oder eine andere Region gezogen?", "Was würdest du mitnehmen, wenn du morgen gehen müsstest?", "Wie verändern Neuankömmlinge den Ort, an den sie ziehen?"],
            "tasks": [
                ("Familieninterview", "Die Lernenden bereiten fünf offene Fragen vor, befragen ein älteres Familienmitglied oder eine Nachbarin zu einem Umzug in ihrem Leben und schreiben ein einseitiges Porträt."),
                ("Auswandererbriefe", "Gruppen lesen übersetzte Briefe schwedischer, deutscher und portugiesischer Auswanderer und listen die Hoffnungen und Nöte auf, die in allen vorkommen."),
            ],
        },
        "pt": {
            "name": "Histórias de migração", "about": "as migrações na história da Europa",
            "angles": ["Entrevistar um familiar", "Europeus que emigraram", "Porque é que as pessoas partem"],
            "facts": [
                "Entre 1850 e 1930 emigraram mais de um milhão de suecos, milhões de alemães e muitos portugueses, a maioria para as Américas.",
                "As razões para migrar descrevem-se muitas vezes como fatores repulsivos, como a pobreza ou a guerra, e fatores atrativos, como o trabalho ou a família.",
                "A história oral regista as memórias de pessoas comuns, que muitas vezes faltam nos documentos oficiais.",
                "Quase todas as famílias europeias têm uma história de partida, seja através de um oceano, de uma fronteira ou do campo para a cidade.",
            ],
            "questions": ["Alguém da tua família mudou de país ou de região?", "O que levarias contigo se tivesses de partir amanhã?", "Como mudam os recém-chegados o lugar para onde vão?"],
            "tasks": [
                ("Entrevista familiar", "Os alunos preparam cinco perguntas abertas, entrevistam um familiar ou vizinho mais velho sobre uma mudança na sua vida e escrevem um retrato de uma página."),
                ("Cartas de emigrantes", "Os grupos leem cartas traduzidas de emigrantes suecos, alemães e portugueses e registam as esperanças e dificuldades comuns a todas elas."),
            ],
        },
    },
]
