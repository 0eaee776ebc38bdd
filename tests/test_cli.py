"""The command line: exact ``Error:`` lines and exit codes, formats, -o, colour, start-up."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.atomic import write_atomic
from compare.cli import main

REPO = Path(__file__).parents[1]
TINY = REPO / "tests" / "data" / "tiny-event"
TINY_FILES = sorted(str(p) for p in TINY.iterdir())
PYTHON = sys.executable

NO_BODY_PAGE = (
    "<!DOCTYPE html><html><head><title>Page not found</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
    "<footer>© 2022 The Courier</footer></body></html>"
)


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)


def digest(paths: list[str]) -> dict[str, str]:
    return {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


def assert_error(result, line: str) -> None:
    """Exit 1, nothing on stdout, and stderr ending in exactly one ``Error:`` line, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")]
    assert errors == [line]
    assert result.stderr.rstrip("\n").splitlines()[-1] == line


# --- bad input ---------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert_error(invoke("compare", TINY_FILES[0], missing), f"Error: {missing}: no such file")


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "meta.json").write_text("{}")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "a.txt").write_text("Title\n\nA body sentence that is here.\n")
    result = invoke("compare", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path}: is a folder with no article files in it (")
    assert len(result.output.splitlines()) == 1


def test_folder_stands_for_its_article_files(tmp_path: Path) -> None:
    for f in TINY_FILES:
        shutil.copy(f, tmp_path / Path(f).name)
    (tmp_path / ".hidden.txt").write_text("not read")
    (tmp_path / "meta.json").write_text("{}")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    by_folder = invoke("compare", "--format", "json", str(tmp_path))
    named = sorted(str(tmp_path / Path(f).name) for f in TINY_FILES)
    by_files = invoke("compare", "--format", "json", *named)
    assert by_folder.exit_code == 0, by_folder.output
    assert json.loads(by_folder.output) == json.loads(by_files.output)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.md", b"\n \n", "is empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "looks like a binary file, not text"),
        ("404.html", NO_BODY_PAGE.encode(), "no article body found in the HTML page"),
        ("scan.pdf", b"%PDF-1.7", "unsupported file type '.pdf' (use .txt, .md, .html, .json or .jsonl)"),
        ("title.txt", b"Only a headline\n\n", "has a title but no article text"),
        ("nulls.json", b'{"text": null}', 'has no "text" field'),
    ],
)
def test_bad_file(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_error(invoke("compare", str(path)), f"Error: {path}: {problem}")


def test_broken_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.json"
    path.write_text('{\n  "text": "A sentence.",\n  "outlet": \n}\n', encoding="utf-8")
    assert_error(invoke("compare", str(path)), f"Error: {path}:4: invalid JSON: Expecting value (column 1)")


def test_broken_jsonl_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "One sentence here."}\n{"text": "Two", \n', encoding="utf-8")
    result = invoke("compare", str(path))
    assert_error(
        result,
        f"Error: {path}:2: invalid JSON: Expecting property name enclosed in double quotes (column 17)",
    )


def test_undecodable_text_with_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Le café est fermé.".encode("latin-1"))
    assert_error(
        invoke("compare", "--encoding", "utf-8", str(path)),
        f"Error: {path}: cannot be decoded as utf-8 (byte 0xe9 at offset 6)",
    )


def test_legacy_text_is_read_and_encoding_override_works(tmp_path: Path) -> None:
    path = tmp_path / "courier.txt"
    path.write_bytes("The café reopened on Monday, the owner said.".encode("cp1252"))
    data = json.loads(invoke("compare", "--format", "json", str(path)).stdout)
    assert data["articles"][0]["text"] == "The café reopened on Monday, the owner said."
    forced = json.loads(invoke("compare", "--format", "json", "--encoding", "cp1252", str(path)).stdout)
    assert forced["articles"][0]["text"] == data["articles"][0]["text"]


def test_unknown_encoding() -> None:
    assert_error(
        invoke("compare", "--encoding", "klingon", TINY_FILES[0]),
        "Error: unknown encoding 'klingon' (--encoding takes a name such as utf-8, cp1252 or latin-1)",
    )


def test_no_files_is_a_usage_error_with_exit_1() -> None:
    result = invoke("compare")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "Error: Missing argument 'FILES...'."


def test_unknown_format_is_a_usage_error_with_exit_1() -> None:
    result = invoke("compare", "--format", "xml", TINY_FILES[0])
    assert result.exit_code == 1
    assert "Error: Invalid value for '--format': 'xml' is not one of" in result.stderr


def test_output_may_not_overwrite_an_input(tmp_path: Path) -> None:
    src = tmp_path / "post.txt"
    src.write_text("Title\n\nThe council met on Monday. It agreed the budget.\n", encoding="utf-8")
    before = digest([str(src)])
    assert_error(
        invoke("compare", "--format", "json", "-o", str(src), str(src)),
        f"Error: {src}: is one of the input files; choose another -o path",
    )
    assert digest([str(src)]) == before


def test_output_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "report.json"
    result = invoke("compare", "--format", "json", "-o", str(target), *TINY_FILES)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {target}: cannot write (")
    assert "Traceback" not in result.stderr


# --- formats and output ------------------------------------------------------------------------


def test_json_to_stdout_follows_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads(
        resources.files("compare").joinpath("schema/storydiff-1.schema.json").read_text("utf-8")
    )
    result = invoke("compare", "--format", "json", *TINY_FILES)
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [a["id"] for a in data["articles"]] == ["harbour-post", "metro-wire", "valley-courier"]
    assert [a["outlet"] for a in data["articles"]] == ["Harbour Post", "Metro Wire", "Valley Courier"]


def test_markdown_output() -> None:
    result = invoke("compare", "--format", "markdown", *TINY_FILES)
    assert result.exit_code == 0
    assert result.stdout.startswith("#")
    for outlet in ("Harbour Post", "Metro Wire", "Valley Courier"):
        assert outlet in result.stdout


def test_text_output_is_the_default_and_plain_when_not_a_terminal() -> None:
    result = invoke("compare", *TINY_FILES)
    assert result.exit_code == 0
    assert "Valley Courier" in result.stdout
    assert "\x1b[" not in result.stdout


def test_width_option_bounds_lines() -> None:
    result = invoke("compare", "--width", "60", *TINY_FILES)
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_output_file_is_written_and_inputs_stay_as_they_were(tmp_path: Path) -> None:
    before = digest(TINY_FILES)
    mtimes = {p: os.stat(p).st_mtime_ns for p in TINY_FILES}
    out = tmp_path / "reports" / "tiny.json"
    result = invoke("compare", "--format", "json", "-o", str(out), *TINY_FILES)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        invoke("compare", "--format", "json", *TINY_FILES).stdout
    )
    assert sorted(p.name for p in out.parent.iterdir()) == ["tiny.json"], "no temporary file left behind"
    assert stat.S_IMODE(out.stat().st_mode) & 0o044, "readable by others, not mkstemp's private 0600"
    assert digest(TINY_FILES) == before
    assert {p: os.stat(p).st_mtime_ns for p in TINY_FILES} == mtimes


def test_output_file_replaces_an_old_report(tmp_path: Path) -> None:
    out = tmp_path / "tiny.md"
    out.write_text("old report", encoding="utf-8")
    out.chmod(0o640)
    assert invoke("compare", "--format", "markdown", "-o", str(out), *TINY_FILES).exit_code == 0
    assert "Valley Courier" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_write_atomic_leaves_old_file_when_rename_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new contents")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_write_atomic_bytes_and_text(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a" / "b.txt", "café\n")
    write_atomic(tmp_path / "c.bin", b"\x00\x01")
    assert (tmp_path / "a" / "b.txt").read_bytes() == "café\n".encode()
    assert (tmp_path / "c.bin").read_bytes() == b"\x00\x01"


