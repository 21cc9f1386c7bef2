"""References: add documents to check claims against (by URL, upload or pasted text), read
their archived versions, and see evidence a re-fetch could no longer find as it was pinned."""

from collections.abc import Callable

import streamlit as st

from workbench import catalog, ui
from workbench.catalog import FlaggedEvidence, ReferenceSummary
from workbench.config import Settings
from workbench.errors import WorkbenchError
from workbench.references.archive import Archive
from workbench.references.fetch import fetch, make_session, sniff
from workbench.references.service import ReferenceAdded, ReferenceService

URL = "references_url"
UPLOAD_ROUND = "references_upload_round"  # bumped to empty the file uploader after a success
UPLOAD_TITLE = "references_upload_title"
PASTE_TITLE = "references_paste_title"
PASTE_URL = "references_paste_url"
PASTE_PUBLISHER = "references_paste_publisher"
PASTE_TEXT = "references_paste_text"
# the outcome of the last add, per form: a list of (kind, message), shown once
FLASH = {
    "url": "references_flash_url",
    "upload": "references_flash_upload",
    "paste": "references_flash_paste",
}

OUTCOME_LABELS = {"lost": "Lost", "changed_text": "Changed text"}
OUTCOME_HELP = {
    "lost": "The quote is no longer in the current version of the reference.",
    "changed_text": "The words where the quote was have changed: check it still says this.",
}

workspace = ui.workspace()


def _upload_key() -> str:
    return f"references_upload_{st.session_state.get(UPLOAD_ROUND, 0)}"


def _archive() -> Archive:
    return Archive(Settings.from_env().archive_dir)


def _add(form: str, name: str, action: Callable[[ReferenceService], ReferenceAdded]) -> bool:
    """Run one add in one transaction; the outcome goes to the form's flash. True on success."""
    try:
        with workspace.sessions.begin() as session:
            added = action(ReferenceService(session, _archive()))
    except WorkbenchError as error:
        st.session_state[FLASH[form]] = [("error", str(error))]
        return False
    headline = added.describe(name).split("\n", 1)[0]
    st.session_state[FLASH[form]] = [
        ("success", headline),
        *(("warning", warning) for warning in added.warnings),
    ]
    return True


def _add_by_url() -> None:
    url = (st.session_state.get(URL) or "").strip()
    if not url:
        st.session_state[FLASH["url"]] = [("error", "Enter the reference's web address.")]
        return
    try:
        with make_session() as http:
            document = fetch(url, session=http)
    except WorkbenchError as error:
        st.session_state[FLASH["url"]] = [("error", str(error))]
        return
    if _add("url", url, lambda service: service.add_fetched(document)):
        st.session_state[URL] = ""


def _add_upload() -> None:
    uploaded = st.session_state.get(_upload_key())
    if uploaded is None:
        st.session_state[FLASH["upload"]] = [("error", "Choose a file to upload first.")]
        return
    content = uploaded.getvalue()
    sniffed = sniff(content)
    if sniffed is None:
        message = f"{uploaded.name}: this is not a web page, PDF or text file Workbench can read"
        st.session_state[FLASH["upload"]] = [("error", message)]
        return
    media_type, encoding = sniffed
    typed_title = (st.session_state.get(UPLOAD_TITLE) or "").strip()
    # plain text has no title of its own; HTML and PDF bring theirs
    title = typed_title or (uploaded.name if media_type == "text/plain" else None)
    added = _add(
        "upload",
        uploaded.name,
        lambda service: service.add_document(content, media_type, title=title, encoding=encoding),
    )
    if added:
        st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1
        st.session_state[UPLOAD_TITLE] = ""


def _add_pasted() -> None:
    title = st.session_state.get(PASTE_TITLE) or ""
    url = (st.session_state.get(PASTE_URL) or "").strip() or None
    publisher = (st.session_state.get(PASTE_PUBLISHER) or "").strip() or None
    text = st.session_state.get(PASTE_TEXT) or ""
    added = _add(
        "paste",
        title.strip() or "the pasted text",
        lambda service: service.add_text(text, title=title, url=url, publisher=publisher),
    )
    if added:
        for key in (PASTE_TITLE, PASTE_URL, PASTE_PUBLISHER, PASTE_TEXT):
            st.session_state[key] = ""


def _show_flash(form: str) -> None:
    for kind, message in st.session_state.pop(FLASH[form], []):
        getattr(st, kind)(ui.escape(message))


with workspace.sessions() as session:
    references = catalog.list_references(session)
    flagged: dict[int, list[FlaggedEvidence]] = {}
    for item in catalog.flagged_evidence(session):
        flagged.setdefault(item.reference_id, []).append(item)

st.title("References")
st.caption(
    "The documents claims are checked against. Every retrieval is archived by its SHA-256; "
    "a changed page becomes a new version and the evidence pinned to it is re-anchored."
)

