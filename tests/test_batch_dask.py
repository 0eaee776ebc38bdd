"""The Dask engine: a LocalCluster of 2 worker processes, and a scheduler and workers started as
subprocesses on 127.0.0.1 (one of them killed mid-batch), give the local engine's outputs."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch import FERRY, LIBRARY, run, write_event

from compare.batch import BatchRequest, BatchSettings, EventRow, run_batch

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def _events(root: Path, n: int) -> Path:
    """``n`` events: the two stories, each with a line that makes every event's inputs its own."""
    for k in range(n):
        story = FERRY if k % 2 else LIBRARY
        files = {
            name: (text + f"\n\nUpdate {k}: more follows." if name.endswith(".txt") else text)
            for name, text in story.items()
        }
        write_event(root, f"event-{k:02d}", files)
    return root


def _reports(out: Path) -> dict[str, str]:
    """Every per-event report and the summaries, by path, as digests of their bytes."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name in ("report.json", "report.md", "summary.csv", "summary.jsonl")
    }


def test_local_cluster_gives_the_local_engines_bytes(tmp_path: Path) -> None:
    root = _events(tmp_path / "events", 4)
    local = run(str(root), "-o", str(tmp_path / "local"), "-j", "1", "--formats", "json,markdown")
    assert local.exit_code == 0, local.output
    dask = run(
        str(root), "-o", str(tmp_path / "dask"), "--engine", "dask", "-j", "2", "--formats", "json,markdown"
    )
    assert dask.exit_code == 0, dask.output
    assert _reports(tmp_path / "dask") == _reports(tmp_path / "local")
    # A rerun on dask reuses what is unchanged, as the local engine does.
    again = run(
        str(root), "-o", str(tmp_path / "dask"), "--engine", "dask", "-j", "2", "--formats", "json,markdown"
    )
    assert "4 unchanged since the last run" in again.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def test_scheduler_and_workers_as_subprocesses_lose_no_event_when_a_worker_dies(tmp_path: Path) -> None:
    root = _events(tmp_path / "events", 8)
    local = run(str(root), "-o", str(tmp_path / "local"), "-j", "1", "--formats", "json")
    assert local.exit_code == 0, local.output
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [_start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")]
    try:
        for _ in range(2):
            procs.append(
                _start(
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--no-nanny",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                )
            )
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        victim = procs[1]

        def kill_a_worker(row: EventRow, reused: bool) -> None:
            if victim.poll() is None:
                os.kill(victim.pid, signal.SIGKILL)
                victim.wait()

        settings = BatchSettings(formats=("json",), engine="dask", scheduler=address)
        request = BatchRequest(outdir=str(tmp_path / "dask"), source=str(root), settings=settings)
        started = time.monotonic()
        report = run_batch(request, on_event=kill_a_worker)
        assert victim.returncode is not None  # it was killed while events were in flight
        assert report.exit_code == 0, [r.reason for r in report.outcome.rows]
        assert [r.status for r in report.outcome.rows] == ["compared"] * 8
        assert _reports(tmp_path / "dask") == _reports(tmp_path / "local")
        assert time.monotonic() - started < 600
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_an_unreachable_scheduler_is_one_clean_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compare.batch.dask_engine as dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 2)
    root = _events(tmp_path / "events", 1)
    port = _free_port()
    result = run(str(root), "-o", str(tmp_path / "out"), "--scheduler", f"tcp://127.0.0.1:{port}")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot reach the dask scheduler at tcp://127.0.0.1:{port}")
    assert len(result.stderr.strip().splitlines()) == 1
