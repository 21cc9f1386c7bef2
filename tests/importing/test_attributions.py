"""One test per attribution cue family, German and English, on sentences of our own."""

import pytest

from workbench.importing.analysis import analyse_text


def attributions(text: str, language: str) -> list[tuple[str, str, str, str]]:
    analysis = analyse_text(text, language=language)
    found = []
    for claim in analysis.claims:
        for a in claim.attributions:
            item = (a.phrase, a.kind, a.source_name, a.source_kind)
            if item not in found:
                found.append(item)
    return found


def _matches(expected, found) -> bool:
    """Same kind and source; the phrases overlap (boundaries of a phrase may differ a word)."""
    phrase, *rest = expected
    return any(
        tuple(item[1:]) == tuple(rest)
        and (phrase.lower() in item[0].lower() or item[0].lower() in phrase.lower())
        for item in found
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Laut einem Bericht des Handelsblatts streicht Siemens 2.000 Stellen.",
            ("laut einem Bericht des Handelsblatts", "reported", "Handelsblatt", "news_outlet"),
        ),
        (
            "Laut einem Bericht der Rheinpost streicht Siemens 2.000 Stellen.",
            ("Laut einem Bericht der Rheinpost", "reported", "Rheinpost", "news_outlet"),
        ),
        (
            "Insidern zufolge will Siemens im März 2.000 Stellen streichen.",
            ("Insidern zufolge", "anonymous", "Insidern", "anonymous"),
        ),
        (
            "Nach Angaben des Statistischen Bundesamts stiegen die Preise 2024 um 2,2 Prozent.",
            (
                "Nach Angaben des Statistischen Bundesamts",
                "document",
                "Statistischen Bundesamts",
                "official_document",
            ),
        ),
        (
            "Wie die Süddeutsche Zeitung berichtet, kaufte Siemens im Mai ein Start-up.",
            (
                "Wie die Süddeutsche Zeitung berichtet",
                "reported",
                "Süddeutsche Zeitung",
                "news_outlet",
            ),
        ),
        (
            "Aus Gerichtsakten geht hervor, dass Siemens im Mai 40 Millionen Euro zahlte.",
            ("Aus Gerichtsakten geht hervor", "document", "Gerichtsakten", "court_filing"),
        ),
        (
            "Mit der Sache vertraute Personen sagten, Siemens habe im Mai 40 Millionen Euro gezahlt.",
            (
                "Mit der Sache vertraute Personen",
                "anonymous",
                "Mit der Sache vertraute Personen",
                "anonymous",
            ),
        ),
        (
            "Eine Siemens-Sprecherin sagte am Montag, man habe 2024 rund 300 Stellen abgebaut.",
            ("Eine Siemens-Sprecherin sagte", "reported", "Siemens", "organisation"),
        ),
        (
            "Siemens-Chef Roland Busch erklärte, der Umsatz sei 2024 um 5 Prozent gestiegen.",
            ("Siemens-Chef Roland Busch erklärte", "reported", "Roland Busch", "person"),
        ),
        (
            "Der frühere Manager versicherte eidesstattlich, er habe 2023 gewarnt.",
            (
                "Der frühere Manager versicherte eidesstattlich",
                "document",
                "Frühere Manager",
                "sworn_statement",
            ),
        ),
    ],
)
def test_german_cue_families(text, expected):
    found = attributions(text, "de")
    assert _matches(expected, found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Corp cut 300 jobs in May, according to a report by the Financial Times.",
            (
                "according to a report by the Financial Times",
                "reported",
                "Financial Times",
                "news_outlet",
            ),
        ),
        (
            "Acme Corp paid $40 million in 2023, according to court filings.",
            ("according to court filings", "document", "Court filings", "court_filing"),
        ),
        (
            "Two people familiar with the matter said Acme Corp would cut 300 jobs in May.",
            (
                "Two people familiar with the matter said",
                "anonymous",
                "Two people familiar with the matter",
                "anonymous",
            ),
        ),
        (
            "A spokesperson for Acme Corp said the company cut 300 jobs in May.",
            ("A spokesperson for Acme Corp said", "reported", "Acme Corp", "organisation"),
        ),
        (
            "Acme Corp said in a filing with the Securities and Exchange Commission that it "
            "lost $4 million in 2024.",
            (
                "Acme Corp said in a filing with the Securities and Exchange Commission",
                "document",
                "Acme Corp",
                "official_document",
            ),
        ),
        (
            "Acme founder Jane Doe wrote on X on Monday that the company had raised $5 million.",
            ("Acme founder Jane Doe wrote on X on Monday", "reported", "Jane Doe", "social_post"),
        ),
        (
            "Acme Corp's finance chief, John Smith, testified under oath in 2024 that sales fell.",
            (
                "John Smith, testified under oath in 2024",
                "document",
                "John Smith",
                "sworn_statement",
            ),
        ),
        (
            "Acme Corp raised prices by 20% in March, Reuters reported.",
            ("Reuters reported", "reported", "Reuters", "news_outlet"),
        ),
    ],
)
def test_english_cue_families(text, expected):
    found = attributions(text, "en")
    assert _matches(expected, found), found


