"""JSON text is the standard library's, byte for byte, whether or not orjson (the ``fast`` extra)
writes it."""

from __future__ import annotations

import json

import pytest

from compare.report import templating

DATA = [
    {"a": [1, 2.5, -0.0, {"b": 'é\u2028\x01"\\</script>'}], "e": [], "f": {}, "g": None, "h": True},
    {"small": [1e-05, 0.0001, 9.5e-05, 3.2e-09, 1e-10], "big": [1e16, 123456789.123, 2**62]},
    {"lone surrogate": "\udc80"},
    {"huge int": 2**70},
    [[], {}, [[]], "", 0],
]


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("data", DATA)
def test_dumps_is_the_standard_librarys_text(data, fast, monkeypatch) -> None:
    if not fast:
        monkeypatch.setattr(templating, "_orjson", lambda: None)
    elif templating._orjson() is None:
        pytest.skip("orjson is not installed (optional extra: storydiff[fast])")
    assert templating.dumps(data, indent=True) == json.dumps(data, ensure_ascii=False, indent=2)
    assert templating.dumps(data, indent=False) == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
