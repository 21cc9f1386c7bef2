"""The Streamlit side of Workbench: the cached workspace, shared widgets and safe HTML.

The only module in the package that imports streamlit; pages in app_pages/ build on it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench import review
from workbench.bootstrap import Workspace, open_workspace
from workbench.config import DB_DIR, Settings
from workbench.errors import InvalidInputError, StaleEditError, WorkbenchError
from workbench.matching.semantic import default_embedder
from workbench.matching.service import MatchingIndexes, index_folder, semantic_matching
from workbench.models import Reviewer, ReviewStatus
from workbench.ratings import RATING_SCALE, RATINGS_BY_KEY

T = TypeVar("T")

# Session-state keys shared by several pages. Page-only keys carry the page's prefix
# (claim_..., article_..., sources_..., dashboard_...).
REVIEWER = "reviewer"  # the name chosen in the sidebar
# st.switch_page drops every widget's state, so the choice lives in REVIEWER (a plain key)
# and the selectbox only mirrors it
_REVIEWER_CHOICE = "reviewer_choice"
CLAIM_ID = "claim_id"  # the claim the Claim page shows
_NEW_REVIEWER = "reviewer_new_name"
_REVIEWER_MESSAGE = "reviewer_message"

CLAIM_PAGE = "app_pages/claim.py"
ARTICLE_PAGE = "app_pages/article.py"

STATUS_LABELS = {
    ReviewStatus.NEEDS_REVIEW.value: "Needs review",
    ReviewStatus.DISPUTED.value: "Disputed",
    ReviewStatus.REVIEWED.value: "Reviewed",
}
NO_VERDICT = "no verdict yet"


@st.cache_resource(show_spinner="Opening the Workbench database…")
def _open_workspace(database_url: str, _settings: Settings) -> Workspace:
    # keyed on the URL so a changed WORKBENCH_DATABASE_URL opens the other database
    return open_workspace(_settings)


def workspace() -> Workspace:
    """The process-wide engine and session factory; stops the page with a message on failure.

    The returned Workspace is shared by every user: never mutate it.
    """
    settings = Settings.from_env()
    try:
        return _open_workspace(settings.database_url, settings)
    except WorkbenchError as error:
        st.error(str(error))
        st.stop()


@st.cache_resource(show_spinner="Loading the matching index…")
def _matching_indexes(database_url: str, semantic: bool) -> MatchingIndexes:
    embedder = default_embedder() if semantic else None
    return MatchingIndexes(index_folder(database_url, DB_DIR), embedder=embedder)


def matching_indexes() -> MatchingIndexes:
    """The process-wide matching indexes of the configured database (kept in step by sync):
    semantic when the [semantic] extra is installed, unless WORKBENCH_MATCHING=lexical."""
    return _matching_indexes(Settings.from_env().database_url, semantic_matching())


# --- labels -------------------------------------------------------------------------------


def rating_label(key: str) -> str:
    rating = RATINGS_BY_KEY.get(key)
    if rating is not None:
        return rating.label
    return key.replace("_", " ").capitalize()


def rating_option(key: str) -> str:
    """A rating as the verdict form lists it: label and what it means."""
    rating = RATINGS_BY_KEY[key]
    return f"{rating.label} — {rating.description}"


RATING_KEYS: tuple[str, ...] = tuple(rating.key for rating in RATING_SCALE)


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


def kind_label(kind: str) -> str:
    return kind.replace("_", " ")


def when(moment: dt.datetime | dt.date | None) -> str:
    if moment is None:
        return "—"
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return moment.isoformat()


def shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- safe HTML ------------------------------------------------------------------------------

# Characters Streamlit's Markdown acts on inline ($ starts LaTeX, :name: an emoji or icon); as
# entities they show literally, as do HTML's special characters: any article text is inert.
_ENTITIES = str.maketrans(
    {
        # HTML
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        # Markdown
        "\\": "&#92;",
        "`": "&#96;",
        "*": "&#42;",
        "_": "&#95;",
        "[": "&#91;",
        "]": "&#93;",
        "#": "&#35;",
        "|": "&#124;",
        "~": "&#126;",
        "$": "&#36;",
        ":": "&#58;",
    }
)


def escape(text: str | None) -> str:
    """Text from an article, a reference or a user, safe inside st.markdown(unsafe_allow_html).

    HTML is escaped, Markdown syntax is neutralised, and line breaks become <br> so the
    result is a single line that Markdown cannot split into blocks.
    """
    if not text:
        return ""
    # one pass, so the entities it writes are not escaped again
    escaped = text.translate(_ENTITIES)
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def safe_link(url: str | None, label: str | None = None) -> str:
    """An <a> to an http(s) URL, or the escaped text when the URL is anything else."""
    if not url:
        return ""
    shown = escape(label or url)
    if not url.lower().startswith(("http://", "https://")):
        return shown
    return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{shown}</a>'


def html_block(markup: str) -> None:
    """Show markup built only from escape()d text and our own tags."""
    st.markdown(markup, unsafe_allow_html=True)


# --- reviewer picker ------------------------------------------------------------------------


def _add_reviewer() -> None:
    name = st.session_state.get(_NEW_REVIEWER, "")
    try:
        with workspace().sessions.begin() as session:
            reviewer = review.get_or_create_reviewer(session, name)
            chosen = reviewer.name
    except InvalidInputError as error:
        st.session_state[_REVIEWER_MESSAGE] = str(error)
        return
    st.session_state[REVIEWER] = chosen
    st.session_state[_REVIEWER_CHOICE] = chosen
    st.session_state[_NEW_REVIEWER] = ""


def reviewer_names(ws: Workspace) -> list[str]:
    with ws.sessions() as session:
        return [reviewer.name for reviewer in review.list_reviewers(session)]


def _remember_reviewer() -> None:
    st.session_state[REVIEWER] = st.session_state[_REVIEWER_CHOICE]


def reviewer_picker(ws: Workspace) -> str | None:
    """The sidebar's "who is reviewing" choice, shared by every page; also adds a new name."""
    names = reviewer_names(ws)
    if st.session_state.get(REVIEWER) not in names:
        st.session_state[REVIEWER] = None
    st.session_state[_REVIEWER_CHOICE] = st.session_state[REVIEWER]
    with st.sidebar:
        chosen = st.selectbox(
            "Reviewing as",
            names,
            index=None,
            key=_REVIEWER_CHOICE,
            on_change=_remember_reviewer,
            placeholder="Choose your name",
            help="Verdicts you record are signed with this name.",
        )
        with st.expander("Add a reviewer", expanded=not names):
            st.text_input("New reviewer's name", key=_NEW_REVIEWER)
            st.button("Add reviewer", key="reviewer_add", on_click=_add_reviewer)
            message = st.session_state.pop(_REVIEWER_MESSAGE, None)
            if message:
                st.error(message)
    return chosen


