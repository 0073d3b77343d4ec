"""The trainer without Streamlit: lesson results, controls, divergence, isolation, cleanup."""
from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import numpy as np
import pytest

from rnnviz import keras_runtime
from rnnviz.charts.training import accuracy_figure, loss_figure, step_accuracy_figure, thin
from rnnviz.keras_models import (
    CELLS, build_model, config_for, encode_inputs, initial_weights,
    summary_rows,
)
from rnnviz.guards.problems import InputProblem
from rnnviz.lessons import TRAINABLE, five_words, grammar, hello, sentiment
from rnnviz.text import CATALOGUE
from rnnviz.trainer import (
    Scheduler, SessionTrainer, State, TrainingRun, defaults_for, from_text, from_words, problems,
    read_keras_file,
)
from rnnviz.trainer.custom import SOURCES, data_rows, step_names
from rnnviz.trainer.files import MAX_UPLOAD_BYTES, describe_config
from rnnviz.trainer.program import ProgramPool
from rnnviz.trainer.settings import MAX_WORK, max_epochs, work

LONG = 100_000  # epochs no test waits for: such runs are always stopped


def trainer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("rnnviz-trainer-")]


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def long_run(lesson_factory=five_words, **kwargs) -> TrainingRun:
    lesson = lesson_factory()
    return TrainingRun(lesson, replace(defaults_for(lesson), epochs=LONG), **kwargs)


@pytest.fixture(scope="module")
def finished() -> Iterator[dict[str, TrainingRun]]:
    """Every trainable lesson trained once with its own settings and seed 0, shared by the
    tests that only read results."""
    runs = {key: TrainingRun(make(), defaults_for(make())) for key, make in TRAINABLE.items()}
    for run in runs.values():
        assert run.join(120)
    yield runs
    for run in runs.values():
        run.close()


def engine_predictions(run: TrainingRun) -> np.ndarray:
    _, model = run.snapshots()[-1]
    return model.run(run.lesson.x).output.argmax(-1)


# Lesson results (LESSONS.md), within the stated epochs.
def test_l1_spells_ello_at_every_step(finished: dict[str, TrainingRun]) -> None:
    run = finished["L1"]
    status = run.status()
    assert status.state is State.FINISHED and status.epoch == 100
    assert status.accuracy == 1.0 and status.step_accuracy == (1.0, 1.0, 1.0, 1.0)
    spelled = "".join(run.lesson.labels[i] for i in engine_predictions(run)[0])
    assert spelled == "ello"


def test_l3_sentiment_reaches_full_accuracy_in_30_epochs(finished: dict[str, TrainingRun]) -> None:
    run = finished["L3"]
    assert run.settings.learning_rate == 0.01 and run.settings.batch_size == 2
    assert run.status().epoch == 30 and run.status().accuracy == 1.0
    assert engine_predictions(run).tolist() == [1, 0, 0, 1]


def test_l4_reaches_accuracy_one_in_200_epochs(finished: dict[str, TrainingRun]) -> None:
    run = finished["L4"]
    assert run.settings.optimizer == "Adam" and run.status().epoch == 200
    assert run.status().accuracy == 1.0
    assert "".join(run.lesson.labels[i] for i in engine_predictions(run)) == "oeyyy"


def test_l7_grammar_reaches_full_accuracy(finished: dict[str, TrainingRun]) -> None:
    run = finished["L7"]
    assert run.status().accuracy == 1.0
    assert engine_predictions(run).tolist() == [1, 0, 0]
    assert run.snapshots()[-1][1].level == "word"


def test_l4_reaches_accuracy_one_with_other_seeds() -> None:
    lesson = five_words()
    for seed in (1, 2, 3):  # one after the other, so each reuses the compiled model
        run = TrainingRun(lesson, replace(defaults_for(lesson), seed=seed))
        assert run.join(120)
        assert run.status().accuracy == 1.0
        run.close()


