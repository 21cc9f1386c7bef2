"""Sources: who cites whom (as a table and a graph), where many outlets rest on one primary
source, and where sources cite each other in a circle."""

import streamlit as st

from workbench import catalog, tracing, ui

KINDS = "sources_kinds"

workspace = ui.workspace()
with workspace.sessions() as session:
    sources = catalog.source_summaries(session)
    shared = tracing.shared_primary_sources(session)
    circles = tracing.circular_citations(session)
    graph = tracing.provenance_dot(session)

st.title("Sources")

for finding in shared:
    outlets = ui.escape(", ".join(finding.outlets))
    st.warning(
        f"**Many outlets, one primary source.** {len(finding.outlets)} outlets ({outlets}) "
        f"all rest on {ui.escape(finding.primary.name)} ({ui.kind_label(finding.primary.kind)}). "
        "Their reports confirm each other only as far as that one source goes: count it once.",
        icon=":material/call_merge:",
    )

for circle in circles:
    loop = " → ".join(ui.escape(name) for name in (*circle, circle[0]))
    st.warning(
        f"**Circular citation.** {loop}. Each of these rests on another in the circle, so "
        "none of them confirms the others: find out what the circle itself rests on.",
        icon=":material/sync_problem:",
    )

if not sources:
    st.info("No sources yet. Importing an article records its outlet and the sources it names.")
    st.stop()

kinds = sorted({source.kind for source in sources})
chosen = st.multiselect(
    "Kinds", kinds, format_func=ui.kind_label, key=KINDS, placeholder="All kinds"
)
shown = [source for source in sources if not chosen or source.kind in chosen]

st.caption(f"{len(shown)} of {len(sources)} sources")
st.dataframe(
    [
        {
            "source": source.name,
            "kind": ui.kind_label(source.kind),
            "claims": source.attributed_claims,
            "cites": ", ".join(source.cites),
            "cited by": ", ".join(source.cited_by),
            "url": source.url,
            "description": source.description or "",
        }
        for source in shown
    ],
    hide_index=True,
    height="content",
    column_config={
        "source": st.column_config.TextColumn("source", width="medium", pinned=True),
        "claims": st.column_config.NumberColumn(
            "claims", help="Claims attributed to this source", format="%d", width="small"
        ),
        "cites": st.column_config.TextColumn("cites", width="medium"),
        "cited by": st.column_config.TextColumn("cited by", width="medium"),
        "url": st.column_config.LinkColumn("url", width="small"),
        "description": st.column_config.TextColumn("description", width="large"),
    },
)

st.subheader("Who cites whom")
st.caption("An arrow points from a source to the one it took the information from.")
if any(source.cites for source in sources):
    st.graphviz_chart(graph, width="stretch")
else:
    st.info("No citations recorded between sources yet.")

st.subheader("One source in full")
by_id = {source.id: source for source in shown}
picked = st.selectbox(
    "Source",
    list(by_id),
    format_func=lambda source_id: (
        f"{by_id[source_id].name} ({ui.kind_label(by_id[source_id].kind)})"
    ),
    index=None,
    placeholder="Choose a source to read its description and links",
    key="sources_detail",
)
if picked is not None:
    source = by_id[picked]
    lines = [f"<b>{ui.escape(source.name)}</b> · {ui.kind_label(source.kind)}"]
    if source.url:
        lines.append(ui.safe_link(source.url))
    if source.description:
        lines.append(ui.escape(source.description))
    lines.append("<b>Cites:</b> " + (ui.escape("; ".join(source.cites)) or "nothing recorded"))
    lines.append("<b>Cited by:</b> " + (ui.escape("; ".join(source.cited_by)) or "no one recorded"))
    lines.append(f"<b>Claims attributed to it:</b> {source.attributed_claims}")
    with st.container(border=True):
        ui.html_block("<br>".join(lines))