def current_reviewer() -> str | None:
    return st.session_state.get(REVIEWER)


NO_REVIEWER = "Choose your name under “Reviewing as” in the sidebar first."


def write_as_reviewer(
    ws: Workspace, action: Callable[[Session, Reviewer], T]
) -> tuple[T | None, str | None]:
    """Run ``action`` in one transaction signed by the reviewer chosen in the sidebar.

    Returns its result and no message, or no result and the message to show (no reviewer
    chosen, or one of our errors); on an error nothing is written.
    """
    reviewer = current_reviewer()
    if reviewer is None:
        return None, NO_REVIEWER
    try:
        with ws.sessions.begin() as session:
            return action(session, review.get_or_create_reviewer(session, reviewer)), None
    except WorkbenchError as error:
        return None, str(error)


def open_claim(claim_id: int) -> None:
    """Go to the Claim page showing `claim_id` (its URL carries ?claim=ID, so it can be shared)."""
    st.session_state[CLAIM_ID] = claim_id
    st.switch_page(CLAIM_PAGE, query_params={"claim": str(claim_id)})


# --- saving verdicts -----------------------------------------------------------------------

# review.record_verdict checks the version itself (StaleEditError); a save racing another one
# between that check and the UPDATE surfaces as SQLAlchemy's StaleDataError instead.
SAVE_CONFLICTS = (StaleEditError, StaleDataError)


def conflict_message(error: Exception, claim_id: int) -> str:
    if isinstance(error, StaleEditError):
        return str(error)
    return (
        f"Claim {claim_id} changed while you were reviewing it. Your verdict was not saved; "
        "read the change below, then save again."
    )
