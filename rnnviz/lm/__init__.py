"""Lesson L6's language model, no Streamlit outside `ui.py`: the book's chapter 5 RNNLM in
numpy (Time layers, truncated BPTT, perplexity), its LSTM and GRU variants around the engine's
cells, the offline corpus, a background run on the shared slot cap, and generation."""
