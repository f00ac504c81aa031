"""Demo topic clusters in science, mathematics and computing, written in the four site languages.

Each language holds the same facts, questions and tasks, so materials built
from them in different languages are true translations of each other.
"""

TOPICS = [
    {
        "key": "photosynthesis", "subjects": ["biology"], "levels": [1, 2, 3],
        "tags": ["photosynthesis", "plants", "carbon dioxide", "experiment"],
        "en": {
            "name": "Photosynthesis", "about": "photosynthesis",
            "angles": ["How plants make their food", "Light, leaves and starch", "Photosynthesis and the air we breathe"],
            "facts": [
                "Plants take in carbon dioxide through tiny openings in their leaves and water through their roots.",
                "Chlorophyll in the leaves captures the energy of sunlight and uses it to build sugar.",
                "Oxygen is released as a by-product, which is why forests and algae matter for the air we breathe.",
                "Plants store part of the sugar as starch, which can be shown with an iodine test on a leaf.",
            ],
            "questions": ["Where does the mass of a tree come from?", "Why do leaves of most plants look green?", "What would happen to a plant kept in the dark for a week?"],
            "tasks": [
                ("Leaves in the light and in the dark", "Cover half of a leaf on a potted plant with foil for two days. Then test both halves with iodine solution and compare the colours."),
                ("Bubbles from pondweed", "Place pondweed in water under a lamp and count the oxygen bubbles per minute at three different distances from the light."),
            ],
        },
        "sv": {
            "name": "Fotosyntes", "about": "fotosyntes",
            "angles": ["Hur växter tillverkar sin näring", "Ljus, blad och stärkelse", "Fotosyntesen och luften vi andas"],
            "facts": [
                "Växter tar upp koldioxid genom små öppningar i bladen och vatten genom rötterna.",
                "Klorofyllet i bladen fångar solljusets energi och använder den för att bygga socker.",
                "Syre bildas som en biprodukt, och därför är skogar och alger viktiga för luften vi andas.",
                "Växter lagrar en del av sockret som stärkelse, vilket kan visas med ett jodtest på ett blad.",
            ],
            "questions": ["Varifrån kommer ett träds massa?", "Varför ser bladen på de flesta växter gröna ut?", "Vad skulle hända med en växt som står i mörker i en vecka?"],
            "tasks": [
                ("Blad i ljus och mörker", "Täck halva bladet på en krukväxt med folie i två dagar. Testa sedan båda halvorna med jodlösning och jämför färgerna."),
                ("Bubblor från vattenpest", "Lägg vattenpest i vatten under en lampa och räkna syrgasbubblorna per minut på tre olika avstånd från ljuset."),
            ],
        },
        "de": {
            "name": "Fotosynthese", "about": "die Fotosynthese",
            "angles": ["Wie Pflanzen ihre Nahrung herstellen", "Licht, Blätter und Stärke", "Die Fotosynthese und die Luft zum Atmen"],
            "facts": [
                "Pflanzen nehmen Kohlenstoffdioxid durch winzige Öffnungen in den Blättern auf und Wasser über die Wurzeln.",
                "Das Chlorophyll in den Blättern fängt die Energie des Sonnenlichts ein und nutzt sie, um Zucker aufzubauen.",
                "Als Nebenprodukt entsteht Sauerstoff; deshalb sind Wälder und Algen wichtig für die Luft, die wir atmen.",
                "Pflanzen speichern einen Teil des Zuckers als Stärke, was sich mit einer Iodprobe an einem Blatt zeigen lässt.",
            ],
            "questions": ["Woher kommt die Masse eines Baumes?", "Warum sehen die Blätter der meisten Pflanzen grün aus?", "Was würde mit einer Pflanze passieren, die eine Woche im Dunkeln steht?"],
            "tasks": [
                ("Blätter im Licht und im Dunkeln", "Decken Sie die Hälfte eines Blattes einer Topfpflanze zwei Tage lang mit Alufolie ab. Prüfen Sie dann beide Hälften mit Iodlösung und vergleichen Sie die Farben."),
                ("Bläschen an der Wasserpest", "Stellen Sie Wasserpest in Wasser unter eine Lampe und zählen Sie die Sauerstoffbläschen pro Minute bei drei verschiedenen Abständen zum Licht."),
            ],
        },
        "pt": {
            "name": "Fotossíntese", "about": "a fotossíntese",
            "angles": ["Como as plantas produzem o seu alimento", "Luz, folhas e amido", "A fotossíntese e o ar que respiramos"],
            "facts": [
                "As plantas absorvem dióxido de carbono por pequenas aberturas nas folhas e água pelas raízes.",
                "A clorofila das folhas capta a energia da luz solar e usa-a para produzir açúcar.",
                "O oxigénio é libertado como subproduto, e é por isso que as florestas e as algas são importantes para o ar que respiramos.",
                "As plantas guardam parte do açúcar sob a forma de amido, o que se pode mostrar com um teste de iodo numa folha.",
            ],
            "questions": ["De onde vem a massa de uma árvore?", "Porque é que as folhas da maioria das plantas parecem verdes?", "O que aconteceria a uma planta guardada no escuro durante uma semana?"],
            "tasks": [
                ("Folhas à luz e no escuro", "Cubra metade de uma folha de uma planta em vaso com papel de alumínio durante dois dias. Depois teste as duas metades com solução de iodo e compare as cores."),
                ("Bolhas da elódea", "Coloque elódea em água debaixo de um candeeiro e conte as bolhas de oxigénio por minuto a três distâncias diferentes da luz."),
            ],
        },
    },
    {
        "key": "climate-and-water", "subjects": ["geography", "sustainability"], "levels": [1, 2, 3],
        "tags": ["water cycle", "climate change", "drought", "rivers"],
        "en": {
            "name": "Climate and water", "about": "the water cycle in a changing climate",
            "angles": ["The water cycle in our own town", "Droughts and floods in Europe", "Measuring rain at school"],
            "facts": [
                "Water evaporates from seas and lakes, condenses into clouds and falls again as rain or snow.",
                "A warmer atmosphere holds more water vapour, so heavy rain becomes more intense in many regions.",
                "Southern Europe is facing longer droughts, while parts of the north receive more winter rain.",
                "Wetlands, green roofs and trees slow down rainwater and reduce the risk of floods in towns.",
            ],
            "questions": ["Where does the water in our tap come from?", "Why can the same summer bring both drought and floods?", "How could our schoolyard hold more rainwater?"],
            "tasks": [
                ("A rain gauge on the schoolyard", "Build a simple rain gauge from a plastic bottle, record the rainfall every day for two weeks and compare the data with a partner school in another country."),
                ("Mapping water in the neighbourhood", "Walk around the school with a map and mark where rainwater flows, where it collects and where it disappears into drains."),
            ],
        },
        "sv": {
            "name": "Klimat och vatten", "about": "vattnets kretslopp i ett förändrat klimat",
            "angles": ["Vattnets kretslopp i vår egen stad", "Torka och översvämningar i Europa", "Vi mäter regn på skolan"],
            "facts": [
                "Vatten avdunstar från hav och sjöar, kondenseras till moln och faller igen som regn eller snö.",
                "En varmare atmosfär rymmer mer vattenånga, så kraftiga regn blir intensivare i många regioner.",
                "Södra Europa drabbas av längre perioder av torka, medan delar av norra Europa får mer regn på vintern.",
                "Våtmarker, gröna tak och träd bromsar regnvattnet och minskar risken för översvämningar i städer.",
            ],
            "questions": ["Varifrån kommer vattnet i vår kran?", "Hur kan samma sommar ge både torka och översvämningar?", "Hur skulle vår skolgård kunna ta hand om mer regnvatten?"],
            "tasks": [
                ("En regnmätare på skolgården", "Bygg en enkel regnmätare av en plastflaska, anteckna nederbörden varje dag i två veckor och jämför med en partnerskola i ett annat land."),
                ("Vi kartlägger vattnet i närområdet", "Gå runt skolan med en karta och markera var regnvattnet rinner, var det samlas och var det försvinner ner i brunnar."),
            ],
        },
        "de": {
            "name": "Klima und Wasser", "about": "den Wasserkreislauf in einem sich wandelnden Klima",
            "angles": ["Der Wasserkreislauf in unserer Stadt", "Dürren und Hochwasser in Europa", "Wir messen Regen an der Schule"],
            "facts": [
                "Wasser verdunstet aus Meeren und Seen, kondensiert zu Wolken und fällt als Regen oder Schnee wieder herab.",
                "Eine wärmere Atmosphäre kann mehr Wasserdampf aufnehmen, deshalb werden Starkregen in vielen Regionen heftiger.",
                "Südeuropa erlebt längere Dürren, während Teile des Nordens im Winter mehr Regen bekommen.",
                "Feuchtgebiete, begrünte Dächer und Bäume bremsen das Regenwasser und verringern die Hochwassergefahr in Städten.",
            ],
            "questions": ["Woher kommt das Wasser aus unserem Wasserhahn?", "Wie kann derselbe Sommer sowohl Dürre als auch Hochwasser bringen?", "Wie könnte unser Schulhof mehr Regenwasser aufnehmen?"],
            "tasks": [
                ("Ein Regenmesser auf dem Schulhof", "Bauen Sie aus einer Plastikflasche einen einfachen Regenmesser, notieren Sie zwei Wochen lang täglich die Niederschlagsmenge und vergleichen Sie die Daten mit einer Partnerschule in einem anderen Land."),
                ("Wasser in der Nachbarschaft kartieren", "Gehen Sie mit einer Karte um die Schule und markieren Sie, wo Regenwasser fließt, wo es sich sammelt und wo es in Gullys verschwindet."),
            ],
        },
        "pt": {
            "name": "Clima e água", "about": "o ciclo da água num clima em mudança",
            "angles": ["O ciclo da água na nossa cidade", "Secas e cheias na Europa", "Medir a chuva na escola"],
            "facts": [
                "A água evapora-se dos mares e lagos, condensa-se em nuvens e volta a cair como chuva ou neve.",
                "Uma atmosfera mais quente retém mais vapor de água, por isso as chuvas fortes tornam-se mais intensas em muitas regiões.",
                "O sul da Europa enfrenta secas mais longas, enquanto partes do norte recebem mais chuva no inverno.",
                "As zonas húmidas, os telhados verdes e as árvores abrandam a água da chuva e reduzem o risco de cheias nas cidades.",
            ],
            "questions": ["De onde vem a água da nossa torneira?", "Como pode o mesmo verão trazer secas e cheias?", "Como poderia o recreio da escola reter mais água da chuva?"],
            "tasks": [
                ("Um pluviómetro no recreio", "Construam um pluviómetro simples com uma garrafa de plástico, registem a precipitação todos os dias durante duas semanas e comparem os dados com uma escola parceira de outro país."),
                ("Mapear a água no bairro", "Deem uma volta à escola com um mapa e assinalem por onde corre a água da chuva, onde se acumula e onde desaparece nas sarjetas."),
            ],
        },
    },
    {
        "key": "fractions", "subjects": ["mathematics"], "levels": [1, 2],
        "tags": ["fractions", "number sense", "manipulatives", "cooking"],
        "en": {
            "name": "Fractions", "about": "fractions",
            "angles": ["Sharing pizzas fairly", "Fractions on the number line", "Fractions in the kitchen"],
            "facts": [
                "A fraction describes equal parts of a whole: the denominator says how many parts, the numerator how many we take.",
                "Equivalent fractions such as one half and two quarters name the same amount in different ways.",
                "On a number line, fractions fill the gaps between whole numbers, which helps pupils compare their size.",
                "Recipes are a natural place for fractions, because doubling or halving a recipe means calculating with parts.",
            ],
            "questions": ["Is one third of a pizza more or less than one quarter?", "How many ways can you write one half?", "Where between 0 and 1 would you put three fifths?"],
            "tasks": [
                ("Paper pizzas", "Give each pair paper circles to fold and cut into halves, quarters and eighths. Pupils then find as many ways as possible to make one whole."),
                ("Halving a recipe", "Groups receive a pancake recipe for eight people and rewrite it for four and for twelve people, explaining each calculation."),
            ],
        },
        "sv": {
            "name": "Bråk", "about": "bråk",
            "angles": ["Vi delar pizzor rättvist", "Bråk på tallinjen", "Bråk i köket"],
            "facts": [
                "Ett bråk beskriver lika stora delar av en helhet: nämnaren visar hur många delar det finns och täljaren hur många vi tar.",
                "Likvärdiga bråk som en halv och två fjärdedelar är samma mängd skriven på olika sätt.",
                "På tallinjen fyller bråken ut mellanrummen mellan heltalen, vilket hjälper eleverna att jämföra deras storlek.",
                "Recept är ett naturligt sammanhang för bråk, eftersom man räknar med delar när man dubblerar eller halverar ett recept.",
            ],
            "questions": ["Är en tredjedel av en pizza mer eller mindre än en fjärdedel?", "På hur många sätt kan du skriva en halv?", "Var mellan 0 och 1 skulle du placera tre femtedelar?"],
            "tasks": [
                ("Pizzor av papper", "Ge varje par pappcirklar att vika och klippa i halvor, fjärdedelar och åttondelar. Eleverna hittar sedan så många sätt som möjligt att bilda en hel."),
                ("Vi halverar ett recept", "Grupperna får ett pannkaksrecept för åtta personer och skriver om det för fyra och för tolv personer, och förklarar varje beräkning."),
            ],
        },
        "de": {
            "name": "Brüche", "about": "Brüche",
            "angles": ["Pizzas gerecht teilen", "Brüche am Zahlenstrahl", "Brüche in der Küche"],
            "facts": [
                "Ein Bruch beschreibt gleich große Teile eines Ganzen: Der Nenner sagt, wie viele Teile es gibt, der Zähler, wie viele wir nehmen.",
                "Gleichwertige Brüche wie ein Halb und zwei Viertel bezeichnen dieselbe Menge auf verschiedene Weise.",
                "Am Zahlenstrahl füllen Brüche die Lücken zwischen den ganzen Zahlen, was beim Vergleichen ihrer Größe hilft.",
                "Rezepte sind ein natürlicher Anlass für Brüche, denn wer ein Rezept verdoppelt oder halbiert, rechnet mit Teilen.",
            ],
            "questions": ["Ist ein Drittel einer Pizza mehr oder weniger als ein Viertel?", "Auf wie viele Arten kannst du ein Halb schreiben?", "Wo zwischen 0 und 1 würdest du drei Fünftel eintragen?"],
            "tasks": [
                ("Papierpizzas", "Jedes Paar erhält Papierkreise, die es in Halbe, Viertel und Achtel faltet und schneidet. Dann suchen die Kinder möglichst viele Wege, ein Ganzes zu legen."),
                ("Ein Rezept halbieren", "Die Gruppen erhalten ein Pfannkuchenrezept für acht Personen und schreiben es für vier und für zwölf Personen um, wobei sie jede Rechnung erklären."),
            ],
        },
        "pt": {
            "name": "Frações", "about": "as frações",
            "angles": ["Partilhar pizas de forma justa", "Frações na reta numérica", "Frações na cozinha"],
            "facts": [
                "Uma fração descreve partes iguais de um todo: o denominador indica em quantas partes se divide e o numerador quantas se tomam.",
                "Frações equivalentes, como um meio e dois quartos, representam a mesma quantidade de maneiras diferentes.",
                "Na reta numérica, as frações preenchem os espaços entre os números inteiros, o que ajuda os alunos a comparar o seu tamanho.",
                "As receitas são um contexto natural para as frações, porque duplicar ou reduzir uma receita para metade obriga a calcular com partes.",
            ],
            "questions": ["Um terço de uma piza é mais ou menos do que um quarto?", "De quantas maneiras podes escrever um meio?", "Onde colocarias três quintos entre 0 e 1?"],
            "tasks": [
                ("Pizas de papel", "Cada par recebe círculos de papel para dobrar e cortar em metades, quartos e oitavos. Depois os alunos procuram o maior número possível de maneiras de formar uma unidade."),
                ("Reduzir uma receita para metade", "Os grupos recebem uma receita de panquecas para oito pessoas e reescrevem-na para quatro e para doze pessoas, explicando cada cálculo."),
            ],
        },
    },
    {
        "key": "scratch-programming", "subjects": ["computing", "mathematics"], "levels": [1, 2],
        "tags": ["Scratch", "programming", "algorithms", "coding"],
        "en": {
            "name": "Programming with Scratch", "about": "programming with Scratch",
            "angles": ["Your first animated story", "Loops and patterns", "A quiz game with variables"],
            "facts": [
                "Scratch is a free block-based programming language in which programs are built by snapping blocks together.",
                "A loop repeats a group of blocks, so pupils can draw patterns or move a character without copying code.",
                "Variables store values such as a score, which lets a program react to what the player does.",
                "Reading someone else's project and changing it, called remixing, is one of the best ways to learn.",
            ],
            "questions": ["What is the difference between a program and an algorithm?", "How could you draw a square with fewer blocks?", "Why does a game need to remember the score?"],
            "tasks": [
                ("An animated greeting", "Pupils make a sprite introduce itself in three languages, using say blocks, waits and a costume change, and then swap projects with a partner to remix them."),
                ("Debugging detectives", "Give pairs a project with three hidden mistakes. They run it, describe what goes wrong and fix each mistake, writing down how they found it."),
            ],
        },
        "sv": {
            "name": "Programmering med Scratch", "about": "programmering med Scratch",
            "angles": ["Din första animerade berättelse", "Loopar och mönster", "Ett frågespel med variabler"],
            "facts": [
                "Scratch är ett gratis blockbaserat programmeringsspråk där program byggs genom att block fästs ihop.",
                "En loop upprepar en grupp block, så eleverna kan rita mönster eller flytta en figur utan att kopiera kod.",
                "Variabler lagrar värden som poängen, vilket gör att programmet kan reagera på vad spelaren gör.",
                "Att läsa någon annans projekt och ändra det, att remixa, är ett av de bästa sätten att lära sig.",
            ],
            "questions": ["Vad är skillnaden mellan ett program och en algoritm?", "Hur kan du rita en kvadrat med färre block?", "Varför behöver ett spel komma ihåg poängen?"],
            "tasks": [
                ("En animerad hälsning", "Eleverna låter en sprajt presentera sig på tre språk med säg-block, väntan och byte av klädsel, och byter sedan projekt med en kamrat för att remixa dem."),
                ("Felsökningsdetektiver", "Ge paren ett projekt med tre dolda fel. De kör det, beskriver vad som går snett och rättar varje fel, och skriver ner hur de hittade det."),
            ],
        },
        "de": {
            "name": "Programmieren mit Scratch", "about": "das Programmieren mit Scratch",
            "angles": ["Deine erste animierte Geschichte", "Schleifen und Muster", "Ein Quizspiel mit Variablen"],
            "facts": [
                "Scratch ist eine kostenlose blockbasierte Programmiersprache, in der Programme durch Zusammenstecken von Blöcken entstehen.",
                "Eine Schleife wiederholt eine Gruppe von Blöcken, sodass Kinder Muster zeichnen oder Figuren bewegen können, ohne Code zu kopieren.",
                "Variablen speichern Werte wie den Punktestand, damit ein Programm auf das Verhalten der Spielenden reagieren kann.",
                "Ein fremdes Projekt zu lesen und zu verändern, das sogenannte Remixen, ist einer der besten Wege zu lernen.",
            ],
            "questions": ["Was ist der Unterschied zwischen einem Programm und einem Algorithmus?", "Wie könntest du ein Quadrat mit weniger Blöcken zeichnen?", "Warum muss sich ein Spiel den Punktestand merken?"],
            "tasks": [
                ("Eine animierte Begrüßung", "Die Kinder lassen eine Figur sich in drei Sprachen vorstellen, mit Sage-Blöcken, Pausen und einem Kostümwechsel, und tauschen dann die Projekte mit einem Partner zum Remixen."),
                ("Fehlerdetektive", "Geben Sie den Paaren ein Projekt mit drei versteckten Fehlern. Sie starten es, beschreiben, was schiefgeht, beheben jeden Fehler und notieren, wie sie ihn gefunden haben."),
            ],
        },
        "pt": {
            "name": "Programar com Scratch", "about": "a programação com Scratch",
            "angles": ["A tua primeira história animada", "Ciclos e padrões", "Um jogo de perguntas com variáveis"],
            "facts": [
                "O Scratch é uma linguagem de programação gratuita baseada em blocos, em que os programas se constroem encaixando blocos.",
                "Um ciclo repete um grupo de blocos, para que os alunos possam desenhar padrões ou mover uma personagem sem copiar código.",
                "As variáveis guardam valores como a pontuação, o que permite ao programa reagir ao que o jogador faz.",
                "Ler o projeto de outra pessoa e alterá-lo, a chamada remistura, é uma das melhores maneiras de aprender.",
            ],
            "questions": ["Qual é a diferença entre um programa e um algoritmo?", "Como poderias desenhar um quadrado com menos blocos?", "Porque é que um jogo precisa de se lembrar da pontuação?"],
            "tasks": [
                ("Uma saudação animada", "Os alunos põem um ator a apresentar-se em três línguas, usando blocos de dizer, pausas e uma mudança de traje, e depois trocam de projeto com um colega para o remisturar."),
                ("Detetives de erros", "Dê aos pares um projeto com três erros escondidos. Eles executam-no, descrevem o que corre mal e corrigem cada erro, registando como o encontraram."),
            ],
        },
    },
    {
        "key": "renewable-energy", "subjects": ["physics", "sustainability"], "levels": [2, 3],
        "tags": ["energy", "solar power", "wind power", "climate change"],
        "en": {
            "name": "Renewable energy", "about": "renewable energy",
            "angles": ["Sun, wind and water", "An energy audit of our school", "Building a model wind turbine"],
            "facts": [
                "Renewable energy comes from sources that are naturally replenished, such as sunlight, wind, flowing water and heat from the ground.",
                "Solar panels turn light directly into electricity, while wind turbines use a generator driven by moving air.",
                "Because the sun and wind vary, electricity grids need storage and cooperation between countries to balance supply.",
                "Saving energy is often the cheapest way to cut emissions, for example by insulating buildings and switching off devices.",
            ],
            "questions": ["Which of our energy sources will still exist in a thousand years?", "Why is electricity more expensive on a calm, dark winter evening?", "Where does our school lose the most energy?"],
            "tasks": [
                ("Energy detectives", "Teams measure the temperature near windows and doors, count lights left on and read the electricity meter, then present three savings to the head teacher."),
                ("Blades that work best", "Groups build a small turbine from card and a toy motor, test blades of different shapes in front of a fan and measure the voltage produced."),
            ],
        },
        "sv": {
            "name": "Förnybar energi", "about": "förnybar energi",
            "angles": ["Sol, vind och vatten", "En energikartläggning av vår skola", "Vi bygger ett modellvindkraftverk"],
            "facts": [
                "Förnybar energi kommer från källor som naturligt fylls på, som solljus, vind, strömmande vatten och värme från marken.",
                "Solceller omvandlar ljus direkt till el, medan vindkraftverk driver en generator med hjälp av luft i rörelse.",
                "Eftersom sol och vind varierar behöver elnäten energilager och samarbete mellan länder för att balansera tillgången.",
                "Att spara energi är ofta det billigaste sättet att minska utsläppen, till exempel genom att isolera byggnader och stänga av apparater.",
            ],
            "questions": ["Vilka av våra energikällor finns kvar om tusen år?", "Varför är elen dyrare en vindstilla, mörk vinterkväll?", "Var förlorar vår skola mest energi?"],
            "tasks": [
                ("Energidetektiver", "Lagen mäter temperaturen vid fönster och dörrar, räknar lampor som lämnats tända och läser av elmätaren, och presenterar sedan tre besparingar för rektorn."),
                ("Vilka vingar fungerar bäst?", "Grupperna bygger ett litet vindkraftverk av kartong och en leksaksmotor, testar vingar med olika former framför en fläkt och mäter spänningen."),
            ],
        },
        "de": {
            "name": "Erneuerbare Energie", "about": "erneuerbare Energien",
            "angles": ["Sonne, Wind und Wasser", "Ein Energiecheck unserer Schule", "Wir bauen ein Windrad-Modell"],
            "facts": [
                "Erneuerbare Energie stammt aus Quellen, die sich auf natürliche Weise erneuern, etwa Sonnenlicht, Wind, fließendes Wasser und Erdwärme.",
                "Solarzellen wandeln Licht direkt in Strom um, während Windräder einen Generator mit bewegter Luft antreiben.",
                "Weil Sonne und Wind schwanken, brauchen Stromnetze Speicher und die Zusammenarbeit zwischen Ländern, um das Angebot auszugleichen.",
                "Energie zu sparen ist oft der günstigste Weg, Emissionen zu senken, zum Beispiel durch Dämmung von Gebäuden und das Abschalten von Geräten.",
            ],
            "questions": ["Welche unserer Energiequellen wird es in tausend Jahren noch geben?", "Warum ist Strom an einem windstillen, dunklen Winterabend teurer?", "Wo verliert unsere Schule am meisten Energie?"],
            "tasks": [
                ("Energiedetektive", "Teams messen die Temperatur an Fenstern und Türen, zählen brennende Lampen und lesen den Stromzähler ab; dann stellen sie der Schulleitung drei Sparvorschläge vor."),
                ("Welche Flügel funktionieren am besten?", "Gruppen bauen aus Pappe und einem Spielzeugmotor ein kleines Windrad, testen unterschiedlich geformte Flügel vor einem Ventilator und messen die erzeugte Spannung."),
            ],
        },
        "pt": {
            "name": "Energias renováveis", "about": "as energias renováveis",
            "angles": ["Sol, vento e água", "Uma auditoria energética à nossa escola", "Construir um modelo de aerogerador"],
            "facts": [
                "A energia renovável provém de fontes que se renovam naturalmente, como a luz solar, o vento, a água em movimento e o calor da terra.",
                "Os painéis solares transformam a luz diretamente em eletricidade, enquanto os aerogeradores usam um gerador movido pelo ar em movimento.",
                "Como o sol e o vento variam, as redes elétricas precisam de armazenamento e de cooperação entre países para equilibrar a oferta.",
                "Poupar energia é muitas vezes a forma mais barata de reduzir emissões, por exemplo isolando edifícios e desligando aparelhos.",
            ],
            "questions": ["Quais das nossas fontes de energia ainda existirão daqui a mil anos?", "Porque é que a eletricidade é mais cara numa noite de inverno escura e sem vento?", "Onde é que a nossa escola perde mais energia?"],
            "tasks": [
                ("Detetives da energia", "As equipas medem a temperatura junto às janelas e portas, contam as luzes acesas sem necessidade e leem o contador, e depois apresentam três medidas de poupança à direção."),
                ("Que pás funcionam melhor?", "Os grupos constroem um pequeno aerogerador com cartão e um motor de brinquedo, testam pás de formas diferentes em frente a uma ventoinha e medem a tensão produzida."),
            ],
        },
    },
    {
        "key": "pollinators", "subjects": ["biology", "sustainability"], "levels": [0, 1, 2],
        "tags": ["biodiversity", "bees", "pollinators", "outdoor learning"],
        "en": {
            "name": "Bees and other pollinators", "about": "bees and other pollinators",
            "angles": ["Who visits our flowers?", "A bee hotel for the schoolyard", "Why biodiversity matters"],
            "facts": [
                "Pollinators such as bees, hoverflies and butterflies carry pollen from flower to flower, which allows plants to form seeds and fruit.",
                "Most of Europe's bee species are solitary bees that nest in the ground or in hollow stems rather than in hives.",
                "Pollinators are declining because of habitat loss, pesticides and a changing climate.",
                "A strip of wild flowers or a pile of dead wood can turn a schoolyard into a small nature reserve.",
            ],
            "questions": ["Which fruit would disappear from our lunch without pollinators?", "How is a hoverfly different from a bee?", "What could our school plant to help insects?"],
            "tasks": [
                ("Ten-minute flower count", "In pairs, pupils watch one flowering patch for ten minutes, tally every insect visit by type and add their results to a class chart."),
                ("Building a bee hotel", "The class fills a wooden box with bamboo stems and drilled logs, places it in a sunny spot and checks every week which holes have been sealed."),
            ],
        },
        "sv": {
            "name": "Bin och andra pollinerare", "about": "bin och andra pollinerare",
            "angles": ["Vem besöker våra blommor?", "Ett bihotell på skolgården", "Därför är biologisk mångfald viktig"],
            "facts": [
                "Pollinerare som bin, blomflugor och fjärilar för pollen från blomma till blomma, så att växterna kan bilda frön och frukt.",
                "De flesta biarter i Europa är solitära bin som bygger bo i marken eller i ihåliga stjälkar i stället för i kupor.",
                "Pollinerarna blir färre på grund av förlorade livsmiljöer, bekämpningsmedel och ett förändrat klimat.",
                "En remsa med vilda blommor eller en hög med död ved kan göra en skolgård till ett litet naturreservat.",
            ],
            "questions": ["Vilka frukter skulle försvinna från vår lunch utan pollinerare?", "Hur skiljer sig en blomfluga från ett bi?", "Vad skulle vår skola kunna plantera för att hjälpa insekterna?"],
            "tasks": [
                ("Tio minuters blomräkning", "Eleverna iakttar i par en blommande yta i tio minuter, för streck för varje insektsbesök efter sort och för in resultatet i klassens diagram."),
                ("Vi bygger ett bihotell", "Klassen fyller en trälåda med bamburör och borrade vedträn, placerar den på en solig plats och kontrollerar varje vecka vilka hål som har förseglats."),
            ],
        },
        "de": {
            "name": "Bienen und andere Bestäuber", "about": "Bienen und andere Bestäuber",
            "angles": ["Wer besucht unsere Blumen?", "Ein Insektenhotel für den Schulhof", "Warum Artenvielfalt wichtig ist"],
            "facts": [
                "Bestäuber wie Bienen, Schwebfliegen und Schmetterlinge tragen Pollen von Blüte zu Blüte, sodass Pflanzen Samen und Früchte bilden können.",
                "Die meisten Bienenarten Europas sind Wildbienen, die allein im Boden oder in hohlen Stängeln nisten statt in Bienenstöcken.",
                "Bestäuber gehen durch den Verlust von Lebensräumen, Pestizide und den Klimawandel zurück.",
                "Ein Streifen Wildblumen oder ein Haufen Totholz kann einen Schulhof in ein kleines Naturschutzgebiet verwandeln.",
            ],
            "questions": ["Welches Obst würde ohne Bestäuber aus unserem Pausenbrot verschwinden?", "Wie unterscheidet sich eine Schwebfliege von einer Biene?", "Was könnte unsere Schule pflanzen, um Insekten zu helfen?"],
            "tasks": [
                ("Zehn Minuten Blütenzählung", "Zu zweit beobachten die Kinder zehn Minuten lang eine blühende Fläche, machen für jeden Insektenbesuch nach Art einen Strich und tragen die Ergebnisse in ein Klassendiagramm ein."),
                ("Wir bauen ein Insektenhotel", "Die Klasse füllt eine Holzkiste mit Bambusröhrchen und angebohrten Holzklötzen, stellt sie an einen sonnigen Platz und prüft jede Woche, welche Löcher verschlossen wurden."),
            ],
        },
        "pt": {
            "name": "Abelhas e outros polinizadores", "about": "as abelhas e os outros polinizadores",
            "angles": ["Quem visita as nossas flores?", "Um hotel de abelhas para o recreio", "Porque é importante a biodiversidade"],
            "facts": [
                "Os polinizadores, como as abelhas, os sirfídeos e as borboletas, levam o pólen de flor em flor, o que permite às plantas formar sementes e frutos.",
                "A maioria das espécies de abelhas da Europa são abelhas solitárias que fazem ninho no solo ou em caules ocos, e não em colmeias.",
                "Os polinizadores estão a diminuir devido à perda de habitats, aos pesticidas e às alterações climáticas.",
                "Uma faixa de flores silvestres ou um monte de madeira morta pode transformar o recreio numa pequena reserva natural.",
            ],
            "questions": ["Que frutos desapareceriam do nosso lanche sem polinizadores?", "Em que é que um sirfídeo é diferente de uma abelha?", "O que poderia a nossa escola plantar para ajudar os insetos?"],
            "tasks": [
                ("Dez minutos a contar visitas", "Em pares, os alunos observam um canteiro florido durante dez minutos, registam cada visita de inseto por tipo e juntam os resultados num gráfico da turma."),
                ("Construir um hotel de abelhas", "A turma enche uma caixa de madeira com canas de bambu e troncos furados, coloca-a num sítio soalheiro e verifica todas as semanas que buracos foram selados."),
            ],
        },
    },
    {
        "key": "probability", "subjects": ["mathematics"], "levels": [2, 3],
        "tags": ["probability", "statistics", "dice", "games of chance"],
        "en": {
            "name": "Probability", "about": "probability",
            "angles": ["Is this game fair?", "Dice, coins and experiments", "Probability in the news"],
            "facts": [
                "Probability measures how likely an event is, on a scale from 0 for impossible to 1 for certain.",
                "When outcomes are equally likely, the probability is the number of favourable outcomes divided by the number of all outcomes.",
                "With many repetitions, the relative frequency of an outcome gets closer to its probability, which is called the law of large numbers.",
                "News reports often confuse a small absolute risk with a large relative risk, so students should ask what the numbers compare.",
            ],
            "questions": ["Is a six harder to roll than a three?", "After five heads in a row, is tails more likely?", "What does a 30 per cent chance of rain actually mean?"],
            "tasks": [
                ("Two dice, one sum", "Pairs roll two dice fifty times, record the sums and compare their bar chart with the class total and with the theoretical distribution."),
                ("Design an unfair game", "Groups invent a dice game that looks fair but is not, then challenge another group to find the trick and calculate the real chances."),
            ],
        },
        "sv": {
            "name": "Sannolikhet", "about": "sannolikhet",
            "angles": ["Är spelet rättvist?", "Tärningar, mynt och försök", "Sannolikhet i nyheterna"],
            "facts": [
                "Sannolikhet anger hur troligt något är, på en skala från 0 för omöjligt till 1 för säkert.",
                "När alla utfall är lika troliga är sannolikheten antalet gynnsamma utfall delat med antalet möjliga utfall.",
                "Vid många upprepningar närmar sig den relativa frekvensen sannolikheten, vilket kallas de stora talens lag.",
                "Nyheter blandar ofta ihop en liten absolut risk med en stor relativ risk, så eleverna bör fråga vad siffrorna jämför.",
            ],
            "questions": ["Är det svårare att slå en sexa än en trea?", "Är krona mer troligt efter fem klave i rad?", "Vad betyder egentligen 30 procents risk för regn?"],
            "tasks": [
                ("Två tärningar, en summa", "Paren slår två tärningar femtio gånger, antecknar summorna och jämför sitt stapeldiagram med klassens sammanlagda resultat och med den teoretiska fördelningen."),
                ("Konstruera ett orättvist spel", "Grupperna hittar på ett tärningsspel som ser rättvist ut men inte är det, och utmanar sedan en annan grupp att hitta knepet och räkna ut de verkliga chanserna."),
            ],
        },
        "de": {
            "name": "Wahrscheinlichkeit", "about": "die Wahrscheinlichkeitsrechnung",
            "angles": ["Ist dieses Spiel fair?", "Würfel, Münzen und Experimente", "Wahrscheinlichkeit in den Nachrichten"],
            "facts": [
                "Die Wahrscheinlichkeit gibt an, wie wahrscheinlich ein Ereignis ist, auf einer Skala von 0 für unmöglich bis 1 für sicher.",
                "Sind alle Ergebnisse gleich wahrscheinlich, ist die Wahrscheinlichkeit die Zahl der günstigen geteilt durch die Zahl aller Ergebnisse.",
                "Bei vielen Wiederholungen nähert sich die relative Häufigkeit der Wahrscheinlichkeit an; das nennt man das Gesetz der großen Zahlen.",
                "Nachrichten verwechseln oft ein kleines absolutes Risiko mit einem großen relativen Risiko, deshalb sollten Lernende fragen, was die Zahlen vergleichen.",
            ],
            "questions": ["Ist eine Sechs schwerer zu würfeln als eine Drei?", "Ist nach fünfmal Kopf hintereinander Zahl wahrscheinlicher?", "Was bedeutet eine Regenwahrscheinlichkeit von 30 Prozent eigentlich?"],
            "tasks": [
                ("Zwei Würfel, eine Summe", "Paare würfeln fünfzigmal mit zwei Würfeln, notieren die Augensummen und vergleichen ihr Säulendiagramm mit dem Ergebnis der ganzen Klasse und der theoretischen Verteilung."),
                ("Ein unfaires Spiel entwerfen", "Gruppen erfinden ein Würfelspiel, das fair aussieht, es aber nicht ist, und fordern eine andere Gruppe heraus, den Trick zu finden und die wahren Chancen zu berechnen."),
            ],
        },
        "pt": {
            "name": "Probabilidades", "about": "as probabilidades",
            "angles": ["Este jogo é justo?", "Dados, moedas e experiências", "Probabilidades nas notícias"],
            "facts": [
                "A probabilidade mede quão provável é um acontecimento, numa escala de 0 para impossível a 1 para certo.",
                "Quando os resultados são igualmente prováveis, a probabilidade é o número de casos favoráveis a dividir pelo número de casos possíveis.",
                "Com muitas repetições, a frequência relativa de um resultado aproxima-se da sua probabilidade, o que se chama lei dos grandes números.",
                "As notícias confundem muitas vezes um pequeno risco absoluto com um grande risco relativo, por isso os alunos devem perguntar o que os números comparam.",
            ],
            "questions": ["É mais difícil sair um seis do que um três?", "Depois de cinco caras seguidas, é mais provável sair coroa?", "O que significa realmente uma probabilidade de chuva de 30 por cento?"],
            "tasks": [
                ("Dois dados, uma soma", "Os pares lançam dois dados cinquenta vezes, registam as somas e comparam o seu gráfico de barras com o total da turma e com a distribuição teórica."),
                ("Inventar um jogo injusto", "Os grupos inventam um jogo de dados que parece justo mas não é, e desafiam outro grupo a descobrir o truque e a calcular as verdadeiras probabilidades."),
            ],
        },
    },
]
