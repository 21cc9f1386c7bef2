"""The bilingual lexicon and the place tables the normaliser reads (``normalise.py``).

Plain data: German word forms bridged to English words, and countries, cities and regions
with their German names and adjectives. Changing it changes how passages normalise, so a
saved index is rebuilt (``index.normaliser_version`` hashes this file too).
"""

# German word forms (| separated) -> English words. Kept general: common news vocabulary.
# A form is looked up by its German stem, and the stem also reads the ends and starts of
# compounds ("Massengrab": grave), so a short stem can translate words it was not meant
# for; some lines are there to stop that: "hundert" keeps "Hunderte" from "Hund",
# "programm" keeps "Programm" from "Gramm", and a line with no English words after the
# colon ("dänemark:") keeps a place that the place tables name from a compound reading.
# A German form whose stem is an English word too ("Grab", "Alter", "Tor", "Container")
# lists that English word among its own, so that English copy keeps "grab", "alter",
# "tore" and "contains" as they are: normalise reads a lexicon form in English text as a
# German word unless the lexicon's English words have it.
LEXICON_SOURCE = """
übernahme|übernahmen: acquisition takeover
übernehmen|übernimmt|übernahm: acquire take over
angebot|angebote|gebot|gebote: offer bid
bieten|bietet: offer bid
kaufen|kauft|kaufte|kauf: buy purchase
verkaufen|verkauft|verkaufte|verkauf: sell sale
klage|klagen|verklagt|verklagte|verklagen: lawsuit sue
kläger: plaintiff
beklagte: defendant
gericht|gerichte|gerichts: court
gerichtsakten|gerichtsakte|gerichtsdokumente: court filing documents
richter|richterin: judge
urteil: ruling verdict
prozess: trial
akte|akten|dokument|dokumente|unterlagen: document documents filing
antrag|anträge: motion filing request
unterzeichnen|unterzeichnet|unterzeichnete|unterzeichneten|unterschreiben|unterschrieb: sign
absichtserklärung|absichtserklärungen: letter of intent
vertrag|verträge: contract agreement
vereinbarung|abkommen: agreement deal
milliarde|milliarden|mrd|bn: billion
million|millionen|mio: million
tausend: thousand
billion|billionen: trillion
unternehmen|firma: company firm
konzern|konzerne|konzerns: company firm
konzept|konzepte|konzepts: concept
konzert|konzerte|konzerts: concert
konzentration|konzentriert|konzentrieren: concentration concentrated
konzession|konzessionen: concession licence
gesellschaft: company society
chef|chefin|vorstandschef|konzernchef: chief executive ceo head
gründer|mitgründer|mitbegründer: founder cofounder
vorstand: board executive
aufsichtsrat|verwaltungsrat: board directors
aktionär|aktionäre: shareholder
aktie|aktien: share shares stock
anleger|investor|investoren: investor
investition|investitionen|beteiligung: investment stake
finanzierung: financing funding
finanziell|finanzielle|finanziellen: financial
börse: stock market exchange
umsatz: revenue sales
gewinn: profit
verlust|verluste: loss
stellen|arbeitsplätze|jobs: jobs positions
mitarbeiter|beschäftigte|angestellte: employees staff workers
streichen|streicht|strich: cut
entlassungen|stellenabbau: layoffs job cuts
regierung: government
bundesregierung: federal government
minister|ministerin: minister
kanzler|bundeskanzler: chancellor
präsident|präsidentin: president
wahl|wahlen: election
partei: party
gesetz|gesetze: law
behörde|behörden: authority agency
ermittlungen|ermittelt: investigation investigate
polizei: police
staatsanwaltschaft: prosecutors
vorwurf|vorwürfe: allegation accusation
bericht|berichte|berichtet|berichtete|meldet|meldete: report reported
zeitung: newspaper
quelle|quellen: source
sprecher|sprecherin: spokesperson
erklärung|mitteilung: statement
interview: interview
behauptung|behauptet: claim
ablehnen|abgelehnt|lehnte|zurückgewiesen|zurück|wies: reject rejected
zustimmen|zugestimmt: approve agree
fordern|fordert|forderte|herausfordern|herausforderung|heraus: challenge demand
käfigkampf|käfigmatch: cage match fight
kampf: fight
rivale|rivalen|konkurrent|konkurrenten|gegenspieler: rival competitor
rivalität: rivalry
wettbewerb|konkurrenz: competition
plattform: platform
netzwerk: network
künstliche|ki: artificial intelligence ai
intelligenz: intelligence
kalifornien: california
vereinigte|usa: united states
deutschland: germany
europa|europäische: europe european
welt|weltweit: world worldwide
jahr|jahre|jahren|jahres: year
monat|monate: month
woche|wochen: week
tag|tage: day
heute: today
gestern: yesterday
februar: february
märz: march
juni: june
juli: july
dezember: december
oktober: october
januar: january
mai: may
versuch|versuchte|versucht: attempt try tried
plan|pläne|plant|plante|planen|geplant|geplante|geplanten: plan
gewinnen: win
verhandeln|verhandlung|verhandlungen: negotiate negotiations
gespräche: talks
deal: deal
partnerschaft: partnership
kommunizieren|kommunizierte|kommunikation: communicate communication
öffentlich|veröffentlicht|veröffentlichte: public published
gemeinnützig|gemeinnützige|gemeinnützigen: nonprofit
stiftung: foundation
kontrolle: control
mission: mission
dollar|us-dollar: dollar
euro: euro
pfund: pound
prozent: percent cent
steigen|stieg|gestiegen|anstieg: rise rose increase
sinken|sank|gesunken|rückgang: fall fell decline
preis|preise: price
kosten: cost
steuer|steuern: tax
schulden: debt
zinsen: interest rates
krieg: war
angriff: attack
tote|toten: dead killed
verletzte|verletzt|verletzten: injured
studie: study
forscher|forscherin: researcher
impfstoff: vaccine
gesundheit: health
krankenhaus: hospital
klima: climate
energie: energy
strom: electricity power
auto|autos: car cars
hersteller: maker manufacturer
elektroauto|elektroautos: electric car
start|startete|gestartet|starten: launch launched start
neu|neue|neuen: new
gross|grosse|grössten|größten: big largest
sagte|sagt|erklärte: said
nie: never
beide: both
gleichzeitig: simultaneously concurrent same time
mögliche|möglichen|möglich: potential possible
heimlich: secret
enthüllung: revelation
deutsch|deutsche|deutschen|deutscher|deutsches: german
bund|bundes: federal
italiener: italian
briten: british
amerikaner: american
norden|nord|norddeutschland: north northern
süden|süd|süddeutschland: south southern
westen|westlich|westlichen|westdeutschland: west western
osten|östlich|östlichen|ostdeutschland: east eastern
schweizer: swiss
inflation|inflationsrate|teuerung|teuerungsrate: inflation
verbraucherpreise: consumer prices
wirtschaft|konjunktur: economy
wachstum: growth
wachsen|wächst|wuchs|gewachsen: grow grew
rezession: recession
haushalt|etat: budget
bundeshaushalt: federal budget
ausgaben: spending expenditure
einnahmen: revenue income
neuverschuldung|kreditaufnahme: borrowing
subvention|subventionen|förderung|fördergelder|zuschuss|zuschüsse: subsidy subsidies
fördern|fördert|förderte|gefördert: subsidise support
einlage|einlagen: deposit
senken|senkt|senkte|gesenkt|senkung: cut lower
erhöhen|erhöht|erhöhte|erhöhung: raise increase
steigt|stiegen: rise rose
fällt|fiel|fielen|gefallen: fall fell
quartal|quartals: quarter
prognose|prognosen: forecast
insolvenz|pleite: insolvency bankruptcy
werk|werke|werks|fabrik|fabriken: plant factory
schließen|schließt|schloss|schlossen|geschlossen|schließung: close closure
abbauen|abzubauen|abgebaut|abbau: cut
auslagern: outsource
lohn|löhne|gehalt|gehälter: wage pay salary
mindestlohn: minimum wage
stunde|stunden|stündigen: hour
arbeitslose|arbeitslosen|arbeitslosigkeit|erwerbslose: unemployed unemployment jobless
gewerkschaft|gewerkschaften: union
streik|streiks|warnstreik|streiken|streikten|bestreikt: strike
bestellen|bestellt|bestellte|bestellung|bestellungen|auftrag|aufträge: order
flugzeug|flugzeuge: aircraft plane
fluggesellschaft|fluglinie: airline
flughafen|flughäfen: airport
flug|flüge: flight flights
passagier|passagiere|fluggäste|fahrgäste: passenger passengers
zug|züge: train
fernverkehr: long-distance
fahrplan: timetable
zulieferer|autozulieferer: supplier
autobauer|autohersteller: carmaker
chemie: chemicals chemistry
stahl: steel
sparte: division
zucker: sugar
kartell|preisabsprachen: cartel price fixing
miete|mieten|angebotsmieten: rent rents
mieter|mieterin: tenant
vermieter|vermieterin: landlord
wohnung|wohnungen: flat flats home homes
immobilie|immobilien: property
quadratmeter: square metre
heizung|heizungen: heating
erdgas: gas
kabel|kabelanschluss: cable
nebenkosten: service charges
abrechnen|abgerechnet: bill charge
stimme|stimmen|gegenstimmen: vote votes
enthaltung|enthaltungen: abstention abstentions
abgeordnete|abgeordneten: lawmakers
verabschieden|verabschiedet|verabschiedete: pass passed
koalition: coalition
wähler|wählerinnen: voters
wählen|gewählt|wählte: elect elected
wahlgang: round ballot
ergebnis|ergebnisse: result earnings profit
verfassung: constitution
verfassungswidrig: unconstitutional
verurteilen|verurteilt|verurteilte: sentence convict
schuldig: guilty
haft|gefängnis|haftstrafe: prison
angeklagte|angeklagten|anklage: defendant accused charges
strafe|geldstrafe|bußgeld|bußgelder: fine penalty
verhängen|verhängt|verhängte: impose
razzia|razzien: raid
durchsuchen|durchsucht|durchsuchte|durchsuchung|durchsuchungen: search searched
festnahme|festgenommen: arrest arrested
schleuser: smugglers
mutmaßlich|mutmaßliche|mutmaßlichen: suspected alleged
täter|attentäter: attacker
anschlag|attentat: attack
opfer: victim victims
weihnachtsmarkt: christmas market
skandal: scandal
früheren|frühere|ehemalige|ehemaligen: former
starben|gestorben: died
wetter: weather
hitze: heat
temperatur|temperaturen: temperature
grad: degrees
sturm|sturmtief|unwetter: storm
hochwasser|flut|überschwemmung|überschwemmungen: flood floods
rekord|rekorde: record
teilnehmer|teilnehmerinnen|teilnehmenden: participants
patient|patienten: patient patients
medikament|medikamente|arzneimittel: drug
risiko|risiken: risk
herzinfarkt: heart attack
universität|hochschule: university
forschende|forschenden: researchers
teleskop|weltraumteleskop: telescope
planet|planeten: planet
erde: earth
lichtjahre: light years
entdecken|entdeckt|entdeckte: discover discovered found
batterie|batterien: battery
kapazität: capacity
entwickeln|entwickelt|entwickelte: develop developed
ernte|getreideernte: harvest
erdbeben|beben: earthquake
stärke: magnitude strength
autobahn|autobahnen: motorway motorways
ausbau|ausbauen: expansion expand
stimmberechtigte|stimmberechtigten: voters
volksabstimmung|abstimmung|referendum: referendum vote
kanton|kantons: canton
getreide: grain
tonnen|tonne: tonnes
landwirte|bauernverband: farmers
saison: season
meisterschaft|meister|titel: title champions
niederlage: defeat
finale: final
verein|vereins: club
stürmer: striker
mittelfeldspieler: midfielder
ablöse|ablösesumme: fee
verpflichtet|verpflichten: sign
verlor|verloren|verlieren|unterlag: lost lose
bevölkerung|einwohner: population
zuwanderung|einwanderung: immigration
menschen: people
demonstration|demonstrieren|demonstriert|demonstranten|proteste: protest
rechtsextremismus|rechtsextreme|rechtsextremen: far right
veranstalter: organisers
schätzung|schätzungen|schätzt: estimate
verschieben|verschiebt|verschoben: delay postpone
projekt: project
erstmals: first time
geschichte: history
punkte|punkten: points
mitteilen|mitgeteilt|mitteilte|teilte: said announced
ankündigen|angekündigt|kündigte: announce announced
betroffen: affected
montag|montags: monday
dienstag|dienstags: tuesday
mittwoch|mittwochs: wednesday
donnerstag|donnerstags: thursday
freitag|freitags: friday
samstag|samstags|sonnabend: saturday
sonntag|sonntags: sunday
april: april
august: august
september: september
november: november
wochenende: weekend
morgen: tomorrow
vormittag: morning
abend|abends: evening
nacht|nächte|nachts: night
jahrzehnt|jahrzehnte|jahrzehnten: decade
jahrhundert|jahrhunderts: century
halbjahr|halbjahres: half year
hälfte|halb|halbe|halben: half
geschäftsjahr|geschäftsjahres|haushaltsjahr|haushaltsjahres|finanzjahr: fiscal year
erste|erster|ersten|erstes: first
zweite|zweiter|zweiten|zweites: second
dritte|dritter|dritten|drittes: third
vierte|vierter|vierten|viertes: fourth
fünfte|fünfter|fünften: fifth
letzte|letzter|letzten|letztes: last
vergangene|vergangenen|vergangener: last past
mindestens|wenigstens: least
fast|nahezu|beinahe: almost nearly
insgesamt: total
durchschnitt|durchschnittlich|durchschnittliche: average
zahl: number figure
anzahl: number
leitzins|leitzinsen|leitzinses|zinssatz: interest rate policy benchmark
notenbank|zentralbank|notenbanken|zentralbanken: central bank
geldpolitik|geldpolitische|geldpolitischen: monetary policy
währung|währungen: currency
wechselkurs: exchange rate
anhebung|anheben|angehoben|hebt|hob: raise hike
zinserhöhung|zinserhöhungen: rate hike
zinssenkung|zinssenkungen: rate cut
defizit|defizits|haushaltsdefizit: deficit
überschuss|überschüsse: surplus
staatsschulden|verschuldung: debt
anleihe|anleihen|staatsanleihen: bond bonds
rendite|renditen: yield
kredit|kredite|darlehen: loan credit
sparkasse: savings bank
budget|budgets: budget
finanzen: finance
finanzminister|finanzministerin: finance minister
wirtschaftsminister|wirtschaftsministerin: economy minister
wirtschaftswachstum: economic growth
bruttoinlandsprodukt|bip: gross domestic product gdp
export|exporte|ausfuhr|ausfuhren: export exports
import|importe|einfuhr|einfuhren: import imports
handel|handels: trade
handelsbilanz: trade balance
zoll|zölle|zöllen: tariff customs
sanktion|sanktionen: sanctions
markt|märkte|marktes: market
nachfrage: demand
knappheit|mangel: shortage
lieferung|lieferungen|liefern|geliefert: delivery deliver shipment
lieferkette|lieferketten: supply chain
ölpreis|ölpreise: oil price
öl|erdöl|rohöl: oil crude
fördermenge|produktion|produziert|produzieren: production output
kohle: coal
atomkraft|kernkraft|kernenergie: nuclear power
kraftwerk|kraftwerke: power plant
solaranlage|solaranlagen|photovoltaik: solar
windkraft|windenergie|windräder: wind power
erneuerbare|erneuerbaren: renewable
emission|emissionen|ausstoß: emissions
klimawandel|erderwärmung: climate change global warming
klimaschutz: climate protection
umsatzwachstum: revenue growth sales growth
organisch|organische|organischen: organic
operativ|operative|operativen: operating
betriebsgewinn|betriebsergebnis: operating profit
nettogewinn|reingewinn: net profit
quartalsgewinn: quarterly profit
dividende|dividenden: dividend
bilanz: balance sheet results
aktienkurs|kurs|kurse: share price
börsenwert|marktwert|marktkapitalisierung: market value capitalisation
wert: value worth
händler: trader dealer retailer
rohstoff|rohstoffe: commodity commodities
kakao: cocoa
kaffee: coffee
weizen: wheat
goldpreis: gold price
pharmakonzern|pharmaunternehmen: drugmaker pharmaceutical company
chipkonzern|chiphersteller|halbleiter: chipmaker semiconductor chip
chip|chips: chip
autokonzern: carmaker
ölkonzern: oil company
lebensmittelkonzern: food company
einzelhandel: retail retailer
kunden|kunde|kundin: customer customers
verbraucher: consumer consumers
produkt|produkte: product
marke|marken: brand
ausblick: outlook forecast
erwartung|erwartungen|erwartet|erwartete|erwarten: expectation expect expected
analyst|analysten: analyst analysts
übertreffen|übertroffen|übertraf: beat exceed
verfehlen|verfehlt|verfehlte: miss
erreichen|erreicht|erreichte: reach
rekordhoch|höchststand|allzeithoch: record high
tiefststand: low
fusion|fusionen: merger fusion
experiment|experimente: experiment
abwertung: devaluation
firmen: company firm
unternehmens: company firm
versicherung|versicherungen|versicherer: insurance insurer
krankenkasse|krankenkassen: health insurer
arbeitsmarkt: labour market
arbeitslosenquote: unemployment rate
beschäftigung: employment
fachkräfte: skilled workers
fachkräftemangel: skills shortage
sozialleistungen: benefits
armut: poverty
lebensmittel|nahrungsmittel: food
hunger: hunger
bürgermeister|bürgermeisterin|oberbürgermeister: mayor
gemeinderat|stadtrat|stadträte|gemeinderäte|stadtparlament: city council
stadtregierung|stadtverwaltung|magistrat: city government
stadt|städte|großstadt: city town
gemeinde|gemeinden|kommune|kommunen: municipality community local authorities
rathaus: city hall town hall
bezirk|bezirke|landkreis|kreis: district
länder|bundesland|bundesländer: state states
landesregierung: state government
region|regionen: region
provinz|provinzen: province
hauptstadt: capital
bürger: citizens residents
genehmigen|genehmigt|genehmigte|genehmigung: approve approved approval
beschließen|beschlossen|beschloss|beschluss: pass decide approved decision
billigen|gebilligt|billigte: approve
bewilligen|bewilligt: approve grant
ablehnung: rejection
zustimmung: approval
abstimmen|abgestimmt|stimmte: vote
mehrheit|mehrheiten: majority
minderheit: minority
parlament|parlaments: parliament legislature
bundestag: bundestag parliament
landtag: state parliament
unterhaus: lower house
oberhaus|senat: upper house senate
sitz|sitze|sitzen: seat seats
wahlsieg|sieg|siege: victory win
wahlsieger|sieger: winner
gewinnt|gewann|gewonnen: won win
stichwahl: runoff
parlamentswahl|parlamentswahlen: parliamentary election
präsidentschaftswahl|präsidentenwahl: presidential election
kommunalwahl|kommunalwahlen: local election
wahlkampf: campaign
wahlbeteiligung: turnout
kandidat|kandidatin|kandidaten: candidate
opposition|oppositionsführer: opposition
regierungschef|regierungschefin|premierminister|premierministerin|ministerpräsident|ministerpräsidentin: prime minister premier
staatschef|staatsoberhaupt: head of state president
außenminister|außenministerin: foreign minister
innenminister|innenministerin: interior minister
verteidigungsminister|verteidigungsministerin: defence minister
ministerium|ministeriums: ministry
rücktritt|zurückgetreten: resign resignation
amt|amtes|amtszeit: office term
sitzung: session meeting
gipfel|gipfeltreffen: summit
treffen|trifft|traf|getroffen: meet meeting
botschafter: ambassador
diplomat|diplomaten: diplomat
bündnis|verbündete|verbündeten: alliance allies
waffenruhe|waffenstillstand: ceasefire
frieden|friedensgespräche: peace
soldat|soldaten|truppen: soldiers troops
armee|militär|streitkräfte: army military armed forces
militärjunta|junta: military junta
rakete|raketen: missile rocket
drohne|drohnen: drone
flüchtling|flüchtlinge|geflüchtete: refugee refugees
migranten|migration: migrants migration
asyl|asylbewerber: asylum
grenze|grenzen: border
gesetzentwurf: bill draft law
reform|reformen: reform
verbot|verbote|verboten|verbieten|verbietet: ban banned
erlaubt|erlauben|erlaubnis: allow allowed permit
gerichtshof|gerichtshofs: court
oberster|obersten|oberste: supreme highest
bundesgericht: federal court
verfassungsgericht: constitutional court
berufung|berufungsgericht: appeal
bestätigen|bestätigt|bestätigte: confirm upheld
aufheben|aufgehoben|kippen|gekippt|kippte: overturn overturned
entscheidung|entscheidungen|entschied|entschieden: decision ruling ruled
geurteilt|urteilte: ruled ruling
freispruch|freigesprochen: acquitted acquittal
bewährung: probation
verfahren|verfahrens: proceedings case
ermittler: investigators
verdacht|verdächtig|verdächtige|verdächtigen: suspicion suspect suspects
zeuge|zeugen: witness
beweis|beweise: evidence
anwalt|anwältin|anwälte|rechtsanwalt: lawyer
staatsanwalt|staatsanwältin: prosecutor
betrug|betrugs: fraud
korruption|bestechung: corruption bribery
geldwäsche: money laundering
mord|morde|ermordet: murder
tötung|getötet|getötete|tötete: killed killing
schießerei|schüsse: shooting
verhaftet|verhaftung: arrested arrest
gefängnisstrafe|freiheitsstrafe: prison sentence
wettbewerbsstrafe|kartellstrafe: antitrust fine
menschenrecht|menschenrechte: human rights
recht|rechte: right rights law
verletzung|verletzungen: violation injury
datenschutz: data protection privacy
datenleck|datenpanne: data breach leak
daten: data
nutzer|nutzerin|nutzern: users
hackerangriff|hackerangriffe|cyberangriff|cyberangriffe|cyberattacke|cyberattacken: cyberattack cyber attack hack
schadenersatz|entschädigung: damages compensation
seniorinnen|senioren|rentner: seniors pensioners older
gesundheitsbehörde|gesundheitsamt: health authority
krankheit|krankheiten|erkrankung: disease illness
fälle|fällen: case cases
infektion|infektionen|infiziert|ansteckung: infection infections infected
impfung|impfungen|geimpft: vaccination vaccinated
masern: measles
keuchhusten: whooping cough pertussis
grippe|influenza: flu influenza
corona|covid: covid coronavirus
viren: virus
pandemie|epidemie: pandemic epidemic
ausbruch: outbreak
todesfälle|todesfall|todesopfer|opferzahl: deaths death toll
tod|todes: death
sterben|stirbt: die died
verstorben|verstorbene: died
sterblichkeit: mortality
lebenserwartung: life expectancy
leben|lebens: life
überdosis|überdosen: overdose
drogentote|drogentoten: drug deaths overdose
drogen|droge: drugs
gemeldet|melden: reported
registriert|registrierte|verzeichnet|verzeichnete: registered recorded
verzeichnen: record
nachgewiesen: confirmed detected
laborbestätigt: laboratory confirmed
arzt|ärzte|ärztin: doctor doctors
pflege: care nursing
klinik|kliniken: clinic hospital
antibiotika|antibiotikum: antibiotics
resistent|resistenz|resistenzen: resistant resistance
krebs: cancer
behandlung: treatment
übergewicht: obesity overweight
fachblatt|fachzeitschrift|fachmagazin: journal
wissenschaftler|wissenschaftlerin: scientist scientists
forschung: research
raumfahrt|raumfahrtbehörde: space agency
raumsonde|sonde|mondsonde: probe spacecraft
mond: moon
sonne: sun
weltraum|weltall: space
rückseite: far side back
probe|proben: sample samples
gestein: rock
galaxie|galaxien: galaxy galaxies
stern|sterne: star stars
physik: physics
katastrophe|naturkatastrophe: disaster
erdrutsch: landslide
lawine|lawinen: avalanche
waldbrand|waldbrände|buschbrand|feuer|brände: wildfire fire
hurrikan|hurrikans|wirbelsturm|taifun|zyklon: hurricane typhoon cyclone storm
sturzflut|sturzfluten: flash flood
starkregen: heavy rain
hitzewelle: heatwave
dürre: drought
vulkan|vulkanausbruch: volcano eruption
evakuiert|evakuierung|evakuieren: evacuate evacuation
obdachlos|obdachlose: homeless
zerstört|zerstörte|zerstören: destroyed destroy
beschädigt|beschädigte|schäden|schaden: damaged damage
gebäude|häuser: building buildings house homes
großraum|ballungsraum: metropolitan area region
rettungskräfte|helfer: rescuers
vermisst|vermisste|vermissten: missing
umgekommen: died killed
tödlich|tödliche|tödlichen: deadly fatal
schwerverletzte|schwerverletzten: seriously injured
unfall|unfälle: accident crash
absturz|abgestürzt: crash crashed
stromausfall|blackout: power outage blackout
stromnetz: grid
wasser: water
regen|niederschlag: rain
schnee: snow
küste: coast
insel|inseln: island
meer|meeres: sea
fluss|flüsse: river
tourist|touristen|urlauber: tourist tourists
tourismus: tourism
besucher: visitors
ausländisch|ausländische|ausländischen: foreign
kanal: canal channel
schiff|schiffe: ship ships
hafen|häfen: port
durchfahrt|durchfahrten: transit transits
billigflieger|billigfluggesellschaft: low cost airline
befördert|beförderte|beförderten: carried transported
bahn|eisenbahn: rail railway
brücke|brücken: bridge
straße|straßen: road street
verkehr: traffic transport
ticket|tickets|fahrkarte: ticket
tarif|tarifverhandlungen: wage talks collective bargaining
schule|schulen: school schools
schüler: pupils students
student|studenten|studierende: students
lehrer|lehrerin|lehrkräfte: teachers
kinder: children
frauen|frau: women woman
männer: men
familie|familien: family families
jugendliche: young people
wohnungsbau|neubau: housing construction
bau|bauen|gebaut: build construction
investieren|investiert|investierte: invest invested
milliardenschwer|milliardenschwere: multibillion
kostet|kostete|gekostet: cost
zahlt|zahlte|gezahlt|bezahlt: pay paid
ausgeben|ausgegeben: spend spent
sparen|gespart|sparpaket|sparmaßnahmen: savings cuts austerity
verdoppelt|verdoppeln|verdopplung: doubled double
halbiert|halbieren: halved
gesteigert|steigerte|steigerung: increased increase
zulegen|zugelegt: gained rose
wuchsen: grew
sinkt: fell fall
schrumpfen|schrumpfte|geschrumpft: shrank contracted
rückläufig: decline
höchste|höchsten|höchster: highest
niedrigste|niedrigsten|niedrigster: lowest
stärkste|stärksten|stärkster: strongest biggest largest
schwer|schwere|schweren|schwerste: severe heavy
deutlich|deutliche|deutlichen: significant clear
überraschend|überraschende: surprise surprising unexpected
offiziell|offizielle|offiziellen: official
vorläufig|vorläufige|vorläufigen: preliminary
endgültig|endgültige: final
amtlich|amtliche|amtlichen: official
nachrichtenagentur: news agency
rundfunk|fernsehen|fernsehsender: broadcaster broadcasting television tv
medien|medienberichten|medienberichte: media reports
pressemitteilung: press release statement
umfrage|umfragen: poll survey
prozentpunkt|prozentpunkte|prozentpunkten: percentage point
basispunkt|basispunkte|basispunkten: basis points
spanne|bandbreite|zielspanne: range
ziel|ziele|zielwert: target
schätzungsweise|geschätzt|geschätzte: estimated
gegenüber: compared
vergleich|verglichen: compared comparison settlement
vorjahresmonat|vorjahreszeitraum|vorjahresquartal: year earlier
monatlich: monthly
jährlich: annual yearly
yen: yen
yuan|renminbi: yuan
won: won
rubel: rouble ruble
krone|kronen: crown crowns krone kronor kroner
kirche|kirchen: church churches
katholisch|katholische|katholischen|katholischer|katholiken: catholic catholics
evangelisch|evangelische|evangelischen|protestantisch|protestantische|protestanten: protestant evangelical
christlich|christliche|christlichen|christen: christian christians
christus: christ
papst|papstes|päpste: pope
bischof|bischofs|bischöfe|bischöfen: bishop bishops
bischofskonferenz: bishops conference
kardinal|kardinäle: cardinal cardinals
priester: priest priests
pfarrer|pfarrerin|pastor|pastorin: pastor priest vicar
gläubige|gläubigen: faithful believers worshippers
gottesdienst|gottesdienste: service mass worship
religion|religionen: religion religions
religiös|religiöse|religiösen: religious
muslime|muslimen|muslimisch|muslimische|muslimischen: muslim muslims
moschee|moscheen: mosque mosques
jüdisch|jüdische|jüdischen|juden: jewish jews
synagoge|synagogen: synagogue
missbrauch|missbrauchs|missbraucht: abuse abused
missbrauchsfälle|missbrauchsskandal: abuse cases abuse scandal
mitglied|mitglieder|mitgliedern|mitgliedschaft: member members membership
austritt|austritte|austritten|ausgetreten|austreten: leave left exit quit
kirchenaustritt|kirchenaustritte|kirchenaustritten: left church leaving church
ostern|osterfest: easter
weihnachten|weihnachtsfeiertage: christmas
alter|lebensalter: age aged old alter
alte|alten|altes|ältere|älteren|älteste|ältesten: old older oldest
alternative|alternativen|alternativ: alternative alternatives
rente|renten: pension pensions
pension|pensionen|pensionisten: pension pensions pensioners
rentenerhöhung|rentenerhöhungen|pensionserhöhung: pension increase
rentenversicherung: pension insurance
rentenalter|renteneintrittsalter|pensionsantrittsalter: retirement age pension age
ruhestand: retirement retired
altersvorsorge: retirement savings pensions
ahv: pension old age
gesetzlich|gesetzliche|gesetzlichen: statutory legal law
sozial|soziale|sozialen|sozialer: social
sozialversicherung|sozialversicherungen: social security social insurance
sozialhilfe: welfare social assistance
bürgergeld: citizens income benefits
kindergeld: child benefit
beitrag|beiträge|beiträgen|beitrags: contribution contributions fee
arbeitslos: unemployed jobless
schulung|weiterbildung|fortbildung: training
ausbildung|ausbildungsplätze: training apprenticeship education
landwirtschaft|landwirtschaftlich|landwirtschaftliche|landwirtschaftlichen: agriculture agricultural farming farm
agrar|agrarsektor|agrarpolitik: agriculture agricultural farm
agrarsubvention|agrarsubventionen|agrarhilfen: farm subsidies agricultural subsidies
landwirt|landwirtin: farmer farmers
bauernverband|bauernverbands: farmers association
bauern|bäuerin|bäuerinnen: farmer farmers bauer
bauernhof|bauernhöfe|agrarbetrieb|agrarbetriebe|landwirtschaftsbetrieb|landwirtschaftsbetriebe: farm farms
bauernprotest|bauernproteste|bauernprotesten: farmers protest protests
direktzahlung|direktzahlungen: direct payments
ernten|geerntet|erntete: harvest harvested
milch|milchpreis|milchpreise: milk milk price
fleisch: meat
schwein|schweine|schweinen: pig pigs
rind|rinder|rindern: cattle rind
kuh|milchkuh|milchkühe: cow cows
vieh|nutztiere|tierhaltung: livestock
dünger|düngemittel: fertiliser fertilizer
pestizid|pestizide|pflanzenschutzmittel: pesticide pesticides
mais: maize corn
kartoffel|kartoffeln: potato potatoes
obst: fruit
gemüse: vegetables
winzer: winemakers winegrowers
vogelgrippe: bird flu avian influenza
schweinepest: swine fever
abgefertigt|abfertigung|abfertigen: handled handling
betreiber|betreiberin|betreibergesellschaft: operator
pilot|piloten|pilotin: pilot pilots
flugbegleiter|flugbegleiterin: flight attendants cabin crew
landung|landete|gelandet|notlandung: landing landed
verspätung|verspätungen|verspätet|verzögerung|verzögerungen|verzögert: delay delays delayed
annulliert|annullierung|annullierungen|flugausfälle: cancelled cancellations
luftfahrt|luftverkehr|flugverkehr: aviation air traffic
luftraum: airspace
fluglotsen|flugsicherung: air traffic control controllers
ferienflieger: holiday airline
versicherte|versicherten|versichert: insured policyholders
prämie|prämien|versicherungsprämie|versicherungsprämien: premium premiums
rückversicherer: reinsurer
naturkatastrophen|naturgefahren|elementarschäden: natural disasters natural hazards
reederei|reedereien: shipping company container line
container|standardcontainer|containerumschlag: container containers contain
umschlag|umgeschlagen: throughput handled
fracht|seefracht|luftfracht: cargo freight
frachtraten: freight rates
frachter|frachtschiff|containerschiff|containerschiffe: cargo ship container ship freighter
schifffahrt: shipping
werft|werften: shipyard shipyards
kreuzfahrt|kreuzfahrten|kreuzfahrtschiff|kreuzfahrtschiffe: cruise cruises cruise ship
tanker|öltanker: tanker tankers
frequenz|frequenzen: frequency frequencies spectrum
frequenzauktion|frequenzversteigerung: spectrum auction
auktion|auktionen|versteigerung|versteigert: auction auctions auctioned
bieterrunde|bieterrunden: bidding rounds
mobilfunk|mobilfunknetz|mobilfunknetze: mobile network
mobilfunkanbieter|netzbetreiber|telekommunikationsanbieter: network operator mobile operator
netz|netze|netzes: network grid
breitband: broadband
glasfaser|glasfasernetz: fibre optic fiber
telekommunikation: telecommunications telecoms
lizenz|lizenzen: licence licences license
übernachtung|übernachtungen|nächtigung|nächtigungen: overnight stays stay
tourismusabgabe|touristenabgabe|übernachtungssteuer|bettensteuer|kurtaxe|ortstaxe: tourist tax levy
abgabe|abgaben: levy levies charge
eintrittsgebühr|eintrittsgeld|eintrittspreis|eintrittspreise: entry fee admission
gebühr|gebühren: fee fees charge
tagestourist|tagestouristen|tagesgäste|tagesausflügler: day trippers day visitors
reisende|reisenden: travellers passengers
reiseveranstalter: tour operator
urlaub|urlaubs|ferien: holiday holidays vacation
sehenswürdigkeit|sehenswürdigkeiten: sights attractions
testphase|pilotphase|probephase|testbetrieb: trial pilot test phase
eingenommen|einnehmen|eingenommene: collected raised earned
zoo|tiergarten|tierpark: zoo
haustier|haustiere|haustieren: pet pets animal
tierart|tierarten|vogelarten|pflanzenarten: species
tierschutz: animal welfare animal protection
tierschützer: animal rights activists
wildtier|wildtiere|wildtieren: wildlife wild animals
artenschutz|artenvielfalt: conservation biodiversity
ausgestorben|aussterben: extinct extinction
gefährdet|gefährdete|gefährdeten|bedroht|bedrohte|bedrohten: endangered threatened
elefant|elefanten: elephant elephants
elefantenjunge|elefantenjunges|elefantenbaby: elephant calf
jungtier|jungtiere|nachwuchs: young baby cub calf offspring
löwe|löwen: lion lions loewe
bär|bären|eisbär|eisbären: bear bears
wölfe|wölfen: wolves
affe|affen: monkey monkeys ape apes
vögel|vögeln: birds
hund|hunde|hunden: dog dogs
katze|katzen: cat cats
pferd|pferde|pferden: horse horses
zwilling|zwillinge|zwillingen: twin twins
geboren|geburt|geburten: born birth births
gewicht: weight
wiegen|wiegt|wogen|gewogen: weigh weighed weighs
gramm: gram grams
programm|programme|programms: programme programmes program
kilogramm|kilo: kilogram kilograms kilo
kilometer|kilometern|kilometers: kilometre kilometres kilometer kilometers
archäologe|archäologen|archäologin|archäologinnen: archaeologist archaeologists archeologist
archäologie|archäologisch|archäologische|archäologischen: archaeology archaeological
ausgrabung|ausgrabungen|grabung|grabungen: excavation excavations dig
ausgegraben|freigelegt: unearthed excavated uncovered
fund|funde|fundstück|fundstücke: find finds discovery
gefunden|aufgefunden: found
stattgefunden|stattfinden|stattfindet: held
fundament|fundamente|fundamental|fundamentale|fundamentalen: foundation fundamental
münze|münzen: coin coins
römisch|römische|römischen|römer: roman romans
antike|antiken|antik: ancient antiquity antiquities
altertümer: antiquities
mittelalter|mittelalterlich|mittelalterliche|mittelalterlichen: medieval middle ages
jahrtausend|jahrtausende|jahrtausenden: millennium millennia
grab|gräber|grabes|grabkammer|grabstätte|graben: tomb grave burial dig grab
pharao|pharaonen: pharaoh pharaohs
mumie|mumien: mummy mummies
pyramide|pyramiden: pyramid pyramids
tempel: temple
skelett|skelette: skeleton skeletons
überreste: remains
könig|königs: king
königin: queen
königlich|königliche|königlichen: royal
königsgrab: royal tomb
kaiser|kaiserin: emperor empress kaiser
historisch|historische|historischen: historic historical
historiker|historikerin: historian historians
ausstellung|ausstellungen: exhibition exhibitions
denkmal|denkmäler: monument monuments memorial
welterbe|weltkulturerbe|kulturerbe: world heritage heritage
bundeswehr: bundeswehr armed forces military
lkw|lastwagen|lastkraftwagen|militärlastwagen: truck trucks lorry lorries
panzer|kampfpanzer: tank tanks
kampfjet|kampfjets|kampfflugzeug|kampfflugzeuge: fighter jet jets
rüstung|rüstungsindustrie: arms defence industry
rüstungskonzern|rüstungskonzerns: defence company arms maker
verteidigung: defence defense
verteidigungsausgaben|rüstungsausgaben|militärausgaben: defence spending military spending
beschaffung|beschaffungen: procurement purchase
waffe|waffen: weapon weapons arms
munition: ammunition munitions
artillerie: artillery
luftabwehr|flugabwehr|luftverteidigung: air defence
sondervermögen: special fund
ausschuss|ausschüsse|ausschusses: committee
haushaltsausschuss: budget committee
rahmenvertrag: framework contract framework agreement
wehrpflicht|wehrdienst: conscription military service
marine: navy naval marine
fregatte|fregatten: frigate frigates
kriegsschiff|kriegsschiffe: warship warships
hacker|hackern: hacker hackers
gehackt: hacked
erpressungssoftware|erpressersoftware|verschlüsselungstrojaner: ransomware
lösegeld|lösegeldforderung: ransom
schadsoftware: malware
sicherheitslücke|sicherheitslücken: vulnerability security flaw
cybersicherheit: cybersecurity cyber security
sicherheit: security safety
lahmgelegt|lahmlegen|lahmgelegte: paralysed crippled disrupted
störung|störungen: disruption outage
dienstleister|dienstleistern: service provider
anbieter|softwareanbieter: provider vendor supplier
kommunal|kommunale|kommunalen: municipal local
kommunist|kommunisten|kommunistisch|kommunistische|kommunistischen: communist communists
rundfunkbeitrag|rundfunkbeiträge|rundfunkgebühr|rundfunkgebühren: broadcasting fee licence fee
fernsehabgabe|radioabgabe|empfangsgebühr: licence fee broadcasting fee
zuschauer|zuschauerinnen: viewers audience spectators
zuschauerzahl|zuschauerzahlen|einschaltquoten: viewing figures ratings viewers
hörer|hörerinnen: listeners
streamingdienst|streamingdienste: streaming service
rechtlich|rechtliche|rechtlichen: legal legally
kommission|kommissionen: commission
empfehlen|empfiehlt|empfahl|empfohlen|empfehlung|empfehlungen: recommend recommended recommendation
schach|schachs: chess
schachweltmeister|schachweltmeisterin|schachweltmeisterschaft: world chess champion championship
weltmeister|weltmeisterin: world champion
weltmeisterschaft|weltmeisterschaften|wm: world championship cup
europameister|europameisterschaft: european champion championship
remis|unentschieden: draw drawn
stechen: tiebreak tiebreaker playoff
partie|partien: game games match
spiel|spiele|spielen|spielte|spieler|spielerin: game match play player players spiel
beispiel|beispiele|beispielsweise: example
schauspieler|schauspielerin|schauspiel: actor actress
turnier|turniere|turniers: tournament
besiegt|besiegte: beat defeated
tor|tore|toren: goal goals tor
liga|ligen|bundesliga: league
mannschaft|mannschaften: team side squad
trainer|trainerin: coach manager
olympia|olympisch|olympische|olympischen: olympic olympics
medaille|medaillen: medal medals
spitze|spitzenwert|höhepunkt: peak top spitz
titelverteidiger|titelverteidigerin: defending champion
modehändler|modekette|modeketten|modekonzern|modehaus: fashion retailer fashion chain
mode: fashion
modern|moderne|modernen|modernisierung|modernisieren|modernisiert: modern modernisation
modell|modelle|modellen: model models
moderator|moderatorin: presenter host moderator
kleidung|bekleidung|textilien: clothing clothes apparel textiles
schuhe: shoes footwear
luxus|luxusgüter: luxury
einzelhändler|onlinehändler|versandhändler: retailer online retailer
filiale|filialen: store stores branch branches filial
branche|branchen: industry sector
geschäft|geschäfte: business
kette|ketten|handelskette|supermarktkette: chain chains
supermarkt|supermärkte: supermarket supermarkets
warenhaus|warenhäuser|kaufhaus|kaufhäuser: department store stores
verbliebenen|verbleibenden|verbliebene|übrigen: remaining
zahlungsunfähig|zahlungsunfähigkeit: insolvent bankrupt insolvency bankruptcy
bankrott|bankrotterklärung: bankrupt bankruptcy
insolvenzverfahren: insolvency proceedings
finanzaufsicht|bankenaufsicht|aufsichtsbehörde|aufsichtsbehörden|aufsicht: regulator supervisor watchdog supervision
geldbuße|geldbußen: fine fines
strafen|bestraft: fines penalties penalised
verstoß|verstöße|verstößen|verstoßen|verstößt: violation violations breach breaches
vorschrift|vorschriften: rules regulations
regel|regeln|regelung|regelungen: rule rules regulation
regulierung|regulierungen|reguliert: regulation regulated
geldhaus|geldinstitut|geldinstitute|kreditinstitut|kreditinstitute: bank
kapital|eigenkapital: capital
konto|kontos: account accounts
einigung|einigungen|geeinigt: agreement settlement agreed
wasserversorgung|trinkwasserversorgung: water supply
trinkwasser: drinking water
wasserpreis|wasserpreise: water price
versorger|energieversorger|wasserversorger: utility utilities supplier
stadtwerke|stadtwerken: municipal utility utilities
versorgen|versorgt|versorgte|versorgung: supply supplies serve
abwasser: wastewater sewage
kläranlage|kläranlagen: sewage treatment plant
aufbereitungsanlage|aufbereitungsanlagen|aufbereitung: treatment plant treatment
grundwasser: groundwater
wasserknappheit|wassermangel: water shortage
kubikmeter: cubic metre metres meter
liter: litre litres liter
verband|verbände|verbands|zweckverband: association federation
stausee|talsperre|staudamm: reservoir dam
atomkraftwerk|atomkraftwerke|kernkraftwerk|kernkraftwerke|akw|akws|kkw: nuclear power plant station
reaktor|reaktoren: reactor reactors
atom|atomar|atomare|atomaren|nuklear|nukleare|nuklearen: nuclear atomic atom
atomausstieg: nuclear phaseout nuclear exit
ausstieg: exit phaseout
abgeschaltet|abschalten|abschaltung|abgeschalteten: shut shutdown switched
regelbetrieb: regular operation commercial operation
regulär|reguläre|regulären|regelmäßig|regelmäßige|regelmäßigen: regular
leistung: capacity output performance
leistungen: benefits services performance
atommüll|endlager: nuclear waste repository
uran: uranium
strahlung: radiation
radioaktiv|radioaktive|radioaktiven: radioactive
bundesrat|bundesrats: federal council
bundesrätin|bundesräte|bundesrätinnen: federal councillor federal council
nationalrat|nationalrats: national council parliament
international|internationale|internationalen|internationaler|internationales: international
nationalratswahl|nationalratswahlen: parliamentary election national council
ständerat|ständerats: council states upper house
volksinitiative|initiative|initiativen: initiative popular initiative
kantonal|kantonale|kantonalen: cantonal
eidgenossenschaft|eidgenössisch|eidgenössische|eidgenössischen: federal swiss confederation
bundesamt: federal office
bundespräsident|bundespräsidentin: federal president president
vizekanzler|vizekanzlerin: vice chancellor
landeshauptmann|landeshauptfrau|landeshauptleute: governor provincial governor
angelobt|angelobung|vereidigt|vereidigung: sworn swearing
landtagswahl|landtagswahlen: state election regional election
dreierkoalition: three party coalition
koalitionsvertrag: coalition agreement
koalitionsverhandlungen|sondierungsgespräche: coalition talks
regierungsbildung: form government
misstrauensvotum: confidence vote
neuwahl|neuwahlen: snap election new election
angenommen|annehmen: approved accepted adopted
befürworter|befürworterin|befürworten|befürwortet: supporters support favour
gegner|gegnerin: opponents
rechnung|jahresrechnung|staatsrechnung: accounts bill invoice
abschluss|abgeschlossen: closing completed concluded
grafschaft|grafschaften: county
stadträtin|gemeinderätin|ratsmitglied|ratsmitglieder: councillor councillors council member
busfahrt|busfahrten|busticket|bustickets|busfahrkarte: bus fare bus ticket
fahrpreis|fahrpreise|ticketpreis|ticketpreise: fare fares ticket price
bus|linienbus|linienbusse|busverkehr: bus buses
nahverkehr|öpnv: public transport local transport
höchstens|maximal: capped maximum most
obergrenze|preisdeckel|deckel|gedeckelt|deckelung: cap capped ceiling limit
grundsteuer: property tax council tax
sozialwohnung|sozialwohnungen: social housing council housing
ungleich|ungleiche|ungleichen|ungleicher|ungleichheit: unequal inequality equal
lohngleichheit|entgeltgleichheit|gleichstellung: equal pay equality
bezahlung|zahlung: pay payment
zahlen: pay
zahlreich|zahlreiche|zahlreichen|zahlreicher: numerous many
nachzahlung|nachzahlungen|nachforderung|nachforderungen: back pay claims
gouverneur|gouverneurin|gouverneurs: governor gov
bundesstaat|bundesstaaten|bundesstaats: state states
staat|staaten|staates: state states country
staatlich|staatliche|staatlichen: state public government
staatshaushalt: state budget
kongress|kongresses: congress
repräsentantenhaus: house representatives
senator|senatorin|senatoren: senator senators
gesetzgeber|gesetzgebung: lawmakers legislature legislation
gesetzesvorlage|vorlage: bill proposal
veto: veto
vorwahl|vorwahlen: primary primaries
demokraten|demokratisch|demokratische|demokratischen: democrats democratic
republikaner|republikanisch|republikanische|republikanischen: republicans republican
abtreibung|abtreibungen|schwangerschaftsabbruch: abortion
waffengesetz|waffengesetze: gun law gun laws
todesstrafe|hinrichtung|hingerichtet: death penalty execution executed
generalstaatsanwalt|generalstaatsanwältin: attorney general
büro|büros: office
briefmarke|briefmarken: stamp stamps postage
paket|pakete: parcel parcels package
klasse|klassen: class
klassisch|klassische|klassischen: classic classical
ende|beendet|beendete|beenden: end ended ending
erhalten|erhielt|erhielten|erhält: receive received
beläuft|belaufen: amount amounts total
erzielt|erzielte|erzielen: achieved generated posted
bekanntgab|bekanntgegeben|bekanntgeben: announced
geringer|gering|geringe|geringen|geringste|geringsten: lower less smaller low
weniger|wenig|wenige|wenigen: fewer less
hundert|hunderte|hunderten|hunderttausend|hunderttausende: hundred hundreds
während|währenddessen: during
einführen|eingeführt|einführung: introduce introduced introduction
teuer|teurer|teure|teuren|teuerste: expensive costly
günstiger|günstigere|günstigeren: cheaper
kostenlos|gratis|kostenfrei: free charge
anteil|anteile|anteils: share proportion stake
marktanteil|marktanteile: market share
vorsitzende|vorsitzender|vorsitzenden|vorsitz: chair chairman leader
direktor|direktorin: director
verwaltung: administration
beamte|beamten|beamtin: officials civil servants
pressekonferenz: press conference
konferenz|konferenzen: conference
nachfolger|nachfolgerin: successor
vorgänger|vorgängerin: predecessor
konservativ|konservative|konservativen: conservative conservatives
liberal|liberale|liberalen: liberal liberals
grüne|grünen: greens green
warnen|warnt|warnte|warnung|warnungen: warn warned warning
drohen|droht|drohte|drohung|drohungen: threaten threat face
hilfe|hilfen|hilfsgüter: aid help relief
unterstützen|unterstützt|unterstützte|unterstützung: support supported
kritik|kritisiert|kritisierte|kritisieren: criticism criticise criticised criticize criticized
verhindern|verhindert|verhinderte: prevent prevented
schutz|schützen|geschützt: protection protect protected
rettung|gerettet: rescue rescued save
flucht|fliehen|flohen|geflohen: flee fled escape
rückkehr|zurückkehren|zurückgekehrt: return returned
eröffnen|eröffnet|eröffnete|eröffnung: open opened opening
verlängern|verlängert|verlängerte|verlängerung: extend extended extension
verschärfen|verschärft|verschärfte|verschärfung: tighten tightened tougher
gelockert|lockerung: ease eased relax
abschaffen|abgeschafft|abschaffung: abolish abolished scrap
ersetzen|ersetzt|ersetzte: replace replaced
prüfen|prüft|prüfung|überprüfen|überprüft|überprüfung: review check examine
untersuchen|untersucht|untersuchung|untersuchungen: investigate examine study investigation
plus: plus increase rise gain
minus: minus decline fall drop
jänner: january
inder|inderin: indian
franzosen|französin: french
spanier: spanish
chinesen: chinese
türken: turks turkish
österreicher|österreicherin|österreicherinnen: austrians austrian
palästinenser|palästinensisch|palästinensische|palästinensischen: palestinian palestinians
syrer: syrians syrian
afghanen: afghans afghan
niederländer: dutch
österreich|österreichs|niederösterreich|niederösterreichs|oberösterreich|oberösterreichs:
großbritannien|großbritanniens|dänemark|dänemarks|schwedens|armeniens|belgrad|belgrads:
steiermark|steiermarks:
"""

