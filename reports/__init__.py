"""Downloadable documents built from query results: no Streamlit, no SQL."""
