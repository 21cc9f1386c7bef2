import datetime

from workbench.importing.analysis import analyse_article


def test_seed_claims_and_attributions_match_curated_file(seed_raw, seed_claims):
    analysis = analyse_article(seed_raw)
    got = [
        {
            "quote": claim.text,
            "attributions": [
                {
                    "phrase": a.phrase,
                    "kind": a.kind,
                    "source_name": a.source_name,
                    "source_kind": a.source_kind,
                }
                for a in claim.attributions
            ],
        }
        for claim in analysis.claims
    ]
    expected = [{"quote": c["quote"], "attributions": c["attributions"]} for c in seed_claims]
    assert got == expected


def test_seed_offsets_point_into_the_body(seed_raw):
    analysis = analyse_article(seed_raw)
    body = analysis.article.text
    for claim in analysis.claims:
        assert body[claim.start : claim.end] == claim.text
        for attribution in claim.attributions:
            assert body[attribution.start : attribution.end] == attribution.phrase


def test_seed_no_claim_overlaps_furniture_or_caption(seed_raw):
    analysis = analyse_article(seed_raw)
    removed = [line for line, _reason in analysis.article.removed]
    for claim in analysis.claims:
        for line in removed:
            assert claim.text not in line and line not in claim.text
        for caption in analysis.article.captions:
            assert caption not in claim.text and claim.text not in caption
    assert "Shutterstock" not in analysis.article.text
    assert "Von Dieter Petereit" not in analysis.article.text


def test_seed_metadata(seed_raw):
    article = analyse_article(seed_raw).article
    assert article.language == "de"
    assert article.author == "Dieter Petereit"
    assert article.title == (
        "Elon Musks 100-Milliarden-Plan: Wie Mark Zuckerberg bei der Übernahme von OpenAI "
        "behilflich sollte"
    )
    assert article.published == datetime.date(2025, 8, 22)
    assert article.republished == datetime.date(2025, 8, 30)
    assert article.captions == ("Elon Musk hat überlegt, OpenAI zu kaufen.",)
    assert article.title not in article.text


def test_seed_claims_carry_explainable_reasons(seed_raw):
    claims = {c.text[:20]: c for c in analyse_article(seed_raw).claims}
    offer = claims["Das Angebot hatte es"]
    assert "amount: 97,4 Milliarden" in offer.reasons
    assert "named person: Elon Musk" in offer.reasons
    assert any(r.startswith("attribution: ") for r in offer.reasons)
