"""Claim: what it rests on, what the evidence says, what reviewers decided; record a verdict."""

import streamlit as st

from workbench import catalog, review, sources, ui
from workbench.catalog import AttributionView, ClaimDetail, EvidenceView
from workbench.errors import NotFoundError, WorkbenchError
from workbench.matching.explain import Mismatch
from workbench.matching.service import EvidenceCandidate, SimilarClaim, link_candidate
from workbench.models import SourceKind
from workbench.tracing import SourceChain

CHOICE = "claim_choice"  # the claim selectbox
FORM_VERSION = "claim_form_version"  # the claim version the verdict form was last drawn with
FLASH = "claim_flash"  # the outcome of the last save, shown once above the form
CANDIDATE_FLASH = "claim_candidate_flash"  # the outcome of the last "Link as evidence"
ATTRIBUTION_FLASH = "claim_attr_flash"  # the outcome of the last confirm or correction
NEW_SOURCE = "new"  # the "Correct the source" option that adds a source
SOURCE_KINDS = tuple(kind.value for kind in SourceKind)
STANCES = ("supports", "refutes", "context")

STANCE_BADGES = {
    "supports": ":green-badge[supports]",
    "refutes": ":red-badge[refutes]",
    "context": ":gray-badge[context]",
}

# what a re-fetch of the reference found where the quote was pinned ("moved" needs no warning)
ANCHOR_WARNINGS = {
    "changed_text": "The reference's text changed around this quote: check it still says this.",
    "lost": "The quote is no longer in the current version of the reference.",
}

workspace = ui.workspace()
with workspace.sessions() as session:
    claims = {claim.id: claim for claim in catalog.list_claims(session)}

st.title("Claim")
if not claims:
    st.info("No claims yet. Import an article or a claims file first.")
    st.stop()

requested = st.query_params.get("claim")
if requested is not None and requested.isdigit() and int(requested) in claims:
    chosen = int(requested)
elif st.session_state.get(ui.CLAIM_ID) in claims:
    chosen = st.session_state[ui.CLAIM_ID]
else:
    chosen = next(iter(claims))
st.session_state[CHOICE] = st.session_state[ui.CLAIM_ID] = chosen
st.query_params["claim"] = str(chosen)


def _pick() -> None:
    st.session_state[ui.CLAIM_ID] = st.session_state[CHOICE]
    st.query_params["claim"] = str(st.session_state[CHOICE])


def _claim_label(claim_id: int) -> str:
    claim = claims[claim_id]
    return f"#{claim.id} · {ui.status_label(claim.review_status)} · {ui.shorten(claim.text, 90)}"


claim_id = st.selectbox(
    "Claim", list(claims), format_func=_claim_label, key=CHOICE, on_change=_pick
)


# each claim's form keeps its own input, so switching claims loses nothing typed
def _rating_key(claim_id: int) -> str:
    return f"claim_rating_{claim_id}"


def _explanation_key(claim_id: int) -> str:
    return f"claim_explanation_{claim_id}"


def _save(claim_id: int) -> None:
    """Runs before the page is drawn again, so FORM_VERSION is still the version the user saw."""
    rating_key, explanation_key = _rating_key(claim_id), _explanation_key(claim_id)
    reviewer = ui.current_reviewer()
    rating = st.session_state.get(rating_key)
    explanation = st.session_state.get(explanation_key) or ""
    seen = st.session_state.get(FORM_VERSION) or {}
    outcome: tuple[str, str]
    if reviewer is None:
        outcome = ("error", ui.NO_REVIEWER)
    elif rating is None:
        outcome = ("error", "Choose a rating.")
    elif seen.get("claim_id") != claim_id:
        outcome = ("warning", "The form was out of date; read the claim again, then save.")
    else:
        try:
            with workspace.sessions.begin() as session:
                signer = review.get_or_create_reviewer(session, reviewer)
                review.record_verdict(
                    session,
                    claim_id=claim_id,
                    reviewer=signer,
                    rating=rating,
                    explanation=explanation,
                    seen_version=seen["version"],
                )
        except ui.SAVE_CONFLICTS as error:
            # what the user typed stays in the form; the page now shows the other verdict
            outcome = ("warning", ui.conflict_message(error, claim_id))
        except WorkbenchError as error:
            outcome = ("error", str(error))
        else:
            outcome = ("success", f"Recorded your verdict: {ui.rating_label(rating)}.")
            st.session_state[explanation_key] = ""
            st.session_state[rating_key] = None
    st.session_state[FLASH] = {"claim_id": claim_id, "kind": outcome[0], "message": outcome[1]}


