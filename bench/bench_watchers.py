"""What a class of watchers costs the server at each refresh of their view: building the three
curves of a finished L1 run (what every watcher paid before the figures were shared), taking
them from the shared `curves` once one watcher has built them, and Streamlit's own
serialization of them (`to_dict`, `plotly.io.to_json`, paid per watcher in any case); then the share of
one core `--watchers` watchers refreshing every `REFRESH_SECONDS` take either way.
CPU time, not wall time: the machine is shared. Prints figures; asserts nothing.

    python3 bench/bench_watchers.py [--repeat 30] [--watchers 40]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import plotly.io  # noqa: E402

from rnnviz.lessons import hello  # noqa: E402
from rnnviz.trainer import SessionTrainer, defaults_for  # noqa: E402
from rnnviz.trainer.read_only import TrainerView  # noqa: E402
from rnnviz.ui import watch_view  # noqa: E402


def cpu_ms(action: Callable[[], object], repeat: int) -> float:
    """Median CPU milliseconds of `action`."""
    times = []
    for _ in range(repeat):
        began = time.process_time()
        action()
        times.append((time.process_time() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--watchers", type=int, default=40)
    args = parser.parse_args()
    lesson = hello()
    trainer = SessionTrainer(owner="bench")
    run = trainer.start(lesson, defaults_for(lesson))
    run.join(300)
    view = TrainerView(trainer).run

    def build() -> object:
        watch_view._curves.clear()
        return watch_view.curves(view)

    built = cpu_ms(build, args.repeat)
    shared = cpu_ms(lambda: watch_view.curves(view), args.repeat)
    figures = watch_view.curves(view)
    # As st.plotly_chart does: the figure as a dict, then JSON.
    sent = cpu_ms(lambda: [plotly.io.to_json(f.to_dict(), validate=False) for f in figures],
                  args.repeat)
    n, every = args.watchers, watch_view.REFRESH_SECONDS
    print(f"L1 run, {len(figures)} curves, {len(view.history().loss)} points each (median CPU)")
    print(f"  built afresh        {built:6.2f} ms")
    print(f"  shared (built once) {shared:6.2f} ms")
    print(f"  serialized          {sent:6.2f} ms  (Streamlit, per watcher)")
    print(f"{n} watchers every {every:g} s: {n * (built + sent) / 1000 / every:.2f} of a core "
          f"building their own, {(built + n * (shared + sent)) / 1000 / every:.2f} sharing")
    trainer.close()


if __name__ == "__main__":
    main()
