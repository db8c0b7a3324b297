# hanflow: `make run` and `make test` do all their own set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
UV_VERSION := 0.13.9
UV := .uv/bin/uv
PY := $(VENV)/bin/python
export UV_PROJECT_ENVIRONMENT := $(VENV)
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: run test lint bench clean

$(UV):
	$(PYTHON) -m venv .uv
	.uv/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --compile-bytecode --quiet
	@touch $@

run: $(VENV)/.synced  ## process raw/ into processed/ and print a summary
	$(VENV)/bin/hanflow run --raw raw --out processed

test: $(VENV)/.synced  ## run the whole test suite
	$(VENV)/bin/pytest -q

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check src flows tests benchmarks

.PHONY: bench-extract
bench-extract: $(VENV)/.synced  ## main-text extraction F1 and speed vs readability-lxml and trafilatura
	$(PY) benchmarks/bench_extract.py

PAGES ?= 20000
REPEAT ?= 3
bench: $(VENV)/.synced  ## per-stage limits, then throughput: flow 1/2 workers, fast, naive, datatrove peer, bare steps (PAGES=2000 for a quick look)
	$(PY) benchmarks/bench_stages.py --pages 500
	$(PY) benchmarks/bench_throughput.py --pages $(PAGES) --repeat $(REPEAT)

.PHONY: bench-stages
bench-stages: $(VENV)/.synced  ## each stage next to the fastest library for it (500 pages, one core)
	$(PY) benchmarks/bench_stages.py --pages 500

clean:
	rm -rf $(VENV) .uv .pytest_cache

.PHONY: bench-segment bench-convert

bench-segment: $(VENV)/.synced  ## segmentation F1 on every shared gold set and speed against jieba.lcut and rjieba; span-pattern cost
	$(PY) benchmarks/bench_segment.py

bench-convert: $(VENV)/.synced  ## OpenCC cases per config; conversion and whole-normalise MB/s before/after
	$(PY) benchmarks/bench_convert.py

.PHONY: bench-dedup
bench-dedup: $(VENV)/.synced  ## near-duplicate scores per variant kind, then 20k/100k-document timing and memory
	$(PY) tests/dedup_evalset.py --sweep
	$(PY) benchmarks/bench_dedup.py

.PHONY: bench-orchestration
bench-orchestration: $(VENV)/.synced  ## the flow against its earlier form: tagged task runs, equal batches (2,000 pages)
	$(PY) benchmarks/bench_orchestration.py --pages 2000 --repeat 3

.PHONY: bench-load
bench-load: $(VENV)/.synced  ## synthetic 10k/30k/100k-page corpora: throughput, peak memory of a full build and of each phase, modeled 1M-page peak
	$(PY) benchmarks/bench_load.py --sizes 10000 30000 100000 --model 1000000

.PHONY: bench-incremental
bench-incremental: $(VENV)/.synced  ## a run after editing 10 files of a 100,000-page output, against its full build
	$(PY) benchmarks/bench_incremental.py --pages 100000 --edits 10

.PHONY: bench-decode bench-rules
BASE ?= 2efd975
bench-decode: $(VENV)/.synced  ## double-encoding judges (hanflow, ftfy) and decode speed against BASE
	$(PY) benchmarks/bench_decode.py --base $(BASE)

bench-rules: $(VENV)/.synced  ## boilerplate rules: precision on article sentences, recall on boilerplate, regex cost growth
	$(PY) benchmarks/bench_rules.py --base $(BASE)

.PHONY: bench-dates
bench-dates: $(VENV)/.synced  ## find_date against dateparser and htmldate: forms, gold page dates, cost per line
	$(PY) benchmarks/bench_dates.py

.PHONY: bench-operate
AGAINST ?=
bench-operate: $(VENV)/.synced  ## hanflow run as operated: nothing new, first run, busy folder, API down, Ctrl-C (AGAINST=REV to compare)
	$(PY) benchmarks/bench_operate.py --repeat $(REPEAT) $(if $(AGAINST),--against $(AGAINST))

.PHONY: bench-archives bench-warc-readers
bench-archives: $(VENV)/.synced  ## the same pages as loose files, a WARC.gz and JSON Lines exports: reading cost, identical output
	$(PY) benchmarks/bench_archives.py --pages 2000 --repeat 3

bench-warc-readers: $(VENV)/.synced  ## FastWARC against warcio: scan and random-access speed, damaged archives
	$(PY) benchmarks/bench_warc_readers.py --records 1000 --repeat 5
