import random
from datetime import date

import pytest

from workbench.errors import ExtractionError
from workbench.references.extract import PageSpan, extract, split_passages

# --- HTML -----------------------------------------------------------------------------------


def test_german_news_page(fixture_page):
    document = extract(
        fixture_page("haushalt-bildung.de.html"),
        "text/html",
        url="https://tagesblatt.example/politik/haushalt-2025",
        encoding="utf-8",
    )

    assert document.title == "Haushalt 2025: Regierung kürzt bei der Bildung"
    assert document.author == "Anna Schmidt"
    assert document.publisher == "Tagesblatt"
    assert document.published == date(2024, 3, 14)
    assert document.language == "de"
    assert "3,2 Milliarden Euro weniger für Bildung" in document.text
    assert "„Wir müssen sparen, und zwar überall.“" in document.text
    for furniture in ("Impressum", "Cookies", "Startseite", "tracking"):
        assert furniture not in document.text
    assert document.pages == ()
    assert document.warnings == ()


def test_english_news_page_without_html_lang(fixture_page):
    document = extract(fixture_page("council-housing.en.html"), "text/html")

    assert document.title == "Council spent only a third of its housing budget"
    assert document.author == "James Okafor"
    assert document.publisher == "Riverton Courier"
    assert document.published == date(2024, 2, 2)
    assert document.language == "en"
    assert "spent 12.3 million dollars of the 41.5 million dollars" in document.text
    assert "All rights reserved" not in document.text


def test_paragraphs_are_separated_by_a_blank_line(fixture_page):
    document = extract(fixture_page("council-housing.en.html"), "text/html")

    paragraphs = document.text.split("\n\n")

    assert any(p.startswith("The council leader, Mr. Hale, said") for p in paragraphs)
    assert "The case will be heard in the district court in April." in paragraphs


def test_page_trafilatura_finds_nothing_in_falls_back_to_all_text():
    html = "<html><head><title>Notice</title></head><body><footer><p>Die Stadt meldet 12 neue Fälle.</p></footer></body></html>"  # noqa: E501

    document = extract(html.encode(), "text/html")

    assert document.text == "Die Stadt meldet 12 neue Fälle."
    assert document.title == "Notice"


def test_empty_page_is_an_error():
    with pytest.raises(ExtractionError, match="no readable text"):
        extract(b"<html><body><script>x = 1</script></body></html>", "text/html")


def test_plain_text_is_decoded_and_tidied():
    content = "Pressemitteilung\r\n\r\nDer Kreis meldet 1.204 Fälle.   \r\n".encode("cp1252")

    document = extract(content, "text/plain", encoding="cp1252")

    assert document.text == "Pressemitteilung\n\nDer Kreis meldet 1.204 Fälle."
    assert document.title is None


def test_unreadable_type_is_an_error():
    with pytest.raises(ExtractionError, match="image/png"):
        extract(b"...", "image/png", url="https://example.org/chart.png")


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_pages_keep_their_place_in_the_text(court_filing_pdf, court_filing_pages):
    document = extract(
        court_filing_pdf, "application/pdf", url="https://court.example/files/court-filing.pdf"
    )

    assert [p.number for p in document.pages] == [1, 2, 3, 4]
    for span, lines in zip(document.pages, court_filing_pages, strict=True):
        on_page = document.text[span.start : span.end]
        for line in lines:
            assert line in on_page
    assert document.warnings == ("court-filing.pdf: page 3 has no text layer",)
    assert document.title == "Complaint, Riverton Tenants Union v. City of Riverton"
    assert document.author == "Riverton Tenants Union"
    assert document.language == "en"
    offset = document.text.index("Only 12.3 million dollars")
    assert document.page_at(offset) == 2
    assert document.page_at(document.text.index("PRAYER FOR RELIEF")) == 4


def test_pdf_without_any_text_layer_is_an_error(pdf_builder):
    scan = pdf_builder([[], []])

    with pytest.raises(ExtractionError, match="scan.pdf: no page has a text layer"):
        extract(scan, "application/pdf", url="https://example.org/scan.pdf")


