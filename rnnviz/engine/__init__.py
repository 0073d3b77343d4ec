"""The numpy engine: Keras's recurrent layers re-computed step by step, never importing
TensorFlow.

    trace = from_keras(layer).run(x, mask=None)
    trace.outputs(return_sequences, return_state)  # == layer(x, mask=mask) with those flags
    grads = trace.backward(d_sequence)  # BPTT: .weights, .inputs, .hidden
    loss, grads = loss_and_gradients(model, ids, targets)  # a whole SequenceModel
    model = model.with_weights(Adam(0.01).step(model.weights, grads))
"""
from rnnviz.engine.bidirectional import BidirectionalSpec
from rnnviz.engine.bptt import BidirectionalGradients, Gradients
from rnnviz.engine.cells import GRUCell, LSTMCell, SimpleRNNCell
from rnnviz.engine.convert import from_keras, from_keras_model
from rnnviz.engine.loss import softmax_cross_entropy
from rnnviz.engine.model import Dense, ModelTrace, SequenceModel, softmax
from rnnviz.engine.model_backward import ModelGradients, loss_and_gradients
from rnnviz.engine.optimizers import SGD, Adam
from rnnviz.engine.recurrent import RecurrentSpec
from rnnviz.engine.store import from_bytes, load, save, to_bytes
from rnnviz.engine.trace import BidirectionalTrace, Trace

__all__ = [
    "Adam", "BidirectionalGradients", "BidirectionalSpec", "BidirectionalTrace", "Dense",
    "GRUCell", "Gradients", "LSTMCell", "ModelGradients", "ModelTrace", "RecurrentSpec", "SGD",
    "SequenceModel", "SimpleRNNCell", "Trace", "from_bytes", "from_keras", "from_keras_model",
    "load", "loss_and_gradients", "save", "softmax", "softmax_cross_entropy", "to_bytes",
]
