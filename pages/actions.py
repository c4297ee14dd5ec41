import streamlit as st
from ui.page import page_filters
page_filters()
st.title("Actions")
