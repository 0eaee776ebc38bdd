"""Hostile inputs (issue 17): only regular files are read, under a size limit checked before
reading; FIFOs, devices, sockets and dangling links get one line and never hang; deep or huge
JSON gets a plain reason; ``-o`` never replaces a special file."""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.atomic import not_regular, write_atomic
from compare.cli import main
from compare.errors import BadFormat, UnreadableArticle
from compare.load import load_file
from compare.load.files import read_bytes, size_text
from compare.model import Options

REPO = Path(__file__).parents[1]
TINY = sorted(str(p) for p in (REPO / "tests" / "data" / "tiny-event").iterdir())
BODY = "The council approved the budget on Tuesday. Taxes will rise by 3.5 percent.\n"

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and sockets are POSIX")


def invoke(*args: str):
    """Run the CLI in a thread with a deadline: a hang fails the test instead of stalling the run."""
    box: dict = {}

    def run() -> None:
        box["result"] = CliRunner().invoke(main, list(args), catch_exceptions=False)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), f"storydiff hung on {args}"
    return box["result"]


def assert_error(result, line: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [line]


@posix_only
def test_fifo_input_is_refused_unopened(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    assert_error(
        invoke("compare", TINY[0], str(fifo)),
        f"Error: {fifo}: is a FIFO (named pipe), not a regular file; storydiff reads only regular files",
    )


@posix_only
def test_dev_zero_behind_a_symlink_is_resolved_and_refused(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    link = tmp_path / "endless.txt"
    link.symlink_to("/dev/zero")
    assert_error(
        invoke("compare", TINY[0], str(link)),
        f"Error: {link}: links to /dev/zero, a character device, not a regular file; "
        "storydiff reads only regular files",
    )


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert_error(
        invoke("compare", TINY[0], str(link)),
        f"Error: {link}: is a broken symbolic link (to {tmp_path / 'deleted.txt'}, which does not exist)",
    )


def test_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(BODY, encoding="utf-8")
    link = tmp_path / "alias.txt"
    link.symlink_to(target)
    (art,) = load_file(str(link))
    assert art.text == BODY


@posix_only
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
    except OSError as exc:  # a path too long for AF_UNIX on some systems
        pytest.skip(f"cannot bind a socket here: {exc}")
    try:
        with pytest.raises(UnreadableArticle, match="is a socket, not a regular file"):
            load_file(str(path))
    finally:
        sock.close()


def test_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 100, encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(UnreadableArticle) as info:
        load_file(str(path), Options(max_file_bytes=1000))
    assert str(info.value) == (
        f"{path}: too large ({size_text(size)}, the limit is 1.0 KB) (raise the limit with --max-file-bytes)"
    )
    assert load_file(str(path), Options(max_file_bytes=size))  # exactly at the limit is fine


def test_size_cap_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 100, encoding="utf-8")
    result = invoke("compare", str(path), "--max-file-bytes", "500")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: too large (")


def test_a_file_that_grows_past_the_cap_is_not_read_on(tmp_path: Path, monkeypatch) -> None:
    """stat can understate a size (files in /proc say 0): reading stops one byte past the cap."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    real_stat = os.stat

    def small_stat(p, *a, **k):
        st = real_stat(p, *a, **k)
        if str(p) == str(path):
            return os.stat_result((st.st_mode, *st[1:6], 10, *st[7:]))
        return st

    monkeypatch.setattr(os, "stat", small_stat)
    with pytest.raises(UnreadableArticle, match=r"too large \(the limit is 1.0 KB\)"):
        read_bytes(str(path), 1000)


def test_json_nested_100000_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert_error(invoke("compare", str(path)), f"Error: {path}: invalid JSON: nested too deeply")


def test_jsonl_line_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "Fine."}\n' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(BadFormat) as info:
        load_file(str(path))
    assert str(info.value) == f"{path}:2: invalid JSON: nested too deeply"


def test_json_number_too_large(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text('{"text": "A story.", "id": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(BadFormat, match="invalid JSON: too large"):
        load_file(str(path))


def test_front_matter_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("---\nouter: " + "[" * 10_000 + "]" * 10_000 + "\n---\nA story.\n", encoding="utf-8")
    with pytest.raises(BadFormat) as info:
        load_file(str(path))
    assert str(info.value) == f"{path}: has front matter nested too deeply"


def test_manifest_line_nested_too_deeply(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = invoke("batch", "--manifest", str(manifest), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert (
        result.stderr.strip().splitlines()[-1]
        == f"Error: {manifest}: line 1 is not valid JSON (nested too deeply)"
    )


def test_huge_json_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text('{"text": "' + "Words and more words. " * 5000 + '"}', encoding="utf-8")
    with pytest.raises(UnreadableArticle, match=r"too large \(110.0 KB, the limit is 100.0 KB\)"):
        load_file(str(path), Options(max_file_bytes=100_000))


@posix_only
def test_output_onto_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "out.html"
    os.mkfifo(fifo)
    assert_error(
        invoke("compare", *TINY, "--format", "html", "-o", str(fifo)),
        f"Error: {fifo}: is a FIFO (named pipe); -o writes only regular files",
    )
    assert not_regular(fifo) == "a FIFO (named pipe)"  # still a FIFO, not replaced


@posix_only
def test_output_through_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null here")
    link = tmp_path / "sink.json"
    link.symlink_to("/dev/null")  # only looked at, never written: the refusal comes first
    assert_error(
        invoke("compare", *TINY, "--format", "json", "-o", str(link)),
        f"Error: {link}: is a character device; -o writes only regular files",
    )


@posix_only
def test_write_atomic_refuses_special_files(tmp_path: Path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match=r"is a FIFO \(named pipe\), not a regular file"):
        write_atomic(fifo, "x")
    assert not_regular(fifo)
    regular = tmp_path / "r.txt"
    write_atomic(regular, "x")
    assert not_regular(regular) is None and regular.read_text() == "x"


@posix_only
def test_batch_event_with_a_fifo_keeps_its_good_files(tmp_path: Path) -> None:
    events = tmp_path / "events"
    event = events / "budget"
    event.mkdir(parents=True)
    for name in TINY:
        (event / Path(name).name).write_bytes(Path(name).read_bytes())
    os.mkfifo(event / "pipe.txt")
    out = tmp_path / "out"
    result = invoke("batch", str(events), "-o", str(out), "-j", "1")
    assert result.exit_code == 1, result.output
    assert f"bad file: {event / 'pipe.txt'}: is a FIFO (named pipe), not a regular file" in result.stderr
    assert (out / "index.html").is_file()


def test_batch_lists_an_event_link_that_is_broken(tmp_path: Path) -> None:
    events = tmp_path / "events"
    good = events / "budget"
    good.mkdir(parents=True)
    for name in TINY:
        (good / Path(name).name).write_bytes(Path(name).read_bytes())
    ghost = events / "ghost-event"
    ghost.symlink_to(tmp_path / "moved-away")
    out = tmp_path / "out"
    result = invoke("batch", str(events), "-o", str(out), "-j", "1")
    assert result.exit_code == 1, result.output
    target = tmp_path / "moved-away"
    line = f"bad file: {ghost}: is a broken symbolic link (to {target}, which does not exist)"
    assert line in result.stderr.splitlines()
    assert "ghost-event" in (out / "index.html").read_text(encoding="utf-8")


@posix_only
def test_batch_manifest_naming_a_fifo_and_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    manifest = tmp_path / "events.csv"
    rows = [f"budget,{name}" for name in TINY] + ["budget,pipe.txt"]
    if os.path.exists("/dev/zero"):
        rows.append("budget,/dev/zero")
    manifest.write_text("event,path\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", "--manifest", str(manifest), "-o", str(out), "-j", "1")
    assert result.exit_code == 1, result.output
    assert (
        f"bad file: {fifo}: is a FIFO (named pipe), not a regular file; storydiff reads only regular files"
        in (result.stderr.splitlines())
    )
    if os.path.exists("/dev/zero"):
        assert (
            "bad file: /dev/zero: is a character device, not a regular file; "
            "storydiff reads only regular files" in result.stderr.splitlines()
        )
    row = json.loads((out / "summary.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["status"] == "compared" and row["articles"] == 3