# Snapshots: the hand-off to the other pages.
def test_snapshots_are_engine_models_every_few_epochs(finished: dict[str, TrainingRun]) -> None:
    run = finished["L4"]
    epochs = [epoch for epoch, _ in run.snapshots()]
    assert epochs == list(range(0, 201, run.snapshot_every))
    assert 10 <= len(epochs) <= 25
    _, untrained = run.snapshots()[0]
    assert (untrained.run(run.lesson.x).output.argmax(-1) == run.lesson.y).mean() < 1.0


def test_last_snapshot_is_the_trained_keras_model(finished: dict[str, TrainingRun]) -> None:
    keras = keras_runtime.keras()
    for key in ("L1", "L3"):
        run = finished[key]
        path = f"/tmp/rnnviz-test-{key}.keras"
        with open(path, "wb") as f:
            f.write(run.keras_file())
        model = keras.saving.load_model(path, safe_mode=True)
        x = encode_inputs(run.config, run.lesson.x)
        expected = np.asarray(model(x))
        got = run.snapshots()[-1][1].run(run.lesson.x).output
        np.testing.assert_allclose(got, expected, atol=1e-5)


def test_history_starts_with_the_untrained_model(finished: dict[str, TrainingRun]) -> None:
    history = finished["L1"].history()
    assert history.epochs.tolist() == list(range(101))
    assert history.step_accuracy.shape == (101, 4)
    assert history.loss[0] > history.loss[-1]
    assert finished["L4"].history().step_accuracy.shape == (201, 0)


def test_same_seed_same_curve_other_seed_other_curve() -> None:
    lesson = grammar()
    curves = []
    for seed in (5, 5, 6):
        run = TrainingRun(lesson, replace(defaults_for(lesson), seed=seed))
        assert run.join(60)
        run.close()
        curves.append(run.history().loss)
    a, b, c = curves
    np.testing.assert_allclose(a, b, rtol=1e-5)
    assert not np.allclose(a, c)


# Controls.
def test_pause_holds_the_epoch_and_resume_continues() -> None:
    scheduler = Scheduler(slots=1)
    run = long_run(scheduler=scheduler)
    wait_until(lambda: run.status().epoch > 20)
    run.pause()
    assert run.status().state is State.PAUSED  # said at once, before the worker notices
    wait_until(lambda: scheduler.counts() == (0, 0), 5)  # it has: its slot is free
    held = run.status().epoch
    time.sleep(0.4)
    assert run.status().epoch == held and run.status().state is State.PAUSED
    run.resume()
    wait_until(lambda: run.status().epoch > held, 10)
    assert run.status().state is State.RUNNING
    run.close()
    assert run.join(5)


def test_resume_before_the_worker_noticed_the_pause_shows_running() -> None:
    run = long_run()
    wait_until(lambda: run.status().epoch > 0)
    for _ in range(20):  # pause and resume faster than a graph call
        run.pause()
        run.resume()
    epoch = run.status().epoch
    wait_until(lambda: run.status().epoch > epoch, 10)
    assert run.status().state is State.RUNNING
    run.close()
    assert run.join(5)


def test_pause_during_compile_is_shown_at_once_and_start_holds() -> None:
    scheduler = Scheduler(slots=1)
    lesson = hello()
    # A shape no other test builds, so the program is built and traced now.
    run = TrainingRun(lesson, replace(defaults_for(lesson), units=7, cell="GRU", epochs=LONG),
                      scheduler=scheduler, pool=ProgramPool())
    wait_until(lambda: run.status().message == "train.msg.preparing", 30)
    run.pause()
    assert run.status().state is State.PAUSED
    wait_until(lambda: scheduler.counts() == (0, 0), 30)
    assert run.status().state is State.PAUSED and run.status().epoch == 0
    run.stop()
    assert run.join(10)


def test_stop_ends_the_thread_and_keeps_the_model() -> None:
    run = long_run()
    wait_until(lambda: run.status().epoch > 5)
    run.stop()
    assert run.join(5)
    status = run.status()
    assert status.state is State.STOPPED and 5 < status.epoch < LONG
    assert run.snapshots()[-1][0] == status.epoch
    assert run.keras_file()  # still downloadable until closed
    run.close()
    assert run.keras_file() is None