def test_direct_quote_with_named_speaker_after_the_quote():
    text = 'Sam Altman runs OpenAI. "We are not for sale and never were in 2025," said Sam Altman.'
    analysis = analyse_text(text, language="en")
    quote = analysis.claims[-1].attributions[0]
    assert (quote.kind, quote.speaker, quote.source_kind) == (
        "direct_quote",
        "Sam Altman",
        "person",
    )


def test_direct_quote_introduced_with_colon_in_german():
    text = "Elon Musk kritisierte OpenAI. Musk sagte: „OpenAI hat 2024 seine Mission verraten.“"
    analysis = analyse_text(text, language="de")
    quote = analysis.claims[-1].attributions[0]
    assert (quote.kind, quote.speaker) == ("direct_quote", "Elon Musk")


def test_scare_quotes_are_not_direct_quotes():
    text = "Erst im vergangenen Jahr forderte Elon Musk den Meta-Chef zu einem „Käfigkampf“ heraus."
    analysis = analyse_text(text, language="de")
    assert all(a.kind != "direct_quote" for c in analysis.claims for a in c.attributions)


def test_carry_forward_and_backward_attribution():
    text = (
        "Siemens zahlte im Mai 40 Millionen Euro an die Behörde. "
        "Die Information stammt aus Gerichtsakten, die am Montag öffentlich wurden. "
        "Laut den Dokumenten kannte Siemens-Chef Roland Busch die Zahlung seit 2023. "
        "Demnach stimmte er im Juni 2023 zu."
    )
    claims = analyse_text(text, language="de").claims
    by_start = {c.text.split()[0]: c for c in claims}
    assert by_start["Siemens"].attributions[0].phrase == "Die Information stammt aus Gerichtsakten"
    laut = by_start["Laut"].attributions[0]
    assert (laut.source_name, laut.source_kind, laut.kind) == (
        "Gerichtsakten",
        "court_filing",
        "document",
    )
    demnach = by_start["Demnach"].attributions[0]
    assert demnach.phrase == "Demnach" and demnach.source_kind == "court_filing"


def test_konjunktiv_i_continues_the_previous_speaker():
    text = (
        "Siemens-Chef Roland Busch sagte am Montag, der Umsatz sei 2024 um 5 Prozent gestiegen. "
        "Im Jahr 2025 werde das Unternehmen 300 Stellen schaffen."
    )
    claims = analyse_text(text, language="de").claims
    carried = claims[-1].attributions[0]
    assert (carried.phrase, carried.source_name, carried.kind) == (
        "werde",
        "Roland Busch",
        "reported",
    )


def test_hearsay_soll_is_anonymous():
    text = "Siemens soll im Mai 40 Millionen Euro an die Behörde gezahlt haben."
    (found,) = attributions(text, "de")
    assert found[1:] == ("anonymous", "ungenannte Quellen", "anonymous")


