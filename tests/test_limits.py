"""Size limits (compare/limits.py): per article and per comparison, from Python and both commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from builders import make_article
from click.testing import CliRunner

from compare import compare
from compare.cli import main
from compare.errors import TooLarge
from compare.limits import check_chars, check_sentences
from compare.model import Options
from compare.segment import segment

REPO = Path(__file__).parents[1]
TINY = REPO / "tests" / "data" / "tiny-event"

SHORT = make_article("Harbour Post", "The ferry left at noon. It sank an hour later. Nine crew were saved.")
LONG = make_article("Valley Courier", " ".join(["The mill on the river reopened on Tuesday."] * 40))


def test_no_limit_when_none() -> None:
    unlimited = Options(max_chars=None, max_sentences=None, max_total_chars=None, max_total_sentences=None)
    check_chars([SHORT, LONG], unlimited)
    check_sentences([segment(SHORT), segment(LONG)], unlimited)


def test_article_chars_names_the_file_the_size_and_the_flag() -> None:
    with pytest.raises(TooLarge) as exc:
        check_chars([SHORT, LONG], Options(max_chars=200))
    assert str(exc.value) == (
        f"valley-courier.txt: {len(LONG.text):,} characters, over the limit of 200 per article "
        "(raise it with --max-chars N, or --max-chars 0 for no limit)"
    )


def test_total_chars_names_the_article_that_crosses_it() -> None:
    limit = len(SHORT.text) + 10
    check_chars([SHORT], Options(max_total_chars=limit))
    with pytest.raises(TooLarge) as exc:
        check_chars([SHORT, LONG], Options(max_total_chars=limit))
    assert exc.value.path == "valley-courier.txt"
    assert f"over the limit of {limit:,} for all articles together" in exc.value.message
    assert "--max-total-chars" in str(exc.value)


def test_sentence_limits_count_the_segmenter_s_sentences() -> None:
    docs = [segment(SHORT), segment(LONG)]
    assert [len(d.sentences) for d in docs] == [3, 40]
    check_sentences(docs, Options(max_sentences=40, max_total_sentences=43))
    with pytest.raises(TooLarge, match="40 sentences, over the limit of 39 per article"):
        check_sentences(docs, Options(max_sentences=39))
    with pytest.raises(TooLarge, match="43 sentences, over the limit of 42 for all"):
        check_sentences(docs, Options(max_total_sentences=42))


def test_compare_refuses_before_analysing() -> None:
    with pytest.raises(TooLarge, match="--max-sentences"):
        compare([SHORT, LONG], Options(max_sentences=10))
    assert compare([SHORT, LONG], Options(max_sentences=40)).documents


def test_defaults_leave_room_for_any_real_article() -> None:
    defaults = Options()
    assert defaults.max_chars and defaults.max_chars >= 20 * 11_418  # the corpus's longest article
    assert defaults.max_sentences and defaults.max_sentences >= 20 * 79
    assert defaults.max_total_chars and defaults.max_total_chars >= defaults.max_chars
    assert defaults.max_total_sentences and defaults.max_total_sentences >= defaults.max_sentences


# --- the commands --------------------------------------------------------------------------------


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_compare_command_one_error_line() -> None:
    files = sorted(str(p) for p in TINY.iterdir())
    result = _invoke("compare", *files, "--max-chars", "100", "--format", "json")
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {files[0]}: ") and "over the limit of 100 per article" in line


def test_compare_command_zero_lifts_a_limit() -> None:
    files = sorted(str(p) for p in TINY.iterdir())
    result = _invoke("compare", *files, "--max-total-chars", "0", "--max-sentences", "0", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["articles"]


def test_batch_skips_the_event_over_a_limit_with_the_reason(tmp_path: Path) -> None:
    events = tmp_path / "events"
    shutil.copytree(TINY, events / "small")
    (events / "big").mkdir()
    for name in ("a.txt", "b.txt"):
        (events / "big" / name).write_text(" ".join(["The mill reopened on Tuesday."] * 30) + "\n")
    out = tmp_path / "out"
    result = _invoke("batch", str(events), "-o", str(out), "--jobs", "1", "--max-sentences", "20")
    assert result.exit_code == 1, result.stderr
    rows = {r["event"]: r for r in map(json.loads, (out / "summary.jsonl").read_text().splitlines())}
    assert rows["small"]["status"] == "compared"
    assert rows["big"]["status"] == "skipped"
    assert "30 sentences, over the limit of 20 per article" in rows["big"]["reason"]
    assert "big" in result.stderr and "--max-sentences" in result.stderr