def test_stop_while_paused_ends_the_thread() -> None:
    run = long_run()
    wait_until(lambda: run.status().epoch > 0)
    run.pause()
    wait_until(lambda: run.status().state is State.PAUSED, 5)
    run.stop()
    assert run.join(5) and run.status().state is State.STOPPED
    run.close()


# Divergence.
def test_learning_rate_10_diverges_and_keeps_the_last_good_weights() -> None:
    lesson = five_words()
    run = TrainingRun(lesson, replace(defaults_for(lesson), learning_rate=10.0))
    assert run.join(60)
    status = run.status()
    assert status.state is State.DIVERGED
    assert status.message in ("train.msg.diverged_exploding", "train.msg.diverged_nonfinite")
    kept = status.message_args["kept"]
    assert status.message_args["epoch"] > kept
    epoch, model = run.snapshots()[-1]
    assert epoch == kept
    assert all(np.isfinite(w).all() for layer in model.layers
               for w in (layer.cell.kernel, layer.cell.recurrent_kernel))
    history = run.history()
    assert history.loss[kept] < history.loss[-1]  # the curve shows the explosion
    keras = keras_runtime.keras()
    with open("/tmp/rnnviz-test-diverged.keras", "wb") as f:
        f.write(run.keras_file())
    restored = keras.saving.load_model("/tmp/rnnviz-test-diverged.keras", safe_mode=True)
    np.testing.assert_allclose(  # large weights after a jump: float32 agrees to ~1e-5
        model.run(lesson.x).output, np.asarray(restored(encode_inputs(run.config, lesson.x))),
        atol=1e-4,
    )
    run.close()


# Isolation, the cap and cleanup.
def test_two_runs_are_isolated() -> None:
    a, b = long_run(hello), long_run(five_words)
    wait_until(lambda: a.status().epoch > 0 and b.status().epoch > 0)
    a.stop()
    assert a.join(5)
    held = a.status().epoch
    moving = b.status().epoch
    wait_until(lambda: b.status().epoch > moving + 5, 10)
    assert a.status().epoch == held and b.status().state is State.RUNNING
    assert a.snapshots()[-1][1].tokens == tuple("helo")
    assert b.snapshots()[-1][1].tokens == five_words().vocab.tokens
    b.close()
    a.close()


def test_queue_positions_with_a_cap() -> None:
    scheduler = Scheduler(slots=1)
    first = long_run(scheduler=scheduler)
    wait_until(lambda: first.status().state is State.RUNNING)
    second = long_run(scheduler=scheduler)
    third = long_run(scheduler=scheduler)
    wait_until(lambda: third.status().queue_position == 2)
    assert second.status().state is State.QUEUED and second.status().queue_position == 1
    assert scheduler.counts() == (1, 2)
    first.close()
    wait_until(lambda: second.status().state is State.RUNNING)
    wait_until(lambda: third.status().queue_position == 1)
    third.stop()  # leaving the queue ends the thread without ever training
    assert third.join(5) and third.status().state is State.STOPPED and not third.snapshots()
    second.close()
    third.close()
    assert second.join(5)  # closing only signals; the worker returns its slot on its way out
    assert scheduler.counts() == (0, 0)


def test_pausing_gives_the_slot_to_the_next_in_line() -> None:
    scheduler = Scheduler(slots=1)
    first = long_run(scheduler=scheduler)
    wait_until(lambda: first.status().state is State.RUNNING)
    second = long_run(scheduler=scheduler)
    wait_until(lambda: second.status().queue_position == 1)
    first.pause()
    wait_until(lambda: second.status().state is State.RUNNING)
    first.resume()
    wait_until(lambda: first.status().queue_position == 1)
    second.close()
    wait_until(lambda: first.status().state is State.RUNNING)
    first.close()


