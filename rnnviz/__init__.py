"""rnnviz: an interactive teaching dashboard for recurrent neural networks."""
