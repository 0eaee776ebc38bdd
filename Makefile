PY ?= .venv/bin/python

.PHONY: install test lint bench score

install:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]'

test:
	$(PY) -m pytest -q

lint:
	$(PY) -m ruff check compare tests bench
	$(PY) -m mypy

bench:
	$(PY) bench/align.py
	$(PY) bench/details.py
	$(PY) bench/polnear.py
	$(PY) bench/batch.py

score:
	$(PY) ../shared/tools/gold_score.py --brief