# --- colour, entry points, start-up ------------------------------------------------------------


def run_in_terminal(args: list[str], env_extra: dict[str, str]) -> str:
    """Run ``python -m compare ARGS`` with stdout on a pseudo-terminal and return what it printed."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100"}, **env_extra)
    proc = subprocess.Popen(
        [PYTHON, "-m", "compare", *args], stdout=slave, stderr=subprocess.PIPE, env=env, cwd=REPO
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO once the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode() if proc.stderr else ""
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_and_no_color_respected() -> None:
    # One article keeps each run short (no vectors to fit); the header alone is coloured.
    args = ["compare", str(TINY / "valley-courier.txt")]
    assert "\x1b[" in run_in_terminal(args, {})
    assert "\x1b[" in run_in_terminal(args, {"NO_COLOR": ""}), "an empty NO_COLOR does not count"
    plain = run_in_terminal(args, {"NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert "Valley Courier" in plain
    assert "\x1b[" not in run_in_terminal([*args, "--no-color"], {})
    assert "\x1b[" in run_in_terminal([*args, "--color"], {"NO_COLOR": "1"}), "an explicit flag wins"


def test_python_dash_m_help() -> None:
    proc = subprocess.run([PYTHON, "-m", "compare", "--help"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0
    assert proc.stdout.startswith("Usage:")
    assert "compare" in proc.stdout


def test_entry_point_shows_error_line_without_traceback(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    proc = subprocess.run([PYTHON, "-m", "compare", "compare", missing], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr == f"Error: {missing}: no such file\n"


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("storydiff, version ")


# Modules too heavy for start-up; each is imported inside the function that needs it.
HEAVY_MODULES = ("sklearn", "scipy", "numpy", "trafilatura", "jinja2", "rich", "syntok", "charset_normalizer")


def test_cli_start_up_is_lazy() -> None:
    code = f"import sys, compare.cli\nprint(','.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "", f"imported at start-up: {proc.stdout.strip()}"


def test_color_flag_forces_colour_into_a_pipe() -> None:
    # CliRunner's stdout is not a terminal: without the flag no colour, with it colour all the same.
    assert "\x1b[" not in invoke("compare", *TINY_FILES).stdout
    result = invoke("compare", *TINY_FILES, "--color")
    assert result.exit_code == 0 and "\x1b[" in result.stdout
    proc = subprocess.run(
        [PYTHON, "-m", "compare", "compare", *TINY_FILES, "--color"], capture_output=True, text=True, cwd=REPO
    )
    assert proc.returncode == 0 and "\x1b[" in proc.stdout


def test_brief_prints_the_glance_only() -> None:
    result = invoke("compare", *TINY_FILES, "--brief", "--width", "100")
    assert result.exit_code == 0
    assert "At a glance" in result.stdout and "Claims" not in result.stdout
    assert len(result.stdout.splitlines()) < len(invoke("compare", *TINY_FILES).stdout.splitlines())
    md = invoke("compare", *TINY_FILES, "--brief", "--format", "markdown")
    assert "## At a glance" in md.stdout and "## Claims" not in md.stdout
    assert_error(
        invoke("compare", *TINY_FILES, "--brief", "--format", "json"),
        "Error: --brief applies to the text and markdown formats",
    )


def test_hostile_metadata_is_inert_in_text_and_markdown(tmp_path: Path) -> None:
    evil = tmp_path / "evil.md"
    evil.write_text(
        "---\n"
        'outlet: "Evil\\e]0;pwned\\a Wire\\u202e"\n'
        'title: "\\e]8;;https://x.example\\e\\\\Click me\\e]8;;\\e\\\\"\n'
        'published: "<script>alert(1)</script> | x |"\n'
        "---\n"
        "The council approved the new budget on Monday after a long debate.\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.txt"
    good.write_text("The council approved the budget on Monday after a long debate.\n", encoding="utf-8")
    text = invoke("compare", str(evil), str(good), "--color")
    assert text.exit_code == 0, text.output
    assert "\x1b]" not in text.stdout and "\x07" not in text.stdout and "\u202e" not in text.stdout
    assert "Evil Wire<U+202E>" in text.stdout
    md = invoke("compare", str(evil), str(good), "--format", "markdown").stdout
    assert "<script>" not in md and "\x1b" not in md and "\u202e" not in md
    row = next(line for line in md.splitlines() if line.startswith("| Evil"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 9, row  # eight cells, whatever the fields hold


def test_bad_input_error_loads_no_heavy_module(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    code = (
        "import sys\nfrom compare.cli import main\n"
        f"try:\n    main(['compare', {missing!r}])\nexcept SystemExit:\n    pass\n"
        f"print(','.join(m for m in {(*HEAVY_MODULES, 'compare.pipeline')!r} if m in sys.modules))"
    )
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stderr == f"Error: {missing}: no such file\n"
    assert proc.stdout.strip() == "", f"imported for a bad input: {proc.stdout.strip()}"
