import pytest

from workbench.importing.analysis import analyse_article, analyse_text
from workbench.importing.language import detect_language


def test_empty_input():
    analysis = analyse_article("")
    assert analysis.article.text == ""
    assert analysis.sentences == () and analysis.claims == ()
    assert analyse_text("").claims == ()


def test_single_sentence():
    analysis = analyse_article("Elon Musk offered $97.4 billion for OpenAI in February 2025.")
    assert analysis.article.language == "en"
    assert len(analysis.sentences) == 1
    assert len(analysis.claims) == 1
    assert analysis.claims[0].text == analysis.article.text


def test_text_without_punctuation():
    analysis = analyse_article("Elon Musk bot 97 Milliarden Dollar für OpenAI im Februar")
    assert len(analysis.sentences) == 1
    assert analysis.claims == ()  # no final punctuation reads as a heading


def test_language_detection():
    assert (
        detect_language("Die Information stammt aus Gerichtsakten, die öffentlich wurden.") == "de"
    )
    assert (
        detect_language("The information comes from court filings that were made public.") == "en"
    )
    assert detect_language("") == "en"


# A guard against run-away patterns (backtracking that grows with the text's square would
# take hours on a megabyte), not a speed test: speed is for benchmarks/. It took 10-30 s
# here depending on load, so a 20 s assertion failed under load.
@pytest.mark.timeout(240)
def test_one_megabyte_finishes():
    paragraph = (
        "Laut einem Bericht der Financial Times hat Elon Musk im Februar 97,4 Milliarden "
        "US-Dollar geboten. „Wir verkaufen nicht“, sagte Sam Altman am Montag. Das könnte "
        "teuer werden. Stellt euch vor, was passiert wäre!\n\n"
    )
    raw = paragraph * (1_000_000 // len(paragraph))
    analysis = analyse_article(raw)
    assert analysis.claims
