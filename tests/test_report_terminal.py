"""The terminal view: glance first, hanging indents, and no control sequence from the inputs."""

from __future__ import annotations

from builders import make_article
from test_report_html import hand_comparison

from compare import compare
from compare.report.terminal import render_text, terminal_safe


def test_terminal_safe_strips_every_control_sequence():
    hostile = (
        "a\x1b[31mred\x1b[0m b\x1b]0;new title\x07 c\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
        " d\x1bP1$r0m\x1b\\ e\x9b2J f\x9d0;x\x9c g\x07h\x08i\r"
    )
    out = terminal_safe(hostile)
    assert out == "ared b clink d e f ghi"
    assert terminal_safe("abc\u202edef\u2066x") == "abc<U+202E>def<U+2066>x"


def test_hostile_article_reaches_the_terminal_inert():
    evil = make_article(
        "Evil\x1b]0;pwned\x07 Wire\u202e",
        "The council approved the budget on Monday \x1b[2J after a long debate.",
        title="\x1b]8;;https://x.example\x1b\\Click\x1b]8;;\x1b\\",
    )
    good = make_article("Valley Courier", "The council approved the budget on Monday after a long debate.")
    out = render_text(compare([evil, good]), width=90)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Evil Wire<U+202E>" in out


def test_glance_comes_first_and_lines_hang_under_their_label():
    out = render_text(hand_comparison(), width=60)
    lines = out.splitlines()
    assert out.index("At a glance") < out.index("Conflicts (2):") < out.index("Claims")
    assert "All 3 outlets report (matches: 2 strong):" in out
    assert "  Harbour Gazette (outlet) ×2: Daily Ledger 1," in out
    # A difference too long for one line: the label and reason, then each outlet's value on a line
    # of its own, indented under the label, never at column 0.
    k = next(i for i, line in enumerate(lines) if line.startswith("  conflict number: "))
    assert all(line.startswith("    ") for line in lines[k + 1 : k + 3]), lines[k : k + 3]
    assert not any(line.endswith(" ") for line in lines if line.strip() and "─" not in line)


def test_brief_stops_after_the_glance():
    out = render_text(hand_comparison(), width=80, brief=True)
    assert "At a glance" in out and "Claims" not in out and "c1 number: " in out


def test_one_article_shows_its_profile_and_no_only_in():
    solo = make_article("Solo Blog", "The Express reported that the mine will close. We think it is sad.")
    out = render_text(compare([solo]), width=80)
    assert "states 1 of 2 sentences itself" in out or "states 2 of 2 sentences itself" in out
    assert "Only in one outlet" not in out and "Sentences" in out
