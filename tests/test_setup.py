"""The README's first command sets up and serves the app on a fresh Debian machine.

A fresh Debian or Ubuntu has only the system's `python3`, which is marked externally
managed and refuses `pip install`. The test copies the checkout to an empty folder (no
`.venv`), puts the system's directories first on PATH so `python3` is Debian's own, and runs
`bash scripts/run.sh` until the app answers.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.appserver import free_port, healthy

REPO = Path(__file__).resolve().parents[1]
SYSTEM_PATH = "/usr/local/sbin:/usr/sbin:/sbin:/usr/bin:/bin"
SETUP_TIMEOUT_S = 900


def checkout_copy(target: Path) -> None:
    """The files a clone would have, as they are in the working tree, without .venv."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, check=True,
        capture_output=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.mark.slow
def test_first_readme_command_serves_the_app_with_the_system_python(tmp_path: Path) -> None:
    system_python = shutil.which("python3", path=SYSTEM_PATH)
    assert system_python, "no python3 on the system PATH: scripts/setup.sh installs one"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/run.sh" in readme
    checkout_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "run.log").open("w+")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "PYTHON"))}
    process = subprocess.Popen(
        ["bash", "scripts/run.sh", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"],
        cwd=tmp_path, env={**env, "PATH": SYSTEM_PATH}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + SETUP_TIMEOUT_S
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"scripts/run.sh did not serve the app (exit {process.poll()}):\n"
                            f"{log.read()[-4000:]}")
            time.sleep(1)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
        venv_python = tmp_path / ".venv" / "bin" / "python"
        # The venv was made from the system's python3, not from the interpreter running pytest.
        base = subprocess.run(
            [str(venv_python), "-c", "import sys, streamlit, numpy; print(sys.base_prefix)"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
        assert Path(system_python).resolve().is_relative_to(base), (system_python, base)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