try:
    with workspace.sessions() as session:
        detail = catalog.claim_detail(session, claim_id)
except NotFoundError as error:
    st.error(str(error))
    st.stop()
summary = detail.summary


def chain_markup(chain: SourceChain) -> str:
    hops = " → ".join(
        f"<b>{ui.escape(hop.name)}</b> <small>({ui.kind_label(hop.kind)})</small>"
        for hop in chain.hops
    )
    return hops + (" ↺ <i>circular citation</i>" if chain.circular else "")


def show_chain(chain: SourceChain) -> None:
    with st.container(border=True):
        if chain.attribution_phrase:
            ui.html_block(f"<small>Attributed as “{ui.escape(chain.attribution_phrase)}”</small>")
        ui.html_block(chain_markup(chain))
        primary = chain.primary
        if chain.circular:
            st.warning("This chain cites itself in a circle: it has no primary source.")
        elif chain.ends_unverified:
            st.warning(
                f"Ends at an unverifiable source: {ui.escape(primary.name)} "
                f"({ui.kind_label(primary.kind)}). Nothing here can be checked against a primary "
                "document."
            )
        else:
            st.success(f"Primary source: {ui.escape(primary.name)} ({ui.kind_label(primary.kind)})")
        notes = [hop for hop in chain.hops if hop.note]
        if notes:
            with st.expander("What each hop took from the next"):
                for hop in notes:
                    ui.html_block(f"<b>{ui.escape(hop.name)}</b>: {ui.escape(hop.note)}")


def evidence_markup(evidence: EvidenceView) -> str:
    title = (
        evidence.reference_title or evidence.reference_url or f"Reference {evidence.reference_id}"
    )
    source = (
        ui.safe_link(evidence.reference_url, title) if evidence.reference_url else ui.escape(title)
    )
    details = [ui.escape(evidence.publisher)] if evidence.publisher else []
    if evidence.page is not None:
        details.append(f"page {evidence.page}")
    quote = (
        f"…{ui.escape(evidence.prefix)}<mark>{ui.escape(evidence.exact)}</mark>"
        f"{ui.escape(evidence.suffix)}…"
    )
    lines = [
        f"<b>{source}</b>" + (f" <small>{' · '.join(details)}</small>" if details else ""),
        f"<blockquote>{quote}</blockquote>",
    ]
    if evidence.note:
        lines.append(f"<small>Note: {ui.escape(evidence.note)}</small>")
    if evidence.added_by:
        lines.append(f"<small>Linked by {ui.escape(evidence.added_by)}</small>")
    return "<div>" + "<br>".join(lines) + "</div>"


