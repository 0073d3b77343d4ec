"""The numpy engine: Keras's recurrent layers re-computed step by step, never importing
TensorFlow.

    trace = from_keras(layer).run(x, mask=None)
    trace.outputs(return_sequences, return_state)  # == layer(x, mask=mask) with those flags
    grads = trace.backward(d_sequence)  # BPTT: .weights, .inputs, .hidden
"""
from rnnviz.engine.bidirectional import BidirectionalSpec
from rnnviz.engine.bptt import BidirectionalGradients, Gradients
from rnnviz.engine.cells import GRUCell, LSTMCell, SimpleRNNCell
from rnnviz.engine.convert import from_keras, from_keras_model
from rnnviz.engine.model import Dense, ModelTrace, SequenceModel, softmax
from rnnviz.engine.recurrent import RecurrentSpec
from rnnviz.engine.store import from_bytes, load, save, to_bytes
from rnnviz.engine.trace import BidirectionalTrace, Trace

__all__ = [
    "BidirectionalGradients", "BidirectionalSpec", "BidirectionalTrace", "Dense", "GRUCell", "Gradients", "LSTMCell", "ModelTrace",
    "RecurrentSpec", "SequenceModel", "SimpleRNNCell", "Trace", "from_bytes", "from_keras",
    "from_keras_model", "load", "save", "softmax", "to_bytes",
]
