"""Streamlit helpers shared by the pages: the database handle, cached queries, filters, tables."""