def test_every_phrase_is_the_text_at_its_offsets():
    text = (
        "Acme Corp cut 300 jobs in May, according to people familiar with the matter. "
        '"We regret it deeply and apologise," said Jane Doe, a spokesperson for Acme Corp.'
    )
    analysis = analyse_text(text, language="en")
    for claim in analysis.claims:
        for a in claim.attributions:
            assert analysis.article.text[a.start : a.end] == a.phrase


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # source kinds from titles, roles and organisation words
        (
            '"One in five trains was late in May," said Dr Amelia Rourke, a rail engineer.',
            "en",
            ("said Dr Amelia Rourke", "direct_quote", "Amelia Rourke", "person"),
        ),
        (
            "The Riverside Tenants' Alliance, a charity, said rents rose 12% in 2024.",
            "en",
            ("The Riverside Tenants' Alliance, a charity, said", "reported",
             "Riverside Tenants' Alliance", "organisation"),
        ),
        (
            "A spokesperson for the Department for Transport and Local Roads said 40 bridges "
            "were closed in March.",
            "en",
            ("A spokesperson for the Department for Transport and Local Roads said", "reported",
             "Department for Transport and Local Roads", "organisation"),
        ),
        (
            "Council leader Dev Arora said the council spent £2m on consultants in 2024.",
            "en",
            ("Council leader Dev Arora said", "reported", "Dev Arora", "person"),
        ),
        (
            "Nach Berechnungen des Mietervereins Talheim stiegen die Mieten 2024 um 6 Prozent.",
            "de",
            ("Nach Berechnungen des Mietervereins Talheim", "reported", "Mietervereins Talheim",
             "organisation"),
        ),
        (
            "Der Plan sieht nach Angaben der Stadt Investitionen von 80,2 Millionen Euro für 2026 vor.",
            "de",
            ("nach Angaben der Stadt", "reported", "Stadt", "organisation"),
        ),
        (
            "Die Schulden liegen laut Statistischem Landesamt bei 2.100 Euro je Einwohner im Jahr 2024.",
            "de",
            ("laut Statistischem Landesamt", "document", "Statistischem Landesamt",
             "official_document"),
        ),
        # outlets not on our list
        (
            "Wie die „Talheimer Rundschau“ berichtete, hatte der Kreis im Mai 3 Millionen Euro "
            "gestrichen.",
            "de",
            ("Wie die „Talheimer Rundschau“ berichtete", "reported", "Talheimer Rundschau",
             "news_outlet"),
        ),
        (
            "Wie der Südkurier berichtete, wurde am Montag ein 23-Jähriger festgenommen.",
            "de",
            ("Wie der Südkurier berichtete", "reported", "Südkurier", "news_outlet"),
        ),
        # documents and courts
        (
            "In a press release, Northfield University said the trial enrolled 1,200 patients.",
            "en",
            ("In a press release, Northfield University said", "document",
             "Northfield University", "official_document"),
        ),
        (
            "Brightline owes $4m to suppliers, per a court filing in the Texas District Court.",
            "en",
            ("per a court filing in the Texas District Court", "document",
             "Court filing in the Texas District Court", "court_filing"),
        ),
        (
            "In the complaint, Marlow Foods says its rival copied 14 recipes in 2023.",
            "en",
            ("In the complaint, Marlow Foods says", "document", "Marlow Foods", "court_filing"),
        ),
        (
            "Documents reviewed by Reuters show that Acme paid $3m in fines in 2023.",
            "en",
            ("Documents reviewed by Reuters show", "document", "Documents reviewed by Reuters",
             "other"),
        ),
        (
            "Documents reviewed by Reuters show that Acme paid $3m in fines in 2023.",
            "en",
            ("reviewed by Reuters", "reported", "Reuters", "news_outlet"),
        ),
        (
            "Rail journeys rose 8% in 2024, the authors found.",
            "en",
            ("the authors found", "document", "Authors", "other"),
        ),
        # anonymous and social
        (
            "Sources tell us the company will cut 300 jobs in March.",
            "en",
            ("Sources tell us", "anonymous", "Sources tell us", "anonymous"),
        ),
        (
            "Acme is preparing to close its app by the end of May 2025, we've learned.",
            "en",
            ("we've learned", "anonymous", "We've learned", "anonymous"),
        ),
        (
            "The ruling can be appealed within 30 days, court records show.",
            "en",
            ("court records show", "document", "Court records", "court_filing"),
        ),
        (
            "Die Angeklagte räumte vor Gericht ein, 2023 rund 30.000 Euro veruntreut zu haben.",
            "de",
            ("Die Angeklagte räumte vor Gericht ein", "reported", "Angeklagte", "person"),
        ),
        (
            "Ein Polizeisprecher sagte, am Samstag seien 12 Menschen verletzt worden.",
            "de",
            ("Ein Polizeisprecher sagte", "reported", "Polizei", "organisation"),
        ),
        (
            "Sam Altman pushed back on X on Monday, writing that OpenAI had 500 million users.",
            "en",
            ("Sam Altman pushed back on X", "reported", "Sam Altman", "social_post"),
        ),
    ],
)  # fmt: skip
def test_source_kinds_and_phrases_on_unseen_shapes(text, language, expected):
    found = attributions(text, language)
    assert _matches(expected, found), found