by_url, by_upload, by_paste = st.tabs(["By web address", "Upload a file", "Paste text"])
with by_url:
    with st.form("references_url_form", border=False):
        st.text_input(
            "Web address",
            key=URL,
            placeholder="https://www.example.org/report.pdf",
            help="Fetching it again later adds a new version when the page has changed.",
        )
        st.form_submit_button("Fetch and add", key="references_fetch", on_click=_add_by_url)
    _show_flash("url")
with by_upload:
    with st.form("references_upload_form", border=False):
        st.file_uploader(
            "HTML page, PDF or plain text", type=["html", "htm", "pdf", "txt"], key=_upload_key()
        )
        st.text_input("Title", key=UPLOAD_TITLE, help="Leave empty to use the document's own.")
        st.form_submit_button("Add the file", key="references_upload_add", on_click=_add_upload)
    _show_flash("upload")
with by_paste:
    with st.form("references_paste_form", border=False):
        st.text_input(
            "Title", key=PASTE_TITLE, placeholder="Phone call with the council press office"
        )
        left, right = st.columns(2)
        left.text_input("Web address (optional)", key=PASTE_URL)
        right.text_input("Publisher (optional)", key=PASTE_PUBLISHER)
        st.text_area(
            "Text",
            key=PASTE_TEXT,
            height=220,
            help="A paywalled page, notes from a call: a blank line between paragraphs.",
        )
        st.form_submit_button("Add the text", key="references_paste_add", on_click=_add_pasted)
    _show_flash("paste")

st.subheader(f"References ({len(references)})")
if not references:
    st.info("No references yet. Add one above: by web address, as a file or as pasted text.")
    st.stop()

to_check = sum(len(items) for items in flagged.values())
if to_check:
    st.warning(
        f"**{to_check} evidence to check again.** A re-fetch found the pinned words gone or "
        "changed; each is shown below with the archived text it was pinned to.",
        icon=":material/link_off:",
    )


def _reference_label(reference: ReferenceSummary, flags: list[FlaggedEvidence]) -> str:
    name = reference.title or reference.url or f"Reference {reference.id}"
    label = f"#{reference.id} · {ui.escape(ui.shorten(name, 100))}"
    versions = len(reference.versions)
    label += f" · {versions} version" + ("s" if versions != 1 else "")
    if flags:
        label += f" · :orange[{len(flags)} evidence to check]"
    return label


def _show_flag(item: FlaggedEvidence) -> None:
    with st.container(border=True):
        text_column, open_column = st.columns([10, 1], vertical_alignment="center")
        text_column.markdown(
            f"**{OUTCOME_LABELS.get(item.outcome, item.outcome)}** · evidence #{item.evidence_id} "
            f"({item.stance}) for claim #{item.claim_id}: "
            f"{ui.escape(ui.shorten(item.claim_text, 120))}",
            help=OUTCOME_HELP.get(item.outcome),
            unsafe_allow_html=True,
        )
        if open_column.button("Open", key=f"references_open_{item.evidence_id}"):
            ui.open_claim(item.claim_id)
        page = f", p. {item.page}" if item.page else ""
        pinned = (
            f"Pinned to the version of {ui.when(item.pinned_retrieved_at)} "
            f"(SHA-256 {item.pinned_sha256[:12]}…){page}"
            + (f", by {ui.escape(item.added_by)}" if item.added_by else "")
        )
        ui.html_block(
            f"<small>{pinned}</small><blockquote>{ui.escape(item.before)}"
            f"<mark>{ui.escape(item.quote)}</mark>{ui.escape(item.after)}</blockquote>"
        )
        if item.now_reads is not None:
            ui.html_block(f"<small>Now reads:</small> <mark>{ui.escape(item.now_reads)}</mark>")


for reference in references:
    flags = flagged.get(reference.id, [])
    with st.expander(_reference_label(reference, flags), expanded=bool(flags)):
        facts = [ui.safe_link(reference.url) if reference.url else "pasted or uploaded"]
        if reference.publisher:
            facts.append(ui.escape(reference.publisher))
        if reference.language:
            facts.append(ui.escape(reference.language))
        ui.html_block(" · ".join(facts))
        st.dataframe(
            [
                {
                    "retrieved at": ui.when(version.retrieved_at),
                    "status": version.status,
                    "sha256": version.sha256,
                    "final url": version.final_url or "",
                    "current": version.current,
                }
                for version in reversed(reference.versions)
            ],
            hide_index=True,
            column_config={
                "status": st.column_config.NumberColumn(
                    "status", help="HTTP status; empty for uploads and pasted text", format="%d"
                ),
                "sha256": st.column_config.TextColumn("sha256", width="medium"),
            },
        )
        for item in flags:
            _show_flag(item)
