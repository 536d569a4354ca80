# Hand-written bibliographic facts for the MARC21 records.
# One record per line, pipe-separated:
#   key|type|author|title|year|place:publisher|lang|country|extent|subjects|extras
# type:    a book, j music recording, g video, s serial
# author:  "Surname, Forenames, dates" ; several joined by " & " (first -> 100, rest -> 700); empty = title entry
# title:   "Title : subtitle"; "¤" ends the non-filing part (-> 245 ind2)
# subjects: 650:Topic--Subdivision;651:Place--Subdivision
# extras:  isbn (real, as printed), tr translator, orig original title (240), ed, ser, issn, stmt, i10
MARC21 = r"""
austen-pride|a|Austen, Jane, 1775-1817|Pride and prejudice|2003|London:Penguin|eng|enk|480 p.|650:Courtship--Fiction;650:Sisters--Fiction;651:England--Fiction|isbn=9780141439518;ser=Penguin classics
dickens-expect|a|Dickens, Charles, 1812-1870|Great expectations|1996|London:Penguin|eng|enk|544 p.|650:Orphans--Fiction;651:England--Fiction|isbn=0140434895;ser=Penguin classics
bronte-eyre|a|Brontë, Charlotte, 1816-1855|Jane Eyre|2006|London:Penguin|eng|enk|532 p.|650:Governesses--Fiction;651:England--Fiction|ser=Penguin classics
eliot-middlemarch|a|Eliot, George, 1819-1880|Middlemarch|1994|London:Penguin|eng|enk|838 p.|650:Country life--Fiction;651:England--Fiction|i10;ser=Penguin classics
hardy-tess|a|Hardy, Thomas, 1840-1928|Tess of the d'Urbervilles|2003|London:Penguin|eng|enk|518 p.|650:Young women--Fiction;651:Wessex (England)--Fiction|ser=Penguin classics
melville-moby|a|Melville, Herman, 1819-1891|Moby-Dick, or, The whale|2003|New York:Penguin|eng|nyu|720 p.|650:Whaling--Fiction;650:Whales--Fiction|ser=Penguin classics
twain-huck|a|Twain, Mark, 1835-1910|Adventures of Huckleberry Finn|2003|New York:Penguin|eng|nyu|366 p.|650:Runaway teenagers--Fiction;651:Mississippi River--Fiction|ser=Penguin classics
fitzgerald-gatsby|a|Fitzgerald, F. Scott, 1896-1940|The ¤great Gatsby|2004|New York:Scribner|eng|nyu|180 p.|650:Rich people--Fiction;651:Long Island (N.Y.)--Fiction|isbn=9780743273565
hemingway-oldman|a|Hemingway, Ernest, 1899-1961|The ¤old man and the sea|1952|New York:Scribner|eng|nyu|140 p.|650:Fishers--Fiction;651:Cuba--Fiction|noisbn
orwell-1984|a|Orwell, George, 1903-1950|Nineteen eighty-four : a novel|1949|London:Secker & Warburg|eng|enk|312 p.|650:Totalitarianism--Fiction;650:Dystopias--Fiction|noisbn
orwell-1984-pb|a|Orwell, George, 1903-1950|1984|2008|London:Penguin|eng|enk|355 p.|650:Totalitarianism--Fiction;650:Dystopias--Fiction|isbn=9780141036144;orig=Nineteen eighty-four
orwell-animal|a|Orwell, George, 1903-1950|Animal farm : a fairy story|1945|London:Secker & Warburg|eng|enk|91 p.|650:Domestic animals--Fiction;650:Totalitarianism--Fiction|noisbn
orwell-catalonia|a|Orwell, George, 1903-1950|Homage to Catalonia|1938|London:Secker & Warburg|eng|enk|313 p.|651:Spain--History--Civil War, 1936-1939--Personal narratives, British|noisbn
woolf-dalloway|a|Woolf, Virginia, 1882-1941|Mrs. Dalloway|1925|London:Hogarth Press|eng|enk|293 p.|650:Upper class women--Fiction;651:London (England)--Fiction|noisbn
woolf-lighthouse|a|Woolf, Virginia, 1882-1941|To the lighthouse|1927|London:Hogarth Press|eng|enk|320 p.|650:Families--Fiction;651:Hebrides (Scotland)--Fiction|noisbn
joyce-ulysses|a|Joyce, James, 1882-1941|Ulysses|1922|Paris:Shakespeare and Company|eng|fr|732 p.|650:Jews--Ireland--Fiction;651:Dublin (Ireland)--Fiction|noisbn
salinger-catcher|a|Salinger, J. D., 1919-2010|The ¤catcher in the rye|1951|Boston:Little, Brown|eng|mau|277 p.|650:Teenage boys--Fiction;651:New York (N.Y.)--Fiction|noisbn
lee-mockingbird|a|Lee, Harper, 1926-2016|To kill a mockingbird|1960|Philadelphia:Lippincott|eng|pau|296 p.|650:Racism--Fiction;651:Alabama--Fiction|noisbn
steinbeck-grapes|a|Steinbeck, John, 1902-1968|The ¤grapes of wrath|1939|New York:Viking Press|eng|nyu|619 p.|650:Migrant agricultural laborers--Fiction;651:California--Fiction|noisbn
morrison-beloved|a|Morrison, Toni, 1931-2019|Beloved : a novel|1987|New York:Knopf|eng|nyu|275 p.|650:Women slaves--Fiction;651:Ohio--Fiction|i10
mccarthy-road|a|McCarthy, Cormac, 1933-2023|The ¤road|2006|New York:Knopf|eng|nyu|241 p.|650:Fathers and sons--Fiction;650:Regression (Civilization)--Fiction|
ishiguro-remains|a|Ishiguro, Kazuo, 1954-|The ¤remains of the day|1989|London:Faber and Faber|eng|enk|245 p.|650:Butlers--Fiction;651:England--Fiction|i10
ishiguro-never|a|Ishiguro, Kazuo, 1954-|Never let me go|2005|London:Faber and Faber|eng|enk|263 p.|650:Cloning--Fiction;650:Boarding schools--Fiction|
atwood-handmaid|a|Atwood, Margaret, 1939-|The ¤handmaid's tale|1985|Toronto:McClelland and Stewart|eng|onc|311 p.|650:Women--Fiction;650:Dystopias--Fiction|i10
rushdie-midnight|a|Rushdie, Salman, 1947-|Midnight's children|1981|London:Cape|eng|enk|446 p.|651:India--History--20th century--Fiction|i10
mantel-wolf|a|Mantel, Hilary, 1952-2022|Wolf Hall|2009|London:Fourth Estate|eng|enk|653 p.|600:Cromwell, Thomas, Earl of Essex, 1485?-1540--Fiction;651:Great Britain--History--Henry VIII, 1509-1547--Fiction|
smith-teeth|a|Smith, Zadie, 1975-|White teeth|2000|London:Hamish Hamilton|eng|enk|462 p.|650:Immigrants--Fiction;651:London (England)--Fiction|i10
rooney-normal|a|Rooney, Sally, 1991-|Normal people|2018|London:Faber & Faber|eng|enk|266 p.|650:Man-woman relationships--Fiction;651:Ireland--Fiction|
smith-autumn|a|Smith, Ali, 1962-|Autumn|2016|London:Hamish Hamilton|eng|enk|264 p.|650:Friendship--Fiction;651:Great Britain--Politics and government--2007---Fiction|
tolkien-hobbit|a|Tolkien, J. R. R., 1892-1973|The ¤hobbit, or, There and back again|1937|London:G. Allen & Unwin|eng|enk|310 p.|650:Middle Earth (Imaginary place)--Fiction;650:Fantasy fiction|noisbn
tolkien-hobbit-hc|a|Tolkien, J. R. R., 1892-1973|The ¤hobbit|1999|London:HarperCollins|eng|enk|285 p.|650:Middle Earth (Imaginary place)--Fiction|isbn=0261102214
tolkien-lotr|a|Tolkien, J. R. R., 1892-1973|The ¤lord of the rings|1954|London:G. Allen & Unwin|eng|enk|3 v.|650:Middle Earth (Imaginary place)--Fiction;650:Fantasy fiction|noisbn
rowling-stone|a|Rowling, J. K.|Harry Potter and the philosopher's stone|1997|London:Bloomsbury|eng|enk|223 p.|650:Wizards--Fiction;650:Schools--Fiction;650:Magic--Fiction|isbn=0747532699;child
pullman-northern|a|Pullman, Philip, 1946-|Northern lights|1995|London:Scholastic|eng|enk|399 p.|650:Fantasy fiction;650:Daemons--Fiction|i10;child
lewis-lion|a|Lewis, C. S. (Clive Staples), 1898-1963|The ¤lion, the witch and the wardrobe : a story for children|1950|London:G. Bles|eng|enk|173 p.|650:Fantasy fiction;650:Narnia (Imaginary place)--Fiction|noisbn;child
golding-flies|a|Golding, William, 1911-1993|Lord of the flies : a novel|1954|London:Faber and Faber|eng|enk|248 p.|650:Survival--Fiction;650:Boys--Fiction|noisbn
huxley-brave|a|Huxley, Aldous, 1894-1963|Brave new world : a novel|1932|London:Chatto & Windus|eng|enk|306 p.|650:Dystopias--Fiction|noisbn
shelley-frankenstein|a|Shelley, Mary Wollstonecraft, 1797-1851|Frankenstein, or, The modern Prometheus|2003|London:Penguin|eng|enk|273 p.|650:Frankenstein's monster (Fictitious character)--Fiction;650:Scientists--Fiction|ser=Penguin classics
stoker-dracula|a|Stoker, Bram, 1847-1912|Dracula|1897|Westminster:A. Constable|eng|enk|390 p.|650:Vampires--Fiction;651:Transylvania (Romania)--Fiction|noisbn
wilde-dorian|a|Wilde, Oscar, 1854-1900|The ¤picture of Dorian Gray|1891|London:Ward, Lock|eng|enk|334 p.|650:Portraits--Fiction;650:Young men--Fiction|noisbn
conrad-heart|a|Conrad, Joseph, 1857-1924|Heart of darkness|2007|London:Penguin|eng|enk|123 p.|650:Imperialism--Fiction;651:Congo River--Fiction|ser=Penguin classics
tartt-secret|a|Tartt, Donna|The ¤secret history|1992|New York:Knopf|eng|nyu|524 p.|650:College students--Fiction;650:Murder--Fiction|i10
franzen-corrections|a|Franzen, Jonathan|The ¤corrections|2001|New York:Farrar, Straus and Giroux|eng|nyu|568 p.|650:Families--Fiction;651:Middle West--Fiction|i10
christie-orient|a|Christie, Agatha, 1890-1976|Murder on the Orient Express|1934|London:Collins|eng|enk|254 p.|650:Poirot, Hercule (Fictitious character)--Fiction;650:Orient Express (Express train)--Fiction|noisbn;ser=The Crime Club
doyle-hound|a|Doyle, Arthur Conan, 1859-1930|The ¤hound of the Baskervilles : another adventure of Sherlock Holmes|1902|London:G. Newnes|eng|enk|359 p.|650:Holmes, Sherlock (Fictitious character)--Fiction;651:Dartmoor (England)--Fiction|noisbn
adams-hitchhiker|a|Adams, Douglas, 1952-2001|The ¤hitchhiker's guide to the galaxy|1979|London:Pan Books|eng|enk|159 p.|650:Science fiction;650:Space flight--Fiction|i10
pratchett-colour|a|Pratchett, Terry|The ¤colour of magic|1983|Gerrards Cross:Colin Smythe|eng|enk|206 p.|650:Discworld (Imaginary place)--Fiction;650:Fantasy fiction|i10
leguin-earthsea|a|Le Guin, Ursula K., 1929-2018|A ¤wizard of Earthsea|1968|Berkeley:Parnassus Press|eng|cau|205 p.|650:Wizards--Fiction;650:Fantasy fiction|noisbn;child
herbert-dune|a|Herbert, Frank|Dune|1965|Philadelphia:Chilton Books|eng|pau|412 p.|650:Science fiction;650:Interplanetary voyages--Fiction|noisbn
gibson-neuromancer|a|Gibson, William, 1948-|Neuromancer|1984|New York:Ace Books|eng|nyu|271 p.|650:Cyberspace--Fiction;650:Science fiction|i10
asimov-foundation|a|Asimov, Isaac, 1920-1992|Foundation|1951|New York:Gnome Press|eng|nyu|255 p.|650:Science fiction;650:Galactic empires--Fiction|noisbn
bradbury-451|a|Bradbury, Ray, 1920-2012|Fahrenheit 451|1953|New York:Ballantine Books|eng|nyu|199 p.|650:Censorship--Fiction;650:Book burning--Fiction|noisbn
vonnegut-slaughter|a|Vonnegut, Kurt, 1922-2007|Slaughterhouse-five, or, The children's crusade : a duty-dance with death|1969|New York:Delacorte Press|eng|nyu|186 p.|651:Dresden (Germany)--History--Bombardment, 1945--Fiction|noisbn
nabokov-lolita|a|Nabokov, Vladimir Vladimirovich, 1899-1977|Lolita|1955|Paris:Olympia Press|eng|fr|2 v.|650:Obsession (Psychology)--Fiction|noisbn
plath-bell|a|Plath, Sylvia, 1932-1963|The ¤bell jar|1963|London:Heinemann|eng|enk|258 p.|650:Young women--Fiction;650:Depression, Mental--Fiction|noisbn
achebe-things|a|Achebe, Chinua, 1930-2013|Things fall apart|1958|London:Heinemann|eng|enk|185 p.|650:Igbo (African people)--Fiction;651:Nigeria--Fiction|noisbn
marquez-solitude|a|García Márquez, Gabriel, 1927-2014|One hundred years of solitude|1970|New York:Harper & Row|eng|nyu|422 p.|650:Families--Fiction;651:Macondo (Imaginary place)--Fiction|noisbn;tr=Rabassa, Gregory;orig=Cien años de soledad;ol=spa
eco-rose|a|Eco, Umberto, 1932-2016|The ¤name of the rose|1983|San Diego:Harcourt Brace Jovanovich|eng|cau|502 p.|650:Monks--Fiction;651:Italy--History--1268-1492--Fiction|i10;tr=Weaver, William, 1923-2013;orig=Nome della rosa;ol=ita
murakami-norwegian|a|Murakami, Haruki, 1949-|Norwegian wood|2000|London:Harvill|eng|enk|389 p.|650:College students--Fiction;651:Tokyo (Japan)--Fiction|i10;tr=Rubin, Jay, 1941-;orig=Noruwei no mori;ol=jpn
dinesen-africa|a|Dinesen, Isak, 1885-1962|Out of Africa|1938|New York:Random House|eng|nyu|389 p.|650:Farm life--Kenya;651:Kenya--Description and travel|noisbn
dinesen-gothic|a|Dinesen, Isak, 1885-1962|Seven gothic tales|1934|New York:H. Smith & R. Haas|eng|nyu|420 p.|650:Short stories, Danish|noisbn
blixen-babette|a|Blixen, Karen, 1885-1962|Babette's feast and other stories|2013|London:Penguin|eng|enk|110 p.|650:Cooking--Fiction;651:Norway--Fiction|ser=Penguin modern classics
hoeg-smilla-us|a|Høeg, Peter, 1957-|Smilla's sense of snow|1993|New York:Farrar, Straus and Giroux|eng|nyu|453 p.|650:Inuit--Fiction;651:Copenhagen (Denmark)--Fiction|i10;tr=Nunnally, Tiina;orig=Frøken Smillas fornemmelse for sne;ol=dan
hoeg-smilla-uk|a|Hoeg, Peter, 1957-|Miss Smilla's feeling for snow|1993|London:Harvill|eng|enk|410 p.|650:Inuit--Fiction;651:Copenhagen (Denmark)--Fiction|i10;tr=David, F.;orig=Frøken Smillas fornemmelse for sne;ol=dan;note=Author name without ø (variant form)
adler-keeper|a|Adler-Olsen, Jussi, 1950-|The ¤keeper of lost causes|2011|New York:Dutton|eng|nyu|396 p.|650:Police--Denmark--Fiction;650:Cold cases (Criminal investigation)--Fiction|orig=Kvinden i buret;ol=dan
adler-mercy|a|Adler-Olsen, Jussi, 1950-|Mercy|2011|London:Penguin|eng|enk|502 p.|650:Police--Denmark--Fiction|tr=Hartford, Lisa;orig=Kvinden i buret;ol=dan
ditlevsen-trilogy|a|Ditlevsen, Tove, 1917-1976|The ¤Copenhagen trilogy : childhood, youth, dependency|2021|New York:Farrar, Straus and Giroux|eng|nyu|370 p.|600:Ditlevsen, Tove, 1917-1976;650:Authors, Danish--20th century--Biography|tr=Nunnally, Tiina & Goldman, Michael Favala;ol=dan
kierkegaard-fear|a|Kierkegaard, Søren, 1813-1855|Fear and trembling|1985|Harmondsworth:Penguin|eng|enk|158 p.|650:Faith;650:Christianity--Philosophy|i10;tr=Hannay, Alastair;orig=Frygt og bæven;ol=dan;ser=Penguin classics
kierkegaard-either|a|Kierkegaard, Søren, 1813-1855|Either/or : a fragment of life|1992|London:Penguin|eng|enk|627 p.|650:Aesthetics;650:Ethics|i10;tr=Hannay, Alastair;orig=Enten-eller;ol=dan;ser=Penguin classics
kierkegaard-sickness|a|Kierkegaard, Soren, 1813-1855|The ¤sickness unto death : a Christian psychological exposition for edification and awakening|1989|London:Penguin|eng|enk|179 p.|650:Despair;650:Sin|i10;tr=Hannay, Alastair;orig=Sygdommen til døden;ol=dan;note=Author name without ø (variant form)
andersen-tales|a|Andersen, H. C. (Hans Christian), 1805-1875|Fairy tales|2004|London:Allen Lane|eng|enk|496 p.|650:Fairy tales--Denmark|tr=Nunnally, Tiina;ol=dan
nors-karate|a|Nors, Dorthe, 1970-|Karate chop : stories|2014|Minneapolis:Graywolf Press|eng|mnu|90 p.|650:Short stories, Danish--Translations into English|tr=Aitken, Martin;ol=dan
nors-mirror|a|Nors, Dorthe, 1970-|Mirror, shoulder, signal|2017|London:Pushkin Press|eng|enk|212 p.|650:Translators--Fiction;651:Copenhagen (Denmark)--Fiction|tr=Hoekstra, Misha;orig=Spejl, skulder, blink;ol=dan
aidt-baboon|a|Aidt, Naja Marie, 1963-|Baboon|2014|San Francisco:Two Lines Press|eng|cau|199 p.|650:Short stories, Danish--Translations into English|tr=Newman, Denise;orig=Bavian;ol=dan
ravn-employees|a|Ravn, Olga, 1986-|The ¤employees : a workplace novel of the 22nd century|2020|London:Lolli Editions|eng|enk|134 p.|650:Space ships--Fiction;650:Science fiction|tr=Aitken, Martin;orig=De ansatte;ol=dan
leine-prophets|a|Leine, Kim, 1961-|The ¤prophets of Eternal Fjord|2015|New York:Liveright|eng|nyu|512 p.|650:Missionaries--Fiction;651:Greenland--History--18th century--Fiction|tr=Aitken, Martin;orig=Profeterne i Evighedsfjorden;ol=dan
jensen-drowned|a|Jensen, Carsten, 1952-|We, the drowned|2010|London:Harvill Secker|eng|enk|678 p.|650:Sailors--Fiction;651:Marstal (Denmark)--Fiction|tr=Barslund, Charlotte & Ryder, Emma;orig=Vi, de druknede;ol=dan
christensen-alphabet|a|Christensen, Inger, 1935-2009|Alphabet|2001|New York:New Directions|eng|nyu|77 p.|650:Danish poetry--Translations into English|tr=Nied, Susanna;orig=Alfabet;ol=dan;bil
christensen-butterfly|a|Christensen, Inger, 1935-2009|Butterfly valley : a requiem|2004|New York:New Directions|eng|nyu|41 p.|650:Danish poetry--Translations into English|tr=Nied, Susanna;orig=Sommerfugledalen;ol=dan;bil
jacobsen-lyhne|a|Jacobsen, J. P. (Jens Peter), 1847-1885|Niels Lyhne|2006|London:Penguin|eng|enk|188 p.|650:Atheism--Fiction;651:Denmark--Fiction|tr=Nunnally, Tiina;ol=dan;ser=Penguin classics
wiking-hygge|a|Wiking, Meik|The ¤little book of hygge : the Danish way to live well|2016|London:Penguin Life|eng|enk|287 p.|650:Happiness;650:Quality of life--Denmark;651:Denmark--Social life and customs|
redzepi-noma|a|Redzepi, René, 1977-|Noma : time and place in Nordic cuisine|2010|London:Phaidon|eng|enk|368 p.|610:Noma (Restaurant);650:Cooking, Scandinavian|
hahnemann-baking|a|Hahnemann, Trine|Scandinavian baking : loving baking at home|2014|London:Quadrille|eng|enk|240 p.|650:Baking;650:Cooking, Scandinavian|
ottolenghi-jerusalem|a|Ottolenghi, Yotam & Tamimi, Sami|Jerusalem|2012|London:Ebury Press|eng|enk|320 p.|650:Cooking, Middle Eastern;651:Jerusalem--Social life and customs|
jespersen-denmark|a|Jespersen, Knud J. V.|A ¤history of Denmark|2004|Basingstoke:Palgrave Macmillan|eng|enk|256 p.|651:Denmark--History|i10;ser=Palgrave essential histories
kernighan-c|a|Kernighan, Brian W. & Ritchie, Dennis M.|The ¤C programming language|1988|Englewood Cliffs, N.J.:Prentice Hall|eng|nju|272 p.|650:C (Computer program language)|isbn=0131103628;ed=2nd ed.
knuth-taocp|a|Knuth, Donald Ervin, 1938-|The ¤art of computer programming. Vol. 1, Fundamental algorithms|1997|Reading, Mass.:Addison-Wesley|eng|mau|650 p.|650:Computer programming;650:Computer algorithms|isbn=0201896834;ed=3rd ed.
gamma-patterns|a|Gamma, Erich & Helm, Richard & Johnson, Ralph E. & Vlissides, John|Design patterns : elements of reusable object-oriented software|1995|Reading, Mass.:Addison-Wesley|eng|mau|395 p.|650:Object-oriented programming (Computer science);650:Computer software--Reusability|isbn=0201633612
abelson-sicp|a|Abelson, Harold & Sussman, Gerald Jay|Structure and interpretation of computer programs|1996|Cambridge, Mass.:MIT Press|eng|mau|657 p.|650:Computer programming;650:LISP (Computer program language)|isbn=0262011530;ed=2nd ed.
cormen-algorithms|a|Cormen, Thomas H. & Leiserson, Charles E. & Rivest, Ronald L. & Stein, Clifford|Introduction to algorithms|2009|Cambridge, Mass.:MIT Press|eng|mau|1292 p.|650:Computer programming;650:Computer algorithms|isbn=9780262033848;ed=3rd ed.
hunt-pragmatic|a|Hunt, Andrew, 1964- & Thomas, David, 1956-|The ¤pragmatic programmer : from journeyman to master|1999|Reading, Mass.:Addison-Wesley|eng|mau|321 p.|650:Computer programming|isbn=020161622X
brooks-mythical|a|Brooks, Frederick P., Jr. (Frederick Phillips), 1931-2022|The ¤mythical man-month : essays on software engineering|1995|Reading, Mass.:Addison-Wesley|eng|mau|322 p.|650:Software engineering|isbn=0201835959;ed=Anniversary ed.
stroustrup-cpp3|a|Stroustrup, Bjarne|The ¤C++ programming language|1997|Reading, Mass.:Addison-Wesley|eng|mau|911 p.|650:C++ (Computer program language)|i10;ed=3rd ed.
skeet-csharp|a|Skeet, Jon|C# in depth|2019|Shelter Island, NY:Manning|eng|nyu|528 p.|650:C# (Computer program language);650:Microsoft .NET Framework|ed=Fourth edition
harari-sapiens|a|Harari, Yuval N.|Sapiens : a brief history of humankind|2014|London:Harvill Secker|eng|enk|443 p.|650:Human beings--History;650:Civilization--History|
hawking-time|a|Hawking, Stephen, 1942-2018|A ¤brief history of time : from the big bang to black holes|1988|Toronto:Bantam Books|eng|onc|198 p.|650:Cosmology;650:Astrophysics|i10
darwin-origin|a|Darwin, Charles, 1809-1882|On the origin of species by means of natural selection, or, The preservation of favoured races in the struggle for life|1859|London:J. Murray|eng|enk|502 p.|650:Evolution (Biology);650:Natural selection|noisbn
carson-spring|a|Carson, Rachel, 1907-1964|Silent spring|1962|Boston:Houghton Mifflin|eng|mau|368 p.|650:Pesticides--Environmental aspects;650:Pollution|noisbn
kahneman-thinking|a|Kahneman, Daniel, 1934-2024|Thinking, fast and slow|2011|New York:Farrar, Straus and Giroux|eng|nyu|499 p.|650:Thought and thinking;650:Decision making|
diamond-guns|a|Diamond, Jared M.|Guns, germs, and steel : the fates of human societies|1997|New York:W.W. Norton|eng|nyu|480 p.|650:Civilization--History;650:Social evolution|i10
beard-spqr|a|Beard, Mary, 1955-|SPQR : a history of ancient Rome|2015|London:Profile Books|eng|enk|608 p.|651:Rome--History|
attenborough-life|a|Attenborough, David, 1926-|Life on earth : a natural history|1979|London:Collins|eng|enk|319 p.|650:Evolution (Biology);650:Natural history|i10
wollstonecraft-vindication|a|Wollstonecraft, Mary, 1759-1797|A ¤vindication of the rights of woman|2004|London:Penguin|eng|enk|295 p.|650:Women's rights;650:Women--Education|ser=Penguin classics
hobsbawm-revolution|a|Hobsbawm, E. J. (Eric J.), 1917-2012|The ¤age of revolution : Europe 1789-1848|1962|London:Weidenfeld and Nicolson|eng|enk|356 p.|651:Europe--History--1789-1900|noisbn
judt-postwar|a|Judt, Tony|Postwar : a history of Europe since 1945|2005|New York:Penguin Press|eng|nyu|878 p.|651:Europe--History--1945-|
arendt-origins|a|Arendt, Hannah, 1906-1975|The ¤origins of totalitarianism|1951|New York:Harcourt, Brace|eng|nyu|477 p.|650:Totalitarianism;650:Antisemitism|noisbn
keynes-theory|a|Keynes, John Maynard, 1883-1946|The ¤general theory of employment, interest and money|1936|London:Macmillan|eng|enk|403 p.|650:Economics;650:Money|noisbn
goethe-faust|a|Goethe, Johann Wolfgang von, 1749-1832|Faust : der Tragödie erster Teil|1986|Stuttgart:Reclam|ger|gw|141 S.|650:Faust, -approximately 1540--Drama|i10;ser=Universal-Bibliothek
mann-zauberberg|a|Mann, Thomas, 1875-1955|Der ¤Zauberberg : Roman|1924|Berlin:S. Fischer|ger|gw|2 Bd.|650:Sanatoriums--Fiction;651:Davos (Switzerland)--Fiction|noisbn
mann-buddenbrooks|a|Mann, Thomas, 1875-1955|Buddenbrooks : Verfall einer Familie|1901|Berlin:S. Fischer|ger|gw|2 Bd.|650:Families--Fiction;651:Lübeck (Germany)--Fiction|noisbn
kafka-process|a|Kafka, Franz, 1883-1924|Der ¤Process : Roman|1925|Berlin:Die Schmiede|ger|gw|411 S.|650:Trials--Fiction;650:Bureaucracy--Fiction|noisbn
kafka-verwandlung|a|Kafka, Franz, 1883-1924|Die ¤Verwandlung|1915|Leipzig:K. Wolff|ger|gw|73 S.|650:Metamorphosis--Fiction|noisbn;ser=Der jüngste Tag
hesse-steppenwolf|a|Hesse, Hermann, 1877-1962|Der ¤Steppenwolf|1927|Berlin:S. Fischer|ger|gw|289 S.|650:Alienation (Social psychology)--Fiction|noisbn
hesse-siddhartha|a|Hesse, Hermann, 1877-1962|Siddhartha : eine indische Dichtung|1922|Berlin:S. Fischer|ger|gw|147 S.|650:Spiritual life--Fiction;651:India--Fiction|noisbn
remarque-westen|a|Remarque, Erich Maria, 1898-1970|Im Westen nichts Neues|1929|Berlin:Propyläen|ger|gw|287 S.|650:World War, 1914-1918--Fiction|noisbn
grass-blechtrommel|a|Grass, Günter, 1927-2015|Die ¤Blechtrommel : Roman|1959|Darmstadt:Luchterhand|ger|gw|736 S.|651:Gdańsk (Poland)--Fiction|noisbn
boell-clown|a|Böll, Heinrich, 1917-1985|Ansichten eines Clowns : Roman|1963|Köln:Kiepenheuer & Witsch|ger|gw|303 S.|650:Clowns--Fiction;651:Germany (West)--Fiction|noisbn
suskind-parfum|a|Süskind, Patrick|Das ¤Parfum : die Geschichte eines Mörders|1985|Zürich:Diogenes|ger|sz|320 S.|650:Perfumes--Fiction;650:Serial murderers--Fiction|i10
wolf-kassandra|a|Wolf, Christa, 1929-2011|Kassandra : Erzählung|1983|Darmstadt:Luchterhand|ger|gw|157 S.|650:Cassandra (Legendary character)--Fiction|i10
sebald-austerlitz|a|Sebald, W. G. (Winfried Georg), 1944-2001|Austerlitz|2001|München:Hanser|ger|gw|421 S.|650:Kindertransports (Rescue operations)--Fiction|i10
kehlmann-vermessung|a|Kehlmann, Daniel, 1975-|Die ¤Vermessung der Welt : Roman|2005|Reinbek bei Hamburg:Rowohlt|ger|gw|302 S.|600:Humboldt, Alexander von, 1769-1859--Fiction;600:Gauss, Carl Friedrich, 1777-1855--Fiction|
erpenbeck-heimsuchung|a|Erpenbeck, Jenny, 1967-|Heimsuchung : Roman|2008|Frankfurt am Main:Eichborn|ger|gw|189 S.|651:Brandenburg (Germany)--Fiction|
rilke-malte|a|Rilke, Rainer Maria, 1875-1926|Die ¤Aufzeichnungen des Malte Laurids Brigge|1910|Leipzig:Insel-Verlag|ger|gw|2 Bd.|650:Danes--France--Paris--Fiction|noisbn
nietzsche-zarathustra|a|Nietzsche, Friedrich Wilhelm, 1844-1900|Also sprach Zarathustra : ein Buch für Alle und Keinen|1883|Chemnitz:E. Schmeitzner|ger|gw|4 Bd.|650:Philosophy, German|noisbn
marx-kapital|a|Marx, Karl, 1818-1883|Das ¤Kapital : Kritik der politischen Oekonomie. Erster Band|1867|Hamburg:O. Meissner|ger|gw|784 S.|650:Capital;650:Economics|noisbn
ende-geschichte|a|Ende, Michael|Die ¤unendliche Geschichte : von A bis Z|1979|Stuttgart:Thienemann|ger|gw|428 S.|650:Fantasy fiction;650:Books and reading--Fiction|i10;child
kaestner-emil|a|Kästner, Erich, 1899-1974|Emil und die Detektive : ein Roman für Kinder|1929|Berlin:Williams|ger|gw|172 S.|650:Detectives--Fiction;651:Berlin (Germany)--Fiction|noisbn;child
camus-etranger|a|Camus, Albert, 1913-1960|L'¤étranger|1942|Paris:Gallimard|fre|fr|159 p.|650:Alienation (Social psychology)--Fiction;651:Algeria--Fiction|noisbn
camus-peste|a|Camus, Albert, 1913-1960|La ¤peste|1947|Paris:Gallimard|fre|fr|337 p.|650:Plague--Fiction;651:Oran (Algeria)--Fiction|noisbn
exupery-prince|a|Saint-Exupéry, Antoine de, 1900-1944|Le ¤petit prince|1946|Paris:Gallimard|fre|fr|93 p.|650:Princes--Fiction;650:Fairy tales|noisbn;child
exupery-prince-us|a|Saint-Exupéry, Antoine de, 1900-1944|Le ¤petit prince|1943|New York:Reynal & Hitchcock|fre|nyu|91 p.|650:Princes--Fiction|noisbn;child
proust-swann|a|Proust, Marcel, 1871-1922|Du côté de chez Swann|1913|Paris:B. Grasset|fre|fr|523 p.|650:Memory--Fiction;651:France--Social life and customs--Fiction|noisbn;ser=À la recherche du temps perdu
flaubert-bovary|a|Flaubert, Gustave, 1821-1880|Madame Bovary : moeurs de province|1857|Paris:Michel Lévy frères|fre|fr|2 v.|650:Adultery--Fiction;651:Normandy (France)--Fiction|noisbn
hugo-miserables|a|Hugo, Victor, 1802-1885|Les ¤misérables|1862|Paris:A. Lacroix, Verboeckhoven|fre|fr|10 v.|650:Ex-convicts--Fiction;651:France--History--1815-1848--Fiction|noisbn
dumas-mousquetaires|a|Dumas, Alexandre, 1802-1870|Les ¤trois mousquetaires|1844|Paris:Baudry|fre|fr|8 v.|651:France--History--Louis XIII, 1610-1643--Fiction|noisbn
sartre-nausee|a|Sartre, Jean-Paul, 1905-1980|La ¤nausée : roman|1938|Paris:Gallimard|fre|fr|223 p.|650:Existentialism--Fiction|noisbn
beauvoir-sexe|a|Beauvoir, Simone de, 1908-1986|Le ¤deuxième sexe|1949|Paris:Gallimard|fre|fr|2 v.|650:Women;650:Feminism|noisbn
duras-amant|a|Duras, Marguerite|L'¤amant|1984|Paris:Éditions de Minuit|fre|fr|142 p.|650:Teenage girls--Fiction;651:Vietnam--Fiction|i10
houellebecq-particules|a|Houellebecq, Michel, 1956-|Les ¤particules élémentaires : roman|1998|Paris:Flammarion|fre|fr|393 p.|650:Brothers--Fiction|i10
ernaux-annees|a|Ernaux, Annie, 1940-|Les ¤années|2008|Paris:Gallimard|fre|fr|241 p.|651:France--Social life and customs--20th century|
zola-germinal|a|Zola, Émile, 1840-1902|Germinal|1885|Paris:G. Charpentier|fre|fr|591 p.|650:Coal miners--Fiction;650:Strikes and lockouts--Fiction|noisbn
verne-vingt|a|Verne, Jules, 1828-1905|Vingt mille lieues sous les mers|1870|Paris:J. Hetzel|fre|fr|434 p.|650:Submarines (Ships)--Fiction;650:Nemo, Captain (Fictitious character)--Fiction|noisbn
baudelaire-fleurs|a|Baudelaire, Charles, 1821-1867|Les ¤fleurs du mal|1857|Paris:Poulet-Malassis et de Broise|fre|fr|248 p.|650:French poetry--19th century|noisbn
yourcenar-hadrien|a|Yourcenar, Marguerite|Mémoires d'Hadrien|1951|Paris:Plon|fre|fr|325 p.|600:Hadrian, Emperor of Rome, 76-138--Fiction|noisbn
perec-vie|a|Perec, Georges, 1936-1982|La ¤vie mode d'emploi : romans|1978|Paris:Hachette|fre|fr|699 p.|650:Apartment houses--Fiction;651:Paris (France)--Fiction|i10
slimani-chanson|a|Slimani, Leïla, 1981-|Chanson douce : roman|2016|Paris:Gallimard|fre|fr|227 p.|650:Nannies--Fiction;651:Paris (France)--Fiction|
lagerlof-gosta|a|Lagerlöf, Selma, 1858-1940|Gösta Berlings saga|1891|Stockholm:Fahlcrantz|swe|sw|2 v.|651:Värmland (Sweden)--Fiction|noisbn
strindberg-roda|a|Strindberg, August, 1849-1912|Röda rummet : skildringar ur artist- och författarlivet|1879|Stockholm:J. Seligmann|swe|sw|387 s.|651:Stockholm (Sweden)--Fiction|noisbn
lindgren-pippi|a|Lindgren, Astrid, 1907-2002|Pippi Långstrump|1945|Stockholm:Rabén & Sjögren|swe|sw|189 s.|650:Girls--Fiction;650:Humorous stories|noisbn;child
lindgren-mio|a|Lindgren, Astrid, 1907-2002|Mio, min Mio|1954|Stockholm:Rabén & Sjögren|swe|sw|177 s.|650:Fantasy fiction|noisbn;child
lindgren-lejon|a|Lindgren, Astrid, 1907-2002|Bröderna Lejonhjärta|1973|Stockholm:Rabén & Sjögren|swe|sw|231 s.|650:Brothers--Fiction;650:Death--Fiction|i10;child
moberg-utvandrarna|a|Moberg, Vilhelm, 1898-1973|Utvandrarna : roman|1949|Stockholm:Bonnier|swe|sw|494 s.|650:Swedish Americans--Fiction;650:Emigration and immigration--Fiction|noisbn
larsson-man|a|Larsson, Stieg, 1954-2004|Män som hatar kvinnor|2005|Stockholm:Norstedt|swe|sw|538 s.|650:Journalists--Fiction;651:Sweden--Fiction|i10;ser=Millennium
mankell-mordare|a|Mankell, Henning, 1948-2015|Mördare utan ansikte|1991|Stockholm:Ordfront|swe|sw|278 s.|650:Wallander, Kurt (Fictitious character)--Fiction;651:Ystad (Sweden)--Fiction|i10
ekman-handelser|a|Ekman, Kerstin, 1933-|Händelser vid vatten|1993|Stockholm:Bonnier|swe|sw|449 s.|650:Murder--Fiction;651:Jämtland (Sweden)--Fiction|i10
transtromer-ostersjoar|a|Tranströmer, Tomas, 1931-2015|Östersjöar : en dikt|1974|Stockholm:Bonnier|swe|sw|35 s.|650:Swedish poetry--20th century|i10
sjowall-roseanna|a|Sjöwall, Maj, 1935-2020 & Wahlöö, Per, 1926-1975|Roseanna : roman om ett brott|1965|Stockholm:Norstedt|swe|sw|231 s.|650:Beck, Martin (Fictitious character)--Fiction|noisbn
backman-ove|a|Backman, Fredrik, 1981-|En ¤man som heter Ove|2012|Stockholm:Forum|swe|sw|350 s.|650:Widowers--Fiction;650:Neighbors--Fiction|
jansson-trollvinter|a|Jansson, Tove, 1914-2001|Trollvinter|1957|Helsingfors:Schildt|swe|fi|139 s.|650:Moomins (Fictitious characters)--Fiction|noisbn;child
ibsen-dukkehjem|a|Ibsen, Henrik, 1828-1906|Et ¤dukkehjem : skuespil i tre akter|1879|Kjøbenhavn:Gyldendal|nor|dk|180 s.|650:Married women--Drama|noisbn
ibsen-peer|a|Ibsen, Henrik, 1828-1906|Peer Gynt : et dramatisk digt|1867|Kjøbenhavn:Gyldendal|nor|dk|256 s.|650:Peer Gynt (Legendary character)--Drama|noisbn
hamsun-sult|a|Hamsun, Knut, 1859-1952|Sult : roman|1890|Kjøbenhavn:P.G. Philipsen|nor|dk|244 s.|650:Hunger--Fiction;651:Oslo (Norway)--Fiction|noisbn
hamsun-markens|a|Hamsun, Knut, 1859-1952|Markens grøde|1917|Kristiania:Gyldendal|nor|no|2 b.|650:Farmers--Fiction;651:Norway--Fiction|noisbn
undset-kristin|a|Undset, Sigrid, 1882-1949|Kristin Lavransdatter|1920|Kristiania:Aschehoug|nor|no|3 b.|651:Norway--History--1030-1397--Fiction|noisbn
knausgard-kamp|a|Knausgård, Karl Ove, 1968-|Min kamp : roman. Første bok|2009|Oslo:Oktober|nor|no|487 s.|650:Fathers and sons--Fiction|
gaarder-sofie|a|Gaarder, Jostein, 1952-|Sofies verden : roman om filosofiens historie|1991|Oslo:Aschehoug|nor|no|521 s.|650:Philosophy--History--Fiction|i10
fosse-trilogien|a|Fosse, Jon, 1959-|Trilogien|2014|Oslo:Samlaget|nno|no|184 s.|651:Norway--Fiction|
vesaas-isslottet|a|Vesaas, Tarjei, 1897-1970|Is-slottet|1963|Oslo:Gyldendal|nno|no|177 s.|650:Friendship--Fiction;650:Girls--Fiction|noisbn
petterson-hester|a|Petterson, Per, 1952-|Ut og stjæle hester : roman|2003|Oslo:Oktober|nor|no|259 s.|650:Fathers and sons--Fiction|i10
nesbo-flaggermus|a|Nesbø, Jo, 1960-|Flaggermusmannen|1997|Oslo:Aschehoug|nor|no|362 s.|650:Hole, Harry (Fictitious character)--Fiction;651:Sydney (N.S.W.)--Fiction|i10
beatles-abbey|j|Beatles|Abbey road|1987|London:Parlophone|eng|enk|1 audio disc (47 min.)|650:Rock music--1961-1970|corp;label=CDP 7 46446 2;noisbn
davis-blue|j|Davis, Miles, 1926-1991|Kind of blue|1997|New York:Columbia/Legacy|zxx|nyu|1 audio disc (55 min.)|650:Jazz--1951-1960|label=CK 64935;noisbn
gould-goldberg|j|Bach, Johann Sebastian, 1685-1750|Goldberg-Variationen|1956|New York:Columbia Masterworks|zxx|nyu|1 audio disc|650:Variations (Harpsichord);650:Piano music|label=ML 5060;noisbn;perf=Gould, Glenn, 1932-1982
sibelius-symphonies|j|Sibelius, Jean, 1865-1957|Symphonies nos. 1-7|2015|Helsinki:Ondine|zxx|fi|4 audio discs|650:Symphonies|noisbn;label=ODE 1286-2Q
bergman-seal|g||Det ¤sjunde inseglet|2009|New York:Criterion Collection|swe|nyu|1 videodisc (96 min.)|650:Knights and knighthood--Drama;650:Death--Drama;655:Feature films|noisbn;note=Director: Ingmar Bergman. Originally released as a motion picture in 1957
dreyer-ordet|g||Ordet|2001|New York:Criterion Collection|dan|nyu|1 videodisc (126 min.)|650:Faith--Drama;651:Jutland (Denmark)--Drama;655:Feature films|noisbn;note=Director: Carl Th. Dreyer. Originally released as a motion picture in 1955
trier-waves|g||Breaking the waves|2000|London:Artificial Eye|eng|enk|1 videodisc (159 min.)|650:Married people--Drama;651:Scotland--Drama;655:Feature films|noisbn;note=Director: Lars von Trier. Originally released as a motion picture in 1996
nature-s|s||Nature|1869|London:Macmillan Journals|eng|enk|v.|650:Science--Periodicals|issn=0028-0836
newyorker-s|s||The ¤New Yorker|1925|New York:F-R Pub. Corp.|eng|nyu|v.|650:American literature--Periodicals|issn=0028-792X
spiegel-s|s||Der ¤Spiegel|1947|Hamburg:Spiegel-Verlag|ger|gw|v.|651:Germany--Politics and government--Periodicals|issn=0038-7452
scandhist-s|s||Scandinavian journal of history|1976|Stockholm:Almqvist & Wiksell|eng|sw|v.|651:Scandinavia--History--Periodicals|issn=0346-8755
ordbild-s|s||Ord och bild|1892|Stockholm:Wahlström & Widstrand|swe|sw|v.|650:Swedish literature--Periodicals|issn=0030-4492
"""