# Countries: the English name: German name (or "-": none that is no English word) / English
# adjective(s) / German adjective(s).
# A German adjective ("japanische", "irischen") is bridged to both English words: copy
# writes "the Japanese central bank" or "Japan's central bank"; a German name that is not
# the English one is an alias, and so is its genitive ("Japans", "Österreichs").
COUNTRIES_SOURCE = """
japan: japan / japanese / japanisch
china: china / chinese / chinesisch
india: indien / indian / indisch
ireland: irland / irish / irisch
united kingdom: großbritannien / british / britisch
france: frankreich / french / französisch
italy: italien / italian / italienisch
spain: spanien / spanish / spanisch
portugal: portugal / portuguese / portugiesisch
netherlands: niederlande / dutch / niederländisch | holländisch
belgium: belgien / belgian / belgisch
austria: österreich / austrian / österreichisch
switzerland: schweiz / swiss / schweizerisch
denmark: dänemark / danish / dänisch
sweden: schweden / swedish / schwedisch
norway: norwegen / norwegian / norwegisch
finland: finnland / finnish / finnisch
poland: polen / polish / polnisch
czech republic: tschechien / czech / tschechisch
slovakia: slowakei / slovak / slowakisch
hungary: ungarn / hungarian / ungarisch
romania: rumänien / romanian / rumänisch
bulgaria: bulgarien / bulgarian / bulgarisch
greece: griechenland / greek / griechisch
turkey: türkei / turkish / türkisch
russia: russland / russian / russisch
ukraine: ukraine / ukrainian / ukrainisch
serbia: serbien / serbian / serbisch
croatia: kroatien / croatian / kroatisch
slovenia: slowenien / slovenian / slowenisch
estonia: estland / estonian / estnisch
latvia: lettland / latvian / lettisch
lithuania: litauen / lithuanian / litauisch
luxembourg: luxemburg / luxembourgish / luxemburgisch
cyprus: zypern / cypriot / zyprisch
united states: vereinigte staaten / american / amerikanisch
canada: kanada / canadian / kanadisch
mexico: mexiko / mexican / mexikanisch
brazil: brasilien / brazilian / brasilianisch
argentina: argentinien / argentine argentinian / argentinisch
chile: chile / chilean / chilenisch
colombia: kolumbien / colombian / kolumbianisch
venezuela: venezuela / venezuelan / venezolanisch
cuba: kuba / cuban / kubanisch
australia: australien / australian / australisch
new zealand: neuseeland / new zealand / neuseeländisch
south korea: südkorea / south korean / südkoreanisch
north korea: nordkorea / north korean / nordkoreanisch
korea: korea / korean / koreanisch
taiwan: taiwan / taiwanese / taiwanisch
vietnam: vietnam / vietnamese / vietnamesisch
thailand: thailand / thai / thailändisch
indonesia: indonesien / indonesian / indonesisch
philippines: philippinen / philippine filipino / philippinisch
pakistan: pakistan / pakistani / pakistanisch
afghanistan: afghanistan / afghan / afghanisch
iran: iran / iranian / iranisch
iraq: irak / iraqi / irakisch
syria: syrien / syrian / syrisch
israel: israel / israeli / israelisch
lebanon: libanon / lebanese / libanesisch
jordan: jordanien / jordanian / jordanisch
saudi arabia: saudi-arabien / saudi / saudisch
egypt: ägypten / egyptian / ägyptisch
libya: libyen / libyan / libysch
tunisia: tunesien / tunisian / tunesisch
algeria: algerien / algerian / algerisch
morocco: marokko / moroccan / marokkanisch
nigeria: nigeria / nigerian / nigerianisch
south africa: südafrika / south african / südafrikanisch
kenya: kenia / kenyan / kenianisch
ethiopia: äthiopien / ethiopian / äthiopisch
qatar: katar / qatari / katarisch
armenia: armenien / armenian / armenisch
georgia: georgien / georgian / georgisch
azerbaijan: aserbaidschan / azerbaijani / aserbaidschanisch
kazakhstan: kasachstan / kazakh / kasachisch
iceland: - / icelandic / isländisch
singapore: singapur / singaporean / singapurisch
africa: afrika / african / afrikanisch
asia: asien / asian / asiatisch
"""

