"""A real `streamlit run app.py` on loopback and Debian's Chromium, for the tools that need
the running app: browser tests, screenshots and benchmarks. `serve_replicas` runs several
behind nginx with deploy/run_replicas.sh.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps calling hosts this closed network refuses.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    ready_at: float  # time.monotonic() when /_stcore/health first answered ok

    @property
    def pids(self) -> tuple[int, ...]:
        return (self.pid,)


@dataclass(frozen=True)
class Replicas:
    """nginx at `url` in front of replicas; `replicas` maps each one's address (as nginx's
    X-Upstream header names it) to its process id; `run_dir` holds nginx's access log."""

    url: str
    replicas: dict[str, int]
    run_dir: Path
    ready_at: float

    @property
    def pids(self) -> tuple[int, ...]:
        return tuple(self.replicas.values())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_ports(count: int) -> int:
    """A free loopback port whose next `count` ports are free as well."""
    for _ in range(50):
        base = free_port()
        if base + count < 65536 and all(_port_free(base + i) for i in range(1, count + 1)):
            return base
    raise RuntimeError("no run of free ports on loopback")


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@contextmanager
def serve(timeout_s: float = 60, script: str = "app.py") -> Iterator[Server]:
    """Run the app (or another `script` of the repo) on a free loopback port until the block
    ends; on a failed start, raise with the server's log."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            deadline = time.monotonic() + timeout_s
            while not healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(
                        f"Streamlit did not answer {url}/_stcore/health within {timeout_s} s "
                        f"(exit code {process.poll()}). Server log:\n{log.read()}"
                    )
                time.sleep(0.1)
            yield Server(url, process.pid, time.monotonic())
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def serve_replicas(count: int, run_dir: Path, timeout_s: float = 180) -> Iterator[Replicas]:
    """deploy/run_replicas.sh with `count` replicas on loopback until the block ends; on a
    failed start, raise with the script's output. Needs Debian's nginx."""
    base = free_ports(count)
    url = f"http://127.0.0.1:{base}"
    with tempfile.TemporaryFile(mode="w+") as log:
        script = subprocess.Popen(
            ["bash", str(REPO / "deploy" / "run_replicas.sh"), str(count), str(base)],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "RNNVIZ_RUN_DIR": str(run_dir),
                 "RNNVIZ_LISTEN": f"127.0.0.1:{base}", "PYTHON": sys.executable},
        )
        try:
            deadline = time.monotonic() + timeout_s
            while not healthy(url):
                if script.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"nginx and {count} replicas did not answer {url} within "
                                       f"{timeout_s} s. Script output:\n{log.read()}")
                time.sleep(0.2)
            replicas = {f"127.0.0.1:{base + i}": int((run_dir / f"replica-{i}.pid").read_text())
                        for i in range(1, count + 1)}
            yield Replicas(url, replicas, run_dir, time.monotonic())
        finally:
            script.send_signal(signal.SIGTERM)  # it stops nginx and every replica
            try:
                script.wait(timeout=30)
            except subprocess.TimeoutExpired:
                script.kill()
                script.wait()
                for pid_file in run_dir.glob("*.pid"):  # what the killed script left running
                    pid = int(pid_file.read_text())
                    if running(pid):
                        os.kill(pid, signal.SIGKILL)
