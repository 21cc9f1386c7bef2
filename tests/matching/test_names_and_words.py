"""Words and names that German and English news copy share: the German stemmer, the
bilingual lexicon, place forms and the rules that find names (``normalise.py``)."""

from __future__ import annotations

import pytest

from workbench.matching.normalise import LEXICON, normalise, stem, word_tokens


def names(text: str, language: str | None = None) -> set[str]:
    return {f.value for f in normalise(text, language=language).facts if f.kind == "name"}


def tokens(text: str, language: str | None = None) -> set[str]:
    return set(normalise(text, language=language).tokens)


# --- the German stemmer -----------------------------------------------------------------


@pytest.mark.parametrize(
    "word", ["region", "hurrikan", "kommission", "london", "copernicus", "status", "doktrin"]
)
def test_german_stems_keep_the_n_and_s_of_cognates_and_names(word):
    assert stem(word, "de") == word


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("regionen", "region"),  # the plural meets the singular
        ("millionen", "million"),
        ("regeln", "regel"),  # a bare -n after l, r or e still goes
        ("namen", "name"),
        ("staates", "staat"),  # and a genitive -s or -es
        ("autos", "auto"),
        ("ministerin", "minister"),  # the feminine form meets the masculine
        ("ministerinnen", "minister"),
        ("praesidentin", "praesident"),
        ("seniorinnen", "senior"),
        ("ergebnisse", "ergebnis"),
        ("buendnissen", "buendnis"),
    ],
)
def test_german_inflections_share_a_stem(inflected, base):
    assert stem(inflected, "de") == stem(base, "de")


# --- the lexicon ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Leitzins", "interest rate"),
        ("Notenbank", "central bank"),
        ("Defizit", "deficit"),
        ("Gemeinderat", "city council"),
        ("genehmigt", "approved"),
        ("beschlossen", "passed"),
        ("mindestens", "at least"),
        ("erstes", "first"),
        ("Fälle", "cases"),
        ("registriert", "registered"),
        ("Geschäftsjahr", "fiscal"),
        ("Donnerstag", "Thursday"),
        ("Waffenstillstand", "ceasefire"),
        ("Stichwahl", "runoff"),
        ("Wahlbeteiligung", "turnout"),
        ("Bürgermeisterin", "mayor"),
        ("Lieferketten", "supply chains"),
        ("Sterblichkeit", "mortality"),
        ("Dürre", "drought"),
        ("Freispruch", "acquittal"),
        ("Anleihen", "bonds"),
        ("Überschuss", "surplus"),
        ("Papst", "Pope"),
        ("Landeshauptmann", "governor"),
        ("Nationalrat", "National Council"),
        ("Jänner", "January"),  # Austrian
        ("Rundfunkbeitrag", "broadcasting fee"),
        ("Frequenzauktion", "spectrum auction"),
        ("Zahlungsunfähig", "bankrupt"),
        ("Atomkraftwerke", "nuclear plants"),
        ("Briefmarke", "stamp"),
        ("Kommunen", "local authorities"),
    ],
)
def test_frequent_news_words_meet_their_english_translation(german, english):
    assert tokens(german, "de") & tokens(english, "en"), (german, english)