def test_threads_end_after_many_start_and_reset_cycles() -> None:
    before = len(threading.enumerate())
    scheduler = Scheduler(slots=2)
    trainer = SessionTrainer(scheduler=scheduler)
    lesson = grammar()
    most = 0
    for seed in range(8):
        trainer.start(lesson, replace(defaults_for(lesson), seed=seed, epochs=5000))
        most = max(most, scheduler.counts()[0])
        if seed % 2:
            trainer.reset()
    trainer.close()
    assert trainer.run is None and trainer.closed
    assert trainer.start(lesson, defaults_for(lesson)) is None  # closed: nothing starts
    wait_until(lambda: trainer_threads() == [], 30)  # they end by themselves
    assert most <= 1  # a session never held two slots, though old runs were winding down
    assert scheduler.counts() == (0, 0)
    assert len(threading.enumerate()) <= before


def test_close_returns_at_once_while_tensorflow_traces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a session runs on Streamlit's event loop: it must never wait for the worker,
    even while the worker is inside a slow call it cannot leave."""
    gate = threading.Event()
    pool = ProgramPool()
    real_take = pool.take

    def slow_take(*args: object) -> object:
        gate.wait(30)  # a first graph being traced, for as long as the test likes
        return real_take(*args)

    monkeypatch.setattr(pool, "take", slow_take)
    scheduler = Scheduler(slots=1)
    trainer = SessionTrainer(scheduler=scheduler, pool=pool)
    lesson = hello()
    run = trainer.start(lesson, defaults_for(lesson))
    wait_until(lambda: run.status().message == "train.msg.preparing", 30)
    began = time.monotonic()
    trainer.close()
    assert time.monotonic() - began < 0.1
    assert run.alive and scheduler.counts() == (1, 0)
    gate.set()
    assert run.join(30) and run.status().state is State.STOPPED
    assert scheduler.counts() == (0, 0) and pool.idle_count() == 1  # slot and program back


def test_work_cap_refuses_the_run_with_a_message() -> None:
    lesson = from_text("the cat sat on the mat. " * 100)
    heavy = replace(defaults_for(lesson), cell="LSTM", units=64, layers=3, batch_size=1)
    allowed = max_epochs(lesson, heavy)
    assert work(lesson, replace(heavy, epochs=allowed)) <= MAX_WORK
    assert work(lesson, replace(heavy, epochs=allowed + 1)) > MAX_WORK
    assert problems(replace(heavy, epochs=allowed), lesson) == []
    [(key, values)] = problems(replace(heavy, epochs=allowed + 1), lesson)
    assert key == "train.problem.too_much_work" and values["limit"] == allowed
    assert "at most" in CATALOGUE[key]["en"].format(**values)
    with pytest.raises(InputProblem) as refused:
        SessionTrainer().start(lesson, replace(heavy, epochs=allowed + 1))
    assert refused.value.key == "train.problem.too_much_work"


def test_a_session_keeps_its_last_five_models() -> None:
    trainer = SessionTrainer(keep=5)
    lesson = grammar()
    runs = []
    for seed in range(7):
        runs.append(trainer.start(lesson, replace(defaults_for(lesson), epochs=3, seed=seed)))
        assert runs[-1].join(60)
    kept = trainer.kept()
    assert [number for number, _ in kept] == [7, 6, 5, 4, 3]
    assert [run for _, run in kept] == runs[:1:-1]
    trainer.reset()
    assert trainer.run is None and len(trainer.kept()) == 5  # reset keeps the models
    trainer.close()
    assert trainer.kept() == []


# Files in and out.
def test_upload_round_trip_and_refusals(finished: dict[str, TrainingRun]) -> None:
    data = finished["L4"].keras_file()
    settings, weights = read_keras_file(data, five_words())
    assert (settings.cell, settings.units, settings.layers) == ("SimpleRNN", 8, 1)
    trainer = SessionTrainer()
    run = trainer.load(five_words(), data)
    assert run.join(30) and run.status().state is State.FINISHED
    assert run.status().message == "train.msg.loaded" and run.status().accuracy == 1.0
    trainer.close()
    refusals = {
        "train.problem.upload_mismatch": (data, hello()),
        "train.problem.upload_corrupt": (b"PK\x03\x04 not really a zip", five_words()),
        "train.problem.upload_too_big": (b"0" * (MAX_UPLOAD_BYTES + 1), five_words()),
    }
    for key, (payload, lesson) in refusals.items():
        with pytest.raises(InputProblem) as caught:
            read_keras_file(payload, lesson)
        assert caught.value.key == key


def test_upload_refuses_code_in_the_file(tmp_path) -> None:
    keras = keras_runtime.keras()
    lesson = five_words()
    model = keras.Sequential([
        keras.Input((4, 9)), keras.layers.Lambda(lambda x: x * 2),
        keras.layers.SimpleRNN(8), keras.layers.Dense(9, activation="softmax"),
    ])
    model.save(tmp_path / "lambda.keras")
    with pytest.raises(InputProblem) as caught:
        read_keras_file((tmp_path / "lambda.keras").read_bytes(), lesson)
    assert caught.value.key == "train.problem.upload_corrupt"


# Models.
@pytest.mark.parametrize("cell", CELLS)
def test_summary_matches_keras_for_every_cell_and_depth(cell: str) -> None:
    for make in TRAINABLE.values():
        for layers in (1, 2):
            config = config_for(make(), cell=cell, layers=layers, seed=1)
            model = build_model(config)
            rows = summary_rows(config)
            assert [r.params for r in rows] == [layer.count_params() for layer in model.layers]
            assert [r.output_shape for r in rows] == [tuple(layer.output.shape)
                                                      for layer in model.layers]
            assert describe_config(json.loads(model.to_json())) == config.shape_key


def test_l4_summary_is_144_plus_81() -> None:
    rows = summary_rows(config_for(five_words()))
    assert [(r.name, r.params) for r in rows] == [("SimpleRNN", 144), ("Dense", 81)]
    assert build_model(config_for(five_words())).count_params() == 225
    l3 = summary_rows(config_for(sentiment()))
    assert l3[0].name == "Embedding" and not l3[0].trainable


def test_initial_weights_depend_only_on_the_seed() -> None:
    config = config_for(five_words(), cell="LSTM", seed=4)
    a, b = initial_weights(config), initial_weights(config)
    c = initial_weights(replace(config, seed=5))
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[0], c[0])
    assert np.allclose(a[1] @ a[1].T, np.eye(8), atol=1e-5)  # orthogonal recurrent kernel
    assert a[2][8:16].tolist() == [1.0] * 8  # LSTM forget bias


# User input.
def test_words_become_a_next_character_task() -> None:
    lesson = from_words("  hello\u200b  apple\x07 ")
    assert lesson.samples == ("hello", "apple")
    assert data_rows(lesson) == [("hell", "ello"), ("appl", "pple")]
    assert lesson.vocab.tokens[0] == "<pad>"
    assert step_names(hello()) == ["t1 h→e", "t2 e→l", "t3 l→l", "t4 l→o"]


def test_text_is_cut_into_windows() -> None:
    lesson = from_text("안녕하세요 " * 10)
    rows = data_rows(lesson)
    assert all(len(a) == len(b) for a, b in rows)
    assert rows[0][0][1:] == rows[0][1][:-1]


@pytest.mark.parametrize(("make", "text", "key"), [
    (from_words, "", "train.problem.empty"),
    (from_words, " \u200b\ufeff ", "train.problem.empty"),
    (from_words, "a b c", "train.problem.words_too_short"),
    (from_words, "w" * 100, "train.problem.word_too_long"),
    (from_words, "ab " * 100, "train.problem.too_many_words"),
    (from_text, "short", "train.problem.text_too_short"),
    (from_text, "x" * 10_000, "train.problem.text_too_long"),
    (from_text, "".join(chr(0x4E00 + i) for i in range(200)), "train.problem.too_many_characters"),
])
def test_bad_input_is_a_problem_with_a_message(make, text: str, key: str) -> None:
    with pytest.raises(InputProblem) as caught:
        make(text)
    assert caught.value.key == key and key in CATALOGUE
    CATALOGUE[key]["en"].format(**caught.value.values)


def test_custom_words_train() -> None:
    lesson = from_words("hello world")
    run = TrainingRun(lesson, replace(defaults_for(lesson), epochs=200))
    assert run.join(60)
    assert run.status().accuracy == 1.0
    run.close()


def test_settings_problems() -> None:
    base = defaults_for(five_words())
    assert problems(base) == []
    assert problems(replace(base, learning_rate=10.0)) == []
    for bad, key in [
        (replace(base, learning_rate=11.0), "train.problem.learning_rate"),
        (replace(base, learning_rate=float("nan")), "train.problem.learning_rate"),
        (replace(base, units=0), "train.problem.units"),
        (replace(base, epochs=10**6), "train.problem.epochs"),
        (replace(base, cell="Transformer"), "train.problem.cell"),
    ]:
        assert [k for k, _ in problems(bad)] == [key]
        assert key in CATALOGUE


def test_every_dynamic_text_key_exists() -> None:
    keys = [f"train.source.{s}" for s in SOURCES] + [f"train.state.{s.value}" for s in State]
    keys += [f"train.text_label.{s}" for s in ("words", "text")]
    keys += [f"train.text_default.{s}" for s in ("words", "text")]
    missing = [k for k in keys if k not in CATALOGUE]
    assert not missing


def test_charts_draw_the_history(finished: dict[str, TrainingRun]) -> None:
    history = finished["L1"].history()
    loss = loss_figure(history, "Loss", "epoch", "loss")
    assert list(loss.data[0].y) == pytest.approx(history.loss.tolist())
    assert accuracy_figure(history, "Acc", "epoch", "acc").data[0].y[-1] == 1.0
    steps = step_accuracy_figure(history, step_names(hello()), "Steps", "epoch", "acc")
    assert [trace.name for trace in steps.data] == step_names(hello())
    diverged = history.__class__(history.epochs[:2], np.array([1.0, np.inf]),
                                 history.accuracy[:2], history.step_accuracy[:2])
    assert np.isnan(loss_figure(diverged, "", "", "").data[0].y[1])


def test_long_curves_are_thinned_for_drawing(finished: dict[str, TrainingRun]) -> None:
    history = finished["L4"].history()
    thinned = thin(history, limit=50)
    assert len(thinned.epochs) == 50
    assert thinned.epochs[0] == 0 and thinned.epochs[-1] == history.epochs[-1]
    assert len(loss_figure(history, "", "", "").data[0].x) == len(history.epochs)  # 201 <= 400


def test_a_busy_page_thread_does_not_starve_training() -> None:
    """A thread spinning in Python (a page drawing charts) while a run trains: the run shortens
    the GIL switch interval (at 5 ms the app trained a few epochs per second) and finishes."""
    lesson = grammar()
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            sum(range(10_000))

    spinner = threading.Thread(target=spin, daemon=True)
    spinner.start()
    try:
        run = TrainingRun(lesson, replace(defaults_for(lesson), epochs=300))
        assert sys.getswitchinterval() <= 0.0005
        assert run.join(120)
    finally:
        stop.set()
        spinner.join()
    run.close()
    assert run.status().state is State.FINISHED and run.status().epoch == 300


def test_warm_up_leaves_a_compiled_program_the_first_run_takes(monkeypatch) -> None:
    from rnnviz.trainer import program as program_module
    from rnnviz.trainer.warmup import prepare

    pool = ProgramPool()
    lesson = sentiment()
    prepare(lesson, pool)
    assert pool.idle_count() == 1
    built = []
    monkeypatch.setattr(program_module, "Program",
                        lambda *a: built.append(a) or pytest.fail("built a second program"))
    run = TrainingRun(lesson, defaults_for(lesson), pool=pool)
    assert run.join(60) and run.status().state is State.FINISHED
    assert run.status().accuracy == 1.0 and built == []


def test_more_graph_calls_at_once_than_the_pool_has_threads_do_not_hang() -> None:
    """Graphs run on their calling threads, each holding an inter-op thread: four slots on a
    four-thread pool used to wait for each other forever."""
    scheduler = Scheduler(slots=keras_runtime.INTER_OP_THREADS + 1)
    runs = [TrainingRun(make(), defaults_for(make()), scheduler=scheduler)
            for make in (hello, five_words, grammar, sentiment, hello)]
    for run in runs:
        assert run.join(120), run.status()
        assert run.status().state is State.FINISHED


def test_learned_at_reads_the_epoch_each_step_stayed_right_from() -> None:
    from rnnviz.trainer.progress import History, learned_at

    steps = np.array([[0, 0, 1], [1, 0, 1], [0, 1, 1], [1, 1, 1], [1, 1, 0.5]], float)
    history = History(np.arange(5), np.zeros(5), np.zeros(5), steps)
    assert learned_at(History(*(a[:4] for a in (history.epochs, history.loss,
                                                 history.accuracy, steps)))) == [3, 2, 0]
    assert learned_at(history) == [3, 2, None]  # the last step slipped back at epoch 4


def test_a_slowed_run_spreads_its_epochs_over_the_set_time(monkeypatch) -> None:
    from rnnviz.trainer import run as run_module

    monkeypatch.setattr(run_module, "SLOW_SECONDS", 3.0)
    lesson = hello()
    run = TrainingRun(lesson, defaults_for(lesson), pace="slow")
    wait_until(lambda: run.status().epoch > 0, 60)
    began, seen = time.monotonic(), set()
    while not run.status().state.done:
        seen.add(run.status().epoch)
        time.sleep(0.05)
    took = time.monotonic() - began
    assert run.status().state is State.FINISHED and run.status().epoch == 100
    assert took > 2.0  # real speed takes a fraction of a second
    assert len(seen) > 10  # and the curve was seen growing, not jumping to the end


def test_a_run_whose_tensorflow_failed_says_why_and_ends(monkeypatch) -> None:
    def broken() -> None:
        raise RuntimeError("ImportError: no TensorFlow here")

    monkeypatch.setattr(keras_runtime, "keras", broken)
    scheduler = Scheduler(slots=1)
    run = TrainingRun(hello(), defaults_for(hello()), scheduler=scheduler)
    assert run.join(10)
    status = run.status()
    assert status.state is State.FAILED and status.message == "train.msg.failed"
    assert "no TensorFlow here" in status.message_args["detail"]
    assert scheduler.counts() == (0, 0)


def test_reading_a_run_never_waits_for_its_graph_call() -> None:
    """The worker holds the program's lock for a whole graph call; the page's reads take
    other locks, so a Step-through rerun during training does not wait for a chunk."""
    run = long_run()
    wait_until(lambda: len(run.snapshots()) > 1)
    held = threading.Event()

    def hold() -> None:
        with run._program_lock:  # as a three-second graph call would
            held.set()
            time.sleep(3)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    began = time.monotonic()
    for _ in range(50):
        run.snapshots(), run.status(), run.history()
    assert time.monotonic() - began < 1.0
    holder.join()
    run.close()
    assert run.join(10)


def test_start_stop_reset_and_close_racing_leave_nothing_behind() -> None:
    """Buttons pressed from several threads at once while the session ends: every run that
    was made ends, no slot stays taken, and nothing starts after the close."""
    import random

    scheduler = Scheduler(slots=2)
    trainer = SessionTrainer(scheduler=scheduler)
    lesson = grammar()
    made: list[TrainingRun] = []
    go = threading.Event()

    def press(seed: int) -> None:
        rng = random.Random(seed)
        go.wait()
        for _ in range(15):
            action = rng.choice(("start", "start", "stop", "reset", "pause"))
            if action == "start":
                run = trainer.start(lesson, replace(defaults_for(lesson), epochs=5000, seed=seed))
                if run is not None:
                    made.append(run)
            elif action == "reset":
                trainer.reset()
            elif trainer.run is not None:
                getattr(trainer.run, action)()
            time.sleep(rng.random() * 0.02)

    pressers = [threading.Thread(target=press, args=(seed,)) for seed in range(4)]
    for presser in pressers:
        presser.start()
    go.set()
    time.sleep(0.1)
    trainer.close()
    for presser in pressers:
        presser.join(60)
    assert trainer.start(lesson, defaults_for(lesson)) is None
    for run in made:
        assert run.join(60), run.status()
    assert scheduler.counts() == (0, 0)
    assert trainer.kept() == [] and trainer.run is None
