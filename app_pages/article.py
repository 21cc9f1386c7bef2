"""Article: the full text with its claims highlighted and the phrases that attribute them marked."""

import streamlit as st

from workbench import catalog, ui
from workbench.catalog import ArticleView, Segment
from workbench.errors import NotFoundError

CHOICE = "article_choice"  # the selectbox
REMEMBERED = "article_id"  # survives visits to other pages, where the selectbox is not drawn

workspace = ui.workspace()
with workspace.sessions() as session:
    articles = {
        article.id: f"{article.outlet or 'Unknown outlet'}: {article.title or f'Article {article.id}'}"
        for article in catalog.list_articles(session)
    }

st.title("Article")
if not articles:
    st.info("No articles yet. Import one with `workbench import FILE --outlet NAME`.")
    st.stop()

requested = st.query_params.get("article")
if requested is not None and requested.isdigit() and int(requested) in articles:
    chosen = int(requested)
elif st.session_state.get(REMEMBERED) in articles:
    chosen = st.session_state[REMEMBERED]
else:
    chosen = next(iter(articles))
st.session_state[CHOICE] = st.session_state[REMEMBERED] = chosen


def _remember_choice() -> None:
    st.session_state[REMEMBERED] = st.session_state[CHOICE]
    st.query_params["article"] = str(st.session_state[CHOICE])


article_id = st.selectbox(
    "Article", list(articles), format_func=articles.get, key=CHOICE, on_change=_remember_choice
)

try:
    with workspace.sessions() as session:
        view = catalog.article_view(session, article_id)
except NotFoundError as error:
    st.error(str(error))
    st.stop()


def header(view: ArticleView) -> str:
    parts = [part for part in (ui.escape(view.outlet), ui.escape(view.author)) if part]
    dates = f"published {ui.when(view.published)}"
    if view.republished:
        dates += f", republished {ui.when(view.republished)}"
    parts.append(dates)
    parts.append(f"language {ui.escape(view.language)}")
    if view.url:
        parts.append(ui.safe_link(view.url))
    return " · ".join(parts)


def highlighted_text(segments: tuple[Segment, ...], numbers: dict[int, int]) -> str:
    """The article as HTML: claims in <mark>, attribution phrases bold and underlined."""
    pieces: list[str] = []
    for index, segment in enumerate(segments):
        piece = ui.escape(segment.text)
        if segment.attribution:
            piece = f'<b style="text-decoration: underline">{piece}</b>'
        if segment.claim_id is not None:
            number = numbers.get(segment.claim_id)
            piece = f'<mark title="Claim {number}">{piece}</mark>'
            following = segments[index + 1] if index + 1 < len(segments) else None
            if following is None or following.claim_id != segment.claim_id:
                piece += f"<sup><b>[{number}]</b></sup>"
        pieces.append(piece)
    return '<div class="workbench-article" style="line-height: 1.7">' + "".join(pieces) + "</div>"


st.header(ui.escape(view.title) or f"Article {view.id}")
ui.html_block(header(view))
st.caption(
    "Highlighted: a claim (its number matches the list below). "
    "Bold and underlined: the words that attribute it to a source."
)

# in reading order; claims from captions or added by hand (no place in the text) last
claims = sorted(view.claims, key=lambda c: (c.span is None, c.span or (0, 0), c.id))
numbers = {claim.id: number for number, claim in enumerate(claims, start=1)}
text_column, claims_column = st.columns([3, 2], gap="large")
with text_column:
    ui.html_block(highlighted_text(view.segments, numbers))
    if view.captions:
        st.subheader("Captions")
        for caption in view.captions:
            ui.html_block(f"<blockquote>{ui.escape(caption)}</blockquote>")

with claims_column:
    st.subheader(f"Claims ({len(claims)})")
    if not claims:
        st.info("No claims were found in this article.")
    for claim in claims:
        where = "" if claim.span else f" ({ui.escape(claim.origin)})"
        label = f"[{numbers[claim.id]}] {ui.shorten(claim.text, 90)}"
        with st.container(border=True):
            ui.html_block(
                f"<b>[{numbers[claim.id]}]</b>{where} {ui.escape(claim.text)}<br>"
                f"<small>{ui.status_label(claim.review_status)} · "
                f"check-worthiness {claim.check_worthiness:.2f}"
                + (f" · {ui.rating_label(claim.verdict.rating)}" if claim.verdict else "")
                + "</small>"
            )
            if st.button(
                "Open claim",
                key=f"article_open_{claim.id}",
                help=label,
                icon=":material/arrow_forward:",
            ):
                ui.open_claim(claim.id)