def attributions_table(attributions: tuple[AttributionView, ...]) -> str:
    rows = "".join(
        f"<tr><td>“{ui.escape(a.phrase)}”</td><td>{ui.kind_label(a.kind)}</td>"
        f"<td><b>{ui.escape(a.source)}</b><br><small>{ui.kind_label(a.source_kind)}</small></td>"
        f"<td>{ui.escape(a.speaker) or '—'}</td></tr>"
        for a in attributions
    )
    return (
        '<table class="workbench-attributions"><thead><tr><th>Phrase</th><th>Kind</th>'
        f"<th>Source</th><th>Speaker</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _source_key(attribution_id: int) -> str:
    return f"claim_attr_source_{attribution_id}"


def _new_name_key(attribution_id: int) -> str:
    return f"claim_attr_new_name_{attribution_id}"


def _new_kind_key(attribution_id: int) -> str:
    return f"claim_attr_new_kind_{attribution_id}"


def _attribution_flash(claim_id: int, attribution_id: int, kind: str, message: str) -> None:
    st.session_state[ATTRIBUTION_FLASH] = {
        "claim_id": claim_id, "attribution_id": attribution_id, "kind": kind, "message": message
    }  # fmt: skip


def _confirm(claim_id: int, attribution_id: int) -> None:
    name, error = ui.write_as_reviewer(
        workspace,
        lambda session, signer: (
            sources.confirm_attribution(session, attribution_id, signer).source.name
        ),
    )
    if error:
        _attribution_flash(claim_id, attribution_id, "error", error)
        return
    _attribution_flash(
        claim_id,
        attribution_id,
        "success",
        f"Confirmed: the phrase means {ui.escape(name)}.",
    )


def _correct(claim_id: int, attribution_id: int) -> None:
    choice = st.session_state.get(_source_key(attribution_id))
    if ui.current_reviewer() is None:
        _attribution_flash(claim_id, attribution_id, "error", ui.NO_REVIEWER)
        return
    if choice is None:
        _attribution_flash(claim_id, attribution_id, "error", "Choose the source the phrase means.")
        return

    def attribute(session, signer) -> str:
        if choice == NEW_SOURCE:
            attribution = sources.attribute_to_new_source(
                session,
                attribution_id,
                signer,
                name=st.session_state.get(_new_name_key(attribution_id)) or "",
                kind=st.session_state.get(_new_kind_key(attribution_id)) or "",
            )
        else:
            attribution = sources.confirm_attribution(
                session, attribution_id, signer, source_id=choice
            )
        return attribution.source.name

    name, error = ui.write_as_reviewer(workspace, attribute)
    if error:
        # what the reviewer chose and typed stays, to be fixed and sent again
        _attribution_flash(claim_id, attribution_id, "error", error)
        return
    _attribution_flash(
        claim_id,
        attribution_id,
        "success",
        f"Corrected: the phrase now means {ui.escape(name)}.",
    )
    st.session_state[_source_key(attribution_id)] = None
    st.session_state[_new_name_key(attribution_id)] = ""


def show_attribution_controls(claim_id: int, attribution: AttributionView) -> None:
    """Confirm the source an attribution phrase was linked to, or correct it."""
    flash = st.session_state.get(ATTRIBUTION_FLASH)
    acted_on = bool(
        flash and flash["claim_id"] == claim_id and flash["attribution_id"] == attribution.id
    )
    with st.expander(
        f"Confirm or correct “{ui.escape(ui.shorten(attribution.phrase, 60))}”", expanded=acted_on
    ):
        if acted_on:
            getattr(st, flash["kind"])(flash["message"])
            del st.session_state[ATTRIBUTION_FLASH]
        source = (
            f"<b>{ui.escape(attribution.source)}</b> ({ui.kind_label(attribution.source_kind)})"
        )
        if attribution.confirmed_by:
            status = (
                f"Confirmed by <b>{ui.escape(attribution.confirmed_by)}</b>: it means {source}."
            )
        else:
            status = f"Not confirmed: {source} is the importer's guess."
        ui.html_block(f'<span class="workbench-attribution-status">{status}</span>')
        st.button(
            "Confirm",
            key=f"claim_attr_confirm_{attribution.id}",
            on_click=_confirm,
            args=(claim_id, attribution.id),
            help="Sign that the phrase means this source.",
        )

        with workspace.sessions() as session:
            suggested = sources.suggest_sources(session, attribution.phrase)
            everyone = [(s.id, s.name, s.kind) for s in sources.list_sources(session)]
        suggested_ids = {s.source_id for s in suggested}
        labels: dict[int | str, str] = {
            s.source_id: f"{s.name} ({ui.kind_label(s.kind)}) · suggested, matches “{s.matched}”"
            for s in suggested
        }
        labels.update(
            {
                sid: f"{name} ({ui.kind_label(kind)})"
                for sid, name, kind in everyone
                if sid not in suggested_ids
            }
        )
        labels[NEW_SOURCE] = "A new source…"
        choice = st.selectbox(
            "Correct the source",
            list(labels),
            index=None,
            format_func=labels.__getitem__,
            placeholder="Choose the source the phrase means",
            key=_source_key(attribution.id),
        )
        if choice == NEW_SOURCE:
            name_column, kind_column = st.columns([3, 2])
            name_column.text_input("New source's name", key=_new_name_key(attribution.id))
            kind_column.selectbox(
                "Kind", SOURCE_KINDS, format_func=ui.kind_label, key=_new_kind_key(attribution.id)
            )
        st.button(
            "Correct the source",
            key=f"claim_attr_correct_{attribution.id}",
            on_click=_correct,
            args=(claim_id, attribution.id),
        )


def show_claim(detail: ClaimDetail) -> None:
    summary = detail.summary
    ui.html_block(f'<blockquote style="font-size: 1.2em">{ui.escape(summary.text)}</blockquote>')
    if detail.gloss_en:
        ui.html_block(f"<i>In English:</i> {ui.escape(detail.gloss_en)}")
    facts = [
        f"**Status:** {ui.status_label(summary.review_status)}",
        f"**Language:** {ui.escape(summary.language)}",
        f"**From:** {ui.escape(summary.origin)}",
        f"**Check-worthiness:** {summary.check_worthiness:.2f}",
        f"**Version:** {detail.version}",
    ]
    ui.html_block(" · ".join(facts))
    if detail.article_title and summary.article_id is not None:
        ui.html_block(f"In the article <i>{ui.escape(detail.article_title)}</i>")
        st.page_link(
            ui.ARTICLE_PAGE,
            label="Read it with its claims highlighted",
            icon=":material/article:",
            query_params={"article": str(summary.article_id)},
        )
    if summary.reasons:
        with st.expander("Why it is check-worthy", expanded=False):
            for reason in summary.reasons:
                ui.html_block(f"• {ui.escape(reason)}")


def _stance_key(claim_id: int, passage_id: int) -> str:
    return f"claim_candidate_stance_{claim_id}_{passage_id}"


def _link(claim_id: int, candidate: EvidenceCandidate) -> None:
    stance = st.session_state.get(_stance_key(claim_id, candidate.passage_id)) or "supports"
    _, error = ui.write_as_reviewer(
        workspace,
        lambda session, signer: link_candidate(
            session, candidate, claim_id=claim_id, stance=stance, reviewer=signer
        ),
    )
    outcome = (
        ("error", error) if error else ("success", f"Linked the passage as evidence ({stance}).")
    )
    st.session_state[CANDIDATE_FLASH] = {
        "claim_id": claim_id, "kind": outcome[0], "message": outcome[1]
    }  # fmt: skip


def candidate_markup(candidate: EvidenceCandidate) -> str:
    title = candidate.reference_title or candidate.reference_url or "Reference"
    url = candidate.reference_url
    source = ui.safe_link(url, title) if url else ui.escape(title)
    page = f" · page {candidate.page}" if candidate.page is not None else ""
    start, end = candidate.span_in_passage
    text = candidate.passage_text
    quote = (
        f"{ui.escape(text[:start])}<mark>{ui.escape(text[start:end])}</mark>{ui.escape(text[end:])}"
    )
    shared = [
        f"{label}: {ui.escape(', '.join(candidate.matched.get(key, [])))}"
        for key, label in (("names", "names"), ("numbers", "amounts"), ("dates", "dates"))
        if candidate.matched.get(key)
    ]
    return (
        f"<b>{source}</b>"
        f"<small>{page} · match {candidate.score:.2f}</small>"
        f"<blockquote>{quote}</blockquote>"
        + (f"<small>Shared {' · '.join(shared)}</small>" if shared else "")
    )


def mismatch_message(mismatch: Mismatch) -> str:
    return f"Same story, different {mismatch.field}: {mismatch.describe()}."


def show_candidates(claim_id: int, candidates: list[EvidenceCandidate]) -> None:
    flash = st.session_state.get(CANDIDATE_FLASH)
    if flash and flash["claim_id"] == claim_id:
        getattr(st, flash["kind"])(flash["message"])
        del st.session_state[CANDIDATE_FLASH]
    if not candidates:
        st.info("No reference passage matches this claim. Add references on the References page.")
    for candidate in candidates:
        with st.container(border=True):
            ui.html_block(candidate_markup(candidate))
            for mismatch in candidate.mismatches:
                st.warning(mismatch_message(mismatch), icon=":material/report:")
            if candidate.already_linked:
                st.caption("Already linked as evidence.")
                continue
            stance_column, button_column = st.columns([2, 1], vertical_alignment="bottom")
            stance_column.selectbox(
                "Stance",
                STANCES,
                index=1 if candidate.mismatches else 0,
                key=_stance_key(claim_id, candidate.passage_id),
            )
            button_column.button(
                "Link as evidence",
                key=f"claim_candidate_link_{claim_id}_{candidate.passage_id}",
                on_click=_link,
                args=(claim_id, candidate),
            )


def show_checked_before(claim_id: int, similar: list[SimilarClaim]) -> None:
    if not similar:
        st.caption("No similar claim from another article in the database.")
    for other in similar:
        with st.container(border=True):
            verdict = (
                f"<b>{ui.escape(ui.rating_label(other.rating))}</b> by {ui.escape(other.reviewer)}"
                if other.rating
                else "no verdict yet"
            )
            where = other.article_title or other.outlet or "a claims file"
            ui.html_block(
                f"“{ui.escape(other.text)}”<br><small>{ui.escape(where)} · match "
                f"{other.score:.2f}</small><br>{verdict}"
            )
            for mismatch in other.mismatches:
                st.warning(mismatch_message(mismatch), icon=":material/report:")
            if st.button("Open", key=f"claim_similar_open_{claim_id}_{other.claim_id}"):
                ui.open_claim(other.claim_id)


with workspace.sessions() as session:
    candidates, similar = ui.matching_indexes().claim_matches(session, claim_id)

left, right = st.columns([3, 2], gap="large")
with left:
    show_claim(detail)

    st.subheader("Attributed to")
    if summary.attributions:
        ui.html_block(attributions_table(summary.attributions))
        for attribution in summary.attributions:
            show_attribution_controls(claim_id, attribution)
    else:
        st.info("The article names no source for this claim.")

    st.subheader("Source chain to the primary source")
    if not detail.chains:
        st.info("No source to trace: the claim has no attribution.")
    for chain in detail.chains:
        show_chain(chain)

    st.subheader(f"Evidence ({len(detail.evidence)})")
    if not detail.evidence:
        st.info("No evidence linked yet.")
    for evidence in detail.evidence:
        with st.container(border=True):
            st.markdown(STANCE_BADGES.get(evidence.stance, evidence.stance))
            ui.html_block(evidence_markup(evidence))
            if evidence.anchor_status in ANCHOR_WARNINGS:
                st.warning(ANCHOR_WARNINGS[evidence.anchor_status])

    st.subheader("Evidence candidates")
    st.caption(
        "Passages of the references that match this claim best, across German and English "
        "(names, amounts and dates bridge the languages). Check flagged differences first."
    )
    show_candidates(claim_id, candidates)

with right:
    st.subheader("Checked before?")
    show_checked_before(claim_id, similar)

    st.subheader("Reviewers")
    agreement = detail.agreement
    if not agreement.ratings_by_reviewer:
        st.info("No verdict yet.")
    else:
        for name, rating in agreement.ratings_by_reviewer.items():
            ui.html_block(f"{ui.escape(name)}: <b>{ui.escape(ui.rating_label(rating))}</b>")
        if agreement.unanimous:
            st.success(f"Reviewers agree: {ui.rating_label(agreement.majority_rating or '')}.")
        else:
            st.warning(
                "Reviewers disagree; an editor has to settle it. Most say "
                f"{ui.rating_label(agreement.majority_rating or '')}."
            )

    st.subheader("Record a verdict")
    flash = st.session_state.get(FLASH)
    if flash and flash["claim_id"] == claim_id:
        getattr(st, flash["kind"])(flash["message"])
        del st.session_state[FLASH]
    reviewer = ui.current_reviewer()
    if reviewer:
        st.caption(f"Signed as {ui.escape(reviewer)}.", unsafe_allow_html=True)
    else:
        st.caption("Choose your name under “Reviewing as” in the sidebar to sign a verdict.")
    with st.form(f"claim_verdict_{claim_id}"):
        st.selectbox(
            "Rating",
            ui.RATING_KEYS,
            index=None,
            format_func=ui.rating_option,
            placeholder="Choose a rating",
            key=_rating_key(claim_id),
        )
        st.text_area(
            "Explanation",
            key=_explanation_key(claim_id),
            placeholder="What the evidence shows, and where a reader can check it.",
        )
        st.form_submit_button("Record verdict", type="primary", on_click=_save, args=(claim_id,))
    st.session_state[FORM_VERSION] = {"claim_id": claim_id, "version": detail.version}

    st.subheader(f"Verdict history ({len(detail.history)})")
    if not detail.history:
        st.caption("No verdicts yet.")
    for verdict in detail.history:
        with st.container(border=True):
            ui.html_block(
                f"<b>{ui.escape(verdict.rating_label)}</b> · {ui.escape(verdict.reviewer)} · "
                f"<small>{ui.when(verdict.at)}</small><br>{ui.escape(verdict.explanation)}"
            )
