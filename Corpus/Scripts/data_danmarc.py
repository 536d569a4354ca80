# Hand-written bibliographic facts for the danMARC2 common records (agency 870970).
# One record per line, pipe-separated:
#   key|mat|authors|title|year|place:publisher|lang|extent|dk5|subjects|extras
# mat:      b book, eb e-book, ab audiobook (cd), nb net audiobook, cd music cd, dvd film, p periodical
# authors:  "Surname, Forenames" separated by " & " (first -> 100, rest -> 700); empty = title entry
# title:    "Title : subtitle" ; "¤" marks the end of the non-filing part
# lang:     "dan" or "dan<fre" (translated from fre -> 041 *a dan *c fre)
# dk5:      DK5 number, "sk" for fiction; "*a.. *h.." subfields may follow
# subjects: code:word;code:word (666 *code word)
# extras:   k=v;k=v  (tr translator, ill illustrator, orig original title, ed edition, ser series,
#           isbn explicit isbn, i10 isbn-10 only, noisbn, child, note, issn, head, vol, hold, x096)
DANMARC = r"""
andersen-nye|b|Andersen, H.C.|Nye Eventyr : første Bind, første Samling|1843|Kjøbenhavn:C.A. Reitzel|dan|83 sider|sk|s:eventyr|noisbn;note=Indhold: Engelen, Nattergalen, Kjærestefolkene, Den grimme Ælling
andersen-eventyr|b|Andersen, H.C.|Eventyr og historier|2004|København:Gyldendal|dan|397 sider|sk|s:eventyr;o:eventyr|
andersen-livs|b|Andersen, H.C.|Mit livs eventyr|1975|København:Gyldendal|dan|2 bind|99.4*aAndersen*hH.C.|f:forfattere;o:erindringer;i:1800-1899|i10;ed=Revideret udgave
andersen-ælling|b|Andersen, H.C.|¤Den grimme ælling|2005|København:Carlsen|dan|32 sider|sk|s:eventyr;s:ænder;u:for 6 år|child
andersen-havfrue|b|Andersen, H.C.|¤Den lille havfrue|1999|København:Gyldendal|dan|47 sider|sk|s:eventyr;s:havfruer|child
andersen-lydbog|ab|Andersen, H.C.|Udvalgte eventyr|2005|København:Gyldendal|dan|4 cd|sk|s:eventyr;o:lydbøger|child
kierkegaard-enten|b|Kierkegaard, Søren|Enten - Eller : et Livs-Fragment|1843|Kjøbenhavn:C.A. Reitzel|dan|2 bind|10.3|f:eksistensfilosofi;f:æstetik;f:etik|noisbn;stmt=udgivet af Victor Eremita
kierkegaard-frygt|b|Kierkegaard, Søren|Frygt og Bæven : dialektisk Lyrik|1843|Kjøbenhavn:C.A. Reitzel|dan|147 sider|10.3|f:tro;f:eksistensfilosofi;f:Abraham|noisbn;stmt=af Johannes de silentio
kierkegaard-angest|b|Kierkegaard, Søren|Begrebet Angest : en simpel psychologisk-paapegende Overveielse i Retning af det dogmatiske Problem om Arvesynden|1844|Kjøbenhavn:C.A. Reitzel|dan|184 sider|10.3|f:angst;f:arvesynd|noisbn;stmt=af Vigilius Haufniensis
kierkegaard-sygdom|b|Kierkegaard, Søren|Sygdommen til Døden : en christelig psychologisk Udvikling til Opbyggelse og Opvækkelse|1849|Kjøbenhavn:C.A. Reitzel|dan|137 sider|10.3|f:fortvivlelse;f:kristendom|noisbn;stmt=af Anti-Climacus
kierkegaard-kaerlighed|b|Kierkegård, Søren|Kjerlighedens Gjerninger : nogle christelige Overveielser i Talers Form|1847|Kjøbenhavn:C.A. Reitzel|dan|2 bind|24.1|f:kærlighed;f:kristen etik|noisbn;note=Forfatternavnet er her bevidst stavet Kierkegård (variant)
kierkegaard-frygt-gyl|b|Kierkegaard, Søren|Frygt og bæven|2013|København:Gyldendal|dan|175 sider|10.3|f:tro;f:eksistensfilosofi|ser=Gyldendals klassikere
sks-head|b|Kierkegaard, Søren|Søren Kierkegaards skrifter|1997|København:Gad|dan|55 bind|10.3|f:filosofi;f:teologi|head;stmt=udgivet af Søren Kierkegaard Forskningscenteret;noisbn
sks-1|b|Kierkegaard, Søren|Af en endnu Levendes Papirer ; Om Begrebet Ironi|1997|København:Gad|dan|342 sider|10.3|f:ironi|vol=sks-head:Bind 1
sks-2|b|Kierkegaard, Søren|Enten - Eller. Første del|1997|København:Gad|dan|449 sider|10.3|f:æstetik|vol=sks-head:Bind 2
sks-3|b|Kierkegaard, Søren|Enten - Eller. Anden del|1997|København:Gad|dan|339 sider|10.3|f:etik|vol=sks-head:Bind 3
garff-sak|b|Garff, Joakim|SAK : Søren Aabye Kierkegaard : en biografi|2000|København:Gad|dan|751 sider|99.4*aKierkegaard*hSøren|f:filosoffer;o:biografier;i:1800-1899|
pontoppidan-skyer|b|Pontoppidan, Henrik|Skyer : Skildringer fra Provisoriernes Dage|1890|Kjøbenhavn:P.G. Philipsen|dan|151 sider|sk|s:politik;i:1880-1889|noisbn
pontoppidan-isbjoern|b|Pontoppidan, Henrik|Isbjørnen : et Portræt|1887|Kjøbenhavn:P.G. Philipsen|dan|120 sider|sk|s:præster;q:Grønland|noisbn
pontoppidan-lykkeper|b|Pontoppidan, Henrik|Lykke-Per|2018|København:Gyldendal|dan|675 sider|sk|s:ingeniører;s:ambitioner;s:opbrud;i:1870-1899|
blixen-syv|b|Blixen, Karen|Syv fantastiske Fortællinger|1935|København:C.A. Reitzel|dan|432 sider|sk|s:noveller|noisbn
blixen-farm|b|Blixen, Karen|¤Den afrikanske Farm|1937|København:Gyldendal|dan|324 sider|99.4*aBlixen*hKaren|f:farme;e:Kenya;o:erindringer|noisbn
blixen-vinter|b|Blixen, Karen|Vinter-Eventyr|1942|København:Gyldendal|dan|329 sider|sk|s:noveller|noisbn
blixen-skaebne|b|Blixen, Karen|Skæbne-Anekdoter|1958|København:Gyldendal|dan|210 sider|sk|s:noveller|noisbn;note=Indeholder bl.a. Babettes Gæstebud
blixen-farm-2013|b|Blixen, Karin|¤Den afrikanske farm|2013|København:Gyldendal|dan|329 sider|99.4*aBlixen*hKaren|f:farme;e:Kenya;o:erindringer|note=Forfatterens fornavn er her bevidst stavet Karin (variant)
thurman-blixen|b|Thurman, Judith|Karen Blixen : en fortællers liv|1982|København:Gyldendal|dan<eng|511 sider|99.4*aBlixen*hKaren|f:forfattere;o:biografier|i10;orig=Isak Dinesen : the life of a storyteller
scherfig-foraar|b|Scherfig, Hans|Det ¤forsømte forår|2006|København:Gyldendal|dan|197 sider|sk|s:skoleliv;s:mord;s:latinskoler|
scherfig-frydenholm|b|Scherfig, Hans|Frydenholm|1962|København:Gyldendal|dan|430 sider|sk|s:besættelsen;s:kommunister;i:1940-1945|noisbn
scherfig-fuldmaegtig|b|Scherfig, Hans|Den ¤forsvundne fuldmægtig|2011|København:Gyldendal|dan|180 sider|sk|s:satire;s:embedsmænd|
ditlevsen-gade|b|Ditlevsen, Tove|Barndommens Gade|1943|København:Athenæum|dan|219 sider|sk|s:arbejderkvarterer;q:Vesterbro;i:1920-1929|noisbn
ditlevsen-barndom|b|Ditlevsen, Tove|Barndom|1967|København:Hasselbalch|dan|118 sider|sk|s:barndom;q:Vesterbro|noisbn
ditlevsen-ungdom|b|Ditlevsen, Tove|Ungdom|1967|København:Hasselbalch|dan|126 sider|sk|s:ungdom;s:forfattere|noisbn
ditlevsen-gift|b|Ditlevsen, Tove|Gift|1971|København:Gyldendal|dan|196 sider|sk|s:ægteskab;s:misbrug|i10
ditlevsen-vilhelm|b|Ditlevsen, Tove|Vilhelms værelse|1975|København:Gyldendal|dan|206 sider|sk|s:ægteskab|i10
hoeg-forestilling|b|Høeg, Peter|Forestilling om det tyvende århundrede|1988|København:Rosinante|dan|396 sider|sk|s:slægtsromaner;i:1900-1999|i10
hoeg-smilla-1992|b|Høeg, Peter|Frøken Smillas fornemmelse for sne|1992|København:Rosinante|dan|488 sider|sk|s:kriminalromaner;s:grønlændere;q:København|i10
hoeg-smilla-2009|b|Høeg, Peter|Frøken Smillas fornemmelse for sne|2009|København:Rosinante|dan|490 sider|sk|s:kriminalromaner;s:grønlændere;q:København|ed=6. udgave;note=Samme værk som udgaven fra 1992 (ISBN-10); denne udgave har kun ISBN-13
hoeg-egnede|b|Høeg, Peter|De ¤måske egnede|1993|København:Rosinante|dan|251 sider|sk|s:kostskoler;s:tid|i10
hoeg-kvinden|b|Høeg, Peter|Kvinden og aben|1996|København:Rosinante|dan|250 sider|sk|s:aber;q:London|i10
hoeg-stille|b|Høeg, Peter|Den ¤stille pige|2006|København:Rosinante|dan|445 sider|sk|s:klovne;s:spændning|
hoeg-elefant|b|Høeg, Peter|Elefantpassernes børn|2010|København:Rosinante|dan|469 sider|sk|s:humor;s:religion|
hoeg-susan|b|Høeg, Peter|Effekten af Susan|2014|København:Rosinante|dan|304 sider|sk|s:familien;s:spændning|
adler-kvinden|b|Adler-Olsen, Jussi|Kvinden i buret : thriller|2007|København:Politiken|dan|403 sider|sk|s:krimi;s:Afdeling Q;q:København|ser=Afdeling Q#1
adler-kvinden-krimi|b|Adler-Olsen, Jussi|Kvinden i buret : krimi|2012|København:Politiken|dan|414 sider|sk|s:krimi;s:Afdeling Q;q:København|ser=Afdeling Q#1;ed=Ny udgave;note=Samme værk som 2007-udgaven med ændret undertitel
adler-fasan|b|Adler-Olsen, Jussi|Fasandræberne : thriller|2008|København:Politiken|dan|436 sider|sk|s:krimi;s:Afdeling Q|ser=Afdeling Q#2
adler-flaskepost|b|Adler Olsen, Jussi|Flaskepost fra P : thriller|2009|København:Politiken|dan|500 sider|sk|s:krimi;s:Afdeling Q|ser=Afdeling Q#3;note=Forfatternavn bevidst uden bindestreg (variant)
adler-journal|b|Adler-Olsen, Jussi|Journal 64 : thriller|2010|København:Politiken|dan|502 sider|sk|s:krimi;s:Sprogø;i:1950-1959|ser=Afdeling Q#4
adler-marco|b|Adler-Olsen, Jussi|Marco effekten : thriller|2012|København:Politiken|dan|530 sider|sk|s:krimi;s:Afdeling Q|ser=Afdeling Q#5
adler-graenseloese|b|Adler-Olsen, Jussi|Den ¤grænseløse : thriller|2014|København:Politiken|dan|611 sider|sk|s:krimi;q:Bornholm|ser=Afdeling Q#6
adler-selfies|b|Adler-Olsen, Jussi|Selfies : thriller|2016|København:Politiken|dan|470 sider|sk|s:krimi|ser=Afdeling Q#7
adler-offer|b|Adler-Olsen, Jussi|Offer 2117 : thriller|2019|København:Politiken|dan|474 sider|sk|s:krimi;s:flygtninge|ser=Afdeling Q#8
adler-natrium|b|Adler-Olsen, Jussi|Natrium chlorid : thriller|2021|København:Politiken|dan|496 sider|sk|s:krimi|ser=Afdeling Q#9
adler-kvinden-lyd|ab|Adler-Olsen, Jussi|Kvinden i buret|2008|København:Lindhardt og Ringhof|dan|1 mp3-cd (ca. 11 t.)|sk|s:krimi;o:lydbøger|ser=Afdeling Q#1
helle-roedby|b|Helle, Helle|Rødby-Puttgarden|2005|København:Samleren|dan|199 sider|sk|s:søstre;q:Lolland|
helle-hunde|b|Helle, Helle|Ned til hundene|2008|København:Samleren|dan|168 sider|sk|s:kvinder;s:ensomhed|
helle-nutid|b|Helle, Helle|Dette burde skrives i nutid|2011|København:Samleren|dan|161 sider|sk|s:unge kvinder;s:kærlighed|
helle-hvis|b|Helle, Helle|Hvis det er|2014|København:Samleren|dan|143 sider|sk|s:skov;s:fremmede|
helle-de|b|Helle, Helle|de|2018|København:Gyldendal|dan|163 sider|sk|s:mor og datter;i:1980-1989|
nors-kantate|b|Nors, Dorthe|Kantate : noveller|2008|København:Rosinante|dan|113 sider|sk|s:noveller|
nors-spejl|b|Nors, Dorthe|Spejl, skulder, blink|2016|København:Gyldendal|dan|188 sider|sk|s:forfattere;s:kørelærere;q:Jylland|
broegger-fri|b|Brøgger, Suzanne|Fri os fra kærligheden|1973|København:Rhodos|dan|265 sider|sk|s:kvindefrigørelse;s:seksualitet|i10
broegger-creme|b|Brøgger, Suzanne|Crème fraiche : et causeri|1978|København:Rhodos|dan|397 sider|sk|s:kvindefrigørelse|i10
rifbjerg-uskyld|b|Rifbjerg, Klaus|Den ¤kroniske uskyld|1958|København:Gyldendal|dan|167 sider|sk|s:ungdom;s:pubertet|noisbn
rifbjerg-amager|b|Rifbjerg, Klaus|Amagerdigte|1965|København:Gyldendal|dan|91 sider|sk|s:digte;q:Amager|noisbn
rifbjerg-anna|b|Rifbjerg, Klaus|Anna (jeg) Anna|1969|København:Gyldendal|dan|248 sider|sk|s:identitet|noisbn
christensen-det|b|Christensen, Inger|det|1969|København:Gyldendal|dan|240 sider|sk|s:digte|noisbn
christensen-alfabet|b|Christensen, Inger|alfabet|1981|København:Gyldendal|dan|71 sider|sk|s:digte;s:fibonacci|i10
christensen-sommer-1991|b|Christensen, Inger|Sommerfugledalen : et requiem|1991|København:Brøndum|dan|20 sider|sk|s:digte;s:sommerfugle;s:døden|i10
christensen-sommer-2001|b|Christensen, Inger|Sommerfugledalen : requiem|2001|København:Gyldendal|dan|31 sider|sk|s:digte;s:sommerfugle;s:døden|note=Ny udgave med ændret undertitel
thomsen-city|b|Thomsen, Søren Ulrik|City slang : digte|1981|København:Vindrose|dan|63 sider|sk|s:digte;s:storbyen|i10
thomsen-nye|b|Thomsen, Søren Ulrik|Nye digte|1987|København:Vindrose|dan|69 sider|sk|s:digte|i10
michael-vanille|b|Michael, Ib|Vanillepigen|1991|København:Gyldendal|dan|263 sider|sk|s:magisk realisme;q:Mexico|i10
michael-prins|b|Michael, Ib|Prins|1997|København:Gyldendal|dan|260 sider|sk|s:barndom;s:sommer|i10
jensen-druknede|b|Jensen, Carsten|Vi, de druknede|2006|København:Gyldendal|dan|693 sider|sk|s:søfart;s:sømænd;q:Marstal;i:1848-1945|
jensen-sten|b|Jensen, Carsten|Den ¤første sten|2015|København:Gyldendal|dan|648 sider|sk|s:krigen i Afghanistan;s:soldater|
jensen-verden|b|Jensen, Carsten|Jeg har set verden begynde : en rejse fra Asien|1996|København:Munksgaard/Rosinante|dan|417 sider|40.5|f:rejsebeskrivelser;e:Asien|i10
leine-profeterne|b|Leine, Kim|Profeterne i Evighedsfjorden|2012|København:Gyldendal|dan|518 sider|sk|s:præster;s:kolonitiden;q:Grønland;i:1780-1799|
leine-kalak|b|Leine, Kim|Kalak|2007|København:Gyldendal|dan|304 sider|sk|s:sygeplejersker;q:Grønland|
aidt-bavian|b|Aidt, Naja Marie|Bavian : noveller|2006|København:Gyldendal|dan|206 sider|sk|s:noveller|
aidt-carl|b|Aidt, Naja Marie|Har døden taget noget fra dig så giv det tilbage : Carls bog|2017|København:Gyldendal|dan|181 sider|sk|s:sorg;s:søn;s:død|
ravn-ansatte|b|Ravn, Olga|De ¤ansatte : en arbejdsroman fra det 22. århundrede|2018|København:Gyldendal|dan|133 sider|sk|s:science fiction;s:rumskibe|
ravn-arbejde|b|Ravn, Olga|Mit arbejde|2020|København:Gyldendal|dan|446 sider|sk|s:moderskab;s:fødselsdepression|
ravn-arbejde-e|eb|Ravn, Olga|Mit arbejde|2020|København:Gyldendal|dan|1 online ressource|sk|s:moderskab|
hassan-digte|b|Hassan, Yahya|Yahya Hassan : digte|2013|København:Gyldendal|dan|169 sider|sk|s:digte;s:indvandrere;s:ghettoer|
hassan-2|b|Hassan, Yahya|Yahya Hassan 2|2019|København:Gyldendal|dan|373 sider|sk|s:digte|
jacobsen-lyhne|b|Jacobsen, J.P.|Niels Lyhne|1880|Kjøbenhavn:Gyldendal|dan|327 sider|sk|s:ateisme;s:drømme|noisbn
jvjensen-kongens|b|Jensen, Johannes V.|Kongens Fald|1901|Kjøbenhavn:Gyldendal|dan|3 bind|sk|s:historiske romaner;i:1500-1599|noisbn
bang-haabloese|b|Bang, Herman|Haabløse Slægter|1880|Kjøbenhavn:Schubothe|dan|368 sider|sk|s:slægter;s:dekadence|noisbn
nexoe-pelle|b|Nexø, Martin Andersen|Pelle Erobreren|1906|Kjøbenhavn:Gyldendal|dan|4 bind|sk|s:arbejderbevægelsen;q:Bornholm|noisbn
kirk-fiskerne|b|Kirk, Hans|Fiskerne|1928|København:Gyldendal|dan|303 sider|sk|s:indre mission;s:fiskere;q:Limfjorden|noisbn
kristensen-haervaerk|b|Kristensen, Tom|Hærværk|1930|København:Gyldendal|dan|474 sider|sk|s:journalister;s:alkoholisme|noisbn
hansen-loegneren|b|Hansen, Martin A.|Løgneren|1950|København:Gyldendal|dan|217 sider|sk|s:lærere;q:Sjælland|noisbn
panduro-rend|b|Panduro, Leif|Rend mig i traditionerne|1958|København:Gyldendal|dan|183 sider|sk|s:ungdomsoprør|noisbn
soerensen-saere|b|Sørensen, Villy|Sære historier|1953|København:Gyldendal|dan|165 sider|sk|s:noveller|noisbn
turell-mord|b|Turèll, Dan|Mord i mørket|1981|København:Vindrose|dan|197 sider|sk|s:krimi;q:København|i10
ejersbo-nordkraft|b|Ejersbo, Jakob|Nordkraft|2002|København:Gyldendal|dan|529 sider|sk|s:narkomaner;q:Aalborg;i:1990-1999|
klougart-stigninger|b|Klougart, Josefine|Stigninger og fald|2010|København:Rosinante|dan|289 sider|sk|s:landbrug;s:erindringer|
korsgaard-menneske|b|Korsgaard, Thomas|Hvis der skulle komme et menneske forbi|2017|København:Lindhardt og Ringhof|dan|267 sider|sk|s:omsorgssvigt;s:landboliv|
uthaug-saadan|b|Uthaug, Maren|Og sådan blev det|2013|København:Lindhardt og Ringhof|dan|234 sider|sk|s:samer;s:identitet|
pape-planen|b|Pape, Morten|Planen|2015|København:Politiken|dan|455 sider|sk|s:opvækst;q:Urbanplanen|
marstrand-hildegard|b|Marstrand-Jørgensen, Anne Lise|Hildegard|2009|København:Gyldendal|dan|455 sider|sk|s:nonner;i:1100-1199|
jungersen-undtagelsen|b|Jungersen, Christian|Undtagelsen|2004|København:Gyldendal|dan|543 sider|sk|s:mobning;s:arbejdspladser|
jepsen-graede|b|Jepsen, Erling|Kunsten at græde i kor|2002|København:Gyldendal|dan|185 sider|sk|s:incest;q:Sønderjylland|
juul-halland|b|Juul, Pia|Mordet på Halland|2009|København:Tiderne Skifter|dan|163 sider|sk|s:mord;s:sorg|
romer-blinker|b|Romer, Knud|Den ¤som blinker er bange for døden|2006|København:Athene|dan|164 sider|sk|s:mobning;q:Nykøbing Falster|
holst-kronprinsessen|b|Holst, Hanne-Vibeke|Kronprinsessen|2002|København:Gyldendal|dan|459 sider|sk|s:politik;s:kvinder|
grondahl-tavshed|b|Grøndahl, Jens Christian|Tavshed i oktober|1996|København:Gyldendal|dan|212 sider|sk|s:ægteskab|i10
bangfoss-audi|b|Foss, Kristian Bang|Døden kører Audi|2012|København:Gyldendal|dan|300 sider|sk|s:handicappede;s:roadmovies|
jessen-bagge|b|Jessen, Ida|Doktor Bagges anagrammer|2015|København:Gyldendal|dan|145 sider|sk|s:læger;i:1900-1929|
nordenhof-nemme|b|Nordenhof, Asta Olivia|Det ¤nemme og det svære|2013|København:Basilisk|dan|107 sider|sk|s:digte|
voetmann-vaagen|b|Voetmann, Harald|Vågen|2017|København:Gyldendal|dan|133 sider|sk|s:astronomer;i:1500-1599|
kirkegaard-gummi|b|Kirkegꜳrd, Ole Lund|Gummi-Tarzan|1975|København:Gyldendal|dan|95 sider|sk|s:mobning;u:for 7 år|child;i10;note=Efternavnet skrevet med ꜳ (U+A733), DBC's tegn for aa der ordnes som å
kirkegaard-otto|b|Kirkegård, Ole Lund|Otto er et næsehorn|1972|København:Gyldendal|dan|96 sider|sk|s:næsehorn;s:humor|child;i10;note=Forfatternavnet er her bevidst stavet Kirkegård (variant)
sigsgaard-palle|b|Sigsgaard, Jens|Palle alene i Verden|1942|København:Gyldendal|dan|32 sider|sk|s:drømme;s:ensomhed|child;noisbn;ill=Arne Ungermann
reuter-zappa|b|Reuter, Bjarne|Zappa|1977|København:Gyldendal|dan|166 sider|sk|s:drenge;s:venskab|child;i10
boedker-silas|b|Bødker, Cecil|Silas og den sorte hoppe|1967|København:Branner og Korch|dan|124 sider|sk|s:heste;s:drenge|child;noisbn
aakeson-vitello|b|Aakeson, Kim Fupz|Vitello kradser en bil|2008|København:Gyldendal|dan|32 sider|sk|s:drenge;s:humor|child;ill=Niels Bo Bojesen
kaaberbol-skammer|b|Kaaberbøl, Lene|Skammerens datter|2000|København:Forum|dan|283 sider|sk|s:fantasy|child
kaaberbol-vildheks|b|Kaaberbøl, Lene|Vildheks. Ildprøven|2010|København:Alvilda|dan|200 sider|sk|s:fantasy;s:hekse;s:katte|child;ser=Vildheks#1
hansen-rasmus|b|Hansen, Carla & Hansen, Vilhelm|Rasmus Klump og hans venner|1951|København:Carlsen|dan|48 sider|sk|s:bjørne;s:tegneserier|child;noisbn
quist-egon|b|Quist Møller, Flemming|Cykelmyggen Egon|1967|København:Gyldendal|dan|48 sider|sk|s:myg;s:cykler|child;noisbn
halfdan-abc|b|Rasmussen, Halfdan|Halfdans ABC|1967|København:Carit Andersen|dan|63 sider|sk|s:rim og remser;s:alfabetet|child;noisbn;ill=Ib Spang Olsen
exupery-prins|b|Saint-Exupéry, Antoine de|Den ¤lille prins|2006|København:Lindhardt og Ringhof|dan<fre|93 sider|sk|s:eventyr;s:venskab;s:prinser|orig=Le ¤petit prince;tr=Paul la Cour
exupery-prins-1950|b|Saint-Exupéry, Antoine de|Den ¤lille Prins|1950|København:Carit Andersen|dan<fre|91 sider|sk|s:eventyr|orig=Le ¤petit prince;tr=Paul la Cour;noisbn
tolkien-head|b|Tolkien, J.R.R.|Ringenes herre|1968|København:Gyldendal|dan<eng|3 bind|sk|s:fantasy;s:hobbitter|head;orig=The ¤lord of the rings;tr=Ida Nyrop Ludvigsen;noisbn
tolkien-1|b|Tolkien, J.R.R.|Eventyret om ringen|1968|København:Gyldendal|dan<eng|428 sider|sk|s:fantasy|vol=tolkien-head:1. del;noisbn;tr=Ida Nyrop Ludvigsen
tolkien-2|b|Tolkien, J.R.R.|De ¤to tårne|1969|København:Gyldendal|dan<eng|375 sider|sk|s:fantasy|vol=tolkien-head:2. del;noisbn;tr=Ida Nyrop Ludvigsen
tolkien-3|b|Tolkien, J.R.R.|Kongen vender tilbage|1970|København:Gyldendal|dan<eng|383 sider|sk|s:fantasy|vol=tolkien-head:3. del;i10;tr=Ida Nyrop Ludvigsen
tolkien-hobbit|b|Tolkien, J.R.R.|Hobbitten eller Ud og hjem igen|1969|København:Gyldendal|dan<eng|256 sider|sk|s:fantasy;s:drager|orig=The ¤hobbit;tr=Ida Nyrop Ludvigsen;noisbn
rowling-sten|b|Rowling, J.K.|Harry Potter og De Vises Sten|1999|København:Gyldendal|dan<eng|274 sider|sk|s:fantasy;s:troldmænd;s:kostskoler|child;orig=Harry Potter and the philosopher's stone;tr=Hanna Lützen;ser=Harry Potter#1;i10
rowling-kammer|b|Rowling, J.K.|Harry Potter og Hemmelighedernes Kammer|2000|København:Gyldendal|dan<eng|289 sider|sk|s:fantasy;s:troldmænd|child;orig=Harry Potter and the chamber of secrets;tr=Hanna Lützen;ser=Harry Potter#2;i10
rowling-sten-lyd|ab|Rowling, J.K.|Harry Potter og De Vises Sten|2002|København:Gyldendal|dan<eng|7 cd|sk|s:fantasy;o:lydbøger|child;tr=Hanna Lützen;ser=Harry Potter#1
lindgren-pippi-swe|b|Lindgren, Astrid|Pippi Långstrump|1945|Stockholm:Rabén & Sjögren|swe|189 sider|sk|s:piger;s:humor|child;noisbn;country=se
lindgren-pippi|b|Lindgren, Astrid|Pippi Langstrømpe|2005|København:Gyldendal|dan<swe|214 sider|sk|s:piger;s:humor|child;orig=Pippi Långstrump
lindgren-loeve|b|Lindgren, Astrid|Brødrene Løvehjerte|1974|København:Gyldendal|dan<swe|220 sider|sk|s:brødre;s:død;s:eventyr|child;orig=Bröderna Lejonhjärta;i10
lindgren-ronja|b|Lindgren, Astrid|Ronja Røverdatter|1981|København:Gyldendal|dan<swe|220 sider|sk|s:røvere;s:venskab|child;orig=Ronja rövardotter;i10
knausgaard-min1-nor|b|Knausgård, Karl Ove|Min kamp : roman. Første bok|2009|Oslo:Oktober|nor|487 sider|sk|s:selvbiografiske romaner;s:fædre|country=no
knausgaard-min1|b|Knausgård, Karl Ove|Min kamp : roman. 1|2010|København:Lindhardt og Ringhof|dan<nor|471 sider|sk|s:selvbiografiske romaner;s:fædre|orig=Min kamp;tr=Sara Koch
knausgaard-min2|b|Knausgaard, Karl Ove|Min kamp : roman. 2|2011|København:Lindhardt og Ringhof|dan<nor|591 sider|sk|s:selvbiografiske romaner;s:ægteskab|orig=Min kamp;tr=Sara Koch;note=Forfatternavnet er her stavet Knausgaard (variant)
larsson-maend|b|Larsson, Stieg|Mænd der hader kvinder|2006|København:Modtryk|dan<swe|542 sider|sk|s:krimi;s:journalister;q:Stockholm|orig=Män som hatar kvinnor;ser=Millennium#1
gaarder-sofie-nor|b|Gaarder, Jostein|Sofies verden : roman om filosofiens historie|1991|Oslo:Aschehoug|nor|521 sider|sk|s:filosofi;s:piger|country=no;i10
lagerloef-nils|b|Lagerlöf, Selma|Nils Holgerssons underbara resa genom Sverige|1906|Stockholm:Bonnier|swe|2 bind|sk|s:gæs;s:rejser;q:Sverige|noisbn;country=se;child
goethe-werther|b|Goethe, Johann Wolfgang von|Die ¤Leiden des jungen Werther|2001|Stuttgart:Reclam|ger|160 sider|sk|s:kærlighed;s:selvmord|country=de;ser=Reclams Universal-Bibliothek#67
camus-fremmede|b|Camus, Albert|Den ¤fremmede|2006|København:Gyldendal|dan<fre|125 sider|sk|s:absurdisme;q:Algeriet|orig=L'¤étranger
orwell-1984|b|Orwell, George|1984|2009|København:Gyldendal|dan<eng|364 sider|sk|s:diktatur;s:overvågning|orig=Nineteen eighty-four
hemingway-gamle|b|Hemingway, Ernest|Den ¤gamle mand og havet|2012|København:Gyldendal|dan<eng|112 sider|sk|s:fiskere;q:Cuba|orig=The ¤old man and the sea
ende-historie|b|Ende, Michael|Den ¤uendelige historie|1981|København:Gyldendal|dan<ger|401 sider|sk|s:fantasy|child;orig=Die ¤unendliche Geschichte;i10
kafka-processen|b|Kafka, Franz|Processen|2010|København:Gyldendal|dan<ger|282 sider|sk|s:skyld;s:bureaukrati|orig=Der ¤Process
houellebecq-elementar|b|Houellebecq, Michel|Elementarpartikler|1999|København:Tiderne Skifter|dan<fre|320 sider|sk|s:seksualitet;s:brødre|orig=Les ¤particules élémentaires;i10
ferrante-veninde|b|Ferrante, Elena|Min geniale veninde|2016|København:Grif|dan<ita|379 sider|sk|s:venskab;q:Napoli|orig=L'¤amica geniale
buk-dybboel|b|Buk-Swienty, Tom|Slagtebænk Dybbøl : 18. april 1864 : historien om et slag|2008|København:Gyldendal|dan|478 sider|96.73|f:krige;f:slag;e:Dybbøl;i:1864|
buk-als|b|Buk-Swienty, Tom|Dommedag Als : 29. juni 1864 : kampen for Danmarks eksistens|2010|København:Gyldendal|dan|523 sider|96.73|f:krige;e:Als;i:1864|
lidegaard-landsmaend|b|Lidegaard, Bo|Landsmænd : de danske jøder på flugt i oktober 1943|2013|København:Politiken|dan|638 sider|96.74|f:jøder;f:flugt;f:besættelsen;i:1943|
dkhist-head|b||Gyldendal og Politikens Danmarkshistorie|1988|København:Gyldendal og Politiken|dan|16 bind|96.7|f:Danmarkshistorie|head;stmt=redaktør Olaf Olsen;noisbn
dkhist-1|b|Jensen, Jørgen|I begyndelsen : fra de ældste tider til ca. år 200 f.Kr.|1988|København:Gyldendal og Politiken|dan|431 sider|96.71|f:oldtiden;f:arkæologi;e:Danmark|vol=dkhist-head:Bind 1;i10
dkhist-11|b|Bjørn, Claus|Fra reaktion til grundlov : 1800-1850|1990|København:Gyldendal og Politiken|dan|446 sider|96.73|f:enevælden;f:grundloven;i:1800-1850|vol=dkhist-head:Bind 10;i10
hansen-arabien|b|Hansen, Thorkild|Det ¤lykkelige Arabien : en dansk ekspedition 1761-67|1962|København:Gyldendal|dan|384 sider|48.6|f:ekspeditioner;e:Arabien;i:1761-1767|noisbn
jespersen-1864|b|Jespersen, Knud J.V.|Danmarks historie. Bind 3, Tiden 1648-1730|1989|København:Gyldendal|dan|432 sider|96.72|f:enevælden;i:1648-1730|i10
ravn-1864-film|dvd||1864|2014|København:DR|dan|4 dvd-video (ca. 8 t.)|77.7|f:tv-serier;i:1864;e:Dybbøl;o:tv-serier|note=Tv-serie instrueret af Ole Bornedal
jensen-kogebog|b|Jensen, Kristine Marie|Frøken Jensens kogebog|2013|København:Gyldendal|dan|480 sider|64.1|f:madlavning;f:opskrifter;f:danske retter|
meyer-almanak|b|Meyer, Claus|Almanak|2010|København:Lindhardt og Ringhof|dan|560 sider|64.1|f:madlavning;f:årstider;f:opskrifter|
oliver-30|b|Oliver, Jamie|Jamies 30 minutters mad|2011|København:Lindhardt og Ringhof|dan<eng|288 sider|64.1|f:hurtige retter;f:opskrifter|orig=Jamie's 30-minute meals
gensboel-fugle|b|Génsbøl, Benny|Nordens fugle : en felthåndbog|1986|København:Gad|dan|413 sider|59.8|f:fugle;e:Norden;o:håndbøger|i10
aalborg-hist|b||Aalborgs historie. Bind 1, Tiden indtil 1534|1987|Aalborg:Aalborg Kommune|dan|437 sider|46.7*aAalborg|f:lokalhistorie;e:Aalborg|i10
aarhus-hist|b||Århus : byens historie. Bind 1, Fra vikingetid til 1590|1996|Århus:Århus Byhistoriske Udvalg|dan|363 sider|46.6*aÅrhus|f:lokalhistorie;e:Århus|i10
stroustrup-cpp|b|Stroustrup, Bjarne|The ¤C++ programming language|2013|Upper Saddle River, N.J.:Addison-Wesley|eng|1346 sider|68.01|f:C++;f:programmering|ed=4th edition;country=us;isbn=9780321563842
stroustrup-principles|b|Stroustrup, Bjarne|Programming : principles and practice using C++|2008|Upper Saddle River, N.J.:Addison-Wesley|eng|1236 sider|68.01|f:C++;f:programmering;o:lærebøger|country=us
skeet-csharp|b|Skeet, Jon|C# in depth|2019|Shelter Island, NY:Manning|eng|528 sider|68.01|f:C#;f:programmering;f:.NET|ed=4th edition;country=us
hejlsberg-csharp|b|Hejlsberg, Anders|The ¤C# programming language|2004|Boston:Addison-Wesley|eng|672 sider|68.01|f:C#;f:programmeringssprog|country=us;i10
lauesen-req|b|Lauesen, Søren|Software requirements : styles and techniques|2002|Harlow:Addison-Wesley|eng|591 sider|68.01|f:systemudvikling;f:kravspecifikationer|country=gb;i10
naur-datamaskiner|b|Naur, Peter|Datamaskinerne og samfundet|1967|København:Munksgaard|dan|111 sider|68.01|f:datamater;f:samfund|noisbn
larsen-midt|cd|Larsen, Kim|Midt om natten|1983|København:Medley|dan|1 cd|78.794|m:rock;l:Danmark;p:1980-1989|stmt=Kim Larsen;note=Cd-udgave af lp'en fra 1983
gasolin-3|cd|Gasolin'|Gasolin' 3|1973|København:CBS|dan|1 cd|78.794|m:rock;l:Danmark;p:1970-1979|corp;note=Cd-udgave af lp'en fra 1973
tv2-lykkelig|cd|TV-2|Nærmest lykkelig|1985|København:Genlyd|dan|1 cd|78.794|m:pop;l:Danmark;p:1980-1989|corp;note=Cd-udgave af lp'en fra 1985
lukas-graham|cd|Lukas Graham|Lukas Graham|2012|København:Copenhagen Records|eng|1 cd|78.794|m:pop;l:Danmark;p:2010-2019|corp
nielsen-symfonier|cd|Nielsen, Carl|Symfoni nr. 4, Det uudslukkelige ; Symfoni nr. 5|2000|København:Dacapo|dan|1 cd|78.31|m:symfonier;n:orkester;p:1900-1999|stmt=DR RadioSymfoniOrkestret
festen-dvd|dvd||Festen|1998|København:Nordisk Film|dan|1 dvd-video (ca. 101 min.)|77.7|f:spillefilm;s:familien;s:incest;o:spillefilm|note=Instruktør: Thomas Vinterberg
jagten-dvd|dvd||Jagten|2013|København:Nordisk Film|dan|1 dvd-video (ca. 111 min.)|77.7|s:falske anklager;s:pædofili;o:spillefilm|note=Instruktør: Thomas Vinterberg
druk-dvd|dvd||Druk|2021|København:Nordisk Film|dan|1 dvd-video (ca. 112 min.)|77.7|s:alkohol;s:lærere;o:spillefilm|note=Instruktør: Thomas Vinterberg
babette-dvd|dvd||Babettes gæstebud|2003|København:Nordisk Film|dan|1 dvd-video (ca. 99 min.)|77.7|s:måltider;q:Jylland;o:spillefilm|note=Instruktør: Gabriel Axel. Efter Karen Blixens fortælling
olsen-dvd|dvd||Olsen-banden|2003|København:Nordisk Film|dan|1 dvd-video (ca. 84 min.)|77.7|s:humor;s:kriminalitet;o:spillefilm|note=Instruktør: Erik Balling. Oprindelig udgivet som film 1968
flammen-dvd|dvd||Flammen & Citronen|2008|København:Nordisk Film|dan|1 dvd-video (ca. 130 min.)|77.7|s:modstandsbevægelsen;i:1940-1945;o:spillefilm|note=Instruktør: Ole Christian Madsen
pelle-dvd|dvd||Pelle Erobreren|2005|København:Nordisk Film|dan|1 dvd-video (ca. 150 min.)|77.7|s:indvandrere;q:Bornholm;o:spillefilm|note=Instruktør: Bille August. Efter Martin Andersen Nexøs roman
kritik-p|p||Kritik|1967|København:Gyldendal|dan|tidsskrift|80.5|f:litteraturkritik;f:litteraturteori|issn=0454-5354
skalk-p|p||Skalk : nyt om gammelt|1957|Højbjerg:Skalk|dan|tidsskrift|96.71|f:arkæologi;f:kulturhistorie|issn=0560-2238
histtids-p|p||Historisk tidsskrift|1840|København:Den Danske Historiske Forening|dan|tidsskrift|90.5|f:historie;f:historieforskning|issn=0106-6242
politiken-p|p||Politiken|1884|København:Politiken|dan|avis|07.3|f:aviser|issn=0907-1814
stiften-p|p||Aalborg Stiftstidende|1767|Aalborg:Aalborg Stiftsbogtrykkerie|dan|avis|07.3|f:aviser;e:Aalborg|issn=0905-4219
bogensverden-p|p||Bogens verden : tidsskrift for dansk biblioteksvæsen|1918|København:Danmarks Biblioteksforening|dan|tidsskrift|02.05|f:biblioteker;f:litteratur|issn=0006-5692
andersen-svante|b|Andersen, Benny|Svantes viser : en novelle med viser og digte|1972|København:Borgen|dan|95 sider|sk|s:viser;s:digte|i10
ditlevsen-ansigterne|b|Ditlevsen, Tove|Ansigterne|1968|København:Gyldendal|dan|158 sider|sk|s:psykiske lidelser;s:forfattere|noisbn
turell-vangede|b|Turèll, Dan|Vangede billeder|1975|København:Borgen|dan|232 sider|sk|s:barndom;q:Vangede;i:1950-1959|i10
omar-doedevaskeren|b|Omar, Sara|Dødevaskeren|2017|København:Politiken|dan|462 sider|sk|s:kvindeundertrykkelse;q:Kurdistan|
eika-solen|b|Eika, Jonas|Efter solen : noveller|2018|København:Basilisk|dan|160 sider|sk|s:noveller;s:kapitalisme|
balle-rumfang|b|Balle, Solvej|Om udregning af rumfang. 1|2020|København:Pelagraf|dan|171 sider|sk|s:tid;s:tidslommer|
hansen-slaver|b|Hansen, Thorkild|Slavernes kyst|1967|København:Gyldendal|dan|336 sider|96.6|f:slavehandel;f:kolonier;e:Guldkysten|noisbn
camus-etranger-fr|b|Camus, Albert|L'¤étranger|1972|Paris:Gallimard|fre|186 sider|sk|s:absurdisme;q:Algeriet|country=fr;isbn=2-07-036002-4;ser=Folio#2
rowling-stone-en|b|Rowling, J.K.|Harry Potter and the philosopher's stone|1997|London:Bloomsbury|eng|223 sider|sk|s:fantasy;s:troldmænd|child;country=gb;isbn=0747532699;note=Samme udgave findes også i marc21/books.jsonl (krydsformat-dublet til match)
knausgaard-nattskolen|b|Knausgård, Karl Ove|Nattskolen : roman|2023|Oslo:Oktober|nor|635 sider|sk|s:kunstnere;s:ungdom|country=no
helle-bob|b|Helle, Helle|BOB|2022|København:Gyldendal|dan|160 sider|sk|s:unge mænd;s:kærlighed|
"""
