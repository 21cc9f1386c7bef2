from workbench.matching.align import align

PASSAGE = (
    "Background. On June 21, 2023 Musk challenged Zuckerberg to a cage match in a post. "
    "Zuckerberg replied."
)


def test_alignment_covers_whole_words():
    found = align("musk challnged zuckerbrg to a cage", PASSAGE)
    assert PASSAGE[found.start : found.end] == found.exact
    assert found.exact.startswith("Musk") and found.exact.endswith("cage")
    assert found.text_position_selector() == {
        "type": "TextPositionSelector",
        "start": found.start,
        "end": found.end,
    }
    assert found.text_quote_selector()["prefix"].endswith("2023 ")


def test_a_german_claim_aligns_through_normalised_tokens():
    found = align("Musk forderte den Meta-Chef Zuckerberg zu einem Käfigkampf heraus.", PASSAGE)
    assert "challenged Zuckerberg to a cage match" in found.exact