def test_konjunktiv_i_of_a_full_verb_continues_the_previous_speaker():
    text = (
        "Kämmerin Petra Holm sagte am Dienstag, die Rücklagen seien 2027 aufgebraucht. "
        "Bereits heute zahle die Stadt jährlich 2,1 Millionen Euro an Zinsen."
    )
    carried = analyse_text(text, language="de").claims[-1].attributions[0]
    assert (carried.phrase, carried.source_name, carried.source_kind) == (
        "zahle",
        "Petra Holm",
        "person",
    )


def test_konjunktiv_i_continues_past_a_sentence_in_the_narrators_voice():
    text = (
        "Verbandschef Rainer Holtkamp sagte am Montag in Hannover vor Journalisten, die "
        "Mitgliedsbetriebe des Verbands hätten im vergangenen Jahr nach einer eigenen Umfrage "
        "unter mehr als 900 Unternehmen aus Handwerk, Handel und Industrie rund 4.000 Stellen "
        "gestrichen, vor allem in der Metallverarbeitung. "
        "Im Mai 2024 hatte der Verband in einem Brandbrief an die Landesregierung bereits vor "
        "einem Einbruch der Aufträge gewarnt, damals war von 2.500 gefährdeten Stellen in den "
        "Betrieben der Region und von deutlich sinkenden Ausbildungszahlen die Rede. "
        "Bis Ende 2025 werde die Zahl der Beschäftigten um weitere 1.500 sinken. "
        "Das Gesetz koste die Betriebe jährlich 30 Millionen Euro.\n\n"
        "Der Landtag berät im März über das Gesetz. "
        "Im Jahr 2026 werde der Landtag 12 Millionen Euro bereitstellen."
    )
    claims = {c.text[:12]: c for c in analyse_text(text, language="de").claims}
    for opening, verb in (("Bis Ende 202", "werde"), ("Das Gesetz k", "koste")):
        carried = claims[opening].attributions[0]
        assert (carried.phrase, carried.source_name) == (verb, "Rainer Holtkamp")
    # a new paragraph needs its own cue
    assert not claims["Im Jahr 2026"].attributions


def test_an_adjective_in_e_is_no_konjunktiv():
    text = (
        "Kämmerin Petra Holm sagte am Dienstag, die Rücklagen seien 2027 aufgebraucht. "
        "Die neue Schule kostet 20 Millionen Euro."
    )
    assert not analyse_text(text, language="de").claims[-1].attributions


def test_a_spokesperson_confirming_attributes_the_sentence_before():
    text = (
        "Die Staatsanwaltschaft Talheim ermittelt gegen den Bürgermeister in 14 Fällen. "
        "Eine Sprecherin der Behörde bestätigte das am Montag."
    )
    first = analyse_text(text, language="de").claims[0]
    assert [(a.source_name, a.source_kind) for a in first.attributions] == [
        ("Staatsanwaltschaft Talheim", "organisation")
    ]


def test_the_person_said_is_the_anonymous_source_again():
    text = (
        "A person with knowledge of the talks said the deal could be signed in May 2025. "
        "The talks are at an early stage, with 3 bidders left, the person said."
    )
    last = analyse_text(text, language="en").claims[-1].attributions[0]
    assert (last.kind, last.source_kind) == ("anonymous", "anonymous")
