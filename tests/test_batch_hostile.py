"""Batch mode against hostile inputs and outputs (issue 17): unreadable and dangling event folders,
FIFOs, output folders over inputs, files the batch did not write, a worker that dies."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_batch import FERRY, LIBRARY, run, write_event

from compare.batch import BatchSettings, EventJob, Source, run_jobs
from compare.batch.inputs import from_folders


def _summary(out: Path) -> dict[str, dict]:
    return {
        r["event"]: r for r in (json.loads(line) for line in (out / "summary.jsonl").read_text().splitlines())
    }


def test_unreadable_event_folder_is_a_skipped_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "events"
    write_event(root, "ferry-fire", FERRY)
    locked = write_event(root, "locked", LIBRARY)
    real_iterdir = Path.iterdir

    def iterdir(self: Path):
        if self == locked:  # as chmod 000 would (root reads through chmod, so it is simulated)
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    out = tmp_path / "out"
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1, result.output
    assert "skipped: locked: cannot list the folder (Permission denied)" in result.stderr
    rows = _summary(out)
    assert rows["ferry-fire"]["status"] == "compared"
    assert rows["locked"]["status"] == "skipped"
    assert "locked" in (out / "index.html").read_text()


def test_dangling_symlink_event_is_reported_as_skipped(tmp_path: Path) -> None:
    root = tmp_path / "events"
    write_event(root, "ferry-fire", FERRY)
    (root / "gone").symlink_to(tmp_path / "nowhere")
    out = tmp_path / "out"
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1
    assert "skipped: gone: is a broken symbolic link" in result.stderr
    assert _summary(out)["gone"]["reason"].startswith("is a broken symbolic link")


def test_fifo_and_dangling_file_in_an_event_are_bad_files_not_a_hang(tmp_path: Path) -> None:
    root = tmp_path / "events"
    folder = write_event(root, "ferry-fire", FERRY)
    os.mkfifo(folder / "pipe.txt")
    (folder / "lost.md").symlink_to(tmp_path / "nowhere.md")
    out = tmp_path / "out"
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(
        ln.startswith(f"bad file: {folder / 'pipe.txt'}: ") and "not a regular file" in ln for ln in lines
    )
    assert f"bad file: {folder / 'lost.md'}: is a broken symbolic link" in result.stderr
    row = _summary(out)["ferry-fire"]
    assert row["status"] == "compared" and row["articles"] == 3


def test_manifest_pointing_at_a_fifo_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(LIBRARY["daily-ledger.txt"])
    os.mkfifo(tmp_path / "two.txt")
    data = tmp_path / "data"
    data.mkdir()
    manifest = data / "m.csv"
    manifest.write_text(f"event,path\nflood,{tmp_path / 'one.txt'}\nflood,{tmp_path / 'two.txt'}\n")
    result = run("--manifest", str(manifest), "-o", str(tmp_path / "out"), "-j", "1", "--formats", "json")
    assert result.exit_code == 1
    assert any("two.txt: " in ln and "not a regular file" in ln for ln in result.stderr.splitlines())


def test_output_folder_holding_a_manifest_input_is_refused(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "index.html").write_text("<p>my own page</p>")
    (inputs / "a.txt").write_text(LIBRARY["daily-ledger.txt"])
    manifest = tmp_path / "m.csv"
    manifest.write_text("event,path\nflood,inputs/a.txt\nflood,inputs/index.html\n")
    result = run("--manifest", str(manifest), "-o", str(inputs))
    assert result.exit_code == 1
    assert "the output folder" in result.stderr and "input" in result.stderr
    assert (inputs / "index.html").read_text() == "<p>my own page</p>"
    above = run("--manifest", str(manifest), "-o", str(tmp_path))  # holds the manifest itself
    assert above.exit_code == 1 and "holds an input" in above.stderr


def test_files_the_batch_did_not_write_are_never_replaced(tmp_path: Path) -> None:
    root = tmp_path / "events"
    write_event(root, "ferry-fire", FERRY)
    write_event(root, "library-flood", LIBRARY)
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("mine")
    result = run(str(root), "-o", str(out), "-j", "1")
    assert (
        result.exit_code == 1 and "index.html exists and was not written by storydiff batch" in result.stderr
    )
    assert (out / "index.html").read_text() == "mine" and sorted(os.listdir(out)) == ["index.html"]
    # A report file of someone else's inside an event folder: that event alone is skipped.
    (out / "index.html").unlink()
    (out / "ferry-fire").mkdir()
    (out / "ferry-fire" / "report.json").write_text("theirs")
    result = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert result.exit_code == 1
    assert "skipped: ferry-fire:" in result.stderr and "not written by storydiff batch" in result.stderr
    assert (out / "ferry-fire" / "report.json").read_text() == "theirs"
    assert _summary(out)["library-flood"]["status"] == "compared"
    # Its own files a batch replaces freely on the next run.
    (out / "ferry-fire" / "report.json").unlink()
    again = run(str(root), "-o", str(out), "-j", "1", "--formats", "json")
    assert again.exit_code == 0, again.output


class _KillsItsWorker:
    """Unpickling this in a worker process ends that process at once, as a crash would."""

    def __reduce__(self):
        return (os._exit, (7,))

    def __repr__(self) -> str:
        return "KillsItsWorker()"


def test_a_dead_worker_costs_only_the_event_it_was_running(tmp_path: Path) -> None:
    root = tmp_path / "events"
    for k in range(5):
        write_event(root, f"ferry-{k}", FERRY)
    jobs = list(from_folders(root).jobs)
    jobs.insert(
        1, EventJob(name="boom", label="boom", sources=(Source(path="boom", article=_KillsItsWorker()),))
    )  # type: ignore[arg-type]
    outcome = run_jobs(jobs, tmp_path / "out", BatchSettings(formats=("json",), jobs=2))
    by_event = {r.event: r for r in outcome.rows}
    assert by_event["boom"].status == "skipped"
    assert by_event["boom"].reason.startswith("worker process failed")
    assert all(by_event[f"ferry-{k}"].status == "compared" for k in range(5))


def test_output_onto_a_fifo_or_device_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "events"
    write_event(root, "ferry-fire", FERRY)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null"):
        result = run(str(root), "-o", target)
        assert result.exit_code == 1
        assert result.stderr.strip() == f"Error: {target}: the output must be a folder"
    assert fifo.exists() and not fifo.is_file()
