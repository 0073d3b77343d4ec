"""The Train page's run as a notebook: the lesson's data as literals, the model
`rnnviz.trainer.settings.model_config` describes built layer by layer in plain Keras with the
same seeded initial weights, and `model.fit` with the page's optimizer, learning rate, epochs
and batch size, printing after every epoch the loss the page's curve plots."""
from __future__ import annotations

import numpy as np

from rnnviz.guards.markdown import literal
from rnnviz.keras_models import ModelConfig
from rnnviz.lessons import Lesson
from rnnviz.notebooks.writer import notebook_file
from rnnviz.text import t
from rnnviz.trainer.run import sample_weights
from rnnviz.trainer.settings import TrainSettings, model_config


def _ints(values: np.ndarray) -> str:
    return f"np.array({np.asarray(values).tolist()!r}, dtype='int32')"


def _data(lesson: Lesson, config: ModelConfig) -> str:
    lines = [
        "import numpy as np",
        "import keras",
        "",
        f"VOCABULARY = {list(lesson.vocab.tokens)!r}  # a token's index is its id",
        f"LABELS = {list(lesson.labels)!r}  # the classes the model answers with",
        f"SAMPLES = {list(lesson.samples)!r}",
        f"X = {_ints(lesson.x)}  # token ids, one row a sample",
        f"Y = {_ints(lesson.y)}  # the answers: "
        + ("one class per step" if config.task == "many_to_many" else "one class per sample"),
    ]
    if config.input_encoding == "one_hot":
        lines.append("x_in = np.eye(len(VOCABULARY), dtype='float32')[X]  # one-hot rows")
    else:
        lines.append("x_in = X  # the Embedding layer turns ids into one-hot rows")
    if np.all(sample_weights(lesson) == 1):
        lines.append("W = np.ones(Y.shape, dtype='float32')  # every answer counts")
    else:
        lines.append("W = (X != 0).astype('float32')  # padding teaches nothing")
    return "\n".join(lines)


def _model(config: ModelConfig, settings: TrainSettings) -> str:
    lines = [f"keras.utils.set_random_seed({settings.seed})  # the order fit shuffles in"]
    if config.input_encoding == "identity_embedding":
        lines += [
            "layers = [",
            f"    keras.Input(({config.timesteps},), dtype='int32'),",
            "    keras.layers.Embedding(len(VOCABULARY), len(VOCABULARY), "
            f"mask_zero={config.mask_zero!r}, trainable=False),",
        ]
    else:
        lines += ["layers = [", f"    keras.Input(({config.timesteps}, len(VOCABULARY))),"]
    for i in range(config.layers):
        sequences = i < config.layers - 1 or config.task == "many_to_many"
        lines.append(f"    keras.layers.{config.cell}({config.units}, "
                     f"activation={config.activation!r}, return_sequences={sequences!r}),")
    lines += [
        f"    keras.layers.Dense(len(LABELS), activation={config.head_activation!r}),",
        "]",
        "model = keras.Sequential(layers)",
        "",
        "# The page's initial weights: Keras's default initialisers, drawn by numpy from the",
        "# seed (Glorot-uniform kernels, orthogonal recurrent kernels, Keras's own biases).",
        f"rng = np.random.default_rng({config.seed})",
        "",
        "def glorot_uniform(shape):",
        "    limit = np.sqrt(6.0 / (shape[0] + shape[1]))",
        "    return rng.uniform(-limit, limit, shape).astype('float32')",
        "",
        "def orthogonal(shape):",
        "    units, width = shape",
        "    q, r = np.linalg.qr(rng.standard_normal((width, units)))",
        "    return (q * np.sign(np.diag(r))).T.astype('float32')",
        "",
        "for layer in model.layers:",
        "    if isinstance(layer, keras.layers.Embedding):",
        "        layer.set_weights([np.eye(len(VOCABULARY), dtype='float32')])",
        "    elif isinstance(layer, keras.layers.Dense):",
        "        kernel, bias = layer.get_weights()",
        "        layer.set_weights([glorot_uniform(kernel.shape), bias])",
        "    else:",
        "        kernel, recurrent, bias = layer.get_weights()",
        "        layer.set_weights([glorot_uniform(kernel.shape), orthogonal(recurrent.shape),"
        " bias])",
        "INITIAL = model.get_weights()",
        "model.summary()",
    ]
    return "\n".join(lines)


def _fit(config: ModelConfig, settings: TrainSettings) -> str:
    from_logits = config.head_activation == "linear"
    return "\n".join([
        "def page_loss():",
        "    \"\"\"The page's curve: cross-entropy over the whole training set, W-weighted.\"\"\"",
        "    p = np.asarray(model(x_in), dtype='float64')",
        *(["    p = np.exp(p - p.max(axis=-1, keepdims=True))",
           "    p /= p.sum(axis=-1, keepdims=True)"] if from_logits else []),
        "    picked = np.take_along_axis(p, Y[..., None], axis=-1)[..., 0]",
        "    return float(np.sum(-np.log(np.clip(picked, 1e-7, 1.0)) * W) / max(W.sum(), 1.0))",
        "",
        "LOSSES = [page_loss()]",
        "print(f'epoch 0: loss {LOSSES[0]:.4f}')",
        "",
        "def after_epoch(epoch, logs):",
        "    LOSSES.append(page_loss())",
        "    print(f'epoch {epoch + 1}: loss {LOSSES[-1]:.4f}')",
        "",
        "model.compile(",
        f"    optimizer=keras.optimizers.{settings.optimizer}"
        f"(learning_rate={settings.learning_rate!r}),",
        f"    loss=keras.losses.SparseCategoricalCrossentropy(from_logits={from_logits!r}),",
        "    metrics=['accuracy'],",
        ")",
        "history = model.fit(",
        f"    x_in, Y, sample_weight=W, epochs={settings.epochs}, "
        f"batch_size={settings.batch_size},",
        f"    shuffle={settings.shuffle!r}, verbose=0,",
        "    callbacks=[keras.callbacks.LambdaCallback(on_epoch_end=after_epoch)],",
        ")",
    ])


def code_cells(lesson: Lesson, settings: TrainSettings) -> list[str]:
    """Data, model with its initial weights, training."""
    config = model_config(lesson, settings)
    return [_data(lesson, config), _model(config, settings), _fit(config, settings)]


def train_notebook(lesson: Lesson, settings: TrainSettings, source: str, lang: str) -> bytes:
    """The .ipynb file for a run of `settings` on `lesson`; `source` is the lesson's name on
    the page, shown literally."""
    intro = t("notebook.train_intro", lang, source=literal(source), cell=settings.cell,
              units=settings.units, layers=settings.layers, optimizer=settings.optimizer,
              lr=settings.learning_rate, epochs=settings.epochs,
              batch_size=settings.batch_size, seed=settings.seed)
    return notebook_file(intro, code_cells(lesson, settings))
