"""Workbench's reviewer app: navigation and the reviewer choice every page shares.

Run with `streamlit run streamlit_app.py`; WORKBENCH_DATABASE_URL picks the database.
"""

import streamlit as st

from workbench import ui

st.set_page_config(page_title="Workbench", page_icon=":material/fact_check:", layout="wide")

page = st.navigation(
    [
        st.Page("app_pages/dashboard.py", title="Dashboard", icon=":material/dashboard:"),
        st.Page("app_pages/article.py", title="Article", icon=":material/article:"),
        st.Page("app_pages/claim.py", title="Claim", icon=":material/fact_check:"),
        st.Page("app_pages/sources.py", title="Sources", icon=":material/account_tree:"),
        st.Page("app_pages/references.py", title="References", icon=":material/library_books:"),
    ]
)
ui.reviewer_picker(ui.workspace())
page.run()
