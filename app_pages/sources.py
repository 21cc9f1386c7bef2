"""Sources: who cites whom, and where many outlets rest on one primary source."""

import streamlit as st

from workbench import catalog, tracing, ui

KINDS = "sources_kinds"

workspace = ui.workspace()
with workspace.sessions() as session:
    sources = catalog.source_summaries(session)
    shared = tracing.shared_primary_sources(session)

st.title("Sources")

for finding in shared:
    outlets = ui.escape(", ".join(finding.outlets))
    st.warning(
        f"**Many outlets, one primary source.** {len(finding.outlets)} outlets ({outlets}) "
        f"all rest on {ui.escape(finding.primary.name)} ({ui.kind_label(finding.primary.kind)}). "
        "Their reports confirm each other only as far as that one source goes: count it once.",
        icon=":material/call_merge:",
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
            "url": source.url,
            "cites": ", ".join(source.cites),
            "cited by": ", ".join(source.cited_by),
            "claims attributed": source.attributed_claims,
            "description": source.description or "",
        }
        for source in shown
    ],
    hide_index=True,
    column_config={
        "url": st.column_config.LinkColumn("url"),
        "claims attributed": st.column_config.NumberColumn("claims attributed", format="%d"),
        "description": st.column_config.TextColumn("description", width="large"),
    },
)
