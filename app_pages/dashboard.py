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


STATUS_COLOURS = {"needs_review": "#f2a93b", "disputed": "#d64545", "reviewed": "#3a9a5b"}
RATING_COLOURS = {
    "accurate": "#3a9a5b",
    "mostly_accurate": "#8cc26d",
    "misleading": "#f2a93b",
    "unverified": "#9aa0a6",
    "inaccurate": "#d64545",
    ui.NO_VERDICT: "#d0d4d9",
}


def bar_chart(counts: dict[str, int], labels: dict[str, str], colours: dict[str, str]) -> alt.Chart:
    """Horizontal bars in the order of `counts` (workflow order, then the rating scale)."""
    data = pd.DataFrame(
        {"label": [labels.get(key, key) for key in counts], "claims": list(counts.values())}
    )
    order = list(data["label"])
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("claims:Q", title="Claims", axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("label:N", sort=order, title=None),
            color=alt.Color(
                "label:N",
                scale=alt.Scale(domain=order, range=[colours.get(k, "#4c78a8") for k in counts]),
                legend=None,
            ),
            tooltip=[alt.Tooltip("label:N", title=" "), "claims:Q"],
        )
        .properties(height=alt.Step(30))
    )


left, right = st.columns(2)
with left:
    st.subheader("By review status")
    labels = {key: ui.status_label(key) for key in summary.claims_by_status}
    st.altair_chart(bar_chart(summary.claims_by_status, labels, STATUS_COLOURS), width="stretch")
with right:
    st.subheader("By current verdict")
    labels = {key: ui.rating_label(key) for key in summary.claims_by_rating}
    st.altair_chart(bar_chart(summary.claims_by_rating, labels, RATING_COLOURS), width="stretch")

st.subheader("Review queue")
st.caption("Disputed claims first, then the most check-worthy. Open a claim to review it.")
if not summary.queue:
    st.success("Every claim has a verdict the reviewers agree on.")
for claim in summary.queue[:QUEUE_LENGTH]:
    with st.container(border=True):
        text_column, meta_column, open_column = st.columns([6, 3, 1], vertical_alignment="center")
        text_column.markdown(
            f"**#{claim.id}** · {ui.escape(ui.shorten(claim.text, 160))}", unsafe_allow_html=True
        )
        verdict = (
            f"{ui.rating_label(claim.verdict.rating)} ({ui.escape(claim.verdict.reviewer)})"
            if claim.verdict
            else "no verdict yet"
        )
        meta_column.markdown(
            f"**{ui.status_label(claim.review_status)}** · {verdict}  \n"
            f"check-worthiness {claim.check_worthiness:.2f}",
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
