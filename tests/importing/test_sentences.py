import pytest

from workbench.importing.analysis import split_sentences


def sentences(text: str, language: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das gilt z. B. für Dr. Meier. Er kam am 22. August 2025 an.",
            ["Das gilt z. B. für Dr. Meier.", "Er kam am 22. August 2025 an."],
        ),
        (
            "Musk bot 97,4 Milliarden bzw. knapp 100 Milliarden. Das ist ca. ein Zehntel.",
            ["Musk bot 97,4 Milliarden bzw. knapp 100 Milliarden.", "Das ist ca. ein Zehntel."],
        ),
        (
            "Es geht um Nr. 5 im Register. Am 3. Oktober folgte die Klage.",
            ["Es geht um Nr. 5 im Register.", "Am 3. Oktober folgte die Klage."],
        ),
        (
            "„Wir verkaufen nicht. Niemals“, sagte er. Danach ging er.",
            ["„Wir verkaufen nicht. Niemals“, sagte er.", "Danach ging er."],
        ),
        (
            "Er schrieb: „Das ist falsch.“ Dann löschte er den Post.",
            ["Er schrieb: „Das ist falsch.“", "Dann löschte er den Post."],
        ),
        (
            "Sie nannte es «eine Farce.» Die Firma schwieg.",
            ["Sie nannte es «eine Farce.»", "Die Firma schwieg."],
        ),
        ("Ist das wahr? Niemand weiß es!", ["Ist das wahr?", "Niemand weiß es!"]),
        (
            "Sie kam im Jahr 2024. Danach ging sie.",
            ["Sie kam im Jahr 2024.", "Danach ging sie."],
        ),
    ],
)
def test_german(text, expected):
    assert sentences(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Musk met Dr. J. Smith in the U.S. capital. They talked.",
            ["Mr. Musk met Dr. J. Smith in the U.S. capital.", "They talked."],
        ),
        (
            "The bid was $97.4bn. It was 4.5% higher.",
            ["The bid was $97.4bn.", "It was 4.5% higher."],
        ),
        (
            "He moved to the U.S. The company followed.",
            ["He moved to the U.S.", "The company followed."],
        ),
        (
            '"We are not for sale. Not now," Altman said. The board agreed.',
            ['"We are not for sale. Not now," Altman said.', "The board agreed."],
        ),
        (
            '"Is it for sale?" he asked. Nobody answered.',
            ['"Is it for sale?" he asked.', "Nobody answered."],
        ),
        (
            "Acme Inc. said on Dec. 2 that sales fell. Shares dropped.",
            ["Acme Inc. said on Dec. 2 that sales fell.", "Shares dropped."],
        ),
    ],
)
def test_english(text, expected):
    assert sentences(text, "en") == expected


def test_headings_and_paragraphs_end_sentences():
    text = "Ein Angebot, das nie zustande kam\nLaut den Dokumenten kam es anders.\n\nNeuer Absatz"
    assert sentences(text, "de") == [
        "Ein Angebot, das nie zustande kam",
        "Laut den Dokumenten kam es anders.",
        "Neuer Absatz",
    ]


def test_wrapped_lines_are_not_cut():
    text = (
        "This is a long sentence of running text that was hard-wrapped by the scraper at\n"
        "about eighty characters and continues here."
    )
    assert sentences(text, "en") == [text]


def test_spans_are_trimmed_offsets():
    text = "  Eins ist da.   Zwei auch.  "
    for a, b in split_sentences(text, "de"):
        assert text[a:b] == text[a:b].strip()