# Cities and regions: the English name: German names. Cities get their German demonym
# ("Zürcher", "Münchner", "Wiener") and genitive ("Wiens") as aliases too.
CITIES_SOURCE = """
munich: münchen
cologne: köln
nuremberg: nürnberg
hanover: hannover
vienna: wien
zurich: zürich
geneva: genf
brussels: brüssel
prague: prag
warsaw: warschau
moscow: moskau
beijing: peking
lisbon: lissabon
copenhagen: kopenhagen
kyiv: kiew
naples: neapel
milan: mailand
rome: rom
venice: venedig
florence: florenz
genoa: genua
athens: athen
the hague: den haag
antwerp: antwerpen
bruges: brügge
liege: lüttich
krakow: krakau
gdansk: danzig
wroclaw: breslau
belgrade: belgrad
bucharest: bukarest
cairo: kairo
new delhi: neu-delhi
mexico city: mexiko-stadt
tehran: teheran
baghdad: bagdad
damascus: damaskus
tbilisi: tiflis
cape town: kapstadt
tokyo: tokio
strasbourg: straßburg
seville: sevilla
berlin: berlin
hamburg: hamburg
frankfurt: frankfurt
stuttgart: stuttgart
dusseldorf: düsseldorf
dresden: dresden
leipzig: leipzig
bremen: bremen
bonn: bonn
bern: bern
salzburg: salzburg
graz: graz
linz: linz
innsbruck: innsbruck
london: london
paris: paris
madrid: madrid
amsterdam: amsterdam
budapest: budapest
"""
REGIONS_SOURCE = """
corsica: korsika
sicily: sizilien
sardinia: sardinien
crete: kreta
tyrol: tirol
south tyrol: südtirol
carinthia: kärnten
styria: steiermark
lower austria: niederösterreich
upper austria: oberösterreich
rhineland-palatinate: rheinland-pfalz
saxony-anhalt: sachsen-anhalt
mecklenburg-western pomerania: mecklenburg-vorpommern
catalonia: katalonien
andalusia: andalusien
flanders: flandern
wallonia: wallonien
scotland: schottland
northern ireland: nordirland
brittany: bretagne
normandy: normandie
tuscany: toskana
lombardy: lombardei
campania: kampanien
apulia: apulien
calabria: kalabrien
siberia: sibirien
chechnya: tschetschenien
caucasus: kaukasus
baltic sea: ostsee
north sea: nordsee
mediterranean: mittelmeer
english channel: ärmelkanal
alps: alpen
rhine: rhein
danube: donau
moselle: mosel
lake constance: bodensee
gaza strip: gazastreifen
west bank: westjordanland
golan heights: golanhöhen
persian gulf: persischer golf
red sea: rotes meer
black sea: schwarzes meer
caribbean: karibik
vatican: vatikan
north america: nordamerika
south america: südamerika
latin america: lateinamerika
antarctica: antarktis
arctic: arktis
greenland: grönland
"""