@pytest.mark.parametrize(
    ("german", "english", "shared"),
    [
        pytest.param(
            "Die katholische Kirche verlor 402.700 Mitglieder, so die Bischofskonferenz.",
            "The Catholic Church lost 402,700 members, the bishops' conference said.",
            {"catholic", "church", "member", "bishop", "conferenc"},
            id="churches",
        ),
        pytest.param(
            "Die gesetzlichen Renten steigen um 3,74 Prozent.",
            "Statutory pensions will rise by 3.74 per cent.",
            {"statutory", "pension"},
            id="pensions",
        ),
        pytest.param(
            "Archäologen haben bei Ausgrabungen römische Münzen gefunden.",
            "Archaeologists found Roman coins during excavations.",
            {"archaeologist", "excavation", "roman", "coin", "found"},
            id="archaeology",
        ),
        pytest.param(
            "Der finnische Reaktor hat den Regelbetrieb aufgenommen.",
            "The Finnish reactor started regular operation.",
            {"reactor", "regular", "operation"},
            id="nuclear power",
        ),
        pytest.param(
            "Der Bundesrat plant eine Senkung der Radio- und Fernsehabgabe.",
            "The Federal Council plans to lower the licence fee.",
            {"federal", "council", "licenc", "fee"},
            id="Swiss politics and broadcasting fees",
        ),
        pytest.param(
            "Eine einfache Busfahrt kostet höchstens 3 Pfund.",
            "Single bus fares are capped at £3.",
            {"bus", "far", "cap"},
            id="UK local government and transport",
        ),
        pytest.param(
            "Der Hackerangriff legte 70 Kommunen lahm, das Lösegeld wurde bezahlt.",
            "The cyber attack hit 70 local authorities and the ransom was paid.",
            {"cyber", "attack", "local", "authority", "ransom"},
            id="cybersecurity",
        ),
        pytest.param(
            "Carlsen gewann nach drei Remis im Stechen die Blitzschach-WM.",
            "Carlsen won the blitz chess world championship after three drawn tiebreak games.",
            {"chess", "drawn", "tiebreak", "world", "championship"},
            id="chess",
        ),
        pytest.param(
            "Die Panda-Zwillinge im Zoo wogen 169 und 136 Gramm.",
            "The panda twins at the zoo weighed 169 and 136 grams.",
            {"twin", "weigh", "gram"},
            id="zoos",
        ),
        pytest.param(
            "Die Bundeswehr bestellt 6.500 Lkw.",
            "The German armed forces ordered 6,500 trucks.",
            {"arm", "forc", "truck"},
            id="military procurement",
        ),
        pytest.param(
            "Der Gouverneur unterzeichnete das Gesetz, das das Parlament verabschiedet hatte.",
            "The governor signed the bill the legislature had passed.",
            {"governor", "legislatur"},
            id="US state politics",
        ),
        pytest.param(
            "Österreich verzeichnete 14,9 Millionen Nächtigungen.",
            "Austria recorded 14.9 million overnight stays.",
            {"overnight", "stay"},
            id="tourism",
        ),
        pytest.param(
            "Die Finanzaufsicht verhängte ein Bußgeld wegen Verstößen gegen Vorschriften.",
            "The regulator imposed a fine for violations of the rules.",
            {"regulator", "violation", "rul"},
            id="banking regulation",
        ),
        pytest.param(
            "Die Modekette schließt alle Filialen.",
            "The fashion chain will close all its stores.",
            {"fashion", "chain", "stor"},
            id="retail",
        ),
        pytest.param(
            "Die Schweizer Bauern erhielten Direktzahlungen vom Bundesamt für Landwirtschaft.",
            "Swiss farmers received direct payments from the Federal Office for Agriculture.",
            {"farmer", "receiv", "direct", "payment", "offic", "agricultur"},
            id="farm subsidies",
        ),
        pytest.param(
            "Die Stadtwerke erhöhen den Wasserpreis je Kubikmeter.",
            "The municipal utility will raise the water price per cubic metre.",
            {"municipal", "utility", "water", "cubic", "metr"},
            id="water supply",
        ),
    ],
)
def test_news_sentences_of_many_domains_share_their_bridged_words(german, english, shared):
    found = tokens(german, "de") & tokens(english, "en")
    assert shared <= found, shared - found


@pytest.mark.parametrize("word", ["grab", "alter", "tore", "contains", "bus", "kaiser"])
def test_an_english_word_spelled_like_a_german_lexicon_form_stays_itself(word):
    # "Grab" (tomb), "Alter" (age), "Tore" (goals), "Container" are German forms too
    assert word_tokens(word, "en") == (stem(word, "en"),)


@pytest.mark.parametrize(
    ("german", "not_bridged"),
    [
        ("hunderte", "dog"),  # "Hunderte" is no "Hund"
        ("programm", "gram"),  # nor "Programm" a "Gramm"
        ("beispiel", "gam"),  # nor "Beispiel" a "Spiel" (game)
        ("alternative", "age"),  # nor "Alternative" an "Alter"
        ("kilometer", "kilogram"),
        ("oesterreich", "reach"),  # nor "Österreich" "erreichen"
        ("waehrend", "currency"),  # nor "während" "Währung"
        ("zahlreiche", "pay"),
    ],
)
def test_a_short_lexicon_stem_does_not_translate_a_longer_word(german, not_bridged):
    assert not_bridged not in word_tokens(german, "de")


def test_a_weekday_is_bridged_and_not_split_into_a_week():
    found = word_tokens("mittwoch", "de")
    assert "wednesday" in found
    assert "week" not in found


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("japanische", {"japan", "japanes"}),  # "Japan's" and "Japanese"
        ("chinesischen", {"china", "chines"}),
        ("irische", {"ireland", "irish"}),
        ("spanischen", {"spain", "spanish"}),
        ("dänische", {"denmark", "danish"}),
    ],
)
def test_a_country_adjective_is_bridged_to_the_country_and_its_adjective(german, english):
    assert english <= set(word_tokens(german, "de"))


def test_a_compound_whose_head_is_an_english_word_gives_that_word():
    assert "union" in word_tokens("zollunion", "de")  # "customs union"
    assert "budget" in word_tokens("doppelbudget", "de")


def test_forms_of_two_lexicon_lines_that_stem_alike_keep_both_translations():
    # "Mieter" (tenant) and "Mieten" (rents) both stem to "miet"
    assert {"rent", "tenant"} <= set(LEXICON[stem("mieter", "de")])


def test_an_english_word_the_lexicon_translates_to_is_not_read_as_german():
    assert word_tokens("referendum", "en") == ("referendum",)
    assert word_tokens("covid", "en") == ("covid",)


def test_a_german_idiom_for_dying_is_read_whole():
    assert {"died", "kill"} <= tokens("Mindestens 30 Menschen kamen ums Leben.", "de")


