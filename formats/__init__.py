"""Formats shared by the pages, the reports and the data layer's messages."""
