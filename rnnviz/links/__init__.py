"""What a page keeps in its address (`?word=hello&t=3`), read and written without Streamlit.

`params` holds the kinds of value a parameter can carry and `read`, which turns an address
into session values and the names it had to refuse; `views` says which parameters each page
keeps. `rnnviz.ui.address` is the Streamlit side.
"""