# --- places -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Zürcher Gemeinderat hat das Budget genehmigt.", "zurich"),  # city demonym
        ("Der Münchner Stadtrat stimmte zu.", "munich"),
        ("Die Wiener Linien erhöhen die Preise.", "vienna"),
        ("Die Exporte Chinas stiegen deutlich.", "china"),  # genitive
        ("Das Defizit Österreichs lag bei 4,7 Prozent.", "austria"),
        ("Ein Beben erschütterte die Gegend bei Neapel.", "naples"),  # exonym
        ("Die Einfuhren aus Irland stiegen.", "ireland"),
        ("Das Hochwasser am Rhein sinkt.", "rhine"),
    ],
)
def test_german_place_forms_name_the_place(text, name):
    assert name in names(text, "de")


@pytest.mark.parametrize(
    ("german", "english", "name"),
    [
        ("Papst Franziskus starb mit 88 Jahren.", "Pope Francis died aged 88.", "pope francis"),
        ("Benedikt XVI. trat 2013 zurück.", "Pope Benedict resigned in 2013.", "pope benedict"),
        ("Selenskyj traf Lawrow in Kiew.", "Zelensky met Lavrov in Kyiv.", "zelensky"),
    ],
)
def test_a_person_german_copy_names_otherwise_is_one_name(german, english, name):
    assert name in names(german, "de")
    assert name in names(english, "en")


def test_a_generated_place_form_names_the_place_only_when_capitalised():
    assert "rome" in names("Der Papst kehrte nach Rom zurück.", "de")
    assert "rome" not in names("The firmware sits in rom on the board.", "en")


def test_a_possessive_place_meets_the_german_adjective():
    assert "spain" in tokens("Spain's eastern region of Valencia was flooded.", "en")
    assert "spain" in tokens("Die spanischen Behörden meldeten Tote.", "de")


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # a run cut around an alias or a date, not dropped whole
        ("Scientists at the EU's Copernicus Climate Change Service said so.", "en", None),
        ("Die Flut traf die Region Valencia Ende Oktober 2024 schwer.", "de", "valencia"),
        # a possessive is not part of the name; a run is cut after one
        ("Sales of Novo Nordisk's obesity drug rose.", "en", "novo nordisk"),
        ("Japan's Prime Minister Shigeru Ishiba's coalition lost.", "en", None),
        # accents and ligatures folded
        ("The party of Andrej Babiš won the vote.", "en", "andrej babis"),
        ("Der Konzern sitzt in Bagsværd bei Kopenhagen.", "de", "bagsvaerd"),
        # foreign words after a German noun ending keep the run a name
        ("Samsung Electronics rechnet mit einem Gewinn.", "de", "samsung electronics"),
        # a first name is no compound of a lexicon word ("Friedrich", "Frieden")
        ("Der Bundestag hat Friedrich Merz gewählt.", "de", "friedrich merz"),
    ],
)
def test_names_are_found_whole(text, language, name):
    found = names(text, language)
    if name is None:  # the two cases with more than one name
        assert found >= {"european union", "copernicus climate change service"} or found >= {
            "japan",
            "prime minister shigeru ishiba",
        }
    else:
        assert name in found
    assert not any(value.endswith(("'s", "’s")) for value in found)


def test_possessives_and_accents_leave_the_tokens_too():
    assert tokens("The EU's budget and Babiš's party.", "en") >= tokens("EU Babis", "en")
    assert "eu" in tokens("The EU's budget.", "en")


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Nvidia on Wednesday became the first company to reach that value.", "en", "nvidia"),
        ("Ryanair carried 200 million passengers.", "en", "ryanair"),  # y after a consonant
        ("Nestlé hat im ersten Halbjahr mehr umgesetzt.", "de", "nestle"),  # foreign letter
        ("Vladimir said nothing more.", "en", "vladimir"),  # an onset no English word has
        ("BioNTech kündigte eine Studie an.", "de", "biontech"),  # a capital inside
        ("Acme's shares fell sharply.", "en", "acme"),  # a possessive
    ],
)
def test_a_name_that_opens_a_sentence_is_found(text, language, name):
    assert name in names(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Prices rose again. Officials said nothing. Meanwhile, rents fell.", "en"),
        ("Drinking water is safe. — Is Drinking Water Safe? Yes", "en"),  # a title-case headline
        ("Let's go. Today's figures are out. Everyone's waiting.", "en"),
        ("Dr. Smith's team. Sgt. Brown arrived.", "en"),
        ("Unternehmen melden Gewinne. Samstag bleibt es trocken.", "de"),
        ("Strompreise steigen. Verbraucher zahlen mehr.", "de"),
    ],
)
def test_words_that_open_sentences_are_not_names(text, language):
    opening = {
        "prices",
        "officials",
        "meanwhile",
        "drinking",
        "let",
        "today",
        "everyone",
        "dr",
        "sgt",
        "unternehmen",
        "samstag",
        "strompreise",
        "verbraucher",
    }
    assert not names(text, language) & opening