def test_damaged_pdf_is_an_error():
    with pytest.raises(ExtractionError, match="damaged"):
        extract(b"%PDF-1.4\nthis is not really a PDF", "application/pdf")


# --- passages -------------------------------------------------------------------------------


def test_passages_are_paragraphs_with_exact_offsets():
    text = "First paragraph.\n\n  Second one, indented.  \n\n\nThird\nwith a line break."

    passages = split_passages(text)

    assert [p.text for p in passages] == [
        "First paragraph.",
        "Second one, indented.",
        "Third\nwith a line break.",
    ]
    assert [p.index for p in passages] == [0, 1, 2]
    for passage in passages:
        assert text[passage.start : passage.end] == passage.text
        assert passage.page is None


def test_long_paragraph_is_cut_at_sentence_ends():
    sentence = "Der Haushalt sieht für das Jahr 2025 deutlich weniger Geld für Schulen vor. "
    text = "Einleitung.\n\n" + sentence * 20 + "\n\nSchluss."

    passages = split_passages(text)

    middle = passages[1:-1]
    assert len(middle) >= 3
    for passage in middle:
        assert len(passage.text) <= 600
        assert passage.text.endswith("vor.")
        assert text[passage.start : passage.end] == passage.text


def test_abbreviations_and_dates_do_not_end_a_sentence():
    text = (
        "Finanzminister Dr. Müller legte am 12. März den Entwurf vor, z. B. für Schulen. " * 12
    ).strip()

    passages = split_passages(text, max_chars=200)

    for passage in passages:
        assert passage.text.startswith("Finanzminister Dr. Müller")


def test_run_on_text_without_sentences_is_cut_at_spaces():
    text = " ".join(f"Posten{i}" for i in range(400))

    passages = split_passages(text)

    assert all(len(p.text) <= 600 for p in passages)
    assert " ".join(p.text for p in passages) == text


def test_passages_do_not_cross_pages_and_know_their_page(court_filing_pdf):
    document = extract(court_filing_pdf, "application/pdf")

    passages = split_passages(document.text, document.pages)

    assert {p.page for p in passages} == {1, 2, 4}
    for passage in passages:
        span = next(s for s in document.pages if s.number == passage.page)
        assert span.start <= passage.start < passage.end <= span.end


def test_page_boundary_inside_a_paragraph_splits_it():
    text = "end of page one continues on page two"
    pages = (PageSpan(1, 0, 15), PageSpan(2, 16, len(text)))

    passages = split_passages(text, pages)

    assert [(p.text, p.page) for p in passages] == [
        ("end of page one", 1),
        ("continues on page two", 2),
    ]


def test_offsets_stay_exact_on_messy_text():
    rng = random.Random(7)
    pieces = ["Wort", "word.", "Satz!", "Why?", " ", "  ", "\n", "\n\n", "\n \n", "„Zitat.“", "…"]
    text = "".join(rng.choice(pieces) for _ in range(3000))

    passages = split_passages(text, max_chars=120)

    assert passages
    for passage in passages:
        assert text[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip()
        assert len(passage.text) <= 120
    starts = [p.start for p in passages]
    assert starts == sorted(starts)


def test_xhtml_with_an_xml_declaration():
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de" lang="de">'
        "<head><title>Meldung</title></head>"
        "<body><p>Die Stadt meldet 12 neue Fälle in der Altstadt und im Hafen.</p></body></html>"
    )

    document = extract(xhtml.encode(), "text/html")

    assert document.text == "Die Stadt meldet 12 neue Fälle in der Altstadt und im Hafen."
    assert document.language == "de"


def test_pdf_with_a_broken_page_reports_that_page(pdf_builder):
    pdf = pdf_builder([["Page one has text."], ["Page two has text."]])
    broken = pdf.replace(b"/Contents 7 0 R", b"/Contents 99 0 R")

    document = extract(broken, "application/pdf", url="https://example.org/two.pdf")

    assert document.text == "Page one has text."
    assert document.warnings == ("two.pdf: page 2 has no text layer",)
