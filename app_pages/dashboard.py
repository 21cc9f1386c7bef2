"""Dashboard: how far the review has come, and which claims to look at next."""

import altair as alt
import pandas as pd
import streamlit as st

from workbench import catalog, ui

QUEUE_LENGTH = 15

workspace = ui.workspace()
with workspace.sessions() as session:
    summary = catalog.dashboard_summary(session)

claims_total = sum(summary.claims_by_status.values())
needing_review = summary.claims_by_status.get("needs_review", 0)
disputed = summary.claims_by_status.get("disputed", 0)

st.title("Dashboard")
columns = st.columns(5)
columns[0].metric("Claims", claims_total)
columns[1].metric("Articles", summary.articles)
columns[2].metric("Sources", summary.sources)
columns[3].metric("Needing review", needing_review)
columns[4].metric(
    "Disputed", disputed, help="Reviewers' latest verdicts differ: an editor decides."
)


def bar_chart(counts: dict[str, int], category: str) -> alt.Chart:
    data = pd.DataFrame({category: list(counts), "claims": list(counts.values())})
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("claims:Q", title="Claims", axis=alt.Axis(tickMinStep=1)),
            # keep the order the summary gives (review workflow, then the rating scale)
            y=alt.Y(f"{category}:N", sort=list(counts), title=None),
            tooltip=[category, "claims"],
        )
        .properties(height=40 + 28 * len(counts))
    )


left, right = st.columns(2)
with left:
    st.subheader("By review status")
    by_status = {ui.status_label(k): v for k, v in summary.claims_by_status.items()}
    st.altair_chart(bar_chart(by_status, "status"), width="stretch")
with right:
    st.subheader("By current verdict")
    by_rating = {ui.rating_label(k): v for k, v in summary.claims_by_rating.items()}
    st.altair_chart(bar_chart(by_rating, "rating"), width="stretch")

st.subheader("Review queue")
st.caption("Disputed claims first, then the most check-worthy. Open a claim to review it.")
if not summary.queue:
    st.success("Every claim has a verdict the reviewers agree on.")
for claim in summary.queue[:QUEUE_LENGTH]:
    with st.container(border=True):
        text_column, meta_column, open_column = st.columns([7, 3, 1], vertical_alignment="center")
        text_column.markdown(
            f"**#{claim.id}** · {ui.escape(ui.shorten(claim.text, 160))}", unsafe_allow_html=True
        )
        verdict = (
            f"{ui.rating_label(claim.verdict.rating)} ({ui.escape(claim.verdict.reviewer)})"
            if claim.verdict
            else "no verdict yet"
        )
        meta_column.markdown(
            f"{ui.status_label(claim.review_status)} · check-worthiness "
            f"{claim.check_worthiness:.2f}  \n{verdict}",
            unsafe_allow_html=True,
        )
        if open_column.button("Open", key=f"dashboard_open_{claim.id}"):
            ui.open_claim(claim.id)
if len(summary.queue) > QUEUE_LENGTH:
    st.caption(f"{len(summary.queue) - QUEUE_LENGTH} more in the queue; see the Claim page.")

st.subheader("Recent verdicts")
if not summary.recent_verdicts:
    st.info("No verdicts recorded yet.")
for recent in summary.recent_verdicts:
    verdict = recent.verdict
    with st.container(border=True):
        text_column, open_column = st.columns([10, 1], vertical_alignment="center")
        text_column.markdown(
            f"**{ui.rating_label(verdict.rating)}** by {ui.escape(verdict.reviewer)}, "
            f"{ui.when(verdict.at)} · #{recent.claim_id} "
            f"{ui.escape(ui.shorten(recent.claim_text, 120))}",
            unsafe_allow_html=True,
        )
        if open_column.button("Open", key=f"dashboard_recent_{verdict.id}"):
            ui.open_claim(recent.claim_id)
